import CurriculumDSL
import Foundation

/// A declared choice that cannot be applied (`AuditEngine.choiceProblems`): what was written and why it is wrong,
/// with the requirements or options that exist and how to fix it.
public struct ChoiceProblem: Sendable, Hashable {
    /// The requirement id as written (the key of `choices`).
    public var requirement: String
    /// The option id as written.
    public var option: String
    /// The requirement itself is not an `alternatives` requirement of the plan (else: the option is unknown).
    public var isUnknownRequirement: Bool
    /// What is wrong and what exists, in Chinese and English.
    public var message: LocalizedText

    /// A problem with the choice of `option` for `requirement`.
    public init(requirement: String, option: String, isUnknownRequirement: Bool, message: LocalizedText) {
        self.requirement = requirement
        self.option = option
        self.isUnknownRequirement = isUnknownRequirement
        self.message = message
    }
}

/// An office decision that names a requirement the plan does not have (`AuditEngine.decisionProblems`): which
/// decision (its index in `AuditRequest.decisions`), the requirement ids that exist, the closest one and the fix.
public struct DecisionProblem: Sendable, Hashable {
    /// The decision's index in `AuditRequest.decisions`.
    public var index: Int
    /// The requirement id as written (`waive:` or `for:`).
    public var requirement: String
    /// What is wrong and which requirement ids exist, in Chinese and English.
    public var message: LocalizedText

    /// A problem with the decision at `index` in the request's `decisions`.
    public init(index: Int, requirement: String, message: LocalizedText) {
        self.index = index
        self.requirement = requirement
        self.message = message
    }
}

/// Graduation audits over a curriculum graph. Immutable and `Sendable`: build one per graph and share it
/// across threads.
///
/// ```swift
/// let engine = AuditEngine(graph: result.graph)
/// let audit = try engine.audit(AuditRequest(candidate: candidate, records: records,
///                                           major: MajorKey(province: "江苏", code: "120402"),
///                                           applicationDate: CivilDate("2025-04-30")!))
/// print(audit.verdict, audit.missing.items.map(\.course?.code))
/// ```
public struct AuditEngine: Sendable {
    /// The curriculum graph audits are made against.
    public let graph: CurriculumGraph
    /// Compiled plans, made on first use: a check of one major compiles that major's plans only (the bundled
    /// curricula hold 160+ plans, and compiling them all cost more than the audit itself).
    let plans: PlanCache
    /// Search nodes one plan's audit may visit before it is stopped and returned for review by hand
    /// (`Solver.defaultBudget`; tests set a tiny one).
    var searchBudget = Solver.defaultBudget
    /// Tests only: search the stopped-major rule's stand-ins by the old exhaustive enumeration (the reference the
    /// assignment is compared with, `Solver.enumerateStandIns`).
    var enumerateStandIns = false

    /// A plan specialised for candidates with exactly `attributes` (of those the plan's conditions name) and the
    /// options `choices` (keys as `ChoiceCondition.key(in:)`).
    struct Variant: Sendable {
        var attributes: Set<String>
        var relevantAttributes: Set<String>
        var choices: [String: String]
        var plan: CompiledPlan
    }

    /// At most this many variants per plan (2^attributes × options); beyond it the plan is audited as written.
    static let variantLimit = 64

    /// An engine over `graph`, with the indexes the search needs built once.
    ///
    /// Build one engine per graph and share it: it is an immutable `Sendable` value.
    public init(graph: CurriculumGraph) {
        self.graph = graph
        plans = PlanCache(graph: graph)
    }

    /// Every plan as written (all its rules, whatever their conditions): what choices and decisions are checked against.
    func compiled(_ planID: String) -> CompiledPlan? { plans.entry(planID)?.plan }

    /// Plans with conditions (`only-if`): one compiled plan per combination of the attributes and options the
    /// conditions depend on (`Plan.specialized`). Audits use these.
    func variants(_ planID: String) -> [Variant]? { plans.entry(planID)?.variants }

    /// The plan of `entry` as it applies to the request's candidate, searched: the plan itself, or, for a plan with
    /// conditions, the variant for the candidate's attributes and declared options; when an option a condition
    /// depends on is not declared, every option is audited and the best kept (eligible first, then least missing
    /// credits, courses, review), the first in option order among equals. Returns the chosen search and — when several
    /// variants were searched to choose it — its summary and every searched variant's summary (what the assumed-choice
    /// note compares). Each variant is searched once; the chosen one's search is the one the audit or summary is built
    /// from (a summary is the same from a detailed table as from a verdict-only one).
    private func solvedPlan(_ request: AuditRequest, entry: PlanCache.Entry, detailed: Bool)
        -> (solved: Solved, summary: Summary?, outcomes: [(plan: CompiledPlan, summary: Summary)]) {
        let list = entry.variants
        guard !list.isEmpty else { return (solve(request, compiled: entry.plan, detailed: detailed), nil, []) }
        let held = Set(request.candidate.attributes)
        let matching = list.filter { variant in
            variant.attributes == held.intersection(variant.relevantAttributes)
                && variant.choices.allSatisfy { key, option in request.choices[key].map { $0 == option } ?? true }
        }
        guard matching.count > 1 else { return (solve(request, compiled: matching.first?.plan ?? entry.plan, detailed: detailed), nil, []) }
        var best: (solved: Solved, summary: Summary, key: (Int, Int, Int, Int))?
        var outcomes: [(plan: CompiledPlan, summary: Summary)] = []
        for variant in matching {
            let solved = solve(request, compiled: variant.plan, detailed: detailed)
            let outcome = summary(request, solved: solved)
            outcomes.append((variant.plan, outcome))
            let key = (Self.rank(outcome.verdict), outcome.missingCredits, outcome.missingCourses, outcome.reviewCount)
            if let current = best, !(key < current.key) { continue }
            best = (solved, outcome, key)
        }
        guard let best else { return (solve(request, compiled: entry.plan, detailed: detailed), nil, []) }
        return (best.solved, best.summary, outcomes)
    }

