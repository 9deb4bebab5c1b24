/// Finds cycles in a small directed graph of course codes (renames, substitutions, mappings).
enum CycleFinder {
    /// One cycle per strongly connected component that has one (self-loops included), each listed from its
    /// smallest code, components ordered by that code. Deterministic for a given edge set.
    static func cycles(edges: [(CourseCode, CourseCode)]) -> [[CourseCode]] {
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
}
