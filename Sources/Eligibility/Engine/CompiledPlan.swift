import CurriculumDSL

/// A plan flattened for auditing: a node table with children by index, course data resolved from the
/// catalog, substitutions by node, and the mapping rules (plan and province-wide) that apply. Built once per
/// plan and shared by every audit of it.
/// Builds a `CompiledPlan` (mutable while building; `CompiledPlan` keeps the result immutable).
struct CompiledPlanBuilder {
    struct Node: Sendable {
        enum Kind: Sendable {
            case course(CourseCode)
            case all
            case choose(Int)
            case alternatives
            case pool(codes: [CourseCode], minCredits: Int, minCourses: Int, maxCredits: Int?)
        }

        var id: String
        var title: String?
        var when: String?
        var kind: Kind
        var children: [Int]
        var parent: Int?
        /// Catalog credits (course nodes).
        var credits: Int
        /// What a course node adds to the course count (`CompiledPlanBuilder.courseWeight`).
        var weight: Int
        var countsTowardTotals: Bool
        /// Only results passed in this window count here (the node's own and its ancestors').
        var window: PassWindow? = nil

        var kindName: String {
            switch kind {
            case .course: "course"
            case .all: "all-of"
            case .choose(1): "one-of"
            case .choose: "choose"
            case .alternatives: "alternatives"
            case .pool: "pool"
            }
        }
    }

    struct SubstitutionOption: Sendable {
        var id: String
        var title: String?
        var minCredits: Int?
        var codes: [CourseCode]
        var window: PassWindow? = nil
    }

    struct MappingRuleRef: Sendable {
        var mappingID: String
        var slots: [[CourseCode]]
        var need: Int
        var new: [CourseCode]
        /// The mapping's and the rule's pass-date window.
        var window: PassWindow? = nil
        var creditsOnly = false
        /// The old results are not used up (`MappingRule.keepsOld`).
        var keepsOld = false
        /// The mapping's title, for explanations.
        var title: String? = nil

        /// How Chinese text names the mapping: its title, the id after it in brackets for maintainers.
        /// Spaced for running Chinese text: `对照规则\(displayName)满足` reads 对照规则“2021版 → 2024版”（from-2021）满足,
        /// or 对照规则 from-2021 满足 when the mapping has no title.
        var displayName: String { title.map { "“\($0)”（\(mappingID)）" } ?? " \(mappingID) " }
        /// The same without spaces, for inside brackets.
        var bracketedName: String { title.map { "“\($0)”（\(mappingID)）" } ?? mappingID }
    }

    let plan: Plan
    let major: Major
    var nodes: [Node] = []
    /// The requirement tree's root (index 0) and the 加考 roots, which never count toward totals.
    var root = 0
    var additionalRoots: [(id: String, title: String?, condition: AdditionalCourses.Condition, node: Int)] = []
    /// The 加考 groups as written (exceptions, institutions), by the index of `additionalRoots`.
    var additionalDefinitions: [AdditionalCourses] = []
    var substitutions: [Int: [SubstitutionOption]] = [:]
    var rules: [MappingRuleRef] = []
    var nodeByID: [String: Int] = [:]
    /// Every code a record could be used for in this plan (with equivalents).
    var relevantCodes: Set<CourseCode> = []
    /// Equivalent codes of every code the plan names (renames and equivalences), for matching records.
    var closure: [CourseCode: [CourseCode]] = [:]
    let courseInfo: [CourseCode: Course]
    let stoppedMajorRule: Bool
    let passMark: Int
    /// Exemptions that apply in the plan's province.
    var exemptions: [Exemption] = []

    // MARK: integer tables for the search (no hashing, no reference counting in the hot path)

    /// Every relevant code by id, and the id of each.
    var codes: [CourseCode] = []
    var codeID: [CourseCode: Int] = [:]
    /// Catalog credits by code id.
    var codeCredits: [Int] = []
    /// Course-count weight by code id (`courseWeight`): the one weight the search, the totals and the audit's
    /// per-node progress all use.
    var codeWeight: [Int] = []
    /// By code id: for a practice component that counts as a course of its own (weight 1: its theory course is not a
    /// course of the plan's requirements), its theory course and the codes equivalent to it; else empty. A set of
    /// results holding both (a 顶替 set) counts them as one course (`CompiledPlan.courseCount`).
    var practiceTheory: [Set<CourseCode>] = []
    /// For a plan code that is a theory course with a practice component in the plan: the component's id (else -1);
    /// for such a component: its theory course's id (else -1).
    var practiceOfCode: [Int] = []
    var practiceMatchesOfCode: [[Int]] = []
    var theoryOfCode: [Int] = []
    /// How many places of the plan could use a record of each code (1: uncontested).
    var consumersOfCode: [Int] = []
    /// By code id, the places that could use a record of it, as the nodes where the search meets them: a course node,
    /// a pool, a node with a substitution naming it (`directPlacesOfCode`); the nodes a mapping rule naming it as an
    /// old course can serve, and -1 for a credits-only rule, met at the end of every path (`rulePlacesOfCode`).
    var directPlacesOfCode: [[Int]] = []
    var rulePlacesOfCode: [[Int]] = []
    /// Nodes are numbered in preorder: node `n`'s subtree is `n ..< subtreeEnd[n]`.
    var subtreeEnd: [Int] = []
    /// Per node: its kind without payload (one byte, for the search's switch).
    var nodeTag: [NodeTag] = []
    var nodeCredits: [Int] = []
    var nodeWeight: [Int] = []
    var nodeCounts: [Bool] = []
    var nodeChildren: [[Int]] = []
    var nodeChoose: [Int] = []
    /// Course nodes: the leaf's code id and the ids of every code that satisfies it (the leaf's own first).
    var leafCode: [Int] = []
    var leafMatches: [[Int]] = []
    /// Pool nodes: matching code ids (with equivalents), the pool's own code ids, and the minimums.
    var poolMatches: [[Int]] = []
    var poolCodes: [[Int]] = []
    var poolMinCredits: [Int] = []
    var poolMinCourses: [Int] = []
    var poolMaxCredits: [Int] = []
    /// Mapping rules: each slot's code ids, the new code ids, and which rules can fill each course node.
    var ruleSlotIDs: [[[Int]]] = []
    var ruleNewIDs: [[Int]] = []
    /// Mapping rules whose new course is this course node's (or one of this pool's courses), with that course's id.
    var rulesForNode: [[(rule: Int, target: Int)]] = []
    /// Substitutions by node: for each option, each listed code's matching ids, and the option's own code ids.
    var substitutionMatchIDs: [Int: [[[Int]]]] = [:]
    var substitutionCodeIDs: [Int: [[Int]]] = [:]
    /// Per node: the pass-date window of results it may use (nil: any date).
    var nodeWindow: [PassWindow?] = []
    /// Whether any node, rule or substitution has a window (the search checks dates only then).
    var hasWindows = false
    /// Credits-only rules (indices into `rules`).
    var creditsOnlyRules: [Int] = []
    /// Whether a node has substitutions (checked on every search step, so an array, not a dictionary).
    var hasSubstitution: [Bool] = []
    /// Per node: the 加考 group (index into `additionalRoots`) the node belongs to, -1 for the plan's own nodes.
    var nodeAdditionalGroup: [Int] = []