    /// The common case of a request naming its plan, with no institution, choices or decisions to check: the plan's
    /// cache entry when it is the major's and in force (what `candidatePlans(for:)` checks), else nil (the caller
    /// takes the general path, which reports what is wrong). Reads the plan through the cache, without copying the
    /// `Plan` or `Major` out of the graph's dictionaries (a retain and release of each of their fields).
    private func namedPlanEntry(_ request: AuditRequest) -> PlanCache.Entry? {
        // A cached plan's major is in the graph (`PlanCache.entry`), so its being the request's major is the check.
        guard let id = request.planID, request.institution == nil, request.choices.isEmpty, request.decisions.isEmpty,
              let entry = plans.entry(id), entry.plan.majorKey == request.major, entry.plan.isInForce(on: request.applicationDate) else { return nil }
        return entry
    }

    /// The plan a request is audited against: the named plan, or, among the plans in force on the application
    /// date, the one with the best verdict, the newest among equals (see `candidatePlans(for:)` and `audit(_:)`).
    public func plan(for request: AuditRequest) throws(AuditError) -> Plan {
        let plans = try candidatePlans(for: request)
        guard plans.count > 1 else { return plans[0] }
        return choose(request, among: plans).plan.plan
    }

    /// The plans a request may be audited against: the named plan, or every plan in force on the application date,
    /// newest first (during a transition window a candidate may graduate under the old plan or the new one).
    /// Never empty.
    func candidatePlans(for request: AuditRequest) throws(AuditError) -> [Plan] {
        guard let major = graph.majors[request.major] else {
            let codes = graph.majors.keys.filter { $0.province == request.major.province }.map(\.code)
            throw .unknownMajor(request.major, suggestion: Suggestion.closest(to: request.major.code, among: codes))
        }
        if let institution = request.institution, !major.institutions.contains(where: { $0.value == institution }) {
            throw .institutionDoesNotExamine(institution: institution, major: request.major)
        }
        if let id = request.planID {
            guard let plan = graph.plans[id], plan.major == request.major else { throw .unknownPlan(id) }
            guard plan.isInForce(on: request.applicationDate) else {
                throw .planNotInForce(id, date: request.applicationDate, from: plan.effectiveFrom, until: plan.effectiveUntil)
            }
            return [plan]
        }
        guard !major.planIDs.isEmpty else { throw .noPlanData(MajorWithoutPlanData(major: major, graph: graph)) }
        let plans = graph.plansInForce(for: major, on: request.applicationDate, institution: request.institution)
        guard !plans.isEmpty else {
            throw .noPlanInForce(request.major, date: request.applicationDate, plans: major.planIDs)
        }
        return plans
    }

    /// Of several plans in force (newest first), the one with the best verdict — eligible, then eligible pending
    /// review, then not eligible; among plans none of which is satisfied, the one that leaves the least to do (the
    /// fewest courses still to pass, i.e. exams to sit); the newest among equals, since the new plan's courses are the
    /// ones examined from now on. A candidate who completed the old plan during its transition window is eligible
    /// under it; one who completed neither is led by the plan closest to done. Also returns every plan's summary.
    private func choose(_ request: AuditRequest, among plans: [Plan]) -> (plan: CompiledPlan, outcomes: [(CompiledPlan, Summary)]) {
        let outcomes = plans.compactMap { plan in
            self.plans.entry(plan.id).map { entry in
                let chosen = solvedPlan(request, entry: entry, detailed: false)
                return (chosen.solved.plan, chosen.summary ?? summary(request, solved: chosen.solved))
            }
        }
        let best = Self.best(outcomes.map(\.1))
        return (outcomes[best].0, outcomes)
    }

    /// The index of the best of several plans' summaries (newest plan first): see `choose(_:among:)`.
    static func best(_ summaries: [Summary]) -> Int {
        func key(_ summary: Summary) -> (Int, Int) {
            (rank(summary.verdict), summary.verdict == .notEligible ? summary.missingCourses : 0)
        }
        var best = 0
        for index in summaries.indices where key(summaries[index]) < key(summaries[best]) { best = index }
        return best
    }

    static func rank(_ verdict: Audit.Verdict) -> Int {
        switch verdict {
        case .eligible: 0
        case .eligiblePendingReview: 1
        case .notEligible: 2
        }
    }

    /// Audits one candidate against one plan: the named plan, or the best of the plans in force (the others'
    /// outcomes are listed in `otherPlans`). A declared choice the plan cannot apply is an error
    /// (`AuditError.invalidChoice`), never ignored: check `choiceProblems(_:)` first to report them all.
    public func audit(_ request: AuditRequest) throws(AuditError) -> Audit {
        if let entry = namedPlanEntry(request) {
            let chosen = solvedPlan(request, entry: entry, detailed: true)
            return audit(request, solved: chosen.solved, summary: chosen.summary, variantOutcomes: chosen.outcomes)
        }
        let plans = try candidatePlans(for: request)
        try checkChoices(request, plans: plans)
        try checkDecisions(request, plans: plans)
        if plans.count == 1 {
            guard let chosen = self.plans.entry(plans[0].id).map({ solvedPlan(request, entry: $0, detailed: true) }) else { throw .unknownPlan(plans[0].id) }
            return audit(request, solved: chosen.solved, summary: chosen.summary, variantOutcomes: chosen.outcomes)
        }
        // Every plan is searched once, with the table the explanation needs; the chosen plan's search is the one its
        // audit is built from (not run again).
        let searched = plans.compactMap { plan in self.plans.entry(plan.id).map { solvedPlan(request, entry: $0, detailed: true) } }
        guard !searched.isEmpty else { throw .unknownPlan(plans[0].id) }
        let solved = searched.map(\.solved)
        let summaries = searched.map { $0.summary ?? summary(request, solved: $0.solved) }
        let chosen = Self.best(summaries)
        var result = audit(request, solved: solved[chosen], summary: summaries[chosen], variantOutcomes: searched[chosen].outcomes)
        result.otherPlans = solved.indices.filter { $0 != chosen }.map { index in
            Audit.OtherPlan(planID: solved[index].plan.plan.id, planVersion: solved[index].plan.plan.version, verdict: summaries[index].verdict,
                            missingCredits: summaries[index].missingCredits, missingCourses: summaries[index].missingCourses)
        }
        return result
    }

