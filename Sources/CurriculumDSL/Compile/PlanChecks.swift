// Checks of one plan: references, ids, practice components, cycles and arithmetic.
//
// A plan's requirement tree is walked once (`scan`): the walk checks what needs only the node itself (ids,
// references, names, choose counts) and records the tree as flat arrays of plain values (`PlanScan`). The
// checks that need the whole plan (pool counts, practice components, cycles, the arithmetic) then run over those
// arrays, with courses as dense catalog indices (`CourseFacts`) and "is this course in the plan" as a stamp in
// an array instead of a set.

/// The catalog as plain arrays indexed by a dense course number, for the per-plan checks.
struct CourseFacts {
    private var table = CodeTable()
    var credits: [Int] = []
    var kind: [CourseKind] = []
    var names: [String] = []
    /// The theory course of a practice component: its number, or -1 (none, or not in the catalog).
    var theory: [Int32] = []
    /// The theory code of a practice component whose theory course is not in the catalog.
    var missingTheory: [Int32: CourseCode] = [:]

    init() {}

    init(courses: [CourseCode: Course], order: [CourseCode]) {
        table = CodeTable(capacity: order.count)
        credits.reserveCapacity(order.count)
        kind.reserveCapacity(order.count)
        for code in order {
            table.insert(code, Int32(credits.count))
            let course = courses[code]
            credits.append(course?.credits ?? 0)
            kind.append(course?.kind ?? .theory)
            names.append(course?.name ?? "")
        }
        theory = [Int32](repeating: -1, count: order.count)
        for (number, code) in order.enumerated() {
            guard let course = courses[code], course.kind == .practice, let theoryCode = course.theory?.value else { continue }
            let theoryNumber = table.number(of: theoryCode)
            if theoryNumber >= 0 {
                theory[number] = theoryNumber
            } else {
                missingTheory[Int32(number)] = theoryCode
            }
        }
    }

    /// The catalog number of `code`, or -1.
    @inline(__always)
    func number(of code: CourseCode) -> Int32 { table.number(of: code) }
}

/// Course code → catalog number, by the code's packed bytes in an open-addressing table (a multiply and a
/// mask instead of SipHash: codes are looked up several times per course a plan names).
struct CodeTable {
    private var keys: [UInt64] = []
    private var values: [Int32] = []
    private var mask = 0
    /// Codes longer than seven bytes (never valid course codes, but kept exact).
    private var long: [CourseCode: Int32] = [:]

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    mutating func insert(_ code: CourseCode, _ number: Int32) {
        guard let key = code.packedKey, key != 0, !keys.isEmpty else {
            long[code] = number
            return
        }
        var index = slot(key)
        while keys[index] != 0, keys[index] != key { index = (index + 1) & mask }
        keys[index] = key
        values[index] = number
    }

    @inline(__always)
    func number(of code: CourseCode) -> Int32 {
        guard let key = code.packedKey, key != 0, !keys.isEmpty else { return long[code] ?? -1 }
        var index = slot(key)
        while true {
            let found = keys[index]
            if found == key { return values[index] }
            if found == 0 { return -1 }
            index = (index + 1) & mask
        }
    }
}

/// Stamps over the catalog: `set(n)` marks course n as a member of the current set, `begin()` empties the set
/// in O(1). Codes not in the catalog are kept in a set.
struct CourseMarks {
    private var stamps: [UInt32]
    private var stamp: UInt32 = 1
    /// Codes not in the catalog (unknown references, reported): a set, so that a plan naming thousands of them is
    /// not quadratic.
    private var others: Set<CourseCode> = []

    init(count: Int) { stamps = [UInt32](repeating: 0, count: count) }

