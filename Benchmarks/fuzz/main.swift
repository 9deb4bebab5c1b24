// fuzz yaml|transcripts [--seconds 60 | --runs N] [--seed 1] [--corpus PATH]... [--crashes DIR] [--max-bytes 65536]
//
// A seeded mutation fuzzer (no compiler instrumentation needed): takes the seed corpus, applies 1–8 random
// mutations per input (bit flips, byte and token insertions, deletions, duplications, splices of two seeds),
// and runs the target on each:
//   yaml         YAMLReader + CurriculumLoader (read, decode, compile) + Linter + TextReporter, as a curriculum file;
//   transcripts  TranscriptFiles.read as CSV, YAML and JSON, each transcript audited against the bundled curricula
//                (江苏 530605 and 030101K) and its issues rendered.
// A crash (trap, signal) writes the input to CRASHES/crash-<seed>-<run>.bin before the process dies; an input that
// runs longer than --timeout seconds is written as slow-<seed>-<run>.bin and the run stops. The same seed and
// corpus give the same inputs. See docs/fuzzing.md.

import CurriculumDSL
import Eligibility
import Foundation

enum Target: String { case yaml, transcripts }

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("fuzz: \(message)\n".utf8))
    exit(2)
}

func number<T: LosslessStringConvertible>(_ text: String, _ option: String) -> T {
    guard let value = T(text) else { fail("\(option) needs a number") }
    return value
}

// MARK: options

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var target: Target?
var seconds: Double?
var runs: Int?
var seed: UInt64 = 1
var corpusPaths: [String] = []
var crashDirectory = "fuzz-crashes"
var maxBytes = 65_536
var timeout: UInt32 = 10
var arguments = Array(CommandLine.arguments.dropFirst())[...]
while let argument = arguments.popFirst() {
    func value() -> String {
        guard let value = arguments.popFirst() else { fail("\(argument) needs a value") }
        return value
    }
    switch argument {
    case "yaml", "transcripts": target = Target(rawValue: argument)
    case "--seconds": seconds = number(value(), argument) as Double
    case "--runs": runs = number(value(), argument) as Int
    case "--seed": seed = number(value(), argument)
    case "--corpus": corpusPaths.append(value())
    case "--crashes": crashDirectory = value()
    case "--max-bytes": maxBytes = number(value(), argument)
    case "--timeout": timeout = number(value(), argument)
    case "-h", "--help":
        print("usage: fuzz yaml|transcripts [--seconds 60 | --runs N] [--seed 1] [--corpus PATH]... [--crashes DIR] [--max-bytes 65536] [--timeout 10]")
        exit(0)
    default: fail("unknown argument \(argument)")
    }
}
guard let target else { fail("name a target: yaml or transcripts") }
if seconds == nil && runs == nil { seconds = 60 }

// MARK: corpus

func files(under path: String, extensions: Set<String>) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
    guard isDirectory.boolValue else { return [path] }
    var found: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: path)
    while let relative = enumerator?.nextObject() as? String {
        let ext = (relative as NSString).pathExtension.lowercased()
        if extensions.contains(ext) { found.append(path + "/" + relative) }
    }
    return found.sorted()
}

let defaultCorpus: [String] = switch target {
case .yaml: ["curricula", "Examples", "Tests/CurriculumDSLTests/Fixtures", "Tests/CurriculumLintTests/Fixtures", "Tests/Fuzz/yaml"]
case .transcripts: ["Examples", "Tests/HandWorkedTranscripts", "Tests/PlanCases", "Tests/Fuzz/transcripts"]
}
let extensions: Set<String> = target == .yaml ? ["yaml", "yml"] : ["yaml", "yml", "json", "csv", "tsv", "txt"]
var seeds: [(name: String, bytes: [UInt8])] = []
for path in corpusPaths.isEmpty ? defaultCorpus.map({ repository.appendingPathComponent($0).path }) : corpusPaths {
    for file in files(under: path, extensions: extensions) {
        guard let data = FileManager.default.contents(atPath: file), data.count <= maxBytes else { continue }
        seeds.append((file, [UInt8](data)))
    }
}
guard !seeds.isEmpty else { fail("no seed files found") }

// MARK: random numbers and mutations

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}

