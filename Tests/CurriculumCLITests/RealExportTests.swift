import Foundation
import Testing

/// Transcript exports as an exam office's Excel writes them (Chinese headers, BOM or GB18030, CRLF, trailing empty
/// columns and rows, quoted cells, lost leading zeros, `60.0`, `缺考`, empty scores, dates in several formats), and
/// broken ones; and the catalog commands on majors without plan data. Files are written to a scratch directory.
@Suite("real exports and catalog majors")
struct RealExportTests {
    private let target = ["--major", "530605", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"]
    private static let header = "准考证号,姓名,身份证号,性别,课程代码,课程名称,成绩,合格时间,成绩来源"
    private static let person = "030122100123,李四,320102199803150314,男"

    /// 李四's 16 courses of JS-2024-530605 (eligible), as Excel exports them, plus a 缺考 and an empty-score row.
    private static let excelRows: [String] = [
        "03706,思想道德修养与法律基础,78,2022-04", "12656,毛泽东思想和中国特色社会主义理论体系概论,66,2022.04",
        "13124,英语（专）,63,2023年4月", "00018,计算机应用基础,合格,202210", "00019,计算机应用基础（实践）,合格,2022/10/15",
        "13125,高等数学（经管类）,61.0,2023年10月21日", "13886,经济学原理（初级）,70,20231021", "13126,管理学原理（初级）,74,2023.10.21",
        "41,基础会计学,68,2024-04", "00058,\"市场营销学, \"\"补考\"\"\",81,2024-04-13", "14469,新媒体营销,77,2024-10-19",
        "43,经济法概论（财经类）,65.00,2024-10-19", "13142,广告学,72,2023-04-15", "00177,消费心理学,69,2025-04-12",
        "11178,物流管理基础,62,2025-04-12", "00178,市场调查与预测,60,2025-04-12",
        "00058,市场营销学,缺考,2023-10", "00177,消费心理学,,",
    ]

    private static func excelExport() -> String {
        ([header + ",,"] + excelRows.map { "\(person),\($0),电子,," } + [",,,,,,,,,,", ",,,,,,,,,,"]).joined(separator: "\r\n") + "\r\n"
    }

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private func gb18030(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test(arguments: ["utf-8", "utf-8-bom", "gb18030"])
    func excelExportInEveryEncoding(encoding: String) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Self.excelExport()
        let data: Data
        switch encoding {
        case "utf-8-bom": data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case "gb18030": data = try gb18030(text)
        default: data = Data(text.utf8)
        }
        let file = directory.appendingPathComponent("李四-\(encoding).csv")
        try data.write(to: file)
        let output = try CLI.run(["check", file.path] + target)
        #expect(output.exitCode == 0, "eligible; notes and warnings only:\n\(output.err)")
        #expect(output.out.contains("Verdict: ✓ eligible"))
        #expect(output.out.contains("✓ 13125 高等数学（经管类）  6/6  score 61"), "60.0-style scores are whole numbers")
        #expect(output.out.contains("✓ 00043 经济法概论（财经类）  4/4  score 65"))
        let name = file.path
        for line in ["\(name):10:5: warning: course code '41' lost its leading zeros",
                     "\(name):18:7: note: '缺考': no result (absent from the exam), so the row does not count (column 成绩)",
                     "\(name):19:7: warning: the score is empty, so the row does not count; fill in the score if the exam was taken (column 成绩)"] {
            #expect(output.err.contains(line), "stderr lacks \(line):\n\(output.err)")
        }
        // The `,,,,` rows below the data are neither a second candidate nor errors.
        #expect(!output.err.contains(":20:"))
        #expect(!output.err.contains("error"))

        let batch = try CLI.run(["batch", file.path] + target)
        #expect(batch.exitCode == 0)
        #expect(batch.out.hasSuffix("\n2,030122100123,李四,3201**********0314,eligible,0,0,,,all-requirements-met,,JS-2024-530605\n"))
        #expect(CLI.normalize(batch.err).hasSuffix("1 candidate: 1 eligible, 0 pending review, 0 not eligible, 0 not audited; 4 input issues (0 errors); <seconds> s\n"))
    }

    @Test func scoresThatAreNotWholeNumbersAreStillErrors() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("scores.csv")
        try Data(([Self.header] + ["59.5", "60.", "100.0", "101.0"].map { "\(Self.person),00058,市场营销学,\($0),2024-04-13,电子" })
            .joined(separator: "\n").utf8).write(to: file)
        let output = try CLI.run(["check", file.path] + target)
        #expect(output.exitCode == 2)
        #expect(output.err.contains("\(file.path):2:7: error: invalid score '59.5'"))
        #expect(output.err.contains("\(file.path):3:7: error: invalid score '60.'"))
        #expect(!output.err.contains(":4:7:"), "100.0 is 100")
        #expect(output.err.contains("\(file.path):5:7: error: invalid score '101.0'"))
    }

