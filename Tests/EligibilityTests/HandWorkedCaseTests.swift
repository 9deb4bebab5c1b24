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
                     candidate: Candidate = Support.candidate(), date: String = "2025-04-30") -> AuditRequest {
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
    /// 2025-04-30, so the candidate does not hold it yet: 00018 计算机应用基础 2 + 00019（实践） 2 are missing
    /// (66/70 credits, 14/15 courses: the pair is one course).
    @Test func certificateObtainedAfterTheApplicationDateExemptsNothing() throws {
        let certificate = Certificate(name: "全国计算机等级考试一级", obtainedOn: CivilDate("2025-07-15") ?? Support.date)
        let audit = try Support.engine.audit(request(Support.passed(without(p.js2024Marketing530605, "00018", "00019")), major: "530605",
                                                     candidate: Support.candidate(diploma: nil, certificates: [certificate])))
        #expect(audit.verdict == .notEligible)
        #expect(missing(audit) == ["00018 2", "00019 2"])
        // 00018 and its practice 00019 are one course of the plan (序号 4 of the 15): 4 credits, 1 course.
        #expect(audit.missing.credits == 4 && audit.missing.courses == 1)
        #expect(audit.reasons.first?.message.en.hasPrefix("1 course and 4 credits still missing") == true)
        let summary = try Support.engine.evaluate(request(Support.passed(without(p.js2024Marketing530605, "00018", "00019")), major: "530605",
                                                          candidate: Support.candidate(diploma: nil, certificates: [certificate])))
        #expect(summary.missingCourses == 1 && summary.missingCredits == 4)
        #expect(audit.applied.isEmpty)
        #expect(audit.totals.credits.earned == 66 && audit.totals.courses.earned == 14)
        #expect(audit.trace.contains { $0.message.en.contains("after the application date 2025-04-30") })
        // The same certificate on an application after 2025-07-15 exempts both (under the 2025 revision, in force
        // then, with 15040 passed and the old political courses standing for 15041/15042).
        let later = try Support.engine.audit(request(Support.passed(without(p.js2024Marketing530605, "00018", "00019") + ["15040"]), major: "530605",
                                                     plan: "JS-2025-530605",
                                                     candidate: Support.candidate(diploma: nil, certificates: [certificate]), date: "2025-10-01"))
        #expect(later.verdict == .eligible)
        #expect(later.applied.filter { $0.kind == "exemption" }.map { "\($0.kind) \($0.id) \($0.requirement ?? "")" } == ["exemption ncre-1 00018", "exemption ncre-1 00019"])
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
    /// 55472 合格) and applies on 2025-04-30, inside the 2024-07..2026-06 window, without naming a plan. Under the 2024
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
        // After the window the 2021 plan is gone: the 2024 plan as revised in 2025 is the only one; 00247 is missing,
        // and so is 15040 (3), which no old political course replaces (03708 + 03709 stand for 15043 + 15044).
        let after = try Support.engine.audit(request(records, major: "030101K", date: "2026-07-01"))
        #expect(after.target.planID == "JS-2025-030101K" && Set(missing(after)) == ["00247 6", "15040 3"] && after.otherPlans == nil)
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
    /// Only one 换考 course (00263): 13000 英语（专升本） 7 is missing under 2024; the one 换考 course counts toward the
    /// totals only (简编 三（二）2, credits-only): 67 + 4 = 71/74 credits, 15 + 1 = 16/16 courses. Under 2021, 00263 4 is passed and the set still lacks 05678 4 + 00257 3 + 00233 3
    /// = 10 credits, 3 courses, which is fewer credits than a 14-credit language: 2021 reports 3 courses, 10 credits.
    @Test func neitherPlanCompleteShowsTheNewestPlan() throws {
        let records = Support.passed(p.js2021Law + ["00263", "00247"]) + [rec("55472", .grade(.pass))]
        let audit = try Support.engine.audit(request(records, major: "030101K"))
        #expect(audit.verdict == .notEligible)
        #expect(audit.target.planID == "JS-2024-030101K")
        #expect(missing(audit) == ["13000 7"])
        #expect(audit.totals.credits.earned == 71 && audit.totals.courses.earned == 16)
        #expect(others(audit) == ["JS-2021-030101K 2021 not-eligible 10 credits 3 courses"])
    }

    /// Neither plan complete, the older one leaves fewer courses: the report leads with the older plan, and says why.
    /// The 2021 plan without 00259 公证与律师制度 3 (its 13144 mapping source): 2021 lacks 00259 — 1 course, 3 credits.
    /// Under 2024 the same results leave 00247 国际法 6 and 13144 犯罪学 6 (00259 → 13144 is gone, and no 2021 course
    /// maps to 00247): 2 courses, 12 credits. The older plan leaves fewer courses, so it is audited; the newest is listed.
    @Test func neitherPlanCompleteLeadsWithTheCheaperPlan() throws {
        let records = Support.passed(p.js2021Law.filter { $0 != "00259" } + ["00015"]) + [rec("55472", .grade(.pass))]
        let audit = try Support.engine.audit(request(records, major: "030101K"))
        #expect(audit.verdict == .notEligible)
        #expect(audit.target.planID == "JS-2021-030101K")
        #expect(missing(audit) == ["00259 3"])
        #expect(others(audit) == ["JS-2024-030101K 2024 not-eligible 12 credits 2 courses"])
        let summary = try Support.engine.evaluate(request(records, major: "030101K"))
        #expect(summary.planID == "JS-2021-030101K", "batch chooses as check does")
        let text = AuditTextRenderer(language: .zh).render(audit, candidate: nil)
        #expect(text.contains("各有效计划均未满足，本次按尚缺课程门数最少的计划审核（同等时按新计划）"))
        #expect(audit.target.planUntil == CivilDate("2026-06-30"))
        #expect(text.contains("下一步：报考并通过上列尚缺课程；按本计划（2021 版）毕业须最迟于 2026-06-30 补齐并申请，之后只能按新计划审核；"))
    }
}

@Suite("Hand-worked cases: attempts, evidence and why results count for nothing")
struct HandWorkedRecordTests {
    private func unused(_ audit: Audit) -> [String] { audit.unused.map { "\($0.code) \($0.score) \($0.reason.en)" } }

    /// JS-2024-030101K, all 16 courses; 00247 国际法 55 then 60 (exactly the pass mark: counts), 13000 62 then 81
    /// (81 counts), thesis 14850 不合格 then 合格. Eligible 74/74, 16/16. The 55 and the 不合格 failed — they are
    /// reported as failed, not as "a better attempt counts"; the 62 passed and lost to the 81.
    @Test func attemptsBoundaryScoresAndGrades() throws {
        let records = Support.passed(without(p.js2024Law, "00247", "13000")) + [
            rec("00247", .points(55), date: "2023-04-15"), rec("00247", .points(60), date: "2023-10-21"),
            rec("13000", .points(62), date: "2023-04-15"), rec("13000", .points(81), date: "2024-04-13"),
            rec("14850", .grade(.fail), date: "2024-05-20"), rec("14850", .grade(.pass), date: "2024-11-20"),
        ]
        let audit = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K"))
        #expect(audit.verdict == .eligible)
        #expect(audit.totals.credits.earned == 74 && audit.totals.courses.earned == 16)
        #expect(unused(audit) == [
            "00247 55 below the pass mark (55 < 60)",
            "13000 62 a better attempt of the same course (81) counts",
            "14850 不合格 graded 不合格 (fail)",
        ])
        #expect(audit.unused.allSatisfy { $0.name?.isEmpty == false }, "every line names its course")
    }

    /// JS-2024-030101K without a passing 13144 犯罪学 (6): attempts 59 and 45 both failed. Missing exactly 13144 6;
    /// 68/74 credits, 15/16 courses; both attempts are "below the pass mark" (neither one counts).
    @Test func twoFailedAttemptsAreBothFailures() throws {
        let records = Support.passed(without(p.js2024Law, "13144")) + [rec("13144", .points(59)), rec("13144", .points(45)),
                                                                       rec("14850", .grade(.good))]
        let audit = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K"))
        #expect(missing(audit) == ["13144 6"])
        #expect(audit.totals.credits.earned == 68 && audit.totals.courses.earned == 15)
        #expect(unused(audit) == ["13144 45 below the pass mark (45 < 60)", "13144 59 below the pass mark (59 < 60)"])
    }

    /// All 16 courses of JS-2024-030101K, thesis 14850 only 不合格: missing item 14850 (0 credits). The reason must say
    /// that the thesis is what is missing (the count of "1 course and 0 credits" alone is unclear).
    @Test func failedThesisIsNamedInTheReason() throws {
        let audit = try Support.engine.audit(request(Support.passed(p.js2024Law) + [rec("14850", .grade(.fail))], major: "030101K",
                                                     plan: "JS-2024-030101K"))
        #expect(audit.verdict == .notEligible)
        #expect(missing(audit) == ["14850 0"])
        #expect(audit.totals.credits.earned == 74 && audit.totals.courses.earned == 16)
        #expect(audit.reasons.map(\.code) == ["missing-courses"])
        #expect(audit.reasons.first?.message.en.contains("the thesis 14850 法学（本科）毕业论文 is not passed yet") == true)
        #expect(audit.reasons.first?.message.zh.contains("毕业论文 14850") == true)
    }

    /// 00249 国际私法 both electronic (75) and on a 旧计划课程合格证 (85): the electronic result counts, so no review is
    /// needed (eligible, not pending); the paper record is unused because the electronic one counts, not because it
    /// scored less.
    @Test func electronicResultMakesThePaperRecordUnnecessary() throws {
        let records = Support.passed(p.js2024Law) + [rec("00249", .points(85), date: "1999-10-24", evidence: .oldPlanCertificate),
                                                     rec("14850", .grade(.fair))]
        let audit = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K"))
        #expect(audit.verdict == .eligible)
        #expect(audit.review.isEmpty)
        #expect(unused(audit) == ["00249 85 the electronic record of the same course (75) counts; this paper record is not needed"])
    }

    /// Only one 换考 course (00263) under the 2024 plan: it cannot stand for 13000 (the rule needs 2 of the 4), and by
    /// 简编 三（二）2 it counts toward the credits and course count only — applied as credits-only, not left unused.
    @Test func oneReplacementCourseCountsForCreditsOnly() throws {
        let records = Support.passed(p.js2021Law + ["00263", "00247"]) + [rec("55472", .grade(.pass))]
        let audit = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K"))
        #expect(missing(audit) == ["13000 7"])
        #expect(unused(audit) == [])
        #expect(audit.applied.contains { $0.kind == "credits-only" && $0.records.map(\.rawValue) == ["00263"] })
        #expect(audit.missing.items.first?.note?.zh.contains("05678") == true, "the note still says the rule needs 2 of the 4")
    }

    /// JS-2024-590206, political courses: 99031 and 00001 are the same old course (序号1, 马克思主义哲学原理), so they
    /// count as one: rule "only one of #1–4" → 12656; 03706 思想道德修养与法律基础 2 is still required. 75/77, 14/15.
    /// The second code is unused as the same old course.
    @Test func twoCodesOfOneOldPoliticalCourseCountOnce() throws {
        let records = Support.passed(without(p.js2024Admin590206, "03706", "12656")) + [rec("99031", .points(70)), rec("00001", .points(65))]
        let audit = try Support.engine.audit(request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(missing(audit) == ["03706 2"])
        #expect(audit.totals.credits.earned == 75 && audit.totals.courses.earned == 14)
        #expect(audit.applied.map { "\($0.id) \($0.requirement ?? "") \($0.records.map(\.rawValue))" } == ["js-zhuanke-politics 12656 [\"00001\"]"])
        #expect(unused(audit) == ["99031 70 the same old-plan course as 00001, which already counts (mapping js-zhuanke-politics); it counts once"])
    }

    /// 00003 and 27702 are both 序号5: one old course → only 03706; 12656 (4) still required. 73/77, 14/15.
    @Test func twoCodesOfOldCourseFiveLeave12656() throws {
        let records = Support.passed(without(p.js2024Admin590206, "03706", "12656")) + [rec("00003", .points(70)), rec("27702", .points(66))]
        let audit = try Support.engine.audit(request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(missing(audit) == ["12656 4"])
        #expect(audit.totals.credits.earned == 73)
    }

    /// JS-2024-590206: 03334 电子政务概论（实践） graded 不合格 → missing 03334 2 (75/77); 03333 failed 45 with the
    /// practice passed → missing 03333 3 (74/77).
    @Test func practiceAndTheoryFailures() throws {
        let practiceFailed = try Support.engine.audit(request(Support.passed(without(p.js2024Admin590206, "03334")) + [rec("03334", .grade(.fail))],
                                                              major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(missing(practiceFailed) == ["03334 2"])
        #expect(practiceFailed.totals.credits.earned == 75)
        #expect(unused(practiceFailed) == ["03334 不合格 graded 不合格 (fail)"])
        let theoryFailed = try Support.engine.audit(request(Support.passed(without(p.js2024Admin590206, "03333")) + [rec("03333", .points(45))],
                                                            major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(missing(theoryFailed) == ["03333 3"])
        #expect(theoryFailed.totals.credits.earned == 74 && theoryFailed.totals.courses.earned == 14)
    }

    /// A mismatched prior diploma names the field and both values, the ID numbers masked.
    @Test func diplomaMismatchShowsBothValues() throws {
        let records = Support.passed(p.js2024Law) + [rec("14850", .grade(.pass))]
        let audit = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K",
                                                     candidate: Support.candidate(diploma: Support.diploma(gender: .male))))
        #expect(audit.verdict == .notEligible)
        #expect(audit.reasons.map(\.code) == ["prior-diploma-mismatch"])
        #expect(audit.reasons.first?.message.en.contains("gender (学信网 男, candidate 女)") == true)
        #expect(audit.reasons.first?.message.zh.contains("性别（学信网 男，考生 女）") == true)
        let id = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K",
                                                  candidate: Support.candidate(diploma: Support.diploma(id: "110105194912310021"))))
        #expect(id.reasons.first?.message.en.contains("ID number (学信网 1101**********0021, candidate 1101**********002X)") == true)
    }
}

@Suite("Hand-worked cases: dates")
struct HandWorkedDateTests {
    /// JS-2024-030101K: 00247 国际法 passed 70 on 2025-10-18, audited for an application on 2025-04-30. On that date
    /// the result does not exist yet: 00247 6 is missing (68/74, 15/16) and the record is listed with its date. An
    /// earlier failed attempt stays a failure; audited on 2025-11-01 the candidate is eligible.
    @Test func resultAfterTheApplicationDateDoesNotCount() throws {
        let records = Support.passed(without(p.js2024Law, "00247")) + [
            rec("00247", .points(52), date: "2025-04-12"), rec("00247", .points(70), date: "2025-10-18"),
            rec("14850", .grade(.pass), date: "2025-04-20"),
        ]
        let audit = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K"))
        #expect(audit.verdict == .notEligible)
        #expect(missing(audit) == ["00247 6"])
        #expect(audit.totals.credits.earned == 68 && audit.totals.courses.earned == 15)
        #expect(audit.unused.map { "\($0.score) \($0.reason.en)" } == [
            "52 below the pass mark (52 < 60)", "70 dated 2025-10-18, after the application date 2025-04-30; it does not count",
        ])
        // On 2025-11-01 the 2024 plan has been replaced by its 2025 revision: 00247 now counts; only 15040 is missing.
        // 03708 + 03709 stand for 15043 + 15044 (3 + 3 = the old 2 + 4): 74 of 77 credits, 16 of 17 courses.
        let later = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2025-030101K", date: "2025-11-01"))
        #expect(later.verdict == .notEligible)
        #expect(missing(later) == ["15040 3"])
        #expect(later.totals.credits.earned == 74 && later.totals.courses.earned == 16)
    }
}

