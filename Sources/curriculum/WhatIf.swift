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
        let (transcript, _) = try input.read(language: language)
        let day = try date.map { text throws -> CivilDate in
            guard let parsed = CivilDate(text) else { throw ValidationError("--date must be YYYY-MM-DD") }
            return parsed
        } ?? Clock.today()
        let candidate = transcript.candidate ?? Candidate(name: "", idNumber: "")
        let ranking = AuditEngine(graph: graph).whatIf(candidate: candidate, records: transcript.records, on: day,
                                                       province: province, institution: institution, level: level)
        if ranking.isEmpty {
            print(language == .zh ? "没有符合条件且有考试计划数据的专业" : "no major with plan data matches")
            return
        }
        print(language == .zh ? "排名  专业                          结论                   尚缺" : "rank  major                         verdict                missing")
        for (index, row) in ranking.prefix(limit).enumerated() {
            let name = "\(row.major.province) \(row.major.code) \(row.name)（\(row.level.rawValue)）"
            let missing = language == .zh ? "\(row.missingCourses) 门 \(row.missingCredits) 学分" : "\(row.missingCourses) course\(row.missingCourses == 1 ? "" : "s"), \(row.missingCredits) credit\(row.missingCredits == 1 ? "" : "s")"
            print("\(String(index + 1).padding(5)) \(name.padding(30)) \(row.verdict.label.text(in: language).padding(22)) \(missing)")
        }
        let withoutPlans = graph.majors.values.filter { $0.planIDs.isEmpty }.count
        if withoutPlans > 0 {
            print(language == .zh ? "（另有 \(withoutPlans) 个专业暂无考试计划数据，未参与排名）" : "(\(withoutPlans) majors have no plan data and are not ranked)")
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