    /// A row pasted in from a GB18030 export into a UTF-8 file (after the 64 KiB sample, too) is read and reported.
    @Test func rowInTheOtherEncoding() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var bytes = Data((([Self.header] + Array(repeating: "\(Self.person),03706,思想道德修养与法律基础,78,2022-04-16,电子", count: 1_000))
            .joined(separator: "\r\n") + "\r\n").utf8)
        bytes += try gb18030("\(Self.person),00058,市场营销学,81,2024-04-13,电子\r\n")
        let file = directory.appendingPathComponent("mixed.csv")
        try bytes.write(to: file)
        let output = try CLI.run(["check", file.path] + target)
        #expect(output.err.contains("\(file.path):1002: warning: this row is GB18030 (e.g. '市场营销学') while the file is UTF-8; it was read as GB18030"))
        #expect(output.out.contains("✓ 00058 市场营销学  5/5  score 81"))
        #expect(output.exitCode == 1)
    }

    /// A quote that never closes loses its row, not the rest of the file.
    @Test func unterminatedQuoteInTheMiddle() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("quote.csv")
        try Data([Self.header, "\(Self.person),03706,思想道德修养与法律基础,78,2022-04-16,电子",
                  "\(Self.person),00058,\"市场营销学,81,2024-04-13,电子",
                  "\(Self.person),12656,毛泽东思想和中国特色社会主义理论体系概论,66,2022-04-16,电子", ""]
            .joined(separator: "\r\n").utf8).write(to: file)
        let output = try CLI.run(["check", file.path] + target)
        #expect(output.exitCode == 2)
        #expect(output.err.contains("\(file.path):3:6: error: unterminated quote; the row was skipped and reading goes on with the next line; close the quote"))
        #expect(output.out.contains("✓ 12656 毛泽东思想和中国特色社会主义理论体系概论  4/4  score 66"))
        #expect(output.out.contains("✗ 00058 市场营销学  0/5"))
    }

    @Test(arguments: [
        ("workbook.csv", [UInt8]([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), "this is an Excel workbook (.xlsx/.xls), not CSV text; in Excel use Save As → CSV UTF-8"),
        ("unicode.csv", [UInt8]([0xFF, 0xFE, 0x47, 0x51, 0x03, 0x80]), "the file is UTF-16 (Excel's \"Unicode Text\")"),
        ("binary.csv", [UInt8]([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]), "byte 9 is NUL: this is not a text file"),
    ])
    func notACSVTextFile(name: String, bytes: [UInt8], message: String) throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        for command in ["check", "batch"] {
            let output = try CLI.run([command, file.path] + target)
            #expect(output.exitCode == 2)
            #expect(output.err.hasPrefix("\(file.path):1: error: \(message)"), "\(command): \(output.err)")
            #expect(!output.err.contains("Usage:"))
        }
    }

    @Test func headerWithoutRows() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("header.csv")
        try Data((Self.header + "\r\n,,,,,,,,\r\n").utf8).write(to: file)
        let output = try CLI.run(["check", file.path] + target)
        #expect(output.exitCode == 2)
        #expect(output.err == "\(file.path):2: error: there are no result rows under the header; export the file with the results\nerror: no usable transcript in \(file.path) (see above)\n")
    }

    @Test func idNumberOfTheWrongLength() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("id.csv")
        try Data([Self.header, "030122100123,李四,3.20102E+17,男,03706,思想道德修养与法律基础,78,2022-04-16,电子"].joined(separator: "\n").utf8).write(to: file)
        let output = try CLI.run(["check", file.path] + target)
        #expect(output.err.contains("\(file.path):2:3: warning: ID number 3.20***E+17 has 11 characters, expected 18 (the last may be X)"), "\(output.err)")
    }

    /// YAML/JSON transcripts read scores like CSV files: `78.0` is 78, `缺考` a note, an empty score a warning.
    @Test func yamlScoresLikeCSV() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("李四.yaml")
        try Data("""
            records:
              - {code: "03706", score: 78.0, date: 2022-04-16}
              - {code: "00058", score: 缺考, date: 2023-10}
              - {code: "00177", score: "", date: 2023-10}

            """.utf8).write(to: file)
        let output = try CLI.run(["check", file.path] + target)
        #expect(output.exitCode == 1, "not eligible; no rejected record:\n\(output.err)")
        #expect(output.out.contains("✓ 03706 思想道德修养与法律基础  2/2  score 78"))
        #expect(output.err.contains("\(file.path):3:28: note: '缺考': no result (absent from the exam), so the row does not count\n"))
        #expect(output.err.contains("\(file.path):4:28: warning: the score is empty"))
    }

    /// An export sorted by course instead of by 准考证号: each candidate comes back; batch says so for every return.
    @Test func rowsOfACandidateThatAreNotTogether() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("by-course.csv")
        let other = "030122100124,王五,320102199803150330,男"
        try Data([Self.header,
                  "\(Self.person),03706,思想道德修养与法律基础,78,2022-04-16,电子", "\(other),03706,思想道德修养与法律基础,70,2022-04-16,电子",
                  "\(Self.person),12656,毛泽东思想和中国特色社会主义理论体系概论,66,2022-04-16,电子", "\(other),12656,毛泽东思想和中国特色社会主义理论体系概论,61,2022-04-16,电子"]
            .joined(separator: "\n").utf8).write(to: file)
        let output = try CLI.run(["batch", file.path] + target)
        #expect(output.err.contains("\(file.path):4:1: warning: the rows of admission number 030122100123 are not together (an earlier group starts at row 2); each group is audited as a candidate of its own — sort the export by 准考证号 (column 准考证号)"))
        #expect(output.err.contains("\(file.path):5:1: warning: the rows of admission number 030122100124 are not together (an earlier group starts at row 3)"))
        #expect(output.out.split(separator: "\n").count == 5, "four groups, as the warnings say")
    }

    @Test func admissionNumberInScientificNotation() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sci.csv")
        try Data([Self.header, "3.01221E+11,李四,320102199803150314,男,03706,思想道德修养与法律基础,78,2022-04-16,电子"].joined(separator: "\n").utf8).write(to: file)
        let output = try CLI.run(["batch", file.path] + target)
        #expect(output.err.contains("\(file.path):2:1: warning: admission number '3.01221E+11' is in Excel's scientific notation"))
    }

    // MARK: majors without plan data

    @Test func batchOnAMajorWithoutPlanDataStopsBeforeReading() throws {
        let output = try CLI.run(["batch", Example.batch, "--major", "030101K", "--province", "山西", "--date", "2025-04-30", "--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.out.isEmpty)
        #expect(output.err == "error: no plan data for major 030101K 法学 (山西); it cannot be audited\n")
        let chinese = try CLI.run(["batch", Example.batch, "--major", "680503", "--date", "2025-04-30", "--lang", "zh"])
        #expect(chinese.exitCode == 2)
        #expect(chinese.err == "提示：680503 是旧专业代码，现为 580401 法律事务（山西）\n错误：专业 580401 法律事务（山西，原代码 680503）暂无考试计划数据，无法审核\n")
    }

    @Test func batchWithCandidatesNotAuditedExitsWith2() throws {
        let output = try CLI.run(["batch", Example.batch, "--plan", "NONE"] + target)
        #expect(output.exitCode == 2)
        #expect(CLI.normalize(output.err).hasSuffix("20 candidates: 0 eligible, 0 pending review, 0 not eligible, 20 not audited; 5 input issues (0 errors); <seconds> s\n"))
    }

    @Test func checkAndGraphOnAMajorWithoutPlanData() throws {
        let check = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "030101K", "--institution", "山西大学", "--date", "2025-04-30", "--lang", "en"])
        #expect(check.exitCode == 2)
        #expect(check.err == "error: no plan data for major 030101K 法学 (山西); it cannot be audited\n")
        let graph = try CLI.run(["graph", "--major", "580401", "--lang", "zh"])
        #expect(graph.exitCode == 2)
        #expect(graph.err == "错误：专业 580401 法律事务（山西，原代码 680503）暂无考试计划数据，无法审核\n", "plainly, without usage text")
        let renamed = try CLI.run(["graph", "--major", "680503", "--lang", "en"])
        #expect(renamed.err == "note: 680503 is a former code; the major is now 580401 法律事务 (山西)\nerror: no plan data for major 580401 法律事务 (山西; formerly 680503); it cannot be audited\n")
    }

    /// 960101 新闻学 (山西) stopped enrolling (停止新生报名): "no plan data" says so, and what to do, in both languages.
    @Test func noPlanDataForAStoppedMajorSaysItStopped() throws {
        let english = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "960101", "--date", "2025-04-30", "--lang", "en"])
        #expect(english.exitCode == 2)
        #expect(english.err == "error: no plan data for major 960101 新闻学 (山西); it cannot be audited; the major has stopped enrolling new candidates "
                + "(停止新生报名) but still graduates those registered: its plan must be added to the curricula (from the provincial exam office) "
                + "before they can be audited\n")
        let chinese = try CLI.run(["batch", Example.batch, "--major", "960101", "--date", "2025-04-30", "--lang", "zh"])
        #expect(chinese.exitCode == 2)
        #expect(chinese.err == "错误：专业 960101 新闻学（山西）暂无考试计划数据，无法审核；该专业已停止新生报名，仍为已报考的考生办理毕业："
                + "须先在课程数据中补充其考试计划（向省自考办索取），才能审核\n")
        let graph = try CLI.run(["graph", "--major", "960101", "--lang", "en"])
        #expect(graph.err.contains("has stopped enrolling new candidates (停止新生报名)"))
    }

    @Test func unknownMajorAndInstitutionArePlain() throws {
        let major = try CLI.run(["graph", "--major", "03010K", "--lang", "zh"])
        #expect(major.exitCode == 2)
        #expect(major.err == "错误：没有专业 03010K；是不是 030101K？\n")
        let nothingClose = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "99999", "--lang", "en"])
        #expect(nothingClose.err == "error: no major 99999; curriculum majors lists every major\n")
        let institution = try CLI.run(["majors", "--institution", "山西大", "--lang", "en"])
        #expect(institution.exitCode == 2)
        #expect(institution.err == "error: no institution 山西大; did you mean 山西大学?\n")
    }

    @Test func unknownInstitutionOrProvinceOfAKnownMajor() throws {
        let institution = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "030101K", "--institution", "南京大学", "--date", "2025-04-30", "--lang", "en"])
        #expect(institution.exitCode == 2)
        #expect(institution.err.hasPrefix("error: no institution 南京大学"), "not 'does not examine': \(institution.err)")
        let province = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "630701", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"])
        #expect(province.exitCode == 2)
        #expect(province.err == "error: no major 630701 in 江苏; the code belongs to: 山西 530605 市场营销\n")
    }

    @Test func whatIfOnAnUnknownInstitution() throws {
        let output = try CLI.run(["whatif", Example.zhaoLiuYAML, "--institution", "山西大", "--date", "2025-04-30", "--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.out.isEmpty)
        #expect(output.err == "error: no institution 山西大; did you mean 山西大学?\n")
    }

    @Test func whatIfOnAnInstitutionWithoutPlanData() throws {
        let output = try CLI.run(["whatif", Example.zhaoLiuYAML, "--institution", "山西大学", "--date", "2025-04-30", "--lang", "en"])
        #expect(output.exitCode == 0)
        #expect(output.out.hasPrefix("the 10 matching majors have no plan data (暂无考试计划数据) and cannot be ranked:\n  山西 020101 经济学（专升本）\n"))
        #expect(output.out.contains("  山西 580401 法律事务（专科） (formerly 680503)\n"))
        #expect(output.out.contains("  山西 960101 新闻学（专科） [stopped enrolling]\n"))
    }

    @Test func whatIfExitsWith2WhenRowsWereRejected() throws {
        let output = try CLI.run(["whatif", Example.sunBaBroken, "--province", "江苏", "--date", "2025-04-30", "--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.out.hasPrefix("rank  major"))
        #expect(output.err.hasSuffix("some transcript rows could not be read (see above); the ranking does not include them\n"))
    }
}
