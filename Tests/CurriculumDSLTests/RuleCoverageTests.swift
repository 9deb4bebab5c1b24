import Foundation
import Testing
@testable import CurriculumDSL

/// Every rule the loader can produce has a test, and every diagnostics fixture has expectations.
@Suite struct RuleCoverageTests {
    static let tables = YAMLReaderTests.table + SchemaDiagnosticsTests.table + GraphDiagnosticsTests.table + ManyMistakesTests.table
        + RecoveryTests.table

    /// Rules asserted by dedicated tests rather than table rows (their input is built by the test).
    static let coveredByDedicatedTests: [String: String] = [
        "yaml.encoding": "YAMLBytesTests.gb18030BytesAreAnEncodingErrorAtTheFirstBadByte",
        "yaml.bom": "YAMLBytesTests.utf8ByteOrderMarkIsAWarningAndTheFileLoads",
        "yaml.crlf": "YAMLBytesTests.crlfIsOneWarningAtTheFirstLineEnd",
        "yaml.tab-indent": "YAMLBytesTests.tabIndentIsReportedAtTheTabAndReplacesTheSyntaxError",
        "yaml.alias-limit": "YAMLBytesTests.billionLaughsHitsTheAliasLimit",
        "yaml.too-deep": "YAMLBytesTests.hundredNestedListsAreTooDeep",
        "yaml.file-too-large": "YAMLBytesTests.fileOverTheSizeLimitIsNotRead",
        "yaml.undefined-alias": "YAMLReaderTests.undefinedAliasIsReportedAtTheAlias",
        "load.not-found": "LoadDiagnosticsTests.missingPathIsNotFound",
        "load.not-a-file": "LoadDiagnosticsTests.directoryNamedYAMLInATreeIsNotAFile",
        "load.no-curriculum-files": "LoadDiagnosticsTests.directoryWithoutCurriculumFilesIsAWarning",
        "load.too-many-files": "LoadDiagnosticsTests.filesOverTheLimitAreNotLoaded",
    ]

    /// Rules no test produces, with the reason.
    static let untestable: [String: String] = [
        "load.unreadable": "needs a file the test process may not read; the tests may run as root",
    ]

    static let domains = ["yaml.", "schema.", "graph.", "load."]

    @Test("every loader rule is covered by a table row or a dedicated test",
          arguments: RuleCatalog.all.map(\.id.rawValue).filter { id in domains.contains { id.hasPrefix($0) } })
    func ruleIsCovered(rule: String) {
        let covered = Set(Self.tables.map(\.rule)).union(Self.coveredByDedicatedTests.keys).union(Self.untestable.keys)
        #expect(covered.contains(rule))
    }

    @Test func everyCoveredRuleIsInTheCatalog() {
        let catalog = Set(RuleCatalog.all.map(\.id.rawValue))
        let named = Set(Self.tables.map(\.rule)).union(Self.coveredByDedicatedTests.keys).union(Self.untestable.keys)
        #expect(named.subtracting(catalog).isEmpty)
    }

    @Test func everyDiagnosticsFixtureHasExpectations() throws {
        let withRows = Set(Self.tables.map(\.file)).union(["yaml-undefined-alias.yaml"])  // see YAMLReaderTests
        #expect(Set(try Fixture.yamlFiles(in: "diagnostics")) == withRows)
    }

    @Test func everyTableFixtureExists() {
        for file in Self.tables.files {
            #expect(FileManager.default.fileExists(atPath: Fixture.path("diagnostics/\(file)")), "\(file)")
        }
    }

    @Test func severitiesFollowTheCatalog() {
        let severities = Dictionary(uniqueKeysWithValues: RuleCatalog.all.map { ($0.id.rawValue, $0.defaultSeverity) })
        for file in Self.tables.files {
            for diagnostic in Fixture.load("diagnostics/\(file)").diagnostics {
                #expect(diagnostic.severity == severities[diagnostic.rule.rawValue], "\(file) \(diagnostic.found)")
            }
        }
    }

    @Test func catalogRuleIDsAreUnique() {
        let ids = RuleCatalog.all.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
    }
}
