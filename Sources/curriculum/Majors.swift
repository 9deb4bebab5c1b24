import ArgumentParser
import Eligibility

/// The error for an --institution that the curricula do not know, with the closest name.
func unknownInstitution(_ institution: String, in graph: CurriculumGraph, language: Language) -> CLIError {
    let suggestion = Suggestion.closest(to: institution, among: graph.institutions.keys)
    return CLIError(language, zh: "没有主考院校 \(institution)" + (suggestion.map { "；是不是 \($0)？" } ?? "；curriculum majors 列出所有主考院校"),
                    en: "no institution \(institution)" + (suggestion.map { "; did you mean \($0)?" } ?? "; curriculum majors lists every institution"))
}

/// `curriculum majors`: the catalog and the plans in force.
struct Majors: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "majors", abstract: "List institutions, majors and the plans in force. 专业与考试计划一览。")

    @OptionGroup var curricula: CurriculaOptions
    @Option(help: "Only majors of this institution.") var institution: String?
    @Option(help: "Only majors of this province.") var province: String?
    @Option(help: "Only this level: 专科 or 本科.") var level: Level?
    @Option(help: "Date for 'plan in force' YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        let language = curricula.language
        let graph = try curricula.load()
        let province = graph.province(named: self.province)
        let day = try date.map { text throws -> CivilDate in
            guard let parsed = CivilDate(text) else { throw ValidationError("--date must be YYYY-MM-DD") }
            return parsed
        } ?? Clock.today()
        if let institution, graph.institutions[institution] == nil {
            throw unknownInstitution(institution, in: graph, language: language)
        }
        let majors = graph.majors.values
            .filter { province == nil || $0.province == province }
            .filter { institution == nil || $0.institutions.contains { $0.value == institution } }
            .filter { major in level.map { $0 == major.level || ($0.isBachelor && major.level.isBachelor) } ?? true }
            .sorted { ($0.province, $0.level.rawValue, $0.code) < ($1.province, $1.level.rawValue, $1.code) }
        var currentProvince = ""
        for major in majors {
            if major.province != currentProvince {
                currentProvince = major.province
                print("\n\(currentProvince)")
            }
            let status = major.status == .stopped ? (language == .zh ? " [停止新生报名]" : " [stopped enrolling]") : ""
            let former = major.formerCodes.isEmpty ? "" : (language == .zh ? "（原代码 " : " (formerly ") + major.formerCodes.map(\.value).joined(separator: ", ") + (language == .zh ? "）" : ")")
            print("  \(major.code) \(major.name)（\(major.level.rawValue)）\(former)\(status) — \(major.institutions.map(\.value).joined(separator: "、"))")
            if major.planIDs.isEmpty {
                print(language == .zh ? "      暂无考试计划数据（no plan data for this major）" : "      no plan data for this major (暂无考试计划数据)")
                continue
            }
            let inForce = Set(graph.plansInForce(for: major, on: day).map(\.id))
            for plan in graph.plans(of: major) {
                let period = "\(plan.effectiveFrom?.description ?? "…") – \(plan.effectiveUntil?.description ?? "…")"
                let mark = inForce.contains(plan.id) ? (language == .zh ? " ← \(day) 有效" : " ← in force on \(day)") : ""
                let total = plan.totalCredits.map { language == .zh ? "，\($0.value) 学分" : ", \($0.value) credits" } ?? ""
                print("      \(plan.id)（\(plan.version)，\(period)\(total)）\(mark)")
            }
        }
    }
}