let tokens: [[UInt8]] = [
    "&a ", "*a", "<<: ", "<<: *a", "[", "]", "{", "}", "\"", "'", "\t", "\r", "\r\n", "\n", ": ", "- ", "!!str ", "!!binary ",
    "%YAML 1.1\n", "---\n", "...\n", "\u{FEFF}", "# ", "|\n", ">-\n", "? ", "~", "null", "yes", "0x1F", "1e9", "-1",
    "99999999999999999999", "\\u0000", "\\e", "\u{1B}[2J", "\u{3000}", "：", "，", "计算机", "00018", "03706", "0301",
    "2023--04", "-2023-04-15", "2023-02-30", "11010519491231002X", ",", ",,", "\"\"", "准考证号", "课程代码", "成绩",
    "合格时间", "records:", "candidate:", "transcripts:", "choices:", "decisions:", "courses:", "majors:", "plans:",
    "course-renames:", "equivalences:", "mappings:", "requires:", "choose:", "credits: ", "code: ",
].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC0, 0x80], [0xB7, 0xA8], [0xED, 0xA0, 0x80], [0x7F], [0xC2, 0x85]]

@MainActor func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
    var bytes = input
    for _ in 0...random.below(8) {
        let position = random.below(bytes.count + 1)
        switch random.below(9) {
        case 0 where !bytes.isEmpty:  // flip a bit
            let index = min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1 << random.below(8))
        case 1 where !bytes.isEmpty:  // a random byte
            bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
        case 2, 3:  // a token
            bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: position)
        case 4 where !bytes.isEmpty:  // delete a run
            let end = min(bytes.count, position + 1 + random.below(64))
            bytes.removeSubrange(min(position, bytes.count - 1)..<end)
        case 5 where !bytes.isEmpty:  // duplicate a run (repeated keys, rows, anchors)
            let start = min(position, bytes.count - 1)
            let end = min(bytes.count, start + 1 + random.below(256))
            let run = Array(bytes[start..<end])
            for _ in 0...random.below(4) { bytes.insert(contentsOf: run, at: start) }
        case 6:  // splice another seed's bytes
            let other = seeds[random.below(seeds.count)].bytes
            guard !other.isEmpty else { break }
            let start = random.below(other.count)
            let end = min(other.count, start + 1 + random.below(512))
            bytes.insert(contentsOf: other[start..<end], at: position)
        case 7 where !bytes.isEmpty:  // swap two lines' worth of bytes
            let a = random.below(bytes.count)
            let b = random.below(bytes.count)
            bytes.swapAt(a, b)
        default:  // an ASCII digit or letter somewhere
            bytes.insert(UInt8(0x30 + random.below(75)), at: position)
        }
        if bytes.count > maxBytes { bytes.removeLast(bytes.count - maxBytes) }
    }
    return bytes
}

// MARK: crash capture

// The input being run, kept where a signal handler can write it out (async-signal-safe: write(2) and _exit(2) only).
nonisolated(unsafe) var currentInput = UnsafeMutablePointer<UInt8>.allocate(capacity: maxBytes + 1)
nonisolated(unsafe) var currentCount = 0
nonisolated(unsafe) var crashDescriptor: Int32 = -1
nonisolated(unsafe) var slowDescriptor: Int32 = -1

try? FileManager.default.createDirectory(atPath: crashDirectory, withIntermediateDirectories: true)

