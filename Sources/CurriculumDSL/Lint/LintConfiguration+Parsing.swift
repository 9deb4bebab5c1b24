// Reading `.curriculum-lint.yml` with the project's own YAML reader, so every problem has file:line:column.
extension LintConfiguration {
    static let topLevelKeys = ["fail-on", "rules", "ignore"]
    static let ignoreKeys = ["path", "rules"]
    static let settingNames = ["error", "warning", "note", "off"]

    /// Parses configuration text; `path` names the file in diagnostics.
    public static func parse(_ bytes: [UInt8], path: String) throws(LintConfigurationError) -> LintConfiguration {
        let (root, yamlDiagnostics) = YAMLReader().read(bytes, file: path)
        var errors = yamlDiagnostics.filter { $0.severity == .error }
        var configuration = LintConfiguration(file: path)
        guard let root else {
            if !errors.isEmpty { throw LintConfigurationError(diagnostics: errors) }
            return configuration   // an empty file: the defaults
        }
        var parser = Parser(file: path)
        parser.read(root, into: &configuration)
        errors += parser.diagnostics
        if !errors.isEmpty { throw LintConfigurationError(diagnostics: errors.sorted()) }
        return configuration
    }

    private struct Parser {
        let file: String
        var diagnostics: [Diagnostic] = []

        func at(_ node: YAMLNode) -> SourceLocation { SourceIndex.location(of: node, file: file) }

        func at(_ scalar: YAMLScalar) -> SourceLocation {
            SourceLocation(file: file, line: Int(scalar.start.line), column: Int(scalar.start.column),
                           endLine: Int(scalar.end.line), endColumn: Int(scalar.end.column))
        }

        mutating func mapping(_ node: YAMLNode, field: String, allowed: [String]) -> [YAMLEntry]? {
            guard case .mapping(let entries, _, _) = node else {
                diagnostics.append(DiagnosticMessages.configWrongType(field, expected: Expected.mapping, at: at(node)))
                return nil
            }
            for entry in entries where !allowed.contains(entry.key.text) {
                diagnostics.append(DiagnosticMessages.configUnknownKey(entry.key.text, allowed: allowed, at: at(entry.key)))
            }
            return entries
        }

        mutating func scalar(_ node: YAMLNode, field: String) -> YAMLScalar? {
            guard case .scalar(let scalar) = node, !scalar.isNull else {
                diagnostics.append(DiagnosticMessages.configWrongType(field, expected: Expected.string, at: at(node)))
                return nil
            }
            return scalar
        }

        mutating func rule(_ scalar: YAMLScalar) -> RuleID? {
            let id = RuleID(rawValue: scalar.text)
            guard Rule.named(id) != nil else {
                let suggestion = Suggestion.closest(to: scalar.text, among: RuleCatalog.all.map(\.id.rawValue))
                diagnostics.append(DiagnosticMessages.configUnknownRule(scalar.text, suggestion: suggestion, at: at(scalar)))
                return nil
            }
            return id
        }

        mutating func severity(_ node: YAMLNode, field: String, allowOff: Bool) -> LintConfiguration.RuleSetting? {
            guard let scalar = scalar(node, field: field) else { return nil }
            let allowed = allowOff ? LintConfiguration.settingNames : Severity.allCases.map(\.rawValue).reversed()
            if allowOff, scalar.text == "off" { return .off }
            guard let severity = Severity(rawValue: scalar.text), allowed.contains(scalar.text) else {
                diagnostics.append(DiagnosticMessages.configInvalidValue(field, value: scalar.text, allowed: allowed, at: at(scalar)))
                return nil
            }
            return .severity(severity)
        }

        mutating func read(_ root: YAMLNode, into configuration: inout LintConfiguration) {
            guard let entries = mapping(root, field: "(file)", allowed: LintConfiguration.topLevelKeys) else { return }
            for entry in entries {
                switch entry.key.text {
                case "fail-on":
                    if case .severity(let level)? = severity(entry.value, field: "fail-on", allowOff: false) { configuration.failOn = level }
                case "rules":
                    guard case .mapping(let rules, _, _) = entry.value else {
                        diagnostics.append(DiagnosticMessages.configWrongType("rules", expected: Expected.mapping, at: at(entry.value)))
                        continue
                    }
                    for item in rules {
                        guard let id = rule(item.key), let setting = severity(item.value, field: item.key.text, allowOff: true) else { continue }
                        configuration.rules[id] = setting
                    }
                case "ignore":
                    guard case .sequence(let items, _, _) = entry.value else {
                        diagnostics.append(DiagnosticMessages.configWrongType("ignore", expected: Expected.list, at: at(entry.value)))
                        continue
                    }
                    for item in items {
                        if let ignore = self.ignore(item) { configuration.ignores.append(ignore) }
                    }
                default:
                    break   // reported by `mapping`
                }
            }
        }

        mutating func ignore(_ node: YAMLNode) -> LintConfiguration.Ignore? {
            guard let entries = mapping(node, field: "ignore", allowed: LintConfiguration.ignoreKeys) else { return nil }
            guard let pathNode = entries.first(where: { $0.key.text == "path" })?.value else {
                // A misspelt key (reported above) is the root cause of the missing one.
                if entries.allSatisfy({ LintConfiguration.ignoreKeys.contains($0.key.text) }) {
                    diagnostics.append(DiagnosticMessages.configMissingKey("path", at: at(node)))
                }
                return nil
            }
            guard let path = scalar(pathNode, field: "path") else { return nil }
            var rules: [RuleID] = []
            if let rulesNode = entries.first(where: { $0.key.text == "rules" })?.value {
                switch rulesNode {
                case .sequence(let items, _, _):
                    for item in items { if let scalar = scalar(item, field: "rules"), let id = rule(scalar) { rules.append(id) } }
                case .scalar:
                    if let scalar = scalar(rulesNode, field: "rules"), let id = rule(scalar) { rules.append(id) }
                case .mapping:
                    diagnostics.append(DiagnosticMessages.configWrongType("rules", expected: Expected.list, at: at(rulesNode)))
                }
            }
            return LintConfiguration.Ignore(path: path.text, rules: rules)
        }
    }
}
