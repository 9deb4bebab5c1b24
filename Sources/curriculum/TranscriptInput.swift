import ArgumentParser
import Eligibility
import Foundation

/// A transcript file and the candidate it belongs to.
struct TranscriptInput: ParsableArguments {
    @Argument(help: "Transcript file: CSV (UTF-8 or GB18030), YAML or JSON; - reads standard input.")
    var transcript: String

    @Option(help: "Candidate file (YAML/JSON with `candidate:`), when the transcript has no candidate data.")
    var candidate: String?

    @Option(help: "The candidate's 准考证号, when the transcript holds several candidates.")
    var admission: String?

    /// The transcript's name in messages: the path, or <stdin> for `-`.
    var fileName: String { transcript == "-" ? TranscriptFiles.standardInputName : transcript }

    /// Reads the transcript, prints its issues to stderr, and returns it with whether any row was rejected.
    func read(language: Language, showIDs: Bool = false) throws -> (transcript: Transcript, hadErrors: Bool) {
        let contents = transcript == "-" ? TranscriptFiles.readStandardInput() : TranscriptFiles.read(path: transcript)
        var issues = contents.issues
        var transcripts = contents.transcripts
        if let admission {
            transcripts = transcripts.filter { $0.admissionNumber == admission }
            // Only the chosen candidate's rows (and file-level problems) concern this check.
            if let chosen = transcripts.first {
                let starts = contents.transcripts.map(\.firstRow).sorted()
                let end = starts.first { $0 > chosen.firstRow } ?? Int.max
                issues = issues.filter { $0.row <= 1 || ($0.row >= chosen.firstRow && $0.row < end) }
            }
        }
        var chosen: Transcript
        switch transcripts.count {
        case 1:
            chosen = transcripts[0]
        case 0:
            report(issues, language: language, showIDs: showIDs)
            throw CLIError(language,
                zh: admission.map { "成绩文件中没有准考证号 \($0)" } ?? "\(fileName) 中没有可用的成绩（见上）",
                en: admission.map { "no candidate with admission number \($0) in the transcript" } ?? "no usable transcript in \(fileName) (see above)")
        default:
            report(issues, language: language, showIDs: showIDs)
            let numbers = transcripts.compactMap(\.admissionNumber).prefix(10).joined(separator: ", ")
            throw CLIError(language,
                zh: "成绩文件中有 \(transcripts.count) 名考生（\(numbers)…）；用 --admission 选择一名，或用 curriculum batch",
                en: "the transcript holds \(transcripts.count) candidates (\(numbers)…); pick one with --admission, or use curriculum batch")
        }
        if let candidatePath = candidate {
            let extra = TranscriptFiles.read(path: candidatePath)
            issues += extra.issues.filter { !($0.severity == .error && $0.message.en.hasPrefix("missing 'records'")) }
            if let extraTranscript = extra.transcripts.first {
                if let person = extraTranscript.candidate { chosen.candidate = person }
                issues += merge(choicesOf: extraTranscript, into: &chosen, from: candidatePath)
                if !extraTranscript.records.isEmpty || !extraTranscript.decisions.isEmpty {
                    // Results and office decisions belong in the transcript: never dropped without a word.
                    let place = extraTranscript.decisionPlaces.first?.decision ?? TranscriptPlace(file: candidatePath, row: extraTranscript.firstRow)
                    issues.append(place.issue(.error, .init(
                        zh: "考生信息文件中的 records（成绩）和 decisions（决定）不会被读取；请把它们移到成绩文件 \(fileName) 中",
                        en: "the candidate file's 'records' and 'decisions' are not read; move them into the transcript \(fileName)")))
                }
            }
        }
        report(issues, language: language, showIDs: showIDs)
        return (chosen, issues.contains { $0.severity == .error })
    }

    /// The candidate file's declared choices join the transcript's; the same requirement declared differently in
    /// both is an error at the candidate file's entry (the transcript's choice is kept).
    private func merge(choicesOf extra: Transcript, into chosen: inout Transcript, from path: String) -> [TranscriptIssue] {
        var issues: [TranscriptIssue] = []
        for (requirement, option) in extra.choices.sorted(by: { $0.key < $1.key }) {
            let place = extra.choicePlaces[requirement]?.option ?? TranscriptPlace(file: path, row: extra.firstRow)
            if let existing = chosen.choices[requirement] {
                guard existing != option else { continue }
                issues.append(place.issue(.error, .init(
                    zh: "choices：\(requirement) 在成绩文件中为 \(existing)，在考生信息文件中为 \(option)，两者不一致；按成绩文件的 \(existing) 审核，请删去其中一处",
                    en: "choices: \(requirement) is \(existing) in the transcript but \(option) in the candidate file; the transcript's \(existing) is used — remove one of them")))
            } else {
                chosen.choices[requirement] = option
                if let places = extra.choicePlaces[requirement] { chosen.choicePlaces[requirement] = places }
            }
        }
        return issues
    }

    func report(_ issues: [TranscriptIssue], language: Language, showIDs: Bool) {
        for issue in issues { Terminal.error(issue.render(language, showIDs: showIDs) + "\n") }
    }
}
