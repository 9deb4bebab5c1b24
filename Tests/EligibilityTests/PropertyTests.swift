import Foundation
import Testing
import PropertyBased
import Eligibility

// MARK: - Random transcripts on the bundled plans

/// A bundled plan and the codes a transcript for it may contain.
struct RealPlan: Sendable {
    var province: String
    var major: String
    var planID: String
    var courses: [String]
    /// Codes graded like a thesis.
    var theses: [String]
    /// Other codes worth passing: options, old-plan courses, substitutes, courses of no use to the plan.
    var extras: [String]
    var certificates: [Certificate] = []

    /// Practice components of the bundled plans.
    static let practice: Set<String> = ["00019", "03334", "13753", "00909", "13676"]

    static let all: [RealPlan] = [
        .init(province: "江苏", major: "030101K", planID: "JS-2024-030101K", courses: PlanCourses.js2024Law, theses: ["14850", "55472"],
              extras: ["00015", "27016", "00169", "00246", "00258", "00262", "00167", "00228", "05680", "00259", "00263", "05678", "00257", "00233", "00018"]),
        .init(province: "江苏", major: "030101K", planID: "JS-2021-030101K", courses: PlanCourses.js2021Law, theses: ["55472"],
              extras: ["00015", "27016", "27017", "27018", "00263", "05678", "00257", "00233", "13000"]),
        .init(province: "江苏", major: "120402", planID: "JS-2024-120402", courses: PlanCourses.js2024Admin, theses: ["10197"],
              extras: ["13000", "14970", "00015"]),
        .init(province: "江苏", major: "590206", planID: "JS-2024-590206", courses: PlanCourses.js2024Admin590206, theses: [],
              extras: ["00043", "00182", "27015", "00001", "99031", "03707", "99042", "99043", "00003", "27702", "13000"]),
        .init(province: "江苏", major: "530605", planID: "JS-2024-530605", courses: PlanCourses.js2024Marketing530605, theses: [],
              extras: ["00065", "00020", "00009", "00144", "00179", "27007", "00181", "00182", "27015", "00001", "00002", "00003", "99042"],
              certificates: [Certificate(name: "全国计算机等级考试一级", obtainedOn: CivilDate("2022-09-01")!)]),
        .init(province: "江苏", major: "530605", planID: "JS-2021-530605", courses: PlanCourses.js2021Marketing530605, theses: [],
              extras: ["00181", "00182", "27015", "99041", "00003", "13124"]),
        .init(province: "江苏", major: "120203K", planID: "JS-2024-120203K", courses: PlanCourses.js2024Accounting, theses: ["14848"],
              extras: ["00015", "00160"]),
        .init(province: "江苏", major: "120202", planID: "JS-2024-120202", courses: PlanCourses.js2024Marketing120202, theses: ["10211"],
              extras: ["00015", "00098"]),
        .init(province: "山西", major: "530605", planID: "SX-SEED-530605", courses: PlanCourses.sxMarketing, theses: [],
              extras: ["00001", "00003", "13124"],
              certificates: [Certificate(name: "全国计算机等级考试一级", obtainedOn: CivilDate("2022-09-01")!)]),
    ]
}

/// A random transcript for one bundled plan.
struct RealCase: Sendable, CustomStringConvertible {
    var plan: RealPlan
    var records: [CourseRecord]
    var withCertificates: Bool
    /// A permutation of `records` and a record to add, for the shuffle and monotonicity properties.
    var shuffled: [CourseRecord]
    var extra: CourseRecord

    var candidate: Candidate { Support.candidate(certificates: withCertificates ? plan.certificates : []) }

    func request(_ records: [CourseRecord]) -> AuditRequest {
        AuditRequest(candidate: candidate, records: records, major: MajorKey(province: plan.province, code: plan.major),
                     planID: plan.planID, applicationDate: Support.date)
    }

