import CurriculumDSL

/// The lexicographic objective: fewest missing credits, then fewest missing courses, then fewest records that
/// need manual review.
struct Cost: Sendable, Comparable {
    var credits = 0
    var courses = 0
    var review = 0

    static func < (lhs: Cost, rhs: Cost) -> Bool {
        (lhs.credits, lhs.courses, lhs.review) < (rhs.credits, rhs.courses, rhs.review)
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
    case missing(node: Int)
    case pool(node: Int, records: [Int], added: [CourseCode], counted: Int)
    case substitution(node: Int, option: Int, records: [Int], added: [CourseCode])
    case notChosen(node: Int)
    case waived(node: Int)
    case topUp(added: [CourseCode], residualCredits: Int, residualCourses: Int)
}

/// Exhaustive branch-and-bound search for the assignment of records to requirements that completes the plan
/// with the least left to do. Complete: every way a record can serve a requirement is an option; options are
/// skipped only when they cannot beat the best assignment found (bound) or are dominated (a record that nothing
/// else can use is always taken). Deterministic: options are tried in a fixed order and the first best wins.
struct Solver {
    let plan: CompiledPlan
    let table: RecordTable
    let closure: [CourseCode: [CourseCode]]
    let choices: [String: String]
    let waived: Set<Int>
    let accepted: [Int: [Int]]
    /// A pinned record may be used only by its node.
    let pinnedTo: [Int: Int]
    /// How many places could use each record; 1 means uncontested.
    private var consumers: [Int]

    private var used: [Bool]
    private var ruleRecords: [[Int]?]
    private var ruleTokens: [Set<CourseCode>]
    private var steps: [Step] = []
    private var cost = Cost()
    private var countedCredits = 0
    private var countedCourses = 0
    private var poolsOnPath: [Int] = []
    private var added: Set<CourseCode> = []
    private(set) var best: (cost: Cost, steps: [Step])?
    private(set) var explored = 0

    init(plan: CompiledPlan, table: RecordTable, closure: [CourseCode: [CourseCode]], choices: [String: String],
         waived: Set<Int>, accepted: [Int: [Int]], pinnedTo: [Int: Int]) {
        self.plan = plan
        self.table = table
        self.closure = closure
        self.choices = choices
        self.waived = waived
        self.accepted = accepted
        self.pinnedTo = pinnedTo
        used = Array(repeating: false, count: table.records.count)
        ruleRecords = Array(repeating: nil, count: plan.rules.count)
        ruleTokens = Array(repeating: [], count: plan.rules.count)
        consumers = Array(repeating: 0, count: table.records.count)
        countConsumers()
    }

    private mutating func countConsumers() {
        for index in plan.nodes.indices {
            switch plan.nodes[index].kind {
            case .course(let code):
                for record in matches(code) { consumers[record] += 1 }
            case .pool(let codes, _, _, _):
                for record in Set(codes.flatMap { matches($0) }) { consumers[record] += 1 }
            default:
                break
            }
            for record in accepted[index] ?? [] { consumers[record] += 1 }
        }
        for options in plan.substitutions.values {
            for option in options { for record in Set(option.codes.flatMap { matches($0) }) { consumers[record] += 1 } }
        }
        for rule in plan.rules {
            for slot in rule.slots { for record in Set(slot.flatMap { matches($0) }) { consumers[record] += 1 } }
        }
        if plan.stoppedMajorRule {
            for index in consumers.indices { consumers[index] += 2 }
        }
    }

    /// Records whose code is `code` or equivalent to it.
    func matches(_ code: CourseCode) -> [Int] {
        let codes = closure[code] ?? [code]
        if codes.count == 1 { return table.byCode[code] ?? [] }
        return codes.flatMap { table.byCode[$0] ?? [] }
    }

    mutating func run(roots: [Int]) {
        var stack = Array(roots.reversed())
        search(&stack)
    }

    // MARK: search

    private mutating func search(_ stack: inout [Int]) {
        if let best, !(cost < best.cost) { return }
        guard let node = stack.popLast() else {
            finish()
            return
        }
        explored += 1
        if waived.contains(node) {
            steps.append(.waived(node: node))
            search(&stack)
            steps.removeLast()
        } else {
            expand(node, &stack)
            for (option, _) in (plan.substitutions[node] ?? []).enumerated() {
                substitute(node, option: option, &stack)
            }
        }
        stack.append(node)
    }

