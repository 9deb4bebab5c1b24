import Foundation
import Testing
import Eligibility

/// County-office decisions are never dropped silently: one naming a requirement the plan does not have is an error
/// that lists the ids that exist, and an accept/pin of a course with no passed result says it has no effect.
@Suite("Office decisions")
struct DecisionTests {
    static let graph = Support.graph(Support.header + """
        courses:
          - {code: "10001", name: 课程1, credits: 1}
          - {code: "10002", name: 课程2, credits: 2}
          - {code: "00263", name: 外国法制史, credits: 4}
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
                  - {id: electives, pool: ["10003"], min-credits: 3}
        """)

    func request(_ decisions: [OfficeDecision], passed: [String] = ["10001"]) -> AuditRequest {
        AuditRequest(candidate: Support.candidate(), records: Support.passed(passed), major: MajorKey(province: "江苏", code: "120402"),
                     planID: "P", applicationDate: Support.date, decisions: decisions)
    }

    @Test func unknownRequirementIsAnErrorWithTheIdsThatExist() throws {
        let engine = AuditEngine(graph: Self.graph)
        let decisions: [OfficeDecision] = [.waive(requirement: "pick", reason: "同意"),
                                           .accept(course: "00263", requirement: "electivs", reason: "同类课程")]
        let problems = try engine.decisionProblems(request(decisions, passed: ["00263"]))
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.index == 1 && problem.requirement == "electivs")
        #expect(problem.message.en.contains("the county office decision (accept: 00263 for: electivs) names requirement 'electivs', which is not a requirement of plan P"))
        #expect(problem.message.en.contains("did you mean 'electives'?"))
        #expect(problem.message.en.contains("the plan's requirement ids: P, pick, 10001, 10002, electives"))
        #expect(problem.message.zh.contains("要求编号 electivs 不是考试计划 P 中的要求"))
        #expect(problem.message.zh.contains("是不是 electives？"))
        #expect(throws: AuditError.invalidDecision(problem)) { _ = try engine.audit(request(decisions, passed: ["00263"])) }
        #expect(throws: AuditError.invalidDecision(problem)) { _ = try engine.evaluate(request(decisions, passed: ["00263"])) }
    }

    @Test func knownDecisionsHaveNoProblem() throws {
        let engine = AuditEngine(graph: Self.graph)
        let decisions: [OfficeDecision] = [.waive(requirement: "pick", reason: "同意"), .pin(course: "10003", requirement: "electives", reason: "申请")]
        #expect(try engine.decisionProblems(request(decisions)).isEmpty)
    }

    @Test(arguments: [true, false])
    func acceptOrPinOfACourseNeverPassedSaysItHasNoEffect(pin: Bool) throws {
        let decision: OfficeDecision = pin ? .pin(course: "00263", requirement: "electives", reason: "同类课程")
            : .accept(course: "00263", requirement: "electives", reason: "同类课程")
        let audit = try AuditEngine(graph: Self.graph).audit(request([decision]))
        let verb = pin ? "pins" : "accepts"
        let entry = try #require(audit.applied.first { $0.kind == "decision" })
        #expect(entry.id == "\(pin ? "pin" : "accept"):00263:no-effect")
        #expect(entry.requirement == "electives" && entry.records.isEmpty)
        #expect(entry.message.en.contains("decision \(verb) 00263 for electives, but the transcript has no passed 00263 (by the application date) — the decision has no effect"))
        #expect(entry.message.zh.contains("成绩中没有 00263 的合格成绩"))
        #expect(audit.trace.contains { $0.requirement == "electives" && $0.message.en.contains("the decision has no effect") })
        #expect(audit.verdict == .notEligible)
    }

    @Test func acceptOfAPassedCourseIsNotFlagged() throws {
        let audit = try AuditEngine(graph: Self.graph).audit(request([.accept(course: "00263", requirement: "electives", reason: "同类课程")],
                                                                     passed: ["10001", "00263"]))
        #expect(!audit.applied.contains { $0.id.hasSuffix("no-effect") })
        #expect(audit.verdict == .eligible)
    }

    @Test func readerKeepsWhereEachDecisionIsWritten() {
        let text = """
            records:
              - {code: "10001", score: 70}
            decisions:
              - {waive: pick, reason: 同意}
              - accept: "00263"
                for: electives
                reason: 同类课程

            """
        let contents = TranscriptFiles.read(bytes: Array(text.utf8), path: "t.yaml")
        #expect(contents.issues.isEmpty)
        let places = contents.transcripts.first?.decisionPlaces ?? []
        #expect(places.count == 2)
        #expect(places.first?.requirement == TranscriptPlace(file: "t.yaml", row: 4, column: 13))
        #expect(places.first?.decision == TranscriptPlace(file: "t.yaml", row: 4, column: 5))
        #expect(places.last?.requirement == TranscriptPlace(file: "t.yaml", row: 6, column: 10))
    }
}
