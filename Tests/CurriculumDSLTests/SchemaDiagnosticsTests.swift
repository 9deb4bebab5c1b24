import Foundation
import Testing
@testable import CurriculumDSL

/// The DSL's keys, types and values (schema.*). Table rows follow the convention in YAMLReaderTests.swift.
@Suite struct SchemaDiagnosticsTests {
    static let table: [DiagnosticExpectation] = [
        .init("schema-unknown-key.yaml", "schema.unknown-key", 6, 5),
        .init("schema-missing-key.yaml", "schema.missing-key", 3, 5),
        .init("schema-type-mismatch.yaml", "schema.type-mismatch", 5, 14),
        .init("schema-invalid-value-course-code.yaml", "schema.invalid-value", 3, 11),
        .init("schema-invalid-value-date.yaml", "schema.invalid-value", 7, 22),
        .init("schema-invalid-value-level.yaml", "schema.invalid-value", 11, 12),
        .init("schema-conflicting-keys.yaml", "schema.conflicting-keys", 21, 13),
    ]

    @Test("each schema fixture gives exactly its expected diagnostics", arguments: table.files)
    func fixtureDiagnostics(file: String) {
        #expect(Fixture.load("diagnostics/\(file)").found == Self.table.expected(for: file))
    }

    static func only(_ fixture: String) throws -> Diagnostic {
        let diagnostics = Fixture.load("diagnostics/\(fixture)").diagnostics
        try #require(diagnostics.count == 1)
        return diagnostics[0]
    }

    @Test func unknownKeySuggestsTheClosestKey() throws {
        let diagnostic = try Self.only("schema-unknown-key.yaml")
        #expect(diagnostic.remedy?.en == "did you mean 'former-names'?")
        #expect(diagnostic.fixIts.map(\.replacement) == ["former-names"])
    }

    @Test func unknownKeyWithoutCloseMatchListsTheValidKeys() throws {
        let result = CurriculumLoader().load(text: "sources:\n  - {id: S, document: D, 网址: x}\n")
        #expect(result.found == [Found("schema.unknown-key", 2, 26)])
        #expect(result.diagnostics.first?.remedy?.en == "valid keys here: id, document, url, confidence, note")
    }

    @Test func missingKeyNamesTheKey() throws {
        #expect(try Self.only("schema-missing-key.yaml").message.en == "a course is missing the required key 'credits'")
    }

    @Test func typeMismatchNamesWhatWasFound() throws {
        #expect(try Self.only("schema-type-mismatch.yaml").message.en == "credits must be a non-negative integer, found a list")
    }

    @Test func quotedIntegerIsATypeMismatchWithRemedy() {
        let result = CurriculumLoader().load(text: "courses:\n  - {code: \"00018\", name: 甲, credits: \"2\"}\n")
        #expect(result.found == [Found("schema.type-mismatch", 2, 39)])
        #expect(result.diagnostics.first?.remedy?.en == "remove the quotes")
    }

    @Test("integers are decimal digits only", arguments: ["0x10", "1_000", "+3", "-1", "2.5", "0o17"])
    func nonDecimalIntegerIsATypeMismatch(credits: String) {
        let result = CurriculumLoader().load(text: "courses:\n  - {code: \"00018\", name: 甲, credits: \(credits)}\n")
        #expect(result.found == [Found("schema.type-mismatch", 2, 39)])
    }

    @Test func shortCourseCodeSuggestsThePaddedCode() throws {
        let diagnostic = try Self.only("schema-invalid-value-course-code.yaml")
        #expect(diagnostic.remedy?.en == "did you mean \"00015\"?")
        #expect(diagnostic.fixIts.map(\.replacement) == ["\"00015\""])
    }

    @Test
    func unquotedShortCourseCodeGetsOneDiagnostic() {
        let result = CurriculumLoader().load(text: "courses:\n  - {code: 15, name: 英语(二), credits: 14}\n")
        #expect(result.found == [Found("schema.invalid-value", 2, 12)])
    }

    @Test func impossibleDateIsAnInvalidValue() throws {
        #expect(try Self.only("schema-invalid-value-date.yaml").message.en == "invalid obtained-before '2023-02-29': expected a date YYYY-MM-DD")
    }

