import Foundation
import Testing

/// What a new user trips on in the first hour (issue 11): the language, the words, places, dates and input.
@Suite("first hour of a new user")
struct FirstHourTests {
    static let readme = ["check", Example.zhaoLiuYAML, "--major", "030101K", "--province", "江苏", "--date", "2025-04-30"]

    /// The README's main command under LANG=C.UTF-8 (containers, CI): Chinese; mappings by their titles (the id in
    /// brackets); the thesis row 毕业论文 已通过; the header names the bundled curricula. Checked by hand against
    /// curricula/jiangsu/苏州大学/030101K-法学.yaml (from-2021 is titled “2021版 → 2024版”; 14850 is the thesis).
    @Test func readmeCommandUnderTheCLocale() throws {
        let output = try CLI.run(Self.readme, environment: ["LANG": "C.UTF-8"])
        CLI.expect(output, matches: "check-030101K-zhaoliu-readme-c-utf8")
        #expect(output.exitCode == 0)
        #expect(output.out.contains("  ✓ 14850 法学（本科）毕业论文  毕业论文 已通过  成绩 良好\n"))
        #expect(output.out.contains("（由 00015 英语(二) 计入） [新旧对照：2021版 → 2024版（from-2021）]\n"))
        #expect(output.out.contains("课程数据：内置\n"))
        #expect(!output.out.contains("[mapping"))
        #expect(!output.out.contains("0/0"))
    }

