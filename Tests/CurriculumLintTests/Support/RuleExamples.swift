import Foundation
@testable import CurriculumDSL

/// The example of one rule in `Fixtures/rules/<rule-id>/`: `bad.yaml` (with markers, or verbatim bytes with a
/// `bad.expect` file of `rule line:column` rows) and `fixed.yaml`; `notes.md` adds text to the rule's section in
/// docs/lint-rules.md, `example.md` replaces the examples where a file cannot show the problem (load.*).
/// Every example is linted together with `Fixtures/rules/context.yaml`.
struct RuleExample: Sendable {
    let rule: String

    static let contextPath = "rules/context.yaml"

    var directory: String { "rules/\(rule)" }
    var hasBad: Bool { Fixtures.exists("\(directory)/bad.yaml") }
    var hasFixed: Bool { Fixtures.exists("\(directory)/fixed.yaml") }

    /// The rule ids that have an example file (rules shown only in prose, `example.md`, are not among them).
    static var all: [String] {
        guard let root = Fixtures.root,
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("rules").path)
        else { return [] }
        return names.filter { Rule.named(RuleID(rawValue: $0)) != nil && Fixtures.exists("rules/\($0)/bad.yaml") }.sorted()
    }

    /// The bad file's bytes as linted and where its diagnostics must be.
    func bad() throws -> (bytes: [UInt8], expected: [Found]) {
        let path = "\(directory)/bad.yaml"
        if Fixtures.exists("\(directory)/bad.expect") {
            let rows = try Fixtures.text("\(directory)/bad.expect").split(separator: "\n").compactMap { row -> Found? in
                let parts = row.split(separator: " ")
                guard parts.count == 2 else { return nil }
                let place = parts[1].split(separator: ":").compactMap { Int($0) }
                guard place.count == 2 else { return nil }
                return Found(String(parts[0]), place[0], place[1])
            }
            return (try Fixtures.bytes(path), rows.sorted())
        }
        let marked = MarkedText(try Fixtures.text(path))
        return (Array(marked.text.utf8), marked.expected)
    }

    func fixed() throws -> [UInt8] {
        try Fixtures.bytes("\(directory)/fixed.yaml")
    }

    /// Lints `bytes` as `file` with the shared context; configuration examples are parsed as configuration.
    func lint(_ bytes: [UInt8], as file: String) throws -> [Diagnostic] {
        if rule == "lint.config-invalid" {
            do {
                _ = try LintConfiguration.parse(bytes, path: file)
                return []
            } catch {
                return error.diagnostics
            }
        }
        return Linter().lint(files: [(Self.contextPath, try Fixtures.bytes(Self.contextPath)), (file, bytes)]).diagnostics
    }
}
