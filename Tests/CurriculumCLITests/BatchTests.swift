import Foundation
import Testing

/// `curriculum batch` on Examples/530605-batch-20.csv (20 candidates of 江苏 530605, JS-2024-530605).
///
/// Expected files checked by hand, candidate by candidate, against the plan (70 credits, 16 codes, 15 courses):
///
/// | row | who | what the export holds | result |
/// |---|---|---|---|
/// | 2 | 周九 | all 16 codes | eligible |
/// | 18 | 吴十 | 00065, 00020, 00009, 00144, 00179, 27007, 00182 (2021 plan) for 13124, 13125, 13886, 13126, 14469, 11178, 13142 | eligible |
/// | 34 | 郑一 | no 00178 | not eligible, 00178 市场调查与预测 (6): 6 credits, 1 course |
/// | 49 | 冯二 | 03707 + 00003 instead of 03706 / 12656 (js-zhuanke-politics, two of 序号1–5) | eligible |
/// | 65 | 陈三 | 13124 failed with 57 and 52 | not eligible, 13124 (7) |
/// | 82 | 褚四 | 00179 on a 旧计划课程合格证 for 14469 | pending review, review "00179 old-plan-certificate" |
/// | 98 | 卫五 | 00019 on a 实践课考核卡 | pending review, review "00019 practice-card" |
/// | 114 | 蒋六 | `3706`, `41`, `58` | eligible; three repair warnings (114:5, 122:5, 123:5) |
/// | 130 | 沈七 | ID 320612199809111870 (check digit should be 7) | not eligible, id-number-invalid; warning 130:3 |
/// | 146 | 韩八 | 00177 score `缺考` (row 159) | note 159:7 (成绩): absent, no result; 00177 missing (5) |
/// | 162 | 杨九 | only 03706, 12656, 00018, 00019, 00041 | not eligible, 11 courses 55 credits (70 − 2 − 4 − 2 − 2 − 5) |
/// | 167 | 朱十 | 00041 转考:河北 | eligible (a transfer needs no review) |
/// | 183 | 秦一 | 27015 创业教育 for 13142 (need 1 of 00181/00182/27015) | eligible |
/// | 199 | 尤二 | 00058 良好, 00177 优秀 | eligible |
/// | 215 | 许三 | no 13142, no 11178 | not eligible, 9 credits, 2 courses |
/// | 229 | 何四 | dates as YYYYMMDD | eligible |
/// | 245 | 吕五 | blank name, ID and gender | not eligible, id-number-invalid (see KnownBugTests.noCandidateDataFor专科) |
/// | 261 | 施六 | no 00018, no 00019 | not eligible, 00018 (2) and 00019 (2): 4 credits, 2 exams |
/// | 275 | 孔七 | all 16 codes | eligible |
/// | 291 | 曹八 | 00043 55 then 61 | eligible |
///
/// Summary: 20 candidates, 11 eligible, 2 pending review, 7 not eligible; 5 input issues (0 errors) → exit 0.
/// (`rejectedRowDoesNotStopTheRest` puts a bad score in the same place.)
/// IDs masked (first four and last four characters).
@Suite("batch")
struct BatchTests {
    private let target = ["--major", "530605", "--province", "江苏", "--date", "2025-04-30"]

    @Test func csvToStandardOutput() throws {
        let output = try CLI.run(["batch", Example.batch] + target + ["--lang", "en"])
        CLI.expect(output, matches: "batch-530605-csv")
        #expect(output.exitCode == 0, "缺考 is a note, not a rejected row")
        let lines = output.out.split(separator: "\n")
        #expect(lines.first == "row,admission_number,name,id_number,verdict,missing_credits,missing_courses,missing,review,reasons,error,plan_id")
        #expect(lines.count == 21, "one result row per candidate")
        #expect(output.err.contains("Examples/530605-batch-20.csv:159:7: note: '缺考': no result (absent from the exam), so the row does not count (column 成绩)"))
        #expect(CLI.normalize(output.err).hasSuffix("20 candidates: 11 eligible, 2 pending review, 7 not eligible, 0 not audited; 5 input issues (0 errors); <seconds> s\n"))
        // The rows after the bad one are still audited.
        #expect(lines.last?.hasPrefix("291,030122100220,曹八,3201**********2984,eligible,") == true)
        #expect(!output.err.contains("\r"), "no progress line when stderr is not a terminal")
    }

