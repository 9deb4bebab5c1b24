import Foundation
import Testing

/// `batch` loses nothing silently: rows in = rows out can be checked from the output alone.
@Suite("batch: no silent loss")
struct BatchLossTests {
    private let target = ["--major", "530605", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"]
    private let header = "准考证号,课程代码,成绩,合格时间\n"

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func file(_ text: String) throws -> String {
        let url = try scratch().appendingPathComponent("t.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func aHeaderOnlyFileIsTheSameErrorForCheckAndBatch() throws {
        let path = try file(header)
        let check = try CLI.run(["check", path] + target)
        let batch = try CLI.run(["batch", path] + target)
        #expect(check.exitCode == 2)
        #expect(batch.exitCode == 2)
        #expect(batch.err.contains("\(path):2: error: there are no result rows under the header; export the file with the results\n"))
        #expect(CLI.normalize(batch.err).hasSuffix("0 candidates: 0 eligible, 0 pending review, 0 not eligible, 0 not audited; 1 input issue (1 error); <seconds> s\n"))
    }

    @Test func aCandidateWhoseRowsWereAllRejectedGetsAResultRow() throws {
        let path = try file(header + "0301,03706,61,2022-04-16\n0302,ABC,64,2022-04-16\n0302,03706\n0303,03706,70,2022-04-16\n")
        let output = try CLI.run(["batch", path] + target)
        #expect(output.exitCode == 2)
        let lines = output.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "the header and one row per candidate")
        #expect(lines[2] == "3,0302,,,,0,0,,,rows-rejected,all 2 rows of the candidate were rejected (see the input issues); not audited,")
        #expect(CLI.normalize(output.err).hasSuffix("3 candidates: 0 eligible, 0 pending review, 2 not eligible, 1 not audited; 2 input issues (2 errors); <seconds> s\n"))
    }

    @Test func carriageReturnLineEndsAreRead() throws {
        let path = try file("准考证号,课程代码,成绩,合格时间\r0301,03706,61,2022-04-16\r0302,03706,70,2022-04-16\r")
        let output = try CLI.run(["batch", path] + target)
        #expect(output.exitCode == 0)
        #expect(output.out.split(separator: "\n").count == 3)
        #expect(CLI.normalize(output.err).hasSuffix("2 candidates: 0 eligible, 0 pending review, 2 not eligible, 0 not audited; 0 input issues (0 errors); <seconds> s\n"))
    }

    @Test(.timeLimit(.minutes(1)))
    func aFIFOIsReadAsAStream() throws {
        let fifo = try scratch().appendingPathComponent("in.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = header + "0301,03706,61,2022-04-16\n0302,03706,70,2022-04-16\n"
        let writer = Thread {
            // Opening blocks until batch opens the FIFO for reading.
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let output = try CLI.run(["batch", fifo] + target)
        #expect(output.exitCode == 0)
        #expect(output.out.split(separator: "\n").count == 3)
    }
}

extension BatchLossTests {
    @Test(.timeLimit(.minutes(1)))
    func checkReadsAFIFOAsAStream() throws {
        let fifo = try scratch().appendingPathComponent("in.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = header + "0301,03706,61,2022-04-16\n"
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let output = try CLI.run(["check", fifo] + target)
        #expect(output.exitCode == 1)
        #expect(output.out.contains("Verdict: ✗ not eligible"))
    }
}
