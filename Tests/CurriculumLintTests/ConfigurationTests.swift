import Foundation
import Testing
@testable import CurriculumDSL

/// `.curriculum-lint.yml`: parsing with places for every problem, finding it by walking up, and applying it.
@Suite struct ConfigurationTests {
    static func parse(_ text: String) throws(LintConfigurationError) -> LintConfiguration {
        try LintConfiguration.parse(Array(text.utf8), path: ".curriculum-lint.yml")
    }

    static func problems(_ raw: String) -> (found: [Found], expected: [Found], diagnostics: [Diagnostic]) {
        let marked = MarkedText(raw)
        do {
            _ = try parse(marked.text)
            return ([], marked.expected, [])
        } catch {
            return (error.diagnostics.found, marked.expected, error.diagnostics)
        }
    }

    @Test func aValidConfiguration() throws {
        let configuration = try Self.parse("""
        fail-on: warning
        rules:
          lint.overlapping-pools: off
          graph.plan-without-source: error
        ignore:
          - path: drafts/**
          - path: shanxi/catalog.yaml
            rules: [lint.institution-without-major]
        """)
        #expect(configuration.failOn == .warning)
        #expect(configuration.rules == ["lint.overlapping-pools": .off, "graph.plan-without-source": .severity(.error)])
        #expect(configuration.ignores == [.init(path: "drafts/**"), .init(path: "shanxi/catalog.yaml", rules: ["lint.institution-without-major"])])
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        #expect(try Self.parse("# nothing yet\n") == LintConfiguration(file: ".curriculum-lint.yml"))
    }

    @Test func unknownKeysRulesAndValuesArePlacedAndSuggested() {
        let result = Self.problems("""
        # expect: ① lint.config-invalid ② lint.config-invalid ③ lint.config-invalid
        ①fail_on: error
        rules:
          ②graph.plan-without-sources: warning
          lint.overlapping-pools: ③of
        """)
        #expect(result.found == result.expected)
        #expect(result.diagnostics.map { $0.remedy?.en } == ["did you mean 'fail-on'?", "did you mean 'graph.plan-without-source'?", "did you mean 'off'?"])
    }

    @Test func wrongTypesAreReported() {
        let result = Self.problems("""
        # expect: ① lint.config-invalid ② lint.config-invalid ③ lint.config-invalid
        rules: ①[lint.overlapping-pools]
        ignore: ②drafts/**
        fail-on: ③off
        """)
        #expect(result.found == result.expected)
    }

    @Test func aYAMLErrorInTheConfigurationIsReported() {
        let result = Self.problems("""
        # expect: ① yaml.syntax
        rules:
          lint.overlapping-pools: off
         ①fail-on: error
        """)
        #expect(result.found == result.expected)
    }

    @Test func theFileIsFoundByWalkingUpFromTheLintedPath() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("curricula/jiangsu/苏州大学")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let file = nested.appendingPathComponent("030101K-法学.yaml")
        try Data("courses: []\n".utf8).write(to: file)
        #expect(LintConfiguration.find(from: file.path) == nil)
        let config = root.appendingPathComponent("curricula/.curriculum-lint.yml")
        try Data("fail-on: warning\n".utf8).write(to: config)
        #expect(LintConfiguration.find(from: file.path) == config.path)
        #expect(LintConfiguration.find(from: nested.path) == config.path)
        let loaded = try LintConfiguration.load(path: config.path)
        #expect(loaded.failOn == .warning)
        #expect(loaded.baseDirectory == root.appendingPathComponent("curricula").standardizedFileURL.path)
    }

    @Test func severitiesAndOffApplyToLoaderAndLintRules() throws {
        let configuration = LintConfiguration(rules: ["yaml.number-like-string": .severity(.error), "lint.thesis-with-credits": .off])
        let lint = try MarkedLint("courses:\n  - {code: 55472, name: 法学毕业论文, credits: 4, kind: thesis}\n", configuration: configuration)
        #expect(lint.result.diagnostics.map(\.rule) == ["yaml.number-like-string"])
        #expect(lint.result.diagnostics.map(\.severity) == [.error])
    }

    @Test func ignoresMatchPathsRelativeToTheConfigurationFile() {
        let configuration = LintConfiguration(ignores: [.init(path: "drafts/**"), .init(path: "catalog.yaml", rules: ["lint.thesis-with-credits"])],
                                              baseDirectory: "/work/curricula")
        #expect(configuration.isIgnored(file: "curricula/drafts/a/b.yaml", rule: "yaml.syntax", workingDirectory: "/work"))
        #expect(configuration.isIgnored(file: "/work/curricula/shanxi/catalog.yaml", rule: "lint.thesis-with-credits", workingDirectory: "/"))
        #expect(!configuration.isIgnored(file: "curricula/shanxi/catalog.yaml", rule: "yaml.syntax", workingDirectory: "/work"))
        #expect(!configuration.isIgnored(file: "curricula/jiangsu/a.yaml", rule: "yaml.syntax", workingDirectory: "/work"))
    }

    @Test("glob patterns", arguments: [
        ("drafts/**", "drafts/x/y.yaml", true), ("drafts", "drafts/y.yaml", true), ("*.yml", "a/b/c.yml", true),
        ("jiangsu/*/0*.yaml", "jiangsu/苏州大学/030101K-法学.yaml", true), ("jiangsu/*.yaml", "jiangsu/苏州大学/a.yaml", false),
        ("**/province.yaml", "shanxi/province.yaml", true), ("?.yaml", "ab.yaml", false),
    ])
    func globs(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }
}
