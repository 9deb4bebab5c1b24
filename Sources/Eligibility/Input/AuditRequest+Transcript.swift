import CurriculumDSL

extension AuditRequest {
    /// A request from a transcript as read (`TranscriptFiles`), in one call: its records, office decisions, declared
    /// choices and candidate. `candidate` replaces the transcript's (e.g. from a separate candidate file); with
    /// neither, the candidate is anonymous (no name, ID or prior diploma — checks that need them say so).
    ///
    /// ```swift
    /// let transcript = TranscriptFiles.read(path: "张三.csv").transcripts[0]
    /// let audit = try AuditEngine(graph: graph).audit(AuditRequest(
    ///     transcript: transcript, major: MajorKey(province: "江苏", code: "120402"), date: CivilDate("2025-04-30")!))
    /// ```
    public init(transcript: Transcript, major: MajorKey, institution: String? = nil, planID: String? = nil,
                date: CivilDate, candidate: Candidate? = nil) {
        self.init(candidate: candidate ?? transcript.candidate ?? Candidate(name: "", idNumber: "", admissionNumber: transcript.admissionNumber),
                  records: transcript.records, major: major, institution: institution, planID: planID, applicationDate: date,
                  decisions: transcript.decisions, choices: transcript.choices)
    }
}
