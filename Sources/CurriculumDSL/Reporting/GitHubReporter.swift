/// GitHub Actions workflow commands, one per diagnostic, which GitHub shows as annotations on the pull request:
///
/// ```text
/// ::error file=curricula/a.yaml,line=3,col=5,endLine=3,endColumn=11,title=lint.thesis-with-credits::thesis 14850 has 4 credits…
/// ```
///
/// Severities map to `error`, `warning` and `notice`. The message keeps the remedy and the notes on further lines.
/// Data escapes `%`, CR and LF; properties also `:` and `,`.
public struct GitHubReporter: Sendable {
    /// The language of the messages.
    public var language: Language
    /// Paths are made relative to this directory.
    public var workingDirectory: String

    /// A reporter writing `language` messages with paths relative to `workingDirectory`.
    public init(language: Language, workingDirectory: String) {
        self.language = language
        self.workingDirectory = workingDirectory
    }

    /// One workflow command per diagnostic.
    public func render(_ result: LintResult) -> String {
        result.diagnostics.map(line).joined()
    }

    func line(_ diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties: [(String, String)] = []
        if let location = diagnostic.location {
            properties.append(("file", PathURI.display(location.file, workingDirectory: workingDirectory)))
        }
        // A finding about a path has no line to point at.
        if let location = diagnostic.location, !diagnostic.isAboutAPath {
            properties.append(("line", String(location.line)))
            properties.append(("col", String(location.column)))
            properties.append(("endLine", String(location.endLine)))
            let lastColumn = location.endLine == location.line ? max(location.column, location.endColumn - 1) : max(1, location.endColumn - 1)
            properties.append(("endColumn", String(lastColumn)))
        }
        properties.append(("title", diagnostic.rule.rawValue))
        var message = diagnostic.message.text(in: language)
        for note in diagnostic.notes {
            let place = note.location.map { " (\(PathURI.display($0.file, workingDirectory: workingDirectory)):\($0.line):\($0.column))" } ?? ""
            message += "\n" + (language == .zh ? "附注" : "note") + ": " + note.message.text(in: language) + place
        }
        if let remedy = diagnostic.remedy {
            message += "\n" + (language == .zh ? "修改建议" : "help") + ": " + remedy.text(in: language)
        }
        let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        // Control characters from the files (ESC drives the log viewer's terminal emulation) are written escaped.
        return "::\(command) \(list)::\(Self.escapeData(TerminalText.escaped(message)))\n"
    }

    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
