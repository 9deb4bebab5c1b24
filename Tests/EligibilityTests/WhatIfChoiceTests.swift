import Foundation
import Testing
import Eligibility

/// `whatIf` applies declared choices to the majors whose plans have that alternatives requirement and option, and
/// says which ranked majors a choice did not apply to.
@Suite("what-if with declared choices")
struct WhatIfChoiceTests {
    static let graph = Support.graph(Support.header + """
        courses:
          - {code: "10001", name: 课程1, credits: 1}
          - {code: "00015", name: 英语(二), credits: 14}
          - {code: "10002", name: 课程2, credits: 2}
          - {code: "10003", name: 课程3, credits: 3}
        majors:
          - code: "120402"
            name: 行政管理
            level: 专科
            institutions: [测试大学]
            plans:
              - id: P
                version: "1"
                sources: [SRC]
                requirements:
                  - "10001"
                  - id: language-track
                    alternatives:
                      - {id: with-fl, when: 考外语者, all-of: ["00015"]}
                      - {id: without-fl, when: 不考外语者, all-of: ["10002", "10003"]}
          - code: "120403"
            name: 其他专业
            level: 专科
            institutions: [测试大学]
            plans:
              - id: Q
                version: "1"
                sources: [SRC]
                requirements:
                  - "10001"
                  - "10002"
        """)

    @Test func choiceAppliesWhereThePlanHasIt() {
        let engine = AuditEngine(graph: Self.graph)
        let records = Support.passed(["10001"])
        let compared = engine.whatIf(candidate: Support.candidate(), records: records, on: Support.date)
        let declared = engine.whatIf(candidate: Support.candidate(), records: records, on: Support.date,
                                     choices: ["language-track": "with-fl"])
        func row(_ rows: [AuditEngine.Ranking], _ code: String) -> AuditEngine.Ranking? { rows.first { $0.major.code == code } }
        // Without a choice the cheaper option (5 credits) is ranked; declaring 考外语者 ranks 00015 (14 credits).
        #expect(row(compared, "120402")?.missingCredits == 5)
        #expect(row(declared, "120402")?.missingCredits == 14)
        #expect(row(declared, "120402")?.unappliedChoices == [])
        #expect(row(declared, "120403")?.unappliedChoices == ["language-track"])
        #expect(row(declared, "120403")?.missingCredits == 2)
        // An option the plan does not have is not applied either (and the row says so).
        let wrong = engine.whatIf(candidate: Support.candidate(), records: records, on: Support.date, choices: ["language-track": "nope"])
        #expect(row(wrong, "120402")?.unappliedChoices == ["language-track"])
        #expect(row(wrong, "120402")?.missingCredits == 5)
    }
}
