/// The linter's name, version and rule reference, as SARIF and JSON output state them.
public enum LintTool {
    /// The linter's name, as SARIF and `--version` give it.
    public static let name = "curriculum-lint"
    /// The linter's version.
    public static let version = CurriculumVersion.string
    /// The rule reference, relative to the repository root, to which a rule's anchor is appended. The project
    /// has no published home page, so SARIF carries no `informationUri` / `helpUri` (absolute URIs there would be
    /// made up); the rule's help names this document instead.
    public static let rulesDocument = "docs/lint-rules.md"

    /// The anchor of a rule's section in docs/lint-rules.md (GitHub's heading slugs: `lint.thesis-with-credits`
    /// → `lintthesis-with-credits`).
    public static func anchor(of rule: RuleID) -> String {
        String(rule.rawValue.unicodeScalars.filter { $0 != "." })
    }
}
