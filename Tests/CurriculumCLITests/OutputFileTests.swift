import Foundation
import Testing

/// `--output` of `batch` and `curriculum-lint`: a regular file appears whole or not at all, a symlink or FIFO is written
/// through (never replaced by a regular file), an input is never overwritten, and a write error is exit 2. Every test
/// works in its own scratch directory; none points --output at a device.
@Suite("output files are written safely")
struct OutputFileTests {
    private let target = ["--major", "530605", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"]

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func fileType(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
    }

    @Test func regularFileIsWrittenWholeWithNoTemporaryLeft() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("results.csv").path
        try Data("old content\n".utf8).write(to: URL(fileURLWithPath: path))
        let output = try CLI.run(["batch", Example.batch] + target + ["--output", path])
        #expect(output.exitCode == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 21, "header + 20 candidates")
        #expect(!text.contains("old content"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["results.csv"], "no temporary file left")
    }

    @Test func symlinkIsWrittenThroughAndStaysASymlink() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = directory.appendingPathComponent("real.csv").path
        let link = directory.appendingPathComponent("link.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let output = try CLI.run(["batch", Example.batch] + target + ["--output", link])
        #expect(output.exitCode == 0)
        #expect(fileType(link) == .typeSymbolicLink)
        #expect(try String(contentsOfFile: real, encoding: .utf8).split(separator: "\n").count == 21)
    }

    @Test func fifoIsWrittenInPlaceNotReplaced() throws {
        #if os(Linux)
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader drains the FIFO while batch writes to it.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let pipe = Pipe()
        reader.standardOutput = pipe
        try reader.run()
        let output = try CLI.run(["batch", Example.batch] + target + ["--output", fifo])
        // Release the reader even if the tool never opened the FIFO (a regression would otherwise hang the test).
        let release = open(fifo, O_WRONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        let read = pipe.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(output.exitCode == 0)
        #expect(String(decoding: read, as: UTF8.self).split(separator: "\n").count == 21)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
        #endif
    }

    @Test func theInputFileIsNeverOverwritten() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("batch.csv").path
        try FileManager.default.copyItem(atPath: CLI.repository.appendingPathComponent(Example.batch).path, toPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let output = try CLI.run(["batch", input] + target + ["--output", input])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("refusing to write \(input): it is the input file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func aWriteErrorIsExitTwoAndLeavesNoPartialFile() throws {
        #if os(Linux)
        // A file-size limit of one block: the second write fails (EFBIG); the tool reports it and leaves nothing.
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("results.jsonl").path
        let arguments = [CLI.executable.path, "batch", Example.batch] + target + ["--format", "jsonl", "--output", path]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 1; exec \"$@\"", "sh"] + arguments
        process.currentDirectoryURL = CLI.repository
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(message)")
        #expect(message.contains("cannot write \(path)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no partial or temporary file")
        #endif
    }

    @Test func lintReportOverALintedFileIsRefused() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("plan.yaml").path
        try Data("province: 江苏\n".utf8).write(to: URL(fileURLWithPath: file))
        let lint = CLI.repository.appendingPathComponent(".build/debug/curriculum-lint")
        let process = Process()
        process.executableURL = lint
        process.arguments = [file, "--output", "json:\(file)"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(message)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "province: 江苏\n")
    }
}
