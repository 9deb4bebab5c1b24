import ArgumentParser
import CurriculumDSL
import Foundation

/// Lints curriculum YAML. Parses options, calls `Linter`, writes the reports and maps the result to an exit
/// status: 0 clean, 1 findings at or above the failing severity, 2 usage or configuration error.
struct CurriculumLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curriculum-lint",
        abstract: "Check curriculum YAML files for mistakes. 检查课程计划 YAML 文件。",
        discussion: """
            Exit status: 0 clean, 1 findings at or above the failing severity (error; --strict: warning), \
            2 usage or configuration error. Configuration: .curriculum-lint.yml, found by walking up from the \
            first path. Rules and suppressions: docs/lint-rules.md.
            """,
        version: LintTool.version)

    @Argument(help: "Curriculum files or directories; - reads one file from standard input. Files inside a curricula tree (a directory holding catalog/ or .curriculum-lint.yml) are linted with the whole tree loaded for context, and only their own findings are reported.")
    var paths: [String] = ["curricula"]

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The path standard input (-) stands for: its name in findings, and where its curricula tree is found.", valueName: "path"))
    var stdinFilename: String?

    @Option(help: "Output format on standard output: text, json, sarif, github, or auto (github in GitHub Actions, else text).")
    var format: OutputFormat = .auto

    @Option(name: .customLong("output"), help: ArgumentHelp("Also write FORMAT to PATH (repeatable), e.g. sarif:lint.sarif.", valueName: "format:path"))
    var outputs: [OutputTarget] = []

    @Option(help: "Message language: zh or en (default from the locale).")
    var lang: Language?

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "Fail on findings at or above this severity: error, warning or note (overrides --strict and the configuration).")
    var failOn: Severity?

    @Option(help: "Configuration file (default: .curriculum-lint.yml found by walking up from the first path).")
    var config: String?

    @Flag(help: "Ignore configuration files.")
    var noConfig = false

    @Flag(help: "List the rules and exit (--format text or json).")
    var listRules = false

    @Flag(help: "Print the JSON Schema of the curriculum DSL and exit.")
    var printSchema = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = lang ?? Language.preferred(in: environment)
        if printSchema {
            print(CurriculumSchema.json(), terminator: "")
            return
        }
        if listRules {
            switch format {
            case .json: print(RuleList.json(language: language), terminator: "")
            case .text, .auto: print(RuleList.render(language: language), terminator: "")
            default:
                FileHandle.standardError.write(Data(("error: --list-rules prints text or json, not \(format.rawValue)\n").utf8))
                throw ExitCode(LintExitCode.usageError.rawValue)
            }
            return
        }
        var configuration = LintConfiguration()
        let readsStandardInput = paths.contains("-")
        let filePaths = paths.filter { $0 != "-" }
        let anchor = filePaths.first ?? stdinFilename ?? "."
        let configPath = noConfig ? nil : config ?? LintConfiguration.find(from: anchor)
        if let configPath {
            do {
                configuration = try LintConfiguration.load(path: configPath)
            } catch {
                let sources = FileManager.default.contents(atPath: configPath).map { [configPath: [UInt8]($0)] } ?? [:]
                let colors = TerminalColors.wanted(fileDescriptor: STDERR_FILENO, environment: environment)
                FileHandle.standardError.write(Data(TextReporter(language: language, colors: colors, sources: sources).render(error.diagnostics).utf8))
                throw ExitCode(LintExitCode.usageError.rawValue)
            }
        }
        configuration.failOn = LintExitCode.failingSeverity(configured: configuration.failOn, strict: strict, failOn: failOn)

        let workingDirectory = FileManager.default.currentDirectoryPath
        let linter = Linter(configuration: configuration, workingDirectory: workingDirectory)
        let stdin = readsStandardInput
            ? [(path: stdinFilename ?? "<stdin>", bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))] : []
        let result: LintResult
        // Standard input joins a tree only when --stdin-filename says where it belongs (else it could duplicate a file).
        if filePaths.allSatisfy(Self.isFile), !readsStandardInput || stdinFilename != nil, let root = Linter.curriculaRoot(above: anchor) {
            // Single files of a tree (an editor's save): the whole tree for context, their findings only.
            result = linter.lint(paths: filePaths, extra: stdin, within: root)
        } else {
            result = linter.lint(paths: filePaths, extra: stdin)
        }
        let colors = TerminalColors.wanted(fileDescriptor: STDOUT_FILENO, environment: environment)
        print(LintReport.render(result, format: format, options: ReportOptions(language: language, colors: colors, workingDirectory: workingDirectory),
                                environment: environment), terminator: "")
        for output in outputs {
            let text = LintReport.render(result, format: output.format,
                                         options: ReportOptions(language: language, workingDirectory: workingDirectory), environment: environment)
            do {
                // Never replaces a device, FIFO or symlink; never writes over a linted file; a write error is exit 2.
                try OutputFile.write(text, to: output.path, inputs: result.files)
            } catch {
                FileHandle.standardError.write(Data(("error: " + (language == .zh ? error.message.zh : error.message.en) + "\n").utf8))
                throw ExitCode(2)
            }
        }
        if result.exitCode != .clean { throw ExitCode(result.exitCode.rawValue) }
    }
}

extension CurriculumLint {
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension OutputTarget: ExpressibleByArgument {}

// Usage errors exit with 2 (argument-parser's default is 64); --help and --version exit with 0.
do {
    var command = try CurriculumLint.parseAsRoot()
    try command.run()
} catch let status as ExitCode {
    exit(status.rawValue)
} catch {
    if CurriculumLint.exitCode(for: error) == .success { CurriculumLint.exit(withError: error) }
    FileHandle.standardError.write(Data((CurriculumLint.fullMessage(for: error) + "\n").utf8))
    exit(LintExitCode.usageError.rawValue)
}
