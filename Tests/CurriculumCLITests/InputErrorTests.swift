import Foundation
import Testing

/// Broken transcripts and usage errors: every one exits with 2 and says what is wrong.
///
/// Expected files checked by hand:
/// - check-120402-sunba-broken-en: stderr names the file, row and column of each problem in the order of the
///   file — the unknown column 备注 (1:10, warning), the score `7O` (3:7 成绩), the code `1300A` (4:5 课程代码), the
///   short row 5, the date 2023-02-30 (6:8 合格时间), the unterminated quote that starts on row 8 — then the
///   closing note; exit 2. stdout is the audit of what could be read: 03708 (row 2) and 10999 (row 7); row 6
///   (bad date) is rejected like the others → 8/71 credits, 2/14 courses; no prior diploma (blocking reason),
///   13 courses / 63 credits missing (4+4+7+6+5+6+5+5+6+5+5+5+0).
/// - usage-*: one `Error:` line (or the did-you-mean / several-majors text) and the usage hint, exit 2, no stdout.
@Suite("bad input and usage errors")
struct InputErrorTests {
    @Test func brokenCSVReportsEveryProblemWithItsPlace() throws {
        let output = try CLI.run(["check", Example.sunBaBroken, "--major", "120402", "--plan", "JS-2024-120402"] + jiangsu + ["--lang", "en"])
        CLI.expect(output, matches: "check-120402-sunba-broken-en")
        #expect(output.exitCode == 2)
        let file = Example.sunBaBroken
        for place in ["\(file):1:10: warning: unknown column '备注'",
                      "\(file):3:7: error: invalid score '7O'",
                      "\(file):4:5: error: invalid course code '1300A'",
                      "\(file):5:7: error: the row has 6 fields, the header 10; data is missing from this column on",
                      "\(file):6:8: error: invalid date '2023-02-30'",
                      "\(file):8:6: error: unterminated quote"] {
            #expect(output.err.contains(place), "stderr lacks \(place)")
        }
        // Nothing silently dropped: rows 3, 4, 5, 6 and 8 are not in the audit, and each is reported above.
        #expect(!output.out.contains("score 65"))
        #expect(output.out.contains("✓ 03708 中国近现代史纲要  2/2  score 72"))
        #expect(output.out.contains("✓ 10999 公共政策分析  6/6  score 69"))
        #expect(output.out.contains("✗ 04863 社区治理  0/5"))
    }

    @Test func brokenCSVInChinese() throws {
        let output = try CLI.run(["check", Example.sunBaBroken, "--major", "120402", "--plan", "JS-2024-120402"] + jiangsu + ["--lang", "zh"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("Examples/120402-孙八-broken.csv:3:7: 错误: 成绩“7O”无效：应为 0–100 的整数，或 优秀/良好/中等/合格/不合格（成绩列）"))
        #expect(output.err.hasSuffix("成绩文件中有无法读取的行（见上），审核结果未包含这些行\n"))
    }

    /// Broken JSON still gets the audit JSON on stdout, and exit 2.
    @Test func brokenCSVWithJSONOutput() throws {
        let output = try CLI.run(["check", Example.sunBaBroken, "--major", "120402", "--plan", "JS-2024-120402"] + jiangsu + ["--format", "json"])
        #expect(output.exitCode == 2)
        let audit = try #require(CLI.parseJSON(output.out) as? [String: Any])
        #expect(audit["verdict"] as? String == "not-eligible")
        #expect(output.err.contains(":3:7: error: invalid score '7O'"))
    }

    @Test func missingTranscriptFile() throws {
        let output = try CLI.run(["check", "Examples/no-such-file.csv", "--major", "120402"] + jiangsu)
        CLI.expect(output, matches: "usage-missing-transcript")
        #expect(output.exitCode == 2)
        #expect(output.err.hasPrefix("Examples/no-such-file.csv:1: error: file not found\n"))
        #expect(output.out.isEmpty)
    }

    @Test func missingTranscriptFileInChinese() throws {
        let output = try CLI.run(["check", "Examples/no-such-file.yaml", "--major", "120402"] + jiangsu + ["--lang", "zh"])
        #expect(output.exitCode == 2)
        #expect(output.err.hasPrefix("Examples/no-such-file.yaml:1: 错误: 找不到文件\n"))
    }

    @Test func directoryAsTranscript() throws {
        let output = try CLI.run(["check", "Examples", "--major", "120402"] + jiangsu)
        CLI.expect(output, matches: "usage-directory-transcript")
        #expect(output.exitCode == 2)
        #expect(output.err.hasPrefix("Examples:1: error: this is a directory, not a transcript file\n"))
    }

    @Test func missingCandidateFile() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--candidate", "Examples/nobody.yaml", "--major", "120402"] + jiangsu)
        #expect(output.exitCode == 2)
        #expect(output.err.contains("Examples/nobody.yaml:1: error: file not found"))
    }