    /// A plan searched for one request: the plan, the record table, the finished search and the roots audited, and
    /// why each 加考 group applies or not (`additionalGroups`, made for the search: the explanation reuses it).
    struct Solved {
        let plan: CompiledPlan
        let table: RecordTable
        let solver: Solver
        let roots: [Int]
        let additionalNotes: [(String, LocalizedText)]
    }

    func audit(_ request: AuditRequest, compiled plan: CompiledPlan) -> Audit {
        audit(request, solved: solve(request, compiled: plan, detailed: true))
    }

    /// The audit built from a finished search (`summary`: the search's summary, when already made).
    private func audit(_ request: AuditRequest, solved: Solved, summary known: Summary? = nil,
                       variantOutcomes: [(plan: CompiledPlan, summary: Summary)] = []) -> Audit {
        let plan = solved.plan
        let table = solved.table
        let solver = solved.solver
        let roots = solved.roots
        let blocking = PriorDiplomaCheck.reasons(candidate: request.candidate, level: plan.majorLevel, prerequisite: plan.prerequisite,
                                                 applicationDate: request.applicationDate)
        var builder = AuditBuilder(plan: plan, table: table, request: request, steps: solver.best?.steps ?? [], roots: roots,
                                   undeterminedGroups: solver.undeterminedGroups, additionalNotes: solved.additionalNotes)
        var audit = builder.build(blocking: blocking)
        if solver.stopped { Self.stop(&audit, plan: plan, blocking: blocking, nodes: solver.budget) }
        // A variant chosen for options the candidate did not declare: say which options the audit assumed, so the
        // office can check them (an old plan's track is a fact of the candidate's history, not a free choice).
        if plan.isVariant, let all = variants(plan.plan.id), let variant = all.first(where: { $0.plan === plan }),
           variant.choices.keys.contains(where: { request.choices[$0] == nil }) {
            // This search's own outcome (the same search `summary(_:compiled:)` runs; not run again).
            let mine = known ?? summary(request, solved: solved)
            for (key, option) in variant.choices.sorted(by: { $0.key < $1.key }) where request.choices[key] == nil {
                // Only an assumption that matters is reported: another option (everything else equal) must audit differently.
                let others = all.filter { other in
                    other.attributes == variant.attributes && other.choices[key] != option
                        && other.choices.allSatisfy { $0.key == key || variant.choices[$0.key] == $0.value }
                }
                let matters = others.contains { other in
                    let outcome = variantOutcomes.first { $0.plan === other.plan }?.summary ?? summary(request, compiled: other.plan)
                    return (Self.rank(outcome.verdict), outcome.missingCredits, outcome.missingCourses, outcome.reviewCount)
                        != (Self.rank(mine.verdict), mine.missingCredits, mine.missingCourses, mine.reviewCount)
                }
                guard matters else { continue }
                let (owner, requirement) = key.firstIndex(of: "/").map { (String(key[..<$0]), String(key[key.index(after: $0)...])) }
                    ?? (plan.plan.id, key)
                var when = option
                var name = requirement
                graph.plans[owner]?.requirements.forEachNode { node in
                    if node.id == requirement, case .alternatives(let children) = node.shape {
                        // By the plan's titles, the ids after them for whoever writes the choices entry.
                        if let title = node.title { name = "\(title)（\(requirement)）" }
                        if let child = children.first(where: { $0.id == option }) {
                            when = (child.title ?? child.when).map { "\($0)（\(option)）" } ?? option
                        }
                    }
                }
                let message = LocalizedText(
                    zh: "未申报 \(owner) 的“\(name)”选择：本次按 \(when) 计算（依此选择的规则结果最好）；如与考生实际不符，请在 choices 中申报 \(key): <选项>",
                    en: "no choice declared for \(owner)'s '\(requirement)': audited as \(when) (the rules under it give the best outcome); if that is not the candidate's case, declare \(key): <option> under choices")
                audit.applied.append(.init(kind: "assumed-choice", id: key, requirement: nil, records: [], message: message))
                audit.trace.append(.init(requirement: plan.plan.id, message: message))
            }
        }
        return audit
    }

    /// The verdict and what remains, without the explanation (what `batch` and `whatIf` need; same search).
    public struct Summary: Sendable, Hashable {
        /// The plan audited (with several plans in force, the one that leaves the least).
        public var planID: String
        /// The verdict under `planID`.
        public var verdict: Audit.Verdict
        /// Credits still to earn.
        public var missingCredits: Int
        /// Courses still to pass.
        public var missingCourses: Int
        /// Records that need manual review in the chosen assignment.
        public var reviewCount: Int
        /// Blocking reason codes (prior diploma, ID number).
        public var blocking: [String]
        /// The cheapest courses to pass (as in `Audit.missing`), and credits no course can provide.
        public var missing: [Audit.CourseRef]
        /// Credits still needed that no course can be named for (e.g. a total no course can reach).
        public var unresolvedCredits: Int
        /// The records that need manual review: `code evidence` (e.g. `00259 old-plan-certificate`).
        public var review: [String]
        /// The search went over its node budget and stopped: the verdict is eligible pending review (not eligible
        /// when the prior diploma blocks), nothing is claimed missing, and the office must check the case by hand.
        public var searchStopped = false
    }