    var description: String {
        func row(_ r: CourseRecord) -> String { "\(r.code)=\(r.score)\(r.evidence == .electronic ? "" : "/\(r.evidence.kind)")" }
        return "\(plan.planID) certificates=\(withCertificates) records=[\(records.map(row).joined(separator: " "))] extra=\(row(extra))"
    }

    /// - `paper`: whether records may rest on paper evidence.
    /// - `full`: the probability that a plan course is passed (high values give mostly-eligible transcripts).
    static func random(paper: Bool, full: Double, using rng: inout some RandomNumberGenerator) -> RealCase {
        let plan = RealPlan.all.randomElement(using: &rng)!
        var records: [CourseRecord] = []
        // No transfers of theses and practice components: a set-aside transfer hides a valid lower attempt
        // (KnownBugTests.transferredBestAttemptHidesValidPass).
        func evidence(_ code: String) -> Evidence {
            guard paper else { return .electronic }
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: return .oldPlanCertificate
            case 1: return .practiceCard
            case 2 where !plan.theses.contains(code) && !RealPlan.practice.contains(code): return .transfer(fromProvince: "浙江")
            default: return .electronic
            }
        }
        func score(_ code: String, passing: Bool) -> Score {
            if plan.theses.contains(code) {
                return passing ? .grade([Grade.excellent, .good, .fair, .pass].randomElement(using: &rng)!) : .grade(.fail)
            }
            return .points(passing ? Int.random(in: 60...100, using: &rng) : Int.random(in: 0...59, using: &rng))
        }
        var seen: Set<String> = []
        for code in plan.courses + plan.theses + plan.extras where seen.insert(code).inserted {
            let isCourse = plan.courses.contains(code) || plan.theses.contains(code)
            // Distinct scores per code: equal attempts are a known source of order dependence (see KnownBugTests).
            var used: Set<Score> = []
            func add(_ passing: Bool) {
                let s = score(code, passing: passing)
                guard used.insert(s).inserted else { return }
                records.append(CourseRecord(code: CourseCode(rawValue: code), score: s, evidence: evidence(code)))
            }
            if Double.random(in: 0..<1, using: &rng) < (isCourse ? full : 0.3) { add(true) }
            if Int.random(in: 0..<6, using: &rng) == 0 { add(false) }
            if Int.random(in: 0..<12, using: &rng) == 0 { add(true) }
        }
        let pick = (plan.courses + plan.extras).randomElement(using: &rng)!
        let extra = CourseRecord(code: CourseCode(rawValue: pick), score: .points(Int.random(in: 60...100, using: &rng)), evidence: evidence(pick))
        return RealCase(plan: plan, records: records, withCertificates: Bool.random(using: &rng),
                        shuffled: records.shuffled(using: &rng), extra: extra)
    }

    static func generator(paper: Bool = true, full: Double = 0.8) -> Generator<RealCase, Shrink.None<RealCase>> {
        Generator { rng in RealCase.random(paper: paper, full: full, using: &rng) }
    }
}

private func rank(_ verdict: Audit.Verdict) -> Int {
    switch verdict {
    case .eligible: 0
    case .eligiblePendingReview: 1
    case .notEligible: 2
    }
}

/// Passing records (electronic, 80) for every course the audit names as missing, or nil when an item names no course.
private func completion(of audit: Audit) -> [CourseRecord]? {
    guard audit.missing.items.allSatisfy({ $0.course != nil }) else { return nil }
    return audit.missing.items.map { CourseRecord(code: $0.course!.code, score: .points(80)) }
}

/// `evaluate` (the search without the explanation) must agree with the full audit.
private func expectSummaryAgrees(_ engine: AuditEngine, _ request: AuditRequest) throws {
    let audit = try engine.audit(request)
    let summary = try engine.evaluate(request)
    #expect(summary.verdict == audit.verdict)
    #expect(summary.missingCredits == audit.missing.credits && summary.missingCourses == audit.missing.courses,
            "summary (\(summary.missingCredits), \(summary.missingCourses)), audit (\(audit.missing.credits), \(audit.missing.courses))")
    #expect(summary.reviewCount == Set(audit.review.map(\.code)).count)
    #expect(summary.blocking == audit.reasons.map(\.code).filter { !["missing-courses", "manual-review", "all-requirements-met"].contains($0) })
}

