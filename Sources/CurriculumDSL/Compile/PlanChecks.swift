// Checks of one plan: references, ids, practice components, cycles and arithmetic.
extension CurriculumCompiler {
    mutating func checkPlan(_ plan: inout Plan) {
        let major = major(plan.major)
        if plan.passMark < 0 { plan.passMark = passMark(for: plan.major.province) }
        if let supersedes = plan.supersedes { requirePlan(supersedes) }
        if let major {
            for institution in plan.institutions where !major.institutions.contains(where: { $0.value == institution.value }) {
                report(DiagnosticMessages.planInstitutionNotExamining(plan: plan.id, institution: institution.value, major: plan.major,
                                                                      at: institution.location, majorAt: major.location))
            }
        }
        if plan.sources.isEmpty {
            report(DiagnosticMessages.planWithoutSource(plan: plan.id, at: plan.location))
        }
        for citation in plan.sources { requireSource(citation.source) }
        if let from = plan.effectiveFrom, let until = plan.effectiveUntil, until < from {
            report(DiagnosticMessages.invalidPeriod(plan: plan.id, from: from, until: until, at: plan.location))
        }

        var ids: [String: Requirement] = [:]
        plan.requirements.forEachNode { node in
            guard node.id != plan.id || node.location != plan.requirements.location else { return }
            if let first = ids[node.id] {
                if case .course(let a, _) = first.shape, case .course(let b, _) = node.shape, a == b { return }
                report(DiagnosticMessages.duplicate(.requirement, node.id, at: node.location, firstAt: first.location))
            } else {
                ids[node.id] = node
            }
            checkNode(node)
        }

        var substitutionIDs: [String: SourceLocation] = [:]
        for substitution in plan.substitutions {
            if let first = substitutionIDs[substitution.id] {
                report(DiagnosticMessages.duplicate(.requirement, substitution.id, at: substitution.location, firstAt: first))
            }
            substitutionIDs[substitution.id] = substitutionIDs[substitution.id] ?? substitution.location
            if ids[substitution.replaces.value] == nil {
                report(DiagnosticMessages.unknown(.requirement, substitution.replaces.value, candidates: ids.keys, at: substitution.replaces.location,
                                                  context: .init(zh: "replaces 须指向本计划的要求编号", en: "'replaces' names a requirement id of this plan")))
            }
            for code in substitution.courses { requireCourse(code) }
        }
        for mapping in plan.mappings {
            if let from = mapping.fromPlan { requirePlan(from) }
            for rule in mapping.rules { for code in rule.new { requireCourse(code) } }
        }
        for extra in plan.additionalCourses {
            for code in extra.courses { requireCourse(code) }
        }

        checkPracticeComponents(plan)
        checkCycles(plan, requirementsByID: ids)
        checkArithmetic(plan, requirementsByID: ids)
    }

    private mutating func checkNode(_ node: Requirement) {
        switch node.shape {
        case .course(let code, let writtenName):
            requireCourse(Located(code, at: node.location))
            if let writtenName, let course = course(code), writtenName != course.name, !course.formerNames.contains(writtenName) {
                report(DiagnosticMessages.courseNameMismatch(code, written: writtenName, catalog: course.name,
                                                             at: node.location, catalogAt: course.location))
            }
        case .choose(let count, let options):
            if count > options.count {
                report(DiagnosticMessages.chooseTooMany(id: node.id, count: count, options: options.count, at: node.location))
            }
        case .pool(let codes, let minCredits, let minCourses, _):
            for code in codes { requireCourse(code) }
            let known = Set(codes.map(\.value)).compactMap { course($0) }
            let credits = known.reduce(0) { $0 + $1.credits }
            if let minCredits, credits < minCredits, known.count == Set(codes.map(\.value)).count {
                report(DiagnosticMessages.poolUnreachable(id: node.id, what: .init(zh: "学分", en: "credits"), minimum: minCredits,
                                                          available: credits, at: node.location))
            }
            let count = Set(codes.map(\.value)).count
            if let minCourses, count < minCourses {
                report(DiagnosticMessages.poolUnreachable(id: node.id, what: .init(zh: "门课程", en: "courses"), minimum: minCourses,
                                                          available: count, at: node.location))
            }
        case .allOf, .alternatives:
            break
        }
    }

    /// A practice component counts with its theory course, so a plan that asks for one asks for both.
    private mutating func checkPracticeComponents(_ plan: Plan) {
        var required = Set(plan.requirements.courseCodes)
        for substitution in plan.substitutions { required.formUnion(substitution.courses.map(\.value)) }
        var reported: Set<CourseCode> = []
        plan.requirements.forEachNode { node in
            guard case .course(let code, _) = node.shape, let course = course(code), course.kind == .practice,
                  let theory = course.theory, !required.contains(theory.value), reported.insert(code).inserted
            else { return }
            report(DiagnosticMessages.practiceWithoutTheory(code, theory: theory.value, plan: plan.id, at: node.location,
                                                            theoryAt: self.course(theory.value)?.location))
        }
    }

