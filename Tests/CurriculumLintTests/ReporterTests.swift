import Foundation
import Testing
@testable import CurriculumDSL

/// Every output format against an expected-output file in Fixtures/expected/ (JSON and SARIF compared parsed).
/// `UPDATE_EXPECTED=1 swift test --filter CurriculumLintTests` rewrites the files after a deliberate change.
@Suite struct ReporterTests {
    static let path = "curricula/江苏/sample.yaml"
    static let workingDirectory = "/work"

    static func result() throws -> LintResult {
        Linter(workingDirectory: workingDirectory).lint(files: [(path, try Fixtures.bytes("formats/sample.yaml"))])
    }

    static func render(_ format: OutputFormat, language: Language = .en) throws -> String {
        LintReport.render(try result(), format: format, options: ReportOptions(language: language, workingDirectory: workingDirectory))
    }

    /// The expected text, rewritten first when UPDATE_EXPECTED is set.
    static func expected(_ name: String, actual: String) throws -> String {
        if ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] != nil {
            let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/CurriculumLintTests/Fixtures/expected/\(name)")
            try Data(actual.utf8).write(to: url)
            return actual
        }
        return try Fixtures.text("expected/\(name)")
    }

    static func parsed(_ text: String) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject)
    }

    @Test("text output", arguments: [(Language.en, "sample.en.txt"), (Language.zh, "sample.zh.txt")])
    func text(language: Language, file: String) throws {
        let actual = try Self.render(.text, language: language)
        #expect(actual == (try Self.expected(file, actual: actual)))
    }

    @Test func githubOutput() throws {
        let actual = try Self.render(.github)
        #expect(actual == (try Self.expected("sample.github.txt", actual: actual)))
    }

    @Test("JSON and SARIF output, compared parsed", arguments: [(OutputFormat.json, "sample.json"), (OutputFormat.sarif, "sample.sarif")])
    func json(format: OutputFormat, file: String) throws {
        let actual = try Self.render(format)
        #expect(try Self.parsed(actual) == (try Self.parsed(try Self.expected(file, actual: actual))))
    }

    @Test func theSampleHasOneFindingOfEachSeverity() throws {
        #expect(try Self.result().diagnostics.map(\.severity).sorted() == [.note, .warning, .error])
    }

    @Test func textHasColorsOnlyWhenAsked() throws {
        let result = try Self.result()
        let plain = LintReport.render(result, format: .text, options: ReportOptions(language: .en, colors: false, workingDirectory: "/"))
        let colored = LintReport.render(result, format: .text, options: ReportOptions(language: .en, colors: true, workingDirectory: "/"))
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test func autoIsGitHubOnlyInGitHubActions() {
        #expect(OutputFormat.auto.resolved(environment: ["GITHUB_ACTIONS": "true"]) == .github)
        #expect(OutputFormat.auto.resolved(environment: [:]) == .text)
        #expect(OutputFormat.sarif.resolved(environment: ["GITHUB_ACTIONS": "true"]) == .sarif)
    }

    @Test func outputTargetsParse() {
        #expect(OutputTarget(argument: "sarif:out/lint.sarif") == OutputTarget(format: .sarif, path: "out/lint.sarif"))
        #expect(OutputTarget(argument: "json:C:/lint.json")?.path == "C:/lint.json")
        #expect(OutputTarget(argument: "xml:lint.xml") == nil)
        #expect(OutputTarget(argument: "sarif:") == nil)
    }

    @Test func githubEscapesDataAndProperties() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubReporter.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test func githubSeveritiesAreErrorWarningAndNotice() throws {
        let lines = try Self.render(.github).split(separator: "\n")
        #expect(lines.map { $0.prefix { $0 != " " } }.sorted() == ["::error", "::notice", "::warning"])
    }

    @Test func pathsOutsideTheWorkingDirectoryBecomeFileURIs() {
        #expect(PathURI.relative("/work/curricula/a.yaml", to: "/work") == "curricula/a.yaml")
        #expect(PathURI.relative("./curricula/a.yaml", to: "/work") == "curricula/a.yaml")
        #expect(PathURI.relative("/elsewhere/a.yaml", to: "/work") == nil)
        #expect(PathURI.percentEncoded("curricula/江苏/a b.yaml") == "curricula/%E6%B1%9F%E8%8B%8F/a%20b.yaml")
    }
}
