/// Finds cycles in a small directed graph of course codes (renames, substitutions, mappings).
enum CycleFinder {
    /// One cycle per strongly connected component that has one (self-loops included), each listed from its
    /// smallest code, components ordered by that code. Deterministic for a given edge set. `pruning: false`
    /// searches from every code, without first dropping the edges that cannot lie on a cycle (the tests check that
    /// both give the same cycles).
    static func cycles(edges: [(CourseCode, CourseCode)], pruning: Bool = true) -> [[CourseCode]] {
        let edges = pruning ? pruned(edges) : edges
        guard !edges.isEmpty else { return [] }
        var next: [CourseCode: [CourseCode]] = [:]
        for (from, to) in edges { next[from, default: []].append(to) }
        for key in next.keys { next[key]?.sort() }
        var reported: Set<CourseCode> = []
        var result: [[CourseCode]] = []
        for start in next.keys.sorted() where !reported.contains(start) {
            // Breadth-first search for the shortest path back to `start`.
            var previous: [CourseCode: CourseCode] = [:]
            var queue = [start]
            var head = 0
            var found = false
            while head < queue.count, !found {
                let node = queue[head]
                head += 1
                for target in next[node] ?? [] {
                    if target == start {
                        previous[start] = node
                        found = true
                        break
                    }
                    if previous[target] == nil, target != start {
                        previous[target] = node
                        queue.append(target)
                    }
                }
            }
            guard found else { continue }
            var cycle: [CourseCode] = []
            var node = previous[start] ?? start
            while node != start {
                cycle.append(node)
                guard let before = previous[node] else { break }
                node = before
            }
            cycle.append(start)
            cycle.reverse()
            reported.formUnion(cycle)
            result.append(cycle)
        }
        return result
    }

    /// The edges that can lie on a cycle: edges whose source has no incoming edge, or whose target has no
    /// outgoing edge, are dropped until none is left to drop. Every edge of every cycle survives, and so does
    /// every path the search above can take back to its start, so its result is unchanged; on the acyclic
    /// graphs of real curricula nothing survives and the search never runs.
    static func pruned(_ edges: [(CourseCode, CourseCode)]) -> [(CourseCode, CourseCode)] {
        guard !edges.isEmpty else { return [] }
        // Quick exit: a cycle needs a code that is both a source and a target.
        var sources = Set<CourseCode>(minimumCapacity: edges.count)
        for (from, _) in edges { sources.insert(from) }
        guard edges.contains(where: { sources.contains($0.1) }) else { return [] }

        // Dense numbering, then a worklist that removes the edges of nodes without incoming or outgoing edges.
        var number: [CourseCode: Int] = [:]
        var from: [Int] = []
        var to: [Int] = []
        from.reserveCapacity(edges.count)
        to.reserveCapacity(edges.count)
        for (a, b) in edges {
            for code in [a, b] where number[code] == nil { number[code] = number.count }
            from.append(number[a] ?? 0)
            to.append(number[b] ?? 0)
        }
        let nodes = number.count
        var outgoing = [[Int]](repeating: [], count: nodes)
        var incoming = [[Int]](repeating: [], count: nodes)
        var outDegree = [Int](repeating: 0, count: nodes)
        var inDegree = [Int](repeating: 0, count: nodes)
        for edge in from.indices {
            outgoing[from[edge]].append(edge)
            incoming[to[edge]].append(edge)
            outDegree[from[edge]] += 1
            inDegree[to[edge]] += 1
        }
        var alive = [Bool](repeating: true, count: edges.count)
        var work = Array(0..<nodes)
        while let node = work.popLast() {
            if inDegree[node] == 0 {
                for edge in outgoing[node] where alive[edge] {
                    alive[edge] = false
                    outDegree[node] -= 1
                    inDegree[to[edge]] -= 1
                    work.append(to[edge])
                }
            }
            if outDegree[node] == 0 {
                for edge in incoming[node] where alive[edge] {
                    alive[edge] = false
                    inDegree[node] -= 1
                    outDegree[from[edge]] -= 1
                    work.append(from[edge])
                }
            }
        }
        return edges.indices.filter { alive[$0] }.map { edges[$0] }
    }
}
