import Foundation
import Testing
@testable import Eligibility

/// `batch` splits reading between threads (issue 12, item 4): the reading thread only finds each candidate's rows, the
/// workers decode them, make the records and audit. What comes out must not depend on how the work was split.
@Suite("batch pipeline")
struct BatchPipelineTests {
    /// An export with a little of everything the reader must get right, in a UTF-8 file.
    static func hostile() throws -> [UInt8] {
        let id = "11010519491231002X"
        var bytes = Array("准考证号,姓名,身份证号,性别,课程代码,课程名称,成绩,合格时间,成绩来源\n".utf8)
        func add(_ text: String) { bytes += Array(text.utf8) }
        add("010100000001,张三,\(id),男,03706,思想道德修养与法律基础,61,2023-04-15,电子\n")
        add(",张三,\(id),男,12656,毛泽东思想和中国特色社会主义理论体系概论,70,2023-04-15,\n")  // empty admission number
        add("010100000001,张三,\(id),男,13124,\"英语（专）\",55,,\n")
        add("010100000002,李四,110105194912310021,女,00018,计算机应用基础,合格,2022/10/1,旧计划课程合格证\n")
        bytes += try MixedEncodingTests.gb18030("010100000002,李四,\(id),女,00019,计算机应用基础（实践）,合格,2022-10-01,\n")
        add("010100000003,王五,\(id),男,00041,\"基础\"\"会计\"\"学\",缺考,,\n")
        bytes += Array(",".utf8) + [0xFF, 0xFE] + Array(",,,00058,,60,,\n".utf8)  // undecodable, no admission number: skipped
        add("010100000003,王五,\(id),男,00058,\"市场\n营销学\",72,2023-04-15,\r")  // a quoted line break, a CR line end
        add("010100000001,张三,\(id),男,00043,经济法概论（财经类）,80,2023-04-15,\r\n")  // back again: not together
        add("1.2345E+11,赵六,\(id),男,00043,经济法概论（财经类）,80,2023-04-15,\n")
        add("０１０１,赵六,\(id),男,00043,经济法概论（财经类）,80,2023-04-15,\n")  // full-width digits
        add(" 010100000004 ,钱七,\(id),男,00177,消费心理学,90,2023-04-15,\n")
        add("010100000004,钱七,\(id)\n")  // short
        add("010100000005,孙八,\(id),男,00178,\"市场调查与预测,85\n")  // unterminated quote
        add("010100000005,孙八,\(id),男,00178,市场调查与预测,85,2023-04-15,\n")
        add(",,,,\n\n")
        add("\u{3000}010100000006,周九,\(id),女,00041,基础会计学,abc,2023-13-01,bogus\n")
        add("010100000006,周九,\(id),女,15,基础会计学,60.0,20230415,,extra\n")
        bytes += Array("010100000007,".utf8) + [0xE4, 0xB8] + Array(",\(id),女,00041,基础会计学,60,,\n".utf8)  // a cut character
        add("010100000007,吴十,\(id),女,00041,基础会计学,60,,")  // no line break at the end
        return bytes
    }

    private func run(_ bytes: [UInt8], chunkSize: Int, jobs: Int) throws -> (rows: [BatchRow], issues: [TranscriptIssue], summary: BatchSummary) {
        var reader = try CSVTranscriptReader(bytes: bytes, file: "t.csv")
        let runner = BatchRunner(engine: Support.engine, major: MajorKey(province: "江苏", code: "530605"), institution: nil,
                                 planID: nil, date: Support.date, language: .en, showIDs: false)
        var rows: [BatchRow] = []
        var issues: [TranscriptIssue] = []
        let summary = runner.run(&reader, jobs: jobs, chunkSize: chunkSize, emit: { rows.append($0) }, report: { issues.append($0) },
                                 progress: { _ in })
        return (rows, issues, summary)
    }

    @Test func theSampleHasWhatItIsMeantToTest() throws {
        let issues = try run(Self.hostile(), chunkSize: 1024, jobs: 1).issues.map(\.message.en)
        for start in ["empty 准考证号", "this row is GB18030", "this cell is not valid UTF-8", "the rows of admission number 010100000001 are not together",
                      "admission number '1.2345E+11' is in Excel's scientific notation", "the row has 3 fields", "unterminated quote",
                      "the row has 10 fields", "invalid score 'abc'", "course code '15' lost its leading zeros", "'缺考'"] {
            #expect(issues.contains { $0.hasPrefix(start) }, "\(start)")
        }
    }

    /// Chunks of any size, on any number of threads: the same rows, the same issues in the same order, the same totals.
    @Test(arguments: [(1, 1), (1, 2), (2, 3), (3, 2), (5, 4)])
    func chunksAndThreadsDoNotChangeTheOutput(chunkSize: Int, jobs: Int) throws {
        let bytes = try Self.hostile()
        let whole = try run(bytes, chunkSize: 1024, jobs: 1)
        let split = try run(bytes, chunkSize: chunkSize, jobs: jobs)
        #expect(split.rows == whole.rows)
        #expect(split.issues == whole.issues)
        #expect(split.summary == whole.summary)
        #expect(whole.rows.map(\.admissionNumber) == ["010100000001", "010100000002", "010100000003", "010100000001", "1.2345E+11", "０１０１",
                                                      "010100000004", "010100000005", "010100000006", "010100000007"])
    }

    /// `batch` reads what `check` reads (`next()`, one thread): the same candidates, the same issues in the same order.
    @Test func batchReadsWhatCheckReads() throws {
        let bytes = try Self.hostile()
        let contents = TranscriptFiles.read(bytes: bytes, path: "t.csv")
        let batch = try run(bytes, chunkSize: 2, jobs: 2)
        #expect(batch.issues == contents.issues)
        #expect(batch.rows.map(\.row) == contents.transcripts.map(\.firstRow))
        #expect(batch.rows.map(\.admissionNumber) == contents.transcripts.map(\.admissionNumber))
        let runner = BatchRunner(engine: Support.engine, major: MajorKey(province: "江苏", code: "530605"), institution: nil,
                                 planID: nil, date: Support.date, language: .en, showIDs: false)
        #expect(batch.rows == contents.transcripts.map(runner.row(for:)))
    }
}
