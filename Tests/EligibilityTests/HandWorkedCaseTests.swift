import Foundation
import Testing
import Eligibility

// Hand-worked cases against the bundled real plans (curricula/), written by an independent checker. Every expected
// value below was worked out by hand from the plan's source (/work/shared/reference/real-plans.yaml, the Shanxi
// seed) before the engine was run; the comment of each test shows the arithmetic.

private let p = PlanCourses.self

private func without(_ codes: [String], _ removed: String...) -> [String] { codes.filter { !removed.contains($0) } }

private func rec(_ code: String, _ score: Score = .points(75), date: String? = nil, evidence: Evidence = .electronic) -> CourseRecord {
    CourseRecord(code: CourseCode(rawValue: code), score: score, passDate: date.flatMap(CivilDate.init), evidence: evidence)
}

private func request(_ records: [CourseRecord], province: String = "江苏", major: String, plan: String? = nil,
                     candidate: Candidate = Support.candidate(), date: String = "2025-06-01") -> AuditRequest {
    AuditRequest(candidate: candidate, records: records, major: MajorKey(province: province, code: major), planID: plan,
                 applicationDate: CivilDate(date) ?? Support.date)
}

private func others(_ audit: Audit) -> [String]? {
    audit.otherPlans?.map { "\($0.planID) \($0.planVersion) \($0.verdict.rawValue) \($0.missingCredits) credits \($0.missingCourses) courses" }
}

private func missing(_ audit: Audit) -> [String] {
    audit.missing.items.map { item in item.course.map { "\($0.code) \($0.credits)" } ?? "credits \(item.credits)" }
}

@Suite("Hand-worked cases: plan validity and exemptions")
struct HandWorkedValidityTests {
    /// JS-2021-030101K ends on 2026-06-30 (JS2024-HANDBOOK 过渡期 2024-07..2026-06). Naming it for an application on
    /// 2026-07-01 must be refused, not audited as if it were still in force. On 2026-06-30 it still applies.
    @Test func oldPlanAfterItsTransitionWindowIsRefused() throws {
        let records = Support.passed(p.js2021Law + ["27016"]) + [rec("55472", .grade(.pass))]
        #expect(throws: AuditError.planNotInForce("JS-2021-030101K", date: CivilDate("2026-07-01") ?? Support.date,
                                                  from: nil, until: CivilDate("2026-06-30"))) {
            try Support.engine.audit(request(records, major: "030101K", plan: "JS-2021-030101K", date: "2026-07-01"))
        }
        let lastDay = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2021-030101K", date: "2026-06-30"))
        #expect(lastDay.verdict == .eligible)
        #expect(lastDay.totals.credits.earned == 66)   // 14 listed courses 52 + 27016 日语 14
        // The 2024 plan starts on 2024-07-01: naming it for an earlier date is refused too.
        #expect(throws: AuditError.self) {
            try Support.engine.audit(request(Support.passed(p.js2024Law), major: "030101K", plan: "JS-2024-030101K", date: "2024-06-30"))
        }
    }

    /// JS-2024-530605 without 00018/00019; the NCRE 一级 certificate is dated 2025-07-15, after the application date
    /// 2025-06-01, so the candidate does not hold it yet: 00018 计算机应用基础 2 + 00019（实践） 2 are missing
    /// (66/70 credits, 14/15 courses: the pair is one course).
    @Test func certificateObtainedAfterTheApplicationDateExemptsNothing() throws {
        let certificate = Certificate(name: "全国计算机等级考试一级", obtainedOn: CivilDate("2025-07-15") ?? Support.date)
        let audit = try Support.engine.audit(request(Support.passed(without(p.js2024Marketing530605, "00018", "00019")), major: "530605",
                                                     candidate: Support.candidate(diploma: nil, certificates: [certificate])))
        #expect(audit.verdict == .notEligible)
        #expect(missing(audit) == ["00018 2", "00019 2"])
        #expect(audit.missing.credits == 4)
        #expect(audit.applied.isEmpty)
        #expect(audit.totals.credits.earned == 66 && audit.totals.courses.earned == 14)
        #expect(audit.trace.contains { $0.message.en.contains("after the application date 2025-06-01") })
        // The same certificate on an application after 2025-07-15 exempts both.
        let later = try Support.engine.audit(request(Support.passed(without(p.js2024Marketing530605, "00018", "00019")), major: "530605",
                                                     candidate: Support.candidate(diploma: nil, certificates: [certificate]), date: "2025-10-01"))
        #expect(later.verdict == .eligible)
        #expect(later.applied.map { "\($0.kind) \($0.id) \($0.requirement ?? "")" } == ["exemption ncre-1 00018", "exemption ncre-1 00019"])
    }

    /// JS2024-HANDBOOK 三（三）: 全国计算机等级考试一级（含一级B）及以上证书 exempts 00018 and 00019. A 二级 certificate
    /// (and 一级B, 三级, 四级) must exempt them like 一级: eligible with 70/70 credits, 15/15 courses.
    @Test(arguments: ["全国计算机等级考试一级B", "全国计算机等级考试二级", "全国计算机等级考试三级", "全国计算机等级考试四级"])
    func higherNCRELevelsExempt00018And00019(name: String) throws {
        let certificate = Certificate(name: name, obtainedOn: CivilDate("2023-03-01") ?? Support.date)
        let audit = try Support.engine.audit(request(Support.passed(without(p.js2024Marketing530605, "00018", "00019")), major: "530605",
                                                     candidate: Support.candidate(diploma: nil, certificates: [certificate])))
        #expect(audit.verdict == .eligible)
        #expect(audit.totals.credits.earned == 70 && audit.totals.courses.earned == 15)
        #expect(audit.applied.map(\.requirement) == ["00018", "00019"])
        #expect(audit.applied.allSatisfy { $0.kind == "exemption" })
    }
}

