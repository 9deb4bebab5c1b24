import Foundation

/// What a `.curriculum-lint.yml` says: per-rule severities (or `off`), per-path ignores and the severity at
/// which the linter fails.
///
/// ```yaml
/// fail-on: error                 # error | warning | note
/// rules:
///   lint.overlapping-pools: off  # error | warning | note | off
///   graph.plan-without-source: error
/// ignore:
///   - path: drafts/**            # relative to this file; rules omitted: every rule
///   - path: shanxi/catalog.yaml
///     rules: [lint.institution-without-major]
/// ```
public struct LintConfiguration: Sendable, Hashable {
    /// What to do with a rule's findings.
    public enum RuleSetting: Sendable, Hashable {
        /// The rule is not reported.
        case off
        /// The rule is reported at this severity.
        case severity(Severity)
    }

    /// Findings of `rules` (every rule when empty) in files matching `path` are dropped.
    public struct Ignore: Sendable, Hashable {
        /// A glob of the files the ignore applies to, relative to the configuration's `baseDirectory`.
        public var path: String
        /// The rules ignored there; every rule when empty.
        public var rules: [RuleID]

        /// Ignores `rules` (every rule when empty) in files matching `path`.
        public init(path: String, rules: [RuleID] = []) {
            self.path = path
            self.rules = rules
        }
    }

    /// Per-rule settings: off, or a severity other than the rule's default.
    public var rules: [RuleID: RuleSetting]
    /// Per-path ignores.
    public var ignores: [Ignore]
    /// Findings at or above this severity make the linter fail (exit status 1).
    public var failOn: Severity
    /// The configuration file, if the configuration was read from one.
    public var file: String?
    /// The directory `ignore` paths are relative to (absolute); the working directory when nil.
    public var baseDirectory: String?

    /// A configuration; the default reports every rule at its default severity and fails on errors.
    public init(rules: [RuleID: RuleSetting] = [:], ignores: [Ignore] = [], failOn: Severity = .error,
                file: String? = nil, baseDirectory: String? = nil) {
        self.rules = rules
        self.ignores = ignores
        self.failOn = failOn
        self.file = file
        self.baseDirectory = baseDirectory
    }

    /// The names a configuration file may have, in order of preference.
    public static let fileNames = [".curriculum-lint.yml", ".curriculum-lint.yaml"]

    /// The configuration file that applies to `path`: the first of `fileNames` found in the path's directory
    /// (the path itself if it is a directory) or any directory above it.
    public static func find(from path: String) -> String? {
        var isDirectory: ObjCBool = false
        var directory = URL(fileURLWithPath: path).standardizedFileURL
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            directory.deleteLastPathComponent()
        }
        while true {
            for name in fileNames {
                let candidate = directory.appendingPathComponent(name).path
                var candidateIsDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &candidateIsDirectory), !candidateIsDirectory.boolValue {
                    return candidate
                }
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path || directory.path == "/" { return nil }
            directory = parent
        }
    }

    /// Reads a configuration file. Problems are `lint.config-invalid` (or `yaml.*`) diagnostics naming the place.
    public static func load(path: String) throws(LintConfigurationError) -> LintConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LintConfigurationError(diagnostics: [DiagnosticMessages.configUnreadable(path)])
        }
        var configuration = try parse([UInt8](data), path: path)
        configuration.baseDirectory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        return configuration
    }

    /// The setting for `rule`: configured, else the rule's default severity.
    public func setting(for rule: RuleID, default severity: Severity) -> RuleSetting {
        rules[rule] ?? .severity(severity)
    }

    /// Whether findings of `rule` in `file` (as the linter names it) are ignored by an `ignore` entry.
    public func isIgnored(file: String, rule: RuleID, workingDirectory: String) -> Bool {
        guard !ignores.isEmpty else { return false }
        let relative = Self.relativePath(of: file, to: baseDirectory ?? workingDirectory, workingDirectory: workingDirectory)
        return ignores.contains { ignore in
            (ignore.rules.isEmpty || ignore.rules.contains(rule)) && Glob(ignore.path).matches(relative)
        }
    }

    /// `file` relative to `base` when below it, else its absolute path.
    static func relativePath(of file: String, to base: String, workingDirectory: String) -> String {
        let absolute = file.hasPrefix("/") ? file : workingDirectory + "/" + file
        let path = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let root = URL(fileURLWithPath: base).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A configuration file that cannot be used; `diagnostics` say where and why.
public struct LintConfigurationError: Error, Sendable {
    /// What is wrong with the configuration file, with places.
    public let diagnostics: [Diagnostic]

    /// An error carrying `diagnostics`.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
