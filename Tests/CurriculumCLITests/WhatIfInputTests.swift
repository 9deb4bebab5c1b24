import Foundation
import Testing

/// `whatif` never ignores a transcript's `choices` and `decisions` without a word: choices apply where the plan has
/// them and the ranked majors they did not apply to are named; decisions are not applied, with a warning.
@Suite("whatif with choices and decisions")
struct WhatIfInputTests {
    static let curriculum = ChoiceInputTests.curriculum + """
          - code: "120403"
            name: 其他专业
            level: 专科
            institutions: [测试大学]
            plans:
              - id: Q
                version: "1"
                sources: [SRC]
                requirements:
                  - "10001"
                  - "10002"

        """

    static let transcript = """
        records:
          - {code: "10001", score: 70, date: 2023-04-15}
        decisions:
          - {waive: "10002", reason: 经审核同意免除}
        choices:
          language-track: with-fl

        """

    private func whatif(lang: String) throws -> (CLI.Output, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("curricula"), withIntermediateDirectories: true)
        try Data(Self.curriculum.utf8).write(to: directory.appendingPathComponent("curricula/t.yaml"))
        let file = directory.appendingPathComponent("t.yaml").path
        try Data(Self.transcript.utf8).write(to: URL(fileURLWithPath: file))
        let output = try CLI.run(["whatif", file, "--curricula", directory.appendingPathComponent("curricula").path,
                                  "--date", "2025-04-30", "--lang", lang])
        return (output, file)
    }

    @Test func choicesAndDecisionsAreNeverIgnoredSilently() throws {
        let (english, file) = try whatif(lang: "en")
        #expect(english.exitCode == 0)
        #expect(english.err.contains("\(file):6:3: warning: choices: language-track: with-fl was not applied to these 1 ranked major "
                                     + "(their plans have no such alternatives requirement or option); they are ranked by their best option: 江苏 120403 其他专业"))
        #expect(english.err.contains("\(file):4:5: warning: decisions: the 1 county office decision was made for one major's plan and is not applied to the ranking"))
        // The choice is applied to 120402: 00015 (14 credits) is what remains there; the waiver is not applied to 120403.
        #expect(english.out.contains("江苏 120402"))
        #expect(english.out.contains("1 course, 14 credits"))
        #expect(english.out.contains("1 course, 2 credits"))
        let (chinese, _) = try whatif(lang: "zh")
        #expect(chinese.err.contains("警告: choices：language-track: with-fl 未用于下列 1 个排名专业"))
        #expect(chinese.err.contains("decisions：县（市、区）自考部门的 1 项决定是针对某一专业考试计划作出的，排名时未采用"))
    }
}
