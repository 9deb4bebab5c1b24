import Testing
import Eligibility

/// Transcripts built to hurt: bounded work, nothing lost, nothing raw sent to the terminal.
@Suite struct HostileTranscriptTests {
    @Test(arguments: ["t.yaml", "t.json"])
    func aliasesRepeatingALargeScalarAreRefused(path: String) throws {
        // JSON has no aliases, but a `.json` file is read as YAML: the same budget holds.
        let text = "candidate: {name: &n \"" + String(repeating: "x", count: 100_000) + "\"}\nrecords: ["
            + Array(repeating: "{code: \"03708\", name: *n, score: 70, date: 2023-04-15}", count: 200).joined(separator: ", ") + "]\n"
        let contents = TranscriptFiles.read(bytes: Array(text.utf8), path: path)
        #expect(contents.transcripts.isEmpty)
        let issue = try #require(contents.issues.first)
        #expect(issue.severity == .error)
        #expect(issue.message.en == "aliases expand to more than 16777216 bytes; stopped reading this file")
    }
}

/// No silent loss: every row is read, every rejection is reported where it is.
extension HostileTranscriptTests {
    static let header = "准考证号,课程代码,成绩,合格时间\n"

    static func csv(_ text: String) -> TranscriptFiles.Contents {
        TranscriptFiles.read(bytes: Array(text.utf8), path: "t.csv")
    }

    @Test func carriageReturnAloneEndsALine() {
        let contents = Self.csv("准考证号,课程代码,成绩,合格时间\r0301,03706,61,2022-04-16\r0301,12656,64,2022-04-16\r0302,03706,70,2022-04-16\r")
        #expect(contents.issues.isEmpty)
        #expect(contents.transcripts.map(\.admissionNumber) == ["0301", "0302"])
        #expect(contents.transcripts.map(\.records.count) == [2, 1])
        #expect(contents.transcripts.map(\.firstRow) == [2, 4])
    }

    @Test func carriageReturnAloneInsideAQuotedCellCountsAsALine() throws {
        // The quoted name spans rows 2 and 3; the next row starts on line 4.
        let contents = Self.csv("准考证号,课程名称,课程代码,成绩,合格时间\r0301,\"a\rb\",03706,61,2022-04-16\r0302,c,03706,70,2022-04-16\r")
        #expect(contents.transcripts.map(\.firstRow) == [2, 4])
    }

    @Test func anEmptyAdmissionNumberInsideACandidatesRowsIsAnErrorAtThatCell() throws {
        let contents = Self.csv(Self.header + "0301,03706,61,2022-04-16\n,12656,64,2022-04-16\n0301,00018,70,2022-04-16\n")
        // One candidate, not three pieces; the row without a number is rejected and reported at row 3, column 1.
        #expect(contents.transcripts.map(\.admissionNumber) == ["0301"])
        #expect(contents.transcripts.first?.records.map(\.code.rawValue) == ["03706", "00018"])
        #expect(contents.transcripts.first?.rejectedRows == 1)
        let issue = try #require(contents.issues.first)
        #expect(contents.issues.count == 1)
        #expect(issue.row == 3 && issue.column == 1 && issue.severity == .error)
        #expect(issue.message.en == "empty 准考证号 (admission number; the row above has 0301); the row was skipped — fill in the admission number")
    }

    @Test func aCandidateWhoseEveryRowWasRejectedIsStillThere() {
        // 0302's two rows: a bad code, and a short row (no score).
        let contents = Self.csv(Self.header + "0301,03706,61,2022-04-16\n0302,ABC,64,2022-04-16\n0302,03706\n0303,03706,70,2022-04-16\n")
        #expect(contents.transcripts.map(\.admissionNumber) == ["0301", "0302", "0303"])
        #expect(contents.transcripts.map(\.rejectedRows) == [0, 2, 0])
        #expect(contents.transcripts.map(\.firstRow) == [2, 3, 5])
    }

    @Test(arguments: ["-2023-04-15", "2023--04", "2023-04-", "2023/04//15", "年2023月4"])
    func datesWithAnEmptyPartAreRejected(date: String) throws {
        let contents = Self.csv(Self.header + "0301,03706,61,\(date)\n")
        let issue = try #require(contents.issues.first)
        #expect(issue.severity == .error)
        #expect(issue.message.en.hasPrefix("invalid date '\(date)'"))
    }

    @Test(arguments: [("2023年4月15日", "2023-04-15"), ("2023年4月", "2023-04-01"), ("2023/4/5", "2023-04-05"), ("2023.04", "2023-04-01")])
    func datesStillRead(date: String, expected: String) throws {
        let contents = Self.csv(Self.header + "0301,03706,61,\(date)\n")
        #expect(contents.issues.isEmpty)
        #expect(contents.transcripts.first?.records.first?.passDate?.description == expected)
    }
}
