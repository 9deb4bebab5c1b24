// findings-benchmark [--iterations 3]
//
// Measures how fast findings are produced and reported for files with 1k, 10k and 100k findings of one rule
// (a mapping that repeats the key `courses` N times: N yaml.duplicate-key errors; N unknown top-level keys: N
// schema.unknown-key errors with "valid keys" remedies; a plan naming N undefined course codes: N
// graph.unknown-reference errors). For each: the load
// (read + decode + compile), the text report (capped per rule and file, snippets from a line index) and the
// JSON report, as findings per second (medians). Linear work gives the same rate at every size.

import CurriculumDSL
import Foundation

var iterations = 3
var arguments = Array(CommandLine.arguments.dropFirst())[...]
while let argument = arguments.popFirst() {
    switch argument {
    case "--iterations":
        guard let value = arguments.popFirst(), let number = Int(value), number > 0 else {
            FileHandle.standardError.write(Data("findings-benchmark: --iterations needs a positive integer\n".utf8))
            exit(1)
        }
        iterations = number
    default:
        FileHandle.standardError.write(Data("usage: findings-benchmark [--iterations 3]\n".utf8))
        exit(argument == "-h" || argument == "--help" ? 0 : 1)
    }
}

let kinds: [(name: String, text: (Int) -> String)] = [
    ("duplicate keys", { count in "courses: []\n" + String(repeating: "courses: []\n", count: count) }),
    ("unknown keys", { count in (0..<count).map { "key\($0): 1\n" }.joined() }),
    ("unknown codes", { count in
        // A plan whose `all-of` names `count` codes no file defines: `count` graph.unknown-reference errors.
        "sources: [{id: S, document: d}]\ninstitutions: [{name: 苏州大学, province: 江苏}]\nprovinces: [{name: 江苏}]\n"
            + "majors:\n  - {code: \"030101K\", name: 法学, level: 专升本, province: 江苏, institutions: [苏州大学],\n"
            + "     plans: [{id: P, version: \"2021\", sources: [S], requirements: [{id: all, all-of: ["
            + (0..<count).map { "\"\(String(format: "%05d", 100_000 - count + $0))\"" }.joined(separator: ", ") + "]}]}]}\n"
    }),
]

@MainActor func median(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<iterations {
        let elapsed = clock.measure(body)
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return times.sorted()[times.count / 2]
}

func rate(_ findings: Int, _ seconds: Double) -> String {
    String(format: "%12.0f", Double(findings) / max(seconds, 1e-9))
}

print("findings/s (median of \(iterations)); load = read + decode + compile, text = TextReporter, json = JSONReporter")
print("kind             findings         load         text         json   text bytes")
for kind in kinds {
    for count in [1_000, 10_000, 100_000] {
        let text = kind.text(count)
        let bytes = Array(text.utf8)
        var diagnostics: [Diagnostic] = []
        let load = median { diagnostics = CurriculumLoader(threads: 1).load(text: text, path: "bench.yaml").diagnostics }
        let findings = diagnostics.count
        let lint = LintResult(diagnostics: diagnostics, sources: ["bench.yaml": bytes])
        var output = ""
        let textTime = median { output = TextReporter(language: .en, sources: ["bench.yaml": bytes]).render(lint) }
        let json = median { _ = JSONReporter(language: .en).render(lint) }
        print(kind.name.padding(toLength: 14, withPad: " ", startingAt: 0), String(format: "%10d", findings),
              rate(findings, load), rate(findings, textTime), rate(findings, json), String(format: "%12d", output.utf8.count))
    }
}