@Suite("Properties on the bundled plans")
struct RealPlanPropertyTests {
    @Test func summaryAgreesWithTheAudit() async {
        await propertyCheck(count: Support.cases(100), input: RealCase.generator(full: 0.8)) { c in
            try expectSummaryAgrees(Support.engine, c.request(c.records))
        }
    }

    @Test func shufflingRowsNeverChangesTheAudit() async {
        await propertyCheck(count: Support.cases(200), input: RealCase.generator(full: 0.7)) { c in
            let a = try Support.json(Support.engine.audit(c.request(c.records)))
            let b = try Support.json(Support.engine.audit(c.request(c.shuffled)))
            #expect(a == b)
        }
    }

    @Test func addingAPassingRecordNeverHurts() async {
        await propertyCheck(count: Support.cases(200), input: RealCase.generator(full: 0.95)) { c in
            let before = try Support.engine.audit(c.request(c.records))
            let after = try Support.engine.audit(c.request(c.records + [c.extra]))
            if before.verdict != .notEligible { #expect(after.verdict != .notEligible) }
            #expect((after.missing.credits, after.missing.courses) <= (before.missing.credits, before.missing.courses))
        }
    }

    @Test func passingTheMissingCoursesCompletesThePlan() async {
        await propertyCheck(count: Support.cases(200), input: RealCase.generator(full: 0.7)) { c in
            let before = try Support.engine.audit(c.request(c.records))
            guard let more = completion(of: before) else { return }
            let after = try Support.engine.audit(c.request(c.records + more))
            #expect(after.missing.items.isEmpty)
            #expect(after.verdict != .notEligible, "reasons: \(after.reasons.map(\.code))")
            if !c.records.contains(where: \.evidence.needsReview) { #expect(after.verdict == .eligible) }
        }
    }
}

// MARK: - Small random plans against a brute force

/// A small random plan: catalog, requirement tree, optional total, and a transcript.
struct SmallPlan: Sendable, CustomStringConvertible {
    indirect enum Node: Sendable {
        case course(Int)
        case allOf(String, [Node])
        case choose(String, Int, [Node])
        case pool(String, codes: [Int], minCredits: Int, minCourses: Int, maxCredits: Int?)
    }

    static let size = 8
    var credits: [Int]
    var requirements: [Node]
    var total: Int?
    var passed: [Int]
    var failed: [Int]
    /// Row order of the transcript and one more course to pass (for the shuffle/monotonicity properties).
    var order: [Int]
    var extra: Int
    /// Courses a credits-only mapping rule names (可计算课程门数和学分): passed and used by no requirement, each counts its
    /// credits toward the total — so a pool may do better to leave a passed course to the rule (a cap, a total).
    var creditsOnly: [Int] = []

    static func code(_ index: Int) -> String { "1000\(index + 1)" }

    var records: [CourseRecord] {
        let rows = passed.map { CourseRecord(code: CourseCode(rawValue: Self.code($0)), score: .points(60 + $0 * 4)) }
            + failed.map { CourseRecord(code: CourseCode(rawValue: Self.code($0)), score: .points(20 + $0)) }
        return order.map { rows[$0] }
    }

    // MARK: YAML

    var yaml: String {
        var lines = ["courses:"]
        for (index, credit) in credits.enumerated() {
            lines.append("  - {code: \"\(Self.code(index))\", name: 课程\(index + 1), credits: \(credit)}")
        }
        lines += ["majors:", "  - code: \"120402\"", "    name: 行政管理", "    level: 专科", "    institutions: [测试大学]",
                  "    plans:", "      - id: P", "        version: \"1\"", "        sources: [SRC]"]
        if let total { lines.append("        total-credits: \(total)") }
        lines.append("        requirements:")
        for node in requirements { emit(node, indent: 10, into: &lines) }
        if !creditsOnly.isEmpty {
            lines += ["        mappings:", "          - id: old", "            title: 旧课程", "            rules:"]
            lines += creditsOnly.map { "              - {old: \"\(Self.code($0))\", credits-only: true}" }
        }
        return Support.header + lines.joined(separator: "\n") + "\n"
    }

    private func emit(_ node: Node, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .course(let index):
            lines.append("\(pad)- \"\(Self.code(index))\"")
        case .allOf(let id, let children):
            lines += ["\(pad)- id: \(id)", "\(pad)  all-of:"]
            for child in children { emit(child, indent: indent + 4, into: &lines) }
        case .choose(let id, let count, let children):
            lines.append("\(pad)- id: \(id)")
            if count == 1 { lines.append("\(pad)  one-of:") } else { lines += ["\(pad)  choose: \(count)", "\(pad)  of:"] }
            for child in children { emit(child, indent: indent + 4, into: &lines) }
        case .pool(let id, let codes, let minCredits, let minCourses, let maxCredits):
            lines += ["\(pad)- id: \(id)", "\(pad)  pool: [\(codes.map { "\"\(Self.code($0))\"" }.joined(separator: ", "))]"]
            if minCredits > 0 { lines.append("\(pad)  min-credits: \(minCredits)") }
            if minCourses > 0 { lines.append("\(pad)  min-courses: \(minCourses)") }
            if let maxCredits { lines.append("\(pad)  max-credits: \(maxCredits)") }
        }
    }

    var description: String {
        "passed=\(passed.map(Self.code)) failed=\(failed.map(Self.code)) extra=\(Self.code(extra)) creditsOnly=\(creditsOnly.map(Self.code))\n\(yaml)"
    }

    // MARK: generation

    enum Totals: Sendable {
        /// No `total-credits`.
        case none
        /// Half of the plans get a `total-credits` that every way of meeting the requirements reaches.
        case nonBinding
        /// Half of the plans get a `total-credits` up to the linter's bound.
        case any
    }

    /// - `overlap`: pools may share courses with other requirements (leaves stay distinct).
    /// - `totals`: whether and how the plan has a `total-credits`.
    /// - `creditsOnly`: some courses are also named by a credits-only rule.
    static func random(overlap: Bool, totals: Totals, creditsOnly: Bool = false, using rng: inout some RandomNumberGenerator) -> SmallPlan {
        let credits = (0..<size).map { _ in Int.random(in: 1...6, using: &rng) }
        var free = Array(0..<size).shuffled(using: &rng)
        var ids = 0
        func nextID(_ prefix: String) -> String { ids += 1; return "\(prefix)\(ids)" }
        func pool() -> Node? {
            let count = Int.random(in: 2...4, using: &rng)
            var codes: [Int]
            if overlap {
                codes = Array(Array(0..<size).shuffled(using: &rng).prefix(count))
            } else {
                guard free.count >= 2 else { return nil }
                codes = Array(free.prefix(min(count, free.count)))
                free.removeFirst(codes.count)
            }
            codes.sort()
            let sum = codes.reduce(0) { $0 + credits[$1] }
            var minCredits = Bool.random(using: &rng) ? Int.random(in: 1...sum, using: &rng) : 0
            let minCourses = Bool.random(using: &rng) || minCredits == 0 ? Int.random(in: 1...codes.count, using: &rng) : 0
            if minCredits == 0 && minCourses == 0 { minCredits = 1 }
            let maxCredits = Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: max(1, minCredits)...sum, using: &rng) : nil
            return .pool(nextID("p"), codes: codes, minCredits: minCredits, minCourses: minCourses, maxCredits: maxCredits)
        }
        func leaf() -> Node? {
            guard !free.isEmpty else { return nil }
            return .course(free.removeFirst())
        }
        func node(depth: Int) -> Node? {
            let roll = Int.random(in: 0..<100, using: &rng)
            if depth >= 3 || roll < 40 { return roll % 5 == 0 ? pool() ?? leaf() : leaf() }
            if roll < 60 { return pool() ?? leaf() }
            let kind = roll < 75 ? 0 : roll < 90 ? 1 : 2   // one-of, choose 2 of 3, all-of
            let wanted = kind == 1 ? 3 : Int.random(in: 2...3, using: &rng)
            var children: [Node] = []
            for _ in 0..<wanted { if let child = node(depth: depth + 1) { children.append(child) } }
            switch kind {
            case 0 where children.count >= 2: return .choose(nextID("g"), 1, children)
            case 1 where children.count == 3: return .choose(nextID("g"), 2, children)
            case 2 where children.count >= 1: return .allOf(nextID("g"), children)
            default: return children.first
            }
        }
        var requirements: [Node] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) { if let item = node(depth: 1) { requirements.append(item) } }
        if requirements.isEmpty { requirements = [.course(free.first ?? 0)] }
        var plan = SmallPlan(credits: credits, requirements: requirements, total: nil, passed: [], failed: [], order: [], extra: 0)
        if totals != .none, Bool.random(using: &rng) {
            let bound = totals == .any ? plan.bound : plan.outcomes(.allOf("plan", requirements)).values.min() ?? 0
            if bound > 0 { plan.total = Int.random(in: (bound + 1) / 2...bound, using: &rng) }
        }
        plan.passed = (0..<size).filter { _ in Double.random(in: 0..<1, using: &rng) < 0.45 }
        plan.failed = (0..<size).filter { _ in Int.random(in: 0..<5, using: &rng) == 0 }
        plan.order = Array(0..<(plan.passed.count + plan.failed.count)).shuffled(using: &rng)
        plan.extra = Int.random(in: 0..<size, using: &rng)
        if creditsOnly { plan.creditsOnly = (0..<size).filter { _ in Int.random(in: 0..<10, using: &rng) < 4 } }
        return plan
    }

    static func generator(overlap: Bool, totals: Totals, creditsOnly: Bool = false) -> Generator<SmallPlan, Shrink.None<SmallPlan>> {
        Generator { rng in SmallPlan.random(overlap: overlap, totals: totals, creditsOnly: creditsOnly, using: &rng) }
    }

    /// The linter's upper bound of countable credits (so generated totals never draw a diagnostic).
    var bound: Int {
        func bound(_ node: Node) -> Int {
            switch node {
            case .course(let index): credits[index]
            case .allOf(_, let children): children.map(bound).reduce(0, +)
            case .choose(_, let count, let children): children.map(bound).sorted(by: >).prefix(count).reduce(0, +)
            case .pool(_, let codes, _, _, let maxCredits):
                min(codes.reduce(0) { $0 + credits[$1] }, maxCredits ?? .max)
            }
        }
        return requirements.map(bound).reduce(0, +)
    }

    // MARK: brute force

    /// Every way the tree can be met using distinct courses out of all eight (passed or to be added): for each set of
    /// courses used, the most credits it counts toward the total.
    func outcomes(_ node: Node) -> [UInt32: Int] {
        func combine(_ a: [UInt32: Int], _ b: [UInt32: Int]) -> [UInt32: Int] {
            var result: [UInt32: Int] = [:]
            for (ma, ca) in a { for (mb, cb) in b where ma & mb == 0 { result[ma | mb] = max(result[ma | mb] ?? .min, ca + cb) } }
            return result
        }
        func all(_ children: [Node]) -> [UInt32: Int] { children.reduce([0: 0]) { combine($0, outcomes($1)) } }
        switch node {
        case .course(let index):
            return [UInt32(1) << index: credits[index]]
        case .allOf(_, let children):
            return all(children)
        case .choose(_, let count, let children):
            guard count < children.count else { return all(children) }
            var result: [UInt32: Int] = [:]
            for subset in 0..<(1 << children.count) where subset.nonzeroBitCount == count {
                let chosen = children.indices.filter { subset & (1 << $0) != 0 }.map { children[$0] }
                for (mask, counted) in all(chosen) { result[mask] = max(result[mask] ?? .min, counted) }
            }
            return result
        case .pool(_, let codes, let minCredits, let minCourses, let maxCredits):
            var result: [UInt32: Int] = [:]
            for subset in 0..<(1 << codes.count) {
                let chosen = codes.indices.filter { subset & (1 << $0) != 0 }.map { codes[$0] }
                let sum = chosen.reduce(0) { $0 + credits[$1] }
                guard sum >= minCredits, chosen.count >= minCourses else { continue }
                result[chosen.reduce(UInt32(0)) { $0 | (1 << $1) }] = min(sum, maxCredits ?? .max)
            }
            return result
        }
    }

    enum Optimum: Equatable, CustomStringConvertible {
        /// The least (credits, courses) to add so that every requirement and the total are met.
        case cost(credits: Int, courses: Int)
        /// No set of added courses meets every requirement (a course counts once).
        case unsatisfiable
        /// The requirements can be met but no set of courses reaches the total.
        case totalUnreachable

        var description: String {
            switch self {
            case .cost(let credits, let courses): "(\(credits) credits, \(courses) courses)"
            case .unsatisfiable: "unsatisfiable"
            case .totalUnreachable: "total unreachable"
            }
        }
    }

    /// Enumerates every assignment of courses (passed or added) to leaves and pools, each course used at most once,
    /// and returns the cheapest set of added courses that meets the plan: fewest credits, then fewest courses.
    var bruteForce: Optimum {
        let root = outcomes(.allOf("plan", requirements))
        guard !root.isEmpty else { return .unsatisfiable }
        let passedMask = passed.reduce(UInt32(0)) { $0 | (1 << $1) }
        /// What the credits-only rule counts: its passed courses no requirement uses.
        func creditsOnlyCredits(_ mask: UInt32) -> Int {
            creditsOnly.filter { passedMask & (1 << $0) != 0 && mask & (1 << $0) == 0 }.reduce(0) { $0 + credits[$1] }
        }
        var best: (Int, Int)?
        for (mask, counted) in root where counted + creditsOnlyCredits(mask) >= (total ?? 0) {
            let added = mask & ~passedMask
            let cost = ((0..<Self.size).filter { added & (1 << $0) != 0 }.reduce(0) { $0 + credits[$1] }, added.nonzeroBitCount)
            if best == nil || cost < best! { best = cost }
        }
        guard let best else { return .totalUnreachable }
        return .cost(credits: best.0, courses: best.1)
    }

    func audit(_ records: [CourseRecord]) throws -> Audit {
        try AuditEngine(graph: Support.graph(yaml)).audit(AuditRequest(
            candidate: Support.candidate(), records: records, major: MajorKey(province: "江苏", code: "120402"),
            planID: "P", applicationDate: Support.date))
    }
}