@Suite("Hand-worked cases: county-office decisions")
struct HandWorkedDecisionTests {
    /// 2021 law courses mapped to the 2024 plan, 00015 replaced by 00263 外国法制史 and no 00247. The office waives
    /// 00247 国际法 (6) and accepts 00263 for 13000 英语（专升本）(7). A waived requirement is met, so it counts what it
    /// requires (6 credits, 1 course) — otherwise the 74-credit total (the sum of all 16 courses) could never be
    /// reached and the office's own waiver would leave the candidate stuck. Eligible, 74/74, 16/16.
    @Test func waivedRequirementCountsItsCredits() throws {
        let records = Support.passed(p.js2021Law + ["00263"]) + [rec("55472", .grade(.pass))]
        var req = request(records, major: "030101K", plan: "JS-2024-030101K")
        req.decisions = [.waive(requirement: "00247", reason: "经审核同意免除"),
                         .accept(course: "00263", requirement: "13000", reason: "同类课程")]
        let audit = try Support.engine.audit(req)
        #expect(audit.verdict == .eligible)
        #expect(audit.totals.credits.earned == 74 && audit.totals.courses.earned == 16)
        let waived = audit.requirements.children.first { $0.id == "00247" }
        #expect(waived?.status == .waived && waived?.credits.earned == 6)
        #expect(audit.applied.filter { $0.kind == "decision" }.map(\.message.en) == [
            "county office decision: 00263 外国法制史 accepted for 13000 英语（专升本） (同类课程)",
            "county office decision: 00247 国际法 waived (经审核同意免除)",
        ])
        // Without the decisions: 00247 6 and 13000 7 are missing (13 credits, 2 courses); 00263 alone maps to nothing.
        let plain = try Support.engine.audit(request(records, major: "030101K", plan: "JS-2024-030101K"))
        #expect(Set(missing(plain)) == ["00247 6", "13000 7"])
        #expect(plain.missing.credits == 13)
    }
}

