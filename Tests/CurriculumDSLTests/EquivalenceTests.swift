import Foundation
import Testing
@testable import CurriculumDSL

/// The fast paths of the loader against straightforward reference implementations: the plan arithmetic over flat
/// arrays against the recursive bound over the requirement tree, the pruned cycle search against the plain one,
/// parallel decoding against one thread, and the flat YAML document against the public node tree.
@Suite struct EquivalenceTests {
    /// A tiny seedable generator (SplitMix64), so that every run checks the same cases.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    // MARK: plan arithmetic

    /// Catalog of the random plans: theory courses, practice components (some with their theory course not in
    /// any plan), theses. Codes 10000...
    static let catalog: [(code: String, credits: Int, kind: String, theory: String?)] = {
        var courses: [(String, Int, String, String?)] = []
        for index in 0..<14 {
            let code = String(10_000 + index)
            switch index % 5 {
            case 3: courses.append((code, 1 + index % 3, "practice", String(10_000 + index - 1)))
            case 4: courses.append((code, 0, "thesis", nil))
            default: courses.append((code, 2 + index % 4, "theory", nil))
            }
        }
        return courses
    }()

    static func randomCode(_ random: inout Random) -> String {
        random.chance(5) ? "99999" : catalog[random.below(catalog.count)].code  // now and then a code not in the catalog
    }

