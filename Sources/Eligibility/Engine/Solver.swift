import CurriculumDSL

/// The lexicographic objective: no impossible part first (a requirement no course can complete), then fewest
/// missing credits, then fewest missing courses, then fewest records that need manual review.
struct Cost: Sendable, Comparable {
    var impossible = 0
    var credits = 0
    var courses = 0
    var review = 0

    static func < (lhs: Cost, rhs: Cost) -> Bool {
        (lhs.impossible, lhs.credits, lhs.courses, lhs.review) < (rhs.impossible, rhs.credits, rhs.courses, rhs.review)
    }
}

/// How a record came to stand for a course requirement.
enum Via: Sendable, Hashable {
    case direct
    case equivalence
    case decision(String)
    case stoppedMajorRule
}

/// One decision of the search, replayed to build the audit.
enum Step: Sendable {
    case record(node: Int, record: Int, via: Via)
    case mapping(node: Int, rule: Int, records: [Int])
    /// The course is not passed and must be taken; `conflict` when it was passed but is used elsewhere (or
    /// already counted), so taking it again cannot help.
    case missing(node: Int, conflict: Bool)
    /// The passed records a pool uses, and the pool courses that mapping rules stand in for (old records → target).
    case pool(node: Int, records: [Int], mapped: [PoolMapping])
    case substitution(node: Int, option: Int, records: [Int], added: [CourseCode])
    case notChosen(node: Int)
    case waived(node: Int)
    /// The cheapest courses to add to pools (`pool` nil: for the plan's totals), and what no course can provide.
    case completion(added: [(pool: Int?, code: CourseCode)], residual: [(pool: Int?, credits: Int, courses: Int)])
    /// Old results counted toward the plan's totals by credits-only rules (satisfying no course).
    case creditsOnly([(rule: Int, record: Int)])
}

/// A pool course met through a mapping rule: the old records the rule uses and the new course they stand for.
struct PoolMapping: Sendable {
    var rule: Int
    /// The rule's new courses that are courses of the pool (e.g. a theory course and its practice component).
    var targets: [Int]
    var records: [Int]
}

/// Exhaustive branch-and-bound search for the assignment of records to requirements that completes the plan
/// with the least left to do. Complete: every way a record can serve a requirement is an option; options are
/// skipped only when they cannot beat the best assignment found (bound) or are dominated (a record that nothing
/// else can use is always taken). Deterministic: options are tried in a fixed order and the first best wins.
/// Works on the plan's integer tables (code ids, node ids) so the hot path neither hashes nor allocates much.
struct Solver {
    let plan: CompiledPlan
    let table: RecordTable
    let choices: [String: String]
    /// Per node: waived by an office decision. Empty when nothing is waived.
    let waived: [Bool]
    let accepted: [Int: [Int]]
    /// A pinned record may be used only by its node.
    let pinnedTo: [Int: Int]
    /// 加考 groups (indices into `plan.additionalRoots`) that may or may not apply because the candidate's prior-diploma
    /// field is unknown: a course of theirs not passed is not a missing course but an item for the county office
    /// to review (so it costs review, not credits).
    let undeterminedGroups: Set<Int>
    /// How many places could use each record; 1 means uncontested.
    private var consumers: [Int]
    /// Under the stopped-major rule, the records that nothing but the rule can use (no requirement, pool,
    /// substitution or mapping names their code; not accepted by a decision nor pinned), sorted by (credits, index):
    /// the only stand-ins the search offers are the first unused one of these with enough credits (see `course`).
    private let standIns: [Int]
    /// Search nodes visited (for tests of the search's size).
    private(set) var nodes = 0
    /// The last guard against a search too large to finish: after this many nodes the search stops, `stopped` is
    /// set, and the audit is returned for review by hand (`AuditEngine`), never as a verdict the search did not
    /// prove. Under the budget nothing changes, so the answer stays exact. See `defaultBudget`.
    let budget: Int
    /// The search went over `budget` and stopped: `best` is only the best assignment found before, not proven optimal.
    private(set) var stopped = false
    /// 1,000,000 nodes. Measured (`swift test`, with a temporary print of every search over 20,000 nodes): the
    /// adversarial transcript of every bundled plan (every related code passed, as `audit-benchmark --adversarial
    /// curricula`; `StoppedMajorSearchTests`) takes at most 73 nodes (JS-2025-050107T; JS-2025-090502 took 4,154 before
    /// pools took the records nothing ahead can use, `onlyThisPoolCanUse`); the largest audit of the whole test suite is
    /// a small random unsatisfiable plan of the property tests at 65,085 nodes. So a normal audit stays 15× (bundled
    /// plans 10,000×) below it. A debug build visits roughly 100–200k nodes/s, so a stopped audit costs seconds at most
    /// instead of minutes (the synthetic curriculum's 42-record stopped-major transcript did not finish with
    /// 100,000,000 nodes).
    static let defaultBudget = 1_000_000

    private var used: [Bool]
    /// The old records each applied rule uses on this path (nil: not applied). Empty until a rule is first applied
    /// (`apply(_:records:)`): most audits apply none, and then no array per rule is made.
    private var ruleRecords: [[Int]?] = []
    /// The new courses each applied rule already stands for on this path, as (rule, new course) in the order applied
    /// (a stack: one list, not an array per rule made for every audit).
    private var ruleTokens: [(rule: Int, target: Int)] = []
    private var steps: [Step] = []
    private var cost = Cost()
    private var countedCredits = 0
    private var countedCourses = 0
    private var poolsOnPath: [PoolState] = []
    /// Code ids added as missing on the current path.
    private var added: [Bool]
    private(set) var best: (cost: Cost, steps: [Step])?
    /// Course nodes left open on this path under the stopped-major rule (`CompiledPlan.deferrable`), with the index of
    /// their placeholder step; decided together when the path is complete (`resolveOpen`, `StandInAssignment`).
    private var open: [(node: Int, step: Int)] = []
    /// How many of `open` cannot be met without a review or a missing course whatever the assignment (no record of
    /// their own, by decision or by mapping was passed): a lower bound the search adds to its cost when pruning.
    private var openFloor = 0
    /// Nodes whose review is already in `openFloor` from the start (`countMandatoryFloor`); empty when there is no
    /// floor (a plan without the stopped-major rule, or the reference search).
    private var floorCounted: [Bool]
    /// Records a credits-only rule would count toward the totals when nothing else uses them (see `resolveOpen`).
    private let creditsOnlyRecords: [Bool]
    /// The search as it was before the assignment: every stand-in offered at every course as the search goes (the
    /// exponential enumeration), and no bound from the courses every path must pay for (`countMandatoryFloor`) —
    /// kept as the reference the tests compare the faster search with.
    let enumerateStandIns: Bool