    /// Substitutes point at what they replace, old courses at new ones; a loop would let one result count twice.
    private mutating func checkCycles(_ plan: Plan, requirementsByID: [String: Requirement]) {
        var edges: [(CourseCode, CourseCode)] = []
        var origin: [CourseCode: SourceLocation] = [:]
        for substitution in plan.substitutions {
            guard let replaced = requirementsByID[substitution.replaces.value] else { continue }
            for substitute in substitution.courses {
                for target in Set(replaced.courseCodes) {
                    edges.append((substitute.value, target))
                    origin[substitute.value] = origin[substitute.value] ?? substitution.location
                }
            }
        }
        for mapping in plan.mappings + mappings(for: plan.major.province) {
            for rule in mapping.rules {
                for slot in rule.old { for old in slot { for new in rule.new where new.value != old.value {
                    edges.append((old.value, new.value))
                    origin[old.value] = origin[old.value] ?? rule.location
                } } }
            }
        }
        for cycle in CycleFinder.cycles(edges: edges) {
            report(DiagnosticMessages.substitutionCycle(plan: plan.id, cycle: cycle + [cycle[0]],
                                                        at: origin[cycle[0]] ?? plan.location))
        }
    }

    /// The most credits and courses the requirement tree can count must reach the plan's totals.
    private mutating func checkArithmetic(_ plan: Plan, requirementsByID: [String: Requirement]) {
        let inPlan = Set(plan.requirements.courseCodes)
        var replacementBound: [String: (credits: Int, courses: Int)] = [:]
        for substitution in plan.substitutions {
            let codes = Set(substitution.courses.map(\.value))
            let bound = (codes.reduce(0) { $0 + (course($1)?.credits ?? 0) }, codes.reduce(0) { $0 + countWeight($1, inPlan: codes.union(inPlan)) })
            let old = replacementBound[substitution.replaces.value] ?? (0, 0)
            replacementBound[substitution.replaces.value] = (max(old.credits, bound.0), max(old.courses, bound.1))
        }
        let bound = self.bound(plan.requirements, inPlan: inPlan, replacements: replacementBound)
        if let total = plan.totalCredits, bound.credits < total.value {
            report(DiagnosticMessages.totalUnreachable(plan: plan.id, total: total.value, reachable: bound.credits, at: total.location))
        }
        if let minimum = plan.minCourses, bound.courses < minimum.value {
            report(DiagnosticMessages.courseCountUnreachable(plan: plan.id, minimum: minimum.value, reachable: bound.courses, at: minimum.location))
        }
    }

    /// How much one course adds to the course count: a thesis nothing, a practice component nothing when its
    /// theory course is in the plan (they count as one).
    func countWeight(_ code: CourseCode, inPlan: Set<CourseCode>) -> Int {
        guard let course = course(code) else { return 1 }
        switch course.kind {
        case .thesis: return 0
        case .practice: return course.theory.map { inPlan.contains($0.value) ? 0 : 1 } ?? 1
        case .theory: return 1
        }
    }

    /// An upper bound of the credits and courses a node can count.
    func bound(_ node: Requirement, inPlan: Set<CourseCode>,
               replacements: [String: (credits: Int, courses: Int)]) -> (credits: Int, courses: Int) {
        var result: (credits: Int, courses: Int)
        switch node.shape {
        case .course(let code, _):
            result = (course(code)?.credits ?? 0, countWeight(code, inPlan: inPlan))
        case .allOf(let children):
            result = children.reduce((0, 0)) { sum, child in
                let b = bound(child, inPlan: inPlan, replacements: replacements)
                return (sum.0 + b.credits, sum.1 + b.courses)
            }
        case .choose(let count, let children):
            let bounds = children.map { bound($0, inPlan: inPlan, replacements: replacements) }
            result = (bounds.map(\.credits).sorted(by: >).prefix(count).reduce(0, +),
                      bounds.map(\.courses).sorted(by: >).prefix(count).reduce(0, +))
        case .alternatives(let children):
            let bounds = children.map { bound($0, inPlan: inPlan, replacements: replacements) }
            result = (bounds.map(\.credits).max() ?? 0, bounds.map(\.courses).max() ?? 0)
        case .pool(let codes, _, _, let maxCredits):
            let unique = Set(codes.map(\.value))
            let credits = unique.reduce(0) { $0 + (course($1)?.credits ?? 0) }
            result = (min(credits, maxCredits ?? credits), unique.reduce(0) { $0 + countWeight($1, inPlan: inPlan) })
        }
        if let replacement = replacements[node.id] {
            result = (max(result.credits, replacement.credits), max(result.courses, replacement.courses))
        }
        return result
    }
}