    @Test func jsonLines() throws {
        let output = try CLI.run(["batch", Example.batch] + target + ["--format", "jsonl", "--lang", "zh"])
        CLI.expect(output, matches: "batch-530605-jsonl", stdout: .jsonLines)
        #expect(output.exitCode == 0)
        let rows = output.out.split(separator: "\n").compactMap { CLI.parseJSON(String($0)) as? [String: Any] }
        #expect(rows.count == 20)
        #expect(rows.map { $0["row"] as? Int ?? 0 } == [2, 18, 34, 49, 65, 82, 98, 114, 130, 146, 162, 167, 183, 199, 215, 229, 245, 261, 275, 291])
        let verdicts = Dictionary(grouping: rows, by: { $0["verdict"] as? String ?? "" }).mapValues(\.count)
        // Row 245 (no candidate columns, a 专科 major) is eligible: no ID number is no reason to refuse.
        #expect(verdicts == ["eligible": 11, "eligible-pending-review": 2, "not-eligible": 7])
        #expect(CLI.normalize(output.err).hasSuffix("共 20 名考生：符合 11，待人工审核 2，不符合 7，无法审核 0；输入问题 5 个（错误 0）；用时 <seconds> 秒\n"))
    }

    @Test func outputFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out.csv")
        let output = try CLI.run(["batch", Example.batch] + target + ["--output", file.path, "--lang", "en"])
        #expect(output.exitCode == 0)
        #expect(output.out.isEmpty)
        let written = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        if !CLI.updating, let expected = CLI.expected("batch-530605-csv.stdout") {
            #expect(written == expected)
        }
    }

    /// One worker or the default (every core): the same rows in the same order.
    @Test(arguments: ["1", "2", "7"])
    func jobsDoNotChangeTheResult(jobs: String) throws {
        let output = try CLI.run(["batch", Example.batch] + target + ["--jobs", jobs, "--lang", "en"])
        if !CLI.updating, let expected = CLI.expected("batch-530605-csv.stdout") {
            #expect(output.out == expected)
        }
        #expect(output.exitCode == 0)
    }

    /// A rejected row (a score `7O` where 韩八 has 缺考) is reported with its row and column, the candidate is audited
    /// without it, the rows after it go on, the summary counts the error, and the exit code is 2.
    @Test func rejectedRowDoesNotStopTheRest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = String(decoding: try Example.bytes(Example.batch), as: UTF8.self)
            .replacingOccurrences(of: "00177,消费心理学,缺考,", with: "00177,消费心理学,7O,")
        let file = directory.appendingPathComponent("batch-bad-row.csv")
        try Data(text.utf8).write(to: file)
        let output = try CLI.run(["batch", file.path] + target + ["--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("batch-bad-row.csv:159:7: error: invalid score '7O'"))
        #expect(output.err.contains("(column 成绩)"))
        if !CLI.updating, let expected = CLI.expected("batch-530605-csv.stdout") {
            #expect(output.out == expected, "the same rows: the bad row counts for nothing either way")
        }
        #expect(CLI.normalize(output.err).hasSuffix("20 candidates: 11 eligible, 2 pending review, 7 not eligible, 0 not audited; 5 input issues (1 error); <seconds> s\n"))
    }

    @Test func gb18030SingleCandidate() throws {
        let output = try CLI.run(["batch", Example.liSiGB18030] + target + ["--lang", "en"])
        CLI.expect(output, matches: "batch-530605-lisi-gb18030")
        #expect(output.exitCode == 0, "warnings only")
        #expect(output.out.contains("\n2,030122100123,李四,3201**********0314,eligible,0,0,,,all-requirements-met,,JS-2024-530605\n"))
    }

    @Test func bomAndCRLF() throws {
        let output = try CLI.run(["batch", Example.wangWuBOM, "--major", "590206", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"])
        #expect(output.exitCode == 0, "not-eligible candidates do not make batch fail")
        #expect(output.out.hasSuffix("\n2,020219200456,王五,3205**********024X,not-eligible,6,1,00288 社会调查方法 (6),,missing-courses,,JS-2024-590206\n"))
    }

    /// 江苏 030101K on 2025-04-30 is in the 2021 → 2024 transition window. Row 2 passed the whole 2021 plan (as
    /// Tests/HandWorkedTranscripts/030101K-completed-2021-plan.yaml): eligible under JS-2021-030101K, and 00247 short
    /// under JS-2024-030101K. Row 18 passed 03708 only: not eligible under either; 2021 leaves 14 courses (64 credits),
/// 2024 15 (72), so the row is under the plan that leaves the fewest courses, JS-2021-030101K. Each
    /// row says which plan its verdict is under; naming a plan (--plan) puts every row under it.
    @Test func eachRowNamesItsPlan() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let person = "张三,11010519491231002X,女,专科,行政管理,是,张三,11010519491231002X,女"
        let codes = ["03708", "03709", "00227", "00230", "00169", "00246", "00258", "00262", "00226", "00167", "00228", "00249",
                     "05680", "00259", "00015"]
        var lines = ["准考证号,姓名,身份证号,性别,前置学历层次,前置学历专业,学信网验证,学信网姓名,学信网身份证号,学信网性别,课程代码,成绩,合格时间"]
        lines += codes.map { "010000000001,\(person),\($0),75,2023-04-15" } + ["010000000001,\(person),55472,合格,2023-04-15"]
        lines.append("010000000002,\(person),03708,75,2023-04-15")
        let file = directory.appendingPathComponent("law.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let law = ["--major", "030101K", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"]

        let output = try CLI.run(["batch", file.path] + law)
        #expect(output.exitCode == 0)
        let rows = output.out.split(separator: "\n").map(String.init)
        #expect(rows.count == 3)
        #expect(rows.dropFirst().first?.hasPrefix("2,010000000001,张三,1101**********002X,eligible,0,0,,,all-requirements-met,,JS-2021-030101K") == true)
        #expect(rows.last?.hasPrefix("18,010000000002,张三,1101**********002X,not-eligible,") == true)
        #expect(rows.last?.hasPrefix("18,010000000002,张三,1101**********002X,not-eligible,64,14,") == true)
        #expect(rows.last?.hasSuffix(",missing-courses,,JS-2021-030101K") == true)

        let json = try CLI.run(["batch", file.path, "--format", "jsonl"] + law)
        let plans = json.out.split(separator: "\n").compactMap { (CLI.parseJSON(String($0)) as? [String: Any])?["planID"] as? String }
        #expect(plans == ["JS-2021-030101K", "JS-2021-030101K"])

        let named = try CLI.run(["batch", file.path, "--plan", "JS-2024-030101K"] + law)
        let namedRows = named.out.split(separator: "\n").map(String.init)
        #expect(namedRows.dropFirst().first?.contains(",not-eligible,6,1,00247 ") == true)
        #expect(namedRows.dropFirst().allSatisfy { $0.hasSuffix(",JS-2024-030101K") })
    }

    @Test func missingFile() throws {
        let output = try CLI.run(["batch", "Examples/no-such-file.csv"] + target)
        #expect(output.exitCode == 2)
        #expect(output.err == "Examples/no-such-file.csv:1: error: file not found\n")
        #expect(output.out.isEmpty)
    }

    @Test func ambiguousMajor() throws {
        let output = try CLI.run(["batch", Example.batch, "--major", "530605", "--date", "2025-04-30"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("major code 530605 matches several majors"))
    }

    /// On a terminal, progress goes to stderr as a `\r`-rewritten line. Uses util-linux `script` for a pseudo-terminal.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnATerminal() throws {
        #if os(Linux)
        // Output to a scratch file: tests never point --output at a device (as root a replaced /dev/null breaks the machine).
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let command = ([CLI.executable.path, "batch", Example.batch] + target + ["--lang", "en", "--output", scratch])
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CLI.repository
        process.environment = ["LANG": "en_US.UTF-8", "NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\r20 candidates ("), "no progress line in:\n\(text)")
        #expect(text.contains("20 candidates: 11 eligible, 2 pending review, 7 not eligible"))
        #expect(process.terminationStatus == 0)
        #endif
    }
}