    private mutating func expand(_ node: Int, _ stack: inout [Int]) {
        let info = plan.nodes[node]
        switch info.kind {
        case .course(let code):
            course(node, code: code, &stack)
        case .all:
            let depth = stack.count
            stack.append(contentsOf: info.children.reversed())
            search(&stack)
            stack.removeSubrange(depth...)
        case .choose(let count):
            if count >= info.children.count {
                let depth = stack.count
                stack.append(contentsOf: info.children.reversed())
                search(&stack)
                stack.removeSubrange(depth...)
            } else {
                for combination in Combinations(count: info.children.count, choose: count) {
                    choose(info.children, taking: combination, &stack)
                }
            }
        case .alternatives:
            if let declared = choices[info.id], let option = info.children.firstIndex(where: { plan.nodes[$0].id == declared }) {
                choose(info.children, taking: [option], &stack)
            } else {
                for option in info.children.indices { choose(info.children, taking: [option], &stack) }
            }
        case .pool(let codes, let minCredits, let minCourses, let maxCredits):
            pool(node, codes: codes, minCredits: minCredits, minCourses: minCourses, maxCredits: maxCredits, &stack)
        }
    }

    private mutating func choose(_ children: [Int], taking: [Int], _ stack: inout [Int]) {
        let mark = steps.count
        for (position, child) in children.enumerated() where !taking.contains(position) {
            steps.append(.notChosen(node: child))
        }
        let depth = stack.count
        for position in taking.reversed() { stack.append(children[position]) }
        search(&stack)
        stack.removeSubrange(depth...)
        steps.removeSubrange(mark...)
    }

    private func usable(_ record: Int, by node: Int) -> Bool {
        !used[record] && (pinnedTo[record].map { $0 == node } ?? true)
    }

    private mutating func course(_ node: Int, code: CourseCode, _ stack: inout [Int]) {
        let info = plan.nodes[node]
        var candidates: [(Int, Via)] = []
        for equivalent in closure[code] ?? [code] {
            for record in table.byCode[equivalent] ?? [] where usable(record, by: node) {
                candidates.append((record, equivalent == code ? .direct : .equivalence))
            }
        }
        for record in accepted[node] ?? [] where usable(record, by: node) && !candidates.contains(where: { $0.0 == record }) {
            candidates.append((record, .decision(info.id)))
        }
        for (record, via) in candidates {
            take(node, record: record, via: via, credits: info.credits, weight: info.weight, &stack)
            if consumers[record] <= 1, !table.records[record].needsReview { return }
        }
        for (index, rule) in plan.rules.enumerated() where rule.new.contains(where: { (closure[code] ?? [code]).contains($0) }) {
            mapped(node, rule: index, code: code, &stack)
        }
        if plan.stoppedMajorRule {
            for record in table.records.indices where usable(record, by: node) && table.records[record].credits >= info.credits
                && !candidates.contains(where: { $0.0 == record }) {
                take(node, record: record, via: .stoppedMajorRule, credits: info.credits, weight: info.weight, &stack, review: true)
            }
        }
        // Not passed: the course must still be taken.
        let counts = info.countsTowardTotals
        cost.credits += info.credits
        cost.courses += 1
        if counts { countedCredits += info.credits; countedCourses += info.weight }
        let inserted = added.insert(code).inserted
        steps.append(.missing(node: node))
        search(&stack)
        steps.removeLast()
        if inserted { added.remove(code) }
        if counts { countedCredits -= info.credits; countedCourses -= info.weight }
        cost.credits -= info.credits
        cost.courses -= 1
    }

