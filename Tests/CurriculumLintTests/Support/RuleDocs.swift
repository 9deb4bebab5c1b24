import Foundation
@testable import CurriculumDSL

/// The rule reference of docs/lint-rules.md, generated from `RuleCatalog` and the examples in
/// `Fixtures/rules/`: every rule's severity, summary and help in both languages, its notes, the bad example with
/// what the linter reports for it, and the fixed example.
enum RuleDocs {
    static let begin = "<!-- BEGIN GENERATED RULES: from RuleCatalog and Tests/CurriculumLintTests/Fixtures/rules; `UPDATE_EXPECTED=1 swift test --filter CurriculumLintTests` rewrites it -->"
    static let end = "<!-- END GENERATED RULES -->"

    static let domains: [(prefix: String, title: String)] = [
        ("load", "load — finding and reading files"),
        ("yaml", "yaml — reading the bytes"),
        ("schema", "schema — keys, types and values"),
        ("graph", "graph — compiling the files into one curriculum"),
        ("lint", "lint — checks of the linter"),
    ]

    static func generate() throws -> String {
        var out = "\(begin)\n\n"
        out += "### Shared context of the examples\n\nEvery example below is linted together with this file (`context.yaml`):\n\n"
        out += "```yaml\n\(try Fixtures.text(RuleExample.contextPath).trimmingTrailingNewlines())\n```\n"
        for domain in domains {
            out += "\n## \(domain.title)\n"
            for rule in RuleCatalog.all.filter({ $0.id.rawValue.hasPrefix(domain.prefix + ".") }).sorted(by: { $0.id < $1.id }) {
                out += "\n" + (try section(rule))
            }
        }
        return out + "\n\(end)"
    }

    static func section(_ rule: Rule) throws -> String {
        let id = rule.id.rawValue
        let example = RuleExample(rule: id)
        var out = "### `\(id)`\n\n"
        out += "Default severity: **\(rule.defaultSeverity.rawValue)** — \(rule.summary.en) · \(rule.summary.zh)\n\n"
        out += "\(rule.help.en)\n\n\(rule.help.zh)\n"
        if let notes = optionalText("\(example.directory)/notes.md") { out += "\n\(notes)\n" }
        if let text = optionalText("\(example.directory)/example.md") {
            return out + "\n\(text)\n"
        }
        out += "\nBad:\n\n"
        if let bad = optionalText("\(example.directory)/bad.md") {
            out += "\(bad)\n"
        } else {
            let (bytes, _) = try example.bad()
            out += "```yaml\n\(String(decoding: bytes, as: UTF8.self).trimmingTrailingNewlines())\n```\n\n"
            let diagnostics = try example.lint(bytes, as: "bad.yaml")
            var sources = ["bad.yaml": bytes]
            sources[RuleExample.contextPath] = try Fixtures.bytes(RuleExample.contextPath)
            let reporter = TextReporter(language: .en, sources: sources)
            out += "`curriculum-lint` reports:\n\n```text\n\(diagnostics.map { reporter.render($0) }.joined().trimmingTrailingNewlines())\n```\n"
        }
        out += "\nFixed:\n\n```yaml\n\(String(decoding: try example.fixed(), as: UTF8.self).trimmingTrailingNewlines())\n```\n"
        return out
    }

    static func optionalText(_ relative: String) -> String? {
        guard Fixtures.exists(relative) else { return nil }
        return (try? Fixtures.text(relative))?.trimmingTrailingNewlines()
    }

    /// The generated part of a document (between the markers, inclusive), if present.
    static func generatedPart(of document: String) -> String? {
        guard let start = document.range(of: begin), let stop = document.range(of: end) else { return nil }
        return String(document[start.lowerBound..<stop.upperBound])
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
