/// The linter's name, version and home, as SARIF and JSON output state them.
public enum LintTool {
    public static let name = "curriculum-lint"
    public static let version = "0.2.0"
    /// The project's home page (SARIF `informationUri`).
    public static let informationURI = "https://github.com/zikao-curriculum/curriculum"
    /// The rule reference, to which a rule's anchor is appended (SARIF `helpUri`).
    public static let rulesDocumentURI = informationURI + "/blob/main/docs/lint-rules.md"

    /// The anchor of a rule's section in docs/lint-rules.md (GitHub's heading slugs: `lint.thesis-with-credits`
    /// → `lintthesis-with-credits`).
    public static func anchor(of rule: RuleID) -> String {
        String(rule.rawValue.unicodeScalars.filter { $0 != "." })
    }
}