    /// The reason code of an audit stopped at the search-node budget.
    public static let tooLargeReason = "audit-too-large"

    /// Turns an audit whose search went over its node budget into one for the office to check by hand: eligible
    /// pending review (not eligible only for a blocking prior-diploma reason, which does not depend on the search),
    /// never eligible, and nothing claimed missing, since the best assignment found before stopping is not proven
    /// the best. The requirement results shown are that assignment's; the reason and the trace say so.
    static func stop(_ audit: inout Audit, plan: CompiledPlan, blocking: [Audit.Reason], nodes: Int) {
        let message = LocalizedText(
            zh: "审核过大，未能完成（检索超过 \(nodes) 步后停止）：须由自考部门人工核对；下列各项要求的结果仅为停止前找到的最好安排，不一定是最终结论",
            en: "the audit was too large to finish (stopped after \(nodes) search steps): the office must check it by hand; the requirement results below are only the best assignment found before stopping, not a conclusion")
        audit.verdict = blocking.isEmpty ? .eligiblePendingReview : .notEligible
        audit.reasons = blocking + [.init(code: tooLargeReason, message: message)]
        audit.missing = .init(credits: 0, courses: 0, items: [])
        audit.trace.append(.init(requirement: plan.plan.id, message: message))
    }

    /// The verdict and counts of `audit(_:)` without the report: what a batch or a ranking needs.
    ///
    /// - Throws: ``AuditError`` when the request cannot be audited, as `audit(_:)` does.
    public func evaluate(_ request: AuditRequest) throws(AuditError) -> Summary {
        if let entry = namedPlanEntry(request) {
            let chosen = solvedPlan(request, entry: entry, detailed: false)
            return chosen.summary ?? summary(request, solved: chosen.solved)
        }
        let plans = try candidatePlans(for: request)
        try checkChoices(request, plans: plans)
        try checkDecisions(request, plans: plans)
        if plans.count > 1 {
            // The newest plan wins ties, so when it is eligible no other plan can be chosen (batch fast path).
            if let newest = self.plans.entry(plans[0].id).map({ solvedPlan(request, entry: $0, detailed: false) }) {
                let first = newest.summary ?? summary(request, solved: newest.solved)
                if first.verdict == .eligible { return first }
            }
            let (chosen, outcomes) = choose(request, among: plans)
            if let outcome = outcomes.first(where: { $0.0 === chosen }) { return outcome.1 }
        }
        guard let chosen = self.plans.entry(plans[0].id).map({ solvedPlan(request, entry: $0, detailed: false) }) else { throw .unknownPlan(plans[0].id) }
        return chosen.summary ?? summary(request, solved: chosen.solved)
    }

    func summary(_ request: AuditRequest, compiled compiledPlan: CompiledPlan) -> Summary {
        summary(request, solved: solve(request, compiled: compiledPlan, detailed: false))
    }

    /// The summary of a finished search. The same for a detailed table as for a verdict-only one: the records a
    /// verdict-only table leaves out are ones no requirement can use, and the others keep their order.
    private func summary(_ request: AuditRequest, solved: Solved) -> Summary {
        let compiledPlan = solved.plan
        let table = solved.table
        let solver = solved.solver
        let blocking = PriorDiplomaCheck.reasons(candidate: request.candidate, level: compiledPlan.majorLevel, prerequisite: compiledPlan.prerequisite,
                                                 applicationDate: request.applicationDate).map(\.code)
        let cost = solver.best?.cost ?? Cost()
        if solver.stopped {
            // Too large to finish: for the office to check by hand (see `stop`), with nothing claimed missing.
            return Summary(planID: compiledPlan.plan.id, verdict: blocking.isEmpty ? .eligiblePendingReview : .notEligible,
                           missingCredits: 0, missingCourses: 0, reviewCount: 1, blocking: blocking, missing: [], unresolvedCredits: 0,
                           review: [], searchStopped: true)
        }
        let verdict: Audit.Verdict = !blocking.isEmpty || cost.impossible > 0 || cost.credits > 0 || cost.courses > 0 ? .notEligible
            : cost.review > 0 ? .eligiblePendingReview : .eligible
        var missing: [Audit.CourseRef] = []
        var unresolved = 0
        var review: [String] = []
        func label(_ record: Int) -> String { "\(table.records[record].code) \(table.records[record].evidenceKind)" }
        // One record at a time: a `[record]` array per step was an allocation per record of the path.
        func reviewed(_ record: Int) { if table.records[record].needsReview && !review.contains(label(record)) { review.append(label(record)) } }
        for step in solver.best?.steps ?? [] {
            switch step {
            case .missing(let node, false) where solver.isUndetermined(node):
                // A 加考 course that may not apply (prior-diploma field unknown): for review, not missing.
                if compiledPlan.nodeTag[node] == .course { review.append("\(compiledPlan.codes[compiledPlan.leafCode[node]]) prior-field-unknown") }
            case .missing(let node, false):
                // The course's catalog entry by the plan's code id (`CompiledPlan.codeRef`), without copying the node.
                if compiledPlan.nodeTag[node] == .course { missing.append(compiledPlan.codeRef[compiledPlan.leafCode[node]]) }
            case .substitution(_, _, let records, let added):
                for record in records { reviewed(record) }
                missing += added.map(compiledPlan.ref)
            case .completion(let added, let residual):
                missing += added.map { compiledPlan.ref($0.code) }
                unresolved += residual.reduce(0) { $0 + $1.credits }
            case .record(_, let record, .stoppedMajorRule):
                review.append(label(record))
            case .record(_, let record, _):
                reviewed(record)
            case .mapping(_, _, let records):
                for record in records { reviewed(record) }
            case .pool(_, let records, let mapped):
                for record in records { reviewed(record) }
                for mapping in mapped { for record in mapping.records { reviewed(record) } }
            case .missing, .notChosen, .waived, .creditsOnly:
                break
            }
        }
        let missingCodes = missing.map(\.code)
        let missingCourses = max(0, cost.courses - (missingCodes.count - compiledPlan.countedCourses(in: missingCodes)))
        return Summary(planID: compiledPlan.plan.id, verdict: verdict, missingCredits: cost.credits, missingCourses: missingCourses, reviewCount: cost.review, blocking: blocking,
                       missing: missing, unresolvedCredits: unresolved, review: review)
    }

