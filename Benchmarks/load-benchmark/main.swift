// load-benchmark DIR [--iterations 5]
//
// Reads every .yaml below DIR into memory once, then measures in one run, alternating and repeating:
//   (a) a bare libyaml event loop over the bytes (the practical limit),
//   (c) YAMLReader.read alone (byte checks + libyaml + the positioned node tree), for the breakdown,
//   (b) CurriculumLoader(threads: 1).load(files:) (read + decode + compile into the graph, one thread),
//   (p) the same with files read and decoded in parallel (CurriculumLoader's default: one thread per core).
// Prints the medians as MB/s, the ratios (b)/(a) and (p)/(a), the diagnostics of (b) and the peak memory.

import CurriculumDSL
import Foundation

let usage = """
    usage: load-benchmark DIR [--iterations 5] [--threads N] [--only bare|reader|load|parallel]

    --only runs just one of the measured operations, `iterations` times, and prints its median: for profilers
    (perf record, valgrind --tool=callgrind), so that the profile holds nothing else. `load` is the
    single-threaded load, `parallel` the load with files read and decoded on several threads.
    --threads sets the threads of the parallel load (default: the loader's own choice, one per core).
    """

enum Operation: String {
    case bare, reader, load, parallel
}


func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("load-benchmark: \(message)\n".utf8))
    exit(1)
}

var directory: String?
var iterations = 5
var only: Operation?
var threads: Int?
var arguments = Array(CommandLine.arguments.dropFirst())[...]
while let argument = arguments.popFirst() {
    switch argument {
    case "-h", "--help":
        print(usage)
        exit(0)
    case "--iterations":
        guard let value = arguments.popFirst(), let number = Int(value), number > 0 else { fail("--iterations needs a positive integer\n\(usage)") }
        iterations = number
    case _ where argument.hasPrefix("--iterations="):
        guard let number = Int(argument.dropFirst("--iterations=".count)), number > 0 else { fail("--iterations needs a positive integer\n\(usage)") }
        iterations = number
    case "--threads":
        guard let value = arguments.popFirst(), let number = Int(value), number > 0 else { fail("--threads needs a positive integer\n\(usage)") }
        threads = number
    case "--only":
        guard let value = arguments.popFirst(), let operation = Operation(rawValue: value) else { fail("--only needs bare, reader, load or parallel\n\(usage)") }
        only = operation
    case _ where argument.hasPrefix("-"):
        fail("unknown option \(argument)\n\(usage)")
    default:
        guard directory == nil else { fail("expected one DIR\n\(usage)") }
        directory = argument
    }
}
guard let directory else { fail("expected DIR\n\(usage)") }

let files: [InputFile]
do {
    files = try readTree(directory)
} catch {
    switch error { case .message(let text): fail(text) }
}
let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
let megabytes = Double(totalBytes) / 1_000_000
let baselineRSS = maxRSSKiB()
let baselineCurrentRSS = currentRSSKiB()

let loader = CurriculumLoader(threads: 1)
let parallelLoader = CurriculumLoader(threads: threads)
let parallelThreads = parallelLoader.threadCount(for: files)

if let only {
    var times: [Timing] = []
    do {
        for _ in 0..<iterations {
            switch only {
            case .bare: times.append(try seconds { () throws(BenchmarkError) in try bareLibYAML(files) }.timing)
            case .reader: times.append(try seconds { () throws(BenchmarkError) in readerOnly(files) }.timing)
            case .load: times.append(try seconds { () throws(BenchmarkError) in loader.load(files: files) }.timing)
            case .parallel: times.append(try seconds { () throws(BenchmarkError) in parallelLoader.load(files: files) }.timing)
            }
        }
    } catch {
        switch error { case .message(let text): fail(text) }
    }
    let time = median(times.map(\.seconds))
    let cpu = median(times.map(\.cpuSeconds))
    print("\(only.rawValue): \(fixed(megabytes, 2)) MB, median \(fixed(time, 4)) s of \(iterations), \(fixed(megabytes / time, 2)) MB/s; "
        + "CPU median \(fixed(cpu, 4)) s, \(fixed(megabytes / cpu, 2)) MB/s; max RSS \(grouped(maxRSSKiB())) KiB (baseline \(grouped(baselineRSS)))")
    exit(0)
}

// Warm-up round, untimed: touches the code and the allocator, and gives the memory figures. ru_maxrss only
// grows, so reading it after each kind of run attributes each new peak to that run.
let events: Int
do {
    events = try bareLibYAML(files)
} catch {
    switch error { case .message(let text): fail(text) }
}
let afterBareRSS = maxRSSKiB()
let trees = readerOnly(files)
let afterReaderRSS = maxRSSKiB()
/// The first load, in a function so that its `LoadResult` is freed before the timed runs (a second live graph
/// would inflate the peak); the current RSS is read while the result is still alive.
func firstLoad() -> (diagnostics: [Diagnostic], graph: String, retainedRSS: Int?) {
    let result = loader.load(files: files)
    let retained = currentRSSKiB()
    let graph = result.graph
    return (result.diagnostics, "\(graph.courses.count) courses, \(graph.institutions.count) institutions, "
        + "\(graph.majors.count) majors, \(graph.plans.count) plans", retained)
}
let (diagnostics, graphSummary, retainedRSS) = firstLoad()
let afterLoadRSS = maxRSSKiB()

