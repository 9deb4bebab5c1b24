import Foundation
import Testing
import Eligibility

/// The course count has one definition (a theory course and its practice component together are one course; an
/// equivalent code counts as the course it stands for), used by the search and by the audit's per-node progress:
/// a pool's status and progress must agree with the verdict.
@Suite("Course-count weights: the search and the audit agree")
struct CourseWeightTests {
    /// 10001 (1 credit) is required; the pool lists a theory course 30001, its practice component 30002, and 10004,
    /// 10005. 40002 is an old code of the practice component (its own theory 40001 is not in the plan), declared
    /// equivalent to 30002.
    static let graph = Support.graph(Support.header + """
        courses:
          - {code: "10001", name: 课程1, credits: 1}
          - {code: "10004", name: 课程4, credits: 4}
          - {code: "10005", name: 课程5, credits: 5}
          - {code: "30001", name: 管理学原理, credits: 3}
          - {code: "30002", name: 管理学原理（实践）, credits: 2, kind: practice, theory: "30001"}
          - {code: "40001", name: 旧管理学, credits: 3}
          - {code: "40002", name: 旧管理学（实践）, credits: 2, kind: practice, theory: "40001"}
        equivalences:
          - codes: ["30002", "40002"]
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
                  - {id: electives, pool: ["30001", "30002", "10004", "10005"], min-courses: 2}
        """)

    func audit(_ codes: [String]) throws -> Audit {
        try AuditEngine(graph: Self.graph).audit(AuditRequest(candidate: Support.candidate(), records: Support.passed(codes),
                                                              major: MajorKey(province: "江苏", code: "120402"), planID: "P",
                                                              applicationDate: Support.date))
    }

    func electives(_ audit: Audit) -> Audit.NodeResult? { audit.requirements.children.first { $0.id == "electives" } }

    /// Every pool's status follows from its displayed progress, and the verdict from the nodes' statuses.
    func expectConsistent(_ audit: Audit, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let pool = electives(audit) else {
            Issue.record("no electives node", sourceLocation: sourceLocation)
            return
        }
        let progressMet = pool.courses.earned >= (pool.courses.required ?? 0) && pool.credits.earned >= (pool.credits.required ?? 0)
        #expect((pool.status == .satisfied) == progressMet, "status \(pool.status) vs progress \(pool.courses)", sourceLocation: sourceLocation)
        let allMet = audit.requirements.children.allSatisfy { $0.status == .satisfied }
        #expect((audit.verdict == .eligible) == allMet, "verdict \(audit.verdict) vs node statuses", sourceLocation: sourceLocation)
    }

    @Test func theoryAndPracticeInAPoolAreOneCourse() throws {
        let result = try audit(["10001", "30001", "30002"])
        expectConsistent(result)
        #expect(result.verdict == .notEligible)
        #expect(electives(result)?.status == .unsatisfied)
        #expect(electives(result)?.courses.earned == 1, "30001 + its practice component 30002 are one course")
        #expect(result.missing.items.map { $0.course?.code.rawValue } == ["10004"])
        #expect(result.missing.items.map(\.requirement) == ["electives"])

        let completed = try audit(["10001", "30001", "30002", "10004"])
        expectConsistent(completed)
        #expect(completed.verdict == .eligible)
        #expect(electives(completed)?.status == .satisfied)
        #expect(electives(completed)?.courses.earned == 2)
        #expect(completed.totals.courses.earned == 3)
    }

    @Test func equivalentCodeCountsAsTheCourseItStandsFor() throws {
        // 40002 stands for the practice component 30002, whose theory course 30001 is in the plan: still one course.
        let result = try audit(["10001", "30001", "40002"])
        expectConsistent(result)
        #expect(result.verdict == .notEligible)
        #expect(electives(result)?.courses.earned == 1)
        #expect(electives(result)?.status == .unsatisfied)
        #expect(result.missing.items.map { $0.course?.code.rawValue } == ["10004"])
    }

    @Test func practiceComponentAddedToAPoolCompletesItsCourse() throws {
        // Only 30001 passed: without its practice component it is not a passed course yet, so the pool (2 courses)
        // has 0. Cheapest: 30002 (2 credits, completes 30001) + 10004 (4) = 2 courses, 6 credits (10004 + 10005 would
        // be 9) — and passing what is listed makes the candidate eligible.
        let result = try audit(["10001", "30001"])
        expectConsistent(result)
        #expect(electives(result)?.courses.earned == 0)
        #expect(result.missing.items.map { $0.course?.code.rawValue } == ["30002", "10004"])
        let after = try audit(["10001", "30001"] + result.missing.items.compactMap { $0.course?.code.rawValue })
        #expect(after.verdict == .eligible)
    }
}
