import Foundation
import Testing
import CurriculumDSL
import Eligibility

/// A 顶替 set counts its passed courses by course weight, as the plan's course count does: a theory course and its
/// practice component in the same set are one course.
@Suite("Substitution course weights")
struct SubstitutionWeightTests {
    static func graph(_ substitution: String, minCourses: Int = 3) -> CurriculumGraph {
        Support.graph(Support.header + """
            courses:
              - {code: "10001", name: 课程1, credits: 1}
              - {code: "00015", name: 英语(二), credits: 14}
              - {code: "10004", name: 课程4, credits: 4}
              - {code: "30001", name: 管理学原理, credits: 8}
              - {code: "30002", name: 管理学原理（实践）, credits: 6, kind: practice, theory: "30001"}
            majors:
              - code: "120402"
                name: 行政管理
                level: 专科
                institutions: [测试大学]
                plans:
                  - id: P
                    version: "1"
                    sources: [SRC]
                    min-courses: \(minCourses)
                    requirements:
                      - "10001"
                      - "00015"
                    substitutions:
                      - id: replace-00015
                        title: 顶替英语(二)
                        replaces: "00015"
            """ + substitution)
    }

    func audit(_ graph: CurriculumGraph, _ codes: [String]) throws -> Audit {
        try AuditEngine(graph: graph).audit(AuditRequest(candidate: Support.candidate(), records: Support.passed(codes),
                                                         major: MajorKey(province: "江苏", code: "120402"), planID: "P",
                                                         applicationDate: Support.date))
    }

    func english(_ audit: Audit) -> Audit.NodeResult? { audit.requirements.children.first { $0.id == "00015" } }

    @Test func theoryAndPracticeInACreditSetAreOneCourse() throws {
        let graph = Self.graph("\n            min-credits: 14\n            from: [\"30001\", \"30002\", \"10004\"]")
        let result = try audit(graph, ["10001", "30001", "30002"])
        #expect(english(result)?.status == .substituted)
        #expect(english(result)?.courses.earned == 1, "30001 + its practice component 30002 are one course")
        // 10001 + the pair = 2 courses of the 3 the plan requires.
        #expect(result.totals.courses.earned == 2)
        #expect(result.verdict == .notEligible)
        #expect(EngineSummary.verdict(graph, ["10001", "30001", "30002"]) == .notEligible)

        // The missing course count is what remains (one more course), not zero.
        #expect(result.missing.courses == 1)
    }

    @Test func aFixedSetCountsTheRequiredCoursesByWeight() throws {
        let graph = Self.graph("\n            all-of: [\"30001\", \"30002\"]", minCourses: 2)
        let result = try audit(graph, ["10001", "30001", "30002"])
        #expect(english(result)?.status == .substituted)
        #expect(english(result)?.courses.earned == 1)
        #expect(english(result)?.courses.required == 1)
        #expect(result.totals.courses.earned == 2)
        #expect(result.verdict == .eligible)
    }
}

enum EngineSummary {
    static func verdict(_ graph: CurriculumGraph, _ codes: [String]) -> Audit.Verdict? {
        try? AuditEngine(graph: graph).evaluate(AuditRequest(candidate: Support.candidate(), records: Support.passed(codes),
                                                             major: MajorKey(province: "江苏", code: "120402"), planID: "P",
                                                             applicationDate: Support.date)).verdict
    }
}
