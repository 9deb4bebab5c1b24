import Foundation
import Testing

/// Messages that quote cells: no full ID number unless --show-ids, long values cut, control bytes escaped.
@Suite("message safety")
struct MessageSafetyTests {
    private let target = ["--major", "530605", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"]
    private let header = "准考证号,姓名,身份证号,性别,课程代码,课程名称,成绩,合格时间,成绩来源\n"
    private let good = "030122100201,周九,320102199001031014,男,03706,思想道德修养与法律基础,61,2022-04-16,电子\n"

    private func file(_ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("t.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test(arguments: ["check", "batch"])
    func anIDNumberPastedIntoTheScoreCellIsMasked(command: String) throws {
        let path = try file(header + good + "030122100201,周九,320102199001031014,男,12656,概论,320102199001031014,2022-04-16,电子\n")
        let output = try CLI.run([command, path] + target)
        #expect(output.err.contains("invalid score '3201**********1014'"))
        #expect(!output.err.contains("320102199001031014"))
        let shown = try CLI.run([command, path] + target + ["--show-ids"])
        #expect(shown.err.contains("invalid score '320102199001031014'"))
    }

    @Test func aHugeCellIsCutInTheMessage() throws {
        let path = try file(header + good + "030122100201,周九,320102199001031014,男,12656,概论,\(String(repeating: "9", count: 5_000))A,2022-04-16,电子\n")
        let output = try CLI.run(["check", path] + target)
        // 5,001 scalars in the cell: the first 60 are shown, then the length. (A run of digits this long is
        // also ID-shaped, so it is masked first: `9999` + 4,993 `*` + `9999A`… the first 60 of that.)
        #expect(output.err.contains("invalid score '9999" + String(repeating: "*", count: 56) + "…（5001）'"))
        #expect(output.err.utf8.count < 2_000)
    }

    @Test func escapeBytesInACellAreShownEscaped() throws {
        let path = try file(header + good + "030122100201,周九,320102199001031014,男,12656,概论,\u{1B}[2J7O,2022-04-16,电子\n")
        let output = try CLI.run(["check", path] + target)
        #expect(!output.err.unicodeScalars.contains("\u{1B}"))
        #expect(output.err.contains("invalid score '\\u{1B}[2J7O'"))
    }
}

extension MessageSafetyTests {
    @Test func namesFromTheTranscriptReachTheAuditWithoutEscapeBytes() throws {
        let path = try file(header + "030122100201,周\u{1B}]0;pwned\u{07}九,320102199001031014,男,03706,思想道德修养与法律基础,61,2022-04-16,电子\n")
        let output = try CLI.run(["check", path] + target)
        #expect(!output.out.unicodeScalars.contains("\u{1B}") && !output.out.unicodeScalars.contains("\u{07}"))
        #expect(output.out.hasPrefix("Candidate: 周\\u{1B}]0;pwned\\u{7}九 (ID 3201**********1014, admission no. 030122100201)\n"))
    }
}
