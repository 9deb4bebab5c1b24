import Foundation

/// `curriculum-lint --list-rules`: every rule with its default severity and summary, one per line.
public enum RuleList {
    public static func render(language: Language, rules: [Rule] = RuleCatalog.all) -> String {
        let width = (rules.map(\.id.rawValue.count).max() ?? 0) + 2
        return rules.sorted { $0.id < $1.id }.map { rule in
            let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            return "\(id)\(severity)\(rule.summary.text(in: language))\n"
        }.joined()
    }
}
