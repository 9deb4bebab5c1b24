import CurriculumDSL
import Dispatch
import Foundation

/// One output row of a batch run.
public struct BatchRow: Sendable, Hashable, Codable {
    /// The 1-based row of the candidate's first result row in the input.
    public var row: Int
    /// The candidate's admission number (准考证号), when the export has it.
    public var admissionNumber: String?
    /// The candidate's name, when the export has it.
    public var name: String?
    /// Masked unless the caller asks for full ID numbers.
    public var idNumber: String?
    /// The verdict; nil when the candidate could not be audited (see `error`).
    public var verdict: Audit.Verdict?
    /// Credits still to earn under `planID`.
    public var missingCredits: Int
    /// Courses still to pass under `planID` (counted by the plan's one course-counting rule).
    public var missingCourses: Int
    /// `code name (credits)` of each missing course.
    public var missing: [String]
    /// The results that need an office's review, as `code name`.
    public var review: [String]
    /// The messages of the verdict's reasons, in the run's language.
    public var reasons: [String]
    /// Why the candidate could not be audited at all.
    public var error: String?
    /// The plan the verdict is under (nil when the candidate could not be audited). In a transition window, when
    /// no plan was named, the plan with the best verdict (the newest among equals), as `check` chooses.
    public var planID: String?

    /// Columns are only ever added at the end, so programs that read them by position keep working.
    public static let csvHeader = "row,admission_number,name,id_number,verdict,missing_credits,missing_courses,missing,review,reasons,error,plan_id"