    // MARK: tables for building the audit (plan-only text and references, computed once instead of per audit)

    /// Per node: its title in the audit (the course name for a course node without a title) and its kind name.
    var nodeTitle: [String?] = []
    var nodeKindName: [String] = []
    /// Course nodes: the course as a missing item names it, and the options when the parent is a choice
    /// (cheapest first); empty otherwise.
    var nodeCourseRef: [Audit.CourseRef?] = []
    var nodeAlternatives: [[Audit.CourseRef]] = []
    /// Pool nodes: every listed course, cheapest first (the options of a course to add).
    var poolOptionRefs: [[Audit.CourseRef]] = []
    /// Catalog name by code id (nil when the catalog lacks the code), for the records of a detailed table.
    var catalogName: [String?] = []
    /// Per node: its id; for a course node, whether it is a thesis and the course's last sitting (nil otherwise).
    var nodeID: [String] = []
    var nodeIsThesis: [Bool] = []
    var nodeExaminedUntil: [CivilDate?] = []
    /// By code id: the course as the audit names it (the plan's catalog entry: name and credits, "" and 0 when the
    /// plan's catalog lacks it) and whether it is a thesis.
    var codeRef: [Audit.CourseRef] = []
    var codeIsThesis: [Bool] = []
    /// The codes of the plan's requirement tree (course nodes and pools; not 加考, which never counts), the set
    /// `courseWeight` decides a practice component's and an equivalent code's weight against.
    let planCodes: Set<CourseCode>

    init(plan: Plan, major: Major, graph: CurriculumGraph, provinceMappings override: [Mapping]? = nil) {
        self.plan = plan
        self.major = major
        passMark = plan.passMark
        stoppedMajorRule = major.status == .stopped && graph.provinces[major.province]?.stoppedMajorRule != nil
        var info: [CourseCode: Course] = [:]
        for code in plan.allCourseCodes { if let course = graph.courses[code] { info[code] = course } }
        courseInfo = info
        planCodes = Set(plan.requirements.courseCodes)
        root = add(plan.requirements, parent: nil, graph: graph, counts: true)
        for extra in plan.additionalCourses {
            let children = extra.courses.map {
                Requirement(id: $0.value.rawValue, title: nil, note: nil, when: nil, shared: false,
                            shape: .course($0.value, writtenName: nil), location: $0.location)
            }
            let node = Requirement(id: extra.id, title: extra.title, note: nil, when: nil, shared: false,
                                   shape: .allOf(children), location: extra.location)
            additionalRoots.append((extra.id, extra.title, extra.condition, add(node, parent: nil, graph: graph, counts: false)))
            additionalDefinitions.append(extra)
        }
        for substitution in plan.substitutions {
            guard let node = nodeByID[substitution.replaces.value] else { continue }
            let option: SubstitutionOption
            switch substitution.form {
            case .credits(let minimum, let from):
                option = SubstitutionOption(id: substitution.id, title: substitution.title, minCredits: minimum, codes: from.map(\.value),
                                            window: substitution.window)
            case .fixedSet(let set):
                option = SubstitutionOption(id: substitution.id, title: substitution.title, minCredits: nil, codes: set.map(\.value),
                                            window: substitution.window)
            }
            substitutions[node, default: []].append(option)
            for code in option.codes { addRelevant(code, graph: graph) }
        }
        let provinceMappings = override ?? Self.provinceMappings(for: major, graph: graph)
        exemptions = graph.exemptions.filter { $0.province == nil || $0.province?.value == major.province }.sorted { $0.id < $1.id }
        for mapping in plan.mappings + provinceMappings {
            for rule in mapping.rules {
                let window = rule.window.map { $0.intersection(mapping.window) } ?? mapping.window
                let ref = MappingRuleRef(mappingID: mapping.id, slots: rule.old.map { $0.map(\.value) }, need: rule.need, new: rule.new.map(\.value),
                                         window: window, creditsOnly: rule.creditsOnly, keepsOld: rule.keepsOld, title: mapping.title)
                rules.append(ref)
                for slot in ref.slots { for code in slot { addRelevant(code, graph: graph) } }
                for code in ref.new { addRelevant(code, graph: graph) }
            }
        }
        buildTables(graph: graph)
        buildAuditTables(graph: graph)
        nodeAdditionalGroup = Array(repeating: -1, count: nodes.count)
        for (group, extra) in additionalRoots.enumerated() {
            var stack = [extra.node]
            while let node = stack.popLast() {
                guard node >= 0, node < nodes.count else { continue }
                nodeAdditionalGroup[node] = group
                stack.append(contentsOf: nodes[node].children)
            }
        }
    }