    /// The number of search nodes the solver visits auditing `request` against plan `planID` (for tests of the
    /// search's size); nil for an unknown plan.
    func searchNodes(_ request: AuditRequest, planID: String) -> Int? {
        guard let plan = compiled(planID) else { return nil }
        return solve(request, compiled: plan, detailed: false).solver.nodes
    }

    private func solve(_ request: AuditRequest, compiled plan: CompiledPlan, detailed: Bool) -> Solved {
        let table = RecordTable(request: request, plan: plan, graph: graph, detailed: detailed)
        var waived: Set<Int> = []
        var accepted: [Int: [Int]] = [:]
        var pinnedTo: [Int: Int] = [:]
        for decision in request.decisions {
            guard let node = plan.nodeByID[decision.requirement] else { continue }
            switch decision {
            case .waive:
                waived.insert(node)
            case .accept(let code, _, _):
                accepted[node, default: []] += table.records(of: code)
            case .pin(let code, _, _):
                for record in table.records(of: code) {
                    pinnedTo[record] = node
                    accepted[node, default: []].append(record)
                }
            }
        }
        // 加考 groups by the prior diploma's field. When the field is unknown (no diploma, or no field given) the audit does
        // not guess whether the field is in the list: every group is kept, and a course of it not passed is an item
        // for the county office to review (eligible pending review at best), never a missing course nor nothing.
        let groups = additionalGroups(request, plan: plan)
        var solver = Solver(plan: plan, table: table, choices: request.choices, waived: waived, accepted: accepted,
                            pinnedTo: pinnedTo, undeterminedGroups: groups.undetermined, budget: searchBudget,
                            enumerateStandIns: enumerateStandIns)
        solver.run(roots: groups.roots)
        return Solved(plan: plan, table: table, solver: solver, roots: groups.roots, additionalNotes: groups.notes)
    }

    /// Which 加考 groups apply to the candidate: the roots to audit (the plan's first), the groups that cannot be
    /// decided (prior field unknown, or unknown to the category table, or an institution-specific group without an
    /// institution) and why each group applies or not, for the explanation.
    func additionalGroups(_ request: AuditRequest, plan: CompiledPlan) -> (roots: [Int], undetermined: Set<Int>, notes: [(String, LocalizedText)]) {
        var roots = [plan.root]
        var undetermined: Set<Int> = []
        var notes: [(String, LocalizedText)] = []
        let field = request.candidate.priorDiploma?.field.trimmingSpaces() ?? ""
        let graph = self.graph
        for (group, extra) in plan.additionalRoots.enumerated() {
            let definition = plan.additionalDefinitions[group]
            if !definition.institutions.isEmpty {
                let names = definition.institutions.map(\.value)
                guard let institution = request.institution else {
                    roots.append(extra.node)
                    undetermined.insert(group)
                    continue
                }
                guard names.contains(institution) else {
                    notes.append((extra.id, .init(zh: "加考 \(extra.title ?? extra.id)：只适用于 \(names.joined(separator: "、")) 主考的考生，本次主考院校为 \(institution)，不适用",
                                                  en: "加考 \(extra.title ?? extra.id): only for candidates of \(names.joined(separator: ", ")); the institution is \(institution), so it does not apply")))
                    continue
                }
            }
            if field.isEmpty {
                roots.append(extra.node)
                undetermined.insert(group)
                continue
            }
            if definition.exceptFields.contains(field) {
                notes.append((extra.id, .init(zh: "加考 \(extra.title ?? extra.id)：前置学历专业 \(field) 是该加考的例外专业，免加考",
                                              en: "加考 \(extra.title ?? extra.id): the prior field \(field) is one of its exceptions, so it does not apply")))
                continue
            }
            let categories = graph.categories(ofField: field)
            switch extra.condition.applies(toPriorField: field, categories: { graph.categories(ofField: $0) }) {
            case true?:
                roots.append(extra.node)
                if !extra.condition.categoryNames.isEmpty {
                    let known = (categories ?? []).sorted().joined(separator: "、")
                    notes.append((extra.id, .init(zh: "加考 \(extra.title ?? extra.id)：前置学历专业 \(field) 属于 \(known)：须加考",
                                                  en: "加考 \(extra.title ?? extra.id): the prior field \(field) is in \(known), so it applies")))
                }
            case false?:
                if !extra.condition.categoryNames.isEmpty {
                    let known = (categories ?? []).sorted().joined(separator: "、")
                    notes.append((extra.id, .init(zh: "加考 \(extra.title ?? extra.id)：前置学历专业 \(field) 属于 \(known)：免加考",
                                                  en: "加考 \(extra.title ?? extra.id): the prior field \(field) is in \(known), so it does not apply")))
                }
            case nil:
                roots.append(extra.node)
                undetermined.insert(group)
            }
        }
        return (roots, undetermined, notes)
    }

    // MARK: declared choices

