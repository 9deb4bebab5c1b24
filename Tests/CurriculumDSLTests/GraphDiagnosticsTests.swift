import Foundation
import Testing
@testable import CurriculumDSL

/// Compiling the files into one curriculum (graph.*). Table rows follow the convention in YAMLReaderTests.swift.
@Suite struct GraphDiagnosticsTests {
    static let table: [DiagnosticExpectation] = [
        .init("graph-unknown-reference-course.yaml", "graph.unknown-reference", 18, 33),
        .init("graph-unknown-reference-institution.yaml", "graph.unknown-reference", 10, 20),
        .init("graph-unknown-reference-source.yaml", "graph.unknown-reference", 18, 18),
        .init("graph-unknown-reference-plan.yaml", "graph.unknown-reference", 17, 21),
        .init("graph-unknown-reference-requirement.yaml", "graph.unknown-reference", 24, 23),
        .init("graph-duplicate-definition.yaml", "graph.duplicate-definition", 7, 11),
        .init("graph-conflicting-credits.yaml", "graph.conflicting-credits", 9, 11),
        .init("graph-course-name-mismatch.yaml", "graph.course-name-mismatch", 18, 13),
        .init("graph-practice-without-theory-catalog.yaml", "graph.practice-without-theory", 3, 11),
        .init("graph-practice-without-theory-plan.yaml", "graph.practice-without-theory", 18, 24),
        .init("graph-rename-cycle.yaml", "graph.rename-cycle", 7, 5),
        .init("graph-substitution-cycle.yaml", "graph.substitution-cycle", 24, 17),
        .init("graph-total-unreachable.yaml", "graph.total-unreachable", 17, 24),
        .init("graph-course-count-unreachable.yaml", "graph.course-count-unreachable", 18, 22),
        .init("graph-pool-unreachable.yaml", "graph.pool-unreachable", 19, 17),
        .init("graph-choose-too-many.yaml", "graph.choose-too-many", 19, 17),
        .init("graph-institution-province-mismatch.yaml", "graph.institution-province-mismatch", 12, 26),
        .init("graph-plan-institution-not-examining.yaml", "graph.plan-institution-not-examining", 17, 30),
        .init("graph-plan-without-source.yaml", "graph.plan-without-source", 13, 13),
        .init("graph-invalid-period.yaml", "graph.invalid-period", 14, 13),
        .init("graph-window-outside-period.yaml", "graph.window-outside-period", 25, 17),
    ]

    @Test("each graph fixture gives exactly its expected diagnostics", arguments: table.files)
    func fixtureDiagnostics(file: String) {
        #expect(Fixture.load("diagnostics/\(file)").found == Self.table.expected(for: file))
    }

    static func only(_ fixture: String) throws -> Diagnostic {
        let diagnostics = Fixture.load("diagnostics/\(fixture)").diagnostics
        try #require(diagnostics.count == 1)
        return diagnostics[0]
    }

    static func noteLines(_ diagnostic: Diagnostic) -> [[Int]] {
        diagnostic.notes.compactMap { $0.location.map { [$0.line, $0.column] } }
    }

    @Test("unknown references suggest the closest name", arguments: [
        ("graph-unknown-reference-course.yaml", "did you mean '03709'?", "\"03709\""),
        ("graph-unknown-reference-institution.yaml", "did you mean '苏州大学'?", "苏州大学"),
        ("graph-unknown-reference-source.yaml", "did you mean 'JS2024-PLANS'?", "JS2024-PLANS"),
        ("graph-unknown-reference-plan.yaml", "did you mean 'JS-2021-030101K'?", "JS-2021-030101K"),
        ("graph-unknown-reference-requirement.yaml", "did you mean 'foreign-language'?", "foreign-language"),
    ])
    func unknownReferenceSuggestion(file: String, remedy: String, replacement: String) throws {
        let diagnostic = try Self.only(file)
        #expect(diagnostic.remedy?.en == remedy)
        #expect(diagnostic.fixIts.map(\.replacement) == [replacement])
    }

    @Test func duplicateDefinitionNotePointsAtTheFirstDefinition() throws {
        #expect(Self.noteLines(try Self.only("graph-duplicate-definition.yaml")) == [[5, 11]])
    }

    @Test func duplicateDefinitionKeepsTheFirst() {
        #expect(Fixture.load("diagnostics/graph-duplicate-definition.yaml").graph.institutions["苏州大学"]?.code == "10285")
    }

    @Test func conflictingCreditsNotePointsAtTheOtherDefinition() throws {
        #expect(Self.noteLines(try Self.only("graph-conflicting-credits.yaml")) == [[3, 11]])
    }

    @Test func conflictingCreditsKeepTheFirstDefinition() {
        #expect(Fixture.load("diagnostics/graph-conflicting-credits.yaml").graph.courses["00018"]?.credits == 2)
    }

    @Test func courseNameMismatchIsAWarningWithTheCatalogEntry() throws {
        let diagnostic = try Self.only("graph-course-name-mismatch.yaml")
        #expect(diagnostic.severity == .warning)
        #expect(Self.noteLines(diagnostic) == [[7, 12]])
    }

    @Test func courseNameMismatchCoversOnlyTheCode() throws {
        let location = try #require(try Self.only("graph-course-name-mismatch.yaml").location)
        let span: [Int] = [location.line, location.column, location.endLine, location.endColumn]
        #expect(span == [18, 13, 18, 18])
    }

