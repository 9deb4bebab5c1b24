import ArgumentParser
import Eligibility

/// `curriculum graph`: a plan's requirement tree as DOT or Mermaid.
struct PlanGraph: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Draw a plan's requirement tree (dot or mermaid). 画出计划的要求树。")

    @OptionGroup var curricula: CurriculaOptions
    @Option(help: "Major code (optional with --plan: the plan's major).") var major: String?
    @Option(help: "Examining institution.") var institution: String?
    @Option(help: "Province.") var province: String?
    @Option(help: "Plan id (default: the newest plan of --major); alone, it selects the plan and its major.") var plan: String?
    @Option(help: "dot or mermaid.") var format: PlanDiagram.Format = .mermaid

    func run() throws {
        let language = curricula.language
        let graph = try curricula.load()
        let resolved: Major
        if let major {
            let target = try TargetOptions.parse(["--major", major] + (institution.map { ["--institution", $0] } ?? []) + (province.map { ["--province", $0] } ?? []))
            resolved = try target.resolve(in: graph, language: language)
        } else if let plan {
            // The plan id alone names one plan, and so its major.
            guard let owner = graph.majors.values.first(where: { $0.planIDs.contains(plan) }) else {
                let hint = Suggestion.closest(to: plan, among: graph.plans.keys)
                throw CLIError(language, zh: "没有考试计划 \(plan)" + (hint.map { "；是不是 \($0)？" } ?? "；curriculum majors 列出所有计划"),
                               en: "no plan \(plan)" + (hint.map { "; did you mean \($0)?" } ?? "; curriculum majors lists every plan"))
            }
            resolved = owner
        } else {
            throw CLIError(language, zh: "请用 --major 指定专业，或用 --plan 指定考试计划", en: "name a major with --major, or a plan with --plan")
        }
        let plans = graph.plans(of: resolved)
        if plans.isEmpty {
            let message = MajorWithoutPlanData(major: resolved, graph: graph).message
            throw CLIError(language, zh: message.zh, en: message.en)
        }
        guard let chosen = plan.map({ id in plans.first { $0.id == id } }) ?? plans.max(by: { ($0.effectiveFrom ?? .distantPast) < ($1.effectiveFrom ?? .distantPast) }) else {
            let ids = plans.map(\.id).joined(separator: ", ")
            throw CLIError(language, zh: "专业 \(resolved.code) 没有计划 \(plan ?? "")；已有：\(ids)", en: "major \(resolved.code) has no plan \(plan ?? ""); its plans: \(ids)")
        }
        print(PlanDiagram.render(chosen, graph: graph, format: format, language: language), terminator: "")
    }
}

extension PlanDiagram.Format: ExpressibleByArgument {}