    mutating func begin() {
        stamp &+= 1
        if stamp == 0 {
            for index in stamps.indices { stamps[index] = 0 }
            stamp = 1
        }
        others.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func insert(_ number: Int32, _ code: CourseCode) {
        if number >= 0 { stamps[Int(number)] = stamp } else { others.insert(code) }
    }

    @inline(__always)
    func contains(_ number: Int32) -> Bool { number >= 0 && stamps[Int(number)] == stamp }

    func contains(code: CourseCode) -> Bool { others.contains(code) }
}

/// One plan's requirement tree as flat arrays, in depth-first pre-order (the root excluded).
struct PlanScan {
    enum Kind: UInt8 { case course, allOf, choose, alternatives, pool }

    struct Node {
        var kind: Kind
        /// `choose`: how many to choose.
        var count: Int32
        var children: Int32
        /// The codes of the node's subtree: `codes[codeStart..<codeEnd]` (a course: its code; a pool: its codes).
        var codeStart: Int32
        var codeEnd: Int32
        /// For a pool: its `max-credits`, `min-credits` and `min-courses`, or -1.
        var maxCredits: Int
        var minCredits: Int
        var minCourses: Int
    }

    var nodes: [Node] = []
    /// Every course code of the tree, in order of appearance (duplicates kept), with its catalog number (-1: unknown).
    var codes: [CourseCode] = []
    var numbers: [Int32] = []
    /// The first node of each id (its pre-order number).
    var ids: [String: Int32] = [:]
    /// Ids of the nodes, in pre-order (for the substitutions' bounds).
    var nodeIDs: [String] = []

    /// The codes the plan names outside its tree, with their catalog numbers: each substitution's courses
    /// (`substitutionEnds[i]` ends substitution i), each mapping rule's old and new codes (the plan's rules, then
    /// the province's; `ruleOldEnds` / `ruleNewEnds` end rule i), the additional courses.
    var substitutes = CodeList()
    var substitutionEnds: [Int32] = []
    /// Per substitution: the node it replaces (its pre-order number), or -1 when no node has that id.
    var replaced: [Int32] = []
    var ruleOld = CodeList()
    var ruleOldEnds: [Int32] = []
    var ruleNew = CodeList()
    var ruleNewEnds: [Int32] = []
    /// Rules of the plan's own mappings (the first ones); the rest are the province's.
    var planRules = 0
    var extras = CodeList()

    mutating func removeAll() {
        nodes.removeAll(keepingCapacity: true)
        codes.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        nodeIDs.removeAll(keepingCapacity: true)
        substitutes.removeAll()
        substitutionEnds.removeAll(keepingCapacity: true)
        replaced.removeAll(keepingCapacity: true)
        ruleOld.removeAll()
        ruleOldEnds.removeAll(keepingCapacity: true)
        ruleNew.removeAll()
        ruleNewEnds.removeAll(keepingCapacity: true)
        planRules = 0
        extras.removeAll()
    }
}

/// Course codes with their catalog numbers (-1: not in the catalog).
struct CodeList {
    var codes: [CourseCode] = []
    var numbers: [Int32] = []
    /// Whether some code is not in the catalog.
    var hasUnknown = false

    mutating func append(_ code: CourseCode, _ number: Int32) {
        codes.append(code)
        numbers.append(number)
        if number < 0 { hasUnknown = true }
    }