    init(plan: CompiledPlan, table: RecordTable, choices: [String: String],
         waived: Set<Int>, accepted: [Int: [Int]], pinnedTo: [Int: Int], undeterminedGroups: Set<Int> = [],
         budget: Int = Solver.defaultBudget, enumerateStandIns: Bool = false) {
        self.plan = plan
        self.budget = budget
        self.enumerateStandIns = enumerateStandIns
        self.undeterminedGroups = undeterminedGroups
        self.table = table
        self.choices = choices
        // Empty when nothing is waived (most audits): no array per audit.
        var waivedFlags: [Bool] = []
        if !waived.isEmpty {
            waivedFlags = Array(filledWith: false, count: plan.nodeTag.count)
            for node in waived { waivedFlags[node] = true }
        }
        self.waived = waivedFlags
        self.accepted = accepted
        self.pinnedTo = pinnedTo
        used = Array(filledWith: false, count: table.records.count)
        added = Array(filledWith: false, count: plan.codes.count)
        floorCounted = plan.stoppedMajorRule && !enumerateStandIns ? Array(filledWith: false, count: plan.nodeTag.count) : []
        var consumers = table.records.map { $0.codeID >= 0 ? plan.consumersOfCode[$0.codeID] : 0 }
        for records in accepted.values { for record in records { consumers[record] += 1 } }
        var standIns: [Int] = []
        if plan.stoppedMajorRule {
            let bound = Set(accepted.values.joined()).union(pinnedTo.keys)
            standIns = consumers.indices.filter { consumers[$0] == 0 && !bound.contains($0) }
                .sorted { (table.records[$0].credits, $0) < (table.records[$1].credits, $1) }
            for index in consumers.indices { consumers[index] += 2 }
        }
        self.standIns = standIns
        self.consumers = consumers
        var creditsOnlyRecords = Array(filledWith: false, count: plan.stoppedMajorRule ? table.records.count : 0)
        if plan.stoppedMajorRule {
            for rule in plan.creditsOnlyRules {
                for slot in plan.ruleSlotIDs[rule] {
                    for code in slot {
                        let record = table.recordOfCode[code]
                        if record >= 0, table.records[record].counts(in: plan.rules[rule].window) { creditsOnlyRecords[record] = true }
                    }
                }
            }
        }
        self.creditsOnlyRecords = creditsOnlyRecords
    }

    mutating func run(roots: [Int]) {
        steps.reserveCapacity(plan.nodes.count + 4)
        var stack: [Int] = []
        stack.reserveCapacity(plan.nodes.count + roots.count)
        stack.append(contentsOf: roots.reversed())
        if !floorCounted.isEmpty { countMandatoryFloor(roots) }
        search(&stack)
    }

    // MARK: search

    private mutating func search(_ stack: inout [Int]) {
        guard !stopped else { return }
        nodes += 1
        guard nodes <= budget else {
            stopped = true
            return
        }
        if let best {
            var bound = cost
            bound.review += openFloor
            if !(bound < best.cost) { return }
        }
        guard let node = stack.popLast() else {
            finish()
            return
        }
        if !waived.isEmpty && waived[node] {
            let counts = plan.nodeCounts[node]
            let contribution = plan.waivedContribution(node)
            if counts { countedCredits += contribution.credits; countedCourses += contribution.courses }
            steps.append(.waived(node: node))
            search(&stack)
            steps.removeLast()
            if counts { countedCredits -= contribution.credits; countedCourses -= contribution.courses }
        } else {
            expand(node, &stack)
            if plan.hasSubstitution[node], let options = plan.substitutionMatchIDs[node] {
                for option in options.indices { substitute(node, option: option, &stack) }
            }
        }
        stack.append(node)
    }

    private mutating func expand(_ node: Int, _ stack: inout [Int]) {
        switch plan.nodeTag[node] {
        case .course:
            course(node, &stack)
        case .allOf:
            let depth = stack.count
            for position in plan.childTable.range(node).reversed() { stack.append(plan.childTable.values[position]) }
            search(&stack)
            stack.removeSubrange(depth...)
        case .choose:
            // Children are read from the flat table by position: holding a row of `[[Int]]` would retain the
            // shared array (see `FlatTable`).
            let children = plan.childTable.range(node)
            let count = plan.nodeChoose[node]
            if count >= children.count {
                let depth = stack.count
                for position in children.reversed() { stack.append(plan.childTable.values[position]) }
                search(&stack)
                stack.removeSubrange(depth...)
            } else {
                for combination in Combinations(count: children.count, choose: count) {
                    choose(children, taking: combination, &stack)
                }
            }
        case .alternatives:
            let children = plan.childTable.range(node)
            if !choices.isEmpty, let declared = choices[plan.nodes[node].id],
               let option = (0..<children.count).first(where: { plan.nodes[plan.childTable.values[children.lowerBound + $0]].id == declared }) {
                choose(children, only: option, &stack)
            } else {
                for option in 0..<children.count { choose(children, only: option, &stack) }
            }
        case .pool:
            pool(node, &stack)
        }
    }

    /// `children`: the node's row of `plan.childTable`; `taking`: offsets in it.
    private mutating func choose(_ children: Range<Int>, taking: [Int], _ stack: inout [Int]) {
        let mark = steps.count
        for position in 0..<children.count where !taking.contains(position) {
            steps.append(.notChosen(node: plan.childTable.values[children.lowerBound + position]))
        }
        let depth = stack.count
        for position in taking.reversed() { stack.append(plan.childTable.values[children.lowerBound + position]) }
        search(&stack)
        stack.removeSubrange(depth...)
        steps.removeSubrange(mark...)
    }

    /// The records rule `rule` uses on this path, nil when it is not applied.
    private func appliedRecords(_ rule: Int) -> [Int]? { ruleRecords.isEmpty ? nil : ruleRecords[rule] }

    /// Applies rule `rule` with `records` on this path, or (nil) takes it back.
    private mutating func apply(_ rule: Int, records: [Int]?) {
        if ruleRecords.isEmpty {
            guard records != nil else { return }
            ruleRecords = Array(filledWith: nil, count: plan.rules.count)
        }
        ruleRecords[rule] = records
    }

    /// `choose(_:taking:_:)` for one option (an alternative), without an array per option.
    private mutating func choose(_ children: Range<Int>, only taken: Int, _ stack: inout [Int]) {
        let mark = steps.count
        for position in 0..<children.count where position != taken {
            steps.append(.notChosen(node: plan.childTable.values[children.lowerBound + position]))
        }
        let depth = stack.count
        stack.append(plan.childTable.values[children.lowerBound + taken])
        search(&stack)
        stack.removeSubrange(depth...)
        steps.removeSubrange(mark...)
    }

    private func usable(_ record: Int, by node: Int) -> Bool {
        !used[record] && (pinnedTo.isEmpty || pinnedTo[record].map { $0 == node } ?? true)
            && (!plan.hasWindows || table.records[record].counts(in: plan.nodeWindow[node]))
    }

