/// A province's exam-office settings.
public struct Province: Sendable, Hashable, Codable {
    public var name: String
    /// Pass mark out of 100 for every plan of the province unless a plan says otherwise.
    public var passMark: Int
    /// At most this many examining institutions in one graduation application (seed: 两所).
    public var maxInstitutionsPerApplication: Int
    /// 停考专业课程替代: present when the province lets stopped majors replace missing courses.
    public var stoppedMajorRule: StoppedMajorRule?
    /// The `graduation-application` block; nil when the province file has none (`applicationPolicy` gives defaults).
    public var graduationApplication: ApplicationPolicy?
    public var location: SourceLocation

    /// The province's application rules: its `graduation-application` block, else the defaults (with the
    /// province's `max-institutions-per-application`).
    public var applicationPolicy: ApplicationPolicy {
        graduationApplication ?? ApplicationPolicy(maxInstitutions: maxInstitutionsPerApplication)
    }

    public static let defaultPassMark = 60
    public static let defaultMaxInstitutions = 2
}

/// For majors that stopped enrolling: a missing course may be replaced by a same-level course of at least its
/// credits, the same or a similar course first, else any course. Every use needs manual review.
public struct StoppedMajorRule: Sendable, Hashable, Codable {
    public var source: Located<String>?
    public var note: String?
    public var location: SourceLocation
}

/// A document that plans cite.
public struct Source: Sendable, Hashable, Codable {
    public var id: String
    public var document: String
    public var url: String?
    public var confidence: Confidence?
    public var note: String?
    public var location: SourceLocation
}

/// How far a source or a plan can be trusted, as the source states it.
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
    case high
    case medium
    case low
}

/// A plan's citation of a source, with the place inside it.
public struct Citation: Sendable, Hashable, Codable {
    public var source: Located<String>
    public var locator: String?
    public var location: SourceLocation
}

/// An examining institution (主考院校).
public struct Institution: Sendable, Hashable, Codable {
    public var name: String
    public var province: Located<String>
    public var code: String?
    public var location: SourceLocation
}
