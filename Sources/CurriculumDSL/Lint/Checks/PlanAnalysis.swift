/// Exact, bounded reasoning about one plan's requirement tree when every course counts once (DSL: "A course
/// counts once in a plan"; `shared: true` lifts that for a node and its subtree).
///
/// Each node has a set of *options*: the ways a transcript can satisfy it, as the courses it uses exclusively,
/// the courses it uses shared, and the pools that must still be filled. Options combine by product (all-of),
/// k-subsets (choose) and union (alternatives, substitutions). Enumeration is bounded (`maxOptions`); past the
/// bound the analysis gives up and reports nothing, so every finding is exact.
struct PlanAnalysis {
    struct Node {
        let requirement: Requirement
        let children: [Int]
        let parent: Int?
        /// `shared: true` here or on an ancestor.
        let shared: Bool
        let substitutions: [Substitution]
    }

    /// A pool node, or a credit substitution (courses from `from` totalling `min-credits`).
    struct Pool {
        let codes: [CourseCode]
        let minCredits: Int?
        let minCourses: Int?
        let maxCredits: Int?
        let shared: Bool
    }

    struct Demand: Hashable {
        var exclusive: Set<CourseCode> = []
        var shared: Set<CourseCode> = []
        var pools: Set<Int> = []
    }

    private struct MemoKey: Hashable {
        let node: Int
        let unavailable: Set<CourseCode>
    }

    static let maxOptions = 4096
    static let maxContested = 10

    let plan: Plan
    let courses: [CourseCode: Course]
    private(set) var nodes: [Node] = []
    private(set) var pools: [Pool] = []
    /// Every course of every pool.
    private var poolCodes: Set<CourseCode> = []
    private(set) var poolOfNode: [Int: Int] = [:]
    private var poolOfSubstitution: [String: Int] = [:]
    private var memo: [MemoKey: [Demand]] = [:]
    private(set) var gaveUp = false
    private(set) var diagnostics: [Diagnostic] = []

    init(plan: Plan, courses: [CourseCode: Course]) {
        self.plan = plan
        self.courses = courses
        var byTarget: [String: [Substitution]] = [:]
        for substitution in plan.substitutions { byTarget[substitution.replaces.value, default: []].append(substitution) }
        add(plan.requirements, parent: nil, shared: false, substitutions: byTarget)
        poolCodes = Set(pools.flatMap(\.codes))
    }

    @discardableResult
    private mutating func add(_ requirement: Requirement, parent: Int?, shared: Bool, substitutions: [String: [Substitution]]) -> Int {
        let index = nodes.count
        let isShared = shared || requirement.shared
        let replacing = parent == nil ? [] : substitutions[requirement.id] ?? []
        nodes.append(Node(requirement: requirement, children: [], parent: parent, shared: isShared, substitutions: replacing))
        if case .pool(let codes, let minCredits, let minCourses, let maxCredits) = requirement.shape {
            poolOfNode[index] = pools.count
            pools.append(Pool(codes: Array(Set(codes.map(\.value))).sorted(), minCredits: minCredits, minCourses: minCourses,
                              maxCredits: maxCredits, shared: isShared))
        }
        for substitution in replacing {
            if case .credits(let minimum, let from) = substitution.form, poolOfSubstitution[substitution.id] == nil {
                poolOfSubstitution[substitution.id] = pools.count
                pools.append(Pool(codes: Array(Set(from.map(\.value))).sorted(), minCredits: minimum, minCourses: nil,
                                  maxCredits: nil, shared: false))
            }
        }
        let children = requirement.children.map { add($0, parent: index, shared: isShared, substitutions: substitutions) }
        nodes[index] = Node(requirement: requirement, children: children, parent: parent, shared: isShared, substitutions: replacing)
        return index
    }

    // MARK: options