    /// The province-wide mappings that apply to a major's plans (its province, and its level if the mapping names one).
    static func provinceMappings(for major: Major, graph: CurriculumGraph) -> [Mapping] {
        graph.mappings.filter { mapping in
            guard mapping.province?.value == major.province else { return false }
            guard let level = mapping.level else { return true }
            return major.level.isSameLevel(as: level)
        }
    }

    private mutating func id(_ code: CourseCode, graph: CurriculumGraph) -> Int {
        if let existing = codeID[code] { return existing }
        let new = codes.count
        codes.append(code)
        codeID[code] = new
        codeCredits.append(graph.courses[code]?.credits ?? 0)
        codeWeight.append(1)
        consumersOfCode.append(0)
        return new
    }

    private mutating func ids(matching code: CourseCode, graph: CurriculumGraph) -> [Int] {
        var result = [id(code, graph: graph)]
        for equivalent in graph.equivalenceClosure(of: code) where equivalent != code { result.append(id(equivalent, graph: graph)) }
        return result
    }

    /// Fills the integer tables once the tree, substitutions and rules are known.
    private mutating func buildTables(graph: CurriculumGraph) {
        let count = nodes.count
        nodeTag = Array(repeating: .course, count: count)
        nodeCredits = nodes.map(\.credits)
        nodeWeight = nodes.map(\.weight)
        nodeCounts = nodes.map(\.countsTowardTotals)
        nodeChildren = nodes.map(\.children)
        nodeChoose = Array(repeating: 0, count: count)
        leafCode = Array(repeating: -1, count: count)
        leafMatches = Array(repeating: [], count: count)
        poolMatches = Array(repeating: [], count: count)
        poolCodes = Array(repeating: [], count: count)
        poolMinCredits = Array(repeating: 0, count: count)
        poolMinCourses = Array(repeating: 0, count: count)
        poolMaxCredits = Array(repeating: Int.max, count: count)
        rulesForNode = Array(repeating: [], count: count)
        var consumers: [Int: Set<Int>] = [:]
        var place = 0
        var directPlaces: [Int: [Int]] = [:]
        func consume(_ ids: [Int], at node: Int? = nil) {
            place += 1
            for id in ids { consumers[id, default: []].insert(place) }
            if let node { for id in Set(ids) { directPlaces[id, default: []].append(node) } }
        }
        for (index, node) in nodes.enumerated() {
            switch node.kind {
            case .course(let code):
                nodeTag[index] = .course
                let matches = ids(matching: code, graph: graph)
                leafCode[index] = matches[0]
                leafMatches[index] = matches
                consume(matches, at: index)
            case .all:
                nodeTag[index] = .allOf
            case .choose(let k):
                nodeTag[index] = .choose
                nodeChoose[index] = k
            case .alternatives:
                nodeTag[index] = .alternatives
            case .pool(let codes, let minCredits, let minCourses, let maxCredits):
                nodeTag[index] = .pool
                poolCodes[index] = codes.map { id($0, graph: graph) }
                var matches: [Int] = []
                for code in codes { for match in ids(matching: code, graph: graph) where !matches.contains(match) { matches.append(match) } }
                poolMatches[index] = matches
                poolMinCredits[index] = minCredits
                poolMinCourses[index] = minCourses
                poolMaxCredits[index] = maxCredits ?? Int.max
                consume(matches, at: index)
            }
        }
        hasSubstitution = Array(repeating: false, count: count)
        for node in substitutions.keys { hasSubstitution[node] = true }
        for (node, options) in substitutions {
            substitutionMatchIDs[node] = options.map { option in option.codes.map { ids(matching: $0, graph: graph) } }
            substitutionCodeIDs[node] = options.map { option in option.codes.map { id($0, graph: graph) } }
            for option in substitutionMatchIDs[node] ?? [] { consume(option.flatMap { $0 }, at: node) }
        }
        for rule in rules {
            let slots = rule.slots.map { slot in slot.flatMap { ids(matching: $0, graph: graph) } }
            ruleSlotIDs.append(slots)
            ruleNewIDs.append(rule.new.map { id($0, graph: graph) })
            if !rule.keepsOld { for slot in slots { consume(slot) } }
        }
        for index in nodes.indices where nodeTag[index] == .course || nodeTag[index] == .pool {
            let matches = Set(nodeTag[index] == .course ? leafMatches[index] : poolMatches[index])
            for (ruleIndex, newIDs) in ruleNewIDs.enumerated() {
                if let target = newIDs.first(where: { matches.contains($0) }) { rulesForNode[index].append((ruleIndex, target)) }
            }
        }
        consumersOfCode = codes.indices.map { consumers[$0]?.count ?? 0 }
        directPlacesOfCode = codes.indices.map { directPlaces[$0] ?? [] }
        var rulePlaces: [Int: [Int]] = [:]
        for (ruleIndex, rule) in rules.enumerated() where !rule.keepsOld {
            let users = rule.creditsOnly ? [-1] : nodes.indices.filter { node in rulesForNode[node].contains { $0.rule == ruleIndex } }
            for id in Set(ruleSlotIDs[ruleIndex].joined()) { rulePlaces[id, default: []].append(contentsOf: users) }
        }
        rulePlacesOfCode = codes.indices.map { rulePlaces[$0] ?? [] }
        subtreeEnd = Array(repeating: 0, count: count)
        for node in nodes.indices.reversed() { subtreeEnd[node] = nodes[node].children.last.map { subtreeEnd[$0] } ?? node + 1 }
        nodeWindow = nodes.map(\.window)
        creditsOnlyRules = rules.indices.filter { rules[$0].creditsOnly }
        hasWindows = nodeWindow.contains { $0 != nil } || rules.contains { $0.window != nil }
            || substitutions.values.contains { $0.contains { $0.window != nil } }
        codeWeight = codes.map { Self.courseWeight(of: $0, graph: graph, planCodes: planCodes) }
        practiceOfCode = Array(repeating: -1, count: codes.count)
        practiceMatchesOfCode = Array(repeating: [], count: codes.count)
        theoryOfCode = Array(repeating: -1, count: codes.count)
        for index in codes.indices where codeWeight[index] == 0 {
            guard let course = graph.courses[codes[index]], course.kind == .practice, let theory = course.theory?.value else { continue }
            let candidates = [theory] + graph.equivalenceClosure(of: theory).sorted()
            guard let theoryCode = candidates.first(where: { codeID[$0] != nil && planCodes.contains($0) }), let theoryID = codeID[theoryCode] else { continue }
            theoryOfCode[index] = theoryID
            if practiceOfCode[theoryID] < 0 {
                practiceOfCode[theoryID] = index
                // The component and the codes equivalent to it (an old code of the practice component).
                practiceMatchesOfCode[theoryID] = [index] + graph.equivalenceClosure(of: codes[index]).sorted().compactMap { codeID[$0] }.filter { $0 != index }
            }
        }
        practiceTheory = codes.indices.map { index in
            guard codeWeight[index] == 1, let course = graph.courses[codes[index]], course.kind == .practice,
                  let theory = course.theory?.value else { return [] }
            return Set(graph.equivalenceClosure(of: theory)).union([theory])
        }
    }

