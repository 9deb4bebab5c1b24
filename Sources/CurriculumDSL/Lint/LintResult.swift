/// What a lint run found: the diagnostics to show (configuration and suppressions applied, sorted), the ones
/// suppressed inline, the files read and their bytes (for snippets).
public struct LintResult: Sendable {
    /// The diagnostics to show: configuration and inline suppressions applied, sorted by file and position.
    public let diagnostics: [Diagnostic]
    /// The diagnostics suppressed by inline `curriculum-lint: disable…` comments.
    public let suppressed: [Diagnostic]
    /// The files read.
    public let files: [String]
    /// The bytes of each file read, by path (for snippets).
    public let sources: [String: [UInt8]]
    /// The configured failing severity.
    public let failOn: Severity

    /// A result from its parts.
    public init(diagnostics: [Diagnostic], suppressed: [Diagnostic] = [], files: [String] = [], sources: [String: [UInt8]] = [:],
                failOn: Severity = .error) {
        self.diagnostics = diagnostics
        self.suppressed = suppressed
        self.files = files
        self.sources = sources
        self.failOn = failOn
    }

    /// The exit status at the configured failing severity.
    public var exitCode: LintExitCode { LintExitCode(diagnostics, failOn: failOn) }

    /// How many diagnostics of `severity` there are.
    public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }
}

/// The linter's exit statuses: 0 clean, 1 findings at or above the failing severity, 2 usage or configuration
/// error (the convention of actionlint and Spectral).
public enum LintExitCode: Int32, Sendable, CaseIterable {
    /// No finding at or above the failing severity.
    case clean = 0
    /// Findings at or above the failing severity.
    case findings = 1
    /// A usage or configuration error (a path that does not exist included).
    case usageError = 2

    /// `usageError` when a path given does not exist (`load.not-found`), else `findings` when any diagnostic is at
    /// or above `failOn`, else `clean`.
    public init(_ diagnostics: [Diagnostic], failOn: Severity) {
        if diagnostics.contains(where: { $0.rule == "load.not-found" }) {
            self = .usageError
        } else {
            self = diagnostics.contains { $0.severity >= failOn } ? .findings : .clean
        }
    }

    /// The failing severity for the command-line flags: `--fail-on` wins, then `--strict` (warnings fail), then the
    /// configuration.
    public static func failingSeverity(configured: Severity, strict: Bool, failOn: Severity?) -> Severity {
        if let failOn { return failOn }
        return strict ? min(configured, .warning) : configured
    }
}
