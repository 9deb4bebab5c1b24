import Foundation
import Testing

/// `--major OLD` where OLD is a former code of a current major and the old major is still listed in the same
/// province: the current major is audited, with a note, instead of "several majors".
@Suite("--major with a former code")
struct FormerCodeTests {
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
          - {code: "10002", name: 课程2, credits: 2}
        majors:
          - code: "630701"
            name: 市场营销（旧）
            level: 专科
            institutions: [测试大学]
            status: stopped
            stopped-since: 2024-01-01
            plans:
              - id: OLD
                version: "1"
                sources: [SRC]
                requirements: ["10001"]
          - code: "530605"
            name: 市场营销
            level: 专科
            institutions: [测试大学]
            former-codes: ["630701"]
            plans:
              - id: NEW
                version: "1"
                sources: [SRC]
                requirements: ["10001", "10002"]

        """

    private func check(_ extra: [String], lang: String) throws -> CLI.Output {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("curricula"), withIntermediateDirectories: true)
        try Data(Self.curriculum.utf8).write(to: directory.appendingPathComponent("curricula/t.yaml"))
        let file = directory.appendingPathComponent("t.yaml")
        try Data("records:\n  - {code: \"10001\", score: 70, date: 2023-04-15}\n".utf8).write(to: file)
        return try CLI.run(["check", file.path, "--major", "630701", "--curricula", directory.appendingPathComponent("curricula").path]
                           + jiangsu + extra + ["--lang", lang])
    }

    @Test func formerCodePrefersTheCurrentMajor() throws {
        let english = try check([], lang: "en")
        #expect(!english.err.contains("several majors"))
        #expect(english.err.contains("note: 630701 is a former code of 530605 市场营销 (江苏); the current major 530605 is audited. "
                                     + "The old major 630701 市场营销（旧） is still listed; to audit the old major, name its plan with --plan (OLD)"))
        #expect(english.exitCode == 1, "under NEW, 10002 is missing")
        #expect(english.out.contains("10002"))
        let chinese = try check([], lang: "zh")
        #expect(chinese.err.contains("提示：630701 是 530605 市场营销（江苏）的旧专业代码，按现专业 530605 审核"))
    }

    @Test func planOfTheOldMajorSelectsIt() throws {
        let output = try check(["--plan", "OLD"], lang: "en")
        #expect(!output.err.contains("several majors"))
        #expect(output.exitCode == 0)
    }
}
