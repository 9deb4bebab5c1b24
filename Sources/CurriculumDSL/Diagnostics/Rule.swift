/// A stable rule id such as `yaml.duplicate-key`. Ids never change once published: configuration files,
/// suppressions and SARIF results refer to them.
public struct RuleID: RawRepresentable, Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The id (`domain.name`).
    public let rawValue: String

    /// A rule id from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A rule id from a string literal (`"yaml.duplicate-key"`).
    public init(stringLiteral value: String) { self.rawValue = value }
    /// Reads the id from a string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    /// Writes the id as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The id's text.
    public var description: String { rawValue }
    /// Orders ids by their text.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A rule's catalog entry: its id, default severity, a one-line summary and the longer help text that
/// `curriculum-lint --list-rules`, SARIF and `docs/lint-rules.md` show.
public struct Rule: Sendable, Hashable {
    /// The rule's id.
    public let id: RuleID
    /// The severity unless configured otherwise.
    public let defaultSeverity: Severity
    /// One line on what the rule finds.
    public let summary: LocalizedText
    /// How to fix what the rule finds.
    public let help: LocalizedText

    /// A rule of the catalog.
    public init(_ id: RuleID, _ severity: Severity, summary: LocalizedText, help: LocalizedText) {
        self.id = id
        self.defaultSeverity = severity
        self.summary = summary
        self.help = help
    }

    /// The catalog entry for `id`, if the id is known.
    public static func named(_ id: RuleID) -> Rule? { byID[id] }

    static func defaultSeverity(of id: RuleID) -> Severity { byID[id]?.defaultSeverity ?? .error }

    private static let byID: [RuleID: Rule] = Dictionary(
        RuleCatalog.all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}
