// Finding the root cause when a requirement has no option: a course used twice, a choice or pool whose
// courses other requirements take, or two requirements that need the same courses.
extension PlanAnalysis {
    static let poolKind = LocalizedText(zh: "课程池", en: "pool")
    static let requirementKind = LocalizedText(zh: "要求", en: "requirement")

    /// Reports every node that no transcript can satisfy, at its root cause: a node without options whose
    /// parent has options (or the root). Returns whether the whole plan is satisfiable (nil: unknown).
    mutating func diagnoseUnsatisfiable() -> Bool? {
        var rootSatisfiable: Bool?
        for index in nodes.indices {
            guard let found = options(index) else { continue }
            if index == 0 { rootSatisfiable = !found.isEmpty }
            guard found.isEmpty else { continue }
            if let parent = nodes[index].parent {
                guard let parentOptions = options(parent), !parentOptions.isEmpty else { continue }
            }
            diagnose(index, unavailable: [])
        }
        return gaveUp ? nil : rootSatisfiable
    }

    /// Explains why node `index` has no option when `unavailable` courses are taken elsewhere.
    mutating func diagnose(_ index: Int, unavailable: Set<CourseCode>) {
        let node = nodes[index]
        let requirement = node.requirement
        switch requirement.shape {
        case .course(let code, _):
            report(DiagnosticMessages.unsatisfiableCourseTwice(code, node: requirement.id, at: requirement.location,
                                                               firstAt: uses(of: code, excluding: requirement.location).first))
        case .pool:
            guard let pool = poolOfNode[index], poolsFeasible(Demand(pools: [pool]), unavailable: []) else { return }  // graph.pool-unreachable
            let taken = Set(pools[pool].codes).intersection(unavailable).sorted()
            report(DiagnosticMessages.unsatisfiableNode(requirement.id, kind: Self.poolKind, codes: taken,
                                                        notes: notes(for: taken, excluding: requirement.location), at: requirement.location))
        case .allOf:
            diagnoseAllOf(index, unavailable: unavailable)
        case .choose(let count, _):
            guard count <= node.children.count else { return }   // graph.choose-too-many
            fallthrough
        case .alternatives:
            var brokenInside = false
            for child in node.children {
                if let own = options(child), own.isEmpty {
                    diagnose(child, unavailable: [])
                    brokenInside = true
                }
            }
            guard !brokenInside else { return }
            let taken = codes(below: index).intersection(unavailable).sorted()
            report(DiagnosticMessages.unsatisfiableNode(requirement.id, kind: Self.requirementKind, codes: taken,
                                                        notes: notes(for: taken, outside: index), at: requirement.location))
        }
    }

    /// An all-of: its mandatory course leaves (through nested all-of nodes) must be distinct; each other child
    /// must be satisfiable without them; and the other children must be satisfiable together.
    private mutating func diagnoseAllOf(_ index: Int, unavailable: Set<CourseCode>) {
        let (leaves, flexible) = flatten(index)
        var first: [CourseCode: SourceLocation] = [:]
        var reported = false
        for leaf in leaves {
            guard case .course(let code, _) = nodes[leaf].requirement.shape else { continue }
            let at = nodes[leaf].requirement.location
            if let earlier = first[code] {
                report(DiagnosticMessages.unsatisfiableCourseTwice(code, node: nodes[leaf].requirement.id, at: at, firstAt: earlier))
                reported = true
            } else if unavailable.contains(code) {
                report(DiagnosticMessages.unsatisfiableCourseTwice(code, node: nodes[leaf].requirement.id, at: at,
                                                                   firstAt: uses(of: code, excluding: at).first))
                reported = true
            } else {
                first[code] = at
            }
        }
        let mandatory = unavailable.union(first.keys)
        for child in flexible {
            guard let found = options(child, unavailable: mandatory), found.isEmpty else { continue }
            if let own = options(child), own.isEmpty {
                diagnose(child, unavailable: [])
            } else {
                diagnose(child, unavailable: mandatory)
            }
            reported = true
        }
        guard !reported else { return }
        let base = [Demand(exclusive: Set(first.keys))]
        var combined = base
        var kept: [Int] = []
        for child in flexible {
            guard let found = options(child, unavailable: mandatory), let next = product(combined, found, unavailable: unavailable) else { return }
            if next.isEmpty {
                // The earlier requirements it conflicts with: one alone if one suffices, else all that share courses.
                var partners: [Int] = []
                for earlier in kept {
                    guard let earlierOptions = options(earlier, unavailable: mandatory),
                          let pair = product(base, earlierOptions, unavailable: unavailable),
                          let both = product(pair, found, unavailable: unavailable)
                    else { return }
                    if both.isEmpty {
                        partners = [earlier]
                        break
                    }
                }
                if partners.isEmpty {
                    // Those linked to it by shared courses, directly or through one another.
                    var linked = codes(below: child)
                    var remaining = kept
                    while let next = remaining.firstIndex(where: { !codes(below: $0).isDisjoint(with: linked) }) {
                        linked.formUnion(codes(below: remaining[next]))
                        partners.append(remaining.remove(at: next))
                    }
                    partners.sort()
                }
                let requirement = nodes[child].requirement
                report(DiagnosticMessages.unsatisfiableTogether(requirement.id, others: partners.map { (nodes[$0].requirement.id, nodes[$0].requirement.location) },
                                                                at: requirement.location))
            } else {
                combined = next
                kept.append(child)
            }
        }
    }

    /// The course leaves every transcript must use (through nested all-of nodes, not shared, not replaceable by
    /// a substitution) and the other children.
    private func flatten(_ index: Int) -> (leaves: [Int], flexible: [Int]) {
        var leaves: [Int] = []
        var flexible: [Int] = []
        for child in nodes[index].children {
            let node = nodes[child]
            switch node.requirement.shape {
            case .allOf where !node.shared && node.substitutions.isEmpty:
                let inner = flatten(child)
                leaves += inner.leaves
                flexible += inner.flexible
            case .course where node.shared:
                continue
            case .course where node.substitutions.isEmpty:
                leaves.append(child)
            default:
                flexible.append(child)
            }
        }
        return (leaves, flexible)
    }

    private func notes(for codes: [CourseCode], excluding excluded: SourceLocation?) -> [Diagnostic.Note] {
        codes.compactMap { code in
            uses(of: code, excluding: excluded).first.map { .init(.init(zh: "\(code) 在这里被要求", en: "\(code) is required here"), at: $0) }
        }
    }

    /// Notes at the first use of each code outside the subtree of node `index`.
    private func notes(for codes: [CourseCode], outside index: Int) -> [Diagnostic.Note] {
        codes.compactMap { code in
            let outside = nodes.indices.first { candidate in
                guard case .course(let other, _) = nodes[candidate].requirement.shape, other == code else { return false }
                var ancestor: Int? = candidate
                while let current = ancestor {
                    if current == index { return false }
                    ancestor = nodes[current].parent
                }
                return true
            }
            return outside.map { .init(.init(zh: "\(code) 在这里被要求", en: "\(code) is required here"), at: nodes[$0].requirement.location) }
        }
    }
}