@MainActor func prepareCrashFiles(run: Int) {
    // Named before each batch of runs; opened lazily would not be signal-safe, so both are open (and removed
    // when nothing happened) — see `finishBatch`.
    let crash = "\(crashDirectory)/crash-\(seed)-\(run).bin"
    let slow = "\(crashDirectory)/slow-\(seed)-\(run).bin"
    crashDescriptor = open(crash, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    slowDescriptor = open(slow, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
}

func dump(_ descriptor: Int32) {
    guard descriptor >= 0 else { return }
    var written = 0
    while written < currentCount {
        let count = write(descriptor, currentInput + written, currentCount - written)
        if count <= 0 { break }
        written += count
    }
}

nonisolated(unsafe) let crashMessage = strdup("fuzz: crashed; the input is in the crash file\n")
nonisolated(unsafe) let slowMessage = strdup("fuzz: an input ran longer than the timeout; it is in the slow file\n")

for signalNumber in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
    signal(signalNumber) { number in
        dump(crashDescriptor)
        if let crashMessage { _ = write(2, crashMessage, strlen(crashMessage)) }
        _exit(3)
    }
}
signal(SIGALRM) { _ in
    dump(slowDescriptor)
    if let slowMessage { _ = write(2, slowMessage, strlen(slowMessage)) }
    _exit(4)
}

// MARK: targets

let engineAndMajors: (AuditEngine, [MajorKey])? = {
    guard target == .transcripts else { return nil }
    let result = CurriculumLoader().load(paths: [repository.appendingPathComponent("curricula").path])
    let majors = ["530605", "030101K"].compactMap { code in result.graph.majors(code: code).first { $0.key.province == "江苏" }?.key }
    return (AuditEngine(graph: result.graph), majors)
}()
let date = CivilDate(year: 2025, month: 4, day: 30) ?? .distantPast

@MainActor func runYAML(_ bytes: [UInt8]) -> Int {
    let result = Linter().lint(files: [("fuzz.yaml", bytes)])
    let text = TextReporter(language: .en, sources: ["fuzz.yaml": bytes]).render(result)
    return result.diagnostics.count + (text.isEmpty ? 0 : 1)
}

@MainActor func runTranscripts(_ bytes: [UInt8], _ random: inout SplitMix64) -> Int {
    let path = ["fuzz.csv", "fuzz.yaml", "fuzz.json", "fuzz.tsv"][random.below(4)]
    let contents = TranscriptFiles.read(bytes: bytes, path: path)
    var findings = contents.issues.count
    for issue in contents.issues { findings += issue.render(.zh).isEmpty ? 0 : 1 }
    guard let (engine, majors) = engineAndMajors else { return findings }
    for transcript in contents.transcripts.prefix(3) {
        for major in majors {
            let row = BatchRunner(engine: engine, major: major, institution: nil, planID: nil, date: date, language: .en, showIDs: false)
                .row(for: transcript)
            findings += row.reasons.count
        }
    }
    return findings
}

// MARK: the loop

var random = SplitMix64(state: seed)
let clock = ContinuousClock()
let start = clock.now
var executions = 0
var findings = 0
var largest = 0
var slowest: Duration = .zero
let batch = 1_000
print("fuzz \(target.rawValue): \(seeds.count) seed files, seed \(seed), " + (runs.map { "\($0) runs" } ?? "\(Int(seconds ?? 0)) s"))
outer: while true {
    prepareCrashFiles(run: executions)
    for _ in 0..<batch {
        if let runs, executions >= runs { break outer }
        if let seconds, clock.now - start >= .seconds(seconds) { break outer }
        var input = seeds[random.below(seeds.count)].bytes
        if random.below(16) != 0 { input = mutate(input, &random) }
        // Splice whole seeds now and then: inputs bigger than any seed.
        if random.below(64) == 0 { input += seeds[random.below(seeds.count)].bytes.prefix(maxBytes - input.count) }
        input.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { currentInput.update(from: base, count: buffer.count) }
        }
        currentCount = input.count
        largest = max(largest, input.count)
        alarm(timeout)
        let began = clock.now
        switch target {
        case .yaml: findings += runYAML(input)
        case .transcripts: findings += runTranscripts(input, &random)
        }
        slowest = max(slowest, clock.now - began)
        alarm(0)
        executions += 1
    }
    close(crashDescriptor)
    close(slowDescriptor)
    unlink("\(crashDirectory)/crash-\(seed)-\(executions - batch).bin")
    unlink("\(crashDirectory)/slow-\(seed)-\(executions - batch).bin")
}
close(crashDescriptor)
close(slowDescriptor)
// The last (partial) batch: nothing crashed, so its files are empty.
for name in (try? FileManager.default.contentsOfDirectory(atPath: crashDirectory)) ?? [] {
    let path = crashDirectory + "/" + name
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 { unlink(path) }
}
try? FileManager.default.removeItem(atPath: crashDirectory)  // only succeeds when empty
let elapsed = clock.now - start
let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(String(format: "%d executions in %.1f s (%.0f/s), %d findings reported, largest input %d bytes, slowest %.3f s; no crash, no hang",
             executions, secondsElapsed, Double(executions) / secondsElapsed, findings, largest,
             Double(slowest.components.seconds) + Double(slowest.components.attoseconds) / 1e18))
