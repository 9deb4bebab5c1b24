import Foundation
import Testing
@testable import CurriculumDSL

// Marker convention for the diagnostics fixtures (all test files): a fixture in Fixtures/diagnostics/ carries no
// markers of its own beyond a header comment saying what is wrong. Where each diagnostic must point is stated here,
// in the Swift test, as table rows of (fixture file name, rule id, line, column): 1-based, columns in Unicode
// scalars, the start of the diagnostic's location. For each fixture the loader must report exactly the rows listed
// for it, no more and no fewer, nothing excluded (notes and warnings count too).

/// Reading YAML files: syntax errors, duplicate keys, documents, aliases, merge keys, scalars.
@Suite struct YAMLReaderTests {
    static let table: [DiagnosticExpectation] = [
        .init("yaml-syntax-missing-colon.yaml", "yaml.syntax", 6, 1),
        .init("yaml-syntax-bad-indent.yaml", "yaml.syntax", 5, 4),
        .init("yaml-syntax-over-indent.yaml", "yaml.syntax", 5, 6),
        .init("yaml-syntax-fullwidth-colon.yaml", "yaml.syntax", 5, 12),
        .init("yaml-syntax-unclosed-quote.yaml", "yaml.syntax", 6, 1),
        .init("yaml-empty-file.yaml", "yaml.empty-file", 1, 1),
        .init("yaml-comments-only.yaml", "yaml.empty-file", 1, 1),
        .init("yaml-duplicate-key.yaml", "yaml.duplicate-key", 6, 5),
        .init("yaml-multiple-documents.yaml", "yaml.multiple-documents", 5, 1),
        .init("yaml-complex-key.yaml", "yaml.complex-key", 5, 7),
        .init("yaml-invalid-merge.yaml", "yaml.invalid-merge", 7, 9),
        .init("yaml-invalid-merge.yaml", "yaml.invalid-merge", 11, 17),
        .init("yaml-number-like-string.yaml", "yaml.number-like-string", 4, 11),
    ]

    @Test("each YAML fixture gives exactly its expected diagnostics", arguments: table.files)
    func fixtureDiagnostics(file: String) {
        let result = Fixture.load("diagnostics/\(file)")
        #expect(result.found == Self.table.expected(for: file))
    }

    @Test func missingColonHasNoteAtTheKey() throws {
        let diagnostic = try #require(Fixture.load("diagnostics/yaml-syntax-missing-colon.yaml").diagnostics.first)
        #expect(diagnostic.notes.compactMap(\.location).map { Found("note", $0.line, $0.column) } == [Found("note", 5, 5)])
    }

    @Test func keyIndentedUnderAValueAsksToAlignItWithTheKeyAbove() throws {
        let diagnostic = try #require(Fixture.load("diagnostics/yaml-syntax-over-indent.yaml").diagnostics.first)
        #expect(diagnostic.message.en == "YAML syntax error: key 'credits' is indented deeper than 'name' on the line above, so it reads as more of that value")
        #expect(diagnostic.remedy?.en == "align 'credits' with 'name' (column 5)")
        #expect(diagnostic.remedy?.zh == "让“credits”与“name”左对齐（第 5 列）")
        #expect(diagnostic.notes.compactMap(\.location).map { Found("note", $0.line, $0.column) } == [Found("note", 4, 5)])
    }

    @Test func fullWidthColonAfterAKeyIsNamedWithItsFix() throws {
        let diagnostic = try #require(Fixture.load("diagnostics/yaml-syntax-fullwidth-colon.yaml").diagnostics.first)
        #expect(diagnostic.remedy?.en == "replace '：' with ': ' (ASCII colon and a space)")
        #expect(diagnostic.message.zh == "YAML 语法错误：键后是全角冒号“：”，YAML 只认半角冒号“:”")
        #expect(diagnostic.fixIts.map(\.replacement) == [": "])
        #expect(diagnostic.fixIts.first.map { [$0.location.line, $0.location.column, $0.location.endColumn] } == [5, 12, 13])
    }