    mutating func removeAll() {
        codes.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        hasUnknown = false
    }
}

extension CurriculumCompiler {
    mutating func checkPlan(_ plan: Plan) {
        let major = major(plan.major)
        if let supersedes = plan.supersedes { requirePlan(supersedes) }
        if let major {
            for institution in plan.institutions where !major.institutions.contains(where: { $0.value == institution.value }) {
                report(DiagnosticMessages.planInstitutionNotExamining(plan: plan.id, institution: institution.value, major: plan.major,
                                                                      at: institution.location, majorAt: major.institutionsLocation ?? major.location))
            }
        }
        if plan.sources.isEmpty {
            report(DiagnosticMessages.planWithoutSource(plan: plan.id, at: plan.location))
        }
        for citation in plan.sources { requireSource(citation.source) }
        if let from = plan.effectiveFrom, let until = plan.effectiveUntil, until < from {
            report(DiagnosticMessages.invalidPeriod(plan: plan.id, from: from, until: until, at: plan.location))
        }

        // One walk over the tree (the root, id = the plan's id, is not a node of its own), and the other codes.
        var scan = takeScan()
        duplicateIDs.removeAll(keepingCapacity: true)
        walk(plan.requirements.children, into: &scan)
        for (node, first) in duplicateIDs {
            if let duplicate = self.node(node, of: plan), let original = self.node(first, of: plan) {
                report(DiagnosticMessages.duplicate(.requirement, duplicate.id, at: duplicate.location, firstAt: original.location))
            }
        }
        let provinceWide = mappings(for: plan.major.province)
        collectReferences(of: plan, provinceWide: provinceWide, into: &scan)

        // Courses in the plan; with the substitutes, the courses the plan asks for.
        inPlan.begin()
        for index in scan.codes.indices { inPlan.insert(scan.numbers[index], scan.codes[index]) }
        required.begin()
        for index in scan.codes.indices { required.insert(scan.numbers[index], scan.codes[index]) }
        for index in scan.substitutes.codes.indices { required.insert(scan.substitutes.numbers[index], scan.substitutes.codes[index]) }

        let complete = !incompletePlans.contains(plan.id)
        if complete { checkPools(plan, scan) }
        let missingTheoryCredits = checkPracticeComponents(plan, scan)

        if plan.substitutions.count > 1 {
            var substitutionIDs: [String: SourceLocation] = [:]
            for substitution in plan.substitutions {
                if let first = substitutionIDs[substitution.id] {
                    report(DiagnosticMessages.duplicate(.substitution, substitution.id, at: substitution.location, firstAt: first))
                } else {
                    substitutionIDs[substitution.id] = substitution.location
                }
            }
        }
        for index in plan.substitutions.indices where scan.replaced[index] < 0 {
            let replaces = plan.substitutions[index].replaces
            report(DiagnosticMessages.unknown(.requirement, replaces.value, candidates: scan.ids.keys, at: replaces.location,
                                              context: .init(zh: "replaces 须指向本计划的要求编号", en: "'replaces' names a requirement id of this plan")))
        }
        for index in plan.mappings.indices {
            if let from = plan.mappings[index].fromPlan { requirePlan(from) }
        }
        // Codes not in the catalog: the slow path, with each code's place.
        if scan.substitutes.hasUnknown {
            for substitution in plan.substitutions { for code in substitution.courses { requireCourse(code) } }
        }
        if scan.ruleNew.numbers[..<planRuleNewEnd(scan)].contains(where: { $0 < 0 }) {
            for mapping in plan.mappings { for rule in mapping.rules { for code in rule.new { requireCourse(code) } } }
        }
        if scan.extras.hasUnknown {
            for extra in plan.additionalCourses { for code in extra.courses { requireCourse(code) } }
        }

        checkCycles(plan, scan, provinceWide: provinceWide)
        if complete { checkArithmetic(plan, scan, missingTheoryCredits: missingTheoryCredits) }
        indexCourses(of: plan, scan)
        returnScan(scan)
    }

    /// Where the new codes of the plan's own mapping rules end in `scan.ruleNew`.
    private func planRuleNewEnd(_ scan: PlanScan) -> Int {
        scan.planRules == 0 ? 0 : Int(scan.ruleNewEnds[scan.planRules - 1])
    }