/// Checks the engine against the brute force on one small plan.
private func expectMatchesBruteForce(_ plan: SmallPlan) throws {
    let audit = try plan.audit(plan.records)
    switch plan.bruteForce {
    case .cost(let credits, let courses):
        #expect(audit.missing.credits == credits && audit.missing.courses == courses,
                "engine (\(audit.missing.credits) credits, \(audit.missing.courses) courses) \(audit.missing.items.map { $0.course?.code.rawValue ?? "+\($0.credits)" }), brute force (\(credits), \(courses))")
        #expect((audit.verdict == .eligible) == (credits == 0 && courses == 0), "verdict \(audit.verdict)")
    case .unsatisfiable, .totalUnreachable:
        #expect(audit.verdict == .notEligible, "brute force: \(plan.bruteForce); engine \(audit.verdict)")
    }
}

@Suite("Properties on small random plans")
struct SmallPlanPropertyTests {
    /// Plans whose leaves and pools share no course, with no total or a total every completion reaches: here the
    /// engine must be optimal.
    @Test func engineAgreesWithBruteForce() async {
        await propertyCheck(count: Support.cases(300), input: SmallPlan.generator(overlap: false, totals: .nonBinding)) { plan in
            try expectMatchesBruteForce(plan)
        }
    }

    /// The same with an optional `total-credits`.
    @Test
    func engineAgreesWithBruteForceWithTotals() async {
        await propertyCheck(count: Support.cases(300), input: SmallPlan.generator(overlap: false, totals: .any)) { plan in
            try expectMatchesBruteForce(plan)
        }
    }

