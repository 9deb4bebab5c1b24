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
        /// What a course node adds to the course count (thesis 0; practice 0 when its theory course is in the plan).
        var weight: Int
        var countsTowardTotals: Bool

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
    }

    struct MappingRuleRef: Sendable {
        var mappingID: String
        var slots: [[CourseCode]]
        var need: Int
        var new: [CourseCode]
    }

    let plan: Plan
    let major: Major
    var nodes: [Node] = []
    /// The requirement tree's root (index 0) and the 加考 roots, which never count toward totals.
    var root = 0
    var additionalRoots: [(id: String, title: String?, condition: AdditionalCourses.Condition, node: Int)] = []
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
    /// Course-count weight by code id.
    var codeWeight: [Int] = []
    /// How many places of the plan could use a record of each code (1: uncontested).
    var consumersOfCode: [Int] = []
    /// Per node: 0 course, 1 all-of, 2 choose, 3 alternatives, 4 pool.
    var nodeTag: [UInt8] = []
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
    var rulesForNode: [[(rule: Int, target: Int)]] = []
    /// Substitutions by node: for each option, each listed code's matching ids, and the option's own code ids.
    var substitutionMatchIDs: [Int: [[[Int]]]] = [:]
    var substitutionCodeIDs: [Int: [[Int]]] = [:]
    /// Whether a node has substitutions (checked on every search step, so an array, not a dictionary).
    var hasSubstitution: [Bool] = []

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
    /// Course-count weight by code id as a pool's progress counts it (practice components are 0 when their
    /// theory course is anywhere in the node table), and the codes of every course node for codes without an id.
    var poolProgressWeight: [Int] = []
    var nodeCourseCodes: Set<CourseCode> = []

    init(plan: Plan, major: Major, graph: CurriculumGraph) {
        self.plan = plan
        self.major = major
        passMark = plan.passMark
        stoppedMajorRule = major.status == .stopped && graph.provinces[major.province]?.stoppedMajorRule != nil
        var info: [CourseCode: Course] = [:]
        for code in plan.allCourseCodes { if let course = graph.courses[code] { info[code] = course } }
        courseInfo = info
        let inPlan = Set(plan.requirements.courseCodes)
        root = add(plan.requirements, parent: nil, graph: graph, inPlan: inPlan, counts: true)
        for extra in plan.additionalCourses {
            let children = extra.courses.map {
                Requirement(id: $0.value.rawValue, title: nil, note: nil, when: nil, shared: false,
                            shape: .course($0.value, writtenName: nil), location: $0.location)
            }
            let node = Requirement(id: extra.id, title: extra.title, note: nil, when: nil, shared: false,
                                   shape: .allOf(children), location: extra.location)
            additionalRoots.append((extra.id, extra.title, extra.condition, add(node, parent: nil, graph: graph, inPlan: inPlan, counts: false)))
        }
        for substitution in plan.substitutions {
            guard let node = nodeByID[substitution.replaces.value] else { continue }
            let option: SubstitutionOption
            switch substitution.form {
            case .credits(let minimum, let from):
                option = SubstitutionOption(id: substitution.id, title: substitution.title, minCredits: minimum, codes: from.map(\.value))
            case .fixedSet(let set):
                option = SubstitutionOption(id: substitution.id, title: substitution.title, minCredits: nil, codes: set.map(\.value))
            }
            substitutions[node, default: []].append(option)
            for code in option.codes { addRelevant(code, graph: graph) }
        }
        let provinceMappings = graph.mappings.filter { mapping in
            guard mapping.province?.value == major.province else { return false }
            guard let level = mapping.level else { return true }
            return level == major.level || (level.isBachelor && major.level.isBachelor)
        }
        exemptions = graph.exemptions.filter { $0.province == nil || $0.province?.value == major.province }.sorted { $0.id < $1.id }
        for mapping in plan.mappings + provinceMappings {
            for rule in mapping.rules {
                let ref = MappingRuleRef(mappingID: mapping.id, slots: rule.old.map { $0.map(\.value) }, need: rule.need, new: rule.new.map(\.value))
                rules.append(ref)
                for slot in ref.slots { for code in slot { addRelevant(code, graph: graph) } }
                for code in ref.new { addRelevant(code, graph: graph) }
            }
        }
        buildTables(graph: graph)
        buildAuditTables(graph: graph)
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
        let inPlan = Set(plan.requirements.courseCodes)
        let count = nodes.count
        nodeTag = Array(repeating: 0, count: count)
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
        func consume(_ ids: [Int]) {
            place += 1
            for id in ids { consumers[id, default: []].insert(place) }
        }
        for (index, node) in nodes.enumerated() {
            switch node.kind {
            case .course(let code):
                nodeTag[index] = 0
                let matches = ids(matching: code, graph: graph)
                leafCode[index] = matches[0]
                leafMatches[index] = matches
                consume(matches)
            case .all:
                nodeTag[index] = 1
            case .choose(let k):
                nodeTag[index] = 2
                nodeChoose[index] = k
            case .alternatives:
                nodeTag[index] = 3
            case .pool(let codes, let minCredits, let minCourses, let maxCredits):
                nodeTag[index] = 4
                poolCodes[index] = codes.map { id($0, graph: graph) }
                var matches: [Int] = []
                for code in codes { for match in ids(matching: code, graph: graph) where !matches.contains(match) { matches.append(match) } }
                poolMatches[index] = matches
                poolMinCredits[index] = minCredits
                poolMinCourses[index] = minCourses
                poolMaxCredits[index] = maxCredits ?? Int.max
                consume(matches)
            }
        }
        hasSubstitution = Array(repeating: false, count: count)
        for node in substitutions.keys { hasSubstitution[node] = true }
        for (node, options) in substitutions {
            substitutionMatchIDs[node] = options.map { option in option.codes.map { ids(matching: $0, graph: graph) } }
            substitutionCodeIDs[node] = options.map { option in option.codes.map { id($0, graph: graph) } }
            for option in substitutionMatchIDs[node] ?? [] { consume(option.flatMap { $0 }) }
        }
        for rule in rules {
            let slots = rule.slots.map { slot in slot.flatMap { ids(matching: $0, graph: graph) } }
            ruleSlotIDs.append(slots)
            ruleNewIDs.append(rule.new.map { id($0, graph: graph) })
            for slot in slots { consume(slot) }
        }
        for index in nodes.indices where nodeTag[index] == 0 {
            let matches = Set(leafMatches[index])
            for (ruleIndex, newIDs) in ruleNewIDs.enumerated() {
                if let target = newIDs.first(where: { matches.contains($0) }) { rulesForNode[index].append((ruleIndex, target)) }
            }
        }
        consumersOfCode = codes.indices.map { consumers[$0]?.count ?? 0 }
        codeWeight = codes.map { Self.weight(courseInfo[$0] ?? graph.courses[$0], inPlan: inPlan) }
    }

    /// Fills the tables the audit builder reads (after `buildTables`, so every code has its id).
    private mutating func buildAuditTables(graph: CurriculumGraph) {
        func ref(_ code: CourseCode) -> Audit.CourseRef { .init(code: code, name: name(of: code), credits: credits(of: code)) }
        func cheapestFirst(_ refs: [Audit.CourseRef]) -> [Audit.CourseRef] { refs.sorted { ($0.credits, $0.code) < ($1.credits, $1.code) } }
        nodeCourseCodes = Set(nodes.compactMap { if case .course(let code) = $0.kind { code } else { nil } })
        nodeKindName = nodes.map(\.kindName)
        nodeTitle = []
        nodeCourseRef = []
        nodeAlternatives = []
        poolOptionRefs = []
        for node in nodes {
            var title = node.title
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
        poolProgressWeight = codes.map { Self.weight(courseInfo[$0], inPlan: nodeCourseCodes) }
    }

    private mutating func addRelevant(_ code: CourseCode, graph: CurriculumGraph) {
        let equivalents = graph.equivalenceClosure(of: code)
        closure[code] = equivalents
        for equivalent in equivalents { relevantCodes.insert(equivalent) }
    }

    private mutating func add(_ requirement: Requirement, parent: Int?, graph: CurriculumGraph, inPlan: Set<CourseCode>, counts: Bool) -> Int {
        let index = nodes.count
        let kind: Node.Kind
        var credits = 0
        var weight = 0
        switch requirement.shape {
        case .course(let code, _):
            kind = .course(code)
            let course = graph.courses[code]
            credits = course?.credits ?? 0
            weight = Self.weight(course, inPlan: inPlan)
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
                          parent: parent, credits: credits, weight: weight, countsTowardTotals: counts))
        if nodeByID[requirement.id] == nil { nodeByID[requirement.id] = index }
        var children: [Int] = []
        for child in requirement.children {
            children.append(add(child, parent: index, graph: graph, inPlan: inPlan, counts: counts))
        }
        nodes[index].children = children
        return index
    }

    static func weight(_ course: Course?, inPlan: Set<CourseCode>) -> Int {
        guard let course else { return 1 }
        switch course.kind {
        case .thesis: return 0
        case .practice: return course.theory.map { inPlan.contains($0.value) ? 0 : 1 } ?? 1
        case .theory: return 1
        }
    }

    func credits(of code: CourseCode) -> Int { courseInfo[code]?.credits ?? 0 }
    func name(of code: CourseCode) -> String { courseInfo[code]?.name ?? "" }

    /// Course-count weight of a record's code as a pool's progress counts it.
    func poolProgressWeight(of record: UsableRecord) -> Int {
        record.codeID >= 0 ? poolProgressWeight[record.codeID] : CompiledPlanBuilder.weight(courseInfo[record.code], inPlan: nodeCourseCodes)
    }
}

