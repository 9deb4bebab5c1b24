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