    /// Records the codes the plan names outside its requirement tree (see `PlanScan`). Elements are reached by
    /// index, not copied out of their arrays: a copy of a rule or a located code costs a reference count each.
    private func collectReferences(of plan: Plan, provinceWide: [Mapping], into scan: inout PlanScan) {
        let substitutions = plan.substitutions
        for s in substitutions.indices {
            let courses = substitutions[s].courses
            for c in courses.indices {
                let code = courses[c].value
                scan.substitutes.append(code, number(of: code))
            }
            scan.substitutionEnds.append(Int32(scan.substitutes.codes.count))
            scan.replaced.append(scan.ids[substitutions[s].replaces.value] ?? -1)
        }
        for (which, mappings) in [plan.mappings, provinceWide].enumerated() {
            for m in mappings.indices {
                let rules = mappings[m].rules
                for r in rules.indices {
                    for slot in rules[r].old.indices {
                        for o in rules[r].old[slot].indices {
                            let code = rules[r].old[slot][o].value
                            scan.ruleOld.append(code, number(of: code))
                        }
                    }
                    scan.ruleOldEnds.append(Int32(scan.ruleOld.codes.count))
                    for n in rules[r].new.indices {
                        let code = rules[r].new[n].value
                        scan.ruleNew.append(code, number(of: code))
                    }
                    scan.ruleNewEnds.append(Int32(scan.ruleNew.codes.count))
                }
            }
            if which == 0 { scan.planRules = scan.ruleOldEnds.count }
        }
        let extras = plan.additionalCourses
        for e in extras.indices {
            for c in extras[e].courses.indices {
                let code = extras[e].courses[c].value
                scan.extras.append(code, number(of: code))
            }
        }
    }

    /// Adds the plan to the graph's plans-by-course index under every code it names (requirements,
    /// substitutions, mapping targets, additional courses), once per code: `Plan.allCourseCodes` without walking
    /// the tree again.
    private mutating func indexCourses(of plan: Plan, _ scan: PlanScan) {
        var marks = substitutes
        substitutes = CourseMarks(count: 0)
        marks.begin()
        var lists = plansByCourseNumber
        plansByCourseNumber = []
        func add(_ code: CourseCode, _ number: Int32) {
            if number >= 0 ? marks.contains(number) : marks.contains(code: code) { return }
            marks.insert(number, code)
            if number >= 0 {
                lists[Int(number)].append(plan.id)
            } else {
                plansByUnknownCourse[code, default: []].append(plan.id)
            }
        }
        for position in scan.codes.indices { add(scan.codes[position], scan.numbers[position]) }
        for position in scan.substitutes.codes.indices { add(scan.substitutes.codes[position], scan.substitutes.numbers[position]) }
        for position in 0..<planRuleNewEnd(scan) { add(scan.ruleNew.codes[position], scan.ruleNew.numbers[position]) }
        for position in scan.extras.codes.indices { add(scan.extras.codes[position], scan.extras.numbers[position]) }
        plansByCourseNumber = lists
        substitutes = marks
    }

    // MARK: the walk

    /// Records `node` and its subtree in `scan`, checking what needs only the node: its id, its course
    /// references, a course's written name, a choice's count.
    private mutating func walk(_ node: Requirement, into scan: inout PlanScan) {
        let number = Int32(scan.nodes.count)
        let codeStart = Int32(scan.codes.count)
        scan.nodes.append(PlanScan.Node(kind: .course, count: 0, children: 0, codeStart: codeStart, codeEnd: codeStart,
                                        maxCredits: -1, minCredits: -1, minCourses: -1))
        scan.nodeIDs.append(node.id)
        var checkNode = true
        if let first = scan.ids[node.id] {
            let firstNode = scan.nodes[Int(first)]
            if case .course(let code, _) = node.shape, firstNode.kind == .course, scan.codes[Int(firstNode.codeStart)] == code {
                checkNode = false  // the same course twice: one requirement
            } else {
                duplicateIDs.append((number, first))
            }
        } else {
            scan.ids[node.id] = number
        }
        var kind = PlanScan.Kind.course
        var count: Int32 = 0
        var children: Int32 = 0
        var maxCredits = -1
        switch node.shape {
        case .course(let code, let writtenName):
            let courseNumber = self.number(of: code)
            scan.codes.append(code)
            scan.numbers.append(courseNumber)
            if checkNode {
                if courseNumber < 0 {
                    requireCourse(Located(code, at: node.codeLocation ?? node.location))
                } else if let writtenName, writtenName != facts.names[Int(courseNumber)], let course = course(code),
                          !course.formerNames.contains(writtenName) {
                    report(DiagnosticMessages.courseNameMismatch(code, written: writtenName, catalog: course.name,
                                                                 at: node.codeLocation ?? node.location, catalogAt: course.location))
                }
            }
        case .allOf(let nodes):
            kind = .allOf
            children = Int32(nodes.count)
            walk(nodes, into: &scan)
        case .alternatives(let nodes):
            kind = .alternatives
            children = Int32(nodes.count)
            walk(nodes, into: &scan)
        case .choose(let choose, let options):
            kind = .choose
            count = Int32(clamping: choose)
            children = Int32(options.count)
            if checkNode, choose > options.count {
                report(DiagnosticMessages.chooseTooMany(id: node.id, count: choose, options: options.count, at: node.location))
            }
            walk(options, into: &scan)
        case .pool(let codes, let minCredits, let minCourses, let max):
            kind = .pool
            maxCredits = max ?? -1
            scan.nodes[Int(number)].minCredits = minCredits ?? -1
            scan.nodes[Int(number)].minCourses = minCourses ?? -1
            for code in codes {
                let courseNumber = self.number(of: code.value)
                scan.codes.append(code.value)
                scan.numbers.append(courseNumber)
                if checkNode, courseNumber < 0 { requireCourse(code) }
            }
        }
        scan.nodes[Int(number)].kind = kind
        scan.nodes[Int(number)].count = count
        scan.nodes[Int(number)].children = children
        scan.nodes[Int(number)].maxCredits = maxCredits
        scan.nodes[Int(number)].codeEnd = Int32(scan.codes.count)
        if !checkNode { scan.nodes[Int(number)].count = -1 }
    }