    /// The row as one CSV line in the columns of `csvHeader`, fields quoted as RFC 4180 requires.
    public func csvLine() -> String {
        [String(row), admissionNumber ?? "", name ?? "", idNumber ?? "", verdict?.rawValue ?? "", String(missingCredits),
         String(missingCourses), missing.joined(separator: "; "), review.joined(separator: "; "), reasons.joined(separator: "; "), error ?? "",
         planID ?? ""]
            .map(Self.quote).joined(separator: ",")
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Totals of a batch run.
public struct BatchSummary: Sendable, Hashable, Codable {
    /// Candidates read (one result row each).
    public var candidates = 0
    /// Candidates eligible.
    public var eligible = 0
    /// Candidates eligible pending manual review.
    public var pendingReview = 0
    /// Candidates not eligible.
    public var notEligible = 0
    /// Candidates that could not be audited (every row rejected, or the request refused).
    public var notAudited = 0
    /// Transcript issues reported, of any severity.
    public var issues = 0
    /// Transcript issues that are errors (rejected rows).
    public var errors = 0
}

/// Audits a stream of transcripts against one major, in chunks, on several threads, writing rows in input order.
/// Memory is bounded by the chunk size, not by the input.
public struct BatchRunner: Sendable {
    /// The engine every candidate is audited with.
    public let engine: AuditEngine
    /// The major every candidate is audited for.
    public let major: MajorKey
    /// The examining institution, when one was named.
    public let institution: String?
    /// The plan, when one was named; nil audits under the plan in force (the best in a transition window).
    public let planID: String?
    /// The application date.
    public let date: CivilDate
    /// The language of the rows' messages.
    public let language: Language
    /// Whether ID numbers are written in full rather than masked.
    public let showIDs: Bool

    /// A runner auditing every candidate for `major` on `date`.
    public init(engine: AuditEngine, major: MajorKey, institution: String?, planID: String?, date: CivilDate,
                language: Language, showIDs: Bool) {
        self.engine = engine
        self.major = major
        self.institution = institution
        self.planID = planID
        self.date = date
        self.language = language
        self.showIDs = showIDs
    }

    /// Reads every transcript from `reader`, `jobs` threads at a time; calls `emit` for each row in order,
    /// `report` for each input issue (in input order), and `progress` after each chunk with the candidates done so far.
    ///
    /// The calling thread only finds the candidates' rows (`CSVTranscriptReader.nextCandidate()`: fields as offsets
    /// into one array per chunk, nothing decoded) and writes the results; the worker threads decode the rows, make the
    /// course records and audit, each taking the next few candidates of the chunk as it goes. While they work on one
    /// chunk, the calling thread reads the next and writes the one before, so at most three chunks are held at a time.
    public func run(_ reader: inout CSVTranscriptReader, jobs: Int, chunkSize: Int = 1024,
                    emit: (BatchRow) -> Void, report: (TranscriptIssue) -> Void, progress: (Int) -> Void) -> BatchSummary {
        var summary = BatchSummary()
        let decoder = reader.decoder
        let size = max(1, chunkSize)
        var inFlight: (group: DispatchGroup, slots: ResultSlots)?
        /// Waits for the chunk in flight, if any, and returns its results.
        func collect() -> ResultSlots? {
            guard let (group, slots) = inFlight else { return nil }
            group.wait()
            inFlight = nil
            return slots
        }
        func write(_ slots: ResultSlots) {
            slots.forEach { row, issues in
                for issue in issues { count(issue, &summary); report(issue) }
                summary.candidates += 1
                switch row.verdict {
                case .eligible?: summary.eligible += 1
                case .eligiblePendingReview?: summary.pendingReview += 1
                case .notEligible?: summary.notEligible += 1
                case nil: summary.notAudited += 1
                }
                emit(row)
            }
            progress(summary.candidates)
        }
        func start(_ candidates: [CandidateRows], _ rows: CSVRows) {
            let slots = ResultSlots(count: candidates.count)
            let group = DispatchGroup()
            let workers = max(1, min(jobs, candidates.count))
            let next = WorkCounter(total: candidates.count)
            DispatchQueue.global().async(group: group) {
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    rows.withView { rows in
                        var scratch = CSVRowDecoder.Scratch()
                        while let claimed = next.claim() {
                            for index in claimed {
                                let transcript = decoder.transcript(of: candidates[index], in: rows, &scratch)
                                slots.store(row(for: transcript), issues: scratch.issues, at: index)
                                scratch.issues.removeAll(keepingCapacity: true)
                            }
                        }
                    }
                }
            }
            inFlight = (group, slots)
        }
        for issue in reader.drainIssues() { count(issue, &summary); report(issue) }
        var chunk: [CandidateRows] = []
        chunk.reserveCapacity(size)
        while let candidate = reader.nextCandidate() {
            // Rows skipped before the first candidate (later ones are steps of a candidate, reported with it).
            for issue in reader.drainIssues() { count(issue, &summary); report(issue) }
            chunk.append(candidate)
            if chunk.count >= size {
                let done = collect()
                start(chunk, reader.takeRows())
                chunk = []
                chunk.reserveCapacity(size)
                if let done { write(done) }
            }
        }
        for issue in reader.drainIssues() { count(issue, &summary); report(issue) }
        let done = collect()
        if !chunk.isEmpty { start(chunk, reader.takeRows()) }
        if let done { write(done) }
        if let last = collect() { write(last) }
        if summary.candidates == 0, summary.errors == 0 {
            // A header and nothing under it: the same error (and exit code) as `check` gives.
            let issue = TranscriptIssue.noResultRows(file: reader.file)
            count(issue, &summary)
            report(issue)
        }
        return summary
    }

    private func count(_ issue: TranscriptIssue, _ summary: inout BatchSummary) {
        summary.issues += 1
        if issue.severity == .error { summary.errors += 1 }
    }

    /// Audits a chunk on `jobs` threads; rows come back in input order.
    public func audit(_ transcripts: [Transcript], jobs: Int) -> [BatchRow] {
        let results = ResultSlots(count: transcripts.count)
        let workers = max(1, min(jobs, transcripts.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < transcripts.count {
                results.store(row(for: transcripts[index]), issues: [], at: index)
                index += workers
            }
        }
        var rows: [BatchRow] = []
        rows.reserveCapacity(transcripts.count)
        results.forEach { row, _ in rows.append(row) }
        return rows
    }

    /// Audits one transcript and returns its output row (a row with `error` when it cannot be audited).
    public func row(for transcript: Transcript) -> BatchRow {
        var row = BatchRow(row: transcript.firstRow, admissionNumber: transcript.admissionNumber,
                           name: transcript.candidate?.name,
                           idNumber: transcript.candidate.map { showIDs ? $0.idNumber : IDNumber.masked($0.idNumber) },
                           verdict: nil, missingCredits: 0, missingCourses: 0, missing: [], review: [], reasons: [], error: nil, planID: nil)
        if transcript.records.isEmpty, transcript.rejectedRows > 0 {
            // Every row of the candidate was rejected (see the input issues): nothing to audit, said so.
            row.reasons = ["rows-rejected"]
            row.error = transcript.rejectedRows == 1
                ? (language == .zh ? "该考生唯一的成绩行有错误，已跳过（见输入问题），未审核" : "the candidate's only row was rejected (see the input issues); not audited")
                : (language == .zh ? "该考生的 \(transcript.rejectedRows) 行成绩都有错误，已跳过（见输入问题），未审核"
                                   : "all \(transcript.rejectedRows) rows of the candidate were rejected (see the input issues); not audited")
            return row
        }
        let request = AuditRequest(transcript: transcript, major: major, institution: institution, planID: planID, date: date)
        do {
            // The verdict-only path: the same search without the explanation (`check` shows that).
            let summary = try engine.evaluate(request)
            row.verdict = summary.verdict
            row.planID = summary.planID
            row.missingCredits = summary.missingCredits
            row.missingCourses = summary.missingCourses
            row.missing = summary.missing.map { "\($0.code) \($0.name) (\($0.credits))" }
                + (summary.unresolvedCredits > 0 ? ["+\(summary.unresolvedCredits)"] : [])
            row.review = summary.review
            row.reasons = summary.blocking
            if summary.searchStopped { row.reasons.append(AuditEngine.tooLargeReason) }
            if summary.verdict == .notEligible, !summary.searchStopped, !summary.missing.isEmpty || summary.unresolvedCredits > 0 || summary.blocking.isEmpty {
                row.reasons.append("missing-courses")
            }
            if row.reasons.isEmpty { row.reasons = [summary.reviewCount > 0 ? "manual-review" : "all-requirements-met"] }
        } catch {
            row.error = error.message.text(in: language)
        }
        return row
    }
}

/// Slots written by one worker each (disjoint indices), read after all workers finish. Raw memory, so that
/// concurrent writes to different slots involve no shared Swift access.
private final class ResultSlots: @unchecked Sendable {
    private let base: UnsafeMutablePointer<(BatchRow, [TranscriptIssue])?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<(BatchRow, [TranscriptIssue])?>.allocate(capacity: max(1, count))
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func store(_ row: BatchRow, issues: [TranscriptIssue], at index: Int) {
        (base + index).pointee = (row, issues)
    }

    /// Each stored row with its input issues, in index order.
    func forEach(_ body: (BatchRow, [TranscriptIssue]) -> Void) {
        for index in 0..<count {
            if let (row, issues) = base[index] { body(row, issues) }
        }
    }
}

/// Hands out a chunk's candidates to the worker threads a few at a time, so that a thread slowed down by other work
/// on the machine does not leave the others waiting at the end of the chunk.
private final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let total: Int
    private static let step = 4

    init(total: Int) { self.total = total }

    /// The next candidates to do, or nil when all are taken.
    func claim() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < total else { return nil }
        let start = next
        next = min(total, next + Self.step)
        return start..<next
    }
}
