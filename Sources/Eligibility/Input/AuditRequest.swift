import CurriculumDSL

/// A county office's decision about one candidate, addressed by a requirement's stable id.
public enum OfficeDecision: Sendable, Hashable, Codable {
    /// The requirement counts as met without courses.
    case waive(requirement: String, reason: String)
    /// A passed course may be used for the requirement (a course node or a pool).
    case accept(course: CourseCode, requirement: String, reason: String)
    /// A passed course must be used for the requirement and nowhere else.
    case pin(course: CourseCode, requirement: String, reason: String)

    /// The id of the requirement the decision addresses.
    public var requirement: String {
        switch self {
        case .waive(let id, _), .accept(_, let id, _), .pin(_, let id, _): id
        }
    }

    /// A `waive` decision (it names no course).
    public var isWaive: Bool {
        if case .waive = self { return true }
        return false
    }

    /// The course an `accept` or `pin` decision names (nil for `waive`).
    public var course: CourseCode? {
        switch self {
        case .waive: nil
        case .accept(let code, _, _), .pin(let code, _, _): code
        }
    }
}

/// What to audit: one candidate's results against one major's plan at one institution.
public struct AuditRequest: Sendable, Hashable {
    /// The candidate (name, ID number, prior diploma, certificates, attributes).
    public var candidate: Candidate
    /// Every result on the transcript, failed attempts included.
    public var records: [CourseRecord]
    /// The major to audit for: its province and code.
    public var major: MajorKey
    /// The examining institution (主考院校); nil when the major's plans do not differ by institution.
    public var institution: String?
    /// A plan id; nil means the plan in force on `applicationDate`.
    public var planID: String?
    /// The date the candidate applies on: it selects the plans in force, and later results do not count.
    public var applicationDate: CivilDate
    /// The county office's decisions about this candidate.
    public var decisions: [OfficeDecision]
    /// The candidate's declared choice for `alternatives` nodes: node id → option id.
    public var choices: [String: String]

    /// A request from its parts; ``init(transcript:major:institution:planID:date:candidate:)`` builds one from a
    /// transcript.
    public init(candidate: Candidate, records: [CourseRecord], major: MajorKey, institution: String? = nil,
                planID: String? = nil, applicationDate: CivilDate, decisions: [OfficeDecision] = [],
                choices: [String: String] = [:]) {
        self.candidate = candidate
        self.records = records
        self.major = major
        self.institution = institution
        self.planID = planID
        self.applicationDate = applicationDate
        self.decisions = decisions
        self.choices = choices
    }
}