    private mutating func course(_ node: Int, _ stack: inout [Int]) {
        if plan.stoppedMajorRule, !enumerateStandIns, plan.deferrable[node] {
            // Mapping rules the assignment cannot apply (several old records or new courses) are options here.
            for (rule, target) in plan.rulesForNode[node] where !plan.simpleRule[rule] {
                mapped(node, rule: rule, target: target, &stack)
            }
            // The rest is decided with the other open courses once the path is complete (`resolveOpen`); a placeholder
            // keeps the step's place so the audit lists it where the tree has it.
            let floor = floorCounted[node] || hasRecordOfItsOwn(node) ? 0 : 1
            open.append((node, steps.count))
            openFloor += floor
            steps.append(.missing(node: node, conflict: false))
            search(&stack)
            steps.removeLast()
            openFloor -= floor
            open.removeLast()
            return
        }
        // Decided here: its share of the bound (`countMandatoryFloor`) becomes its real cost below.
        let floored = !floorCounted.isEmpty && floorCounted[node]
        if floored { openFloor -= 1 }
        defer { if floored { openFloor += 1 } }
        let credits = plan.nodeCredits[node]
        let weight = plan.nodeWeight[node]
        let leaf = plan.leafCode[node]
        let matches = plan.leafMatchTable.range(node)
        for position in matches {
            let code = plan.leafMatchTable.values[position]
            let record = table.recordOfCode[code]
            guard record >= 0, usable(record, by: node) else { continue }
            take(node, record: record, via: code == leaf ? .direct : .equivalence, credits: credits, weight: weight, &stack)
            if consumers[record] <= 1, !table.records[record].needsReview { return }
        }
        /// Whether a record was already offered above (it matches the leaf's code or an equivalent).
        func matched(_ record: Int) -> Bool { matches.contains { table.recordOfCode[plan.leafMatchTable.values[$0]] == record } }
        if !accepted.isEmpty, let extra = accepted[node] {
            for record in extra where usable(record, by: node) && !matched(record) {
                take(node, record: record, via: .decision(plan.nodes[node].id), credits: credits, weight: weight, &stack)
            }
        }
        for (rule, target) in plan.rulesForNode[node] {
            mapped(node, rule: rule, target: target, &stack)
        }
        if plan.stoppedMajorRule {
            // Records that something else can use: every one is an option.
            for record in table.records.indices where consumers[record] > 2 && usable(record, by: node) && table.records[record].credits >= credits
                && !matched(record) && !(accepted.isEmpty ? false : accepted[node]?.contains(record) ?? false) {
                take(node, record: record, via: .stoppedMajorRule, credits: credits, weight: weight, &stack, review: true)
            }
            // Records only the rule can use (`standIns`): one option, the unused one with the fewest credits that are
            // enough, the lowest index among equals. Exact: such a record affects the cost only through which
            // courses it stands in for (each stand-in costs one review, whatever its credits or evidence), so in any
            // assignment of the rest of the path, if this course uses another such record s' (credits c' ≥ c, the
            // chosen record s having c ≥ credits) and s is used by a later course (needing ≤ c ≤ c') or not at all,
            // exchanging s and s' gives a valid assignment of the same cost. Applied course by course along an
            // optimal path this yields an optimal path that the search still visits, and the search keeps the first
            // best path it meets, so the result stays optimal and deterministic. Without this, k missing courses and
            // m such records make m!/(m-k)! equivalent branches.
            if let record = standIns.first(where: { !used[$0] && table.records[$0].credits >= credits }) {
                take(node, record: record, via: .stoppedMajorRule, credits: credits, weight: weight, &stack, review: true)
            }
        }
        // Not passed: the course must still be taken — unless it is passed (used elsewhere) or already to be
        // taken for another requirement, since a course counts once.
        // A record outside the node's pass-date window does not make a conflict: the course must be passed again.
        let conflict = added[leaf] || matches.contains {
            let record = table.recordOfCode[plan.leafMatchTable.values[$0]]
            return record >= 0 && (!plan.hasWindows || table.records[record].counts(in: plan.nodeWindow[node]))
        }
        let counts = plan.nodeCounts[node]
        if isUndetermined(node) {
            // A 加考 course that may not be required (prior-diploma field unknown): for the county office to decide.
            cost.review += 1
            steps.append(.missing(node: node, conflict: false))
            search(&stack)
            steps.removeLast()
            cost.review -= 1
            return
        }
        if conflict { cost.impossible += 1 } else { cost.credits += credits; cost.courses += 1 }
        if counts && !conflict { countedCredits += credits; countedCourses += weight }
        let wasAdded = added[leaf]
        added[leaf] = true
        steps.append(.missing(node: node, conflict: conflict))
        search(&stack)
        steps.removeLast()
        added[leaf] = wasAdded
        if counts && !conflict { countedCredits -= credits; countedCourses -= weight }
        if conflict { cost.impossible -= 1 } else { cost.credits -= credits; cost.courses -= 1 }
    }

    /// Whether `node` belongs to a 加考 group that may not apply (see `undeterminedGroups`).
    func isUndetermined(_ node: Int) -> Bool {
        !undeterminedGroups.isEmpty && node >= 0 && node < plan.nodeAdditionalGroup.count && undeterminedGroups.contains(plan.nodeAdditionalGroup[node])
    }

    private mutating func take(_ node: Int, record: Int, via: Via, credits: Int, weight: Int, _ stack: inout [Int], review: Bool = false) {
        let counts = plan.nodeCounts[node]
        let reviewCount = (table.records[record].needsReview || review) ? 1 : 0
        used[record] = true
        cost.review += reviewCount
        if counts { countedCredits += credits; countedCourses += weight }
        steps.append(.record(node: node, record: record, via: via))
        search(&stack)
        steps.removeLast()
        if counts { countedCredits -= credits; countedCourses -= weight }
        cost.review -= reviewCount
        used[record] = false
    }

    /// For each old course (slot) of `rule`, the record `node` may use — passed in the rule's window, an electronic
    /// result preferred to one needing review — or none. `ignoringUse`: a keeps-old rule reads records others use.
    private func slotRecords(_ rule: Int, for node: Int, ignoringUse: Bool = false) -> [Int] {
        var result: [Int] = []
        for slot in plan.ruleSlotIDs[rule] {
            var chosen: Int?
            for code in slot {
                let record = table.recordOfCode[code]
                guard record >= 0, ignoringUse || usable(record, by: node), table.records[record].counts(in: plan.rules[rule].window) else { continue }
                if chosen == nil || (table.records[chosen ?? record].needsReview && !table.records[record].needsReview) { chosen = record }
            }
            if let chosen { result.append(chosen) }
        }
        return result
    }

