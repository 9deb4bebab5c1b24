// Audit benchmark: median time per audit on the real plans and on the largest synthetic plan (one core), and
// audits per second over generated transcripts on every core. Prints figures; asserts nothing.
//
//   swift run -c release audit-benchmark [--curricula DIR] [--synthetic DIR] [--transcripts 1000000] [--jobs N]
//                                        [--adversarial DIR]
import Dispatch
import Eligibility
import Foundation

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}

if CommandLine.arguments.contains("--help") || CommandLine.arguments.contains("-h") {
    print("""
        audit-benchmark: median time per audit on the bundled plans and the largest synthetic plan (one core), and audits
        per second on every core. Prints figures; asserts nothing. Build in release mode.

        USAGE: swift run -c release audit-benchmark [--curricula DIR] [--synthetic DIR] [--transcripts N] [--jobs N]

          --curricula DIR    curricula to audit (default: the repository's curricula/)
          --synthetic DIR    a generated curriculum (generate-curriculum) for the largest-plan figures (default: skipped)
          --transcripts N    transcripts for the throughput run (default 1000000)
          --jobs N           threads for the throughput run (default: every core)
          --adversarial DIR  audit every plan of DIR with every related code passed (with and without a
                     prior diploma; fastest of 5 runs each); print the slowest five
        """)
    exit(0)
}

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let curriculaPath = argument("--curricula") ?? repoRoot.appendingPathComponent("curricula").path
let transcriptCount = Int(argument("--transcripts") ?? "") ?? 1_000_000
let jobs = Int(argument("--jobs") ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
let date = CivilDate(year: 2025, month: 4, day: 30) ?? .distantPast

/// A date the plan is in force on (2025-04-30 when it is, else its last or first day), so every plan is audited.
func applicationDate(for plan: Plan) -> CivilDate {
    if plan.isInForce(on: date) { return date }
    return plan.effectiveUntil ?? plan.effectiveFrom ?? date
}

/// A transcript for `plan`: every course of the requirement tree passed with probability `passRate`, plus noise.
func transcript(for plan: Plan, graph: CurriculumGraph, random: inout SplitMix64, passRate: Int) -> [CourseRecord] {
    var records: [CourseRecord] = []
    for code in Set(plan.requirements.courseCodes).sorted() where random.below(100) < passRate {
        let kind = graph.courses[code]?.kind
        let score: Score = kind == .thesis ? .grade(.good) : .points(60 + random.below(40))
        records.append(CourseRecord(code: code, score: score, passDate: CivilDate(year: 2022 + random.below(3), month: 4, day: 15)))
    }
    // A failed attempt and a course of another plan, as real transcripts have.
    if let first = records.first { records.append(CourseRecord(code: first.code, score: .points(random.below(60)))) }
    records.append(CourseRecord(code: "00009", score: .points(70)))
    return records
}

func candidate(for major: Major) -> Candidate {
    Candidate(name: "测试", idNumber: "11010519491231002X", gender: .female,
              priorDiploma: major.level.isBachelor ? PriorDiploma(level: .zhuanke, field: "行政管理", verified: true, registryName: "测试",
                                                                   registryIDNumber: "11010519491231002X", registryGender: .female) : nil)
}

func nanoseconds(_ body: () -> Void) -> UInt64 {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return DispatchTime.now().uptimeNanoseconds - start
}

/// Median µs of one full audit and of one `evaluate`, measured alternately on the same requests (so both see the
/// same noise), and the median of the per-request ratio full / evaluate.
struct Medians {
    var full: Double
    var evaluate: Double
    var ratio: Double
}

func medians(engine: AuditEngine, requests: [AuditRequest], rounds: Int) -> Medians {
    var full: [UInt64] = []
    var fast: [UInt64] = []
    var ratios: [Double] = []
    for _ in 0..<rounds {
        for request in requests {
            let a = nanoseconds { _ = try? engine.audit(request) }
            let b = nanoseconds { _ = try? engine.evaluate(request) }
            full.append(a)
            fast.append(b)
            ratios.append(Double(a) / Double(max(1, b)))
        }
    }
    func median<T: Comparable>(_ values: [T]) -> T? { values.isEmpty ? nil : values.sorted()[values.count / 2] }
    return Medians(full: Double(median(full) ?? 0) / 1000, evaluate: Double(median(fast) ?? 0) / 1000, ratio: median(ratios) ?? 0)
}

func requests(engine: AuditEngine, graph: CurriculumGraph, plans: [Plan], perPlan: Int, seed: UInt64) -> [AuditRequest] {
    var random = SplitMix64(state: seed)
    var result: [AuditRequest] = []
    for plan in plans {
        guard let major = graph.majors[plan.major] else { continue }
        for _ in 0..<perPlan {
            result.append(AuditRequest(candidate: candidate(for: major), records: transcript(for: plan, graph: graph, random: &random, passRate: 90),
                                       major: major.key, planID: plan.id, applicationDate: applicationDate(for: plan)))
        }
    }
    return result
}

// MARK: real plans

let loaded = CurriculumLoader().load(paths: [curriculaPath])
if loaded.hasErrors { print("warning: the curricula have errors; figures may be meaningless") }
let graph = loaded.graph
let engine = AuditEngine(graph: graph)
let realPlans = graph.plans.values.sorted { $0.id < $1.id }
if let profile = argument("--profile") {
    // For callgrind / perf: N audits of one kind (evaluate or full), nothing else; on one thread, or split over
    // `--jobs` threads (each with its own copy of the transcripts) to profile what threads share.
    let count = Int(argument("--count") ?? "") ?? 20_000
    let threads = max(1, Int(argument("--jobs") ?? "") ?? 1)
    // `--plan ID` (repeatable): only these plans, e.g. typical ones, so the few plans whose search is slow do not
    // fill the profile.
    let named = CommandLine.arguments.indices.dropLast().filter { CommandLine.arguments[$0] == "--plan" }.map { CommandLine.arguments[$0 + 1] }
    let profiled = named.isEmpty ? realPlans : realPlans.filter { named.contains($0.id) }
    let samples = (0..<threads).map { _ in requests(engine: engine, graph: graph, plans: profiled, perPlan: 50, seed: 3) }
    DispatchQueue.concurrentPerform(iterations: threads) { worker in
        let sample = samples[worker]
        for index in (worker * count / threads)..<((worker + 1) * count / threads) {
            if profile == "full" { _ = try? engine.audit(sample[index % sample.count]) } else { _ = try? engine.evaluate(sample[index % sample.count]) }
        }
    }
    exit(0)
}
print("Audit benchmark — \(realPlans.count) real plans from \(curriculaPath), up to \(jobs) worker thread(s)")
print("")
print("plan".padding(toLength: 22, withPad: " ", startingAt: 0) + "courses  median µs per audit, 1 core:  full Audit | evaluate | full/evaluate")
for plan in realPlans {
    let sample = requests(engine: engine, graph: graph, plans: [plan], perPlan: 200, seed: 7)
    _ = medians(engine: engine, requests: sample, rounds: 1)  // warm up
    let m = medians(engine: engine, requests: sample, rounds: 5)
    print(plan.id.padding(toLength: 22, withPad: " ", startingAt: 0) + String(Set(plan.requirements.courseCodes).count).padding(toLength: 9, withPad: " ", startingAt: 0)
          + String(format: "%33.2f | %8.2f | %5.2f×", m.full, m.evaluate, m.ratio))
}
let overall = requests(engine: engine, graph: graph, plans: realPlans, perPlan: 200, seed: 11)
let real = medians(engine: engine, requests: overall, rounds: 5)

// MARK: synthetic

var synthetic: (id: String, nodes: Int, medians: Medians)?
if let directory = argument("--synthetic") {
    let start = DispatchTime.now().uptimeNanoseconds
    let big = CurriculumLoader().load(paths: [directory])
    let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let bigEngine = AuditEngine(graph: big.graph)
    func size(_ plan: Plan) -> Int { var count = 0; plan.requirements.forEachNode { _ in count += 1 }; return count + plan.substitutions.count }
    if let largest = big.graph.plans.values.max(by: { (size($0), $0.id) < (size($1), $1.id) }) {
        let sample = requests(engine: bigEngine, graph: big.graph, plans: [largest], perPlan: 500, seed: 13)
        _ = medians(engine: bigEngine, requests: sample, rounds: 1)
        synthetic = (largest.id, size(largest), medians(engine: bigEngine, requests: sample, rounds: 3))
        print(String(format: "(synthetic curriculum loaded in %.2f s)", loadSeconds))
    }
}

// MARK: adversarial sweep

/// Every plan of a curriculum with a transcript in which every related code is passed — the plan's courses, its
/// substitution courses, the old codes of its own and the province's mappings, and every code equivalent to one of
/// them (renames, equivalences) — audited once each (after one warm-up); the slowest five are printed. The search must
/// stay far from exponential on such transcripts (target: none over 1 ms in a release build).
func adversarialSweep(_ directory: String) {
    let loaded = CurriculumLoader().load(paths: [directory])
    let sweepEngine = AuditEngine(graph: loaded.graph)
    let graph = loaded.graph
    var results: [(id: String, candidate: String, records: Int, milliseconds: Double)] = []
    for plan in graph.plans.values.sorted(by: { $0.id < $1.id }) {
        guard let major = graph.majors[plan.major] else { continue }
        let records = plan.relatedCodes(in: graph).sorted().map { CourseRecord(code: $0, score: graph.courses[$0]?.kind == .thesis ? .grade(.good) : .points(75),
                                                         passDate: CivilDate(year: 2023, month: 4, day: 15)) }
        // Two candidates: the usual one, and one without a prior diploma on record (加考 groups undetermined: each of
        // their courses costs a review, so no path reaches cost zero and the bound prunes less).
        let known = candidate(for: major)
        let unknown = Candidate(name: known.name, idNumber: known.idNumber, gender: known.gender, priorDiploma: nil)
        for (label, person) in [("diploma", known), ("no diploma", unknown)] {
            let request = AuditRequest(candidate: person, records: records, major: major.key, planID: plan.id,
                                       applicationDate: applicationDate(for: plan))
            _ = try? sweepEngine.audit(request)
            // The fastest of five: the machine is shared, and a preempted run says nothing about the search.
            let elapsed = (0..<5).map { _ in nanoseconds { _ = try? sweepEngine.audit(request) } }.min() ?? 0
            results.append((plan.id, label, records.count, Double(elapsed) / 1e6))
        }
    }
    print("")
    print("adversarial sweep over \(results.count / 2) plans of \(directory) (every related code passed; fastest of 5 runs): slowest five")
    for result in results.sorted(by: { $0.milliseconds > $1.milliseconds }).prefix(5) {
        print(String(format: "  %-22@ %-10@ %4d records  %8.3f ms", result.id as NSString, result.candidate as NSString, result.records, result.milliseconds))
    }
}
if let directory = argument("--adversarial") { adversarialSweep(directory) }

print("")
print("median µs per audit, 1 core          full Audit |  evaluate | full/evaluate")
print(String(format: "all real plans                      %10.2f | %9.2f | %5.2f×   (target: full ≤ 10 µs)", real.full, real.evaluate, real.ratio))
if let synthetic {
    print(String(format: "largest synthetic plan (%3d nodes)  %10.2f | %9.2f | %5.2f×", synthetic.nodes, synthetic.medians.full, synthetic.medians.evaluate, synthetic.medians.ratio)
          + "   (\(synthetic.id))")
    print(String(format: "synthetic / real                    %9.2f× | %8.2f× |", synthetic.medians.full / real.full, synthetic.medians.evaluate / real.evaluate))
}

// MARK: throughput

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add(_ n: Int) { lock.lock(); value += n; lock.unlock() }
    var total: Int { lock.lock(); defer { lock.unlock() }; return value }
}