    /// Every declared choice of `request` that the plan(s) it would be audited against cannot apply: a requirement id
    /// that is not an `alternatives` requirement of any of them, or an option that is not one of the requirement's
    /// (in a transition window, in every plan that has the requirement). Each says what exists, the closest match and
    /// how to fix it. Sorted by requirement id. Throws what `audit(_:)` throws when there is no plan to check against.
    /// The candidate's attributes that no curriculum file declares (`candidate-attributes`), each with a message
    /// listing the declared ones. An unknown attribute can never satisfy a condition (`only-if: {attribute: …}`),
    /// so a misspelt 港澳台 would silently change nothing: callers report these as input errors.
    public func attributeProblems(_ request: AuditRequest) -> [(attribute: String, message: LocalizedText)] {
        let declared = graph.candidateAttributes.keys.sorted()
        let list = declared.isEmpty ? LocalizedText(zh: "课程数据未声明任何考生属性", en: "the curricula declare no candidate attributes")
            : .init(zh: "已声明的考生属性：\(declared.joined(separator: "、"))", en: "declared candidate attributes: \(declared.joined(separator: ", "))")
        return request.candidate.attributes.filter { graph.candidateAttributes[$0] == nil }.map { attribute in
            (attribute, LocalizedText(zh: "考生属性“\(attribute)”未在课程数据中声明（candidate-attributes），不会影响审核；\(list.zh)",
                                      en: "candidate attribute '\(attribute)' is not declared in the curricula (candidate-attributes) and cannot affect the audit; \(list.en)"))
        }
    }

    /// Every declared choice (`AuditRequest.choices`) that names no `alternatives` requirement of the plans in force, or
    /// no option of it, each with what exists; empty when every choice applies.
    public func choiceProblems(_ request: AuditRequest) throws(AuditError) -> [ChoiceProblem] {
        guard !request.choices.isEmpty else { return [] }
        return choiceProblems(request, plans: try candidatePlans(for: request))
    }

    private func checkChoices(_ request: AuditRequest, plans: [Plan]) throws(AuditError) {
        guard !request.choices.isEmpty else { return }
        if let problem = choiceProblems(request, plans: plans).first { throw .invalidChoice(problem) }
    }

    private func choiceProblems(_ request: AuditRequest, plans: [Plan]) -> [ChoiceProblem] {
        let compiledPlans = plans.compactMap { compiled($0.id) }
        let planNames = compiledPlans.map(\.plan.id)
        /// Every `alternatives` requirement of the plans: id and options (id and `when`), first occurrence.
        var alternatives: [(id: String, options: [(id: String, when: String?)])] = []
        for plan in compiledPlans {
            for index in plan.nodes.indices where plan.nodeTag[index] == .alternatives && !alternatives.contains(where: { $0.id == plan.nodes[index].id }) {
                alternatives.append((plan.nodes[index].id, plan.nodeChildren[index].map { (plan.nodes[$0].id, plan.nodes[$0].when) }))
            }
        }
        func describe(_ option: (id: String, when: String?)) -> String { option.when.map { "\(option.id)（\($0)）" } ?? option.id }
        func describeEn(_ option: (id: String, when: String?)) -> String { option.when.map { "\(option.id) (\($0))" } ?? option.id }
        let planList = LocalizedText(zh: planNames.joined(separator: "、"), en: planNames.joined(separator: ", "))
        var problems: [ChoiceProblem] = []
        for (requirement, option) in request.choices.sorted(by: { $0.key < $1.key }) {
            // `PLAN/REQUIREMENT`: the candidate's option in another plan (e.g. the old plan's track), which a condition
            // of these plans depends on.
            if let slash = requirement.firstIndex(of: "/") {
                let owner = String(requirement[..<slash])
                let id = String(requirement[requirement.index(after: slash)...])
                let referenced = plans.contains { plan in
                    plan.conditions().contains { $0.choice?.plan?.value == owner && $0.choice?.requirement.value == id }
                }
                var options: [String] = []
                graph.plans[owner]?.requirements.forEachNode { node in
                    if node.id == id, case .alternatives(let children) = node.shape { options = children.map(\.id) }
                }
                if referenced && options.contains(option) { continue }
                problems.append(ChoiceProblem(requirement: requirement, option: option, isUnknownRequirement: !referenced || options.isEmpty, message: .init(
                    zh: referenced ? "choices：“\(option)”不是 \(requirement) 的选项；可选：\(options.joined(separator: "、"))"
                        : "choices：\(requirement) 不是考试计划 \(planList.zh) 的规则所依据的其他计划的选择项；请删去这一项",
                    en: referenced ? "choices: '\(option)' is not an option of \(requirement); options: \(options.joined(separator: ", "))"
                        : "choices: \(requirement) is not another plan's choice that a rule of plan \(planList.en) depends on; remove this entry")))
                continue
            }
            var found: [(plan: CompiledPlan, node: Int)] = []
            var otherKind: String?
            for plan in compiledPlans {
                for index in plan.nodes.indices where plan.nodes[index].id == requirement {
                    if plan.nodeTag[index] == .alternatives { found.append((plan, index)) } else { otherKind = otherKind ?? plan.nodeKindName[index] }
                }
            }
            guard !found.isEmpty else {
                let existing = LocalizedText(
                    zh: alternatives.isEmpty ? "考试计划 \(planList.zh) 没有可由考生声明的选择项（alternatives），请删去 choices 中的这一项"
                        : "本计划的选择项：\(alternatives.map { "\($0.id)（选项：\($0.options.map(describe).joined(separator: "、"))）" }.joined(separator: "；"))；请改为其中之一，或删去这一项",
                    en: alternatives.isEmpty ? "plan \(planList.en) has no alternatives a candidate can declare; remove this entry from 'choices'"
                        : "the plan's alternatives: \(alternatives.map { "\($0.id) (options: \($0.options.map(describeEn).joined(separator: ", ")))" }.joined(separator: "; ")); write one of them, or remove this entry")
                let hint = Suggestion.closest(to: requirement, among: alternatives.map(\.id))
                let hintText = hint.map { LocalizedText(zh: "是不是 \($0)？", en: "did you mean '\($0)'? ") } ?? LocalizedText(zh: "", en: "")
                let kind = otherKind.map { LocalizedText(zh: "是 \($0) 要求，不是由考生声明的选择项（alternatives；系统会自动选出最有利的课程）",
                                                         en: "is a \($0) requirement, not alternatives a candidate declares (the audit picks the best courses itself)") }
                    ?? LocalizedText(zh: "不是考试计划 \(planList.zh) 中的选择项（alternatives）要求", en: "is not an alternatives requirement of plan \(planList.en)")
                problems.append(ChoiceProblem(requirement: requirement, option: option, isUnknownRequirement: true, message: .init(
                    zh: "choices：\(requirement) \(kind.zh)；\(hintText.zh)\(existing.zh)",
                    en: "choices: '\(requirement)' \(kind.en); \(hintText.en)\(existing.en)")))
                continue
            }
            for (plan, node) in found {
                let options = plan.nodeChildren[node].map { (id: plan.nodes[$0].id, when: plan.nodes[$0].when) }
                guard !options.contains(where: { $0.id == option }) else { continue }
                // Written as the plan words the situation (考外语者) instead of the option's id: name that option.
                let hint = options.first { $0.when == option }?.id ?? Suggestion.closest(to: option, among: options.map(\.id))
                let hintText = hint.map { LocalizedText(zh: "是不是 \($0)？", en: "did you mean '\($0)'? ") } ?? LocalizedText(zh: "", en: "")
                problems.append(ChoiceProblem(requirement: requirement, option: option, isUnknownRequirement: false, message: .init(
                    zh: "choices：“\(option)”不是选择项 \(requirement) 的选项（考试计划 \(plan.plan.id)）；\(hintText.zh)可选：\(options.map(describe).joined(separator: "、"))；请写选项编号，或删去这一项由系统比较各选项",
                    en: "choices: '\(option)' is not an option of \(requirement) (plan \(plan.plan.id)); \(hintText.en)options: \(options.map(describeEn).joined(separator: ", ")); write the option's id, or remove the entry to let the audit compare every option")))
                break
            }
        }
        return problems
    }

