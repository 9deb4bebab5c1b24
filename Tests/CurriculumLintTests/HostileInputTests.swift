import Foundation
import Testing
@testable import CurriculumDSL

/// Paths that are not what they seem: missing paths, symbolic links, link loops, files over the size limit.
@Suite struct HostileInputTests {
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lint-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aMissingPathIsAUsageError() {
        let result = Linter().lint(paths: ["/nonexistent-\(UUID().uuidString)/curricula"])
        #expect(result.exitCode == .usageError)
    }

    @Test func aMissingPathExitsWithTwo() throws {
        try #require(CommandTests.built)
        let run = try CommandTests.run(["curriculla", "--no-config"], in: try scratch())
        #expect(run.status == 2)
        #expect(run.stdout.contains("curriculla:1:1: error: curriculla does not exist [load.not-found]"))
    }

    @Test func aSymlinkedFileIsFollowed() throws {
        let directory = try scratch()
        let target = directory.appendingPathComponent("real.txt")
        try Data("courses:\n  - {code: \"00018\", name: 计算机应用基础, credits: 2}\n".utf8).write(to: target)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tree"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("tree/link.yaml").path, withDestinationPath: "../real.txt")
        let result = CurriculumLoader().load(paths: [directory.appendingPathComponent("tree").path])
        #expect(result.diagnostics.isEmpty)
        #expect(result.graph.courses.count == 1)
    }

    @Test func aLinkLoopIsReportedNotFollowed() throws {
        let directory = try scratch()
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("a.yaml").path, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("b.yaml").path, withDestinationPath: "a.yaml")
        let result = CurriculumLoader().load(paths: [directory.path])
        #expect(result.diagnostics.map(\.rule.rawValue) == ["load.unreadable", "load.unreadable"])
        #expect(result.diagnostics.first?.message.en.hasSuffix("too many levels of symbolic links (a link loop)") == true)
    }

    @Test func aFileOverTheLimitIsNotRead() throws {
        let file = try scratch().appendingPathComponent("big.yaml")
        try Data(String(repeating: "a: 1\n", count: 100).utf8).write(to: file)
        guard case .failure(let diagnostic) = CurriculumLoader.readFile(file.path, limits: LoadLimits(maxFileBytes: 10)) else {
            Issue.record("a 500-byte file was read under a 10-byte limit")
            return
        }
        #expect(diagnostic.rule == "yaml.file-too-large")
    }
}

extension HostileInputTests {
    /// A plan whose `all-of` names `count` codes that no file defines (20000…).
    static func unknownReferences(_ count: Int) -> String {
        """
        province: 江苏
        provinces: [{name: 江苏}]
        sources: [{id: SRC, document: 测试来源}]
        institutions: [{name: 苏州大学}]
        courses:
          - {code: "00015", name: 英语, credits: 14}
        majors:
          - code: "030101K"
            name: 法学
            level: 专升本
            institutions: [苏州大学]
            plans:
              - id: P
                version: "2021"
                sources: [SRC]
                requirements:
                  - id: all
                    all-of:

        """ + (0..<count).map { "              - \"\(20_000 + $0)\"\n" }.joined()
    }

    // Was quadratic (unknown codes kept in a list, the plan analysis copying and hashing a growing set per course):
    // 77 s in a debug build for 20,000 codes. Now well under a second; the limit only catches a return to that.
    @Test(.timeLimit(.minutes(1)))
    func twentyThousandUnknownReferencesFinish() {
        let result = Linter().lint(files: [("u.yaml", Array(Self.unknownReferences(20_000).utf8))])
        #expect(result.diagnostics.count { $0.rule == "graph.unknown-reference" } == 20_000)
        #expect(result.diagnostics.first { $0.rule == "graph.unknown-reference" }?.location?.line == 19)
    }
}