    private mutating func mapped(_ node: Int, rule: Int, target: Int, _ stack: inout [Int]) {
        let credits = plan.nodeCredits[node]
        let weight = plan.nodeWeight[node]
        let counts = plan.nodeCounts[node]
        if let records = appliedRecords(rule) {
            guard !ruleTokens.contains(where: { $0.rule == rule && $0.target == target }) else { return }
            ruleTokens.append((rule, target))
            if counts { countedCredits += credits; countedCourses += weight }
            steps.append(.mapping(node: node, rule: rule, records: records))
            search(&stack)
            steps.removeLast()
            if counts { countedCredits -= credits; countedCourses -= weight }
            ruleTokens.removeLast()
            return
        }
        let need = plan.rules[rule].need
        // Most rules have fewer old courses passed than they need (none, usually): nothing to try, and no array made.
        var passedSlots = 0
        for slot in plan.ruleSlotIDs[rule] where slot.contains(where: { table.recordOfCode[$0] >= 0 }) { passedSlots += 1 }
        guard passedSlots >= need else { return }
        // A keeps-old rule reads the old results without using them up: any passed one in its window will do, and one
        // combination is as good as another.
        let keepsOld = plan.rules[rule].keepsOld
        let slotRecords = slotRecords(rule, for: node, ignoringUse: keepsOld)
        guard slotRecords.count >= need else { return }
        for combination in Combinations(count: slotRecords.count, choose: need) {
            let records = combination.map { slotRecords[$0] }
            let reviewCount = records.filter { table.records[$0].needsReview }.count
            let wasUsed = records.map { used[$0] }
            if !keepsOld { for record in records { used[record] = true } }
            apply(rule, records: records)
            ruleTokens.append((rule, target))
            cost.review += reviewCount
            if counts { countedCredits += credits; countedCourses += weight }
            steps.append(.mapping(node: node, rule: rule, records: records))
            search(&stack)
            steps.removeLast()
            if counts { countedCredits -= credits; countedCourses -= weight }
            cost.review -= reviewCount
            ruleTokens.removeLast()
            apply(rule, records: nil)
            for (record, was) in zip(records, wasUsed) { used[record] = was }
            if keepsOld { break }
        }
    }

    // MARK: pools and substitutions

    /// Chooses which passed records a pool uses; courses to add are chosen jointly for all pools and the plan's
    /// totals once the path is complete (`finish`), so that one added course never counts twice.
    private mutating func pool(_ node: Int, _ stack: inout [Int]) {
        var free: [Int] = []
        var contested: [Int] = []
        for position in plan.poolMatchTable.range(node) {
            let code = plan.poolMatchTable.values[position]
            let record = table.recordOfCode[code]
            guard record >= 0, usable(record, by: node) else { continue }
            if !table.records[record].needsReview, consumers[record] <= 1 || onlyThisPoolCanUse(record, pool: node, stack) {
                free.append(record)
            } else {
                contested.append(record)
            }
        }
        for record in (accepted.isEmpty ? [] : accepted[node] ?? []) where usable(record, by: node) && !free.contains(record) && !contested.contains(record) {
            contested.append(record)
        }
        // Pool courses not passed themselves that a mapping rule can stand in for: each an option, like a contested
        // record (old records used by a rule elsewhere on this path are not offered again).
        var mappings: [PoolMapping] = []
        let poolMatches = plan.poolMatches[node]
        for (rule, _) in plan.rulesForNode[node] where appliedRecords(rule) == nil {
            // Every new course of the rule that the pool lists and the candidate has not passed (or already counted).
            let targets = plan.ruleNewIDs[rule].filter { target in
                poolMatches.contains(target) && !added[target]
                    && !free.contains(where: { table.records[$0].codeID == target }) && !contested.contains(where: { table.records[$0].codeID == target })
            }
            guard !targets.isEmpty, !mappings.contains(where: { $0.rule == rule }) else { continue }
            let slotRecords = slotRecords(rule, for: node)
            let need = plan.rules[rule].need
            guard slotRecords.count >= need else { continue }
            for combination in Combinations(count: slotRecords.count, choose: need) {
                mappings.append(PoolMapping(rule: rule, targets: targets, records: combination.map { slotRecords[$0] }))
            }
        }
        let limit = min(contested.count, 12)
        let mappingLimit = min(mappings.count, max(0, 12 - limit))
        let counts = plan.nodeCounts[node]
        let maxCredits = plan.poolMaxCredits[node]
        for mappingMask in stride(from: (1 << mappingLimit) - 1, through: 0, by: -1) {
            var chosen: [PoolMapping] = []
            var taken: [Int] = []
            var clash = false
            for bit in 0..<mappingLimit where mappingMask & (1 << bit) != 0 {
                let mapping = mappings[bit]
                if chosen.contains(where: { $0.rule == mapping.rule || $0.targets.contains(where: mapping.targets.contains) })
                    || mapping.records.contains(where: { taken.contains($0) || free.contains($0) }) { clash = true; break }
                chosen.append(mapping)
                taken += mapping.records
            }
            if clash { continue }
            let mappedCredits = chosen.reduce(0) { $0 + $1.targets.reduce(0) { $0 + plan.codeCredits[$1] } }
            let mappedReview = taken.filter { table.records[$0].needsReview }.count
            for record in taken { used[record] = true }
            // A mapped pool course counts once: it is not offered again as a course to add.
            let wasAdded = chosen.map { $0.targets.map { added[$0] } }
            let tokenMark = ruleTokens.count
            for mapping in chosen {
                apply(mapping.rule, records: mapping.records)
                for target in mapping.targets { ruleTokens.append((mapping.rule, target)) }
                for target in mapping.targets { added[target] = true }
            }
            for mask in stride(from: (1 << limit) - 1, through: 0, by: -1) {
                var records = free
                var overlap = false
                for bit in 0..<limit where mask & (1 << bit) != 0 {
                    if taken.contains(contested[bit]) { overlap = true; break }
                    records.append(contested[bit])
                }
                if overlap { continue }
                if contested.count > limit { records.append(contentsOf: contested[limit...].filter { !taken.contains($0) }) }
                let credits = records.reduce(0) { $0 + table.records[$1].credits } + mappedCredits
                let courses = plan.poolCourseCount(records.map { table.records[$0].codeID } + chosen.flatMap(\.targets), pool: node)
                let countedHere = min(credits, maxCredits)
                let reviewCount = records.filter { table.records[$0].needsReview }.count + mappedReview
                for record in records { used[record] = true }
                cost.review += reviewCount
                if counts { countedCredits += countedHere; countedCourses += courses }
                poolsOnPath.append(PoolState(node: node, credits: credits, courses: courses))
                steps.append(.pool(node: node, records: records, mapped: chosen))
                search(&stack)
                steps.removeLast()
                poolsOnPath.removeLast()
                if counts { countedCredits -= countedHere; countedCourses -= courses }
                cost.review -= reviewCount
                for record in records { used[record] = false }
            }
            ruleTokens.removeSubrange(tokenMark...)
            for (mapping, was) in zip(chosen, wasAdded) {
                apply(mapping.rule, records: nil)
                for (target, flag) in zip(mapping.targets, was) { added[target] = flag }
            }
            for record in taken { used[record] = false }
        }
    }

