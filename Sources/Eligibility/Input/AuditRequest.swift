import CurriculumDSL

/// A county office's decision about one candidate, addressed by a requirement's stable id.
public enum OfficeDecision: Sendable, Hashable, Codable {
    /// The requirement counts as met without courses.
    case waive(requirement: String, reason: String)
    /// A passed course may be used for the requirement (a course node or a pool).
    case accept(course: CourseCode, requirement: String, reason: String)
    /// A passed course must be used for the requirement and nowhere else.
    case pin(course: CourseCode, requirement: String, reason: String)

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
    public var candidate: Candidate
    public var records: [CourseRecord]
    public var major: MajorKey
    public var institution: String?
    /// A plan id; nil means the plan in force on `applicationDate`.
    public var planID: String?
    public var applicationDate: CivilDate
    public var decisions: [OfficeDecision]
    /// The candidate's declared choice for `alternatives` nodes: node id → option id.
    public var choices: [String: String]

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