    /// Fills the tables the audit builder reads (after `buildTables`, so every code has its id).
    private mutating func buildAuditTables(graph: CurriculumGraph) {
        func ref(_ code: CourseCode) -> Audit.CourseRef { .init(code: code, name: name(of: code), credits: credits(of: code)) }
        func cheapestFirst(_ refs: [Audit.CourseRef]) -> [Audit.CourseRef] { refs.sorted { ($0.credits, $0.code) < ($1.credits, $1.code) } }
        nodeKindName = nodes.map(\.kindName)
        nodeTitle = []
        nodeCourseRef = []
        nodeAlternatives = []
        poolOptionRefs = []
        for node in nodes {
            // An option of a choice without a title is named by its `when` (考英语者 …), never by its id.
            var title = node.title ?? node.when
            var courseRef: Audit.CourseRef?
            var alternatives: [Audit.CourseRef] = []
            var options: [Audit.CourseRef] = []
            switch node.kind {
            case .course(let code):
                title = title ?? name(of: code)
                courseRef = ref(code)
                if let parent = node.parent {
                    let parentNode = nodes[parent]
                    var isChoice = false
                    if case .choose(let count) = parentNode.kind, count < parentNode.children.count { isChoice = true }
                    if case .alternatives = parentNode.kind { isChoice = true }
                    if isChoice {
                        alternatives = cheapestFirst(parentNode.children.compactMap { child -> Audit.CourseRef? in
                            if case .course(let other) = nodes[child].kind { return ref(other) }
                            return nil
                        })
                    }
                }
            case .pool(let codes, _, _, _):
                options = cheapestFirst(codes.map(ref))
            case .all, .choose, .alternatives:
                break
            }
            nodeTitle.append(title)
            nodeCourseRef.append(courseRef)
            nodeAlternatives.append(alternatives)
            poolOptionRefs.append(options)
        }
        catalogName = codes.map { graph.courses[$0]?.name }
        nodeID = nodes.map(\.id)
        nodeIsThesis = nodes.map { node in
            if case .course(let code) = node.kind { return courseInfo[code]?.kind == .thesis }
            return false
        }
        nodeExaminedUntil = nodes.map { node in
            if case .course(let code) = node.kind { return courseInfo[code]?.examinedUntil }
            return nil
        }
        codeRef = codes.map(ref)
        codeIsThesis = codes.map { courseInfo[$0]?.kind == .thesis }
    }

    private mutating func addRelevant(_ code: CourseCode, graph: CurriculumGraph) {
        let equivalents = graph.equivalenceClosure(of: code)
        closure[code] = equivalents
        for equivalent in equivalents { relevantCodes.insert(equivalent) }
    }

