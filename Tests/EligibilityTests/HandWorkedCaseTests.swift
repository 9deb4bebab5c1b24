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
