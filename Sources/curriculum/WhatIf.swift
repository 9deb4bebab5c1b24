import ArgumentParser
import Eligibility

/// `curriculum whatif`: every major ranked by what remains.
struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whatif",
        abstract: "Rank majors by what the candidate still needs. 哪些专业最接近毕业。")

    @OptionGroup var input: TranscriptInput
    @OptionGroup var curricula: CurriculaOptions

    @Option(help: "Only majors of this institution.") var institution: String?
    @Option(help: "Only majors of this province.") var province: String?
    @Option(help: "Only this level: 专科 or 本科.") var level: Level?
    @Option(help: "Application date YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "How many majors to show.") var limit = 10

    func run() throws {
        let language = curricula.language
        let graph = try curricula.load()
        let province = graph.province(named: self.province)
        if let institution, graph.institutions[institution] == nil {
            throw unknownInstitution(institution, in: graph, language: language)
        }
        if let province, !graph.majors.values.contains(where: { $0.province == province }) {
            let provinces = Set(graph.majors.values.map(\.province)).sorted().joined(separator: "、")
            throw CLIError(language, zh: "没有省份 \(province) 的专业；已有：\(provinces)", en: "no majors of province \(province); the curricula have: \(provinces)")
        }
        let (transcript, hadErrors) = try input.read(language: language)
        let day = try date.map { text throws -> CivilDate in
            guard let parsed = CivilDate(text) else { throw ValidationError("--date must be YYYY-MM-DD") }
            return parsed
        } ?? Clock.today()
        Clock.warnAboutFutureDates(applicationDate: day, records: transcript.records,
                                   certificates: transcript.candidate?.certificates ?? [], language: language)
        let candidate = transcript.candidate ?? Candidate(name: "", idNumber: "")
        let ranking = AuditEngine(graph: graph).whatIf(candidate: candidate, records: transcript.records, on: day,
                                                       province: province, institution: institution, level: level,
                                                       choices: transcript.choices)
        warnAboutChoicesAndDecisions(transcript, ranking: Array(ranking.prefix(limit)), language: language)
        // The majors these filters select that cannot be ranked because the curricula have no plan for them.
        let withoutPlans = graph.majors.values
            .filter { province == nil || $0.province == province }
            .filter { institution == nil || $0.institutions.contains { $0.value == institution } }
            .filter { major in level.map { $0 == major.level || ($0.isBachelor && major.level.isBachelor) } ?? true }
            .filter { graph.plans(of: $0).isEmpty }
            .sorted { ($0.province, $0.code) < ($1.province, $1.code) }
        defer {
            if hadErrors {
                Terminal.error(language == .zh ? "成绩文件中有无法读取的行（见上），排名未包含这些行\n"
                                               : "some transcript rows could not be read (see above); the ranking does not include them\n")
            }
        }
        if ranking.isEmpty {
            if withoutPlans.isEmpty {
                print(language == .zh ? "没有符合条件且有考试计划数据的专业" : "no major with plan data matches")
            } else {
                print(language == .zh ? "符合条件的 \(withoutPlans.count) 个专业都暂无考试计划数据（no plan data），无法排名："
                                      : "the \(withoutPlans.count) matching major\(withoutPlans.count == 1 ? "" : "s") have no plan data (暂无考试计划数据) and cannot be ranked:")
                for major in withoutPlans {
                    // As `majors` shows them: former codes and 停止新生报名, which may be why there is no plan.
                    let status = major.status == .stopped ? (language == .zh ? " [停止新生报名]" : " [stopped enrolling]") : ""
                    let former = major.formerCodes.isEmpty ? "" : (language == .zh ? "（原代码 " : " (formerly ") + major.formerCodes.map(\.value).joined(separator: ", ") + (language == .zh ? "）" : ")")
                    print("  \(major.province) \(major.code) \(major.name)（\(major.level.rawValue)）\(former)\(status)")
                }
            }
            if hadErrors { throw ExitCode(2) }
            return
        }
        print(language == .zh ? "排名  专业                          结论                   尚缺" : "rank  major                         verdict                missing")
        for (index, row) in ranking.prefix(limit).enumerated() {
            let name = "\(row.major.province) \(row.major.code) \(row.name)（\(row.level.rawValue)）"
            let missing = language == .zh ? "\(row.missingCourses) 门 \(row.missingCredits) 学分" : "\(row.missingCourses) course\(row.missingCourses == 1 ? "" : "s"), \(row.missingCredits) credit\(row.missingCredits == 1 ? "" : "s")"
            print("\(String(index + 1).padding(5)) \(name.padding(30)) \(row.verdict.label.text(in: language).padding(22)) \(missing)")
        }
        if !withoutPlans.isEmpty {
            print(language == .zh ? "（另有 \(withoutPlans.count) 个专业暂无考试计划数据，未参与排名；curriculum majors 列出它们）"
                                  : "(\(withoutPlans.count) more major\(withoutPlans.count == 1 ? " has" : "s have") no plan data and \(withoutPlans.count == 1 ? "is" : "are") not ranked; curriculum majors lists them)")
        }
        if hadErrors { throw ExitCode(2) }
    }
}

