/// `only-if`: a rule (mapping, mapping rule, substitution, requirement node, alternative option, 加考 group) that
/// applies only under one option of a candidate's choice and/or only to candidates with an attribute.
/// Both parts must hold when both are written.
public struct RuleCondition: Sendable, Hashable, Codable {
    /// The candidate's option of an `alternatives` requirement (of this plan, or of `plan`).
    public var choice: ChoiceCondition?
    /// The candidate has at least one of these attributes (declared under `candidate-attributes`).
    public var attributes: [Located<String>]
    /// Where the `only-if` is written.
    public var location: SourceLocation

    /// A condition on a choice, attributes or both.
    public init(choice: ChoiceCondition?, attributes: [Located<String>], location: SourceLocation) {
        self.choice = choice
        self.attributes = attributes
        self.location = location
    }

    /// Whether the condition holds for a candidate with `attributes` whose options are `choices`
    /// (alternatives requirement id → option id; for another plan's requirement, keyed `plan/requirement`).
    public func holds(attributes candidate: Set<String>, choices: [String: String], in planID: String) -> Bool {
        if !attributes.isEmpty, !attributes.contains(where: { candidate.contains($0.value) }) { return false }
        if let choice {
            guard choices[choice.key(in: planID)] == choice.option.value else { return false }
        }
        return true
    }
}

/// The option a condition requires of an `alternatives` requirement.
public struct ChoiceCondition: Sendable, Hashable, Codable {
    /// The `alternatives` requirement's id.
    public var requirement: Located<String>
    /// The option the candidate must have chosen.
    public var option: Located<String>
    /// The plan that has the requirement; nil for the plan the condition is written in.
    public var plan: Located<String>?

    /// A condition on the option `option` of `requirement` (of `plan`, or of the plan it is written in).
    public init(requirement: Located<String>, option: Located<String>, plan: Located<String>?) {
        self.requirement = requirement
        self.option = option
        self.plan = plan
    }

    /// The key of this choice in a choices table: the requirement id for the plan's own, `plan/requirement` for another's.
    public func key(in planID: String) -> String {
        guard let plan, plan.value != planID else { return requirement.value }
        return plan.value + "/" + requirement.value
    }
}

/// `passed-from` / `passed-until`: only results passed in this window count for the rule (by each record's pass date).
public struct PassWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first pass date that counts, when bounded.
    public var from: CivilDate?
    /// The last pass date that counts, when bounded.
    public var until: CivilDate?
    /// Where the window is written.
    public var location: SourceLocation?

    /// A window from `from` to `until`, both days included; nil leaves that side open.
    public init(from: CivilDate?, until: CivilDate?, location: SourceLocation? = nil) {
        self.from = from
        self.until = until
        self.location = location
    }

    /// Whether a result passed on `date` counts. A result without a date never counts for a bounded rule: the window
    /// cannot be checked (the audit says so).
    public func contains(_ date: CivilDate?) -> Bool {
        guard let date else { return false }
        if let from, date < from { return false }
        if let until, date > until { return false }
        return true
    }

    /// Both windows at once (a rule inside a bounded option or mapping).
    public func intersection(_ other: PassWindow?) -> PassWindow {
        guard let other else { return self }
        let from = [self.from, other.from].compactMap { $0 }.max()
        let until = [self.until, other.until].compactMap { $0 }.min()
        return PassWindow(from: from, until: until, location: location ?? other.location)
    }

    /// `2026-10-01 起` / `至 2026-06-30` / `2024-07-01 至 2026-06-30`.
    public var description: String {
        switch (from, until) {
        case let (from?, until?): "\(from) 至 \(until)"
        case let (from?, nil): "\(from) 起"
        case let (nil, until?): "至 \(until)"
        case (nil, nil): "—"
        }
    }

    /// The window in English: `from 2024-07-01 to 2026-06-30`.
    public var english: String {
        switch (from, until) {
        case let (from?, until?): "from \(from) to \(until)"
        case let (from?, nil): "from \(from)"
        case let (nil, until?): "until \(until)"
        case (nil, nil): "—"
        }
    }
}

/// A category of prior-diploma majors (专业类 / 专业大类 of the national catalogs), by which 加考 is decided.
public struct FieldCategory: Sendable, Hashable, Codable {
    /// The category's name as the catalog prints it (计算机类): what 加考 groups name.
    public var id: String
    /// The category's code in the catalog, when it has one.
    public var code: String?
    /// The catalog (职业教育专业目录（2021年）, 普通高等学校本科专业目录).
    public var catalog: String?
    /// 专业类 or 专业大类.
    public var kind: String?
    /// The 专业大类 of a 专业类 (by id): a field in the class is in the 大类 too.
    public var parent: Located<String>?
    /// The majors (fields) in the category.
    public var fields: [Field]
    /// Where the category is written.
    public var location: SourceLocation

    /// A major of the category.
    public struct Field: Sendable, Hashable, Codable {
        /// The major's code in the catalog, when written.
        public var code: String?
        /// The major's name, as prior diplomas name it.
        public var name: String
        /// Where the major is written.
        public var location: SourceLocation
    }
}

/// A candidate attribute rules may depend on (港澳台考生 …); a candidate file declares the attributes that hold.
public struct CandidateAttribute: Sendable, Hashable, Codable {
    /// The attribute's id, as candidate files and `only-if` name it.
    public var id: String
    /// A title for people.
    public var title: String?
    /// A note for maintainers.
    public var note: String?
    /// Where the attribute is declared.
    public var location: SourceLocation
}
