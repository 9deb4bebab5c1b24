/// The output formats of the linter.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// `path:line:column: severity: message [rule-id]` with snippets, for people.
    case text
    /// The diagnostics as JSON (see `JSONReporter`).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…::message`), shown as annotations.
    case github
    /// `github` when running in GitHub Actions (`GITHUB_ACTIONS=true`), else `text`.
    case auto

    /// The concrete format `auto` stands for in `environment`.
    public func resolved(environment: [String: String]) -> OutputFormat {
        guard self == .auto else { return self }
        return environment["GITHUB_ACTIONS"] == "true" ? .github : .text
    }
}

/// An extra output: a format written to a file (`--output sarif:lint.sarif`).
public struct OutputTarget: Sendable, Hashable {
    /// The format.
    public var format: OutputFormat
    /// The file to write.
    public var path: String

    /// `format` written to `path`.
    public init(format: OutputFormat, path: String) {
        self.format = format
        self.path = path
    }

    /// Parses `FORMAT:PATH`; nil when the format is unknown or the path is empty.
    public init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":"), let format = OutputFormat(rawValue: String(argument[..<colon])) else { return nil }
        let path = String(argument[argument.index(after: colon)...])
        guard !path.isEmpty else { return nil }
        self.init(format: format, path: path)
    }
}

/// What every reporter needs besides the result.
public struct ReportOptions: Sendable {
    /// The language of the messages.
    public var language: Language
    /// ANSI colors (text only); set when writing to a terminal.
    public var colors: Bool
    /// Paths in SARIF and GitHub output are made relative to this directory.
    public var workingDirectory: String

    /// Options for `language` output, paths relative to `workingDirectory`.
    public init(language: Language, colors: Bool = false, workingDirectory: String) {
        self.language = language
        self.colors = colors
        self.workingDirectory = workingDirectory
    }
}

/// Renders a lint result in any format.
public enum LintReport {
    /// `result` in `format` (`auto` resolved in `environment`).
    public static func render(_ result: LintResult, format: OutputFormat, options: ReportOptions,
                              environment: [String: String] = [:]) -> String {
        switch format.resolved(environment: environment) {
        case .text, .auto:
            TextReporter(language: options.language, colors: options.colors, sources: result.sources).render(result)
        case .json:
            JSONReporter(language: options.language).render(result)
        case .sarif:
            SARIFReporter(language: options.language, workingDirectory: options.workingDirectory).render(result)
        case .github:
            GitHubReporter(language: options.language, workingDirectory: options.workingDirectory).render(result)
        }
    }
}