    private mutating func add(_ requirement: Requirement, parent: Int?, graph: CurriculumGraph, counts: Bool) -> Int {
        let index = nodes.count
        let inherited = parent.flatMap { nodes[$0].window }
        let window = requirement.window.map { $0.intersection(inherited) } ?? inherited
        let kind: Node.Kind
        var credits = 0
        var weight = 0
        switch requirement.shape {
        case .course(let code, _):
            kind = .course(code)
            let course = graph.courses[code]
            credits = course?.credits ?? 0
            weight = Self.courseWeight(of: code, graph: graph, planCodes: planCodes)
            addRelevant(code, graph: graph)
        case .allOf:
            kind = .all
        case .choose(let count, _):
            kind = .choose(count)
        case .alternatives:
            kind = .alternatives
        case .pool(let courses, let minCredits, let minCourses, let maxCredits):
            kind = .pool(codes: courses.map(\.value), minCredits: minCredits ?? 0, minCourses: minCourses ?? 0, maxCredits: maxCredits)
            for code in courses { addRelevant(code.value, graph: graph) }
        }
        nodes.append(Node(id: requirement.id, title: requirement.title, when: requirement.when, kind: kind, children: [],
                          parent: parent, credits: credits, weight: weight, countsTowardTotals: counts, window: window))
        if nodeByID[requirement.id] == nil { nodeByID[requirement.id] = index }
        var children: [Int] = []
        for child in requirement.children {
            children.append(add(child, parent: index, graph: graph, counts: counts))
        }
        nodes[index].children = children
        return index
    }

    /// What a passed (or missing) course of code `code` adds to a course count — the single definition used by the
    /// search (course nodes, pools, completion, the plan's totals) and by the audit's progress of every node, so the
    /// verdict and the displayed progress never disagree:
    /// - a code counts as the plan's course it stands for: itself when the plan names it, else the plan's code it is
    ///   equivalent to (a rename or an equivalence), else itself;
    /// - a thesis counts 0 (the plan's course count is of courses; the thesis is a separate condition);
    /// - a practice component counts 0 when its theory course (or a code equivalent to it) is a course of the plan's
    ///   requirements — the theory course and its practice component together are one course, counted by the
    ///   theory course —, else 1;
    /// - any other course (and a code the catalog lacks) counts 1.
    /// 加考 courses are not in `planCodes`: they never count toward the totals, so they carry no practice component's count.
    static func courseWeight(of code: CourseCode, graph: CurriculumGraph, planCodes: Set<CourseCode>) -> Int {
        let standsFor = planCodes.contains(code) ? code : graph.equivalenceClosure(of: code).filter { planCodes.contains($0) }.min() ?? code
        guard let course = graph.courses[standsFor] ?? graph.courses[code] else { return 1 }
        switch course.kind {
        case .thesis: return 0
        case .theory: return 1
        case .practice:
            guard let theory = course.theory?.value else { return 1 }
            return graph.equivalenceClosure(of: theory).contains { planCodes.contains($0) } ? 0 : 1
        }
    }

    func credits(of code: CourseCode) -> Int { courseInfo[code]?.credits ?? 0 }
    func name(of code: CourseCode) -> String { courseInfo[code]?.name ?? "" }
}

/// A plan flattened for auditing, shared by every audit of the plan. A class with constant properties: audits pass
/// one reference instead of copying (and reference-counting) every table, and reading needs no access checks.
/// A requirement node's kind without its payload: what the search switches on.
enum NodeTag: UInt8, Sendable {
    case course, allOf, choose, alternatives, pool
}

