// Satisfiability and plan arithmetic once every course counts once: unsatisfiable requirements, totals only an
// impossible combination reaches, and pools whose result depends on assignment.
enum RequirementChecks {
    static let creditsUnit = LocalizedText(zh: "学分", en: "credits")
    static let coursesUnit = LocalizedText(zh: "门课程", en: "courses")

    static func run(_ context: inout LintContext) {
        for plan in context.completePlans {
            var analysis = PlanAnalysis(plan: plan, courses: context.graph.courses)
            let satisfiable = analysis.diagnoseUnsatisfiable()
            for diagnostic in analysis.diagnostics { context.report(diagnostic) }
            if satisfiable == true { totals(plan, analysis: &analysis, context: &context) }
            overlappingPools(plan, analysis: analysis, context: &context)
        }
    }

    /// The plan's `total-credits` and `min-courses` must be reachable by one real transcript. Where the
    /// compiler's upper bound already falls short, `graph.total-unreachable` / `graph.course-count-unreachable`
    /// says so and nothing is added here.
    static func totals(_ plan: Plan, analysis: inout PlanAnalysis, context: inout LintContext) {
        guard plan.totalCredits != nil || plan.minCourses != nil else { return }
        // Credits of unknown courses are unknown: the loader reports the reference.
        let codes = plan.allCourseCodes
        guard codes.allSatisfy({ context.course($0) != nil }) else { return }
        // A practice component without its theory course is graph.practice-without-theory; the totals are checked
        // once the theory course is in the plan.
        let practiceWithoutTheory = codes.contains { code in
            guard let course = context.course(code), course.kind == .practice, let theory = course.theory?.value else { return false }
            return context.course(theory) != nil && !codes.contains(theory)
        }
        guard !practiceWithoutTheory else { return }
        guard let options = analysis.options(0) else { return }
        var reachable: [(credits: Int, courses: Int)] = []
        for option in options {
            guard let found = analysis.totals(option) else { return }
            reachable += found
        }
        guard !reachable.isEmpty else { return }
        let total = plan.totalCredits
        let minimum = plan.minCourses
        let maxCredits = reachable.map(\.credits).max() ?? 0
        let maxCourses = reachable.map(\.courses).max() ?? 0
        var creditsShort = false
        var coursesShort = false
        if let total, maxCredits < total.value {
            creditsShort = true
            if !context.loaderReported("graph.total-unreachable", at: total.location) {
                context.report(DiagnosticMessages.totalNeedsImpossible(plan: plan.id, what: creditsUnit, required: total.value,
                                                                       reachable: maxCredits, at: total.location))
            }
        }
        if let minimum, maxCourses < minimum.value {
            coursesShort = true
            if !context.loaderReported("graph.course-count-unreachable", at: minimum.location) {
                context.report(DiagnosticMessages.totalNeedsImpossible(plan: plan.id, what: coursesUnit, required: minimum.value,
                                                                       reachable: maxCourses, at: minimum.location))
            }
        }
        if let total, let minimum, !creditsShort, !coursesShort,
           !reachable.contains(where: { $0.credits >= total.value && $0.courses >= minimum.value }) {
            context.report(DiagnosticMessages.totalsNotTogether(
                plan: plan.id, credits: total.value, courses: minimum.value,
                notes: [.init(.init(zh: "min-courses 在这里", en: "min-courses is here"), at: minimum.location)],
                at: total.location))
        }
    }

    /// Two non-shared pools that can apply together (not in different branches of an alternatives node or a
    /// one-of) and share courses.
    static func overlappingPools(_ plan: Plan, analysis: PlanAnalysis, context: inout LintContext) {
        let poolNodes = analysis.nodes.indices.filter { index in
            if case .pool = analysis.nodes[index].requirement.shape { return !analysis.nodes[index].shared }
            return false
        }
        for (i, a) in poolNodes.enumerated() {
            for b in poolNodes[(i + 1)...] {
                guard case .pool(let aCodes, _, _, _) = analysis.nodes[a].requirement.shape,
                      case .pool(let bCodes, _, _, _) = analysis.nodes[b].requirement.shape
                else { continue }
                let common = Set(aCodes.map(\.value)).intersection(bCodes.map(\.value)).sorted()
                guard !common.isEmpty, !exclusive(a, b, in: analysis) else { continue }
                let first = analysis.nodes[a].requirement
                let second = analysis.nodes[b].requirement
                context.report(DiagnosticMessages.overlappingPools(pool: second.id, other: first.id, codes: common,
                                                                   at: second.location, otherAt: first.location))
            }
        }
    }

    /// Whether nodes `a` and `b` never apply together: their nearest common ancestor picks one branch.
    private static func exclusive(_ a: Int, _ b: Int, in analysis: PlanAnalysis) -> Bool {
        var ancestors: [Int] = []
        var current: Int? = a
        while let node = current {
            ancestors.append(node)
            current = analysis.nodes[node].parent
        }
        current = b
        while let node = current {
            if ancestors.contains(node) {
                switch analysis.nodes[node].requirement.shape {
                case .alternatives: return true
                case .choose(let count, _): return count == 1
                default: return false
                }
            }
            current = analysis.nodes[node].parent
        }
        return false
    }
}