    /// A random requirement list (YAML flow style), with ids `n1`, `n2`, ... from `counter`.
    static func randomNodes(_ random: inout Random, depth: Int, counter: inout Int) -> String {
        let count = 1 + random.below(depth == 0 ? 4 : 3)
        var items: [String] = []
        for _ in 0..<count {
            counter += 1
            let id = "n\(counter)"
            let kind = depth >= 2 ? random.below(2) : random.below(6)
            switch kind {
            case 0:
                items.append("\"\(randomCode(&random))\"")
            case 1:
                let codes = (0..<(1 + random.below(4))).map { _ in "\"\(randomCode(&random))\"" }
                var pool = "{id: \(id), pool: [\(codes.joined(separator: ", "))]"
                if random.chance(50) { pool += ", max-credits: \(random.below(12))" }
                if random.chance(40) { pool += ", min-courses: \(1 + random.below(4))" }
                if random.chance(40) { pool += ", min-credits: \(1 + random.below(10))" }
                items.append(pool + "}")
            case 2:
                items.append("{id: \(id), all-of: \(randomNodes(&random, depth: depth + 1, counter: &counter))}")
            case 3:
                let choose = 1 + random.below(3)
                items.append("{id: \(id), choose: \(choose), of: \(randomNodes(&random, depth: depth + 1, counter: &counter))}")
            case 4:
                let children = randomNodes(&random, depth: depth + 1, counter: &counter)
                items.append("{id: \(id), one-of: \(children)}")
            default:
                counter += 1
                let a = "{id: n\(counter), when: a, all-of: \(randomNodes(&random, depth: depth + 1, counter: &counter))}"
                counter += 1
                let b = "{id: n\(counter), when: b, all-of: \(randomNodes(&random, depth: depth + 1, counter: &counter))}"
                items.append("{id: \(id), alternatives: [\(a), \(b)]}")
            }
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// A file of `count` random plans, each with totals too high to reach, so that both totals are reported with
    /// what the tree can reach.
    static func randomPlans(seed: UInt64, count: Int) -> String {
        var random = Random(state: seed)
        var text = """
            province: 江苏
            provinces: [{name: 江苏}]
            sources: [{id: SRC, document: 测试来源}]
            institutions: [{name: 苏州大学}]
            courses:

            """
        for course in catalog {
            text += "  - {code: \"\(course.code)\", name: 课程\(course.code), credits: \(course.credits), kind: \(course.kind)"
            if let theory = course.theory { text += ", theory: \"\(theory)\"" }
            text += "}\n"
        }
        text += "majors:\n"
        for plan in 0..<count {
            var counter = 0
            let nodes = randomNodes(&random, depth: 0, counter: &counter)
            var substitutions: [String] = []
            for index in 0..<random.below(3) {
                let replaces = random.chance(70) ? "n\(1 + random.below(max(counter, 1)))" : randomCode(&random)
                let codes = (0..<(1 + random.below(3))).map { _ in "\"\(randomCode(&random))\"" }.joined(separator: ", ")
                substitutions.append(random.chance(50)
                    ? "{id: s\(index), replaces: \"\(replaces)\", all-of: [\(codes)]}"
                    : "{id: s\(index), replaces: \"\(replaces)\", min-credits: 3, from: [\(codes)]}")
            }
            text += """
                  - code: "\(String(100_000 + plan))"
                    name: 专业\(plan)
                    level: 专科
                    institutions: [苏州大学]
                    plans:
                      - id: P\(plan)
                        version: "2024"
                        sources: [SRC]
                        total-credits: 999
                        min-courses: 999
                        requirements: \(nodes)
                        substitutions: [\(substitutions.joined(separator: ", "))]

                """
        }
        return text
    }

    /// The reference: the recursive bound over the tree, as the compiler computed it before the flat arrays.
    struct Reference {
        let courses: [CourseCode: Course]

        func weight(_ code: CourseCode, inPlan: Set<CourseCode>) -> Int {
            guard let course = courses[code] else { return 1 }
            switch course.kind {
            case .thesis: return 0
            case .practice: return course.theory.map { inPlan.contains($0.value) ? 0 : 1 } ?? 1
            case .theory: return 1
            }
        }

        func bound(_ node: Requirement, inPlan: Set<CourseCode>, replacements: [String: (Int, Int)]) -> (Int, Int) {
            var result: (Int, Int)
            switch node.shape {
            case .course(let code, _):
                result = (courses[code]?.credits ?? 0, weight(code, inPlan: inPlan))
            case .allOf(let children):
                result = children.reduce((0, 0)) { sum, child in
                    let b = bound(child, inPlan: inPlan, replacements: replacements)
                    return (sum.0 + b.0, sum.1 + b.1)
                }
            case .choose(let count, let children):
                let bounds = children.map { bound($0, inPlan: inPlan, replacements: replacements) }
                result = (bounds.map(\.0).sorted(by: >).prefix(count).reduce(0, +), bounds.map(\.1).sorted(by: >).prefix(count).reduce(0, +))
            case .alternatives(let children):
                let bounds = children.map { bound($0, inPlan: inPlan, replacements: replacements) }
                result = (bounds.map(\.0).max() ?? 0, bounds.map(\.1).max() ?? 0)
            case .pool(let codes, _, _, let maxCredits):
                let unique = Set(codes.map(\.value))
                let credits = unique.reduce(0) { $0 + (courses[$1]?.credits ?? 0) }
                result = (min(credits, maxCredits ?? credits), unique.reduce(0) { $0 + weight($1, inPlan: inPlan) })
            }
            if let replacement = replacements[node.id] {
                result = (max(result.0, replacement.0), max(result.1, replacement.1))
            }
            return result
        }

        /// The reachable credits and courses of `plan`.
        func totals(_ plan: Plan) -> (Int, Int) {
            let inPlan = Set(plan.requirements.courseCodes)
            var replacements: [String: (Int, Int)] = [:]
            for substitution in plan.substitutions {
                let codes = Set(substitution.courses.map(\.value))
                let bound = (codes.reduce(0) { $0 + (courses[$1]?.credits ?? 0) },
                             codes.reduce(0) { $0 + weight($1, inPlan: codes.union(inPlan)) })
                let old = replacements[substitution.replaces.value] ?? (0, 0)
                replacements[substitution.replaces.value] = (max(old.0, bound.0), max(old.1, bound.1))
            }
            return bound(plan.requirements, inPlan: inPlan, replacements: replacements)
        }

        /// Whether every course the plan's tree and substitutions name is in the catalog (else the credits bound
        /// is unknown and not checked).
        func creditsKnown(_ plan: Plan) -> Bool {
            plan.requirements.courseCodes.allSatisfy { courses[$0] != nil }
                && plan.substitutions.allSatisfy { $0.courses.allSatisfy { courses[$0.value] != nil } }
        }

        /// The credits of the theory courses that required practice components lack (graph.practice-without-theory):
        /// the credits bound counts them, as the fix adds them.
        func missingTheoryCredits(_ plan: Plan) -> Int {
            let required = Set(plan.requirements.courseCodes).union(plan.substitutions.flatMap { $0.courses.map(\.value) })
            var missing: Set<CourseCode> = []
            plan.requirements.forEachNode { node in
                guard case .course(let code, _) = node.shape, let course = courses[code], course.kind == .practice,
                      let theory = course.theory?.value, courses[theory] != nil, !required.contains(theory)
                else { return }
                missing.insert(theory)
            }
            return missing.reduce(0) { $0 + (courses[$1]?.credits ?? 0) }
        }

        /// The expected pool diagnostics of `plan` as (pool id, "credits"/"courses", available).
        func poolFindings(_ plan: Plan) -> [String] {
            let inPlan = Set(plan.requirements.courseCodes)
            var findings: [String] = []
            var seenIDs: Set<String> = []
            plan.requirements.forEachNode { node in
                guard node.location != plan.requirements.location else { return }
                let firstOfItsID = seenIDs.insert(node.id).inserted
                guard case .pool(let codes, let minCredits, let minCourses, _) = node.shape else { return }
                _ = firstOfItsID
                let unique = Set(codes.map(\.value))
                let credits = unique.reduce(0) { $0 + (courses[$1]?.credits ?? 0) }
                let count = unique.reduce(0) { $0 + weight($1, inPlan: inPlan) }
                if let minCredits, credits < minCredits, unique.allSatisfy({ courses[$0] != nil }) {
                    findings.append("pool '\(node.id)' needs at least \(minCredits) credits but all its courses give only \(credits)")
                }
                if let minCourses, count < minCourses {
                    findings.append("pool '\(node.id)' needs at least \(minCourses) courses but all its courses give only \(count)")
                }
            }
            return findings.sorted()
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func planArithmeticMatchesTheRecursiveBound(seed: UInt64) {
        let result = CurriculumLoader().load(text: Self.randomPlans(seed: seed, count: 60))
        let reference = Reference(courses: result.graph.courses)
        for plan in result.graph.plans.values.sorted(by: { $0.id < $1.id }) {
            let (credits, courses) = reference.totals(plan)
            let messages = result.diagnostics.filter { $0.location?.line ?? 0 > 0 }.map(\.message.en)
            if reference.creditsKnown(plan) {
                let bound = credits + reference.missingTheoryCredits(plan)
                #expect(messages.contains("plan \(plan.id) requires 999 credits but its requirements (with substitutions) count at most \(bound)"),
                        "credits of \(plan.id)")
            } else {
                #expect(!messages.contains { $0.hasPrefix("plan \(plan.id) requires 999 credits") }, "credits of \(plan.id)")
            }
            #expect(messages.contains("plan \(plan.id) requires 999 courses but its requirements count at most \(courses)"),
                    "courses of \(plan.id)")
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func poolFindingsMatchTheReference(seed: UInt64) {
        let text = Self.randomPlans(seed: seed, count: 40)
        let result = CurriculumLoader().load(text: text)
        let reference = Reference(courses: result.graph.courses)
        let expected = result.graph.plans.values.flatMap { reference.poolFindings($0) }.sorted()
        let found = result.diagnostics("graph.pool-unreachable").map(\.message.en).sorted()
        #expect(found == expected)
    }

    // MARK: cycles

    @Test func prunedCycleSearchFindsWhatThePlainSearchFinds() {
        var random = Random(state: 42)
        for round in 0..<400 {
            let nodes = 2 + random.below(12)
            let edgeCount = random.below(nodes * 2)
            let edges: [(CourseCode, CourseCode)] = (0..<edgeCount).map { _ in
                (CourseCode(rawValue: String(10_000 + random.below(nodes))), CourseCode(rawValue: String(10_000 + random.below(nodes))))
            }
            #expect(CycleFinder.cycles(edges: edges) == CycleFinder.cycles(edges: edges, pruning: false), "round \(round)")
        }
    }

    @Test func pruningKeepsEveryCycleEdgeAndDropsTheRest() {
        let edges: [(CourseCode, CourseCode)] = [("00001", "00002"), ("00002", "00003"), ("00003", "00001"),
                                                 ("00003", "00004"), ("00005", "00001")]
        #expect(CycleFinder.pruned(edges).map { "\($0.0)→\($0.1)" } == ["00001→00002", "00002→00003", "00003→00001"])
    }

    // MARK: threads

    @Test func parallelDecodingGivesTheSameResultAsOneThread() throws {
        let directory = Fixture.path("diagnostics")
        let one = CurriculumLoader(threads: 1).load(paths: [directory])
        let four = CurriculumLoader(threads: 4).load(paths: [directory])
        #expect(one.diagnostics.count > 50)
        #expect(one.diagnostics == four.diagnostics)
        #expect(one.files == four.files)
        #expect(one.graph.courses == four.graph.courses)
        #expect(one.graph.plans == four.graph.plans)
    }

    @Test func parallelDecodingOfTheBundledCurriculaMatchesOneThread() {
        let path = Fixture.repositoryRoot.appendingPathComponent("curricula").path
        let one = CurriculumLoader(threads: 1).load(paths: [path])
        let three = CurriculumLoader(threads: 3).load(paths: [path])
        #expect(one.diagnostics == three.diagnostics)
        #expect(one.graph.plans == three.graph.plans)
        #expect(one.graph.majors == three.graph.majors)
    }

    @Test func parallelPlanChecksGiveTheSameResultAsOneThread() {
        // 300 plans: enough for the plan checks to run on several threads; two files, so decoding does too.
        let first = Self.randomPlans(seed: 77, count: 150)
        let second = Self.randomPlans(seed: 78, count: 150).replacingOccurrences(of: "id: P", with: "id: Q")
            .replacingOccurrences(of: "code: \"1", with: "code: \"2")
        let files = [(path: "a.yaml", bytes: Array(first.utf8)), (path: "b.yaml", bytes: Array(second.utf8))]
        let one = CurriculumLoader(threads: 1).load(files: files)
        let four = CurriculumLoader(threads: 4).load(files: files)
        #expect(one.graph.plans.count == 300)
        #expect(one.diagnostics.count > 300)
        #expect(one.diagnostics == four.diagnostics)
        #expect(one.graph.plans == four.graph.plans)
        #expect(one.graph.plansByCourse == four.graph.plansByCourse)
        #expect(one.graph.plans(using: "10000").map(\.id) == one.graph.plans.values.filter { $0.allCourseCodes.contains("10000") }.map(\.id).sorted())
    }

    // MARK: the public YAML tree

    @Test func readerTreeExpandsAliasesAndMergesAndDropsDuplicates() throws {
        let text = """
            base: &base {a: 1, b: 2}
            list: &list [x, *base]
            merged:
              <<: *base
              b: 3
              c: 4
              c: 5
            again: *list
            """
        let (root, diagnostics) = YAMLReader().read(Array(text.utf8), file: "t.yaml")
        #expect(diagnostics.map(\.found) == [Found("yaml.duplicate-key", 7, 3)])
        guard case .mapping(let entries, _, _)? = root else {
            Issue.record("expected a mapping")
            return
        }
        #expect(entries.map(\.key.text) == ["base", "list", "merged", "again"])
        func keys(_ node: YAMLNode) -> [String] {
            if case .mapping(let entries, _, _) = node { return entries.map { "\($0.key.text)=\(Self.text($0.value))" } }
            return []
        }
        #expect(keys(entries[2].value) == ["b=3", "c=4", "a=1"])
        guard case .sequence(let items, _, _) = entries[3].value else {
            Issue.record("expected a list")
            return
        }
        #expect(items.count == 2)
        #expect(keys(items[1]) == ["a=1", "b=2"])
        #expect(items[1].start == entries[0].value.start)  // an alias stands where its anchor's node is
    }

    static func text(_ node: YAMLNode) -> String {
        if case .scalar(let scalar) = node { return scalar.text }
        return "…"
    }

    @Test func readerTreeKeepsStylesTagsAndPositions() throws {
        let text = "a: !!str 12\nb: 'x'\nc: |\n  line\n"
        let (root, diagnostics) = YAMLReader().read(Array(text.utf8), file: "t.yaml")
        #expect(diagnostics.isEmpty)
        guard case .mapping(let entries, _, _)? = root else {
            Issue.record("expected a mapping")
            return
        }
        let scalars = entries.compactMap { entry -> YAMLScalar? in
            if case .scalar(let scalar) = entry.value { return scalar }
            return nil
        }
        #expect(scalars.map(\.style) == [.plain, .singleQuoted, .literal])
        #expect(scalars[0].tag == "tag:yaml.org,2002:str")
        #expect(scalars[2].text == "line\n")
        #expect(scalars[1].start == Mark(line: 2, column: 4))
        #expect(scalars[1].end == Mark(line: 2, column: 7))
    }
}