    /// Whether no place still ahead on this path can use `record` (at pool `pool`, with `stack` the nodes still to
    /// visit): then the pool always takes it, as it takes an uncontested record, instead of trying it in and out.
    ///
    /// Exact: a record the pool leaves out is used by nothing else on the rest of this path, so leaving it out changes
    /// the path only by what the pool counts. Taking it adds its credits and course to the pool (never fewer counted
    /// credits under a cap: min(c + r + a, max) ≥ min(c + a, max)) and to the plan's totals, and costs no review (only
    /// records that need none qualify), so every completion of the path without it is a completion with it that costs
    /// no more; and the candidates to add (`Completion`) are the unpassed courses, the same either way. The first best
    /// path the search meets is unchanged: the subsets with the record in come first, and those without it cannot be
    /// strictly better.
    ///
    /// Places ahead: a course, pool or substitution in the subtree of a node on `stack`; a mapping rule naming the
    /// record's code that such a node (or this pool itself, as a pool mapping) can apply; a credits-only rule (met at
    /// the end of every path); an office decision for such a node. Under the stopped-major rule any later course can
    /// stand in with any record, so nothing qualifies.
    private func onlyThisPoolCanUse(_ record: Int, pool: Int, _ stack: [Int]) -> Bool {
        guard !plan.stoppedMajorRule else { return false }
        let code = table.records[record].codeID
        guard code >= 0 else { return false }
        func ahead(_ node: Int) -> Bool { stack.contains { $0 <= node && node < plan.subtreeEnd[$0] } }
        for position in plan.directPlaceTable.range(code) {
            let place = plan.directPlaceTable.values[position]
            if place != pool, ahead(place) { return false }
        }
        for position in plan.rulePlaceTable.range(code) {
            let place = plan.rulePlaceTable.values[position]
            if place < 0 || place == pool || ahead(place) { return false }
        }
        for (node, records) in accepted where node != pool && records.contains(record) && ahead(node) { return false }
        return true
    }

    struct PoolState {
        var node: Int
        /// Credits and courses of the records the pool uses.
        var credits: Int
        var courses: Int
    }

    private func weight(of record: Int) -> Int {
        plan.courseWeight(of: table.records[record])
    }

    /// Courses among `ids` the candidate has not passed and that are not already added on this path.
    private func unpassed(_ ids: [Int]) -> [Additions.Item] {
        var items: [Additions.Item] = []
        for id in ids where !added[id] && table.recordOfCode[id] < 0 && !items.contains(where: { $0.id == id }) {
            items.append(.init(id: id, credits: plan.codeCredits[id]))
        }
        return items
    }

    private mutating func substitute(_ node: Int, option index: Int, _ stack: inout [Int]) {
        guard let matchIDs = plan.substitutionMatchIDs[node]?[index], let codeIDs = plan.substitutionCodeIDs[node]?[index],
              let option = plan.substitutions[node]?[index] else { return }
        let counts = plan.nodeCounts[node]
        var available: [Int] = []
        var missingIDs: [Int] = []
        for (position, matches) in matchIDs.enumerated() {
            var found: Int?
            for code in matches {
                let record = table.recordOfCode[code]
                if record >= 0, usable(record, by: node), !available.contains(record), table.records[record].counts(in: option.window) {
                    found = record
                    break
                }
            }
            if let found {
                available.append(found)
            } else if option.minCredits == nil, matches.contains(where: { table.recordOfCode[$0] >= 0 }) || added[codeIDs[position]] {
                return  // passed but used elsewhere, or already to be taken: this set cannot be completed on this path
            } else {
                missingIDs.append(codeIDs[position])
            }
        }
        var choices: [([Int], [Additions.Item])] = []
        if let minimum = option.minCredits {
            let limit = min(available.count, 12)
            var minimal: [[Int]] = []
            for mask in 1..<max(1, 1 << limit) {
                let subset = (0..<limit).filter { mask & (1 << $0) != 0 }.map { available[$0] }
                let sum = subset.reduce(0) { $0 + table.records[$1].credits }
                guard sum >= minimum else { continue }
                if subset.allSatisfy({ sum - table.records[$0].credits < minimum }) { minimal.append(subset) }
            }
            choices = minimal.map { ($0, []) }
            // Short of the minimum: the passed records used plus the cheapest unpassed listed courses. Records that
            // another requirement could use (e.g. a required course that the 顶替 list also names) may be left to
            // it, so every subset of those is tried; records nothing else can use are always taken (taking them
            // never hurts). Subsets that reach the minimum are covered by the minimal subsets above.
            var free: [Int] = []
            var contested: [Int] = []
            for record in available {
                let id = table.records[record].codeID
                if (id >= 0 ? consumers[record] : 0) <= 1 { free.append(record) } else { contested.append(record) }
            }
            let contestedLimit = min(contested.count, 12)
            for mask in stride(from: (1 << contestedLimit) - 1, through: 0, by: -1) {
                var subset = free
                for bit in 0..<contestedLimit where mask & (1 << bit) != 0 { subset.append(contested[bit]) }
                if contested.count > contestedLimit { subset.append(contentsOf: contested[contestedLimit...]) }
                let sum = subset.reduce(0) { $0 + table.records[$1].credits }
                guard sum < minimum else { continue }
                let (addition, _) = Additions.cheapest(unpassed(codeIDs), credits: minimum - sum, courses: 0)
                choices.append((subset, addition))
            }
        } else {
            choices.append((available, missingIDs.filter { !added[$0] }.map { .init(id: $0, credits: plan.codeCredits[$0]) }))
        }
        for (records, addition) in choices {
            let addedCredits = addition.reduce(0) { $0 + $1.credits }
            let reviewCount = records.reduce(0) { $0 + (table.records[$1].needsReview ? 1 : 0) }
            // The bound `search` applies first thing, applied before the option's tables are made: an option that
            // already costs the best path's cost is cut here (the usual case once a path without it was found).
            if let best {
                var bound = cost
                bound.credits += addedCredits
                bound.courses += addition.count
                bound.review += reviewCount + openFloor
                if !(bound < best.cost) { continue }
            }
            let credits = records.reduce(0) { $0 + table.records[$1].credits } + addedCredits
            // By course weight, as the plan's course count: a theory course and its practice component are one course.
            let courses = plan.courseCount(of: records.map { (table.records[$0].code, table.records[$0].codeID) }
                                               + addition.map { (plan.codes[$0.id], $0.id) })
            for record in records { used[record] = true }
            for item in addition { added[item.id] = true }
            cost.credits += addedCredits
            cost.courses += addition.count
            cost.review += reviewCount
            if counts { countedCredits += credits; countedCourses += courses }
            steps.append(.substitution(node: node, option: index, records: records, added: addition.map { plan.codes[$0.id] }))
            search(&stack)
            steps.removeLast()
            if counts { countedCredits -= credits; countedCourses -= courses }
            cost.review -= reviewCount
            cost.courses -= addition.count
            cost.credits -= addedCredits
            for item in addition { added[item.id] = false }
            for record in records { used[record] = false }
        }
    }

    // MARK: courses left open under the stopped-major rule

    /// Whether a record of the course's own codes, one an office decision accepted for it, or one a mapping rule to it
    /// names was passed (used or not): if none, the course costs at least a review whatever the assignment.
    private func hasRecordOfItsOwn(_ node: Int) -> Bool {
        plan.leafMatchTable.range(node).contains { table.recordOfCode[plan.leafMatchTable.values[$0]] >= 0 }
            || !(accepted[node]?.isEmpty ?? true)
            || plan.rulesForNode[node].contains { rule, _ in plan.ruleSlotIDs[rule].contains { $0.contains { table.recordOfCode[$0] >= 0 } } }
    }

