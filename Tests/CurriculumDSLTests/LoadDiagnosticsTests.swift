import Foundation
import Testing
@testable import CurriculumDSL

/// Files and directories (load.*). The trees are built in a fresh temporary directory per test.
@Suite struct LoadDiagnosticsTests {
    static let validCourse = "courses:\n  - {code: \"00018\", name: 计算机应用基础, credits: 2}\n"

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func missingPathIsNotFound() throws {
        let path = try Fixture.temporaryDirectory().appendingPathComponent("missing.yaml").path
        let result = CurriculumLoader().load(paths: [path])
        #expect(result.found == [Found("load.not-found", 1, 1)])
        #expect(result.diagnostics.first?.location?.file == path)
    }

    @Test func directoryNamedYAMLInATreeIsNotAFile() throws {
        let root = try Fixture.temporaryDirectory()
        try Self.write(Self.validCourse, to: root.appendingPathComponent("good.yaml"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("x.yaml"), withIntermediateDirectories: true)
        let result = CurriculumLoader().load(paths: [root.path])
        #expect(result.found == [Found("load.not-a-file", 1, 1)])
        #expect(result.diagnostics.first?.location?.file.hasSuffix("/x.yaml") == true)
        #expect(result.graph.courses["00018"] != nil)
    }

    @Test func fifoIsNotAFile() throws {
        let path = try Fixture.temporaryDirectory().appendingPathComponent("pipe.yaml").path
        try #require(mkfifo(path, 0o600) == 0)
        #expect(CurriculumLoader().load(paths: [path]).found == [Found("load.not-a-file", 1, 1)])
    }

    @Test func directoryWithoutCurriculumFilesIsAWarning() throws {
        let root = try Fixture.temporaryDirectory()
        try Self.write("not a curriculum\n", to: root.appendingPathComponent("README.txt"))
        let result = CurriculumLoader().load(paths: [root.path])
        #expect(result.found == [Found("load.no-curriculum-files", 1, 1)])
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func filesOverTheLimitAreNotLoaded() throws {
        let root = try Fixture.temporaryDirectory()
        try Self.write(Self.validCourse, to: root.appendingPathComponent("a.yaml"))
        try Self.write(Self.validCourse.replacingOccurrences(of: "00018", with: "00020"), to: root.appendingPathComponent("b.yaml"))
        let result = CurriculumLoader(limits: LoadLimits(maxFiles: 1)).load(paths: [root.path])
        #expect(result.found == [Found("load.too-many-files", 1, 1)])
        #expect(result.files.count == 1)
    }

    @Test func hiddenDirectoriesAreSkipped() throws {
        let root = try Fixture.temporaryDirectory()
        try Self.write(Self.validCourse, to: root.appendingPathComponent("a.yaml"))
        try Self.write("courses: [oops\n", to: root.appendingPathComponent(".git/b.yaml"))
        let result = CurriculumLoader().load(paths: [root.path])
        #expect(result.diagnostics.isEmpty)
        #expect(result.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.yaml"])
    }

    @Test func filesAreLoadedInPathOrder() throws {
        let root = try Fixture.temporaryDirectory()
        for name in ["b/z.yml", "a.yaml", "b/c.yaml"] {
            try Self.write("sources: []\n", to: root.appendingPathComponent(name))
        }
        let files = CurriculumLoader().load(paths: [root.path]).files.map { String($0.dropFirst(root.path.count + 1)) }
        #expect(files == ["a.yaml", "b/c.yaml", "b/z.yml"])
    }

    @Test func explicitFilePathIsLoadedWhateverItsExtension() throws {
        let url = try Fixture.temporaryDirectory().appendingPathComponent("courses.txt")
        try Self.write(Self.validCourse, to: url)
        #expect(CurriculumLoader().load(paths: [url.path]).graph.courses["00018"]?.credits == 2)
    }

    @Test func diagnosticsNameTheFileTheyAreIn() throws {
        let root = try Fixture.temporaryDirectory()
        try Self.write(Self.validCourse, to: root.appendingPathComponent("a.yaml"))
        try Self.write("courses:\n  - {code: \"00018\", name: 计算机应用基础, credits: 3}\n", to: root.appendingPathComponent("b.yaml"))
        let diagnostic = try #require(CurriculumLoader().load(paths: [root.path]).diagnostics.first)
        #expect(diagnostic.rule == "graph.conflicting-credits")
        #expect(diagnostic.location?.file == root.appendingPathComponent("b.yaml").path)
        #expect(diagnostic.notes.first?.location?.file == root.appendingPathComponent("a.yaml").path)
    }
}
