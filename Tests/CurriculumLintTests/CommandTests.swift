import Foundation
import Testing
@testable import CurriculumDSL

/// The built `curriculum-lint` end to end: exit statuses, standard output and error, extra outputs, the
/// configuration found by walking up. Skipped when `.build/debug/curriculum-lint` has not been built.
@Suite struct CommandTests {
    static let executable = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/curriculum-lint")
    static var built: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:], input: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_ACTIONS"] = nil
        env["LANG"] = "en_US.UTF-8"
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        if let input {
            // Through a file: the child reads it whole, and no pipe has to be fed while the outputs are drained.
            let file = try Fixtures.temporaryDirectory().appendingPathComponent("stdin")
            try input.write(to: file)
            process.standardInput = try FileHandle(forReadingFrom: file)
        }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A temporary tree with `files` (relative path → text).
    static func tree(_ files: [String: String]) throws -> URL {
        let root = try Fixtures.temporaryDirectory()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static let clean = "courses:\n  - {code: \"00034\", name: 社会学概论, credits: 6}\n"
    static let warning = "courses:\n  - {code: \"00034\", name: 社会学概论（一), credits: 6}\n"
    static let error = "courses:\n  - {code: \"55472\", name: 法学毕业论文, credits: 4, kind: thesis}\n"

    @Test(.enabled(if: built)) func cleanFilesExitZero() throws {
        let root = try Self.tree(["curricula/a.yaml": Self.clean])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.run(["curricula"], in: root)
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings, 0 notes\n")
    }

    @Test(.enabled(if: built)) func errorsExitOneAndWarningsOnlyWithStrict() throws {
        let root = try Self.tree(["e/a.yaml": Self.error, "w/a.yaml": Self.warning])
        defer { try? FileManager.default.removeItem(at: root) }
        let errors = try Self.run(["e"], in: root)
        #expect(errors.status == 1)
        #expect(errors.stdout.hasPrefix("e/a.yaml:2:44: error: thesis 55472 has 4 credits; a thesis has 0 [lint.thesis-with-credits]\n"))
        #expect(try Self.run(["w"], in: root).status == 0)
        #expect(try Self.run(["--strict", "w"], in: root).status == 1)
        #expect(try Self.run(["--fail-on", "error", "--strict", "w"], in: root).status == 0)
    }

    @Test(.enabled(if: built), arguments: [["--format", "xml"], ["--output", "xml:a"], ["--lang", "fr"], ["--bogus"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let root = try Self.tree(["a.yaml": Self.clean])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.run(arguments + ["a.yaml"], in: root)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("Error:"))
    }

    @Test(.enabled(if: built)) func anInvalidConfigurationExitsTwoNamingThePlace() throws {
        let root = try Self.tree(["curricula/a.yaml": Self.clean, ".curriculum-lint.yml": "rules:\n  lint.thesis-credits: off\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.run(["curricula"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("\(root.standardizedFileURL.path)/.curriculum-lint.yml:2:3: error: unknown rule id 'lint.thesis-credits' in the configuration [lint.config-invalid]"))
    }

    @Test(.enabled(if: built)) func theConfigurationAboveTheLintedPathApplies() throws {
        let root = try Self.tree(["curricula/x/a.yaml": Self.error,
                                  "curricula/.curriculum-lint.yml": "rules:\n  lint.thesis-with-credits: warning\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.run(["curricula/x"], in: root).status == 0)
        #expect(try Self.run(["--no-config", "curricula/x"], in: root).status == 1)
    }

    @Test(.enabled(if: built)) func severalFormatsAtOnce() throws {
        let root = try Self.tree(["a.yaml": Self.error])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.run(["--format", "github", "--output", "sarif:out.sarif", "--output", "json:out.json", "a.yaml"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=a.yaml,line=2,col=44,"))
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out.sarif"))) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out.json"))) as? [String: Any]
        #expect((json?["diagnostics"] as? [Any])?.count == 1)
    }

    @Test(.enabled(if: built)) func autoIsGitHubInActionsAndTheLocaleSetsTheLanguage() throws {
        let root = try Self.tree(["a.yaml": Self.error])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.run(["a.yaml"], in: root, environment: ["GITHUB_ACTIONS": "true"]).stdout.hasPrefix("::error "))
        #expect(try Self.run(["a.yaml"], in: root, environment: ["LANG": "zh_CN.UTF-8"]).stdout.contains("错误: 毕业论文（设计）55472 有 4 学分"))
        #expect(try Self.run(["--lang", "en", "a.yaml"], in: root, environment: ["LANG": "zh_CN.UTF-8"]).stdout.contains("error: thesis 55472"))
    }

    /// Chinese unless the locale is English: C.UTF-8 (containers, CI) gives Chinese.
    @Test(.enabled(if: built)) func chineseUnderTheCLocale() throws {
        let root = try Self.tree(["a.yaml": Self.error])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Self.run(["a.yaml"], in: root, environment: ["LANG": "C.UTF-8"]).stdout.contains("错误: 毕业论文（设计）55472 有 4 学分"))
        #expect(try Self.run(["a.yaml"], in: root, environment: ["LANG": "en_US.UTF-8"]).stdout.contains("error: thesis 55472"))
        #expect(Language.preferred(in: ["LANG": "C.UTF-8"]) == .zh)
        #expect(Language.preferred(in: [:]) == .zh)
        #expect(Language.preferred(in: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
    }

    @Test(.enabled(if: built)) func listRulesAndPrintSchema() throws {
        let root = try Self.tree([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let rules = try Self.run(["--list-rules"], in: root)
        #expect(rules.status == 0)
        #expect(rules.stdout.split(separator: "\n").count == RuleCatalog.all.count)
        #expect(rules.stdout.contains("lint.unsatisfiable-requirement"))
        let schema = try Self.run(["--print-schema"], in: root)
        #expect(schema.status == 0)
        #expect(schema.stdout == CurriculumSchema.json())
    }

    /// `--list-rules --format json`: every rule with severity, summary, help and its documentation anchor.
    @Test(.enabled(if: built)) func listRulesAsJSON() throws {
        let root = try Self.tree([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try Self.run(["--list-rules", "--format", "json", "--lang", "en"], in: root)
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let tool = object?["tool"] as? [String: Any]
        #expect(tool?["name"] as? String == "curriculum-lint" && tool?["version"] as? String == CurriculumVersion.string)
        let rules = try #require(object?["rules"] as? [[String: Any]])
        #expect(rules.count == RuleCatalog.all.count)
        let thesis = try #require(rules.first { $0["id"] as? String == "lint.thesis-with-credits" })
        #expect(thesis["severity"] as? String == "error")
        #expect(thesis["documentation"] as? String == "docs/lint-rules.md#lintthesis-with-credits")
        #expect((thesis["summary"] as? String)?.isEmpty == false && (thesis["help"] as? String)?.isEmpty == false)
        let sarif = try Self.run(["--list-rules", "--format", "sarif"], in: root)
        #expect(sarif.status == 2)
        #expect(sarif.stderr.contains("--list-rules prints text or json"))
    }

    /// Both tools report one version, from `CurriculumVersion`.
    @Test(.enabled(if: built)) func oneVersionForBothTools() throws {
        let root = try Self.tree([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let lint = try Self.run(["--version"], in: root)
        let curriculum = Process()
        curriculum.executableURL = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/curriculum")
        curriculum.arguments = ["--version"]
        let out = Pipe()
        curriculum.standardOutput = out
        try curriculum.run()
        let version = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curriculum.waitUntilExit()
        #expect(lint.stdout == CurriculumVersion.string + "\n")
        #expect(version == CurriculumVersion.string + "\n")
        #expect(LintTool.version == CurriculumVersion.string)
    }
}