    /// Walks `nodes` in place (no copies of the nodes).
    private mutating func walk(_ nodes: [Requirement], into scan: inout PlanScan) {
        nodes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { walk(buffer[index], into: &scan) }
        }
    }

    /// The node with pre-order number `number` (for the rare diagnostics that need it after the walk).
    private func node(_ number: Int32, of plan: Plan) -> Requirement? {
        var counter: Int32 = 0
        var found: Requirement?
        for child in plan.requirements.children {
            child.forEachNode { node in
                if counter == number { found = node }
                counter += 1
            }
            if found != nil { break }
        }
        return found
    }

    // MARK: whole-plan checks

    /// A pool must be able to reach its minimums; its courses count as the plan's course count counts them
    /// (a practice component with its theory course in the plan is no extra course).
    private mutating func checkPools(_ plan: Plan, _ scan: PlanScan) {
        for (number, node) in scan.nodes.enumerated() where node.kind == .pool && (node.minCredits >= 0 || node.minCourses >= 0) {
            let (credits, courses, allKnown) = poolTotals(scan, from: Int(node.codeStart), to: Int(node.codeEnd))
            let creditsShort = node.minCredits >= 0 && credits < node.minCredits && allKnown
            let coursesShort = node.minCourses >= 0 && courses < node.minCourses
            guard creditsShort || coursesShort, let pool = self.node(Int32(number), of: plan) else { continue }
            if creditsShort {
                report(DiagnosticMessages.poolUnreachable(id: pool.id, what: .init(zh: "学分", en: "credits"), minimum: node.minCredits,
                                                          available: credits, at: pool.location))
            }
            if coursesShort {
                report(DiagnosticMessages.poolUnreachable(id: pool.id, what: .init(zh: "门课程", en: "courses"), minimum: node.minCourses,
                                                          available: courses, at: pool.location))
            }
        }
    }

    /// Credits and course count of the distinct codes `scan.codes[from..<to]`, and whether all are in the catalog.
    private func poolTotals(_ scan: PlanScan, from: Int, to: Int) -> (credits: Int, courses: Int, allKnown: Bool) {
        var credits = 0
        var courses = 0
        var allKnown = true
        for index in from..<to {
            let code = scan.codes[index]
            if scan.codes[from..<index].contains(code) { continue }
            let number = scan.numbers[index]
            if number >= 0 { credits += facts.credits[Int(number)] } else { allKnown = false }
            courses += weight(number, code)
        }
        return (credits, courses, allKnown)
    }

