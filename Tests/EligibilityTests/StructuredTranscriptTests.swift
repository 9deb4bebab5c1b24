import Foundation
import Testing
import Eligibility

/// YAML and JSON transcripts treat a record's fields as CSV exports do.
@Suite("YAML and JSON transcripts")
struct StructuredTranscriptTests {
    /// The same two results in each format; the second has the impossible date 2023-02-30.
    static let files: [(path: String, text: String, row: Int, column: Int?)] = [
        ("t.csv", "课程代码,成绩,合格时间\n03708,72,2023-04-15\n03709,80,2023-02-30\n", 3, 3),
        ("t.yaml", "records:\n  - {code: \"03708\", score: 72, date: 2023-04-15}\n  - {code: \"03709\", score: 80, date: 2023-02-30}\n", 3, 38),
        ("t.json", "{\"records\": [\n  {\"code\": \"03708\", \"score\": 72, \"date\": \"2023-04-15\"},\n  {\"code\": \"03709\", \"score\": 80, \"date\": \"2023-02-30\"}\n]}\n", 3, 42),
    ]

    @Test(arguments: files)
    func invalidDateRejectsTheRecordAsInCSV(file: (path: String, text: String, row: Int, column: Int?)) throws {
        let contents = TranscriptFiles.read(bytes: Array(file.text.utf8), path: file.path)
        let transcript = try #require(contents.transcripts.first)
        // The record with the bad date is not kept (without a date it could count although passed after the application date).
        #expect(transcript.records.map(\.code.rawValue) == ["03708"])
        #expect(contents.issues.count == 1)
        let issue = try #require(contents.issues.first)
        #expect(issue.severity == .error)
        #expect(issue.row == file.row && issue.column == file.column)
        #expect(issue.message.en == "invalid date '2023-02-30': expected a real date as YYYY-MM-DD (or YYYY/M/D, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, or a month YYYY-MM)")
        #expect(issue.message.zh.hasPrefix("日期“2023-02-30”无效：应为存在的日期，写作 YYYY-MM-DD"))
    }

    @Test(arguments: ["date:", "date: ~", "date: \"\""])
    func emptyDateIsNoDateAsAnEmptyCell(date: String) throws {
        let text = "records:\n  - code: \"03708\"\n    score: 72\n    \(date)\n"
        let contents = TranscriptFiles.read(bytes: Array(text.utf8), path: "t.yaml")
        #expect(contents.issues.isEmpty)
        let record = try #require(contents.transcripts.first?.records.first)
        #expect(record.code == "03708" && record.passDate == nil)
    }

    @Test func aDateThatIsNotAScalarRejectsTheRecord() throws {
        let text = "records:\n  - {code: \"03708\", score: 72, date: [2023, 4, 15]}\n"
        let contents = TranscriptFiles.read(bytes: Array(text.utf8), path: "t.yaml")
        #expect(contents.transcripts.first?.records.isEmpty == true)
        #expect(contents.issues.map(\.severity) == [.error])
    }
}
