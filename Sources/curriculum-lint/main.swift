import ArgumentParser
import CurriculumDSL
import Foundation

/// Lints curriculum YAML: every problem the loader and compiler find, with file:line:column.
struct CurriculumLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curriculum-lint",
        abstract: "Check curriculum YAML files for mistakes. 检查课程计划 YAML 文件。",
        version: "0.1.0")

    @Argument(help: "Curriculum files or directories (default: curricula).")
    var paths: [String] = ["curricula"]

    @Option(help: "Message language: zh or en (default from the locale).")
    var lang: Language?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "List the rules and exit.")
    var listRules = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let language = lang ?? Language.fromEnvironment()
        if listRules {
            for rule in RuleCatalog.all {
                print("\(rule.id.rawValue.padding(toLength: 36, withPad: " ", startingAt: 0)) \(rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.summary.text(in: language))")
            }
            return
        }
        let result = CurriculumLoader().load(paths: paths)
        switch format {
        case .text:
            var sources: [String: [UInt8]] = [:]
            for file in Set(result.diagnostics.compactMap { $0.location?.file }) {
                if let data = FileManager.default.contents(atPath: file) { sources[file] = [UInt8](data) }
            }
            let colors = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            print(TextReporter(language: language, colors: colors, sources: sources).render(result.diagnostics), terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(result.diagnostics)
            print(String(decoding: data, as: UTF8.self))
        }
        let failing: Severity = strict ? .warning : .error
        if result.diagnostics.contains(where: { $0.severity >= failing }) {
            throw ExitCode(1)
        }
    }
}

extension Language: ExpressibleByArgument {
    /// Chinese when the locale says so (LC_ALL, LC_MESSAGES, LANG), otherwise English.
    static func fromEnvironment() -> Language {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        return locale.hasPrefix("zh") ? .zh : .en
    }
}

CurriculumLint.main()