    // MARK: office decisions

    /// Every office decision of `request` whose requirement id (`waive:` or `for:`) is not a requirement of the
    /// plan(s) it would be audited against (in a transition window: of none of the plans in force), with the ids that
    /// exist, the closest one and how to fix it; in the order of `request.decisions`. A decision is never dropped
    /// silently: `audit(_:)` and `evaluate(_:)` throw `AuditError.invalidDecision` for the first.
    public func decisionProblems(_ request: AuditRequest) throws(AuditError) -> [DecisionProblem] {
        guard !request.decisions.isEmpty else { return [] }
        return decisionProblems(request, plans: try candidatePlans(for: request))
    }

    private func checkDecisions(_ request: AuditRequest, plans: [Plan]) throws(AuditError) {
        guard !request.decisions.isEmpty else { return }
        if let problem = decisionProblems(request, plans: plans).first { throw .invalidDecision(problem) }
    }

    private func decisionProblems(_ request: AuditRequest, plans: [Plan]) -> [DecisionProblem] {
        let compiledPlans = plans.compactMap { compiled($0.id) }
        let planNames = compiledPlans.map(\.plan.id)
        var ids: [String] = []
        for plan in compiledPlans {
            for node in plan.nodes where !ids.contains(node.id) { ids.append(node.id) }
        }
        let shown = ids.prefix(60)
        let more = ids.count > shown.count ? "…" : ""
        var problems: [DecisionProblem] = []
        for (index, decision) in request.decisions.enumerated() {
            let requirement = decision.requirement
            guard !compiledPlans.contains(where: { $0.nodeByID[requirement] != nil }) else { continue }
            let hint = Suggestion.closest(to: requirement, among: ids)
            let hintText = hint.map { LocalizedText(zh: "是不是 \($0)？", en: "did you mean '\($0)'? ") } ?? LocalizedText(zh: "", en: "")
            let what: LocalizedText = switch decision {
            case .waive: .init(zh: "waive: \(requirement)", en: "waive: \(requirement)")
            case .accept(let code, _, _): .init(zh: "accept: \(code) for: \(requirement)", en: "accept: \(code) for: \(requirement)")
            case .pin(let code, _, _): .init(zh: "pin: \(code) for: \(requirement)", en: "pin: \(code) for: \(requirement)")
            }
            problems.append(DecisionProblem(index: index, requirement: requirement, message: .init(
                zh: "decisions：县（市、区）自考部门的决定（\(what.zh)）中的要求编号 \(requirement) 不是考试计划 \(planNames.joined(separator: "、")) 中的要求，此决定无法采用；\(hintText.zh)本计划的要求编号：\(shown.joined(separator: "、"))\(more)；请改为其中之一（waive 或 for 写要求编号，不是课程名称），或删去这一决定",
                en: "decisions: the county office decision (\(what.en)) names requirement '\(requirement)', which is not a requirement of plan \(planNames.joined(separator: ", ")), so it cannot be applied; \(hintText.en)the plan's requirement ids: \(shown.joined(separator: ", "))\(more); write one of them ('waive' and 'for' take a requirement id), or remove the decision")))
        }
        return problems
    }

    // MARK: what-if

