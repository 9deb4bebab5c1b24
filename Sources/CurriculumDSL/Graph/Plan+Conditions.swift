// Conditions (`only-if`) resolved for one candidate: the plan as it applies to a candidate with given attributes
// and options. The engine audits this specialised plan, so conditions cost nothing in the search.

extension Plan {
    /// Every condition written in the plan (nodes, substitutions, mappings and their rules, 加考 groups), with the
    /// province-wide `mappings` that apply to it.
    public func conditions(with provinceMappings: [Mapping] = []) -> [RuleCondition] {
        var found: [RuleCondition] = []
        requirements.forEachNode { if let condition = $0.onlyIf { found.append(condition) } }
        for substitution in substitutions { if let condition = substitution.onlyIf { found.append(condition) } }
        for mapping in mappings + provinceMappings {
            if let condition = mapping.onlyIf { found.append(condition) }
            for rule in mapping.rules { if let condition = rule.onlyIf { found.append(condition) } }
        }
        for extra in additionalCourses { if let condition = extra.onlyIf { found.append(condition) } }
        return found
    }

    /// The plan for a candidate with `attributes` whose options are `choices` (keys as `ChoiceCondition.key(in:)`):
    /// rules whose condition fails are removed; an alternative option whose condition fails is not open; a node
    /// whose condition fails is not required. An alternatives requirement that a condition refers to is narrowed to
    /// the option in `choices`, so the search never takes another option than the one the applied rules assume.
    public func specialized(attributes: Set<String>, choices: [String: String], provinceMappings: [Mapping] = [])
        -> (plan: Plan, provinceMappings: [Mapping]) {
        let conditions = conditions(with: provinceMappings)
        guard !conditions.isEmpty else { return (self, provinceMappings) }
        let planID = id
        func holds(_ condition: RuleCondition?) -> Bool {
            condition?.holds(attributes: attributes, choices: choices, in: planID) ?? true
        }
        var narrowed: [String: String] = [:]
        for condition in conditions {
            guard let choice = condition.choice, choice.plan == nil || choice.plan?.value == planID,
                  let option = choices[choice.requirement.value] else { continue }
            narrowed[choice.requirement.value] = option
        }
        func specialize(_ node: Requirement) -> Requirement? {
            guard holds(node.onlyIf) else { return nil }
            var copy = node
            switch node.shape {
            case .allOf(let children):
                copy.shape = .allOf(children.compactMap(specialize))
            case .choose(let count, let children):
                let kept = children.compactMap(specialize)
                copy.shape = .choose(count: min(count, max(kept.count, 1)), of: kept)
            case .alternatives(let options):
                var kept = options.compactMap(specialize)
                if let only = narrowed[node.id], kept.contains(where: { $0.id == only }) { kept = kept.filter { $0.id == only } }
                copy.shape = .alternatives(kept)
            case .course, .pool:
                break
            }
            return copy
        }
        func specialize(_ mappings: [Mapping]) -> [Mapping] {
            mappings.compactMap { mapping in
                guard holds(mapping.onlyIf) else { return nil }
                var copy = mapping
                copy.rules = mapping.rules.filter { holds($0.onlyIf) }
                return copy
            }
        }
        var plan = self
        plan.requirements = specialize(requirements) ?? Requirement(id: id, shape: .allOf([]), location: requirements.location)
        plan.substitutions = substitutions.filter { holds($0.onlyIf) }
        plan.mappings = specialize(mappings)
        plan.additionalCourses = additionalCourses.filter { holds($0.onlyIf) }
        return (plan, specialize(provinceMappings))
    }

    /// The choices conditions depend on, each with its options: `key` as in `ChoiceCondition.key(in:)`.
    public func conditionChoices(graph: CurriculumGraph, provinceMappings: [Mapping] = []) -> [(key: String, options: [String])] {
        var result: [(key: String, options: [String])] = []
        for condition in conditions(with: provinceMappings) {
            guard let choice = condition.choice else { continue }
            let key = choice.key(in: id)
            guard !result.contains(where: { $0.key == key }) else { continue }
            let owner = choice.plan.flatMap { graph.plans[$0.value] } ?? self
            var options: [String] = []
            owner.requirements.forEachNode { node in
                if node.id == choice.requirement.value, case .alternatives(let children) = node.shape { options = children.map(\.id) }
            }
            if !options.isEmpty { result.append((key, options)) }
        }
        return result
    }

    /// The attributes conditions depend on, sorted.
    public func conditionAttributes(provinceMappings: [Mapping] = []) -> [String] {
        Array(Set(conditions(with: provinceMappings).flatMap { $0.attributes.map(\.value) })).sorted()
    }
}