    /// A practice component counts with its theory course, so a plan that asks for one asks for both. Returns the
    /// credits of the theory courses reported missing: the arithmetic counts them, as the fix adds them (the
    /// missing theory course is the mistake, not the plan's total). A theory course not in the catalog is the
    /// catalog's unknown reference, reported there.
    private mutating func checkPracticeComponents(_ plan: Plan, _ scan: PlanScan) -> Int {
        var reported: [CourseCode] = []
        var missingTheories: [CourseCode] = []
        var missingCredits = 0
        for (number, node) in scan.nodes.enumerated() where node.kind == .course && node.count >= 0 {
            let courseNumber = scan.numbers[Int(node.codeStart)]
            guard courseNumber >= 0, facts.kind[Int(courseNumber)] == .practice else { continue }
            let theoryNumber = facts.theory[Int(courseNumber)]
            // No theory course named, or one not in the catalog: reported with the catalog.
            guard theoryNumber >= 0 else { continue }
            let code = scan.codes[Int(node.codeStart)]
            guard !required.contains(theoryNumber), !reported.contains(code), let requirement = self.node(Int32(number), of: plan),
                  let theory = course(code)?.theory?.value
            else { continue }
            reported.append(code)
            if !missingTheories.contains(theory) {
                missingTheories.append(theory)
                missingCredits += facts.credits[Int(theoryNumber)]
            }
            report(DiagnosticMessages.practiceWithoutTheory(code, theory: theory, plan: plan.id, at: requirement.location,
                                                            theoryAt: course(theory)?.location))
        }
        return missingCredits
    }

    /// Substitutes point at what they replace, old courses at new ones; a loop would let one result count twice.
    private mutating func checkCycles(_ plan: Plan, _ scan: PlanScan, provinceWide: [Mapping]) {
        guard mayHaveCycle(scan) else { return }
        var edges: [(CourseCode, CourseCode)] = []
        forEachEdge(scan) { edges.append(($0, $1)) }
        let cycles = CycleFinder.cycles(edges: edges)
        guard !cycles.isEmpty else { return }
        // Where each cycle is reported: the first substitution or rule whose edge leaves its first code.
        var origin: [CourseCode: SourceLocation] = [:]
        for (index, substitution) in plan.substitutions.enumerated() {
            let replaced = scan.replaced[index]
            guard replaced >= 0 else { continue }
            let node = scan.nodes[Int(replaced)]
            guard node.codeEnd > node.codeStart else { continue }
            for substitute in substitution.courses where origin[substitute.value] == nil {
                origin[substitute.value] = substitution.location
            }
        }
        for mapping in [plan.mappings, provinceWide].joined() {
            for rule in mapping.rules {
                for slot in rule.old { for old in slot where origin[old.value] == nil && rule.new.contains(where: { $0.value != old.value }) {
                    origin[old.value] = rule.location
                } }
            }
        }
        for cycle in cycles {
            report(DiagnosticMessages.substitutionCycle(plan: plan.id, cycle: cycle + [cycle[0]],
                                                        at: origin[cycle[0]] ?? plan.location))
        }
    }

    /// Every edge of the plan's substitution graph: substitute → each course of what it replaces, old code →
    /// each different new code of its rule.
    private func forEachEdge(_ scan: PlanScan, _ body: (CourseCode, CourseCode) -> Void) {
        var start = 0
        for (index, end) in scan.substitutionEnds.enumerated() {
            defer { start = Int(end) }
            let replaced = scan.replaced[index]
            guard replaced >= 0 else { continue }
            let node = scan.nodes[Int(replaced)]
            for position in start..<Int(end) {
                for target in Int(node.codeStart)..<Int(node.codeEnd) { body(scan.substitutes.codes[position], scan.codes[target]) }
            }
        }
        // A rule only applies to the plan's own courses: a province-wide rule whose new course this plan does not
        // list (e.g. the 2025 political courses, for a 2021 plan) makes no edge here.
        let planCodes = Set(scan.codes)
        var oldStart = 0
        var newStart = 0
        for rule in scan.ruleOldEnds.indices {
            let oldEnd = Int(scan.ruleOldEnds[rule])
            let newEnd = Int(scan.ruleNewEnds[rule])
            defer {
                oldStart = oldEnd
                newStart = newEnd
            }
            for old in oldStart..<oldEnd {
                for new in newStart..<newEnd where scan.ruleNew.codes[new] != scan.ruleOld.codes[old] && planCodes.contains(scan.ruleNew.codes[new]) {
                    body(scan.ruleOld.codes[old], scan.ruleNew.codes[new])
                }
            }
        }
    }