/// A plan flattened for auditing, shared by every audit of the plan. A class with constant properties: audits pass
/// one reference instead of copying (and reference-counting) every table, and reading needs no access checks.
final class CompiledPlan: Sendable {
    typealias Node = CompiledPlanBuilder.Node
    let plan: Plan
    let root: Int
    let major: Major
    let nodes: [CompiledPlanBuilder.Node]
    let additionalRoots: [(id: String, title: String?, condition: AdditionalCourses.Condition, node: Int)]
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
    let codeCredits: [Int]
    let codeWeight: [Int]
    let consumersOfCode: [Int]
    let nodeTag: [UInt8]
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
    let nodeTitle: [String?]
    let nodeKindName: [String]
    let nodeCourseRef: [Audit.CourseRef?]
    let nodeAlternatives: [[Audit.CourseRef]]
    let poolOptionRefs: [[Audit.CourseRef]]
    let catalogName: [String?]
    let poolProgressWeight: [Int]
    let nodeCourseCodes: Set<CourseCode>

    init(plan: Plan, major: Major, graph: CurriculumGraph) {
        let builder = CompiledPlanBuilder(plan: plan, major: major, graph: graph)
        self.plan = builder.plan
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
        self.codeCredits = builder.codeCredits
        self.codeWeight = builder.codeWeight
        self.consumersOfCode = builder.consumersOfCode
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
        self.nodeTitle = builder.nodeTitle
        self.nodeKindName = builder.nodeKindName
        self.nodeCourseRef = builder.nodeCourseRef
        self.nodeAlternatives = builder.nodeAlternatives
        self.poolOptionRefs = builder.poolOptionRefs
        self.catalogName = builder.catalogName
        self.poolProgressWeight = builder.poolProgressWeight
        self.nodeCourseCodes = builder.nodeCourseCodes
    }

    func credits(of code: CourseCode) -> Int { courseInfo[code]?.credits ?? 0 }
    func name(of code: CourseCode) -> String { courseInfo[code]?.name ?? "" }

    /// How many of `codes` are practice components whose theory course is also in `codes`: such a pair is one
    /// course (the plan's course count), so the number of missing courses counts it once.
    func pairedPractices(in codes: [CourseCode]) -> Int {
        let set = Set(codes)
        return codes.filter { code in
            guard let course = courseInfo[code], course.kind == .practice, let theory = course.theory?.value else { return false }
            return set.contains(theory)
        }.count
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

    /// Course-count weight of a record's code as a pool's progress counts it.
    func poolProgressWeight(of record: UsableRecord) -> Int {
        record.codeID >= 0 ? poolProgressWeight[record.codeID] : CompiledPlanBuilder.weight(courseInfo[record.code], inPlan: nodeCourseCodes)
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
    /// threads, a loop of such allocations runs slower than on one.
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<Swift.max(0, count) { append(value) }
    }
}
