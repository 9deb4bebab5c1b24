// Filling pools with distinct courses, and the most credits and courses an option can count.
extension PlanAnalysis {
    // MARK: pools

    /// The courses each pool of `demand` may take, once `demand`'s exclusive courses and `unavailable` are
    /// gone, with courses wanted by several non-shared pools listed separately.
    func poolCourses(_ demand: Demand, unavailable: Set<CourseCode>) -> (own: [Int: Set<CourseCode>], contested: [CourseCode: [Int]]) {
        let taken = demand.exclusive.union(unavailable)
        var own: [Int: Set<CourseCode>] = [:]
        var wanted: [CourseCode: [Int]] = [:]
        for pool in demand.pools.sorted() {
            let codes = pools[pool].shared ? Set(pools[pool].codes) : Set(pools[pool].codes).subtracting(taken)
            own[pool] = codes
            if !pools[pool].shared { for code in codes { wanted[code, default: []].append(pool) } }
        }
        let contested = wanted.filter { $0.value.count > 1 }
        for (code, owners) in contested { for owner in owners { own[owner]?.remove(code) } }
        return (own, contested)
    }

    func satisfies(_ pool: Int, with codes: Set<CourseCode>) -> Bool {
        let credits = codes.reduce(0) { $0 + (courses[$1]?.credits ?? 0) }
        return credits >= (pools[pool].minCredits ?? 0) && codes.count >= (pools[pool].minCourses ?? 0)
    }

    /// Every way to hand the contested courses to the pools that want them (nil when there are too many).
    func assignments(_ own: [Int: Set<CourseCode>], _ contested: [CourseCode: [Int]]) -> [[Int: Set<CourseCode>]]? {
        guard contested.count <= Self.maxContested else { return nil }
        var result: [[Int: Set<CourseCode>]] = [own]
        for (code, owners) in contested.sorted(by: { $0.key < $1.key }) {
            result = result.flatMap { partial in
                owners.map { owner in
                    var next = partial
                    next[owner, default: []].insert(code)
                    return next
                }
            }
        }
        return result
    }

    /// Whether every pool of `demand` can reach its minimums with distinct courses.
    func poolsFeasible(_ demand: Demand, unavailable: Set<CourseCode>) -> Bool {
        let (own, contested) = poolCourses(demand, unavailable: unavailable)
        guard let all = assignments(own, contested) else { return true }   // too many to try: assume it can
        return all.contains { assignment in assignment.allSatisfy { satisfies($0.key, with: $0.value) } }
    }

    // MARK: totals

    /// The most credits and courses `demand` can count (pools full, capped by `max-credits`; a practice component
    /// with its theory course and a thesis count as no extra course). Nil when unknown.
    func totals(_ demand: Demand) -> [(credits: Int, courses: Int)]? {
        let (own, contested) = poolCourses(demand, unavailable: [])
        guard let all = assignments(own, contested) else { return nil }
        let used = demand.exclusive.union(demand.shared)
        return all.filter { $0.allSatisfy { satisfies($0.key, with: $0.value) } }.map { assignment in
            var counted = used
            var credits = used.reduce(0) { $0 + (courses[$1]?.credits ?? 0) }
            for pool in assignment.keys.sorted() {
                let fresh = (assignment[pool] ?? []).subtracting(counted)
                let poolCredits = fresh.reduce(0) { $0 + (courses[$1]?.credits ?? 0) }
                credits += min(poolCredits, pools[pool].maxCredits ?? poolCredits)
                counted.formUnion(fresh)
            }
            return (credits, counted.reduce(0) { $0 + weight($1, among: counted) })
        }
    }

    func weight(_ code: CourseCode, among counted: Set<CourseCode>) -> Int {
        guard let course = courses[code] else { return 1 }
        switch course.kind {
        case .thesis: return 0
        case .practice: return course.theory.map { counted.contains($0.value) ? 0 : 1 } ?? 1
        case .theory: return 1
        }
    }
}