// Timed rounds: (a), (c), (b) one after the other, `iterations` times; medians reported.
var bareTimes: [Timing] = []
var readerTimes: [Timing] = []
var loadTimes: [Timing] = []
var parallelTimes: [Timing] = []
var checksum = 0
for _ in 0..<iterations {
    do {
        let bare = try seconds { () throws(BenchmarkError) in try bareLibYAML(files) }
        bareTimes.append(bare.timing)
        checksum &+= bare.value
        let reader = try seconds { () throws(BenchmarkError) in readerOnly(files) }
        readerTimes.append(reader.timing)
        checksum &+= reader.value
        // The result is returned out of the timed closure and freed after the clock stops: freeing the graph
        // is not part of loading it.
        let load = try seconds { () throws(BenchmarkError) in loader.load(files: files) }
        loadTimes.append(load.timing)
        checksum &+= load.value.diagnostics.count &+ load.value.graph.plans.count
        let parallel = try seconds { () throws(BenchmarkError) in parallelLoader.load(files: files) }
        parallelTimes.append(parallel.timing)
        checksum &+= parallel.value.diagnostics.count &+ parallel.value.graph.plans.count
    } catch {
        switch error { case .message(let text): fail(text) }
    }
}
let peakRSS = maxRSSKiB()

let bareMedian = median(bareTimes.map(\.seconds))
let bareCPUMedian = median(bareTimes.map(\.cpuSeconds))
let loadMedian = median(loadTimes.map(\.seconds))
let ratio = bareMedian / loadMedian * 100
let parallelRatio = bareMedian / median(parallelTimes.map(\.seconds)) * 100

print("load-benchmark \(directory)")
print("  input       \(files.count) files, \(grouped(totalBytes)) bytes = \(fixed(megabytes, 2)) MB (1 MB = 10^6 bytes)")
print("  events      \(grouped(events)) libyaml events; \(trees) node trees")
print("  graph       \(graphSummary)")
print("  timing      median of \(iterations) alternating runs after one untimed warm-up run; wall = monotonic clock,")
print("              CPU = this process's CPU time, all threads (steadier when other programs compete for the cores)")
print("  threads     (b) 1; (p) \(parallelThreads) for reading and decoding files, then 1 for compiling")
print("")
let rows: [(String, [Timing])] = [
    ("(a) bare libyaml event loop", bareTimes),
    ("(c) YAMLReader.read (tree only)", readerTimes),
    ("(b) CurriculumLoader.load (load + compile)", loadTimes),
    ("(p) the same, files decoded in parallel", parallelTimes),
]
let nameWidth = rows.map(\.0.count).max() ?? 0
let header = ["wall s", "MB/s", "% of (a)", "min s", "max s", "CPU s", "CPU MB/s", "% of (a)"]
print("  \(rightPadded("", nameWidth))" + header.map { "  " + leftPadded($0, 8) }.joined())
for (name, timings) in rows {
    let wall = median(timings.map(\.seconds))
    let cpu = median(timings.map(\.cpuSeconds))
    let cells = [
        fixed(wall, 4), fixed(megabytes / wall, 2), fixed(bareMedian / wall * 100, 1) + "%",
        fixed(timings.map(\.seconds).min() ?? .nan, 4), fixed(timings.map(\.seconds).max() ?? .nan, 4),
        fixed(cpu, 4), fixed(megabytes / cpu, 2), fixed(bareCPUMedian / cpu * 100, 1) + "%",
    ]
    print("  \(rightPadded(name, nameWidth))" + cells.map { "  " + leftPadded($0, 8) }.joined())
}
print("")
print("  peak memory (ru_maxrss, KiB)")
let memoryRows: [(String, Int, String)] = [
    ("after reading the files (baseline)", baselineRSS, "input bytes + runtime"),
    ("after bare libyaml", afterBareRSS, "+\(grouped(afterBareRSS - baselineRSS)) over baseline"),
    ("after YAMLReader.read", afterReaderRSS, "+\(grouped(afterReaderRSS - baselineRSS)) over baseline"),
    ("after the first load + compile", afterLoadRSS, "+\(grouped(afterLoadRSS - baselineRSS)) over baseline"),
    ("after all timed runs (peak)", peakRSS, "+\(grouped(peakRSS - baselineRSS)) over baseline"),
]
var memoryLines = memoryRows.map { ($0.0, grouped($0.1), $0.2) }
if let retainedRSS, let baselineCurrentRSS {
    memoryLines.append(("current RSS, LoadResult alive", grouped(retainedRSS),
                        "+\(grouped(retainedRSS - baselineCurrentRSS)) over the current RSS after reading: the graph kept"))
}
let memoryWidth = memoryLines.map(\.0.count).max() ?? 0
for (name, value, note) in memoryLines {
    print("    \(rightPadded(name, memoryWidth))  \(leftPadded(value, 10))  \(note)")
}
print("")
print("  diagnostics of (b): \(diagnostics.count)")
if !diagnostics.isEmpty {
    print("  WARNING: the load reported \(diagnostics.count) diagnostics (generated data should load with none); the first 5:")
    let reporter = TextReporter(language: .en, sources: Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first }))
    for diagnostic in diagnostics.prefix(5) {
        print(reporter.render(diagnostic), terminator: "")
    }
}
print("")
print("load+compile / bare libyaml = \(fixed(ratio, 0))% (one thread)")
print("load+compile / bare libyaml = \(fixed(parallelRatio, 0))% (\(parallelThreads) threads decoding files, wall time)")
if checksum == Int.min { print("") }  // keeps the measured results observable
