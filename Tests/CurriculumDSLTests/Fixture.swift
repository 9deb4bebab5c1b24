import Foundation
import Testing
@testable import CurriculumDSL

/// Fixture files and helpers shared by the tests.
///
/// Fixtures live in `Fixtures/` (copied as a resource): `constructs/` holds one valid file per DSL construct,
/// `diagnostics/` one file per diagnostic rule. Where a diagnostic must point is stated in the Swift tests, as
/// expectation tables of (fixture, rule id, line, column); see `DiagnosticExpectation`.
enum Fixture {
    /// The `Fixtures` directory inside the test bundle.
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the test bundle has no Fixtures directory")
        }
        return url
    }()

    /// The repository root, derived from this file's path (Tests/CurriculumDSLTests/Fixture.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The file-system path of a fixture, e.g. `path("constructs/pool.yaml")`.
    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// Loads one fixture file or directory through `load(paths:)`.
    static func load(_ relative: String, limits: LoadLimits = LoadLimits()) -> LoadResult {
        CurriculumLoader(limits: limits).load(paths: [path(relative)])
    }

    /// The text of a fixture.
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// The names of the `.yaml` files directly inside a fixture directory, sorted.
    static func yamlFiles(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(directory))
            .filter { $0.hasSuffix(".yaml") }
            .sorted()
    }

    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("CurriculumDSLTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Loads in-memory bytes as one file named `test.yaml`.
    static func load(bytes: [UInt8], limits: LoadLimits = LoadLimits()) -> LoadResult {
        CurriculumLoader(limits: limits).load(files: [(path: "test.yaml", bytes: bytes)])
    }
}

/// A diagnostic reduced to what the expectation tables state: rule id, line and column.
struct Found: Hashable, Comparable, Sendable, CustomStringConvertible {
    var rule: String
    var line: Int
    var column: Int

    init(_ rule: String, _ line: Int, _ column: Int) {
        self.rule = rule
        self.line = line
        self.column = column
    }

    var description: String { "\(rule)@\(line):\(column)" }

    static func < (lhs: Found, rhs: Found) -> Bool {
        (lhs.line, lhs.column, lhs.rule) < (rhs.line, rhs.column, rhs.rule)
    }
}

/// One row of a diagnostics table: `file` (in `Fixtures/diagnostics/`) must give `rule` at `line`:`column`.
struct DiagnosticExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var rule: String
    var line: Int
    var column: Int

    init(_ file: String, _ rule: String, _ line: Int, _ column: Int) {
        self.file = file
        self.rule = rule
        self.line = line
        self.column = column
    }

    var found: Found { Found(rule, line, column) }
    var testDescription: String { "\(file): \(rule) @\(line):\(column)" }
}

extension Array where Element == DiagnosticExpectation {
    /// The fixture files the rows name, sorted.
    var files: [String] { Set(map(\.file)).sorted() }

    /// The sorted (rule, line, column) triples expected for `file`.
    func expected(for file: String) -> [Found] {
        filter { $0.file == file }.map(\.found).sorted()
    }
}

extension Diagnostic {
    var found: Found { Found(rule.rawValue, location?.line ?? 0, location?.column ?? 0) }
}

extension LoadResult {
    /// Every diagnostic as (rule, line, column), sorted: what the tables compare against.
    var found: [Found] { diagnostics.map(\.found).sorted() }

    /// The diagnostics with rule id `rule`.
    func diagnostics(_ rule: String) -> [Diagnostic] { diagnostics.filter { $0.rule.rawValue == rule } }
}

/// Applies the fix-its of `diagnostic` to `text` (columns are Unicode scalars, end exclusive, 1-based).
func applyingFixIts(of diagnostic: Diagnostic, to text: String) -> String {
    var lines = text.components(separatedBy: "\n")
    for fix in diagnostic.fixIts.reversed() where fix.location.line == fix.location.endLine {
        let index = fix.location.line - 1
        var scalars = Array(lines[index].unicodeScalars)
        scalars.replaceSubrange((fix.location.column - 1)..<(fix.location.endColumn - 1), with: fix.replacement.unicodeScalars)
        lines[index] = String(String.UnicodeScalarView(scalars))
    }
    return lines.joined(separator: "\n")
}