    @Test func formerNameIsNotAMismatch() throws {
        let text = try Fixture.text("diagnostics/graph-course-name-mismatch.yaml").replacingOccurrences(of: "13000 英语（专科）", with: "13000 英语(专升本)")
        #expect(CurriculumLoader().load(text: text).diagnostics.isEmpty)
    }

    @Test func practiceWithoutTheoryInAPlanNotesTheTheoryCourse() throws {
        #expect(Self.noteLines(try Self.only("graph-practice-without-theory-plan.yaml")) == [[7, 12]])
    }

    @Test func renameCycleNamesTheCycle() throws {
        #expect(try Self.only("graph-rename-cycle.yaml").message.en == "course renames form a cycle: 00001 → 03709 → 00001")
    }

    @Test func substitutionCycleNamesTheCycle() throws {
        #expect(try Self.only("graph-substitution-cycle.yaml").message.en
            == "substitutions or mappings of plan P form a cycle: 00015 → 00058 → 00015")
    }

    @Test func totalUnreachableStatesTheReachableCredits() throws {
        #expect(try Self.only("graph-total-unreachable.yaml").message.en == "plan P requires 8 credits but its requirements (with substitutions) count at most 6")
    }

    @Test func courseCountCountsPracticeWithTheoryAndNoThesis() throws {
        #expect(try Self.only("graph-course-count-unreachable.yaml").message.en == "plan P requires 2 courses but its requirements count at most 1")
    }

    @Test func poolUnreachableStatesTheAvailableCredits() throws {
        #expect(try Self.only("graph-pool-unreachable.yaml").message.en == "pool 'electives' needs at least 14 credits but all its courses give only 9")
    }

    @Test func institutionProvinceMismatchNotesTheInstitution() throws {
        #expect(Self.noteLines(try Self.only("graph-institution-province-mismatch.yaml")) == [[6, 11]])
    }

    @Test func planWithoutSourceIsAWarning() throws {
        #expect(try Self.only("graph-plan-without-source.yaml").severity == .warning)
    }

    @Test
    func notExaminingNotePointsAtTheMajorsInstitutions() throws {
        #expect(Self.noteLines(try Self.only("graph-plan-institution-not-examining.yaml")) == [[12, 20]])
    }

    static let majorInUnknownProvince = """
        provinces: [{name: 江苏}]
        majors:
          - code: "030101K"
            name: 法学
            level: 专升本
            province: 江沙
        """

    @Test func unknownProvinceOfAMajorIsReported() {
        #expect(CurriculumLoader().load(text: Self.majorInUnknownProvince).diagnostics("graph.unknown-reference").count == 1)
    }

    @Test
    func unknownProvinceOfAMajorPointsAtTheProvince() {
        #expect(CurriculumLoader().load(text: Self.majorInUnknownProvince).found == [Found("graph.unknown-reference", 6, 15)])
    }

    @Test
    func duplicateExemptionIsCalledAnExemption() {
        let result = CurriculumLoader().load(text: """
            provinces: [{name: 江苏}]
            courses: [{code: "00018", name: 甲, credits: 2}]
            exemptions:
              - {id: ncre-1, certificate: 一级, province: 江苏, exempts: ["00018"]}
              - {id: ncre-1, certificate: 二级, province: 江苏, exempts: ["00018"]}
            """)
        #expect(result.diagnostics("graph.duplicate-definition").map(\.message.en) == ["exemption 'ncre-1' is defined twice"])
    }

    @Test func duplicateSubstitutionIsCalledASubstitution() {
        let result = CurriculumLoader().load(text: """
            province: 江苏
            provinces: [{name: 江苏}]
            sources: [{id: SRC, document: 测试来源}]
            institutions: [{name: 苏州大学}]
            courses: [{code: "00018", name: 甲, credits: 2}, {code: "00019", name: 乙, credits: 2}]
            majors:
              - code: "030101K"
                name: 法学
                level: 专升本
                institutions: [苏州大学]
                plans:
                  - id: P
                    version: "2024"
                    sources: [SRC]
                    requirements: ["00018"]
                    substitutions:
                      - {id: s, replaces: "00018", all-of: ["00019"]}
                      - {id: s, replaces: "00018", all-of: ["00019"]}
            """)
        #expect(result.diagnostics("graph.duplicate-definition").map(\.message.en) == ["substitution 's' is defined twice"])
    }

    @Test func requirementFixItQuotesACodeLikeSuggestion() throws {
        let result = CurriculumLoader().load(text: """
            province: 江苏
            provinces: [{name: 江苏}]
            sources: [{id: SRC, document: 测试来源}]
            institutions: [{name: 苏州大学}]
            courses: [{code: "00018", name: 甲, credits: 2}, {code: "00019", name: 乙, credits: 2}]
            majors:
              - code: "030101K"
                name: 法学
                level: 专升本
                institutions: [苏州大学]
                plans:
                  - id: P
                    version: "2024"
                    sources: [SRC]
                    requirements: ["00018", {id: extra, all-of: ["00019"]}]
                    substitutions:
                      - {id: s, replaces: "00081", all-of: ["00019"]}
                      - {id: t, replaces: extar, all-of: ["00019"]}
            """)
        #expect(result.diagnostics("graph.unknown-reference").map { $0.fixIts.map(\.replacement) } == [["\"00018\""], ["extra"]])
    }
}