    @Test func aColonInAValueStillAsksForQuotes() throws {
        let result = Fixture.load(bytes: Array("sources:\n  - id: A\n    document: see: annex 4\n".utf8))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.rule == "yaml.syntax")
        #expect(diagnostic.remedy?.en == "quote values that contain a colon, e.g. note: \"see: annex 4\"")
    }

    @Test func unclosedQuoteHasNoteAtTheOpeningQuote() throws {
        let diagnostic = try #require(Fixture.load("diagnostics/yaml-syntax-unclosed-quote.yaml").diagnostics.first)
        #expect(diagnostic.notes.compactMap(\.location).map { Found("note", $0.line, $0.column) } == [Found("note", 4, 11)])
    }

    @Test func badIndentRemedyAsksToAlignKeys() throws {
        let diagnostic = try #require(Fixture.load("diagnostics/yaml-syntax-bad-indent.yaml").diagnostics.first)
        #expect(diagnostic.remedy?.en == "align the keys of one level to the same column")
    }

    @Test func duplicateKeyNotePointsAtTheFirstKey() throws {
        let diagnostic = try #require(Fixture.load("diagnostics/yaml-duplicate-key.yaml").diagnostics.first)
        #expect(diagnostic.notes.map { $0.location?.line } == [4])
        #expect(diagnostic.notes.map { $0.location?.column } == [5])
    }

    @Test func duplicateKeyKeepsTheFirstValue() {
        let result = Fixture.load("diagnostics/yaml-duplicate-key.yaml")
        #expect(result.graph.courses["00018"]?.name == "计算机应用基础")
    }

    @Test func emptyFileIsAWarning() {
        #expect(Fixture.load("diagnostics/yaml-empty-file.yaml").diagnostics.map(\.severity) == [.warning])
    }

    @Test func numberLikeCodeStaysTheString00015() {
        let result = Fixture.load("diagnostics/yaml-number-like-string.yaml")
        #expect(result.graph.courses.keys.map(\.rawValue) == ["00015"])
    }

    @Test func numberLikeCodeFixItQuotesTheCode() throws {
        let diagnostic = try #require(Fixture.load("diagnostics/yaml-number-like-string.yaml").diagnostics.first)
        #expect(diagnostic.fixIts.map(\.replacement) == ["\"00015\""])
        #expect(diagnostic.fixIts.map { [$0.location.line, $0.location.column, $0.location.endColumn] } == [[4, 11, 16]])
    }

    @Test func numberLikeCodeIsANote() {
        #expect(Fixture.load("diagnostics/yaml-number-like-string.yaml").diagnostics.map(\.severity) == [.note])
    }

    @Test func mergeKeysFillMissingEntries() {
        let result = CurriculumLoader().load(text: """
            courses:
              - &base {code: "00018", name: 计算机应用基础, credits: 2}
              - <<: *base
                code: "00020"
                name: 高等数学（一）
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.graph.courses["00020"]?.credits == 2)
        #expect(result.graph.courses["00020"]?.name == "高等数学（一）")
    }

    @Test func mergeKeyListPrefersEarlierMappings() {
        let result = CurriculumLoader().load(text: """
            courses:
              - &a {code: "00018", name: 甲, credits: 2}
              - &b {code: "00019", name: 乙, credits: 3, kind: practice, theory: "00018"}
              - <<: [*a, *b]
                code: "00020"
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.graph.courses["00020"].map { [$0.name, String($0.credits), $0.kind.rawValue] } == ["甲", "2", "practice"])
    }

    @Test func aliasesRepeatANode() {
        let result = CurriculumLoader().load(text: """
            courses:
              - {code: "00018", name: &n 计算机应用基础, credits: 2}
              - {code: "00019", name: *n, credits: 2, kind: practice, theory: "00018"}
            """)
        #expect(result.graph.courses["00019"]?.name == "计算机应用基础")
    }

    @Test
    func undefinedAliasGivesOnlyItsOwnDiagnostic() {
        let result = Fixture.load("diagnostics/yaml-undefined-alias.yaml")
        #expect(result.found == [Found("yaml.undefined-alias", 8, 11)])
    }

    @Test func undefinedAliasIsReportedAtTheAlias() {
        let result = Fixture.load("diagnostics/yaml-undefined-alias.yaml")
        #expect(result.diagnostics("yaml.undefined-alias").map(\.found) == [Found("yaml.undefined-alias", 8, 11)])
    }

    @Test func secondDocumentIsNotRead() {
        let result = Fixture.load("diagnostics/yaml-multiple-documents.yaml")
        #expect(result.graph.courses["00019"] == nil)
    }

    @Test
    func emptyDocumentIsAnEmptyFile() {
        let result = CurriculumLoader().load(text: "---\n")
        #expect(result.found == [Found("yaml.empty-file", 1, 1)])
    }

    @Test
    func emptyMappingFileIsReported() {
        #expect(!CurriculumLoader().load(text: "{}\n").diagnostics.isEmpty)
    }

    @Test(arguments: ["---\n# nothing here\n", "# a comment\n---\n", "--- \n...\n"])
    func documentWithoutContentIsAnEmptyFile(text: String) {
        #expect(CurriculumLoader().load(text: text).found == [Found("yaml.empty-file", 1, 1)])
    }

    @Test func mergingAnUndefinedAliasGivesOnlyTheAliasError() {
        let result = CurriculumLoader().load(text: "courses:\n  - <<: *missing\n    code: \"00018\"\n    name: 甲\n    credits: 2\n")
        #expect(result.found == [Found("yaml.undefined-alias", 2, 9)])
        #expect(result.graph.courses["00018"] != nil)
    }

    @Test func undefinedAliasAsAListItemGivesOnlyTheAliasError() {
        let result = CurriculumLoader().load(text: "courses:\n  - *missing\n  - {code: \"00018\", name: 甲, credits: 2}\n")
        #expect(result.found == [Found("yaml.undefined-alias", 2, 5)])
    }
}