@Suite("Hand-worked cases: why an old course did not map")
struct HandWorkedMappingNoteTests {
    /// 590206: 99031 and 00001 (both 序号1) count once → 12656 only; the missing 03706 says the rule needs 2 of the
    /// five old political courses and 1 (00001/99031) was passed.
    @Test func missingPoliticalCourseExplainsTheCountRule() throws {
        let records = Support.passed(without(p.js2024Admin590206, "03706", "12656")) + [rec("99031", .points(70)), rec("00001", .points(65))]
        let audit = try Support.engine.audit(request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(missing(audit) == ["03706 2"])
        #expect(audit.missing.items.first?.note?.en
                == "mapping js-zhuanke-politics needs 2 of 00001/99031/99041/28006, 03707/00002/99032, 99042, 99043, 00003/99021/27702; 1 passed (00001/99031)")
    }

    /// 590206: 27015 创业教育 alone maps to 14355; 00163 管理心理学 5 is missing, and its note says the rule needs 2 of
    /// 00043/00182/27015 with 1 passed.
    @Test func oneOfThreeOldCoursesCovers14355Only() throws {
        let records = Support.passed(without(p.js2024Admin590206, "00163", "14355")) + [rec("27015", .points(70))]
        let audit = try Support.engine.audit(request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(missing(audit) == ["00163 5"])
        #expect(audit.totals.credits.earned == 72 && audit.totals.courses.earned == 14)
        #expect(audit.missing.items.first?.note?.en == "mapping from-2021 needs 2 of 00043, 00182, 27015; 1 passed (27015)")
    }
}
