import ArgumentParser
import Eligibility
import Foundation

@main
struct Curriculum: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curriculum",
        abstract: "Graduation checks for China's self-study examinations. 自学考试毕业审核。",
        discussion: """
            Exit codes: 0 eligible (or the command succeeded), 1 not eligible, 2 usage or input error,
            3 eligible pending manual review.
            退出码：0 符合条件（或命令成功），1 不符合，2 用法或输入错误，3 符合条件但待人工审核。
            """,
        version: CurriculumVersion.string,
        // Every command names itself (`commandName:`): a name argument-parser derives from the type costs a scan of
        // every protocol conformance in the process per command, on every run (about 2 ms of a `check`).
        subcommands: [Check.self, Explain.self, WhatIf.self, Majors.self, Batch.self, PlanGraph.self, Schema.self,
                      Form.self, ApplicationCommand.self])

    /// Runs the command; usage errors exit with 2 (not argument-parser's 64), as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// What the user asked for does not exist or cannot be done (unknown major or institution, no plan data, several
/// candidates in one file): said plainly in the chosen language, exit 2, without the usage text of a mistyped option.
struct CLIError: Error {
    let message: String

    init(_ language: Language, zh: String, en: String) {
        message = language == .zh ? "错误：" + zh : "error: " + en
    }
}