@Suite("Hand-worked cases: transition window 2021 → 2024")
struct HandWorkedTransitionTests {
    /// A 老考生 who completed the whole 2021 法学 plan (14 listed courses 52 credits + 00015 英语(二) 14 = 66, thesis
    /// 55472 合格) and applies on 2025-06-01, inside the 2024-07..2026-06 window, without naming a plan. Under the 2024
    /// plan the mappings cover everything except 00247 国际法 6 (no 2021 counterpart), but the candidate may graduate
    /// under the 2021 plan, which is complete: eligible under JS-2021-030101K, 66/66 credits, 15 courses; the 2024
    /// plan is reported as "1 course, 6 credits missing".
    @Test func completedOldPlanIsEligibleDuringTheWindow() throws {
        let records = Support.passed(p.js2021Law + ["00015"]) + [rec("55472", .grade(.pass))]
        let audit = try Support.engine.audit(request(records, major: "030101K"))
        #expect(audit.verdict == .eligible)
        #expect(audit.target.planID == "JS-2021-030101K")
        #expect(audit.totals.credits.earned == 66 && audit.totals.courses.earned == 15)
        #expect(others(audit) == ["JS-2024-030101K 2024 not-eligible 6 credits 1 courses"])
        let summary = try Support.engine.evaluate(request(records, major: "030101K"))
        #expect(summary.planID == "JS-2021-030101K" && summary.verdict == .eligible)
        // Named explicitly, the 2024 plan still says what it lacks: 00247 国际法 6.
        let named = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K"))
        #expect(named.verdict == .notEligible && missing(named) == ["00247 6"] && named.otherPlans == nil)
        // After the window the 2021 plan is gone: the 2024 plan is the only one, and 00247 is missing.
        let after = try Support.engine.audit(request(records, major: "030101K", date: "2026-07-01"))
        #expect(after.target.planID == "JS-2024-030101K" && missing(after) == ["00247 6"] && after.otherPlans == nil)
    }

    /// 2021 courses plus two of the four 不考外语者换考课程 (00263 外国法制史 4, 00257 票据法 3) and the new 00247:
    /// under the 2024 plan the rule "2 of 00263/05678/00257/00233 → 13000" and the one-to-one rows complete all 16
    /// courses, 74 credits. Under the 2021 plan the replacement set lacks 05678 金融法 4 + 00233 税法 3 = 7 credits,
    /// 2 courses. Both in force; the 2024 plan is eligible and is the one audited.
    @Test func twoReplacementCoursesMapTo13000AndTheNewPlanIsChosen() throws {
        let records = Support.passed(p.js2021Law + ["00263", "00257", "00247"]) + [rec("55472", .grade(.pass))]
        let audit = try Support.engine.audit(request(records, major: "030101K"))
        #expect(audit.verdict == .eligible)
        #expect(audit.target.planID == "JS-2024-030101K")
        #expect(audit.totals.credits.earned == 74 && audit.totals.courses.earned == 16)
        #expect(audit.applied.filter { $0.requirement == "13000" }.map { "\($0.kind) \($0.id) \($0.records.map(\.rawValue))" }
                == ["mapping from-2021 [\"00263\", \"00257\"]"])
        #expect(others(audit) == ["JS-2021-030101K 2021 not-eligible 7 credits 2 courses"])
    }

    /// Neither plan complete: the newest plan's missing list is shown (its courses are the ones examined now).
    /// Only one 换考 course (00263): 13000 英语（专升本） 7 is missing under 2024 (67/74 credits, 15/16 courses; one
    /// 换考 course maps to nothing). Under 2021, 00263 4 is passed and the set still lacks 05678 4 + 00257 3 + 00233 3
    /// = 10 credits, 3 courses, which is fewer credits than a 14-credit language: 2021 reports 3 courses, 10 credits.
    @Test func neitherPlanCompleteShowsTheNewestPlan() throws {
        let records = Support.passed(p.js2021Law + ["00263", "00247"]) + [rec("55472", .grade(.pass))]
        let audit = try Support.engine.audit(request(records, major: "030101K"))
        #expect(audit.verdict == .notEligible)
        #expect(audit.target.planID == "JS-2024-030101K")
        #expect(missing(audit) == ["13000 7"])
        #expect(audit.totals.credits.earned == 67 && audit.totals.courses.earned == 15)
        #expect(others(audit) == ["JS-2021-030101K 2021 not-eligible 10 credits 3 courses"])
    }
}
