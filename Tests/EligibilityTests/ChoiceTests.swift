import Foundation
import Testing
import Eligibility

/// Declared choices (`choices:` for `alternatives` requirements) are never ignored: an unknown requirement or option
/// is an error that says what exists, and the reader records where each choice is written.
@Suite("Declared choices")
struct ChoiceTests {
    static let graph = Support.graph(Support.header + """
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
                  - {id: pick, one-of: ["10001", "10002"]}
                  - id: language-track
                    alternatives:
                      - {id: with-fl, when: 考外语者, all-of: ["00015"]}
                      - {id: without-fl, when: 不考外语者, all-of: ["10003"]}
        """)

    func request(_ choices: [String: String]) -> AuditRequest {
        AuditRequest(candidate: Support.candidate(), records: Support.passed(["10001"]), major: MajorKey(province: "江苏", code: "120402"),
                     planID: "P", applicationDate: Support.date, choices: choices)
    }

    @Test func knownChoiceHasNoProblem() throws {
        let engine = AuditEngine(graph: Self.graph)
        #expect(try engine.choiceProblems(request(["language-track": "with-fl"])).isEmpty)
        let audit = try engine.audit(request(["language-track": "with-fl"]))
        #expect(audit.missing.items.map { $0.course?.code.rawValue } == ["00015"])
    }

    @Test func unknownOptionSaysWhichOptionsExist() throws {
        let engine = AuditEngine(graph: Self.graph)
        let problems = try engine.choiceProblems(request(["language-track": "without-f1"]))
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(!problem.isUnknownRequirement)
        #expect(problem.message.en.contains("'without-f1' is not an option of language-track (plan P)"))
        #expect(problem.message.en.contains("did you mean 'without-fl'?"))
        #expect(problem.message.en.contains("options: with-fl (考外语者), without-fl (不考外语者)"))
        #expect(problem.message.zh.contains("是不是 without-fl？"))
        #expect(problem.message.zh.contains("可选：with-fl（考外语者）、without-fl（不考外语者）"))
        // The audit refuses it rather than silently comparing every option.
        #expect(throws: AuditError.invalidChoice(problem)) { _ = try engine.audit(request(["language-track": "without-f1"])) }
        #expect(throws: AuditError.invalidChoice(problem)) { _ = try engine.evaluate(request(["language-track": "without-f1"])) }
    }

    @Test func optionWrittenAsThePlanWordsItNamesTheOption() throws {
        let problems = try AuditEngine(graph: Self.graph).choiceProblems(request(["language-track": "不考外语者"]))
        #expect(problems.first?.message.en.contains("did you mean 'without-fl'?") == true)
    }

    @Test func unknownRequirementListsTheAlternatives() throws {
        let problems = try AuditEngine(graph: Self.graph).choiceProblems(request(["language-trak": "with-fl", "pick": "10002"]))
        #expect(problems.map(\.requirement) == ["language-trak", "pick"])
        #expect(problems.map(\.isUnknownRequirement) == [true, true])
        try #require(problems.count == 2)
        #expect(problems[0].message.en.contains("'language-trak' is not an alternatives requirement of plan P; did you mean 'language-track'?"))
        #expect(problems[0].message.en.contains("language-track (options: with-fl (考外语者), without-fl (不考外语者))"))
        #expect(problems[1].message.en.contains("'pick' is a one-of requirement, not alternatives a candidate declares"))
        #expect(problems[1].message.zh.contains("pick 是 one-of 要求"))
    }

    @Test func aPlanWithoutAlternativesSaysSo() throws {
        // 120207 审计学: neither its 2024 nor its 2021 plan has an alternatives requirement.
        let request = Support.request(Support.passed(["03708"]), major: "120207", choices: ["language-track": "with-fl"])
        let problems = try Support.engine.choiceProblems(request)
        #expect(problems.count == 1)
        #expect(problems.first?.message.en.contains("has no alternatives a candidate can declare; remove this entry from 'choices'") == true)
    }

    @Test func readerKeepsWhereEachChoiceIsWritten() {
        let text = """
            records:
              - {code: "10001", score: 70}
            choices:
              language-track: without-fl

            """
        let contents = TranscriptFiles.read(bytes: Array(text.utf8), path: "t.yaml")
        #expect(contents.issues.isEmpty)
        let transcript = contents.transcripts.first
        #expect(transcript?.choices == ["language-track": "without-fl"])
        #expect(transcript?.choicePlaces["language-track"]?.requirement == TranscriptPlace(file: "t.yaml", row: 4, column: 3))
        #expect(transcript?.choicePlaces["language-track"]?.option == TranscriptPlace(file: "t.yaml", row: 4, column: 19))
    }

    @Test(arguments: [
        ("choices: [language-track, without-fl]\n", 4, 10, "'choices' must be a mapping"),
        ("choices:\n  language-track:\n", 5, 3, "'language-track' needs the id of the option taken"),
    ])
    func malformedChoicesAreErrors(tail: String, row: Int, column: Int, message: String) {
        let text = "records:\n  - {code: \"10001\", score: 70}\n\n" + tail
        let issues = TranscriptFiles.read(bytes: Array(text.utf8), path: "t.yaml").issues
        #expect(issues.count == 1)
        #expect(issues.first?.severity == .error)
        #expect(issues.first?.row == row && issues.first?.column == column)
        #expect(issues.first?.message.en.contains(message) == true)
    }
}