    /// The course nodes every path visits (reached from the roots through `all-of` only, not waived, without
    /// substitutions) that no record of their own can meet (`hasRecordOfItsOwn`): each costs at least a review —
    /// missing, impossible, for review or stood in for — whatever the search chooses. Counted in the search's bound from
    /// the start (`openFloor`), so a path that already costs that much more than the best is cut before it branches.
    /// A lower bound only prunes paths that cannot beat the best found, so the first best path found is unchanged.
    /// Under the stopped-major rule only, where the search leaves courses open until a path is complete: elsewhere each
    /// course's cost is added as the search decides it, and the floor (a review each, the least of the costs) would
    /// rarely prune but cost more per audit than it saves (about 5k instructions on a typical plan).
    private mutating func countMandatoryFloor(_ roots: [Int]) {
        var stack = roots
        while let node = stack.popLast() {
            guard waived.isEmpty || !waived[node], !plan.hasSubstitution[node] else { continue }
            switch plan.nodeTag[node] {
            case .course where !hasRecordOfItsOwn(node):
                floorCounted[node] = true
                openFloor += 1
            case .allOf:
                for position in plan.childTable.range(node) { stack.append(plan.childTable.values[position]) }
            case .choose where plan.nodeChoose[node] >= plan.childTable.range(node).count:
                for position in plan.childTable.range(node) { stack.append(plan.childTable.values[position]) }
            default:
                break
            }
        }
    }

    /// The records an open course may take now, with their weights (see `StandInAssignment.Edge`).
    private func edges(for node: Int) -> [(edge: StandInAssignment.Edge, weight: StandInAssignment.Weight)] {
        var result: [(edge: StandInAssignment.Edge, weight: StandInAssignment.Weight)] = []
        // Each record once, its first (most preferred) way: a mark per record, not a scan of the row per record.
        var offered = Array(filledWith: false, count: table.records.count)
        func add(_ record: Int, _ via: Via, rule: Int = -1, review: Int, preference: Int) {
            guard !offered[record] else { return }
            offered[record] = true
            let edge = StandInAssignment.Edge(record: record, via: via, rule: rule, review: review, preference: preference)
            result.append((edge, StandInAssignment.Weight(review: review, preference: preference)))
        }
        func review(_ record: Int) -> Int { table.records[record].needsReview ? 1 : 0 }
        let leaf = plan.leafCode[node]
        for position in plan.leafMatchTable.range(node) {
            let code = plan.leafMatchTable.values[position]
            let record = table.recordOfCode[code]
            guard record >= 0, usable(record, by: node) else { continue }
            add(record, code == leaf ? .direct : .equivalence, review: review(record), preference: 0)
        }
        if !accepted.isEmpty, let extra = accepted[node] {
            for record in extra where usable(record, by: node) { add(record, .decision(plan.nodes[node].id), review: review(record), preference: 1) }
        }
        for (rule, _) in plan.rulesForNode[node] where plan.simpleRule[rule] {
            for record in slotRecords(rule, for: node) { add(record, .direct, rule: rule, review: review(record), preference: 2) }
        }
        // Stand-ins: any other passed record with enough credits; among equals the one with the fewest credits, then
        // the first.
        let credits = plan.nodeCredits[node]
        for record in table.records.indices where table.records[record].credits >= credits && usable(record, by: node) {
            add(record, .stoppedMajorRule, review: 1, preference: 3 + table.records[record].credits * (table.records.count + 1) + record)
        }
        return result
    }

    /// What leaving an open course unmet costs: a 加考 course of undetermined application is for review; a course whose
    /// own result is passed but used elsewhere cannot be taken again (impossible); else its credits and one course.
    private func openWeight(_ node: Int) -> (weight: StandInAssignment.Weight, conflict: Bool) {
        if isUndetermined(node) { return (StandInAssignment.Weight(review: 1), false) }
        let conflict = added[plan.leafCode[node]] || plan.leafMatchTable.range(node).contains {
            let record = table.recordOfCode[plan.leafMatchTable.values[$0]]
            return record >= 0 && (!plan.hasWindows || table.records[record].counts(in: plan.nodeWindow[node]))
        }
        if conflict { return (StandInAssignment.Weight(impossible: 1), true) }
        return (StandInAssignment.Weight(credits: plan.nodeCredits[node], courses: 1), false)
    }

    /// Decides every open course of a complete path as a minimum-cost assignment, then finishes the path; when the
    /// assignment's optimum could still differ in the totals from another assignment's (see `StandInAssignment`),
    /// every assignment is tried as well.
    private mutating func resolveOpen() {
        let rows = open.map { edges(for: $0.node) }
        let leftOpen = open.map { openWeight($0.node) }
        let choice = StandInAssignment.solve(edges: rows, open: leftOpen.map(\.weight))
        var exact = true
        for index in open.indices {
            let node = open[index].node
            if let position = choice[index] {
                if creditsOnlyRecords.isEmpty ? false : creditsOnlyRecords[rows[index][position].edge.record] { exact = false }
            } else if plan.nodeCounts[node], leftOpen[index].conflict || isUndetermined(node),
                      plan.nodeCredits[node] > 0 || plan.nodeWeight[node] > 0 {
                exact = false
            }
        }
        for index in open.indices { assign(index, rows[index], choice[index], conflict: leftOpen[index].conflict, undo: false) }
        finishPath()
        for index in open.indices.reversed() { assign(index, rows[index], choice[index], conflict: leftOpen[index].conflict, undo: true) }
        if !exact { enumerateOpen(0, rows, leftOpen.map(\.conflict)) }
    }

    /// Every assignment of the open courses from `row` on (branch and bound; counts search nodes against the budget).
    private mutating func enumerateOpen(_ row: Int, _ rows: [[(edge: StandInAssignment.Edge, weight: StandInAssignment.Weight)]], _ conflicts: [Bool]) {
        guard !stopped else { return }
        nodes += 1
        guard nodes <= budget else {
            stopped = true
            return
        }
        if let best, !(cost < best.cost) { return }
        guard row < rows.count else {
            finishPath()
            return
        }
        for position in rows[row].indices where !used[rows[row][position].edge.record] {
            assign(row, rows[row], position, conflict: conflicts[row], undo: false)
            enumerateOpen(row + 1, rows, conflicts)
            assign(row, rows[row], position, conflict: conflicts[row], undo: true)
        }
        assign(row, rows[row], nil, conflict: conflicts[row], undo: false)
        enumerateOpen(row + 1, rows, conflicts)
        assign(row, rows[row], nil, conflict: conflicts[row], undo: true)
    }

