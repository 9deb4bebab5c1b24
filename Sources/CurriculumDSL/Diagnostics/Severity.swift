/// How bad a finding is. Ordered: `note` < `warning` < `error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Information that changes nothing (a style hint, a suggestion).
    case note
    /// Probably wrong; does not fail the linter unless configured to.
    case warning
    /// Wrong: the curriculum cannot be used as written.
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders `note` < `warning` < `error`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
