import ArgumentParser
import Eligibility

/// `curriculum graph`: a plan's requirement tree as DOT or Mermaid.
struct PlanGraph: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Draw a plan's requirement tree (dot or mermaid). 画出计划的要求树。")

    @OptionGroup var curricula: CurriculaOptions
    @Option(help: "Major code.") var major: String
    @Option(help: "Examining institution.") var institution: String?
    @Option(help: "Province.") var province: String?
    @Option(help: "Plan id (default: the newest plan).") var plan: String?
    @Option(help: "dot or mermaid.") var format: PlanDiagram.Format = .mermaid

    func run() throws {
        let language = curricula.language
        let graph = try curricula.load()
        let target = try TargetOptions.parse(["--major", major] + (institution.map { ["--institution", $0] } ?? []) + (province.map { ["--province", $0] } ?? []))
        let resolved = try target.resolve(in: graph, language: language)
        let plans = graph.plans(of: resolved)
        if plans.isEmpty {
            let message = MajorWithoutPlanData(major: resolved, graph: graph).message
            throw CLIError(language, zh: message.zh, en: message.en)
        }
        guard let chosen = plan.map({ id in plans.first { $0.id == id } }) ?? plans.max(by: { ($0.effectiveFrom ?? .distantPast) < ($1.effectiveFrom ?? .distantPast) }) else {
            let ids = plans.map(\.id).joined(separator: ", ")
            throw CLIError(language, zh: "专业 \(resolved.code) 没有计划 \(plan ?? "")；已有：\(ids)", en: "major \(resolved.code) has no plan \(plan ?? ""); its plans: \(ids)")
        }
        print(PlanDiagram.render(chosen, graph: graph, format: format), terminator: "")
    }
}

extension PlanDiagram.Format: ExpressibleByArgument {}
