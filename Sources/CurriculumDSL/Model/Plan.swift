/// One version of a major's exam plan (专业考试计划).
public struct Plan: Sendable, Hashable, Codable {
    /// The plan's id, unique in the curricula (JS-2024-030101K).
    public var id: String
    /// The major the plan is for.
    public var major: MajorKey
    /// The plan's version (2024).
    public var version: String
    /// The first day the plan is in force; nil: since always.
    public var effectiveFrom: CivilDate?
    /// The last day the plan is in force; nil: until replaced.
    public var effectiveUntil: CivilDate?
    /// The plan this one replaces; the old plan's `effectiveUntil` ends the transition window.
    public var supersedes: Located<String>?
    /// Institutions this plan applies to; empty means all of the major's.
    public var institutions: [Located<String>]
    /// 累计达到N学分 (with where it is written).
    public var totalCredits: Located<Int>?
    /// 取得规定的N门课程合格成绩.
    public var minCourses: Located<Int>?
    /// The pass mark out of 100 (the plan's, else the province's, else 60).
    public var passMark: Int
    /// The plan's own wording of its graduation rule (documentation).
    public var graduationRule: String?
    /// The sources the plan cites.
    public var sources: [Citation]
    /// How far the plan's data can be trusted.
    public var confidence: Confidence?
    /// Notes for maintainers.
    public var notes: [String]
    /// The root: an all-of node whose id is the plan's id, located at the `requirements:` value.
    public var requirements: Requirement
    /// Requirements that other courses may stand for (顶替).
    public var substitutions: [Substitution]
    /// How old plans' results count under this plan.
    public var mappings: [Mapping]
    /// Additional courses (加考) for candidates with a prior diploma in another field.
    public var additionalCourses: [AdditionalCourses]
    /// Where the plan is declared.
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
    /// The substitution's id.
    public var id: String
    /// The title shown to people (顶替英语(二)).
    public var title: String?
    /// The requirement id replaced (a course node's id is its code).
    public var replaces: Located<String>
    /// A credit threshold over a list of courses, or a fixed set.
    public var form: Form
    /// Applies only under this condition.
    public var onlyIf: RuleCondition? = nil
    /// Only results passed in this window can be used by it.
    public var window: PassWindow? = nil
    /// Where the substitution is written.
    public var location: SourceLocation

    /// How a substitution is met.
    public enum Form: Sendable, Hashable, Codable {
        /// Courses from `from` totalling at least `minCredits`.
        case credits(minCredits: Int, from: [Located<CourseCode>])
        /// Every course of the set.
        case fixedSet([Located<CourseCode>])
    }

    /// Every course the substitution may use.
    public var courses: [Located<CourseCode>] {
        switch form {
        case .credits(_, let from): from
        case .fixedSet(let set): set
        }
    }
}

/// Old-plan → new-plan course rules: one-to-one, many-to-one and count-based.
public struct Mapping: Sendable, Hashable, Codable {
    /// The mapping's id.
    public var id: String
    /// The title shown to people (2021版 → 2024版).
    public var title: String?
    /// The old plan, when the mapping names one.
    public var fromPlan: Located<String>?
    /// Province-wide mappings apply to the plans of this province (and level); plan mappings leave these nil.
    public var province: Located<String>?
    /// The level a province-wide mapping applies to; nil for every level.
    public var level: Level?
    /// The course rules.
    public var rules: [MappingRule]
    /// Applies only under this condition.
    public var onlyIf: RuleCondition? = nil
    /// Only old results passed in this window count.
    public var window: PassWindow? = nil
    /// Where the mapping is written.
    public var location: SourceLocation
}

/// At least `need` of the `old` entries passed satisfy every course in `new`. Each old entry is one old
/// course, written as one or more codes it was known by.
public struct MappingRule: Sendable, Hashable, Codable {
    /// The old courses, each as the codes it was known by.
    public var old: [[Located<CourseCode>]]
    /// How many of `old` must be passed.
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
    /// Where the rule is written.
    public var location: SourceLocation
}

/// 加考: extra courses for candidates whose prior diploma is in another field; never counted in totals.
public struct AdditionalCourses: Sendable, Hashable, Codable {
    /// The group's id.
    public var id: String
    /// The title shown to people.
    public var title: String?
    /// Which prior diplomas trigger the courses.
    public var condition: Condition
    /// The courses to pass.
    public var courses: [Located<CourseCode>]
    /// Prior fields the group never applies to (the source's exceptions: “…除外”).
    public var exceptFields: [String] = []
    /// Only for candidates examined by one of these institutions; empty: every institution of the plan.
    public var institutions: [Located<String>] = []
    /// Applies only under this condition.
    public var onlyIf: RuleCondition? = nil
    /// Where the group is written.
    public var location: SourceLocation

    /// Which prior fields (or their categories) trigger additional courses.
    public enum Condition: Sendable, Hashable, Codable {
        /// The prior field is one of these.
        case priorFieldIn([String])
        /// The prior field is none of these.
        case priorFieldNotIn([String])
        /// By the category (专业类 / 专业大类) of the prior field, from `field-categories`.
        case priorCategoryIn([Located<String>])
        /// The prior field is in none of these categories.
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
    /// The exemption's id.
    public var id: String
    /// The certificate's name.
    public var certificate: String
    /// The province the exemption applies in; nil for every province.
    public var province: Located<String>?
    /// The courses the certificate exempts.
    public var exempts: [Located<CourseCode>]
    /// Certificates obtained on or after this date do not count.
    public var obtainedBefore: CivilDate?
    /// Certificates obtained before this date do not count.
    public var obtainedFrom: CivilDate?
    /// The source (id) that states the exemption.
    public var source: Located<String>?
    /// Where the exemption is written.
    public var location: SourceLocation

    /// Whether a certificate obtained on `date` counts.
    public func isValid(obtainedOn date: CivilDate) -> Bool {
        if let before = obtainedBefore, date >= before { return false }
        if let from = obtainedFrom, date < from { return false }
        return true
    }
}
