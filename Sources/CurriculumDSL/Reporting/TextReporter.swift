/// Renders diagnostics for people: `path:line:column: severity: message [rule-id]`, the source line with a
/// caret under the value, notes, and the remedy. Colors only when asked (the caller knows if it is a terminal).
public struct TextReporter: Sendable {
    public var language: Language
    public var colors: Bool
    /// Source text by path, for snippets; files not present get no snippet.
    public var sources: [String: [UInt8]]

    public init(language: Language, colors: Bool = false, sources: [String: [UInt8]] = [:]) {
        self.language = language
        self.colors = colors
        self.sources = sources
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics { out += render(diagnostic) }
        out += summary(diagnostics) + "\n"
        return out
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let place = diagnostic.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        let severity = label(diagnostic.severity)
        out += "\(bold(place))\(severity): \(bold(diagnostic.message.text(in: language))) [\(diagnostic.rule)]\n"
        if let location = diagnostic.location { out += snippet(location) }
        for note in diagnostic.notes {
            let notePlace = note.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
            out += "\(notePlace)\(paint(language == .zh ? "附注" : "note", "36")): \(note.message.text(in: language))\n"
            if let location = note.location { out += snippet(location) }
        }
        if let remedy = diagnostic.remedy {
            out += "  \(paint(language == .zh ? "修改建议" : "help", "32")): \(remedy.text(in: language))\n"
        }
        return out
    }

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
        guard let bytes = sources[location.file], let line = SourceLines.line(location.line, in: bytes) else { return "" }
        let scalars = Array(line.unicodeScalars)
        let start = max(0, min(location.column - 1, scalars.count))
        let end = location.endLine == location.line ? max(start + 1, min(location.endColumn - 1, scalars.count)) : max(start + 1, scalars.count)
        let pad = scalars[..<start].reduce(0) { $0 + SourceLines.cellWidth($1) }
        let width = max(1, scalars[start..<min(end, scalars.count)].reduce(0) { $0 + SourceLines.cellWidth($1) })
        let gutter = String(location.line)
        let blank = String(repeating: " ", count: gutter.count)
        return " \(gutter) | \(line)\n \(blank) | \(String(repeating: " ", count: pad))\(paint("^" + String(repeating: "~", count: width - 1), "1;32"))\n"
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
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3; index = 3 }
        while index < bytes.count, current < number {
            if bytes[index] == 0x0A { current += 1; start = index + 1 }
            index += 1
        }
        guard current == number, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).replacingTabs()
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

extension String {
    func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