/// The transcripts, generated before any clock starts: one copy per worker thread (the same seed, so the same
/// transcripts), so that threads share nothing but the engine — two threads reading one request's arrays and strings
/// would contend on their reference counts, which a real batch (each row parsed by its own thread) never does.
func pools(_ threads: Int) -> [[AuditRequest]] {
    (0..<threads).map { _ in requests(engine: engine, graph: graph, plans: realPlans, perPlan: 500, seed: 17) }
}

/// Audits per second over `transcriptCount` requests of the real plans on `threads` threads. Worker `w` audits the
/// contiguous slice `w * count / threads ..< (w + 1) * count / threads` of the run from its own copy of the
/// transcripts; only the audits are timed.
/// Also returns the CPU time per audit (µs, summed over the workers' `CLOCK_THREAD_CPUTIME_ID`): it leaves out
/// time spent waiting for a core, so on a busy machine it still shows whether threads slow each other down
/// (shared cache lines, locks) — without that, it is the same on 1 thread and on N.
func throughput(threads: Int, full: Bool) -> (perSecond: Double, eligible: Int, cpuMicroseconds: Double) {
    let perWorker = pools(threads)
    let done = Counter()
    let eligible = Counter()
    let cpu = Counter()
    let elapsed = nanoseconds {
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let pool = perWorker[worker]
            let cpuStart = threadCPUNanoseconds()
            var count = 0
            var passed = 0
            for index in (worker * transcriptCount / threads)..<((worker + 1) * transcriptCount / threads) {
                let request = pool[index % pool.count]
                let verdict = full ? (try? engine.audit(request))?.verdict : (try? engine.evaluate(request))?.verdict
                if let verdict, verdict != .notEligible { passed += 1 }
                count += 1
            }
            cpu.add(threadCPUNanoseconds() - cpuStart)
            done.add(count)
            eligible.add(passed)
        }
    }
    return (Double(done.total) / (Double(elapsed) / 1e9), eligible.total, Double(cpu.total) / 1000 / Double(max(1, done.total)))
}

/// CPU time of the calling thread in nanoseconds.
func threadCPUNanoseconds() -> Int {
    var time = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
}

print("")
print("throughput on the real plans, \(transcriptCount) audits per run (target ≥ 100,000 audits/s)")
print("audits/s            1 thread | \(jobs) threads | scaling | CPU µs per audit, 1 thread | \(jobs) threads")
for full in [false, true] {
    let one = throughput(threads: 1, full: full)
    let many = jobs > 1 ? throughput(threads: jobs, full: full) : one
    print((full ? "full Audit " : "evaluate   ") + String(format: "%17.0f | %9.0f | %6.2f× | %26.2f | %9.2f   (%d eligible)", one.perSecond, many.perSecond,
                                                             many.perSecond / one.perSecond, one.cpuMicroseconds, many.cpuMicroseconds, many.eligible))
}
