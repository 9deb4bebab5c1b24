import Foundation
import Testing

/// A county-office decision naming a requirement the plan does not have is an input error at its line:column with
/// the ids that exist (zh/en); the audit runs without it and the exit code is 2. An accept of a course never passed
/// is said to have no effect.
@Suite("office decisions on the command line")
struct DecisionInputTests {
    private func scratch(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("curricula"), withIntermediateDirectories: true)
        try Data(ChoiceInputTests.curriculum.utf8).write(to: directory.appendingPathComponent("curricula/t.yaml"))
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    private func run(_ command: String, _ directory: URL, _ file: String, _ extra: [String] = [], lang: String) throws -> CLI.Output {
        try CLI.run([command, directory.appendingPathComponent(file).path, "--major", "120402", "--curricula",
                     directory.appendingPathComponent("curricula").path] + jiangsu + extra + ["--lang", lang])
    }

    static let transcript = """
        records:
          - {code: "10001", score: 70, date: 2023-04-15}
        decisions:
          - {waive: language-trak, reason: 经审核同意免除}

        """

    @Test func unknownRequirementIsAnInputErrorWithItsPlace() throws {
        let directory = try scratch(["t.yaml": Self.transcript])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.yaml").path
        for command in ["check", "explain"] {
            let english = try run(command, directory, "t.yaml", lang: "en")
            #expect(english.exitCode == 2)
            #expect(english.err.contains("\(file):4:13: error: decisions: the county office decision (waive: language-trak) names requirement 'language-trak', "
                                         + "which is not a requirement of plan P, so it cannot be applied; did you mean 'language-track'? the plan's requirement ids: "))
            #expect(english.err.hasSuffix("some county office decisions could not be applied (see above); the audit does not include them\n"))
            // The audit runs without the decision: language-track is not waived.
            #expect(!english.out.contains("waived"))
        }
        let chinese = try run("check", directory, "t.yaml", lang: "zh")
        #expect(chinese.exitCode == 2)
        #expect(chinese.err.contains("\(file):4:13: 错误: decisions：县（市、区）自考部门的决定（waive: language-trak）中的要求编号 language-trak 不是考试计划 P 中的要求，此决定无法采用；是不是 language-track？"))
        let json = try run("check", directory, "t.yaml", ["--format", "json"], lang: "en")
        #expect(json.exitCode == 2)
        #expect(json.err.contains("\(file):4:13: error: decisions:"))
    }

    @Test func knownDecisionIsApplied() throws {
        let directory = try scratch(["t.yaml": Self.transcript.replacingOccurrences(of: "language-trak", with: "language-track")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try run("check", directory, "t.yaml", lang: "en")
        #expect(output.exitCode == 0)
        #expect(!output.err.contains("error"))
    }

    @Test func acceptOfACourseNeverPassedIsShown() throws {
        let transcript = Self.transcript.replacingOccurrences(of: "{waive: language-trak, reason: 经审核同意免除}",
                                                              with: "{accept: \"00263\", for: language-track, reason: 同类课程}")
        let directory = try scratch(["t.yaml": transcript])
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try run("check", directory, "t.yaml", lang: "en")
        #expect(output.exitCode == 1)
        #expect(output.out.contains("decision accepts 00263 for language-track, but the transcript has no passed 00263 (by the application date) — the decision has no effect"))
    }
}
