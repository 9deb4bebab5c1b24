import Foundation
import Testing
@testable import CurriculumDSL

/// Files of the test bundle's `Fixtures/` directory and of the repository.
enum Fixtures {
    /// `Fixtures/` inside the test bundle (nil if the bundle has none, which a test reports).
    static let root: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)

    /// The repository root, from this file's path (Tests/CurriculumLintTests/Support/Fixtures.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) throws -> URL {
        try #require(root).appendingPathComponent(relative)
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relative)))
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    static func exists(_ relative: String) -> Bool {
        guard let root else { return false }
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }

    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("CurriculumLintTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A diagnostic reduced to what a fixture's markers state: rule id, line and column (1-based, Unicode scalars).
struct Found: Hashable, Comparable, Sendable, CustomStringConvertible {
    var rule: String
    var line: Int
    var column: Int

    init(_ rule: String, _ line: Int, _ column: Int) {
        self.rule = rule
        self.line = line
        self.column = column
    }

    init(_ diagnostic: Diagnostic) {
        self.init(diagnostic.rule.rawValue, diagnostic.location?.line ?? 0, diagnostic.location?.column ?? 0)
    }

    var description: String { "\(rule)@\(line):\(column)" }

    static func < (lhs: Found, rhs: Found) -> Bool {
        (lhs.line, lhs.column, lhs.rule) < (rhs.line, rhs.column, rhs.rule)
    }
}

extension Array where Element == Diagnostic {
    /// (rule, line, column) of each diagnostic in `file`, sorted.
    func found(in file: String) -> [Found] {
        filter { $0.location?.file == file }.map(Found.init).sorted()
    }

    var found: [Found] { map(Found.init).sorted() }
}
