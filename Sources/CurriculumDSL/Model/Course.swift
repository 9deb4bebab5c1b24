/// What kind of examination a course is.
public enum CourseKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A written examination.
    case theory
    /// 实践: a practice component tied to a theory course; the two count as one course.
    case practice
    /// 毕业论文/设计: graded 优秀/良好/中等/合格/不合格, taken after all courses pass; counts as no course.
    case thesis
}

/// A course of the national catalog.
public struct Course: Sendable, Hashable, Codable {
    /// The five-digit course code.
    public var code: CourseCode
    /// The course name as the catalog prints it.
    public var name: String
    /// The course's credits.
    public var credits: Int
    /// Theory, practice or thesis.
    public var kind: CourseKind
    /// For a practice component: its theory course.
    public var theory: Located<CourseCode>?
    /// Names seen on older transcripts or plans.
    public var formerNames: [String]
    /// A note for maintainers.
    public var note: String?
    /// The first sitting, when the source announces a later start (自2026年10月考试起开考).
    public var examinedFrom: CivilDate? = nil
    /// The last sitting (…后停考); results passed before it still count, but advice never proposes the course after it.
    public var examinedUntil: CivilDate? = nil
    /// Where the course is declared.
    public var location: SourceLocation

    /// Whether a candidate can still sit the course on or after `date`.
    public func isExamined(after date: CivilDate) -> Bool {
        guard let until = examinedUntil else { return true }
        return date <= until
    }
}

/// A course code replaced by a new code: the same course (course renames between catalogs).
public struct CourseRename: Sendable, Hashable, Codable {
    /// The old code.
    public var from: Located<CourseCode>
    /// The new code.
    public var to: Located<CourseCode>
    /// A note for maintainers.
    public var note: String?
    /// Where the rename is written.
    public var location: SourceLocation
}

/// Codes that are interchangeable everywhere.
public struct Equivalence: Sendable, Hashable, Codable {
    /// The interchangeable codes.
    public var codes: [Located<CourseCode>]
    /// A note for maintainers.
    public var note: String?
    /// Where the equivalence is written.
    public var location: SourceLocation
}