final class CompiledPlan: Sendable {
    typealias Node = CompiledPlanBuilder.Node
    let plan: Plan
    let root: Int
    let major: Major
    let nodes: [CompiledPlanBuilder.Node]
    let additionalRoots: [(id: String, title: String?, condition: AdditionalCourses.Condition, node: Int)]
    let additionalDefinitions: [AdditionalCourses]
    let nodeWindow: [PassWindow?]
    let hasWindows: Bool
    let creditsOnlyRules: [Int]
    let substitutions: [Int: [CompiledPlanBuilder.SubstitutionOption]]
    let rules: [CompiledPlanBuilder.MappingRuleRef]
    let nodeByID: [String: Int]
    let relevantCodes: Set<CourseCode>
    let closure: [CourseCode: [CourseCode]]
    let courseInfo: [CourseCode: Course]
    let stoppedMajorRule: Bool
    let passMark: Int
    let exemptions: [Exemption]
    let codes: [CourseCode]
    let codeID: [CourseCode: Int]
    /// `codeID` as a table without hashing, for the per-audit look-ups (`RecordTable`).
    let codeIndex: CodeIndex
    let codeCredits: [Int]
    let codeWeight: [Int]
    let practiceTheory: [Set<CourseCode>]
    let practiceOfCode: [Int]
    let practiceMatchesOfCode: [[Int]]
    let theoryOfCode: [Int]
    let consumersOfCode: [Int]
    /// `CompiledPlanBuilder.directPlacesOfCode`, `rulePlacesOfCode` and `subtreeEnd` (see there).
    let directPlaceTable: FlatTable
    let rulePlaceTable: FlatTable
    let subtreeEnd: [Int]
    let nodeTag: [NodeTag]
    let nodeCredits: [Int]
    let nodeWeight: [Int]
    let nodeCounts: [Bool]
    let nodeChildren: [[Int]]
    /// `nodeChildren`, `leafMatches` and `poolMatches` as flat tables, for the search: reading a row of `[[Int]]`
    /// retains the row's array, which every thread auditing the plan shares (an atomic on a shared cache line).
    let childTable: FlatTable
    let leafMatchTable: FlatTable
    let poolMatchTable: FlatTable
    let nodeChoose: [Int]
    let leafCode: [Int]
    let leafMatches: [[Int]]
    let poolMatches: [[Int]]
    let poolCodes: [[Int]]
    let poolMinCredits: [Int]
    let poolMinCourses: [Int]
    let poolMaxCredits: [Int]
    let ruleSlotIDs: [[[Int]]]
    let ruleNewIDs: [[Int]]
    let rulesForNode: [[(rule: Int, target: Int)]]
    let substitutionMatchIDs: [Int: [[[Int]]]]
    let substitutionCodeIDs: [Int: [[Int]]]
    let hasSubstitution: [Bool]
    let nodeAdditionalGroup: [Int]
    let nodeTitle: [String?]
    let nodeKindName: [String]
    let nodeCourseRef: [Audit.CourseRef?]
    let nodeAlternatives: [[Audit.CourseRef]]
    let poolOptionRefs: [[Audit.CourseRef]]
    let catalogName: [String?]
    /// Per node: a course the search leaves open under the stopped-major rule, decided once a path is complete
    /// (`StandInAssignment`).
    let deferrable: [Bool]
    /// Per mapping rule: whether the stand-in assignment applies it (`StandInAssignment.simpleRules`).
    let simpleRule: [Bool]
    let nodeID: [String]
    let nodeIsThesis: [Bool]
    let nodeExaminedUntil: [CivilDate?]
    let codeRef: [Audit.CourseRef]
    let codeIsThesis: [Bool]
    /// The audit's target without the request's institution and date (copied into each audit: the plan's and major's
    /// strings are read once here, not from `Plan` and `Major` per audit).
    let target: Audit.Target
    /// The plan's major and dates (`Plan.major`, `Plan.isInForce(on:)`), read without copying the `Plan`.
    let majorKey: MajorKey
    let effectiveFrom: CivilDate?
    let effectiveUntil: CivilDate?
    /// The major's level and prerequisite (`PriorDiplomaCheck`).
    let majorLevel: Level
    let prerequisite: Prerequisite?
    /// A variant of a plan with conditions (`AuditEngine.Variant`), not the plan as written.
    let isVariant: Bool
    /// By code id: whether the code is one of `relevantCodes`, and whether a course node or a pool can use it (a row
    /// of `leafMatches` or `poolMatches` holds it). The reasons of unused records read these instead of hashing the
    /// code and scanning every node's matches on each audit.
    let codeIsRelevant: [Bool]
    let codeInRequirements: [Bool]
    /// Why a failed result does not count (`RecordTable.failed`), written once for the plan's pass mark: every audit
    /// of a transcript with a failed attempt gives one of these reasons.
    let failedTexts: FailedTexts
    /// By code id: the mapping rules with a slot holding the code (ascending), read by the reasons of unused old-plan
    /// results instead of scanning every rule's slots per record.
    let codeRuleTable: FlatTable

    init(plan: Plan, major: Major, graph: CurriculumGraph, provinceMappings: [Mapping]? = nil, isVariant: Bool = false) {
        let builder = CompiledPlanBuilder(plan: plan, major: major, graph: graph, provinceMappings: provinceMappings)
        self.isVariant = isVariant
        self.plan = builder.plan
        self.additionalDefinitions = builder.additionalDefinitions
        self.nodeWindow = builder.nodeWindow
        self.hasWindows = builder.hasWindows
        self.creditsOnlyRules = builder.creditsOnlyRules
        self.root = builder.root
        self.major = builder.major
        self.nodes = builder.nodes
        self.additionalRoots = builder.additionalRoots
        self.substitutions = builder.substitutions
        self.rules = builder.rules
        self.nodeByID = builder.nodeByID
        self.relevantCodes = builder.relevantCodes
        self.closure = builder.closure
        self.courseInfo = builder.courseInfo
        self.stoppedMajorRule = builder.stoppedMajorRule
        self.passMark = builder.passMark
        self.exemptions = builder.exemptions
        self.codes = builder.codes
        self.codeID = builder.codeID
        self.codeIndex = CodeIndex(builder.codeID)
        self.codeCredits = builder.codeCredits
        self.codeWeight = builder.codeWeight
        self.practiceTheory = builder.practiceTheory
        self.practiceOfCode = builder.practiceOfCode
        self.practiceMatchesOfCode = builder.practiceMatchesOfCode
        self.theoryOfCode = builder.theoryOfCode
        self.consumersOfCode = builder.consumersOfCode
        self.directPlaceTable = FlatTable(builder.directPlacesOfCode)
        self.rulePlaceTable = FlatTable(builder.rulePlacesOfCode)
        self.subtreeEnd = builder.subtreeEnd
        self.nodeTag = builder.nodeTag
        self.nodeCredits = builder.nodeCredits
        self.nodeWeight = builder.nodeWeight
        self.nodeCounts = builder.nodeCounts
        self.nodeChildren = builder.nodeChildren
        self.childTable = FlatTable(builder.nodeChildren)
        self.leafMatchTable = FlatTable(builder.leafMatches)
        self.poolMatchTable = FlatTable(builder.poolMatches)
        self.nodeChoose = builder.nodeChoose
        self.leafCode = builder.leafCode
        self.leafMatches = builder.leafMatches
        self.poolMatches = builder.poolMatches
        self.poolCodes = builder.poolCodes
        self.poolMinCredits = builder.poolMinCredits
        self.poolMinCourses = builder.poolMinCourses
        self.poolMaxCredits = builder.poolMaxCredits
        self.ruleSlotIDs = builder.ruleSlotIDs
        self.ruleNewIDs = builder.ruleNewIDs
        self.rulesForNode = builder.rulesForNode
        self.substitutionMatchIDs = builder.substitutionMatchIDs
        self.substitutionCodeIDs = builder.substitutionCodeIDs
        self.hasSubstitution = builder.hasSubstitution
        self.nodeAdditionalGroup = builder.nodeAdditionalGroup
        self.nodeTitle = builder.nodeTitle
        self.nodeKindName = builder.nodeKindName
        self.nodeCourseRef = builder.nodeCourseRef
        self.nodeAlternatives = builder.nodeAlternatives
        self.poolOptionRefs = builder.poolOptionRefs
        self.catalogName = builder.catalogName
        self.deferrable = StandInAssignment.deferrableNodes(of: builder)
        self.simpleRule = StandInAssignment.simpleRules(of: builder)
        self.nodeID = builder.nodeID
        self.nodeIsThesis = builder.nodeIsThesis
        self.nodeExaminedUntil = builder.nodeExaminedUntil
        self.codeRef = builder.codeRef
        self.codeIsThesis = builder.codeIsThesis
        let major = builder.major
        self.target = Audit.Target(province: major.province, majorCode: major.code, majorName: major.name, level: major.level,
                                   institution: nil, planID: builder.plan.id, planVersion: builder.plan.version,
                                   applicationDate: .distantPast, planUntil: builder.plan.effectiveUntil)
        self.majorLevel = major.level
        self.majorKey = builder.plan.major
        self.effectiveFrom = builder.plan.effectiveFrom
        self.effectiveUntil = builder.plan.effectiveUntil
        self.prerequisite = major.prerequisite
        self.codeIsRelevant = builder.codes.map { builder.relevantCodes.contains($0) }
        var inRequirements = Array(repeating: false, count: builder.codes.count)
        for row in builder.leafMatches + builder.poolMatches {
            for id in row where id >= 0 && id < inRequirements.count { inRequirements[id] = true }
        }
        self.codeInRequirements = inRequirements
        self.failedTexts = FailedTexts.forPassMark(builder.passMark)
        var rulesOfCode = Array(repeating: [Int](), count: builder.codes.count)
        for (rule, slots) in builder.ruleSlotIDs.enumerated() {
            for slot in slots {
                for id in slot where id >= 0 && id < rulesOfCode.count && rulesOfCode[id].last != rule { rulesOfCode[id].append(rule) }
            }
        }
        self.codeRuleTable = FlatTable(rulesOfCode)
    }