    @Test func unknownMajorSuggestsTheClosest() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--major", "120420"] + jiangsu)
        CLI.expect(output, matches: "usage-unknown-major")
        #expect(output.exitCode == 2)
        #expect(output.err == "error: no major 120420 (江苏); did you mean 120402?\n", "said plainly, without usage text")
        #expect(output.out.isEmpty)
    }

    @Test func unknownMajorInChinese() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--major", "120420", "--date", "2025-04-30", "--lang", "zh"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("没有专业 120420；是不是 120402？"))
    }

    @Test func ambiguousMajorCodeAcrossProvinces() throws {
        let output = try CLI.run(["check", Example.liSiGB18030, "--major", "530605", "--date", "2025-04-30"])
        CLI.expect(output, matches: "usage-ambiguous-major")
        #expect(output.exitCode == 2)
        #expect(output.err.contains("major code 530605 matches several majors; add --province or --institution:"))
        #expect(output.err.contains("  山西 530605 市场营销 (山西财经大学)"))
        #expect(output.err.contains("  江苏 530605 市场营销 (南京财经大学)"))
    }

    @Test func institutionDisambiguates() throws {
        let output = try CLI.run(["check", Example.liSiGB18030, "--major", "530605", "--institution", "南京财经大学", "--date", "2025-04-30", "--lang", "en"])
        #expect(output.exitCode == 0)
        #expect(output.out.contains("Major: 530605 市场营销 (专科, 江苏)  institution: 南京财经大学"))
    }

    @Test func noPlanInForceOnTheDate() throws {
        // Shanxi's 530605 plan is in force from 2021-11-30 (the seed's date); nothing is in force before it.
        let output = try CLI.run(["check", Example.liSiGB18030, "--major", "530605", "--province", "山西", "--date", "2021-01-01", "--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.hasSuffix("error: major 530605 has no plan in force on 2021-01-01 (plans: SX-SEED-530605)\n"))
        #expect(output.out.isEmpty)
    }

    @Test func namedPlanOutsideItsPeriodIsRefused() throws {
        // JS-2021-030101K ends on 2026-06-30 (transition window); it cannot be audited for a later application.
        let output = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "030101K", "--plan", "JS-2021-030101K", "--province", "江苏",
                                  "--date", "2026-07-01", "--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err == "error: plan JS-2021-030101K is not in force on the application date 2026-07-01 (in force … – 2026-06-30); nobody can graduate under it on that date\n")
        #expect(output.out.isEmpty)
    }

    @Test func olderPlanByID() throws {
        let output = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "030101K", "--plan", "JS-2021-030101K"] + jiangsu + ["--lang", "en"])
        // Under the 2021 plan the 2024 courses 13969, 13749, 13144 and 14850 count for 00167, 00228, 00259 and 55472
        // (简编 一.4: 按原计划申请毕业的，表格右侧中已通过的新课程可替代同一行左侧的原课程): eligible, 66 credits.
        #expect(output.exitCode == 0)
        #expect(output.out.contains("Plan: JS-2021-030101K"))
        #expect(output.out.contains("13969 劳动和社会保障法"))
        #expect(output.out.contains("Totals: credits 66/66"))
    }

    @Test(arguments: ["2025-13-01", "2025-02-30", "01/06/2025", "tomorrow"])
    func badDate(date: String) throws {
        let output = try CLI.run(["check", Example.wangWuBOM, "--major", "590206", "--province", "江苏", "--date", date])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("--date must be YYYY-MM-DD, got \(date)"))
        #expect(output.out.isEmpty)
    }

    @Test func badDateExpected() throws {
        let output = try CLI.run(["check", Example.wangWuBOM, "--major", "590206", "--province", "江苏", "--date", "2025-13-01"])
        CLI.expect(output, matches: "usage-bad-date")
    }

    @Test(arguments: [["majors"], ["whatif", Example.wangWuBOM], ["batch", Example.batch, "--major", "530605", "--province", "江苏"]])
    func badDateInOtherCommands(arguments: [String]) throws {
        let output = try CLI.run(arguments + ["--date", "2025-13-01"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("--date must be YYYY-MM-DD"))
        #expect(output.out.isEmpty || arguments[0] == "batch")
    }

    @Test func unknownOption() throws {
        let output = try CLI.run(["check", Example.wangWuBOM, "--major", "590206", "--provnce", "江苏"])
        #expect(output.exitCode == 2, "usage errors exit with 2, not argument-parser's 64")
        #expect(output.err.contains("Unknown option '--provnce'"))
    }

    @Test func missingMajorOption() throws {
        let output = try CLI.run(["check", Example.wangWuBOM])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("--major"))
    }

    @Test func severalCandidatesNeedAdmission() throws {
        let output = try CLI.run(["check", Example.batch, "--major", "530605"] + jiangsu)
        #expect(output.exitCode == 2)
        #expect(output.err.contains("the transcript holds 20 candidates (030122100201, 030122100202"))
        #expect(output.err.contains("pick one with --admission, or use curriculum batch"))
        #expect(output.out.isEmpty)
    }

    @Test func unknownAdmissionNumber() throws {
        let output = try CLI.run(["check", Example.batch, "--admission", "999999999999", "--major", "530605"] + jiangsu)
        #expect(output.exitCode == 2)
        #expect(output.err.contains("no candidate with admission number 999999999999 in the transcript"))
    }

    @Test func requiredColumnMissing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("no-score.csv")
        try Data("准考证号,课程代码,课程名称\n010123456789,03708,中国近现代史纲要\n".utf8).write(to: file)
        let output = try CLI.run(["check", file.path, "--major", "120402"] + jiangsu)
        #expect(output.exitCode == 2)
        #expect(output.err.contains("\(file.path):1: error: missing the required column '成绩' (or '分数'); the header is: 准考证号,课程代码,课程名称"))
    }

    @Test func emptyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("empty.csv")
        try Data().write(to: file)
        let output = try CLI.run(["check", file.path, "--major", "120402"] + jiangsu)
        #expect(output.exitCode == 2)
        #expect(output.err.contains("\(file.path):1: error: the file is empty"))
    }

    @Test func brokenYAMLTranscript() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.yaml")
        try Data("""
            records:
              - {code: "03708", score: 72, date: 2023-04-15}
              - {code: "13000", scor: 61}
              - {code: "14660", score: 101}
              - {code: "07816", score: 80, date: 2023-13-01}
              - {code: "10999", score: 69, evidence: 纸质}

            """.utf8).write(to: file)
        let output = try CLI.run(["check", file.path, "--major", "120402"] + jiangsu)
        #expect(output.exitCode == 2)
        for place in [":3:21: error: unknown key 'scor' in record; did you mean 'score'?",
                      ":3:5: error: a record needs 'code' and 'score'",
                      ":4:28: error: invalid score '101'",
                      ":5:38: error: invalid date '2023-13-01'",
                      ":6:42: error: invalid evidence '纸质'"] {
            #expect(output.err.contains(file.path + place), "stderr lacks \(place):\n\(output.err)")
        }
    }
}
