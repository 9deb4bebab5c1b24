/// 停考专业 (stopped-major rule): any passed course with at least a course's credits may stand in for it, pending review.
/// Offering every passed record as an option at every course made the search exponential (k courses and m records:
/// up to m!/(m−k)! branches — issue 12). Instead, the search leaves *deferrable* course nodes open and, when a path
/// is complete, decides all of them at once as a minimum-cost assignment (`StandInAssignment.solve`).
///
/// ## Which course nodes are deferred (`deferrableNodes`)
/// A course node of a plan under the stopped-major rule whose code no other place can count (no other course node,
/// pool or substitution names it). Its ways of being met by one record — its own code or an equivalent, a record an
/// office decision accepted for it, a mapping rule with `need: 1` and one new course serving only this node
/// (`simpleRule`), or a stand-in — are left to the assignment; its other mapping rules (`need: 2`, several new courses)
/// stay options of the search, tried before the course is left open. Whether the course was added as missing (`added`)
/// is read by nothing else on the path, so deciding it after the path is complete changes nothing but the order of work.
///
/// ## Why the assignment is exact
/// Fix a complete search path (every other choice made). What remains is: give each open course at most one of the
/// records nothing on the path used, each record to at most one course. Each course's cost is separable —
/// met by an edge: `review` 0 or 1 (1 for a stand-in or a record needing review); left open: 1 `impossible` if its own
/// result is passed but used elsewhere, else its credits and 1 course (a 加考 course of undetermined application: 1
/// review) — and the costs are vectors compared lexicographically (impossible, credits, courses, review), which add
/// and subtract like numbers. The Hungarian algorithm below minimises the sum over a perfect matching of the courses
/// into records plus one "left open" column per course, so it returns a minimum of the separable part.
/// The rest of the cost (the plan's totals and pools, `Completion`) depends on the assignment only through the
/// credits counted toward the totals: a course met or left to take counts its credits either way, so it differs
/// only when (a) a course that counts is left open as impossible or as a 加考 course for review (it then counts
/// nothing), or (b) the assignment uses a record that a credits-only rule would otherwise count. `Completion` never
/// gets worse when more is counted. So if the optimum has neither (a) nor (b), it counts the most any assignment
/// can, its `Completion` is the least any assignment can have, and its sum is the least overall: exact. Otherwise the
/// solver falls back to enumerating the assignments (branch and bound, within the search-node budget) — only paths
/// with an impossible course or a credits-only rule over stand-in records get there.
/// Over all paths, every assignment of the old enumeration is the assignment step of some path here, so the best
/// path found is as good as the old search's; `StoppedMajorSearchTests` checks both against each other and a brute
/// force on random plans.
///
/// Work per complete path: O(n² · (n + m)) for n open courses and m unused records, instead of m!/(m−n)!.
enum StandInAssignment {
    /// One way an open course can be met by one record.
    struct Edge {
        var record: Int
        var via: Via
        /// The mapping rule whose old record this is (else -1).
        var rule: Int
        var review: Int
        /// Among equal costs: own record, then decision, then mapping, then the stand-in with the fewest credits.
        var preference: Int
    }

    /// A cost vector ordered lexicographically, added and subtracted component by component.
    struct Weight: Comparable {
        var impossible = 0
        var credits = 0
        var courses = 0
        var review = 0
        var preference = 0

        static let zero = Weight()
        /// Larger than any sum of real weights (the "no edge" entry of the Hungarian algorithm).
        static let infinite = Weight(impossible: 1 << 40)

        static func + (a: Weight, b: Weight) -> Weight {
            Weight(impossible: a.impossible + b.impossible, credits: a.credits + b.credits, courses: a.courses + b.courses,
                   review: a.review + b.review, preference: a.preference + b.preference)
        }
        static func - (a: Weight, b: Weight) -> Weight {
            Weight(impossible: a.impossible - b.impossible, credits: a.credits - b.credits, courses: a.courses - b.courses,
                   review: a.review - b.review, preference: a.preference - b.preference)
        }
        static func < (a: Weight, b: Weight) -> Bool {
            (a.impossible, a.credits, a.courses, a.review, a.preference) < (b.impossible, b.credits, b.courses, b.review, b.preference)
        }
    }

