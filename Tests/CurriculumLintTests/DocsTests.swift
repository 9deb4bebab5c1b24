import Foundation
import Testing
@testable import CurriculumDSL

/// docs/lint-rules.md documents every rule: its generated part is current, and every rule has a section.
@Suite struct DocsTests {
    static let url = Fixtures.repositoryRoot.appendingPathComponent("docs/lint-rules.md")

    @Test func theGeneratedRuleReferenceIsCurrent() throws {
        var document = try String(contentsOf: Self.url, encoding: .utf8)
        let generated = try RuleDocs.generate()
        let current = try #require(RuleDocs.generatedPart(of: document), "docs/lint-rules.md lacks the generated-rules markers")
        if ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] != nil, current != generated {
            document = document.replacingOccurrences(of: current, with: generated)
            try Data(document.utf8).write(to: Self.url)
            return
        }
        #expect(current == generated)
    }

    @Test("every rule has a section with its severity and examples", arguments: RuleCatalog.all.map(\.id.rawValue))
    func everyRuleHasASection(rule: String) throws {
        let document = try String(contentsOf: Self.url, encoding: .utf8)
        let heading = "### `\(rule)`\n"
        let start = try #require(document.range(of: heading), "no section for \(rule)")
        let rest = document[start.upperBound...]
        let section = rest.range(of: "\n### ").map { rest[..<$0.lowerBound] } ?? rest
        let severity = try #require(Rule.named(RuleID(rawValue: rule))).defaultSeverity
        #expect(section.contains("Default severity: **\(severity.rawValue)**"))
        #expect(section.contains("Bad:") && section.contains("Fixed:"))
    }

    @Test func everyRuleHasAnExampleOrADescription() {
        let missing = RuleCatalog.all.map(\.id.rawValue).filter { rule in
            !(Fixtures.exists("rules/\(rule)/bad.yaml") && Fixtures.exists("rules/\(rule)/fixed.yaml")) && !Fixtures.exists("rules/\(rule)/example.md")
        }
        #expect(missing == [])
    }

    @Test func theEditorPageShowsTheModeline() throws {
        let editor = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/editor.md"), encoding: .utf8)
        #expect(editor.contains("# yaml-language-server: $schema=../../schema/curriculum.schema.json"))
    }
}