    func credits(of code: CourseCode) -> Int { courseInfo[code]?.credits ?? 0 }
    func name(of code: CourseCode) -> String { courseInfo[code]?.name ?? "" }

    /// `Plan.isInForce(on:)`.
    func isInForce(on date: CivilDate) -> Bool {
        if let from = effectiveFrom, date < from { return false }
        if let until = effectiveUntil, date > until { return false }
        return true
    }

    /// The course as the audit names it (`codeRef`; the catalog's name and credits, "" and 0 when unknown).
    func ref(_ code: CourseCode) -> Audit.CourseRef {
        if let id = codeIndex.id(of: code) {
            var ref = codeRef[id]
            ref.code = code  // the code as asked (equal to the plan's, whose text may differ only beyond seven bytes)
            return ref
        }
        return .init(code: code, name: name(of: code), credits: credits(of: code))
    }

    /// Whether `code` is a thesis (by the plan's catalog).
    func isThesis(_ code: CourseCode) -> Bool {
        if let id = codeIndex.id(of: code) { return codeIsThesis[id] }
        return courseInfo[code]?.kind == .thesis
    }

    /// How many courses of the plan's course count `codes` make, by the one counting rule (`courseWeight`): a thesis
    /// counts 0 (it is its own condition), a practice component of a course of the plan counts 0 (the course and its
    /// practice component are one course, counted by the theory course), every other course 1. The number of missing
    /// courses uses this rule, so "课程 13/14 门" and "尚缺 1 门" always add up.
    func countedCourses(in codes: [CourseCode]) -> Int {
        codes.reduce(0) { count, code in
            guard let id = codeIndex.id(of: code) else { return count + 1 }
            // A missing practice component whose theory course is not missing is what completes that course: 1.
            if theoryOfCode[id] >= 0 { return count + (codes.contains(self.codes[theoryOfCode[id]]) ? 0 : 1) }
            return count + codeWeight[id]
        }
    }

    /// What credits-only results count as courses: `courseCount` of the set, except that a practice component whose
    /// theory course was used elsewhere in the audit (`theoryUsed`) counts 0 — that course was counted there.
    func creditsOnlyCourseCount(_ items: [(code: CourseCode, id: Int)], theoryUsed: (Set<CourseCode>) -> Bool) -> Int {
        let counted = items.filter { item in
            guard item.id >= 0, item.id < practiceTheory.count, !practiceTheory[item.id].isEmpty else { return true }
            return !theoryUsed(practiceTheory[item.id])
        }
        return courseCount(of: counted)
    }

    /// What `ids` (code ids, e.g. the records one pool uses) count as courses: `courseWeight` each, except that a
    /// theory course whose practice component is among `pool`'s courses counts only together with that component —
    /// a course with a practice component is passed when both parts are.
    func poolCourseCount(_ ids: [Int], pool node: Int) -> Int {
        ids.reduce(0) { count, id in
            guard id >= 0, id < codeWeight.count else { return count + 1 }
            let practice = practiceOfCode[id]
            if practice >= 0, poolCodes[node].contains(practice), !practiceMatchesOfCode[id].contains(where: ids.contains) { return count }
            return count + codeWeight[id]
        }
    }

