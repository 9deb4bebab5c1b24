import CLibYAML
import CurriculumDSL
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

typealias InputFile = (path: String, bytes: [UInt8])

/// Every `.yaml` / `.yml` file below `directory` (hidden entries skipped), sorted by path, read into memory.
func readTree(_ directory: String) throws(BenchmarkError) -> [InputFile] {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw .message("\(directory) is not a directory")
    }
    guard let enumerator = manager.enumerator(atPath: directory) else { throw .message("cannot list \(directory)") }
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if name.hasPrefix(".") {
            enumerator.skipDescendants()
            continue
        }
        guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
        let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
        var childIsDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
            paths.append(path)
        }
    }
    guard !paths.isEmpty else { throw .message("no .yaml files below \(directory)") }
    return try paths.sorted().map { path throws(BenchmarkError) in
        guard let data = manager.contents(atPath: path) else { throw .message("cannot read \(path)") }
        return (path, [UInt8](data))
    }
}

enum BenchmarkError: Error {
    case message(String)
}

/// (a) The practical limit: libyaml's event parser over each file, every event created and freed, nothing built.
/// Returns the number of events (so the loop has an observable result).
func bareLibYAML(_ files: [InputFile]) throws(BenchmarkError) -> Int {
    var events = 0
    for file in files {
        let count = file.bytes.withUnsafeBufferPointer { buffer -> Int? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Same as YAMLReader: the input is UTF-8, no encoding detection.
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if done { return count }
            }
        }
        guard let count else { throw .message("libyaml could not parse \(file.path)") }
        events += count
    }
    return events
}

/// (c) `YAMLReader.read` alone: byte checks + libyaml + building the positioned `YAMLNode` tree (no decoding).
/// Returns the number of files that produced a tree.
func readerOnly(_ files: [InputFile]) -> Int {
    let reader = YAMLReader()
    var trees = 0
    for file in files {
        let (root, _) = reader.read(file.bytes, file: file.path)
        if root != nil { trees += 1 }
    }
    return trees
}

/// One timed run: wall time on the monotonic clock, and the CPU time of this process, all its threads (which
/// leaves out the time the threads waited for a core, so it is steadier when other programs compete for the CPU).
struct Timing {
    var seconds: Double
    var cpuSeconds: Double
}

/// Times `body` on the monotonic clock and the process's CPU clock.
func seconds<T>(_ body: () throws(BenchmarkError) -> T) throws(BenchmarkError) -> (timing: Timing, value: T) {
    let clock = ContinuousClock()
    let cpuStart = processCPUSeconds()
    let start = clock.now
    let value = try body()
    let elapsed = clock.now - start
    let cpu = processCPUSeconds() - cpuStart
    let (whole, atto) = elapsed.components
    return (Timing(seconds: Double(whole) + Double(atto) * 1e-18, cpuSeconds: cpu), value)
}

/// CPU time used by the process, all threads (CLOCK_PROCESS_CPUTIME_ID), in seconds. With one thread at work
/// this is that thread's CPU time.
func processCPUSeconds() -> Double {
    var time = timespec()
    guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return .nan }
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// The process's peak resident set so far (`ru_maxrss`: KiB on Linux, bytes on macOS), in KiB.
func maxRSSKiB() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return -1 }
    #if canImport(Darwin)
    return Int(usage.ru_maxrss) / 1024
    #else
    return Int(usage.ru_maxrss)
    #endif
}

/// The current resident set in KiB (Linux: /proc/self/statm), or nil where unavailable.
func currentRSSKiB() -> Int? {
    guard let data = FileManager.default.contents(atPath: "/proc/self/statm"),
          let text = String(data: data, encoding: .utf8)
    else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

/// `1234567` → `1,234,567`.
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (offset, character) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
        out.append(character)
    }
    return value < 0 ? "-" + out : out
}

func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

func leftPadded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

func rightPadded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
