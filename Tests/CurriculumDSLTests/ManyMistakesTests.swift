import Foundation
import Testing
@testable import CurriculumDSL

/// One file seeded with fourteen different mistakes (each marked `# mistake N` in the fixture): exactly one
/// diagnostic per mistake, at the right line and column, and nothing else.
@Suite struct ManyMistakesTests {
    static let table: [DiagnosticExpectation] = [
        .init("many-mistakes.yaml", "schema.invalid-value", 11, 17),            // 1 confidence: hihg
        .init("many-mistakes.yaml", "graph.conflicting-credits", 20, 12),       // 2 03708 with 3 credits
        .init("many-mistakes.yaml", "schema.unknown-key", 21, 44),              // 3 notes
        .init("many-mistakes.yaml", "yaml.number-like-string", 22, 11),         // 4 code: 00321
        .init("many-mistakes.yaml", "yaml.duplicate-key", 27, 33),              // 5 code twice
        .init("many-mistakes.yaml", "graph.unknown-reference", 33, 26),         // 6 南京大写
        .init("many-mistakes.yaml", "schema.invalid-value", 38, 26),            // 7 2099-13-01
        .init("many-mistakes.yaml", "graph.total-unreachable", 39, 24),         // 8 total-credits: 100
        .init("many-mistakes.yaml", "graph.practice-without-theory", 44, 13),   // 9 00019 without 00018
        .init("many-mistakes.yaml", "graph.course-name-mismatch", 45, 13),      // 10 13000 英语（专科）
        .init("many-mistakes.yaml", "graph.choose-too-many", 46, 17),           // 11 choose: 3 of 2
        .init("many-mistakes.yaml", "schema.type-mismatch", 51, 26),            // 12 min-credits: "5"
        .init("many-mistakes.yaml", "graph.unknown-reference", 54, 23),         // 13 replaces: "00051"
        .init("many-mistakes.yaml", "schema.missing-key", 59, 5),               // 14 no certificate
    ]

    @Test func everyMistakeGivesExactlyItsDiagnostic() {
        #expect(Fixture.load("diagnostics/many-mistakes.yaml").found == Self.table.expected(for: "many-mistakes.yaml"))
    }

    @Test func everyMistakeIsMarkedInTheFixture() throws {
        let lines = try Fixture.text("diagnostics/many-mistakes.yaml").components(separatedBy: "\n")
        let marked = lines.indices.filter { lines[$0].contains("# mistake ") }.map { $0 + 1 }
        #expect(marked == Self.table.map(\.line))
    }

    @Test func theRestOfTheFileStillLoads() {
        let graph = Fixture.load("diagnostics/many-mistakes.yaml").graph
        #expect(graph.courses.count == 8)
        #expect(graph.plans["P"]?.effectiveFrom == CivilDate("2024-07-01"))
        #expect(graph.exemptions.isEmpty)
    }

    @Test func aSuggestionIsOfferedWhereOneIsClose() {
        let remedies = Fixture.load("diagnostics/many-mistakes.yaml").diagnostics.compactMap { $0.remedy?.en }
        #expect(remedies.contains("did you mean high?"))
        #expect(remedies.contains("did you mean 'note'?"))
        #expect(remedies.contains("did you mean '00015'?"))
    }
}