    /// A failed thesis reads 毕业论文 未通过 (JS-2024-120402: 张三 has no result for 10197).
    @Test func failedThesisRow() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--major", "120402", "--province", "江苏", "--date", "2025-04-30"],
                                 environment: ["LANG": "C.UTF-8"])
        #expect(output.out.contains("  ✗ 10197 行政管理毕业论文  毕业论文 未通过\n"))
    }

    /// Every usual name of the province selects it.
    @Test(arguments: ["江苏", "江苏省", "苏", "Jiangsu", "jiangsu", " 江苏 "])
    func provinceByItsUsualNames(name: String) throws {
        let output = try CLI.run(["check", Example.zhangSan, "--major", "120402", "--province", name, "--date", "2025-04-30", "--lang", "zh"])
        #expect(output.out.contains("专业：120402 行政管理（专升本，江苏）"), "--province \(name)")
        #expect(output.exitCode == 1)
    }

    /// Not a province of the curricula: said with what was typed.
    @Test func unknownProvince() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--major", "120402", "--province", "浙江省", "--lang", "zh"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("浙江省没有专业 120402"))
    }

    /// A code in two provinces, and an institution that examines it in one: the institution decides.
    @Test func institutionResolvesTheProvince() throws {
        let output = try CLI.run(["check", Example.liSiGB18030, "--major", "530605", "--institution", "南京财经大学", "--date", "2025-04-30", "--lang", "zh"])
        #expect(output.out.contains("专业：530605 市场营销（专科，江苏）  主考院校：南京财经大学"))
        #expect(output.exitCode == 0)
    }

    /// `graph --plan ID` alone draws that plan; an unknown id gets the closest one.
    @Test func graphByPlanAlone() throws {
        let byPlan = try CLI.run(["graph", "--plan", "JS-2021-030101K", "--format", "mermaid"])
        let byMajor = try CLI.run(["graph", "--major", "030101K", "--province", "江苏", "--plan", "JS-2021-030101K", "--format", "mermaid"])
        #expect(byPlan.exitCode == 0)
        #expect(byPlan.out == byMajor.out)
        #expect(byPlan.out.contains("JS-2021-030101K 法学"))
        let typo = try CLI.run(["graph", "--plan", "JS-2021-03010K", "--lang", "zh"])
        #expect(typo.exitCode == 2)
        #expect(typo.err.contains("没有考试计划 JS-2021-03010K；是不是 JS-2021-030101K？"))
        let neither = try CLI.run(["graph", "--lang", "en"])
        #expect(neither.exitCode == 2)
        #expect(neither.err.contains("name a major with --major, or a plan with --plan"))
    }

    /// The header names the curricula used; --curricula's help says what the default is.
    @Test func headerNamesTheCurricula() throws {
        let other = try CLI.run(Self.readme + ["--curricula", "curricula/../curricula", "--lang", "zh"])
        #expect(other.out.contains("课程数据：内置\n"), "the same directory by another path is still the bundled one")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("curricula-copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("curricula"), to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = try CLI.run(Self.readme + ["--curricula", scratch.path, "--lang", "zh"])
        #expect(copy.out.contains("课程数据：\(scratch.path)（--curricula）\n"))
        let environment = try CLI.run(Self.readme + ["--lang", "en"], environment: ["CURRICULUM_CURRICULA": scratch.path])
        #expect(environment.out.contains("Curricula: \(scratch.path) ($CURRICULUM_CURRICULA)\n"))
        let help = try CLI.run(["check", "--help"])
        let helpText = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(helpText.contains("(default: $CURRICULUM_CURRICULA, else ./curricula when the working directory has one, else the bundled curricula; the report's header names the one used)"))
    }

    /// An application date after today is warned about (the advice for a future date is tested in
    /// EligibilityTests/DateCheckTests); results dated after today are warned about too.
    @Test func futureDatesAreWarned() throws {
        let output = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "030101K", "--province", "江苏", "--date", "2999-04-30", "--lang", "zh"])
        #expect(output.err.contains("警告：申请日期 2999-04-30 在今天（"))
        #expect(output.out.contains("  注意：申请日期在今天（"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("future-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.yaml")
        try Data("records:\n  - {code: \"03708\", score: 70, date: 2998-04-15}\n".utf8).write(to: file)
        let results = try CLI.run(["check", file.path, "--major", "030101K", "--province", "江苏", "--date", "2999-04-30", "--lang", "en"])
        #expect(results.err.contains("warning: results dated after today ("))
        #expect(results.err.contains("03708 2998-04-15"))
        let batch = try CLI.run(["batch", Example.batch, "--major", "530605", "--province", "江苏", "--date", "2999-04-30", "--lang", "en"])
        #expect(batch.err.hasPrefix("warning: the application date 2999-04-30 is after today ("))
        let whatif = try CLI.run(["whatif", Example.zhaoLiuYAML, "--date", "2999-04-30", "--limit", "1", "--lang", "en"])
        #expect(whatif.err.contains("warning: the application date 2999-04-30 is after today ("))
        let past = try CLI.run(Self.readme + ["--lang", "zh"])
        #expect(!past.err.contains("警告"), "the README's dates are all in the past")
    }

    /// `-` reads the transcript from standard input: check, explain, whatif and batch give what the file gives, and
    /// messages name it <stdin>.
    @Test func dashReadsStandardInput() throws {
        let csv = try Data(contentsOf: CLI.repository.appendingPathComponent(Example.zhangSan))
        let target = ["--major", "120402", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"]
        for command in ["check", "explain"] {
            let piped = try CLI.run([command, "-"] + target, input: csv)
            let file = try CLI.run([command, Example.zhangSan] + target)
            #expect(piped.out == file.out, "\(command)")
            #expect(piped.exitCode == 1)
            #expect(piped.err.contains("<stdin>:7:5: warning: course code '7816' lost its leading zeros"))
        }
        let yaml = try Data(contentsOf: CLI.repository.appendingPathComponent(Example.zhaoLiuYAML))
        let structured = try CLI.run(Self.readme.map { $0 == Example.zhaoLiuYAML ? "-" : $0 } + ["--lang", "zh"], input: yaml)
        #expect(structured.exitCode == 0)
        #expect(structured.out.contains("考生：赵六"))
        let whatif = try CLI.run(["whatif", "-", "--date", "2025-04-30", "--limit", "1", "--lang", "en"], input: csv)
        #expect(whatif.out.contains("江苏 120402 行政管理"))
        let batchData = try Data(contentsOf: CLI.repository.appendingPathComponent(Example.batch))
        let batch = try CLI.run(["batch", "-", "--major", "530605", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"], input: batchData)
        let batchFile = try CLI.run(["batch", Example.batch, "--major", "530605", "--province", "江苏", "--date", "2025-04-30", "--lang", "en"])
        #expect(batch.out == batchFile.out)
        #expect(batch.out.split(separator: "\n").count == 21, "a header and 20 candidates")
    }

    /// A misspelt header gets the column it most likely means, with its column number.
    @Test func misspeltHeaderGetsDidYouMean() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("header-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.csv")
        try Data("课程代码,课程名称,成续\n03708,中国近现代史纲要,72\n".utf8).write(to: file)
        let zh = try CLI.run(["check", file.path, "--major", "120402", "--province", "江苏", "--lang", "zh"])
        #expect(zh.exitCode == 2)
        #expect(zh.err.contains("\(file.path):1:3: 错误: 缺少必需的列“成绩”；第 3 列“成续”是不是“成绩”？请改正表头"))
        try Data("code,name,scroe,note\n03708,中国近现代史纲要,72,x\n".utf8).write(to: file)
        let en = try CLI.run(["check", file.path, "--major", "120402", "--province", "江苏", "--lang", "en"])
        #expect(en.err.contains("\(file.path):1:3: error: missing the required column '成绩' ('score'); column 3 is 'scroe' — did you mean 'score'? Correct the header"))
        try Data("课程代码,成绩,性另\n03708,72,男\n".utf8).write(to: file)
        let warning = try CLI.run(["check", file.path, "--major", "120402", "--province", "江苏", "--lang", "zh"])
        #expect(warning.err.contains("\(file.path):1:3: 警告: 未知的列“性另”，已忽略；是不是“性别”？"))
    }
}
