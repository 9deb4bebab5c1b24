import Foundation
import Testing
@testable import CurriculumDSL

/// Fix-its are mechanical: applying one must remove its diagnostic and leave valid YAML with nothing new on that line.
@Suite struct FixItTests {
    /// Every table fixture whose diagnostics carry fix-its.
    static let fixturesWithFixIts: [String] = [
        "yaml-number-like-string.yaml",
        "schema-unknown-key.yaml",
        "schema-invalid-value-course-code.yaml",
        "schema-invalid-value-level.yaml",
        "graph-unknown-reference-course.yaml",
        "graph-unknown-reference-institution.yaml",
        "graph-unknown-reference-source.yaml",
        "graph-unknown-reference-plan.yaml",
        "graph-unknown-reference-requirement.yaml",
    ]

    @Test(arguments: fixturesWithFixIts)
    func applyingTheFixItsClearsTheFixture(file: String) throws {
        let text = try Fixture.text("diagnostics/\(file)")
        let before = CurriculumLoader().load(text: text)
        try #require(before.diagnostics.contains { !$0.fixIts.isEmpty })
        var fixed = text
        for diagnostic in before.diagnostics.reversed() { fixed = applyingFixIts(of: diagnostic, to: fixed) }
        #expect(CurriculumLoader().load(text: fixed).diagnostics.isEmpty)
    }

    @Test func fixItsOfTheManyMistakesFixtureEachClearTheirLine() throws {
        let text = try Fixture.text("diagnostics/many-mistakes.yaml")
        let fixable = CurriculumLoader().load(text: text).diagnostics.filter { !$0.fixIts.isEmpty }
        // confidence hihg, notes, 00321, replaces "00051"
        #expect(fixable.map(\.found.line) == [11, 21, 22, 54])
        for diagnostic in fixable where diagnostic.found.line != 54 {
            let after = CurriculumLoader().load(text: applyingFixIts(of: diagnostic, to: text))
            #expect(!after.found.contains { $0.line == diagnostic.found.line }, "fix of \(diagnostic.found)")
        }
    }

    @Test
    func requirementFixItKeepsACodeQuoted() throws {
        let text = try Fixture.text("diagnostics/many-mistakes.yaml")
        let diagnostic = try #require(CurriculumLoader().load(text: text).diagnostics.first { $0.found.line == 54 })
        #expect(diagnostic.fixIts.map(\.replacement) == ["\"00015\""])
    }

    /// A plan whose requirements use the `code name` shorthand with a mistyped code (line 18) and a short code (line 19).
    static let shorthandPlan = """
        province: 江苏
        provinces: [{name: 江苏}]
        sources: [{id: SRC, document: 测试来源}]
        institutions: [{name: 苏州大学}]
        courses:
          - {code: "03708", name: 中国近现代史纲要, credits: 2}
          - {code: "03709", name: 马克思主义基本原理概论, credits: 4}
        majors:
          - code: "030101K"
            name: 法学
            level: 专升本
            institutions: [苏州大学]
            plans:
              - id: P
                version: "2024"
                sources: [SRC]
                requirements:
                  - 03079 马克思主义基本原理概论
                  - 3708 中国近现代史纲要
        """

    @Test func shorthandCodeMistakesPointAtTheCodeOnly() {
        #expect(CurriculumLoader().load(text: Self.shorthandPlan).found
            == [Found("graph.unknown-reference", 18, 13), Found("schema.invalid-value", 19, 13)])
    }

    @Test
    func shorthandFixItsKeepTheYAMLValid() {
        var fixed = Self.shorthandPlan
        for diagnostic in CurriculumLoader().load(text: Self.shorthandPlan).diagnostics.reversed() {
            fixed = applyingFixIts(of: diagnostic, to: fixed)
        }
        #expect(CurriculumLoader().load(text: fixed).diagnostics.isEmpty)
    }

    /// Quoted shorthands with a name (line 22 with an escape, so its fix rewrites the whole scalar), and a course
    /// node written with `course:`.
    static let quotedShorthandPlan = """
        province: 江苏
        provinces: [{name: 江苏}]
        sources: [{id: SRC, document: 测试来源}]
        institutions: [{name: 苏州大学}]
        courses:
          - {code: "03708", name: 中国近现代史纲要, credits: 2}
          - {code: "03709", name: 马克思主义基本原理概论, credits: 4}
          - {code: "00015", name: 英语（二）, credits: 14}
        majors:
          - code: "030101K"
            name: 法学
            level: 专升本
            institutions: [苏州大学]
            plans:
              - id: P
                version: "2024"
                sources: [SRC]
                requirements:
                  - '03079 马克思主义基本原理概论'
                  - "3708 中国近现代史纲要"
                  - {id: english, course: "00051"}
                  - "00051 英语\\t（二）"
        """

    @Test func quotedShorthandFixItsKeepTheYAMLValid() {
        let before = CurriculumLoader().load(text: Self.quotedShorthandPlan)
        #expect(before.found == [Found("graph.unknown-reference", 19, 14), Found("schema.invalid-value", 20, 14),
                                 Found("graph.unknown-reference", 21, 35), Found("graph.unknown-reference", 22, 13)])
        var fixed = Self.quotedShorthandPlan
        for diagnostic in before.diagnostics.reversed() { fixed = applyingFixIts(of: diagnostic, to: fixed) }
        let after = CurriculumLoader().load(text: fixed)
        #expect(after.diagnostics.map(\.message.en) == ["course 00015 is written '英语\t（二）' here but the catalog names it '英语（二）'"])
        #expect(after.graph.plans["P"]?.requirements.courseCodes.map(\.rawValue) == ["03709", "03708", "00015", "00015"])
    }

    @Test func unknownCourseOfACourseNodePointsAtTheCode() throws {
        let diagnostic = try #require(CurriculumLoader().load(text: Self.quotedShorthandPlan).diagnostics.first { $0.found.line == 21 })
        #expect(diagnostic.fixIts.map(\.replacement) == ["\"00015\""])
        #expect(diagnostic.location.map { [$0.column, $0.endColumn] } == [35, 42])
    }
}