    private mutating func take(_ node: Int, record: Int, via: Via, credits: Int, weight: Int, _ stack: inout [Int], review: Bool = false) {
        let counts = plan.nodes[node].countsTowardTotals
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

    private mutating func mapped(_ node: Int, rule: Int, code: CourseCode, _ stack: inout [Int]) {
        let info = plan.nodes[node]
        let target = plan.rules[rule].new.first { (closure[code] ?? [code]).contains($0) } ?? code
        let counts = info.countsTowardTotals
        if let records = ruleRecords[rule] {
            guard !ruleTokens[rule].contains(target) else { return }
            ruleTokens[rule].insert(target)
            if counts { countedCredits += info.credits; countedCourses += info.weight }
            steps.append(.mapping(node: node, rule: rule, records: records))
            search(&stack)
            steps.removeLast()
            if counts { countedCredits -= info.credits; countedCourses -= info.weight }
            ruleTokens[rule].remove(target)
            return
        }
        let definition = plan.rules[rule]
        var slotRecords: [Int] = []
        for slot in definition.slots {
            if let record = slot.flatMap({ matches($0) }).first(where: { usable($0, by: node) }) {
                slotRecords.append(record)
            }
        }
        guard slotRecords.count >= definition.need else { return }
        for combination in Combinations(count: slotRecords.count, choose: definition.need) {
            let records = combination.map { slotRecords[$0] }
            let reviewCount = records.filter { table.records[$0].needsReview }.count
            for record in records { used[record] = true }
            ruleRecords[rule] = records
            ruleTokens[rule] = [target]
            cost.review += reviewCount
            if counts { countedCredits += info.credits; countedCourses += info.weight }
            steps.append(.mapping(node: node, rule: rule, records: records))
            search(&stack)
            steps.removeLast()
            if counts { countedCredits -= info.credits; countedCourses -= info.weight }
            cost.review -= reviewCount
            ruleTokens[rule] = []
            ruleRecords[rule] = nil
            for record in records { used[record] = false }
        }
    }

    // MARK: pools and substitutions

    private mutating func pool(_ node: Int, codes: [CourseCode], minCredits: Int, minCourses: Int, maxCredits: Int?, _ stack: inout [Int]) {
        var free: [Int] = []
        var contested: [Int] = []
        var seen: Set<Int> = []
        for code in codes {
            for record in matches(code) where usable(record, by: node) && seen.insert(record).inserted {
                if consumers[record] <= 1, !table.records[record].needsReview { free.append(record) } else { contested.append(record) }
            }
        }
        for record in accepted[node] ?? [] where usable(record, by: node) && seen.insert(record).inserted { contested.append(record) }
        let limit = min(contested.count, 12)
        let counts = plan.nodes[node].countsTowardTotals
        let inPlan = Set(plan.nodes.compactMap { if case .course(let code) = $0.kind { code } else { nil } })
        for mask in stride(from: (1 << limit) - 1, through: 0, by: -1) {
            var records = free
            for bit in 0..<limit where mask & (1 << bit) != 0 { records.append(contested[bit]) }
            if contested.count > limit { records.append(contentsOf: contested[limit...]) }
            let credits = records.reduce(0) { $0 + table.records[$1].credits }
            let courses = records.reduce(0) { $0 + CompiledPlan.weight(plan.courseInfo[table.records[$1].code], inPlan: inPlan) }
            let candidates = unpassed(codes)
            let (addition, residual) = Additions.cheapest(candidates, credits: max(0, minCredits - credits), courses: max(0, minCourses - courses))
            let addedCredits = addition.reduce(0) { $0 + $1.credits } + residual.credits
            let countedHere = min(credits + addedCredits, maxCredits ?? Int.max)
            let reviewCount = records.filter { table.records[$0].needsReview }.count
            for record in records { used[record] = true }
            for item in addition { added.insert(item.code) }
            cost.credits += addedCredits
            cost.courses += addition.count
            cost.review += reviewCount
            if counts { countedCredits += countedHere; countedCourses += courses + addition.count }
            poolsOnPath.append(node)
            steps.append(.pool(node: node, records: records, added: addition.map(\.code), counted: countedHere))
            search(&stack)
            steps.removeLast()
            poolsOnPath.removeLast()
            if counts { countedCredits -= countedHere; countedCourses -= courses + addition.count }
            cost.review -= reviewCount
            cost.courses -= addition.count
            cost.credits -= addedCredits
            for item in addition { added.remove(item.code) }
            for record in records { used[record] = false }
        }
    }

    /// Courses of `codes` the candidate has not passed (under any equivalent code) and that are not already added.
    private func unpassed(_ codes: [CourseCode]) -> [Additions.Item] {
        var items: [Additions.Item] = []
        var seen: Set<CourseCode> = []
        for code in codes where seen.insert(code).inserted && !added.contains(code) && matches(code).isEmpty {
            items.append(.init(code: code, credits: plan.credits(of: code)))
        }
        return items
    }

    private mutating func substitute(_ node: Int, option index: Int, _ stack: inout [Int]) {
        guard let option = plan.substitutions[node]?[index] else { return }
        let counts = plan.nodes[node].countsTowardTotals
        var available: [Int] = []
        var seen: Set<Int> = []
        for code in option.codes {
            if let record = matches(code).first(where: { usable($0, by: node) }), seen.insert(record).inserted { available.append(record) }
        }
        var choices: [([Int], [Additions.Item])] = []
        if let minimum = option.minCredits {
            let limit = min(available.count, 12)
            var minimal: [[Int]] = []
            for mask in 1..<(1 << limit) {
                let subset = (0..<limit).filter { mask & (1 << $0) != 0 }.map { available[$0] }
                let sum = subset.reduce(0) { $0 + table.records[$1].credits }
                guard sum >= minimum else { continue }
                if subset.allSatisfy({ sum - table.records[$0].credits < minimum }) { minimal.append(subset) }
            }
            if minimal.isEmpty {
                let sum = available.reduce(0) { $0 + table.records[$1].credits }
                let (addition, _) = Additions.cheapest(unpassed(option.codes), credits: minimum - sum, courses: 0)
                choices.append((available, addition))
            } else {
                choices = minimal.map { ($0, []) }
            }
        } else {
            let missing = option.codes.filter { code in !available.contains { table.records[$0].code == code || (closure[code] ?? [code]).contains(table.records[$0].code) } }
            choices.append((available, missing.filter { !added.contains($0) }.map { .init(code: $0, credits: plan.credits(of: $0)) }))
        }
        for (records, addition) in choices {
            let credits = records.reduce(0) { $0 + table.records[$1].credits } + addition.reduce(0) { $0 + $1.credits }
            let courses = records.count + addition.count
            let reviewCount = records.filter { table.records[$0].needsReview }.count
            for record in records { used[record] = true }
            for item in addition { added.insert(item.code) }
            cost.credits += addition.reduce(0) { $0 + $1.credits }
            cost.courses += addition.count
            cost.review += reviewCount
            if counts { countedCredits += credits; countedCourses += courses }
            steps.append(.substitution(node: node, option: index, records: records, added: addition.map(\.code)))
            search(&stack)
            steps.removeLast()
            if counts { countedCredits -= credits; countedCourses -= courses }
            cost.review -= reviewCount
            cost.courses -= addition.count
            cost.credits -= addition.reduce(0) { $0 + $1.credits }
            for item in addition { added.remove(item.code) }
            for record in records { used[record] = false }
        }
    }

    // MARK: totals

    private mutating func finish() {
        var final = cost
        var topUp: Step?
        let needCredits = max(0, (plan.plan.totalCredits?.value ?? 0) - countedCredits)
        let needCourses = max(0, (plan.plan.minCourses?.value ?? 0) - countedCourses)
        if needCredits > 0 || needCourses > 0 {
            var candidates: [Additions.Item] = []
            for pool in poolsOnPath {
                if case .pool(let codes, _, _, _) = plan.nodes[pool].kind { candidates += unpassed(codes) }
            }
            var seen: Set<CourseCode> = []
            candidates = candidates.filter { seen.insert($0.code).inserted }
            let (addition, residual) = Additions.cheapest(candidates, credits: needCredits, courses: needCourses)
            final.credits += addition.reduce(0) { $0 + $1.credits } + residual.credits
            final.courses += addition.count + residual.courses
            topUp = .topUp(added: addition.map(\.code), residualCredits: residual.credits, residualCourses: residual.courses)
        }
        if let best, !(final < best.cost) { return }
        best = (final, topUp.map { steps + [$0] } ?? steps)
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
        var code: CourseCode
        var credits: Int
    }

    static func cheapest(_ items: [Item], credits needCredits: Int, courses needCourses: Int) -> (items: [Item], residual: (credits: Int, courses: Int)) {
        if needCredits <= 0 && needCourses <= 0 { return ([], (0, 0)) }
        let sorted = items.sorted { ($0.credits, $0.code) < ($1.credits, $1.code) }
        let width = needCourses + 1
        let size = (needCredits + 1) * width
        // dp[state] = (total credits, total courses, chosen bitmask index via back pointer)
        struct Entry { var credits: Int; var courses: Int; var previous: Int; var item: Int }
        let unreachable = Entry(credits: Int.max, courses: Int.max, previous: -1, item: -1)
        var table = [[Entry]](repeating: [], count: sorted.count + 1)
        table[0] = Array(repeating: unreachable, count: size)
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
