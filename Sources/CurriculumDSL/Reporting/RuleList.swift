import Foundation

/// `curriculum-lint --list-rules`: every rule with its default severity and summary, one per line.
public enum RuleList {
    /// The `--list-rules` text: every rule's id, severity and summary.
    public static func render(language: Language, rules: [Rule] = RuleCatalog.all) -> String {
        let width = (rules.map(\.id.rawValue.count).max() ?? 0) + 2
        return rules.sorted { $0.id < $1.id }.map { rule in
            let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            return "\(id)\(severity)\(rule.summary.text(in: language))\n"
        }.joined()
    }

    /// The rules as JSON, for programs and editors:
    /// `{"tool": {"name", "version"}, "language", "rules": [{"id", "severity", "summary", "help", "documentation"}]}`,
    /// sorted by id; `documentation` is the rule's section of docs/lint-rules.md.
    public static func json(language: Language, rules: [Rule] = RuleCatalog.all) -> String {
        JSONValue.object([
            "tool": .object(["name": .string(LintTool.name), "version": .string(LintTool.version)]),
            "language": .string(language.rawValue),
            "rules": .array(rules.sorted { $0.id < $1.id }.map { rule in
                .object([
                    .init("id", .string(rule.id.rawValue)),
                    .init("severity", .string(rule.defaultSeverity.rawValue)),
                    .init("summary", .string(rule.summary.text(in: language))),
                    .init("help", .string(rule.help.text(in: language))),
                    .init("documentation", .string(LintTool.rulesDocument + "#" + LintTool.anchor(of: rule.id))),
                ])
            }),
        ]).pretty()
    }
}
