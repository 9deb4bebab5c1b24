import Foundation
import Testing

/// Runs the built `curriculum` executable and compares what it prints with the files in `Expected/`.
///
/// - The executable is `<repo>/.build/debug/curriculum` (the repository root comes from `#filePath`); set
///   `CURRICULUM_EXECUTABLE` to test another build, e.g. `.build/release/curriculum`. `swift test` builds it first.
/// - Each run has the repository root as its working directory (so paths in messages are `Examples/…`) and a
///   small, fixed environment: `LANG=en_US.UTF-8` (English; any other locale gives Chinese), `NO_COLOR=1`, `PATH` and `HOME` only — nothing such as
///   `CURRICULUM_CURRICULA` or `LC_ALL` leaks in from the caller. Tests of the Chinese output pass `--lang zh`
///   or set `LANG=zh_CN.UTF-8` themselves.
/// - `Expected/<name>.stdout`, `<name>.stderr` and `<name>.exit` hold the expected output. JSON output
///   (`check --format json`, `batch --format jsonl`) is compared parsed, so key order and spacing do not matter.
/// - `UPDATE_EXPECTED=1 swift test --filter CurriculumCLITests` rewrites the expected files from the current
///   output. Read every rewritten file before keeping it: the files are only as right as the person who checked them.
enum CLI {
    /// The repository root: three levels above this file (Tests/CurriculumCLITests/CLI.swift).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let expectedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] == "1" }

    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["CURRICULUM_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: repository).standardizedFileURL
        }
        return repository.appendingPathComponent(".build/debug/curriculum")
    }

    struct Output {
        var stdout: Data
        var stderr: Data
        var exitCode: Int32
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    enum Failure: Error, CustomStringConvertible {
        case noExecutable(String)
        var description: String {
            switch self {
            case .noExecutable(let path):
                "the curriculum executable is not at \(path); build it first with `swift build --product curriculum` "
                    + "(swift test builds it), or set CURRICULUM_EXECUTABLE to its path"
            }
        }
    }

    /// Runs `curriculum arguments…` in the repository root and returns what it printed and its exit code.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], input: Data? = nil) throws -> Output {
        let binary = executable
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw Failure.noExecutable(binary.path) }
        var environment = ["LANG": "en_US.UTF-8", "NO_COLOR": "1"]
        for key in ["PATH", "HOME"] { environment[key] = ProcessInfo.processInfo.environment[key] }
        environment.merge(extra) { $1 }

        // Output goes to temporary files, not pipes: no deadlock however much is printed.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repository
        process.environment = environment
        // Standard input: `input` through a file (no pipe to keep draining), else nothing.
        let inURL = scratch.appendingPathComponent("stdin")
        if let input {
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Output(stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL), exitCode: process.terminationStatus)
    }

    // MARK: expected files

    enum Kind {
        /// Compared byte for byte (after `normalize`).
        case text
        /// One JSON document, compared parsed.
        case json
        /// One JSON document per line, compared parsed line by line.
        case jsonLines
    }

    /// The elapsed time in `batch`'s summary line changes from run to run.
    static func normalize(_ text: String) -> String {
        text.replacing(/; [0-9]+\.[0-9] s$/.anchorsMatchLineEndings(), with: "; <seconds> s")
            .replacing(/用时 [0-9]+\.[0-9] 秒$/.anchorsMatchLineEndings(), with: "用时 <seconds> 秒")
    }

    /// Compares `output` with `Expected/<name>.{stdout,stderr,exit}` (or rewrites them under UPDATE_EXPECTED=1).
    static func expect(_ output: Output, matches name: String, stdout kind: Kind = .text,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        compare(normalize(output.out), file: "\(name).stdout", kind: kind, sourceLocation: sourceLocation)
        compare(normalize(output.err), file: "\(name).stderr", kind: .text, sourceLocation: sourceLocation)
        compare("\(output.exitCode)\n", file: "\(name).exit", kind: .text, sourceLocation: sourceLocation)
    }

    /// The expected text of `Expected/<file>`, or nil (with a recorded issue) when the file is missing.
    static func expected(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let url = expectedDirectory.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no expected file Tests/CurriculumCLITests/Expected/\(file); generate it with UPDATE_EXPECTED=1 and check it by hand",
                         sourceLocation: sourceLocation)
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func compare(_ actual: String, file: String, kind: Kind, sourceLocation: SourceLocation) {
        if updating {
            let url = expectedDirectory.appendingPathComponent(file)
            do {
                try FileManager.default.createDirectory(at: expectedDirectory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            } catch {
                Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = expected(file, sourceLocation: sourceLocation) else { return }
        switch kind {
        case .text:
            if actual != expected {
                Issue.record("\(file) differs from the output:\n\(difference(expected: expected, actual: actual))", sourceLocation: sourceLocation)
            }
        case .json:
            guard let want = parseJSON(expected), let got = parseJSON(actual) else {
                Issue.record("\(file): not JSON (expected or actual):\n\(actual.prefix(2000))", sourceLocation: sourceLocation)
                return
            }
            if !want.isEqual(got) {
                Issue.record("\(file) differs (compared as JSON):\n\(difference(expected: expected, actual: actual))", sourceLocation: sourceLocation)
            }
        case .jsonLines:
            let wantLines = expected.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let gotLines = actual.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard wantLines.count == gotLines.count else {
                Issue.record("\(file): \(gotLines.count) JSON lines, expected \(wantLines.count)", sourceLocation: sourceLocation)
                return
            }
            for (index, (want, got)) in zip(wantLines, gotLines).enumerated() {
                guard let wantValue = parseJSON(want), let gotValue = parseJSON(got) else {
                    Issue.record("\(file) line \(index + 1) is not JSON: \(got)", sourceLocation: sourceLocation)
                    continue
                }
                if !wantValue.isEqual(gotValue) {
                    Issue.record("\(file) line \(index + 1) differs (compared as JSON):\n- \(want)\n+ \(got)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    static func parseJSON(_ text: String) -> NSObject? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) as? NSObject
    }

    /// The first differing line, with a little context.
    static func difference(expected: String, actual: String) -> String {
        let want = expected.components(separatedBy: "\n")
        let got = actual.components(separatedBy: "\n")
        let first = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        let from = max(0, first - 2)
        var lines: [String] = ["first difference at line \(first + 1):"]
        for index in from..<min(first + 3, max(want.count, got.count)) {
            let w = index < want.count ? want[index] : "<end>"
            let g = index < got.count ? got[index] : "<end>"
            lines.append(w == g ? "  \(w)" : "- \(w)\n+ \(g)")
        }
        return lines.joined(separator: "\n")
    }
}

/// `Examples/…` files, by the names the tests use.
enum Example {
    static let zhangSan = "Examples/120402-张三.csv"
    static let zhangSanCandidate = "Examples/张三-candidate.yaml"
    static let liSiGB18030 = "Examples/530605-李四-gb18030.csv"
    static let liSiGB18030English = "Examples/530605-李四-gb18030-english-headers.csv"
    static let liSiGB18030Broken = "Examples/530605-李四-gb18030-broken.csv"
    static let wangWuBOM = "Examples/590206-王五-utf8-bom.csv"
    static let zhaoLiuYAML = "Examples/030101K-赵六.yaml"
    static let qianQiJSON = "Examples/030101K-钱七.json"
    static let sunBaBroken = "Examples/120402-孙八-broken.csv"
    static let batch = "Examples/530605-batch-20.csv"
    static let coursesOnly = "Examples/530605-周九-courses-only.tsv"

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CLI.repository.appendingPathComponent(path)))
    }
}

/// The common target options.
let jiangsu = ["--province", "江苏", "--date", "2025-04-30"]