    /// The same where pools share courses with other requirements (a course counts once).
    @Test
    func engineAgreesWithBruteForceWithOverlaps() async {
        await propertyCheck(count: Support.cases(300), input: SmallPlan.generator(overlap: true, totals: .any)) { plan in
            try expectMatchesBruteForce(plan)
        }
    }

    /// The same with a credits-only rule naming some of the courses: a passed course the requirements leave unused counts
    /// toward the total, so whether a pool takes a record depends on the rest of the plan (pools' caps, the total).
    /// 1,500 cases: a case that tells a pool's record left to the rule from one taken needs a capped pool and a binding
    /// total; with 300 cases, counting the rule as never ahead (`Solver.onlyThisPoolCanUse`) went unnoticed.
    @Test
    func engineAgreesWithBruteForceWithCreditsOnlyRules() async {
        await propertyCheck(count: Support.cases(1500), input: SmallPlan.generator(overlap: true, totals: .any, creditsOnly: true)) { plan in
            try expectMatchesBruteForce(plan)
        }
    }

    @Test func summaryAgreesWithTheAudit() async {
        await propertyCheck(count: Support.cases(150), input: SmallPlan.generator(overlap: false, totals: .any)) { plan in
            try expectSummaryAgrees(AuditEngine(graph: Support.graph(plan.yaml)), AuditRequest(
                candidate: Support.candidate(), records: plan.records, major: MajorKey(province: "江苏", code: "120402"),
                planID: "P", applicationDate: Support.date))
        }
    }

