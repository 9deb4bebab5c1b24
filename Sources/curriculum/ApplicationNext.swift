import Application
import ArgumentParser
import CurriculumDSL
import Foundation

/// `curriculum application next APPLICATION.json`: which steps are open now, to whom, and why the others are not.
struct ApplicationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "application", abstract: "Graduation applications (毕业网上申请). 毕业申请。", subcommands: [Next.self])

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next",
            abstract: "Say which steps are open now and why the others are not. 当前可办理的步骤及其他步骤不可办理的原因。",
            discussion: "Exit codes: 0 done, 2 usage or input error. 退出码：0 完成，2 用法或输入错误。")

        @Argument(help: "The application file (JSON, as GraduationApplication encodes; see docs/application.md).")
        var file: String

        @Option(help: "The moment to ask about: ISO 8601 (2021-11-30T10:00:00+08:00) or YYYY-MM-DD (noon, Beijing time). Default: now.")
        var at: String?

        @Option(help: "Output format: text or json.")
        var format: FormCheckCommand.Format = .text

        @OptionGroup var curricula: CurriculaOptions

        func run() throws {
            let language = curricula.language
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError(language, zh: "无法读取 \(file)", en: "cannot read \(file)")
            }
            let application: GraduationApplication
            do {
                application = try ApplicationReport.decodeApplication(data)
            } catch {
                throw CLIError(language, zh: "\(file) 不是有效的毕业申请 JSON：\(error)", en: "\(file) is not a valid application JSON: \(error)")
            }
            let time = try moment(language: language)
            let policy = try curricula.load().provinces[application.province]?.applicationPolicy ?? ApplicationPolicy()
            let steps = application.nextSteps(at: time, policy: policy)
            print(format == .json ? ApplicationReport.nextJSON(application, steps: steps, language: language)
                                  : ApplicationReport.nextText(application, steps: steps, language: language), terminator: "")
        }

        private func moment(language: Language) throws -> Date {
            guard let at else { return Date() }
            if let date = ISO8601DateFormatter().date(from: at) { return date }
            if CivilDate(at) != nil, let date = ISO8601DateFormatter().date(from: at + "T12:00:00+08:00") { return date }
            throw CLIError(language, zh: "--at 须为 ISO 8601 时间或 YYYY-MM-DD，现为 \(at)", en: "--at must be an ISO 8601 time or YYYY-MM-DD; it is \(at)")
        }
    }
}
