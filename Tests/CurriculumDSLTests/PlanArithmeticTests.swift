import Foundation
import Testing
@testable import CurriculumDSL

/// What counts toward a plan's totals (DSL.md "Totals"): pool caps, additional courses, practice with theory.
@Suite struct PlanArithmeticTests {
    /// A plan (line 17) with `plan` lines appended after `version`; requirements follow at the same indentation.
    static func plan(_ body: String) -> String {
        """
        province: 江苏
        provinces: [{name: 江苏}]
        sources: [{id: SRC, document: 测试来源}]
        institutions: [{name: 苏州大学}]
        courses:
          - {code: "00018", name: 计算机应用基础, credits: 2}
          - {code: "00019", name: 计算机应用基础（实践）, credits: 2, kind: practice, theory: "00018"}
          - {code: "00321", name: 中国文化概论, credits: 5}
          - {code: "00152", name: 组织行为学, credits: 4}
          - {code: "00242", name: 民法学, credits: 6}
        majors:
          - code: "030101K"
            name: 法学
            level: 专升本
            institutions: [苏州大学]
            plans:
              - id: P
                version: "2024"
                sources: [SRC]

        """ + body
    }

    static func messages(_ body: String) -> [String] {
        CurriculumLoader().load(text: plan(body)).diagnostics.map(\.message.en)
    }

    @Test func poolCreditsAboveTheCapDoNotCountTowardTheTotal() {
        let body = """
                    total-credits: 6
                    requirements:
                      - {id: electives, pool: ["00321", "00152"], max-credits: 5}
            """
        #expect(Self.messages(body) == ["plan P requires 6 credits but its requirements (with substitutions) count at most 5"])
    }

    @Test func poolUnderItsCapReachesTheTotal() {
        let body = """
                    total-credits: 9
                    requirements:
                      - {id: electives, pool: ["00321", "00152"], max-credits: 20}
            """
        #expect(Self.messages(body).isEmpty)
    }

    @Test func additionalCoursesDoNotCountTowardTheTotal() {
        let body = """
                    total-credits: 11
                    requirements: ["00321"]
                    additional-courses:
                      - {id: extra, when-prior-field-in: [经济学], courses: ["00242"]}
            """
        #expect(Self.messages(body) == ["plan P requires 11 credits but its requirements (with substitutions) count at most 5"])
    }

    @Test func practiceCreditsCountButNotAsACourse() {
        let body = """
                    total-credits: 4
                    min-courses: 1
                    requirements: ["00018", "00019"]
            """
        #expect(Self.messages(body).isEmpty)
    }

    @Test func substitutionCanReachTheTotal() {
        let body = """
                    total-credits: 9
                    requirements: ["00321"]
                    substitutions:
                      - {id: s, replaces: "00321", all-of: ["00152", "00242"]}
            """
        #expect(Self.messages(body).isEmpty)
    }

    @Test
    func poolMinCoursesCountsPracticeWithItsTheory() {
        let body = """
                    requirements:
                      - {id: computing, pool: ["00018", "00019"], min-courses: 2}
            """
        #expect(CurriculumLoader().load(text: Self.plan(body)).found == [Found("graph.pool-unreachable", 21, 18)])
    }
}
