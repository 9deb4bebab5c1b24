import Foundation
import Testing
@testable import CurriculumDSL

/// `curriculum-lint path/to/plan.yaml` inside a curricula tree: the whole tree is loaded for context and only the
/// named file's findings are reported; `-` with `--stdin-filename` lints an editor's unsaved buffer the same way.
@Suite struct TreeContextTests {
    static let plan = "jiangsu/苏州大学/030101K-法学.yaml"

    /// A copy of the bundled curricula in a temporary directory (tests change files in it).
    static func copyOfTheCurricula() throws -> URL {
        let root = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("curricula"), to: root.appendingPathComponent("curricula"))
        return root
    }

    @Test func rootIsTheNearestDirectoryWithACatalog() throws {
        let root = try Self.copyOfTheCurricula()
        defer { try? FileManager.default.removeItem(at: root) }
        let curricula = root.appendingPathComponent("curricula").path
        #expect(Linter.curriculaRoot(above: curricula + "/" + Self.plan) == curricula)
        #expect(Linter.curriculaRoot(above: curricula + "/jiangsu") == curricula)
        #expect(Linter.curriculaRoot(above: root.path) == nil)
    }

    /// One file of the tree lints clean (its courses are in catalog/, its mappings name plans of other files);
    /// alone, outside the tree, the same file has unknown references — the false errors this fixes.
    @Test(.enabled(if: CommandTests.built)) func oneFileInItsTree() throws {
        let root = try Self.copyOfTheCurricula()
        defer { try? FileManager.default.removeItem(at: root) }
        let inTree = try CommandTests.run(["curricula/" + Self.plan], in: root)
        #expect(inTree.status == 0)
        #expect(inTree.stdout == "0 errors, 0 warnings, 0 notes\n")

        let alone = root.appendingPathComponent("alone.yaml")
        try FileManager.default.copyItem(at: root.appendingPathComponent("curricula/" + Self.plan), to: alone)
        let outside = try CommandTests.run(["alone.yaml"], in: root)
        #expect(outside.status == 1)
        #expect(outside.stdout.contains("[graph.unknown-reference]"))
    }

    /// A mistake in another file of the tree is not the named file's finding; the named file's own is reported.
    @Test(.enabled(if: CommandTests.built)) func onlyTheNamedFilesFindings() throws {
        let root = try Self.copyOfTheCurricula()
        defer { try? FileManager.default.removeItem(at: root) }
        let other = root.appendingPathComponent("curricula/jiangsu/南京师范大学/120402-行政管理.yaml")
        let text = try String(contentsOf: other, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"07816\"        # 公共行政学 4", with: "\"07861\"        # 公共行政学 4").utf8).write(to: other)
        let whole = try CommandTests.run(["curricula"], in: root)
        #expect(whole.stdout.contains("unknown course '07861'"), "the tree has the mistake")
        let one = try CommandTests.run(["curricula/" + Self.plan], in: root)
        #expect(one.status == 0)
        #expect(!one.stdout.contains("07861"))
        let that = try CommandTests.run(["curricula/jiangsu/南京师范大学/120402-行政管理.yaml"], in: root)
        #expect(that.status == 1)
        #expect(that.stdout.contains("unknown course '07861'"))
        #expect(!that.stdout.contains("030101K-法学.yaml"))
    }

    /// `-` reads the buffer; `--stdin-filename` names it and places it in its tree, replacing the file on disk.
    @Test(.enabled(if: CommandTests.built)) func standardInputWithItsFileName() throws {
        let root = try Self.copyOfTheCurricula()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = "curricula/" + Self.plan
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let buffer = text.replacingOccurrences(of: "\"00227\"        # 公司法 4", with: "\"00272\"        # 公司法 4")
        #expect(buffer != text)
        let run = try CommandTests.run(["-", "--stdin-filename", path], in: root, input: Data(buffer.utf8))
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(path):"))
        #expect(run.stdout.contains("error: unknown course '00272' [graph.unknown-reference]"))
        #expect(run.stdout.contains("help: did you mean '00227'?"))
        #expect(!run.stdout.contains("catalog/"), "no other file's findings")
        let clean = try CommandTests.run(["-", "--stdin-filename", path], in: root, input: Data(text.utf8))
        #expect(clean.status == 0)
        #expect(clean.stdout == "0 errors, 0 warnings, 0 notes\n")
    }
}
