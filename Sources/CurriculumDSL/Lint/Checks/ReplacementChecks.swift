// Substitutions and mappings that can never apply.
enum ReplacementChecks {
    static func run(_ context: inout LintContext) {
        for plan in context.completePlans {
            substitutions(plan, context: &context)
            planMappings(plan, context: &context)
        }
        if !context.graph.inputIncomplete { provinceMappings(&context) }
    }

    // MARK: substitutions

    /// A course node every transcript must pass: reached from the root through all-of nodes only, not shared,
    /// not itself replaceable by a substitution.
    struct MandatoryCourse {
        let code: CourseCode
        let location: SourceLocation
        /// Ids of the node and its all-of ancestors (below the root).
        let path: [String]
    }

    static func mandatoryCourses(_ plan: Plan) -> [MandatoryCourse] {
        let replaced = Set(plan.substitutions.map(\.replaces.value))
        var found: [MandatoryCourse] = []
        func walk(_ node: Requirement, path: [String]) {
            for child in node.children where !child.shared && !replaced.contains(child.id) {
                switch child.shape {
                case .course(let code, _): found.append(MandatoryCourse(code: code, location: child.location, path: path + [child.id]))
                case .allOf: walk(child, path: path + [child.id])
                default: continue
                }
            }
        }
        walk(plan.requirements, path: [])
        return found
    }

    /// A substitution's courses are not used elsewhere, so it can never apply when it needs a course the plan
    /// requires elsewhere, or when `from` cannot reach `min-credits`.
    static func substitutions(_ plan: Plan, context: inout LintContext) {
        let mandatory = mandatoryCourses(plan)
        for substitution in plan.substitutions {
            guard let target = plan.requirement(id: substitution.replaces.value) else { continue }   // graph.unknown-reference
            guard substitution.courses.allSatisfy({ context.course($0.value) != nil }) else { continue }
            let own = Set(target.courseCodes)
            let elsewhere = mandatory.filter { !own.contains($0.code) && !$0.path.contains(target.id) }
            var usedAt: [CourseCode: SourceLocation] = [:]
            for course in elsewhere where usedAt[course.code] == nil { usedAt[course.code] = course.location }
            let blocked = substitution.courses.filter { usedAt[$0.value] != nil }
            let notes: [Diagnostic.Note] = Set(blocked.map(\.value)).sorted().compactMap { code in
                usedAt[code].map { .init(.init(zh: "\(code) 在这里被要求", en: "\(code) is required here"), at: $0) }
            }
            switch substitution.form {
            case .fixedSet:
                guard let first = blocked.first else { continue }
                context.report(DiagnosticMessages.substitutionUsesRequired(id: substitution.id, codes: Set(blocked.map(\.value)).sorted(),
                                                                           available: nil, minimum: nil, notes: notes, at: first.location))
            case .credits(let minimum, let from):
                let all = context.credits(Set(from.map(\.value)))
                if all < minimum {
                    let at = context.index.location(of: "min-credits", around: substitution.location) ?? substitution.location
                    context.report(DiagnosticMessages.substitutionCreditsShort(id: substitution.id, available: all, minimum: minimum, at: at))
                    continue
                }
                let available = context.credits(Set(from.map(\.value)).subtracting(blocked.map(\.value)))
                guard available < minimum, let first = blocked.first else { continue }
                context.report(DiagnosticMessages.substitutionUsesRequired(id: substitution.id, codes: Set(blocked.map(\.value)).sorted(),
                                                                           available: available, minimum: minimum, notes: notes, at: first.location))
            }
        }
    }

    // MARK: mappings

    /// Codes a mapping can satisfy in `plan`: its requirements, substitutions and additional courses.
    static func targets(of plan: Plan) -> Set<CourseCode> {
        var codes = Set(plan.requirements.courseCodes)
        for substitution in plan.substitutions { codes.formUnion(substitution.courses.map(\.value)) }
        for extra in plan.additionalCourses { codes.formUnion(extra.courses.map(\.value)) }
        return codes
    }

    /// Whether `code` (or a code equivalent to it) is among `targets`.
    static func names(_ code: CourseCode, in targets: Set<CourseCode>, graph: CurriculumGraph) -> Bool {
        graph.equivalenceClosure(of: code).contains { targets.contains($0) }
    }

    static func planMappings(_ plan: Plan, context: inout LintContext) {
        let codes = targets(of: plan)
        for mapping in plan.mappings {
            if let from = mapping.fromPlan, from.value == plan.id {
                context.report(DiagnosticMessages.mappingFromItself(plan: plan.id, at: from.location))
                continue
            }
            for rule in mapping.rules where !rule.new.contains(where: { names($0.value, in: codes, graph: context.graph) }) {
                guard let first = rule.new.first, rule.new.allSatisfy({ context.course($0.value) != nil }) else { continue }
                context.report(DiagnosticMessages.mappingNotInPlan(codes: rule.new.map(\.value), plan: plan.id, at: first.location))
            }
        }
    }

    /// A province-wide mapping applies to the plans of its province (and level); a rule none of whose new
    /// courses is in any of those plans never applies.
    static func provinceMappings(_ context: inout LintContext) {
        for mapping in context.graph.mappings.sorted(by: { $0.location < $1.location }) {
            guard let province = mapping.province, context.graph.provinces[province.value] != nil else { continue }
            let scope = context.plans.filter { plan in
                guard plan.major.province == province.value else { return false }
                guard let level = mapping.level else { return true }
                return context.graph.majors[plan.major]?.level.isSameLevel(as: level) ?? false
            }
            guard !scope.isEmpty else {
                context.report(DiagnosticMessages.mappingNoPlan(mapping: mapping.id, province: province.value, level: mapping.level,
                                                                at: mapping.location))
                continue
            }
            let codes = scope.reduce(into: Set<CourseCode>()) { $0.formUnion(targets(of: $1)) }
            for rule in mapping.rules where !rule.new.contains(where: { names($0.value, in: codes, graph: context.graph) }) {
                guard let first = rule.new.first, rule.new.allSatisfy({ context.course($0.value) != nil }) else { continue }
                context.report(DiagnosticMessages.mappingNotInScope(codes: rule.new.map(\.value), mapping: mapping.id, at: first.location))
            }
        }
    }
}
