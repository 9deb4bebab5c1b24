/// One version of a major's exam plan (专业考试计划).
public struct Plan: Sendable, Hashable, Codable {
    public var id: String
    public var major: MajorKey
    public var version: String
    public var effectiveFrom: CivilDate?
    public var effectiveUntil: CivilDate?
    /// The plan this one replaces; the old plan's `effectiveUntil` ends the transition window.
    public var supersedes: Located<String>?
    /// Institutions this plan applies to; empty means all of the major's.
    public var institutions: [Located<String>]
    /// 累计达到N学分 (with where it is written).
    public var totalCredits: Located<Int>?
    /// 取得规定的N门课程合格成绩.
    public var minCourses: Located<Int>?
    public var passMark: Int
    public var graduationRule: String?
    public var sources: [Citation]
    public var confidence: Confidence?
    public var notes: [String]
    /// The root: an all-of node whose id is the plan's id, located at the `requirements:` value.
    public var requirements: Requirement
    public var substitutions: [Substitution]
    public var mappings: [Mapping]
    public var additionalCourses: [AdditionalCourses]
    public var location: SourceLocation

    /// Whether the plan is in force on `date`.
    public func isInForce(on date: CivilDate) -> Bool {
        if let from = effectiveFrom, date < from { return false }
        if let until = effectiveUntil, date > until { return false }
        return true
    }

    /// The requirement node with `id`, if any.
    public func requirement(id: String) -> Requirement? {
        var found: Requirement?
        requirements.forEachNode { node in
            if found == nil, node.id == id { found = node }
        }
        return found
    }
}

/// A requirement that may be met by other courses: 顶替英语(二) by ≥ 14 credits from a pool, or a fixed set
/// (不考外语者换考课程).
public struct Substitution: Sendable, Hashable, Codable {
    public var id: String
    public var title: String?
    /// The requirement id replaced (a course node's id is its code).
    public var replaces: Located<String>
    public var form: Form
    /// Applies only under this condition.
    public var onlyIf: RuleCondition? = nil
    /// Only results passed in this window can be used by it.
    public var window: PassWindow? = nil
    public var location: SourceLocation

    public enum Form: Sendable, Hashable, Codable {
        /// Courses from `from` totalling at least `minCredits`.
        case credits(minCredits: Int, from: [Located<CourseCode>])
        /// Every course of the set.
        case fixedSet([Located<CourseCode>])
    }

    public var courses: [Located<CourseCode>] {
        switch form {
        case .credits(_, let from): from
        case .fixedSet(let set): set
        }
    }
}

/// Old-plan → new-plan course rules: one-to-one, many-to-one and count-based.
public struct Mapping: Sendable, Hashable, Codable {
    public var id: String
    public var title: String?
    public var fromPlan: Located<String>?
    /// Province-wide mappings apply to the plans of this province (and level); plan mappings leave these nil.
    public var province: Located<String>?
    public var level: Level?
    public var rules: [MappingRule]
    /// Applies only under this condition.
    public var onlyIf: RuleCondition? = nil
    /// Only old results passed in this window count.
    public var window: PassWindow? = nil
    public var location: SourceLocation
}

/// At least `need` of the `old` entries passed satisfy every course in `new`. Each old entry is one old
/// course, written as one or more codes it was known by.
public struct MappingRule: Sendable, Hashable, Codable {
    public var old: [[Located<CourseCode>]]
    public var need: Int
    /// Empty for a credits-only rule.
    public var new: [Located<CourseCode>]
    /// 可在新计划中计算课程门数和学分: each passed old course counts its own credits and course toward the plan's
    /// totals, and satisfies no course.
    public var creditsOnly: Bool = false
    /// The old results stay available to the plan's other requirements (and rules): the source lets the same passed
    /// set stand for these new courses besides what each old course counts for itself (e.g. 130508 说明5: five old
    /// courses stand for four electives and 13511 + 13512).
    public var keepsOld: Bool = false
    /// Applies only under this condition.
    public var onlyIf: RuleCondition? = nil
    /// Only old results passed in this window count.
    public var window: PassWindow? = nil
    public var location: SourceLocation
}

/// 加考: extra courses for candidates whose prior diploma is in another field; never counted in totals.
public struct AdditionalCourses: Sendable, Hashable, Codable {
    public var id: String
    public var title: String?
    public var condition: Condition
    public var courses: [Located<CourseCode>]
    /// Prior fields the group never applies to (the source's exceptions: “…除外”).
    public var exceptFields: [String] = []
    /// Only for candidates examined by one of these institutions; empty: every institution of the plan.
    public var institutions: [Located<String>] = []
    /// Applies only under this condition.
    public var onlyIf: RuleCondition? = nil
    public var location: SourceLocation

    public enum Condition: Sendable, Hashable, Codable {
        case priorFieldIn([String])
        case priorFieldNotIn([String])
        /// By the category (专业类 / 专业大类) of the prior field, from `field-categories`.
        case priorCategoryIn([Located<String>])
        case priorCategoryNotIn([Located<String>])

        /// Whether a prior diploma in `field` triggers these courses. `categories` gives the categories of a field
        /// (nil when the table does not know the field); a category condition on an unknown field is undecided (nil).
        public func applies(toPriorField field: String, categories: (String) -> Set<String>?) -> Bool? {
            switch self {
            case .priorFieldIn(let fields): return fields.contains(field)
            case .priorFieldNotIn(let fields): return !fields.contains(field)
            case .priorCategoryIn(let wanted):
                guard let known = categories(field) else { return nil }
                return wanted.contains { known.contains($0.value) }
            case .priorCategoryNotIn(let excluded):
                guard let known = categories(field) else { return nil }
                return !excluded.contains { known.contains($0.value) }
            }
        }

        /// Whether the condition is by category.
        public var categoryNames: [Located<String>] {
            switch self {
            case .priorCategoryIn(let names), .priorCategoryNotIn(let names): names
            case .priorFieldIn, .priorFieldNotIn: []
            }
        }
    }
}

/// 免考: a certificate that exempts courses, within validity dates.
public struct Exemption: Sendable, Hashable, Codable {
    public var id: String
    public var certificate: String
    public var province: Located<String>?
    public var exempts: [Located<CourseCode>]
    /// Certificates obtained on or after this date do not count.
    public var obtainedBefore: CivilDate?
    /// Certificates obtained before this date do not count.
    public var obtainedFrom: CivilDate?
    public var source: Located<String>?
    public var location: SourceLocation

    /// Whether a certificate obtained on `date` counts.
    public func isValid(obtainedOn date: CivilDate) -> Bool {
        if let before = obtainedBefore, date >= before { return false }
        if let from = obtainedFrom, date < from { return false }
        return true
    }
}
