import Foundation
import Testing
@testable import CurriculumDSL

/// Every rule's example: the bad file gives exactly the diagnostics its markers state, the fixed file none.
@Suite struct RuleExampleTests {
    @Test("the bad example reports exactly what its markers say", arguments: RuleExample.all)
    func badExample(rule: String) throws {
        let example = RuleExample(rule: rule)
        try #require(example.hasBad, "\(rule) has no bad.yaml")
        let (bytes, expected) = try example.bad()
        #expect(expected.contains { $0.rule == rule }, "the bad example of \(rule) does not expect \(rule)")
        let diagnostics = try example.lint(bytes, as: "bad.yaml")
        #expect(diagnostics.found == expected)
    }

    @Test("the fixed example is clean", arguments: RuleExample.all)
    func fixedExample(rule: String) throws {
        let example = RuleExample(rule: rule)
        try #require(example.hasFixed, "\(rule) has no fixed.yaml")
        #expect(try example.lint(example.fixed(), as: "fixed.yaml").found == [])
    }

    @Test func theContextIsClean() throws {
        let result = Linter().lint(files: [(RuleExample.contextPath, try Fixtures.bytes(RuleExample.contextPath))])
        #expect(result.diagnostics.found == [])
    }

    @Test("every lint rule has an example")
    func everyLintRuleHasAnExample() {
        let lintRules = RuleCatalog.all.map(\.id.rawValue).filter { $0.hasPrefix("lint.") }
        #expect(Set(lintRules).subtracting(RuleExample.all).sorted() == [])
    }
}
