import Foundation
import Testing
import Eligibility

/// 加考 depends on the prior diploma's field. When the field is unknown the audit does not guess: a 加考 course not
/// passed is an item for the county office to review (eligible pending review at best), explained in the trace.
@Suite("加考 with an unknown prior-diploma field")
struct AdditionalCourseReviewTests {
    /// 03708 2 + 03709 4 + 13140 6 + 08119 5 = 17, pool [00041 5, 03409 6] ≥ 1 course, total 22 (the hand-worked 加考
    /// fixture); 加考 00041 + 00067 outside 会计 / 会计学 / 财务管理, and 00149 for a 金融 diploma.
    static func graph(_ condition: String) -> CurriculumGraph {
        Support.graph(Support.header + """
            courses:
              - {code: "03708", name: 中国近现代史纲要, credits: 2}
              - {code: "03709", name: 马克思主义基本原理概论, credits: 4}
              - {code: "13140", name: 财务会计（中级）, credits: 6}
              - {code: "08119", name: 管理会计, credits: 5}
              - {code: "03409", name: 税收学, credits: 6}
              - {code: "00041", name: 基础会计学, credits: 5}
              - {code: "00067", name: 财务管理学, credits: 6}
              - {code: "00149", name: 国际贸易理论与实务, credits: 6}
            majors:
              - code: "120203K"
                name: 会计学
                level: 专升本
                institutions: [测试大学]
                plans:
                  - id: P
                    version: "1"
                    sources: [SRC]
                    total-credits: 22
                    requirements:
                      - "03708"
                      - "03709"
                      - "13140"
                      - "08119"
                      - {id: electives, pool: ["00041", "03409"], min-courses: 1}
                    additional-courses:
            \(condition)
            """)
    }

    static let notAccounting = graph("""
                      - id: non-accounting
                        title: 非会计类专业加考
                        when-prior-field-not-in: [会计, 会计学, 财务管理]
                        courses: ["00041", "00067"]
        """)

    static let finance = graph("""
                      - id: finance
                        title: 金融类专业加考
                        when-prior-field-in: [金融, 金融学]
                        courses: ["00149"]
        """)

    static let core = ["03708", "03709", "13140", "08119", "03409"]

    func request(_ codes: [String], field: String) -> AuditRequest {
        AuditRequest(candidate: Support.candidate(diploma: Support.diploma(field: field)), records: Support.passed(codes),
                     major: MajorKey(province: "江苏", code: "120203K"), planID: "P", applicationDate: Support.date)
    }

    @Test(arguments: ["", "  "])
    func unknownFieldMakesTheAdditionalCoursesReviewItems(field: String) throws {
        let engine = AuditEngine(graph: Self.notAccounting)
        let audit = try engine.audit(request(Self.core, field: field))
        #expect(audit.verdict == .eligiblePendingReview)
        #expect(audit.missing.items.isEmpty, "not guessed to be required")
        #expect(audit.review.map { "\($0.code) \($0.evidence) \($0.requirement)" }
                == ["00041 prior-field-unknown non-accounting", "00067 prior-field-unknown non-accounting"])
        #expect(audit.review.first?.message.en == "prior diploma's field unknown: a candidate whose prior field is not 会计, 会计学, 财务管理 must also pass "
                + "00041 基础会计学 (加考); the county office must check the diploma's field to decide")
        #expect(audit.review.first?.message.zh.hasPrefix("前置学历专业未知：前置学历专业不属于 会计、会计学、财务管理 者须加考 00041 基础会计学") == true)
        #expect(audit.reasons.map(\.code) == ["manual-review"])
        #expect(audit.reasons.first?.message.en.contains("whether 2 additional (加考) courses are required is for the county office to decide") == true)
        #expect(audit.additionalCourses.map(\.id) == ["non-accounting"])
        #expect(audit.totals.credits.earned == 23, "加考 never counts toward the plan")
        let trace = audit.trace.filter { $0.requirement == "non-accounting" }.map(\.message.en)
        #expect(trace.contains { $0.hasPrefix("加考 non-accounting 非会计类专业加考: the prior diploma's field is not given, so whether it applies") })

        let summary = try engine.evaluate(request(Self.core, field: field))
        #expect(summary.verdict == .eligiblePendingReview)
        #expect(summary.missing.isEmpty && summary.missingCredits == 0)
        #expect(summary.review == ["00041 prior-field-unknown", "00067 prior-field-unknown"])
    }

    @Test func passedAdditionalCoursesNeedNoReview() throws {
        // 00041 and 00067 passed; the pool takes 03409, so 00041 is free for the 加考 group: met whatever the field.
        let audit = try AuditEngine(graph: Self.notAccounting).audit(request(Self.core + ["00041", "00067"], field: ""))
        #expect(audit.verdict == .eligible)
        #expect(audit.review.isEmpty)
        #expect(audit.additionalCourses.first?.status == .satisfied)
    }

    @Test func thePlanStillComesFirst() throws {
        // No 03409: 00041 must serve the pool (the plan is certain; 加考 is not), so 00041 and 00067 are for review and
        // the plan is complete.
        let audit = try AuditEngine(graph: Self.notAccounting).audit(request(["03708", "03709", "13140", "08119", "00041"], field: ""))
        #expect(audit.verdict == .eligiblePendingReview)
        #expect(audit.requirements.children.last?.records.map(\.code) == ["00041"])
        #expect(audit.review.map(\.code) == ["00041", "00067"])
    }

    @Test func aFieldInListConditionIsNotGuessedAwayEither() throws {
        let unknown = try AuditEngine(graph: Self.finance).audit(request(Self.core, field: ""))
        #expect(unknown.verdict == .eligiblePendingReview)
        #expect(unknown.review.map(\.code) == ["00149"])
        let known = try AuditEngine(graph: Self.finance).audit(request(Self.core, field: "会计学"))
        #expect(known.verdict == .eligible)
        #expect(known.additionalCourses.isEmpty)
    }

    @Test func knownFieldsAreUnchanged() throws {
        let other = try AuditEngine(graph: Self.notAccounting).audit(request(Self.core, field: "市场营销"))
        #expect(other.verdict == .notEligible)
        #expect(other.missing.items.compactMap { $0.course?.code.rawValue } == ["00041", "00067"])
        #expect(other.review.isEmpty)
    }
}

@Suite("加考 with an unknown prior-diploma field: text")
struct AdditionalCourseReviewTextTests {
    @Test func nextStepAsksForTheField() throws {
        let request = AuditRequest(candidate: Support.candidate(diploma: Support.diploma(field: "")),
                                   records: Support.passed(AdditionalCourseReviewTests.core),
                                   major: MajorKey(province: "江苏", code: "120203K"), planID: "P", applicationDate: Support.date)
        let audit = try AuditEngine(graph: AdditionalCourseReviewTests.notAccounting).audit(request)
        let text = AuditTextRenderer(language: .en, colors: false, showIDs: false).render(audit, candidate: nil, trace: true)
        #expect(text.contains("Next: give the prior diploma's field (the 前置学历专业 column, or prior-diploma field) so that the county office can decide"))
        #expect(text.contains("[non-accounting] 加考 non-accounting 非会计类专业加考: the prior diploma's field is not given"))
    }
}
