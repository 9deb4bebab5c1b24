/// A province's exam-office settings.
public struct Province: Sendable, Hashable, Codable {
    /// The province's name (江苏).
    public var name: String
    /// Pass mark out of 100 for every plan of the province unless a plan says otherwise.
    public var passMark: Int
    /// At most this many examining institutions in one graduation application (seed: 两所).
    public var maxInstitutionsPerApplication: Int
    /// 停考专业课程替代: present when the province lets stopped majors replace missing courses.
    public var stoppedMajorRule: StoppedMajorRule?
    /// The `graduation-application` block; nil when the province file has none (`applicationPolicy` gives defaults).
    public var graduationApplication: ApplicationPolicy?
    /// Where the province is declared.
    public var location: SourceLocation

    /// The province's application rules: its `graduation-application` block, else the defaults (with the
    /// province's `max-institutions-per-application`).
    public var applicationPolicy: ApplicationPolicy {
        graduationApplication ?? ApplicationPolicy(maxInstitutions: maxInstitutionsPerApplication)
    }

    /// The pass mark when neither the province nor the plan gives one.
    public static let defaultPassMark = 60
    /// The most examining institutions in one application when the province does not say.
    public static let defaultMaxInstitutions = 2
}

/// For majors that stopped enrolling: a missing course may be replaced by a same-level course of at least its
/// credits, the same or a similar course first, else any course. Every use needs manual review.
public struct StoppedMajorRule: Sendable, Hashable, Codable {
    /// The source (id) that states the rule.
    public var source: Located<String>?
    /// A note for maintainers.
    public var note: String?
    /// Where the rule is written.
    public var location: SourceLocation
}

/// A document that plans cite.
public struct Source: Sendable, Hashable, Codable {
    /// The source's id, as plans cite it.
    public var id: String
    /// The document's title.
    public var document: String
    /// Where the document is published.
    public var url: String?
    /// How far the document can be trusted.
    public var confidence: Confidence?
    /// A note for maintainers.
    public var note: String?
    /// Where the source is declared.
    public var location: SourceLocation
}

/// How far a source or a plan can be trusted, as the source states it.
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
    /// Official text, read as printed (a plan: its course table and its arithmetic agree).
    case high
    /// Reconstructed or machine-extracted (the notes say which reading was chosen and why).
    case medium
    /// Unchecked reposts, or a plan whose printed total cannot be reached as printed.
    case low
}

/// A plan's citation of a source, with the place inside it.
public struct Citation: Sendable, Hashable, Codable {
    /// The source (id) cited.
    public var source: Located<String>
    /// The place inside the source (a page, a section, a file).
    public var locator: String?
    /// Where the citation is written.
    public var location: SourceLocation
}

/// An examining institution (主考院校).
public struct Institution: Sendable, Hashable, Codable {
    /// The institution's name (苏州大学).
    public var name: String
    /// The institution's province.
    public var province: Located<String>
    /// The institution's code, when known.
    public var code: String?
    /// Where the institution is declared.
    public var location: SourceLocation
}
