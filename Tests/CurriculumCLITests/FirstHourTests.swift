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
        let past = try CLI.run(Self.readme + ["--lang", "zh"])
        #expect(!past.err.contains("警告"), "the README's dates are all in the past")
    }
}