    /// What a waived node counts toward the plan's totals: what it requires — a course its credits and course
    /// weight, a pool its minimums, an all-of the sum of its children, a choice its cheapest options, alternatives
    /// the cheapest alternative. (A waiver means the requirement is met; without its credits a plan whose total
    /// equals the sum of its courses could never be completed.)
    func waivedContribution(_ node: Int) -> (credits: Int, courses: Int) {
        guard node >= 0, node < nodes.count else { return (0, 0) }
        switch nodes[node].kind {
        case .course:
            return (nodes[node].credits, nodes[node].weight)
        case .pool(_, let minCredits, let minCourses, _):
            return (minCredits, minCourses)
        case .all:
            return nodes[node].children.map(waivedContribution).reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        case .choose(let count):
            let options = nodes[node].children.map(waivedContribution).sorted { ($0.credits, $0.courses) < ($1.credits, $1.courses) }
            return options.prefix(count).reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        case .alternatives:
            return nodes[node].children.map(waivedContribution).min { ($0.credits, $0.courses) < ($1.credits, $1.courses) } ?? (0, 0)
        }
    }

    /// What a record adds to a course count (`CompiledPlanBuilder.courseWeight` of its code). A record whose code
    /// the plan does not know (a course the county office accepted for a requirement) counts as one course. The
    /// search and the audit's progress both read this, so they cannot disagree.
    func courseWeight(of record: UsableRecord) -> Int {
        record.codeID >= 0 && record.codeID < codeWeight.count ? codeWeight[record.codeID] : 1
    }

    /// What a set of results (or courses) counts toward a course count, as one requirement's courses (a 顶替 set):
    /// the sum of each one's `courseWeight`, except that a practice component counted on its own is not counted
    /// again when its theory course (or a code equivalent to it) is in the same set — the two are one course.
    /// Items are (code, code id); an id of -1 (a code the plan does not know) counts 1.
    func courseCount(of items: [(code: CourseCode, id: Int)]) -> Int {
        var count = 0
        for item in items {
            guard item.id >= 0, item.id < codeWeight.count else { count += 1; continue }
            let theory = practiceTheory.indices.contains(item.id) ? practiceTheory[item.id] : []
            if !theory.isEmpty, items.contains(where: { $0.code != item.code && theory.contains($0.code) }) { continue }
            count += codeWeight[item.id]
        }
        return count
    }
}

/// The reasons a failed result does not count (`RecordTable.failed`) for one pass mark, written once: by score for
/// the scores below the pass mark (up to 100), and for the grade 不合格. Other scores (negative ones, or a pass mark
/// above 100) are written when met. Plans with the same pass mark share one table (`forPassMark`).
struct FailedTexts: Sendable {
    let passMark: Int
    /// By score, `0 ..< passMark` (empty when the pass mark is not in `1 ... 100`).
    private let points: [LocalizedText]
    private let failGrade: LocalizedText

    init(passMark: Int) {
        self.passMark = passMark
        points = (1...100).contains(passMark) ? (0..<passMark).map { RecordTable.failed(.points($0), passMark: passMark) } : []
        failGrade = RecordTable.failed(.grade(.fail), passMark: passMark)
    }

    /// The table of the usual pass mark (60), built once and shared by every plan that has it.
    private static let standard = FailedTexts(passMark: 60)

    /// The table for `passMark`: the shared one for the usual pass mark, else a new one.
    static func forPassMark(_ passMark: Int) -> FailedTexts {
        passMark == standard.passMark ? standard : FailedTexts(passMark: passMark)
    }

    /// `RecordTable.failed(score, passMark: passMark)`.
    func text(_ score: Score) -> LocalizedText {
        switch score {
        case .points(let value) where value >= 0 && value < points.count: points[value]
        case .grade(.fail): failGrade
        default: RecordTable.failed(score, passMark: passMark)
        }
    }
}

/// Rows of integers in one array: row `i` is `values[range(i)]`. Reading a row copies nothing and retains nothing
/// (unlike a row of `[[Int]]`, whose buffer is reference-counted on every read).
struct FlatTable: Sendable {
    let values: [Int]
    /// `starts[i] ..< starts[i + 1]` is row `i`; one more entry than rows.
    private let starts: [Int]

    init(_ rows: [[Int]]) {
        var values: [Int] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(rows.count + 1)
        for row in rows {
            values.append(contentsOf: row)
            starts.append(values.count)
        }
        self.values = values
        self.starts = starts
    }

    /// The positions of row `row` in `values` (empty for a row that does not exist).
    func range(_ row: Int) -> Range<Int> {
        guard row >= 0, row + 1 < starts.count else { return 0..<0 }
        return starts[row]..<starts[row + 1]
    }
}

extension Array {
    /// The same array as `Array(repeating: value, count: count)`, built by appending. Per audit arrays are made this
    /// way: `Array(repeating:count:)` looks the storage class up in the runtime's generic-metadata cache on every
    /// call (as a new `Set` storage does), and that lookup updates one reader count shared by every thread — on two
    /// threads, a loop of such allocations runs slower than on one. `Array(unsafeUninitializedCapacity:initializingWith:)`
    /// does the same look-up (`getContiguousArrayStorageType`, measured: 5% of an `evaluate`'s instructions).
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<Swift.max(0, count) { append(value) }
    }
}