extension WhatIf {
    /// Declared choices are keyed by one plan's requirement ids: each is applied to the majors whose plans have that
    /// requirement and option, and the ranked majors it did not apply to are named. Office decisions are made for one
    /// major's plan and are never applied to a ranking: say so (`check --major` applies them).
    func warnAboutChoicesAndDecisions(_ transcript: Transcript, ranking: [AuditEngine.Ranking], language: Language) {
        func label(_ row: AuditEngine.Ranking) -> String { "\(row.major.province) \(row.major.code) \(row.name)" }
        for (requirement, option) in transcript.choices.sorted(by: { $0.key < $1.key }) {
            let missed = ranking.filter { $0.unappliedChoices.contains(requirement) }
            guard !missed.isEmpty else { continue }
            let place = transcript.choicePlaces[requirement]?.requirement ?? TranscriptPlace(file: input.fileName, row: transcript.firstRow)
            let all = missed.count == ranking.count
            let names = missed.map(label)
            Terminal.error(place.issue(.warning, .init(
                zh: "choices：\(requirement): \(option) 未用于\(all ? "所列的全部" : "下列") \(missed.count) 个排名专业（其考试计划没有这一选择项或选项），这些专业按各选项中最有利者排名：\(names.joined(separator: "、"))",
                en: "choices: \(requirement): \(option) was not applied to \(all ? "any of the" : "these") \(missed.count) ranked major\(missed.count == 1 ? "" : "s") (their plans have no such alternatives requirement or option); they are ranked by their best option: \(names.joined(separator: ", "))"
            )).render(language) + "\n")
        }
        if !transcript.decisions.isEmpty {
            let place = transcript.decisionPlaces.first?.decision ?? TranscriptPlace(file: input.fileName, row: transcript.firstRow)
            let count = transcript.decisions.count
            Terminal.error(place.issue(.warning, .init(
                zh: "decisions：县（市、区）自考部门的 \(count) 项决定是针对某一专业考试计划作出的，排名时未采用；按所作决定的专业审核请用 curriculum check --major 专业代码",
                en: "decisions: the \(count) county office decision\(count == 1 ? " was" : "s were") made for one major's plan and \(count == 1 ? "is" : "are") not applied to the ranking; audit that major with curriculum check --major CODE to apply \(count == 1 ? "it" : "them")"
            )).render(language) + "\n")
        }
    }
}

extension Level: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "专科", "zhuanke": self = .zhuanke
        case "本科", "benke": self = .benke
        case "专升本", "zhuanshengben": self = .zhuanshengben
        default: return nil
        }
    }
}

extension String {
    /// Pads to `width` terminal cells (CJK characters take two).
    func padding(_ width: Int) -> String {
        let cells = unicodeScalars.reduce(0) { $0 + (($1.value >= 0x2E80 && $1.value <= 0xFFEF) ? 2 : 1) }
        return cells >= width ? self : self + String(repeating: " ", count: width - cells)
    }
}
