import Foundation
import Testing

/// `--curricula` trees that cannot be loaded: the reason is shown, and nothing is read or printed whole.
@Suite("curricula loading errors")
struct CurriculaLoadingTests {
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aYAMLErrorIsShownNotNoCurriculumData() throws {
        let directory = try scratch()
        try Data("majors: [\n".utf8).write(to: directory.appendingPathComponent("bad.yaml"))
        let output = try CLI.run(["majors", "--curricula", directory.path, "--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("bad.yaml:2:1: error: YAML syntax error"))
        #expect(!output.err.contains("no curriculum data"))
    }

    @Test func aFileOverTheLimitIsNeitherReadNorPrinted() throws {
        // A sparse 65 MiB file of NUL bytes (no disk space used): over the 64 MiB limit.
        let directory = try scratch()
        let big = directory.appendingPathComponent("big.yaml")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let output = try CLI.run(["majors", "--curricula", directory.path, "--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("big.yaml:1:1: error: file has 68157440 bytes, over the limit of 67108864 [yaml.file-too-large]"))
        #expect(output.err.utf8.count < 4_096)
    }
}
