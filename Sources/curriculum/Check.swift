import ArgumentParser
import Eligibility
import Foundation

/// `curriculum check`: one candidate, one major.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check one candidate's transcript against a major's plan. 审核一名考生。")

    @OptionGroup var input: TranscriptInput
    @OptionGroup var target: TargetOptions
    @OptionGroup var curricula: CurriculaOptions
    @OptionGroup var display: DisplayOptions

    @Option(help: "Output format: text or json (the Audit JSON).")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        try AuditCommand.run(input: input, target: target, curricula: curricula, display: display, json: format == .json, trace: false)
    }
}

/// `curriculum explain`: the same audit with the full decision trace.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain an audit: every decision and the values behind it. 解释审核过程。")

    @OptionGroup var input: TranscriptInput
    @OptionGroup var target: TargetOptions
    @OptionGroup var curricula: CurriculaOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try AuditCommand.run(input: input, target: target, curricula: curricula, display: display, json: false, trace: true)
    }
}

enum AuditCommand {
    static func run(input: TranscriptInput, target: TargetOptions, curricula: CurriculaOptions, display: DisplayOptions,
                    json: Bool, trace: Bool) throws {
        let language = curricula.language
        let graph = try curricula.load()
        let major = try target.resolve(in: graph, language: language)
        let (transcript, hadErrors) = try input.read(language: language, showIDs: display.showIDs)
        var unusableChoices = false
        var unusableDecisions = false
        var request = AuditRequest(transcript: transcript, major: major.key, institution: target.institution, planID: target.plan,
                                   date: try target.applicationDate())
        let today = Clock.today()
        Clock.warnAboutFutureDates(applicationDate: request.applicationDate, records: request.records,
                                   certificates: request.candidate.certificates, language: language)
        let engine = AuditEngine(graph: graph)
        let audit: Audit
        do {
            // A declared choice the plan cannot apply is an input error at its place; the audit runs without it
            // (comparing every option), and the exit code is 2.
            for problem in try engine.choiceProblems(request) {
                let place = transcript.choicePlaces[problem.requirement].map { problem.isUnknownRequirement ? $0.requirement : $0.option }
                    ?? TranscriptPlace(file: input.fileName, row: 1)
                Terminal.error(place.issue(.error, problem.message).render(language) + "\n")
                request.choices[problem.requirement] = nil
                unusableChoices = true
            }
            // A candidate attribute no curriculum declares is an input error (exit 2); it could never change the audit.
            for problem in engine.attributeProblems(request) {
                Terminal.error(TranscriptPlace(file: input.fileName, row: 1).issue(.error, problem.message).render(language) + "\n")
                request.candidate.attributes.removeAll { $0 == problem.attribute }
                unusableChoices = true
            }
            // An office decision naming a requirement the plan does not have is an input error at its place; the
            // audit runs without it, and the exit code is 2.
            let decisionProblems = try engine.decisionProblems(request)
            for problem in decisionProblems {
                let place = transcript.decisionPlaces.indices.contains(problem.index) ? transcript.decisionPlaces[problem.index].requirement
                    : TranscriptPlace(file: input.fileName, row: 1)
                Terminal.error(place.issue(.error, problem.message).render(language) + "\n")
                unusableDecisions = true
            }
            let rejected = Set(decisionProblems.map(\.index))
            request.decisions = request.decisions.enumerated().filter { !rejected.contains($0.offset) }.map(\.element)
            audit = try engine.audit(request)
        } catch {
            throw CLIError(language, zh: error.message.zh, en: error.message.en)
        }
        if json {
            print(try AuditJSON.encode(audit))
        } else {
            if transcript.candidate == nil {
                Terminal.error(language == .zh ? "提示：成绩文件中没有考生信息（姓名、身份证号、前置学历），可用 --candidate 提供\n"
                                               : "note: the transcript has no candidate data (name, ID, prior diploma); pass it with --candidate\n")
            }
            let renderer = AuditTextRenderer(language: language, colors: Terminal.colors, showIDs: display.showIDs, curricula: curricula.label, today: today)
            print(renderer.render(audit, candidate: transcript.candidate, trace: trace), terminator: "")
        }
        if hadErrors {
            Terminal.error(language == .zh ? "成绩文件中有无法读取的行（见上），审核结果未包含这些行\n"
                                           : "some transcript rows could not be read (see above); the audit does not include them\n")
        }
        if unusableChoices {
            Terminal.error(language == .zh ? "成绩文件中的选择（choices）有无法采用的项（见上），审核时未采用这些项，已比较各选项\n"
                                           : "some declared choices could not be used (see above); the audit compared every option instead\n")
        }
        if unusableDecisions {
            Terminal.error(language == .zh ? "成绩文件中有无法采用的县（市、区）自考部门决定（见上），审核时未采用这些决定\n"
                                           : "some county office decisions could not be applied (see above); the audit does not include them\n")
        }
        if hadErrors || unusableChoices || unusableDecisions { throw ExitCode(2) }
        switch audit.verdict {
        case .eligible: return
        case .notEligible: throw ExitCode(1)
        case .eligiblePendingReview: throw ExitCode(3)
        }
    }
}
