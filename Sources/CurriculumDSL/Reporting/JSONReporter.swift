/// The diagnostics as one JSON document, for programs:
///
/// ```json
/// {
///   "tool": {"name": "curriculum-lint", "version": "0.2.0"},
///   "language": "en",
///   "summary": {"errors": 1, "warnings": 0, "notes": 0, "suppressed": 0, "files": 1},
///   "diagnostics": [{"rule": "…", "severity": "error", "message": "…", "file": "…", "line": 3, "column": 5,
///                    "endLine": 3, "endColumn": 12, "notes": [], "remedy": "…", "fixIts": []}]
/// }
/// ```
///
/// Lines and columns are 1-based; columns count Unicode scalars; `endColumn` is exclusive.
public struct JSONReporter: Sendable {
    /// The language of the messages.
    public var language: Language

    /// A reporter writing `language` messages.
    public init(language: Language) {
        self.language = language
    }

    /// The result as one JSON document.
    public func render(_ result: LintResult) -> String {
        JSONValue.object([
            "tool": .object(["name": .string(LintTool.name), "version": .string(LintTool.version)]),
            "language": .string(language.rawValue),
            "summary": .object([
                "errors": .int(result.count(.error)), "warnings": .int(result.count(.warning)), "notes": .int(result.count(.note)),
                "suppressed": .int(result.suppressed.count), "files": .int(result.files.count),
            ]),
            "diagnostics": .array(result.diagnostics.map(json)),
        ]).pretty()
    }

    func json(_ diagnostic: Diagnostic) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("rule", .string(diagnostic.rule.rawValue)),
            .init("severity", .string(diagnostic.severity.rawValue)),
            .init("message", .string(diagnostic.message.text(in: language))),
        ]
        if let location = diagnostic.location { members += Self.place(location) }
        members.append(.init("notes", .array(diagnostic.notes.map { note in
            .object([.init("message", .string(note.message.text(in: language)))] + (note.location.map(Self.place) ?? []))
        })))
        members.append(.init("remedy", diagnostic.remedy.map { .string($0.text(in: language)) } ?? .null))
        members.append(.init("fixIts", .array(diagnostic.fixIts.map { fix in
            .object(Self.place(fix.location) + [.init("replacement", .string(fix.replacement))])
        })))
        return .object(members)
    }

    static func place(_ location: SourceLocation) -> [JSONValue.Member] {
        [
            .init("file", .string(location.file)), .init("line", .int(location.line)), .init("column", .int(location.column)),
            .init("endLine", .int(location.endLine)), .init("endColumn", .int(location.endColumn)),
        ]
    }
}
