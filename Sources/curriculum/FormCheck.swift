import Application
import ArgumentParser
import CurriculumDSL
import Foundation

/// `curriculum form check FORM.yaml`: validates a registration form (毕业生登记表).
struct Form: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form", abstract: "Registration forms (毕业生登记表). 毕业生登记表。", subcommands: [FormCheckCommand.self])
}

struct FormCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a registration form (YAML or JSON). 检查毕业生登记表。",
        discussion: "Exit codes: 0 valid, 1 errors in the form, 2 usage or input error. 退出码：0 无误，1 有错误，2 用法或输入错误。")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The form file (keys as the form labels them: 民族, 政治面貌, 个人简历, ...).")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Today's date YYYY-MM-DD, for 'not in the future' (default: today, Beijing time).")
    var date: String?

    @Option(help: "Province whose graduation-application rules apply (default: 山西).")
    var province: String = "山西"

    @OptionGroup var curricula: CurriculaOptions

    func run() throws {
        let language = curricula.language
        let today = try parseDate(date, language: language)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError(language, zh: "无法读取 \(file)", en: "cannot read \(file)")
        }
        let (form, issues) = RegistrationFormFile.read(bytes: [UInt8](data), file: file)
        guard let form, issues.isEmpty else {
            Terminal.error(issues.map { "\(file):\($0.line):\($0.column): \($0.message.text(in: language))\n" }.joined())
            throw ExitCode(2)
        }
        let rule = try curricula.load().provinces[province]?.applicationPolicy.registrationForm ?? RegistrationFormRule()
        let errors = FormValidator(rule: rule, today: today).errors(in: form)
        print(format == .json ? ApplicationReport.formJSON(file: file, errors: errors, language: language)
                              : ApplicationReport.formText(file: file, errors: errors, language: language), terminator: "")
        if !errors.isEmpty { throw ExitCode(1) }
    }
}

/// `--date` as YYYY-MM-DD, else today in Beijing time.
func parseDate(_ text: String?, language: Language) throws -> CivilDate {
    guard let text else { return ApplicationClock.civilDate(Date()) }
    guard let date = CivilDate(text) else {
        throw CLIError(language, zh: "--date 须为 YYYY-MM-DD，现为 \(text)", en: "--date must be YYYY-MM-DD; it is \(text)")
    }
    return date
}
