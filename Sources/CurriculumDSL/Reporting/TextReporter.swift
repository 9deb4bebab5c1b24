/// Renders diagnostics for people: `path:line:column: severity: message [rule-id]`, the source line with a
/// caret under the value, notes, and the remedy. Colors only when asked (the caller knows if it is a terminal).
public struct TextReporter: Sendable {
    /// The language of the messages.
    public var language: Language
    /// Whether to color with ANSI escapes (only for a terminal).
    public var colors: Bool
    /// Source text by path, for snippets; files not present get no snippet.
    public var sources: [String: [UInt8]]

    /// A reporter; `sources` gives the bytes for snippets.
    public init(language: Language, colors: Bool = false, sources: [String: [UInt8]] = [:]) {
        self.language = language
        self.colors = colors
        self.sources = sources
    }

    /// Every diagnostic (at most 100 per rule and file, then a count), then the summary line.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        renderCapped(diagnostics) + summary(diagnostics) + "\n"
    }

    /// Findings of one rule in one file shown in full; the rest are counted in one line.
    public static let findingsShownPerRuleAndFile = 100

    /// Every diagnostic, at most `findingsShownPerRuleAndFile` per rule and file, each further one counted on
    /// one line after the last shown. Snippets come from a line index built once per file (linear in the
    /// findings and the files' size together).
    func renderCapped(_ diagnostics: [Diagnostic]) -> String {
        var lines = SourceLines.Cache(sources: sources)
        var shown: [FindingGroup: Int] = [:]
        var hidden: [FindingGroup: Int] = [:]
        for diagnostic in diagnostics {
            let group = FindingGroup(rule: diagnostic.rule, file: diagnostic.location?.file)
            if shown[group, default: 0] >= Self.findingsShownPerRuleAndFile {
                hidden[group, default: 0] += 1
            } else {
                shown[group, default: 0] += 1
            }
        }
        var out = ""
        var seen: [FindingGroup: Int] = [:]
        for diagnostic in diagnostics {
            let group = FindingGroup(rule: diagnostic.rule, file: diagnostic.location?.file)
            seen[group, default: 0] += 1
            guard seen[group, default: 0] <= Self.findingsShownPerRuleAndFile else { continue }
            out += render(diagnostic, lines: &lines)
            if seen[group] == Self.findingsShownPerRuleAndFile, let rest = hidden[group] {
                out += more(rest, group)
            }
        }
        return out
    }

    private struct FindingGroup: Hashable {
        var rule: RuleID
        var file: String?
    }

    private func more(_ count: Int, _ group: FindingGroup) -> String {
        let file = group.file.map { TerminalText.escaped($0) }
        switch language {
        case .zh: return "… 另有 \(count) 个 [\(group.rule)] \(file.map { "在 \($0) 中" } ?? "")未显示\n"
        case .en: return "… \(count) more [\(group.rule)]\(file.map { " in \($0)" } ?? "") not shown\n"
        }
    }

    /// One diagnostic: the location line, the snippet with a caret, notes and the remedy.
    public func render(_ diagnostic: Diagnostic) -> String {
        var lines = SourceLines.Cache(sources: sources)
        return render(diagnostic, lines: &lines)
    }

    private func render(_ diagnostic: Diagnostic, lines: inout SourceLines.Cache) -> String {
        var out = ""
        let place = diagnostic.location.map { "\(TerminalText.escaped($0.file)):\($0.line):\($0.column): " } ?? ""
        let severity = label(diagnostic.severity)
        out += "\(bold(place))\(severity): \(bold(TerminalText.escaped(diagnostic.message.text(in: language)))) [\(diagnostic.rule)]\n"
        if let location = diagnostic.location { out += snippet(location, lines: &lines) }
        for note in diagnostic.notes {
            let notePlace = note.location.map { "\(TerminalText.escaped($0.file)):\($0.line):\($0.column): " } ?? ""
            out += "\(notePlace)\(paint(language == .zh ? "附注" : "note", "36")): \(TerminalText.escaped(note.message.text(in: language)))\n"
            if let location = note.location { out += snippet(location, lines: &lines) }
        }
        if let remedy = diagnostic.remedy {
            out += "  \(paint(language == .zh ? "修改建议" : "help", "32")): \(TerminalText.escaped(remedy.text(in: language)))\n"
        }
        return out
    }

    /// The summary line: how many errors, warnings and notes.
    public func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let notes = diagnostics.count { $0.severity == .note }
        switch language {
        case .zh: return "共 \(errors) 个错误，\(warnings) 个警告，\(notes) 个提示"
        case .en: return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")"
        }
    }

    private func label(_ severity: Severity) -> String {
        switch (severity, language) {
        case (.error, .zh): paint("错误", "1;31")
        case (.error, .en): paint("error", "1;31")
        case (.warning, .zh): paint("警告", "1;33")
        case (.warning, .en): paint("warning", "1;33")
        case (.note, .zh): paint("提示", "1;36")
        case (.note, .en): paint("note", "1;36")
        }
    }

    /// The line of `location` and a caret line under its columns (CJK characters are two cells wide).
    func snippet(_ location: SourceLocation) -> String {
        var lines = SourceLines.Cache(sources: sources)
        return snippet(location, lines: &lines)
    }

    /// The snippet shows at most this many scalars of a line (a window around the caret in longer lines).
    static let snippetWidth = 160

    private func snippet(_ location: SourceLocation, lines: inout SourceLines.Cache) -> String {
        guard var scalars = lines.scalars(location.line, in: location.file) else { return "" }
        var start = max(0, min(location.column - 1, scalars.count))
        var end = location.endLine == location.line ? max(start + 1, min(location.endColumn - 1, scalars.count)) : max(start + 1, scalars.count)
        var prefix = ""
        var suffix = ""
        if scalars.count > Self.snippetWidth {
            // A window of the line around the caret: a long line (or a huge one-line file) is never printed whole.
            let from = max(0, min(start - Self.snippetWidth / 4, scalars.count - Self.snippetWidth))
            let to = min(scalars.count, from + Self.snippetWidth)
            if from > 0 { prefix = "…" }
            if to < scalars.count { suffix = "…" }
            scalars = Array(scalars[from..<to])
            start = min(start - from, scalars.count)
            end = min(max(start + 1, end - from), max(start + 1, scalars.count))
        }
        // Control characters are shown as `?`, one cell each, so the caret stays under its column.
        let shown = prefix + String(String.UnicodeScalarView(scalars.map { TerminalText.isControl($0) ? "?" : $0 })) + suffix
        let pad = prefix.count + scalars[..<start].reduce(0) { $0 + SourceLines.cellWidth($1) }
        let width = max(1, scalars[start..<min(end, scalars.count)].reduce(0) { $0 + SourceLines.cellWidth($1) })
        let gutter = String(location.line)
        let blank = String(repeating: " ", count: gutter.count)
        return " \(gutter) | \(shown)\n \(blank) | \(String(repeating: " ", count: pad))\(paint("^" + String(repeating: "~", count: width - 1), "1;32"))\n"
    }

    private func bold(_ text: String) -> String { paint(text, "1") }

    private func paint(_ text: String, _ code: String) -> String {
        colors && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Lines of a source file, for snippets.
enum SourceLines {
    /// Line `number` (1-based) of `bytes` without its line end, tabs shown as one space.
    static func line(_ number: Int, in bytes: [UInt8]) -> String? {
        Index(bytes).line(number, in: bytes)
    }

    /// Where each line of a file starts (after a UTF-8 BOM): any line in O(1) once built.
    struct Index {
        private var starts: [Int] = []

        init(_ bytes: [UInt8]) {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            starts.append(start)
            // YAML's line breaks: LF, CR LF, and CR alone (old Mac files), as libyaml counts lines.
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == 0x0A || (byte == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) { starts.append(index) }
            }
        }

        func line(_ number: Int, in bytes: [UInt8]) -> String? {
            guard number >= 1, number <= starts.count else { return nil }
            let start = starts[number - 1]
            guard start <= bytes.count else { return nil }
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self).replacingTabs()
        }
    }

    /// Line indexes of the files of one report, each built when a snippet first needs it.
    struct Cache {
        let sources: [String: [UInt8]]
        private var indexes: [String: Index] = [:]

        init(sources: [String: [UInt8]]) {
            self.sources = sources
        }

        /// The last line asked for, as scalars: many findings on one long line decode it once.
        private var last: (file: String, number: Int, scalars: [Unicode.Scalar])?

        mutating func line(_ number: Int, in file: String) -> String? {
            guard let bytes = sources[file] else { return nil }
            if let index = indexes[file] { return index.line(number, in: bytes) }
            let index = Index(bytes)
            indexes[file] = index
            return index.line(number, in: bytes)
        }

        mutating func scalars(_ number: Int, in file: String) -> [Unicode.Scalar]? {
            if let last, last.number == number, last.file == file { return last.scalars }
            guard let text = line(number, in: file) else { return nil }
            let scalars = Array(text.unicodeScalars)
            last = (file, number, scalars)
            return scalars
        }
    }

    /// Terminal cells a scalar takes: two for East Asian wide characters.
    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            2
        default:
            1
        }
    }
}

/// Text from input files made safe for a terminal.
public enum TerminalText {
    /// C0 and C1 control characters and DEL, except tab and line feed (ESC drives terminals).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// `text` with control characters (other than tab and line feed) written as `\u{1B}`: text from input files
    /// never drives the reader's terminal.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