    /// One row of a what-if ranking.
    public struct Ranking: Sendable, Hashable, Codable {
        /// The ranked major.
        public var major: MajorKey
        /// The major's name.
        public var name: String
        /// The major's level (专科 or 本科).
        public var level: Level
        /// The plan the outcome is under.
        public var planID: String
        /// The verdict under `planID`.
        public var verdict: Audit.Verdict
        /// Credits still to earn under `planID`.
        public var missingCredits: Int
        /// Courses still to pass under `planID`.
        public var missingCourses: Int
        /// The declared choices (requirement ids) that did not apply to this major: its plans in force have no such
        /// `alternatives` requirement, or not that option. The ranking compares every option there instead.
        public var unappliedChoices: [String] = []
    }

    /// Audits the candidate against every major with a plan in force (optionally of one institution or level)
    /// and ranks them by what remains: eligible first, then fewest missing credits, then fewest courses.
    ///
    /// Declared `choices` (考外语者 / 不考外语者, keyed by requirement id) are applied to each major whose plans in
    /// force have that `alternatives` requirement and option; a row lists the choices that did not apply to it
    /// (`Ranking.unappliedChoices`). Office decisions are not taken: they are made for one plan (see `audit`).
    public func whatIf(candidate: Candidate, records: [CourseRecord], on date: CivilDate,
                       province: String? = nil, institution: String? = nil, level: Level? = nil,
                       choices: [String: String] = [:]) -> [Ranking] {
        var rows: [Ranking] = []
        for major in graph.majors.values.sorted(by: { $0.key < $1.key }) {
            if let province, major.province != province { continue }
            if let institution, !major.institutions.contains(where: { $0.value == institution }) { continue }
            if let level, major.level != level && !(level.isBachelor && major.level.isBachelor) { continue }
            let plans = graph.plansInForce(for: major, on: date, institution: institution)
            guard !plans.isEmpty else { continue }
            var request = AuditRequest(candidate: candidate, records: records, major: major.key, institution: institution,
                                       applicationDate: date, choices: choices)
            var unapplied = Set(choiceProblems(request, plans: plans).map(\.requirement))
            for requirement in unapplied { request.choices[requirement] = nil }
            let (chosen, _) = choose(request, among: plans)
            // In a transition window a choice may be for the other plan only.
            for requirement in request.choices.keys where chosen.nodeByID[requirement].map({ chosen.nodeTag[$0] != .alternatives }) ?? true {
                unapplied.insert(requirement)
            }
            let audit = audit(request, compiled: chosen)
            rows.append(Ranking(major: major.key, name: major.name, level: major.level, planID: chosen.plan.id, verdict: audit.verdict,
                                missingCredits: audit.missing.credits, missingCourses: audit.missing.courses,
                                unappliedChoices: unapplied.sorted()))
        }
        func rank(_ verdict: Audit.Verdict) -> Int { Self.rank(verdict) }
        return rows.sorted {
            (rank($0.verdict), $0.missingCredits, $0.missingCourses, $0.major) < (rank($1.verdict), $1.missingCredits, $1.missingCourses, $1.major)
        }
    }

    // MARK: application

    /// Application-level checks: at most the province's number of examining institutions (seed: two).
    public func checkApplication(province: String, institutions: [String]) -> [Audit.Reason] {
        let limit = graph.provinces[province]?.maxInstitutionsPerApplication ?? Province.defaultMaxInstitutions
        let distinct = Array(Set(institutions)).sorted()
        guard distinct.count > limit else { return [] }
        return [.init(code: "too-many-institutions", message: .init(
            zh: "一次毕业申请最多可选择 \(limit) 所主考院校，现选了 \(distinct.count) 所（\(distinct.joined(separator: "、"))）",
            en: "one application may name at most \(limit) examining institutions; it names \(distinct.count) (\(distinct.joined(separator: ", ")))"))]
    }
}


/// The compiled form of each plan (and its condition variants), built once on first use and shared by every thread.
/// Building holds the lock: each plan is compiled exactly once, and a compile takes well under a millisecond.
final class PlanCache: @unchecked Sendable {
    struct Entry {
        let plan: CompiledPlan
        let variants: [AuditEngine.Variant]
    }

    private let graph: CurriculumGraph
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    init(graph: CurriculumGraph) {
        self.graph = graph
    }

    func entry(_ planID: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[planID] { return entry }
        guard let plan = graph.plans[planID], let major = graph.majors[plan.major] else { return nil }
        let entry = Entry(plan: CompiledPlan(plan: plan, major: major, graph: graph), variants: Self.variants(of: plan, major: major, graph: graph))
        entries[planID] = entry
        return entry
    }

    private static func variants(of plan: Plan, major: Major, graph: CurriculumGraph) -> [AuditEngine.Variant] {
        let provinceMappings = CompiledPlanBuilder.provinceMappings(for: major, graph: graph)
        guard !plan.conditions(with: provinceMappings).isEmpty else { return [] }
        let attributes = plan.conditionAttributes(provinceMappings: provinceMappings)
        let choices = plan.conditionChoices(graph: graph, provinceMappings: provinceMappings)
        var combinations: [[String: String]] = [[:]]
        for choice in choices {
            combinations = combinations.flatMap { partial in choice.options.map { partial.merging([choice.key: $0]) { $1 } } }
        }
        guard (1 << attributes.count) * combinations.count <= AuditEngine.variantLimit else { return [] }
        var list: [AuditEngine.Variant] = []
        for mask in 0..<(1 << attributes.count) {
            let held = Set(attributes.indices.filter { mask & (1 << $0) != 0 }.map { attributes[$0] })
            for combination in combinations {
                let (specialized, mappings) = plan.specialized(attributes: held, choices: combination, provinceMappings: provinceMappings)
                list.append(AuditEngine.Variant(attributes: held, relevantAttributes: Set(attributes), choices: combination,
                                                plan: CompiledPlan(plan: specialized, major: major, graph: graph, provinceMappings: mappings,
                                                                   isVariant: true)))
            }
        }
        return list
    }
}
