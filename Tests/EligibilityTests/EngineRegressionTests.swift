import Foundation
import Testing
import Eligibility

/// Regression tests for engine bugs found by the property tests (courses counted twice, pool shortfalls dropped,
/// caps ignored by the total top-up, row-order dependence, paper evidence preferred by mappings, valid passes
/// hidden by non-transferable attempts). Each test states the correct behaviour.
///
/// Course fixtures: 1000n (n = 1…9) are written per test with their credits.
@Suite("Engine regressions")
struct EngineRegressionTests {
    private func plan(_ courses: [Int], _ body: String) -> CurriculumGraph {
        let catalog = courses.enumerated().map { "  - {code: \"1000\($0.offset + 1)\", name: 课程\($0.offset + 1), credits: \($0.element)}" }
        return Support.graph(Support.header + """
            courses:
            \(catalog.joined(separator: "\n"))
            majors:
              - code: "120402"
                name: 行政管理
                level: 专科
                institutions: [测试大学]
                plans:
                  - id: P
                    version: "1"
                    sources: [SRC]
            \(body)
            """)
    }

    private func audit(_ graph: CurriculumGraph, _ codes: [String]) throws -> Audit {
        try AuditEngine(graph: graph).audit(AuditRequest(candidate: Support.candidate(), records: Support.passed(codes),
                                                         major: MajorKey(province: "江苏", code: "120402"), planID: "P",
                                                         applicationDate: Support.date))
    }

    private func summary(_ graph: CurriculumGraph, _ codes: [String]) throws -> AuditEngine.Summary {
        try AuditEngine(graph: graph).evaluate(AuditRequest(candidate: Support.candidate(), records: Support.passed(codes),
                                                            major: MajorKey(province: "江苏", code: "120402"), planID: "P",
                                                            applicationDate: Support.date))
    }

    private func missing(_ audit: Audit) -> [String] { audit.missing.items.map { $0.course?.code.rawValue ?? "+\($0.credits)" } }

    // MARK: a course counts once

    @Test
    func missingCourseAlreadyPassed() throws {
        let graph = plan([1, 2, 3, 4, 5, 6, 7, 8, 9], """
                    requirements:
                      - {id: pick, one-of: ["10003", "10009"]}
                      - {id: electives, pool: ["10003", "10004"], min-courses: 1}
            """)
        let result = try audit(graph, ["10003"])
        #expect(missing(result) == ["10004"])
        #expect(result.missing.credits == 4 && result.missing.courses == 1)
    }

    @Test
    func sameCourseProposedTwice() throws {
        let graph = plan([1, 2], """
                    requirements:
                      - {id: electives, pool: ["10001", "10002"], min-courses: 1}
                      - "10001"
            """)
        let result = try audit(graph, [])
        #expect(Set(missing(result)) == ["10001", "10002"])
        #expect(result.missing.credits == 3 && result.missing.courses == 2)
        let after = try audit(graph, missing(result))
        #expect(after.verdict == .eligible)
    }

    @Test
    func poolShortfallIsDropped() throws {
        for minimum in ["min-courses: 2", "min-credits: 3"] {
            let graph = plan([1, 2], """
                        requirements:
                          - "10001"
                          - {id: electives, pool: ["10001", "10002"], \(minimum)}
                """)
            let result = try audit(graph, ["10001", "10002"])
            #expect(result.verdict == .notEligible, "\(minimum)")
            #expect(result.requirements.children.last?.status != .satisfied, "\(minimum)")
            #expect(try summary(graph, ["10001", "10002"]).verdict == result.verdict, "\(minimum)")
        }
    }

    // MARK: totals

    @Test
    func poolAdditionIgnoresTheTotal() throws {
        let graph = plan([1, 2, 3], """
                    total-credits: 5
                    requirements:
                      - "10003"
                      - {id: electives, pool: ["10001", "10002"], min-courses: 1}
            """)
        let result = try audit(graph, ["10003"])
        #expect(missing(result) == ["10002"])
        #expect(result.missing.credits == 2 && result.missing.courses == 1)
    }

    @Test
    func totalShortfallIgnoresUnchosenOptions() throws {
        let graph = plan([2, 5], """
                    total-credits: 5
                    requirements:
                      - {id: pick, one-of: ["10001", "10002"]}
            """)
        let result = try audit(graph, ["10001"])
        #expect(missing(result) == ["10002"])
        #expect(result.missing.credits == 5 && result.missing.courses == 1)
    }

    @Test
    func topUpIgnoresPoolCap() throws {
        let graph = plan([2, 2, 3, 3], """
                    total-credits: 7
                    requirements:
                      - {id: a, pool: ["10001", "10002"], min-courses: 1, max-credits: 2}
                      - {id: b, pool: ["10003", "10004"], min-courses: 1}
            """)
        let result = try audit(graph, ["10001", "10003"])
        #expect(missing(result) == ["10004"])
        #expect(result.missing.credits == 3 && result.missing.courses == 1)
        let after = try audit(graph, ["10001", "10003"] + missing(result))
        #expect(after.verdict == .eligible)
    }

    // MARK: review

    @Test
    func mappingPrefersPaperEvidence() throws {
        let records = Support.passed(PlanCourses.js2024Admin590206.filter { $0 != "03706" && $0 != "12656" } + ["99031", "00003"])
            + [CourseRecord(code: "00001", score: .points(80), evidence: .oldPlanCertificate)]
        let result = try Support.engine.audit(Support.request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(result.verdict == .eligible)
        #expect(result.review.isEmpty)
    }

    // MARK: determinism and best attempt

    @Test
    func equalAttemptsDependOnRowOrder() throws {
        let base = Support.passed(PlanCourses.js2024Admin590206.filter { $0 != "12656" })
        let electronic = CourseRecord(code: "12656", score: .points(70))
        let transfer = CourseRecord(code: "12656", score: .points(70), evidence: .transfer(fromProvince: "山西"))
        let a = try Support.engine.audit(Support.request(base + [electronic, transfer], major: "590206", candidate: Support.candidate(diploma: nil)))
        let b = try Support.engine.audit(Support.request(base + [transfer, electronic], major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(try Support.json(a) == Support.json(b))
    }

    @Test
    func unusedOrderDependsOnRowOrder() throws {
        let base = Support.passed(PlanCourses.js2024Admin590206)
        let first = CourseRecord(code: "12656", name: "毛概", score: .points(50))
        let second = CourseRecord(code: "12656", name: "毛泽东思想概论", score: .points(50))
        let a = try Support.engine.audit(Support.request(base + [first, second], major: "590206", candidate: Support.candidate(diploma: nil)))
        let b = try Support.engine.audit(Support.request(base + [second, first], major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(try Support.json(a) == Support.json(b))
    }

    @Test
    func transferredBestAttemptHidesValidPass() throws {
        let records = Support.passed(PlanCourses.js2024Admin + ["13000"]) + [
            CourseRecord(code: "10197", score: .grade(.excellent), evidence: .transfer(fromProvince: "山西")),
            CourseRecord(code: "10197", score: .grade(.pass)),
        ]
        let result = try Support.engine.audit(Support.request(records, major: "120402"))
        #expect(result.verdict == .eligible)
        #expect(result.missing.items.isEmpty)
    }
}