    /// Applies (or, with `undo`, takes back) open course `index` taking edge `position` of `row`, or left unmet.
    private mutating func assign(_ index: Int, _ row: [(edge: StandInAssignment.Edge, weight: StandInAssignment.Weight)], _ position: Int?,
                                 conflict: Bool, undo: Bool) {
        let (node, step) = open[index]
        let sign = undo ? -1 : 1
        let counts = plan.nodeCounts[node]
        let credits = plan.nodeCredits[node]
        let weight = plan.nodeWeight[node]
        if let position {
            let edge = row[position].edge
            used[edge.record] = !undo
            cost.review += sign * edge.review
            if counts { countedCredits += sign * credits; countedCourses += sign * weight }
            steps[step] = undo ? .missing(node: node, conflict: false)
                : edge.rule >= 0 ? .mapping(node: node, rule: edge.rule, records: [edge.record]) : .record(node: node, record: edge.record, via: edge.via)
        } else if isUndetermined(node) {
            cost.review += sign
            steps[step] = .missing(node: node, conflict: false)
        } else if conflict {
            cost.impossible += sign
            steps[step] = .missing(node: node, conflict: !undo)
        } else {
            cost.credits += sign * credits
            cost.courses += sign
            if counts { countedCredits += sign * credits; countedCourses += sign * weight }
            added[plan.leafCode[node]] = !undo
            steps[step] = .missing(node: node, conflict: false)
        }
    }

    // MARK: totals

    private mutating func finish() {
        if open.isEmpty { finishPath() } else { resolveOpen() }
    }

    private mutating func finishPath() {
        if let best, !(cost < best.cost) { return }
        // Credits-only rules (可计算课程门数和学分): every old result they name that nothing on this path used counts its
        // own credits and course toward the plan's totals. Counting it never hurts, so taking every such record is
        // optimal for this path; whether the record is better used elsewhere is decided by the search's other paths.
        var extraCredits = 0
        var extraCourses = 0
        var creditsOnly: [(rule: Int, record: Int)] = []
        for rule in plan.creditsOnlyRules {
            for slot in plan.ruleSlotIDs[rule] {
                for code in slot {
                    let record = table.recordOfCode[code]
                    guard record >= 0, !used[record], table.records[record].counts(in: plan.rules[rule].window),
                          !creditsOnly.contains(where: { $0.record == record }) else { continue }
                    creditsOnly.append((rule, record))
                    extraCredits += table.records[record].credits
                    break
                }
            }
        }
        // A theory course and its practice component among them are one course.
        extraCourses = plan.creditsOnlyCourseCount(creditsOnly.map { (table.records[$0.record].code, table.records[$0.record].codeID) }) { theory in
            table.records.indices.contains { used[$0] && theory.contains(table.records[$0].code) }
        }
        let completion = Completion.solve(plan: plan, table: table, added: added, pools: poolsOnPath,
                                          countedCredits: countedCredits + extraCredits, countedCourses: countedCourses + extraCourses)
        var final = cost
        final.impossible += completion.impossible
        final.credits += completion.credits
        final.courses += completion.courses
        if let best, !(final < best.cost) { return }
        let step = Step.completion(added: completion.added.map { ($0.pool, plan.codes[$0.id]) }, residual: completion.residual)
        var path = completion.added.isEmpty && completion.residual.isEmpty ? steps : steps + [step]
        if !creditsOnly.isEmpty { path.append(.creditsOnly(creditsOnly)) }
        best = (final, path)
    }
}

/// The cheapest courses to add once every requirement's records are chosen: each pool short of its minimums and
/// the plan's total credits / course count. Exact by branch and bound over the candidate courses (unpassed
/// courses of the pools on the path, each added at most once, to one pool), respecting each pool's cap.
enum Completion {
    struct Result {
        var added: [(pool: Int?, id: Int)]
        var residual: [(pool: Int?, credits: Int, courses: Int)]
        var impossible: Int
        var credits: Int
        var courses: Int
    }

    static func solve(plan: CompiledPlan, table: RecordTable, added: [Bool], pools: [Solver.PoolState],
                      countedCredits: Int, countedCourses: Int) -> Result {
        if pools.isEmpty, countedCredits >= (plan.plan.totalCredits?.value ?? 0), countedCourses >= (plan.plan.minCourses?.value ?? 0) {
            return Result(added: [], residual: [], impossible: 0, credits: 0, courses: 0)
        }
        var needCredits = pools.map { max(0, plan.poolMinCredits[$0.node] - $0.credits) }
        var needCourses = pools.map { max(0, plan.poolMinCourses[$0.node] - $0.courses) }
        let room = pools.map { plan.poolMaxCredits[$0.node] == Int.max ? Int.max : max(0, plan.poolMaxCredits[$0.node] - $0.credits) }
        let totalCredits = max(0, (plan.plan.totalCredits?.value ?? 0) - countedCredits)
        let totalCourses = max(0, (plan.plan.minCourses?.value ?? 0) - countedCourses)
        if needCredits.allSatisfy({ $0 == 0 }) && needCourses.allSatisfy({ $0 == 0 }) && totalCredits == 0 && totalCourses == 0 {
            return Result(added: [], residual: [], impossible: 0, credits: 0, courses: 0)
        }
        // Candidates: unpassed, not yet added courses of the pools on the path. A course with a practice component in
        // the same pool is one candidate with both parts (never the practice component alone): one course, both
        // parts' credits; when one part is passed, the other alone completes the course.
        var candidates: [(id: Int, also: Int, credits: Int, weight: Int, pools: [Int])] = []
        func open(_ id: Int) -> Bool {
            guard id >= 0, !added[id], table.recordOfCode[id] < 0 else { return false }
            // A course whose last sitting is past cannot be taken any more.
            if let until = plan.courseInfo[plan.codes[id]]?.examinedUntil, until < table.applicationDate { return false }
            // A practice component passed under an equivalent code is passed.
            let theory = plan.theoryOfCode[id]
            return theory < 0 || !plan.practiceMatchesOfCode[theory].contains { table.recordOfCode[$0] >= 0 }
        }
        for (index, pool) in pools.enumerated() {
            let codes = plan.poolCodes[pool.node]
            for id in codes where open(id) {
                var also = -1
                var weight = plan.codeWeight[id]
                let theory = plan.theoryOfCode[id]
                let practice = plan.practiceOfCode[id]
                if theory >= 0, codes.contains(theory) {
                    if open(theory) { continue }                     // offered with its theory course
                    weight = 1                                        // completes the passed theory course
                } else if practice >= 0, codes.contains(practice), open(practice) {
                    also = practice
                } else if practice >= 0, codes.contains(practice) {
                    weight = 1                                        // completes the passed practice component
                }
                if let existing = candidates.firstIndex(where: { $0.id == id }) {
                    if !candidates[existing].pools.contains(index) { candidates[existing].pools.append(index) }
                } else {
                    candidates.append((id, also, plan.codeCredits[id] + (also >= 0 ? plan.codeCredits[also] : 0), weight, [index]))
                }
            }
        }
        candidates.sort { ($0.credits, $0.id) < ($1.credits, $1.id) }
        var search = Search(candidates: candidates, needCredits: needCredits, needCourses: needCourses, room: room,
                            totalCredits: totalCredits, totalCourses: totalCourses)
        search.run(0)
        if let best = search.best {
            var added: [(pool: Int?, id: Int)] = []
            for (pool, id) in best.choice {
                added.append((pool.map { pools[$0].node }, id))
                if let also = candidates.first(where: { $0.id == id })?.also, also >= 0 { added.append((pool.map { pools[$0].node }, also)) }
            }
            return Result(added: added, residual: [], impossible: 0, credits: best.credits, courses: best.courses)
        }
        // Nothing completes the plan: add every candidate where it helps and report what is left.
        var result = Result(added: [], residual: [], impossible: 0, credits: 0, courses: 0)
        var usedRoom = Array(filledWith: 0, count: pools.count)
        var gainedCredits = 0
        var gainedCourses = 0
        for candidate in candidates {
            let pool = candidate.pools.first { needCredits[$0] > 0 || needCourses[$0] > 0 } ?? candidate.pools[0]
            needCredits[pool] = max(0, needCredits[pool] - candidate.credits)
            needCourses[pool] = max(0, needCourses[pool] - candidate.weight)
            let counted = min(candidate.credits, room[pool] == Int.max ? candidate.credits : max(0, room[pool] - usedRoom[pool]))
            usedRoom[pool] += counted
            gainedCredits += counted
            gainedCourses += candidate.weight
            result.added.append((pools[pool].node, candidate.id))
            if candidate.also >= 0 { result.added.append((pools[pool].node, candidate.also)) }
            result.credits += candidate.credits
            result.courses += candidate.also >= 0 ? 2 : 1
        }
        for (index, pool) in pools.enumerated() where needCredits[index] > 0 || needCourses[index] > 0 {
            result.residual.append((pool.node, needCredits[index], needCourses[index]))
        }
        let shortCredits = max(0, totalCredits - gainedCredits)
        let shortCourses = max(0, totalCourses - gainedCourses)
        if shortCredits > 0 || shortCourses > 0 { result.residual.append((nil, shortCredits, shortCourses)) }
        result.impossible = result.residual.count
        return result
    }

