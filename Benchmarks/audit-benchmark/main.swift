// Audit benchmark: median time per audit on the real plans and on the largest synthetic plan (one core), and
// audits per second over generated transcripts on every core. Prints figures; asserts nothing.
//
//   swift run -c release audit-benchmark [--curricula DIR] [--synthetic DIR] [--transcripts 1000000] [--jobs N]
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

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let curriculaPath = argument("--curricula") ?? repoRoot.appendingPathComponent("curricula").path
let transcriptCount = Int(argument("--transcripts") ?? "") ?? 1_000_000
let jobs = Int(argument("--jobs") ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
let date = CivilDate(year: 2025, month: 6, day: 1) ?? .distantPast

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

func medianMicroseconds(engine: AuditEngine, requests: [AuditRequest], rounds: Int, full: Bool = true) -> Double {
    var samples: [UInt64] = []
    for _ in 0..<rounds {
        for request in requests {
            samples.append(nanoseconds { if full { _ = try? engine.audit(request) } else { _ = try? engine.evaluate(request) } })
        }
    }
    samples.sort()
    return Double(samples[samples.count / 2]) / 1000
}

func requests(engine: AuditEngine, graph: CurriculumGraph, plans: [Plan], perPlan: Int, seed: UInt64) -> [AuditRequest] {
    var random = SplitMix64(state: seed)
    var result: [AuditRequest] = []
    for plan in plans {
        guard let major = graph.majors[plan.major] else { continue }
        for _ in 0..<perPlan {
            result.append(AuditRequest(candidate: candidate(for: major), records: transcript(for: plan, graph: graph, random: &random, passRate: 90),
                                       major: major.key, planID: plan.id, applicationDate: date))
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
    // For callgrind / perf: N audits of one kind (evaluate or full), nothing else.
    let sample = requests(engine: engine, graph: graph, plans: realPlans, perPlan: 50, seed: 3)
    let count = Int(argument("--count") ?? "") ?? 20_000
    for index in 0..<count {
        if profile == "full" { _ = try? engine.audit(sample[index % sample.count]) } else { _ = try? engine.evaluate(sample[index % sample.count]) }
    }
    exit(0)
}
print("Audit benchmark — \(realPlans.count) real plans from \(curriculaPath), \(jobs) worker thread(s)")
print("")
print("plan".padding(toLength: 22, withPad: " ", startingAt: 0) + "courses  median µs per audit, 1 core: full Audit | verdict+missing (evaluate)")
var perPlanMedians: [Double] = []
for plan in realPlans {
    let sample = requests(engine: engine, graph: graph, plans: [plan], perPlan: 200, seed: 7)
    _ = medianMicroseconds(engine: engine, requests: sample, rounds: 1)  // warm up
    let median = medianMicroseconds(engine: engine, requests: sample, rounds: 5)
    let fast = medianMicroseconds(engine: engine, requests: sample, rounds: 5, full: false)
    perPlanMedians.append(median)
    print(plan.id.padding(toLength: 22, withPad: " ", startingAt: 0) + String(Set(plan.requirements.courseCodes).count).padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: "%8.2f | %8.2f", median, fast))
}
let overall = requests(engine: engine, graph: graph, plans: realPlans, perPlan: 200, seed: 11)
print(String(format: "all real plans: median %.2f µs per full audit, %.2f µs per evaluate (target ≤ 20 µs)",
             medianMicroseconds(engine: engine, requests: overall, rounds: 5), medianMicroseconds(engine: engine, requests: overall, rounds: 5, full: false)))

// MARK: synthetic

if let synthetic = argument("--synthetic") {
    let start = DispatchTime.now().uptimeNanoseconds
    let big = CurriculumLoader().load(paths: [synthetic])
    let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let bigEngine = AuditEngine(graph: big.graph)
    func size(_ plan: Plan) -> Int { var count = 0; plan.requirements.forEachNode { _ in count += 1 }; return count + plan.substitutions.count }
    if let largest = big.graph.plans.values.max(by: { (size($0), $0.id) < (size($1), $1.id) }) {
        let sample = requests(engine: bigEngine, graph: big.graph, plans: [largest], perPlan: 500, seed: 13)
        _ = medianMicroseconds(engine: bigEngine, requests: sample, rounds: 1)
        print(String(format: "largest synthetic plan %@ (%d nodes, loaded in %.2f s): median %.2f µs per audit",
                     largest.id, size(largest), loadSeconds, medianMicroseconds(engine: bigEngine, requests: sample, rounds: 3)))
    }
}

// MARK: throughput

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add(_ n: Int) { lock.lock(); value += n; lock.unlock() }
    var total: Int { lock.lock(); defer { lock.unlock() }; return value }
}
let done = Counter()
let eligible = Counter()
let pool = requests(engine: engine, graph: graph, plans: realPlans, perPlan: 500, seed: 17)
let elapsed = nanoseconds {
    DispatchQueue.concurrentPerform(iterations: jobs) { worker in
        var count = 0
        var passed = 0
        var index = worker
        while index < transcriptCount {
            if let summary = try? engine.evaluate(pool[index % pool.count]), summary.verdict != .notEligible { passed += 1 }
            count += 1
            index += jobs
        }
        done.add(count)
        eligible.add(passed)
    }
}
let seconds = Double(elapsed) / 1e9
print(String(format: "throughput (evaluate): %d audits in %.2f s on %d threads = %.0f audits/s (target ≥ 100,000); %d eligible",
             done.total, seconds, jobs, Double(done.total) / seconds, eligible.total))