    /// Minimum-cost assignment of `rows` open courses: `edges[i]` the records row i may take (with their weights),
    /// `open[i]` the weight of leaving row i open. Returns for each row the index into `edges[i]` it takes, or nil.
    /// Hungarian algorithm (shortest augmenting paths with potentials) over the columns = distinct records + one
    /// "open" column per row; deterministic (columns in record order, first minimum wins).
    static func solve(edges: [[(edge: Edge, weight: Weight)]], open: [Weight]) -> [Int?] {
        let n = edges.count
        guard n > 0 else { return [] }
        var columnOfRecord: [Int: Int] = [:]
        var records: [Int] = []
        for row in edges { for item in row where columnOfRecord[item.edge.record] == nil { columnOfRecord[item.edge.record] = 0; records.append(item.edge.record) } }
        records.sort()
        for (column, record) in records.enumerated() { columnOfRecord[record] = column + 1 }
        let m = records.count + n
        // cost[i][j], 1-based; nil: no edge.
        var cost = [[Weight?]](repeating: [Weight?](repeating: nil, count: m + 1), count: n + 1)
        var edgeAt = [[Int]](repeating: [Int](repeating: -1, count: m + 1), count: n + 1)
        for (index, row) in edges.enumerated() {
            for (position, item) in row.enumerated() {
                guard let column = columnOfRecord[item.edge.record] else { continue }
                if let existing = cost[index + 1][column], !(item.weight < existing) { continue }
                cost[index + 1][column] = item.weight
                edgeAt[index + 1][column] = position
            }
            cost[index + 1][records.count + index + 1] = open[index]
        }
        var u = [Weight](repeating: .zero, count: n + 1)
        var v = [Weight](repeating: .zero, count: m + 1)
        var owner = [Int](repeating: 0, count: m + 1)
        var way = [Int](repeating: 0, count: m + 1)
        for row in 1...n {
            owner[0] = row
            var column0 = 0
            var minimum = [Weight](repeating: .infinite, count: m + 1)
            var visited = [Bool](repeating: false, count: m + 1)
            repeat {
                visited[column0] = true
                let row0 = owner[column0]
                var delta = Weight.infinite
                var column1 = 0
                for column in 1...m where !visited[column] {
                    if let weight = cost[row0][column] {
                        let reduced = weight - u[row0] - v[column]
                        if reduced < minimum[column] { minimum[column] = reduced; way[column] = column0 }
                    }
                    if minimum[column] < delta { delta = minimum[column]; column1 = column }
                }
                // Every row has its own "open" column, so an augmenting path always exists.
                guard column1 != 0 else { return Array(repeating: nil, count: n) }
                for column in 0...m {
                    if visited[column] { u[owner[column]] = u[owner[column]] + delta; v[column] = v[column] - delta }
                    else { minimum[column] = minimum[column] - delta }
                }
                column0 = column1
            } while owner[column0] != 0
            repeat {
                let column1 = way[column0]
                owner[column0] = owner[column1]
                column0 = column1
            } while column0 != 0
        }
        var result = [Int?](repeating: nil, count: n)
        for column in stride(from: 1, through: records.count, by: 1) where owner[column] != 0 {
            let position = edgeAt[owner[column]][column]
            if position >= 0 { result[owner[column] - 1] = position }
        }
        return result
    }

    /// Per mapping rule: whether the assignment can apply it as one record — `need: 1`, one new course, serving one
    /// node, using up what it reads, not credits-only (`CompiledPlan.simpleRule`).
    static func simpleRules(of plan: CompiledPlanBuilder) -> [Bool] {
        var nodesOfRule = Array(repeating: 0, count: plan.rules.count)
        for node in plan.nodeTag.indices { for (rule, _) in plan.rulesForNode[node] { nodesOfRule[rule] += 1 } }
        return plan.rules.indices.map { rule in
            let definition = plan.rules[rule]
            return definition.need == 1 && !definition.keepsOld && !definition.creditsOnly && plan.ruleNewIDs[rule].count == 1 && nodesOfRule[rule] == 1
        }
    }

    /// Per node: whether the search may leave it open for the assignment (see the type's comment). All false unless the
    /// plan is under the stopped-major rule. Its mapping rules that are not `simpleRule`s stay options of the search.
    static func deferrableNodes(of plan: CompiledPlanBuilder) -> [Bool] {
        var result = Array(repeating: false, count: plan.nodeTag.count)
        guard plan.stoppedMajorRule else { return result }
        // How many places name each code id as something to count: course leaves, pool courses, substitution courses.
        var named = Array(repeating: 0, count: plan.codes.count)
        for node in plan.nodeTag.indices {
            switch plan.nodeTag[node] {
            case .course: if plan.leafCode[node] >= 0 { named[plan.leafCode[node]] += 1 }
            case .pool: for id in Set(plan.poolCodes[node] + plan.poolMatches[node]) { named[id] += 1 }
            default: break
            }
        }
        for options in plan.substitutionCodeIDs.values { for option in options { for id in option { named[id] += 1 } } }
        for options in plan.substitutionMatchIDs.values { for option in options { for id in Set(option.flatMap { $0 }) { named[id] += 1 } } }
        for node in plan.nodeTag.indices where plan.nodeTag[node] == .course {
            let leaf = plan.leafCode[node]
            result[node] = leaf >= 0 && named[leaf] == 1
        }
        return result
    }
}