    @Test func shufflingRowsNeverChangesTheAudit() async {
        await propertyCheck(count: Support.cases(150), input: SmallPlan.generator(overlap: true, totals: .any)) { plan in
            let a = try Support.json(plan.audit(plan.records))
            let b = try Support.json(plan.audit(plan.records.reversed()))
            #expect(a == b)
        }
    }

    @Test func addingAPassingRecordNeverHurts() async {
        await propertyCheck(count: Support.cases(150), input: SmallPlan.generator(overlap: false, totals: .any)) { plan in
            let before = try plan.audit(plan.records)
            let after = try plan.audit(plan.records + [CourseRecord(code: CourseCode(rawValue: SmallPlan.code(plan.extra)), score: .points(90))])
            if before.verdict == .eligible { #expect(after.verdict == .eligible) }
            #expect((after.missing.credits, after.missing.courses) <= (before.missing.credits, before.missing.courses))
        }
    }

    @Test func passingTheMissingCoursesCompletesThePlan() async {
        await propertyCheck(count: Support.cases(150), input: SmallPlan.generator(overlap: false, totals: .nonBinding)) { plan in
            try expectCompletionWorks(plan)
        }
    }

    @Test
    func passingTheMissingCoursesCompletesThePlanWithTotalsAndOverlaps() async {
        await propertyCheck(count: Support.cases(300), input: SmallPlan.generator(overlap: true, totals: .any)) { plan in
            try expectCompletionWorks(plan)
        }
    }
}

/// Passing every course the audit names as missing completes the plan (unless an item names no course).
private func expectCompletionWorks(_ plan: SmallPlan) throws {
    let before = try plan.audit(plan.records)
    guard let more = completion(of: before) else { return }
    let after = try plan.audit(plan.records + more)
    #expect(after.verdict == .eligible, "missing before: \(before.missing.items.map { $0.course?.code.rawValue ?? "+\($0.credits)" }), after: \(after.missing.items.map { $0.course?.code.rawValue ?? "+\($0.credits)" })")
}
