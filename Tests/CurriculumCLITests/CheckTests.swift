import Foundation
import Testing

/// `curriculum check` and `explain` on the example transcripts, in every supported format and encoding.
///
/// Expected files checked by hand against the plan YAML (curricula/jiangsu/…) and curricula/catalog/courses.yaml:
///
/// - check-120402-zhangsan-{zh,en,json} (JS-2024-120402, 71 credits / 14 courses): 13 of 14 courses passed;
///   13000 counts with 61 (the 58 attempt is listed as "a better attempt counts"); `7816` is repaired to 07816
///   with a warning on stderr (row 7, column 5 = 课程代码); missing 03954 现代公文写作 5 + thesis 10197 0 →
///   "2 courses, 5 credits", totals 66/71, 13/14; verdict not eligible, exit 1. The prior diploma (专科, verified,
///   registry data equal to the candidate's) comes from the second file and raises no reason. ID masked
///   1101**********002X. The JSON has the same verdict, missing items 03954 (5) and 10197 (0), plan JS-2024-120402.
/// - check-530605-lisi-gb18030-zh (JS-2024-530605, 70 credits / 15 courses): GB18030 file with Chinese headers;
///   00020→13125, 00009→13886 and 00181→13142 through the plan's from-2021 mapping (3 applied entries); `41`
///   repaired to 00041 (row 11, column 5); 13124 55 listed unused; 2+4+7+2+2+6+5+5+5+5+3+4+4+5+5+6 = 70,
///   15/15 courses (00018+00019 count as one); eligible, exit 0. The English-header file gives the same stdout.
/// - check-590206-wangwu-bom-en (JS-2024-590206, 77 credits / 15 courses): UTF-8 with BOM and CRLF; 03707 + 00003
///   (two of 序号1–5 of js-zhuanke-politics) satisfy 03706 and 12656; 00043 + 00182 (two of three) satisfy 00163
///   and 14355 (from-2021); 00288 failed with 59 → missing 00288 社会调查方法 6 credits, totals 71/77, 14/15;
///   not eligible, exit 1. The quoted name with doubled quotes ("三个代表") is read intact.
/// - check-030101K-zhaoliu-yaml-en (JS-2024-030101K, 74 credits / 16 courses): six 2021 courses mapped
///   (00015→13000, 00169→14081, 00246→13702, 00258→14392, 00262→00220, 05680→00229), the rest direct, thesis
///   14850 良好; 00247 48 unused; 74/74, 16/16; prior diploma 专科 verified with matching registry data; eligible, exit 0.
/// - check-030101K-qianqi-json-{zh,json}: all 2024 courses except 13144, which is satisfied by 00259 on a
///   旧计划课程合格证 (mapping from-2021) → one review item "00259 (13144) old-plan certificate", reason
///   manual-review, verdict eligible pending review, exit 3; 74/74, 16/16.
/// - check-630701-former-code: the former code 630701 resolves to 山西 530605 (SX-SEED-530605, 18 codes, no stated
///   totals); 李四 passed 12 of its codes directly (03706, 12656, 00018, 00019, 00020, 00009, 00041, 00058, 00043,
///   00181, 00177, 00178: 51 credits, 11 courses with 00018+00019 as one) → missing 00065 6, 00144 5, 00153 4,
///   00179 4, 00182 4, 04729 4 = 6 courses, 27 credits (78 − 51; Shanxi has no 2021→2024 mapping); 13124, 13126,
///   14469, 11178 listed as "not a course of this plan"; not eligible, exit 1.
/// - explain-590206-wangwu-bom-zh: the check output plus 判定过程 with one line per requirement and the totals line.
@Suite("check and explain")
struct CheckTests {
    @Test func zhangSanChinese() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--candidate", Example.zhangSanCandidate, "--major", "120402"] + jiangsu + ["--lang", "zh"])
        CLI.expect(output, matches: "check-120402-zhangsan-zh")
        #expect(output.exitCode == 1)
    }

    @Test func zhangSanEnglish() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--candidate", Example.zhangSanCandidate, "--major", "120402"] + jiangsu + ["--lang", "en"])
        CLI.expect(output, matches: "check-120402-zhangsan-en")
        #expect(output.exitCode == 1)
    }

    @Test func zhangSanJSON() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--candidate", Example.zhangSanCandidate, "--major", "120402"] + jiangsu + ["--format", "json"])
        CLI.expect(output, matches: "check-120402-zhangsan-json", stdout: .json)
        let audit = try #require(CLI.parseJSON(output.out) as? [String: Any])
        #expect(audit["verdict"] as? String == "not-eligible")
        #expect(audit["schemaVersion"] as? Int == 1)
        let missing = try #require(audit["missing"] as? [String: Any])
        #expect(missing["credits"] as? Int == 5 && missing["courses"] as? Int == 1, "03954; the thesis 10197 is its own condition")
    }

    /// The language follows the locale when --lang is not given.
    @Test func languageFromLocale() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--candidate", Example.zhangSanCandidate, "--major", "120402"] + jiangsu,
                                 environment: ["LANG": "zh_CN.UTF-8"])
        if !CLI.updating, let chinese = CLI.expected("check-120402-zhangsan-zh.stdout") {
            #expect(output.out == chinese)
        }
        #expect(output.exitCode == 1)
    }

    /// Chinese is the default: C, C.UTF-8, POSIX (what containers and CI set) and no locale give the Chinese report;
    /// only an English locale (or --lang en) gives English.
    @Test(arguments: [("C.UTF-8", true), ("C", true), ("POSIX", true), ("", true), ("zh_CN.UTF-8", true),
                      ("en_US.UTF-8", false), ("en_GB", false), ("en", false)])
    func chineseUnlessTheLocaleIsEnglish(locale: String, chinese: Bool) throws {
        let output = try CLI.run(["check", Example.zhangSan, "--candidate", Example.zhangSanCandidate, "--major", "120402"] + jiangsu,
                                 environment: ["LANG": locale])
        #expect(output.out.hasPrefix("考生：张三") == chinese, "LANG=\(locale)")
        #expect(output.out.hasPrefix("Candidate: 张三") == !chinese, "LANG=\(locale)")
        let forced = try CLI.run(["check", Example.zhangSan, "--candidate", Example.zhangSanCandidate, "--major", "120402", "--lang", "en"] + jiangsu,
                                 environment: ["LANG": locale])
        #expect(forced.out.hasPrefix("Candidate: 张三"))
    }

    @Test func gb18030ChineseHeaders() throws {
        let bytes = try Example.bytes(Example.liSiGB18030)
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the example must really be GB18030, not UTF-8")
        let output = try CLI.run(["check", Example.liSiGB18030, "--major", "530605"] + jiangsu + ["--lang", "zh"])
        CLI.expect(output, matches: "check-530605-lisi-gb18030-zh")
        #expect(output.exitCode == 0)
        #expect(output.out.contains("考生：李四"))
        #expect(output.out.contains("身份证号 3201**********0314"))
    }

    @Test func gb18030EnglishHeadersGiveTheSameAudit() throws {
        let chinese = try CLI.run(["check", Example.liSiGB18030, "--major", "530605"] + jiangsu + ["--lang", "zh"])
        let english = try CLI.run(["check", Example.liSiGB18030English, "--major", "530605"] + jiangsu + ["--lang", "zh"])
        #expect(english.out == chinese.out)
        #expect(english.exitCode == 0)
        // The same repair warning, naming the file's own header.
        #expect(english.err == "Examples/530605-李四-gb18030-english-headers.csv:11:5: 警告: 课程代码“41”丢失了前导零，已按“00041”处理（Excel 常把代码当数字保存，请把该列设为文本）（Course Code列）\n")
    }

    @Test func lostLeadingZerosAreRepairedWithAWarning() throws {
        let output = try CLI.run(["check", Example.liSiGB18030, "--major", "530605"] + jiangsu + ["--lang", "en"])
        #expect(output.err == "Examples/530605-李四-gb18030.csv:11:5: warning: course code '41' lost its leading zeros; read as '00041' (Excel stores codes as numbers — format the column as text) (column 课程代码)\n")
        #expect(output.out.contains("✓ 00041 基础会计学  5/5  score 68"))
        #expect(output.exitCode == 0, "a repair is a warning, not an input error")
    }

    @Test func utf8WithBOM() throws {
        let bytes = try Example.bytes(Example.wangWuBOM)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let output = try CLI.run(["check", Example.wangWuBOM, "--major", "590206"] + jiangsu + ["--lang", "en"])
        CLI.expect(output, matches: "check-590206-wangwu-bom-en")
        #expect(output.exitCode == 1)
        #expect(output.out.contains("Candidate: 王五 (ID 3205**********024X"), "the BOM must not end up in the first header")
    }

    @Test func yamlTranscriptWithCandidateAndMappedOldCourses() throws {
        let output = try CLI.run(["check", Example.zhaoLiuYAML, "--major", "030101K"] + jiangsu + ["--lang", "en"])
        CLI.expect(output, matches: "check-030101K-zhaoliu-yaml-en")
        #expect(output.exitCode == 0)
    }

    @Test func jsonTranscriptWithOldPlanCertificateNeedsReview() throws {
        let output = try CLI.run(["check", Example.qianQiJSON, "--major", "030101K"] + jiangsu + ["--lang", "zh"])
        CLI.expect(output, matches: "check-030101K-qianqi-json-zh")
        #expect(output.exitCode == 3)
    }

    @Test func jsonTranscriptAuditJSON() throws {
        let output = try CLI.run(["check", Example.qianQiJSON, "--major", "030101K"] + jiangsu + ["--format", "json"])
        CLI.expect(output, matches: "check-030101K-qianqi-json-json", stdout: .json)
        let audit = try #require(CLI.parseJSON(output.out) as? [String: Any])
        #expect(audit["verdict"] as? String == "eligible-pending-review")
        let review = try #require(audit["review"] as? [[String: Any]])
        #expect(review.map { "\($0["code"] ?? "") \($0["requirement"] ?? "") \($0["evidence"] ?? "")" } == ["00259 13144 old-plan-certificate"])
        #expect(!output.out.contains("32100219900101026X"), "the audit JSON carries no ID number")
        #expect(output.exitCode == 3)
    }

    /// A transcript without candidate data plus `--candidate` (a 专科 candidate, tab-separated export).
    @Test func candidateInASecondFile() throws {
        let output = try CLI.run(["check", Example.coursesOnly, "--candidate", "Examples/周九-candidate.yaml", "--major", "530605"] + jiangsu + ["--lang", "en"])
        #expect(output.exitCode == 0)
        #expect(output.out.hasPrefix("Candidate: 周九 (ID 3201**********1014, admission no. 030122100201)\n"))
        #expect(output.out.contains("Verdict: ✓ eligible"))
        #expect(output.out.contains("Totals: credits 70/70, courses 15/15"))
        #expect(output.err.isEmpty)
    }

    @Test func formerMajorCode() throws {
        let output = try CLI.run(["check", Example.liSiGB18030, "--major", "630701", "--date", "2025-04-30", "--lang", "en"])
        CLI.expect(output, matches: "check-630701-former-code")
        #expect(output.exitCode == 1)
    }

    @Test func explainAddsTheTrace() throws {
        let output = try CLI.run(["explain", Example.wangWuBOM, "--major", "590206"] + jiangsu + ["--lang", "zh"])
        CLI.expect(output, matches: "explain-590206-wangwu-bom-zh")
        #expect(output.exitCode == 1)
        #expect(output.out.contains("\n判定过程：\n"))
        let check = try CLI.run(["check", Example.wangWuBOM, "--major", "590206"] + jiangsu + ["--lang", "zh"])
        #expect(output.out.hasPrefix(check.out), "explain prints the check output first, then the trace")
    }

    // MARK: ID numbers

    @Test(arguments: [
        (Example.liSiGB18030, "530605", "320102199803150314", "3201**********0314"),
        (Example.qianQiJSON, "030101K", "32100219900101026X", "3210**********026X"),
        (Example.zhaoLiuYAML, "030101K", "320106199309090155", "3201**********0155"),
    ])
    func idNumbersAreMaskedByDefault(file: String, major: String, full: String, masked: String) throws {
        for language in ["zh", "en"] {
            let output = try CLI.run(["check", file, "--major", major] + jiangsu + ["--lang", language])
            #expect(output.out.contains(masked))
            #expect(!output.out.contains(full))
            #expect(!output.err.contains(full))
        }
    }

    // MARK: exit codes

    @Test(arguments: [
        (["check", Example.liSiGB18030, "--major", "530605"], Int32(0)),           // eligible
        (["check", Example.wangWuBOM, "--major", "590206"], Int32(1)),             // not eligible
        (["check", Example.sunBaBroken, "--major", "120402"], Int32(2)),           // input error
        (["check", Example.qianQiJSON, "--major", "030101K"], Int32(3)),           // pending review
        (["explain", Example.qianQiJSON, "--major", "030101K"], Int32(3)),
        (["check", Example.zhaoLiuYAML, "--major", "030101K", "--format", "json"], Int32(0)),
    ])
    func exitCodes(arguments: [String], code: Int32) throws {
        let output = try CLI.run(arguments + jiangsu)
        #expect(output.exitCode == code, "\(arguments.joined(separator: " ")): \(output.err)")
    }
}