    /// Whether the substitution and mapping edges can form a cycle at all: only if some code is both the source
    /// of an edge (a substitute, an old code) and the target of one (a replaced course, a new code). Checked with
    /// catalog stamps, without building the edges; when it says yes, `CycleFinder` decides.
    private mutating func mayHaveCycle(_ scan: PlanScan) -> Bool {
        var sources = substitutes
        substitutes = CourseMarks(count: 0)
        defer { substitutes = sources }
        sources.begin()
        var start = 0
        for (index, end) in scan.substitutionEnds.enumerated() {
            defer { start = Int(end) }
            guard scan.replaced[index] >= 0 else { continue }
            for position in start..<Int(end) { sources.insert(scan.substitutes.numbers[position], scan.substitutes.codes[position]) }
        }
        for position in scan.ruleOld.codes.indices { sources.insert(scan.ruleOld.numbers[position], scan.ruleOld.codes[position]) }
        func isSource(_ number: Int32, _ code: CourseCode) -> Bool {
            number >= 0 ? sources.contains(number) : sources.contains(code: code)
        }
        for replaced in scan.replaced where replaced >= 0 {
            let node = scan.nodes[Int(replaced)]
            for position in Int(node.codeStart)..<Int(node.codeEnd) where isSource(scan.numbers[position], scan.codes[position]) {
                return true
            }
        }
        for position in scan.ruleNew.codes.indices where isSource(scan.ruleNew.numbers[position], scan.ruleNew.codes[position]) {
            return true
        }
        return false
    }