    @Test(arguments: ["2024/07/01", "2024-7-1", "24-07-01", "2024-07-01T00:00"])
    func wronglyWrittenDateIsAnInvalidValue(date: String) {
        let result = CurriculumLoader().load(text: "exemptions:\n  - {id: x, certificate: c, province: 江苏, exempts: [], obtained-before: \(date)}\n")
        #expect(result.diagnostics("schema.invalid-value").map(\.found) == [Found("schema.invalid-value", 2, 73)])
    }

    @Test func misspelledLevelSuggestsTheLevel() throws {
        let diagnostic = try Self.only("schema-invalid-value-level.yaml")
        #expect(diagnostic.remedy?.en == "did you mean 专升本?")
        #expect(diagnostic.fixIts.map(\.replacement) == ["专升本"])
    }

    @Test func lowercaseMajorCodeSuggestsUppercase() {
        let result = CurriculumLoader().load(text: "majors:\n  - {code: \"030101k\", name: 法学, level: 专升本, province: 江苏}\n")
        #expect(result.diagnostics("schema.invalid-value").first?.fixIts.map(\.replacement) == ["\"030101K\""])
    }

    @Test(arguments: ["yes", "on", "\"true\""])
    func nonCanonicalBooleanIsAnInvalidValue(value: String) {
        let result = CurriculumLoader().load(text: "majors:\n  - {code: \"030101K\", name: 法学, level: 专升本, province: 江苏, prerequisite: {verified: \(value)}}\n")
        #expect(result.diagnostics("schema.invalid-value").map(\.found) == [Found("schema.invalid-value", 2, 84)])
    }

    @Test func conflictingShapesNotePointsAtTheFirstShape() throws {
        let diagnostic = try Self.only("schema-conflicting-keys.yaml")
        #expect(diagnostic.notes.map { $0.location.map { [$0.line, $0.column] } } == [[20, 13]])
    }

    static let planPrefix = """
        courses: [{code: "00015", name: 英语, credits: 14}, {code: "00058", name: 营销, credits: 5}]
        majors:
          - code: "120202"
            name: 市场营销
            level: 专升本
            province: 江苏
            plans:
              - id: P
                version: "2024"
                requirements:

        """

    @Test func substitutionWithBothFormsIsConflicting() {
        let result = CurriculumLoader().load(text: Self.planPrefix + """
                  - "00015"
                substitutions:
                  - {id: s, replaces: "00015", min-credits: 5, from: ["00058"], all-of: ["00058"]}
        """)
        #expect(result.diagnostics("schema.conflicting-keys").map(\.found) == [Found("schema.conflicting-keys", 13, 73)])
    }

    @Test func requirementWithoutShapeIsMissingAKey() {
        let result = CurriculumLoader().load(text: Self.planPrefix + "          - {id: nothing, title: 空}\n")
        #expect(result.diagnostics("schema.missing-key").map(\.found) == [Found("schema.missing-key", 11, 13)])
    }

    @Test func alternativeWithoutWhenIsMissingAKey() {
        let result = CurriculumLoader().load(text: Self.planPrefix + """
                  - id: track
                    alternatives:
                      - {id: a, when: 考外语者, all-of: ["00015"]}
                      - {id: b, all-of: ["00058"]}
        """)
        #expect(result.diagnostics("schema.missing-key").map(\.found) == [Found("schema.missing-key", 14, 22)])
    }

    @Test func ofOnAOneOfIsAnUnknownKeyExplained() {
        let result = CurriculumLoader().load(text: Self.planPrefix + "          - {id: fl, one-of: [\"00015\"], of: [\"00058\"]}\n")
        let diagnostics = result.diagnostics("schema.unknown-key")
        #expect(diagnostics.map(\.found) == [Found("schema.unknown-key", 11, 41)])
        #expect(diagnostics.first?.remedy?.en == "this key is used only with 'choose'")
    }

    @Test func mappingRuleNeedingMoreThanItsOldEntriesIsInvalid() {
        let result = CurriculumLoader().load(text: Self.planPrefix + """
                  - "00015"
                mappings:
                  - {id: m, rules: [{old: ["00001", "00002"], need: 3, new: "00015"}]}
        """)
        #expect(result.diagnostics("schema.invalid-value").map(\.found) == [Found("schema.invalid-value", 13, 61)])
    }
}