    /// The ways node `index` can be satisfied without the courses in `unavailable`; nil when the analysis gave up.
    mutating func options(_ index: Int, unavailable: Set<CourseCode> = []) -> [Demand]? {
        let key = MemoKey(node: index, unavailable: unavailable)
        if let known = memo[key] { return known }
        if gaveUp { return nil }
        let node = nodes[index]
        var result: Set<Demand> = []
        switch node.requirement.shape {
        case .course(let code, _):
            if node.shared {
                result.insert(Demand(shared: [code]))
            } else if !unavailable.contains(code) {
                result.insert(Demand(exclusive: [code]))
            }
        case .pool:
            guard let pool = poolOfNode[index] else { return nil }
            let demand = Demand(pools: [pool])
            if poolsFeasible(demand, unavailable: unavailable) { result.insert(demand) }
        case .allOf:
            var combined: [Demand] = [Demand()]
            for child in node.children {
                guard let childOptions = options(child, unavailable: unavailable) else { return nil }
                if combined.count == 1, childOptions.count == 1, combined[0].pools.isEmpty, childOptions[0].pools.isEmpty {
                    // One way so far and one way for the child (a list of courses): merged in place, so that an
                    // `all-of` of thousands of courses is linear (`product` would copy and hash the growing set).
                    guard combined[0].exclusive.isDisjoint(with: childOptions[0].exclusive) else {
                        combined = []
                        break
                    }
                    combined[0].exclusive.formUnion(childOptions[0].exclusive)
                    combined[0].shared.formUnion(childOptions[0].shared)
                    continue
                }
                guard let next = product(combined, childOptions, unavailable: unavailable) else { return nil }
                combined = next
                if combined.isEmpty { break }
            }
            result.formUnion(combined)
        case .choose(let count, _):
            guard count <= node.children.count else { return nil }   // graph.choose-too-many
            var childOptions: [[Demand]] = []
            for child in node.children {
                guard let found = options(child, unavailable: unavailable) else { return nil }
                childOptions.append(found)
            }
            guard let subsets = Self.subsets(of: node.children.count, size: count, limit: Self.maxOptions) else {
                gaveUp = true
                return nil
            }
            for subset in subsets {
                var combined: [Demand] = [Demand()]
                for member in subset {
                    guard let next = product(combined, childOptions[member], unavailable: unavailable) else { return nil }
                    combined = next
                    if combined.isEmpty { break }
                }
                result.formUnion(combined)
                if result.count > Self.maxOptions { gaveUp = true; return nil }
            }
        case .alternatives:
            for child in node.children {
                guard let found = options(child, unavailable: unavailable) else { return nil }
                result.formUnion(found)
            }
        }
        for substitution in node.substitutions {
            switch substitution.form {
            case .fixedSet(let set):
                let codes = Set(set.map(\.value))
                if codes.isDisjoint(with: unavailable) { result.insert(Demand(exclusive: codes)) }
            case .credits:
                guard let pool = poolOfSubstitution[substitution.id] else { continue }
                let demand = Demand(pools: [pool])
                if poolsFeasible(demand, unavailable: unavailable) { result.insert(demand) }
            }
        }
        if result.count > Self.maxOptions { gaveUp = true; return nil }
        let sorted = Array(result)
        memo[key] = sorted
        return sorted
    }

    /// Every pair of options that use disjoint exclusive courses and whose pools can still be filled.
    mutating func product(_ a: [Demand], _ b: [Demand], unavailable: Set<CourseCode>) -> [Demand]? {
        var out: Set<Demand> = []
        for x in a {
            for y in b where x.exclusive.isDisjoint(with: y.exclusive) {
                var merged = x
                merged.exclusive.formUnion(y.exclusive)
                merged.shared.formUnion(y.shared)
                merged.pools.formUnion(y.pools)
                // Each side is feasible alone; the pools need checking again only when the other side takes
                // pool courses or brings pools of its own.
                let recheck = (!x.pools.isEmpty && !y.pools.isEmpty)
                    || (!x.pools.isEmpty && !y.exclusive.isDisjoint(with: poolCodes))
                    || (!y.pools.isEmpty && !x.exclusive.isDisjoint(with: poolCodes))
                if recheck, !poolsFeasible(merged, unavailable: unavailable) { continue }
                out.insert(merged)
                if out.count > Self.maxOptions {
                    gaveUp = true
                    return nil
                }
            }
        }
        return Array(out)
    }

    /// The k-subsets of 0..<n, or nil when there are more than `limit`.
    static func subsets(of n: Int, size k: Int, limit: Int) -> [[Int]]? {
        guard k >= 0, k <= n else { return [] }
        var count = 1
        for i in 0..<k {
            count = count * (n - i) / (i + 1)
            if count > limit { return nil }
        }
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(_ start: Int) {
            if current.count == k {
                result.append(current)
                return
            }
            guard start < n else { return }
            for next in start..<n where n - next >= k - current.count {
                current.append(next)
                extend(next + 1)
                current.removeLast()
            }
        }
        extend(0)
        return result
    }

    // MARK: diagnosis

    mutating func report(_ diagnostic: Diagnostic) {
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    /// Every course node of the plan that names `code`, in order, except the one at `excluded`.
    func uses(of code: CourseCode, excluding excluded: SourceLocation? = nil) -> [SourceLocation] {
        nodes.compactMap { node in
            guard case .course(let other, _) = node.requirement.shape, other == code, node.requirement.location != excluded else { return nil }
            return node.requirement.location
        }
    }

    /// Course codes named anywhere below node `index`.
    func codes(below index: Int) -> Set<CourseCode> {
        var codes = Set(nodes[index].requirement.courseCodes)
        for substitution in nodes[index].substitutions { codes.formUnion(substitution.courses.map(\.value)) }
        return codes
    }
}