    /// The most credits and courses the requirement tree can count must reach the plan's totals.
    private mutating func checkArithmetic(_ plan: Plan, _ scan: PlanScan, missingTheoryCredits: Int) {
        guard plan.totalCredits != nil || plan.minCourses != nil else { return }
        // What each substitution can count instead of the node it replaces.
        var replacementBound: [String: (credits: Int, courses: Int)] = [:]
        var start = 0
        for (index, end) in scan.substitutionEnds.enumerated() {
            defer { start = Int(end) }
            substitutes.begin()
            for position in start..<Int(end) { substitutes.insert(scan.substitutes.numbers[position], scan.substitutes.codes[position]) }
            var credits = 0
            var courses = 0
            for position in start..<Int(end) {
                let code = scan.substitutes.codes[position]
                if scan.substitutes.codes[start..<position].contains(code) { continue }
                let number = scan.substitutes.numbers[position]
                if number >= 0 { credits += facts.credits[Int(number)] }
                courses += weight(number, code, orIn: substitutes)
            }
            let replaces = plan.substitutions[index].replaces.value
            let old = replacementBound[replaces] ?? (0, 0)
            replacementBound[replaces] = (max(old.credits, credits), max(old.courses, courses))
        }

        // Bounds bottom-up: in reverse pre-order a node's children's bounds are on top of the stack, first child first.
        var stack: [(credits: Int, courses: Int)] = []
        stack.reserveCapacity(scan.nodes.count)
        for number in scan.nodes.indices.reversed() {
            let node = scan.nodes[number]
            var bound: (credits: Int, courses: Int)
            switch node.kind {
            case .course:
                let courseNumber = scan.numbers[Int(node.codeStart)]
                bound = (courseNumber >= 0 ? facts.credits[Int(courseNumber)] : 0, weight(courseNumber, scan.codes[Int(node.codeStart)]))
            case .pool:
                let totals = poolTotals(scan, from: Int(node.codeStart), to: Int(node.codeEnd))
                bound = (node.maxCredits >= 0 ? min(totals.credits, node.maxCredits) : totals.credits, totals.courses)
            case .allOf:
                bound = (0, 0)
                for _ in 0..<node.children {
                    let child = stack.popLast() ?? (0, 0)
                    bound = (bound.credits + child.credits, bound.courses + child.courses)
                }
            case .alternatives:
                bound = (0, 0)
                for _ in 0..<node.children {
                    let child = stack.popLast() ?? (0, 0)
                    bound = (max(bound.credits, child.credits), max(bound.courses, child.courses))
                }
            case .choose:
                var credits: [Int] = []
                var courses: [Int] = []
                for _ in 0..<node.children {
                    let child = stack.popLast() ?? (0, 0)
                    credits.append(child.credits)
                    courses.append(child.courses)
                }
                let count = Int(max(node.count, 0))
                bound = (credits.sorted(by: >).prefix(count).reduce(0, +), courses.sorted(by: >).prefix(count).reduce(0, +))
            }
            if !replacementBound.isEmpty, let replacement = replacementBound[scan.nodeIDs[number]] {
                bound = (max(bound.credits, replacement.credits), max(bound.courses, replacement.courses))
            }
            stack.append(bound)
        }
        // The root: all of its children (the stack holds them, first child on top), or what replaces the plan's id.
        var total = (credits: 0, courses: 0)
        while let child = stack.popLast() { total = (total.credits + child.credits, total.courses + child.courses) }
        if let replacement = replacementBound[plan.requirements.id] {
            total = (max(total.credits, replacement.credits), max(total.courses, replacement.courses))
        }
        // The credits of a course not in the catalog are unknown (the reference is reported), so is the bound.
        let creditsKnown = !scan.numbers.contains(where: { $0 < 0 }) && !scan.substitutes.hasUnknown
        if creditsKnown, let totalCredits = plan.totalCredits, total.credits + missingTheoryCredits < totalCredits.value {
            report(DiagnosticMessages.totalUnreachable(plan: plan.id, total: totalCredits.value, reachable: total.credits + missingTheoryCredits,
                                                       at: totalCredits.location))
        }
        if let minimum = plan.minCourses, total.courses < minimum.value {
            report(DiagnosticMessages.courseCountUnreachable(plan: plan.id, minimum: minimum.value, reachable: total.courses, at: minimum.location))
        }
    }

    // MARK: counting

    /// The catalog number of `code`, or -1.
    @inline(__always)
    func number(of code: CourseCode) -> Int32 { facts.number(of: code) }

    /// How much one course adds to the course count: a thesis nothing, a practice component nothing when its
    /// theory course is in the plan (they count as one), a course not in the catalog one.
    private func weight(_ number: Int32, _ code: CourseCode, orIn others: CourseMarks? = nil) -> Int {
        guard number >= 0 else { return 1 }
        switch facts.kind[Int(number)] {
        case .thesis: return 0
        case .theory: return 1
        case .practice:
            let theory = facts.theory[Int(number)]
            if theory >= 0 { return inPlan.contains(theory) || others?.contains(theory) == true ? 0 : 1 }
            guard let theoryCode = facts.missingTheory[number] else { return 1 }
            return inPlan.contains(code: theoryCode) || others?.contains(code: theoryCode) == true ? 0 : 1
        }
    }

    /// How much one course adds to the course count, with `inPlan` the courses of the plan.
    func countWeight(_ code: CourseCode, inPlan: Set<CourseCode>) -> Int {
        guard let course = course(code) else { return 1 }
        switch course.kind {
        case .thesis: return 0
        case .practice: return course.theory.map { inPlan.contains($0.value) ? 0 : 1 } ?? 1
        case .theory: return 1
        }
    }
}
