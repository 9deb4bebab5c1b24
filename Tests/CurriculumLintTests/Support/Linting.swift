import Foundation
@testable import CurriculumDSL

/// Lints marked YAML text (see `MarkedText`) as `test.yaml` together with the rule examples' shared context.
struct MarkedLint {
    let marked: MarkedText
    let result: LintResult

    init(_ raw: String, configuration: LintConfiguration = LintConfiguration(), withContext: Bool = true) throws {
        marked = MarkedText(raw)
        var files: [(path: String, bytes: [UInt8])] = []
        if withContext { files.append((RuleExample.contextPath, try Fixtures.bytes(RuleExample.contextPath))) }
        files.append(("test.yaml", Array(marked.text.utf8)))
        result = Linter(configuration: configuration, workingDirectory: "/work").lint(files: files)
    }

    /// What was found, to compare with `marked.expected`.
    var found: [Found] { result.diagnostics.found }

    /// The diagnostics of one rule.
    func diagnostics(_ rule: String) -> [Diagnostic] { result.diagnostics.filter { $0.rule.rawValue == rule } }
}

extension String {
    /// A plan of major 030101K (examined by 苏州大学 of the context) whose body follows at 8 spaces of indentation.
    static func plan(_ body: String, id: String = "P") -> String {
        """
        province: 江苏
        majors:
          - code: "030101K"
            name: 法学
            level: 专升本
            institutions: [苏州大学]
            plans:
              - id: \(id)
                version: "2024"
                sources: [JS2024-PLANS]

        """ + body
    }
}
