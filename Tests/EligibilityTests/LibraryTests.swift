import Foundation
import Testing
import CurriculumData
import Eligibility

/// What a Swift program embedding the libraries needs first (issue 11, items 10–11): the bundled curricula without
/// knowing paths, and an audit from a transcript in one call.
struct LibraryTests {
    @Test func bundledCurriculaLoadWithoutPaths() throws {
        #expect(CurriculumData.bundledDirectory.hasSuffix("/curricula"))
        let graph = try CurriculumData.load()
        let jiangsu = graph.majors.values.filter { $0.province == "江苏" && !$0.planIDs.isEmpty }
        #expect(jiangsu.count == 54, "docs/curricula.md: every major of Jiangsu's 2024 set")
        #expect(graph.plans["JS-2024-030101K"] != nil)
        #expect(graph.majors.count == Support.curricula.graph.majors.count, "the same curricula the tests load by path")
    }

    /// The transcript's records, decisions, choices and candidate go into the request; the audit equals the one from
    /// a request built field by field.
    @Test func oneCallAuditFromATranscript() throws {
        let contents = TranscriptFiles.read(path: Support.repositoryRoot.appendingPathComponent("Examples/030101K-赵六.yaml").path)
        let transcript = try #require(contents.transcripts.first)
        let major = MajorKey(province: "江苏", code: "030101K")
        let date = try #require(CivilDate("2025-04-30"))
        let request = AuditRequest(transcript: transcript, major: major, date: date)
        #expect(request.candidate.name == "赵六")
        #expect(request.records == transcript.records)
        let byHand = AuditRequest(candidate: try #require(transcript.candidate), records: transcript.records, major: major,
                                  applicationDate: date, decisions: transcript.decisions, choices: transcript.choices)
        #expect(request == byHand)
        let audit = try AuditEngine(graph: CurriculumData.load()).audit(request)
        #expect(audit.verdict == .eligible)
        #expect(audit.target.planID == "JS-2024-030101K")
    }

    /// A transcript without candidate data: the candidate is optional (anonymous, keeping the admission number), and
    /// one given separately replaces it.
    @Test func candidateIsOptional() throws {
        let contents = TranscriptFiles.read(path: Support.repositoryRoot.appendingPathComponent("Examples/530605-周九-courses-only.tsv").path)
        let transcript = try #require(contents.transcripts.first)
        #expect(transcript.candidate == nil)
        let date = try #require(CivilDate("2025-04-30"))
        let anonymous = AuditRequest(transcript: transcript, major: MajorKey(province: "江苏", code: "530605"), date: date)
        #expect(anonymous.candidate.name.isEmpty && anonymous.candidate.admissionNumber == transcript.admissionNumber)
        _ = try Support.engine.audit(anonymous)
        let named = AuditRequest(transcript: transcript, major: MajorKey(province: "江苏", code: "530605"), date: date,
                                 candidate: Candidate(name: "周九", idNumber: Support.validID))
        #expect(named.candidate.name == "周九")
    }
}

/// No English ids inside Chinese text without their titles (issue 11, item 1): an assumed choice names the
/// requirement and the option by the plan's titles, the ids after them for the choices entry.
struct ChineseTitleTests {
    /// JS-2024-120402, every course but 03954, which 00144 stands for only under the 2021 plan's 考外语者 option
    /// (JS-2021-120402 fl-track, titled 外语与序号13-16): the audit assumes that option and says so.
    @Test func assumedChoiceIsNamedByTitles() throws {
        let records = Support.passed(PlanCourses.js2024Admin.filter { $0 != "03954" } + ["13000", "00144"])
            + [CourseRecord(code: "10197", score: .grade(.good))]
        let audit = try Support.engine.audit(Support.request(records, major: "120402", plan: "JS-2024-120402"))
        #expect(audit.verdict == .eligible)
        let assumed = try #require(audit.applied.first { $0.kind == "assumed-choice" })
        #expect(assumed.message.zh == "未申报 JS-2021-120402 的“外语与序号13-16（fl-track）”选择：本次按 考外语者（with-fl） 计算（依此选择的规则结果最好）；如与考生实际不符，请在 choices 中申报 JS-2021-120402/fl-track: <选项>")
        let text = AuditTextRenderer(language: .zh).render(audit, candidate: nil)
        #expect(text.contains("（由 00144 企业管理概论 计入） [新旧对照：2021版 → 2024版（from-2021）]"))
        #expect(!text.contains("[mapping"))
    }
}
