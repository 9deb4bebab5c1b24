import Foundation
import Testing

/// A declared choice (`choices:`) the plan cannot apply is an input error at its line:column with the options that
/// exist, in Chinese and English; the audit runs without it and the exit code is 2.
@Suite("declared choices on the command line")
struct ChoiceInputTests {
    static let curriculum = """
        province: 江苏
        provinces:
          - name: 江苏
        sources:
          - id: SRC
            document: 测试来源
        institutions:
          - name: 测试大学
        courses:
          - {code: "10001", name: 课程1, credits: 1}
          - {code: "00015", name: 英语(二), credits: 14}
          - {code: "10002", name: 课程2, credits: 2}
          - {code: "10003", name: 课程3, credits: 3}
        majors:
          - code: "120402"
            name: 行政管理
            level: 专科
            institutions: [测试大学]
            plans:
              - id: P
                version: "1"
                sources: [SRC]
                requirements:
                  - "10001"
                  - id: language-track
                    alternatives:
                      - {id: with-fl, when: 考外语者, all-of: ["00015"]}
                      - {id: without-fl, when: 不考外语者, all-of: ["10002", "10003"]}

        """

    /// A scratch directory with `curricula/t.yaml` and the given files; removed by the caller.
    private func scratch(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("curricula"), withIntermediateDirectories: true)
        try Data(Self.curriculum.utf8).write(to: directory.appendingPathComponent("curricula/t.yaml"))
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    private func check(_ directory: URL, _ file: String, _ extra: [String] = [], lang: String) throws -> CLI.Output {
        try CLI.run(["check", directory.appendingPathComponent(file).path, "--major", "120402", "--curricula",
                     directory.appendingPathComponent("curricula").path] + jiangsu + extra + ["--lang", lang])
    }

    static let transcript = """
        records:
          - {code: "10001", score: 70, date: 2023-04-15}
        choices:
          language-track: without-f1

        """

    @Test func unknownOptionIsAnInputErrorWithItsPlace() throws {
        let directory = try scratch(["t.yaml": Self.transcript])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.yaml").path
        let english = try check(directory, "t.yaml", lang: "en")
        #expect(english.exitCode == 2)
        #expect(english.err.contains("\(file):4:19: error: choices: 'without-f1' is not an option of language-track (plan P); did you mean 'without-fl'? "
                                     + "options: with-fl (考外语者), without-fl (不考外语者); write the option's id, or remove the entry to let the audit compare every option"))
        #expect(english.err.hasSuffix("some declared choices could not be used (see above); the audit compared every option instead\n"))
        // The audit still runs, comparing both options (without-fl is cheaper: 5 credits against 14).
        #expect(english.out.contains("· 考外语者 (not chosen)"), "an option without a title is named by its when")

        let chinese = try check(directory, "t.yaml", lang: "zh")
        #expect(chinese.exitCode == 2)
        #expect(chinese.err.contains("\(file):4:19: 错误: choices：“without-f1”不是选择项 language-track 的选项（考试计划 P）；是不是 without-fl？"
                                     + "可选：with-fl（考外语者）、without-fl（不考外语者）"))

        let json = try check(directory, "t.yaml", ["--format", "json"], lang: "en")
        #expect(json.exitCode == 2)
        #expect(json.err.contains("\(file):4:19: error: choices:"))
    }

    @Test func unknownRequirementIsReportedAtItsKey() throws {
        let directory = try scratch(["t.yaml": Self.transcript.replacingOccurrences(of: "language-track: without-f1", with: "language-trak: without-fl")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try check(directory, "t.yaml", lang: "en")
        #expect(output.exitCode == 2)
        #expect(output.err.contains("t.yaml:4:3: error: choices: 'language-trak' is not an alternatives requirement of plan P; did you mean 'language-track'?"))
    }

    @Test func validChoiceIsUsed() throws {
        let directory = try scratch(["t.yaml": Self.transcript.replacingOccurrences(of: "without-f1", with: "with-fl")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try check(directory, "t.yaml", lang: "en")
        #expect(output.exitCode == 1)
        #expect(!output.err.contains("error"))
        #expect(output.out.contains("· 不考外语者 (not chosen)"))
    }

    @Test func candidateFileChoicesAreCheckedAndNeverDropped() throws {
        let candidate = """
            candidate: {name: 张三, id-number: "11010519491231002X", gender: 女}
            choices:
              language-track: with-fl
            records:
              - {code: "10002", score: 70}

            """
        let transcript = Self.transcript.replacingOccurrences(of: "without-f1", with: "without-fl")
        let directory = try scratch(["t.yaml": transcript, "c.yaml": candidate])
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try check(directory, "t.yaml", ["--candidate", directory.appendingPathComponent("c.yaml").path], lang: "en")
        #expect(output.exitCode == 2)
        #expect(output.err.contains("c.yaml:3:19: error: choices: language-track is without-fl in the transcript but with-fl in the candidate file"))
        #expect(output.err.contains("c.yaml:1: error: the candidate file's 'records' and 'decisions' are not read"))
    }
}
