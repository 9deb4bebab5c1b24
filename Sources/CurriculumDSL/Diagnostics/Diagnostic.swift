/// One problem found in curriculum input: a stable rule id, a severity, a message in Chinese and English,
/// where it is, related places, and what would fix it.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A related place ("first defined here").
    public struct Note: Sendable, Hashable, Codable {
        /// The note's message (e.g. "first defined here").
        public var message: LocalizedText
        /// The related place.
        public var location: SourceLocation?

        /// A note saying `message` about `location`.
        public init(_ message: LocalizedText, at location: SourceLocation?) {
            self.message = message
            self.location = location
        }
    }

    /// A mechanical fix: replace the text of `location` (start to end) by `replacement`.
    public struct FixIt: Sendable, Hashable, Codable {
        /// The text to replace.
        public var location: SourceLocation
        /// The replacement text.
        public var replacement: String

        /// A fix-it replacing the text at `location` with `replacement`.
        public init(location: SourceLocation, replacement: String) {
            self.location = location
            self.replacement = replacement
        }
    }

    /// The stable rule id (`yaml.duplicate-key`).
    public var rule: RuleID
    /// Error, warning or note.
    public var severity: Severity
    /// What is wrong, in Chinese and English.
    public var message: LocalizedText
    /// Where; nil for problems of no one place (a path that does not exist).
    public var location: SourceLocation?
    /// Related places ("first defined here").
    public var notes: [Note]
    /// What would be right, kept apart from the problem.
    public var remedy: LocalizedText?
    /// Mechanical fixes, when there are any.
    public var fixIts: [FixIt]

    /// A diagnostic from its parts.
    public init(
        rule: RuleID,
        severity: Severity? = nil,
        message: LocalizedText,
        at location: SourceLocation?,
        notes: [Note] = [],
        remedy: LocalizedText? = nil,
        fixIts: [FixIt] = []
    ) {
        self.rule = rule
        self.severity = severity ?? Rule.defaultSeverity(of: rule)
        self.message = message
        self.location = location
        self.notes = notes
        self.remedy = remedy
        self.fixIts = fixIts
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, line, column, then rule id: the order a reader expects.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: return lhs.rule.rawValue < rhs.rule.rawValue
        }
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension Diagnostic {
    /// A finding about a path (`load.*`: not found, a directory, no curriculum files, unreadable), not about text
    /// at a line and column: SARIF gives it no region and GitHub annotations no line, as there is no text there to
    /// point at.
    var isAboutAPath: Bool { rule.rawValue.hasPrefix("load.") }
}