    private struct Search {
        let candidates: [(id: Int, also: Int, credits: Int, weight: Int, pools: [Int])]
        var needCredits: [Int]
        var needCourses: [Int]
        let room: [Int]
        var usedRoom: [Int]
        var totalCredits: Int
        var totalCourses: Int
        var credits = 0
        var courses = 0
        var choice: [(pool: Int?, id: Int)] = []
        var best: (credits: Int, courses: Int, choice: [(pool: Int?, id: Int)])?
        var budget = 200_000

        init(candidates: [(id: Int, also: Int, credits: Int, weight: Int, pools: [Int])], needCredits: [Int], needCourses: [Int], room: [Int],
             totalCredits: Int, totalCourses: Int) {
            self.candidates = candidates
            self.needCredits = needCredits
            self.needCourses = needCourses
            self.room = room
            usedRoom = Array(filledWith: 0, count: room.count)
            self.totalCredits = totalCredits
            self.totalCourses = totalCourses
        }

        var satisfied: Bool {
            totalCredits <= 0 && totalCourses <= 0 && needCredits.allSatisfy { $0 <= 0 } && needCourses.allSatisfy { $0 <= 0 }
        }

        mutating func run(_ index: Int) {
            budget -= 1
            if let best, (credits, courses) >= (best.credits, best.courses) { return }
            if satisfied {
                best = (credits, courses, choice)
                return
            }
            guard index < candidates.count, budget > 0 else { return }
            let candidate = candidates[index]
            for pool in candidate.pools {
                let counted = room[pool] == Int.max ? candidate.credits : min(candidate.credits, max(0, room[pool] - usedRoom[pool]))
                let before = (needCredits[pool], needCourses[pool], totalCredits, totalCourses)
                needCredits[pool] -= candidate.credits
                needCourses[pool] -= candidate.weight
                usedRoom[pool] += counted
                totalCredits -= counted
                totalCourses -= candidate.weight
                let parts = candidate.also >= 0 ? 2 : 1
                credits += candidate.credits
                courses += parts
                choice.append((pool, candidate.id))
                run(index + 1)
                choice.removeLast()
                courses -= parts
                credits -= candidate.credits
                (needCredits[pool], needCourses[pool], totalCredits, totalCourses) = before
                usedRoom[pool] -= counted
            }
            run(index + 1)
        }
    }
}

/// k-combinations of 0..<n in lexicographic order.
struct Combinations: Sequence, IteratorProtocol {
    private var current: [Int]?
    private let n: Int

    init(count n: Int, choose k: Int) {
        self.n = n
        current = k <= n && k >= 0 ? Array(0..<k) : nil
    }

    mutating func next() -> [Int]? {
        guard let combination = current else { return nil }
        var nextValue = combination
        var i = nextValue.count - 1
        while i >= 0, nextValue[i] == n - nextValue.count + i { i -= 1 }
        if i < 0 {
            current = nil
        } else {
            nextValue[i] += 1
            for j in (i + 1)..<Swift.max(i + 1, nextValue.count) { nextValue[j] = nextValue[j - 1] + 1 }
            current = nextValue
        }
        return combination
    }
}

/// The cheapest set of courses to add: at least `credits` credits and `courses` courses, fewest credits first,
/// then fewest courses (exact, by dynamic programming over capped sums).
enum Additions {
    struct Item: Sendable, Hashable {
        /// The plan's code id.
        var id: Int
        var credits: Int
    }

    static func cheapest(_ items: [Item], credits needCredits: Int, courses needCourses: Int) -> (items: [Item], residual: (credits: Int, courses: Int)) {
        if needCredits <= 0 && needCourses <= 0 { return ([], (0, 0)) }
        let sorted = items.sorted { ($0.credits, $0.id) < ($1.credits, $1.id) }
        let width = needCourses + 1
        let size = (needCredits + 1) * width
        // dp[state] = (total credits, total courses, chosen bitmask index via back pointer)
        struct Entry { var credits: Int; var courses: Int; var previous: Int; var item: Int }
        let unreachable = Entry(credits: Int.max, courses: Int.max, previous: -1, item: -1)
        var table = [[Entry]](filledWith: [], count: sorted.count + 1)
        table[0] = Array(filledWith: unreachable, count: size)
        table[0][0] = Entry(credits: 0, courses: 0, previous: -1, item: -1)
        for (index, item) in sorted.enumerated() {
            var next = table[index]
            for state in 0..<size where table[index][state].credits != Int.max {
                let c = state / width
                let n = state % width
                let target = min(needCredits, c + item.credits) * width + min(needCourses, n + 1)
                let entry = table[index][state]
                let candidate = Entry(credits: entry.credits + item.credits, courses: entry.courses + 1, previous: state, item: index)
                if (candidate.credits, candidate.courses) < (next[target].credits, next[target].courses) {
                    next[target] = candidate
                }
            }
            table[index + 1] = next
        }
        let goal = needCredits * width + needCourses
        guard table[sorted.count][goal].credits != Int.max else {
            // Cannot reach: take everything and report what is left.
            let total = sorted.reduce(0) { $0 + $1.credits }
            return (sorted, (max(0, needCredits - total), max(0, needCourses - sorted.count)))
        }
        var chosen: [Item] = []
        var state = goal
        var layer = sorted.count
        while layer > 0 {
            let entry = table[layer][state]
            if entry.item == layer - 1 {
                chosen.append(sorted[layer - 1])
                state = entry.previous
            }
            layer -= 1
        }
        return (chosen.reversed(), (0, 0))
    }
}
