import Foundation
import Testing
@testable import CurriculumDSL

/// The text reporter: `path:line:column`, the source line, a caret under the value (CJK characters are two cells).
@Suite struct ReporterTests {
    /// The first diagnostic (of `rule`, when given: a misspelt level is read as its fix, so the loader goes on to
    /// report the file's other mistakes, such as the province these snippets do not define).
    static func render(_ text: String, language: Language = .en, rule: String? = nil) throws -> [String] {
        let result = CurriculumLoader().load(text: text, path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first { rule == nil || $0.rule.rawValue == rule })
        let reporter = TextReporter(language: language, sources: ["t.yaml": Array(text.utf8)])
        return reporter.render(diagnostic).components(separatedBy: "\n")
    }

    @Test func caretAfterCJKTextCountsTwoCellsPerCharacter() throws {
        // 44 scalars before 二, seven of them CJK: 51 cells.
        let lines = try Self.render("courses:\n  - {code: \"00018\", name: 计算机应用基础, credits: 二}\n")
        #expect(lines[0] == "t.yaml:2:45: error: credits must be a non-negative integer, found '二' [schema.type-mismatch]")
        #expect(lines[1] == " 2 |   - {code: \"00018\", name: 计算机应用基础, credits: 二}")
        #expect(lines[2] == "   | " + String(repeating: " ", count: 51) + "^~")
    }

    @Test func caretUnderACJKValueSpansItsCells() throws {
        let text = "majors:\n  - code: \"030101K\"\n    name: 法学\n    province: 江苏\n    level: 专生本\n"
        let lines = try Self.render(text, rule: "schema.invalid-value")
        #expect(lines[1] == " 5 |     level: 专生本")
        #expect(lines[2] == "   | " + String(repeating: " ", count: 11) + "^~~~~~")
    }

    @Test func remedyIsShownAsHelp() throws {
        let lines = try Self.render("majors:\n  - {code: \"030101K\", name: 法学, province: 江苏, level: 专生本}\n", rule: "schema.invalid-value")
        #expect(lines.contains("  help: did you mean 专升本?"))
    }

    @Test func chineseOutputUsesChineseLabels() throws {
        let lines = try Self.render("majors:\n  - {code: \"030101K\", name: 法学, province: 江苏, level: 专生本}\n", language: .zh, rule: "schema.invalid-value")
        #expect(lines[0].hasPrefix("t.yaml:2:54: 错误: level 的值“专生本”无效"))
        #expect(lines.contains("  修改建议: 是不是要写 专升本？"))
    }

    @Test func notesGetTheirOwnSnippet() throws {
        let lines = try Self.render("courses:\n  - {code: \"00018\", name: 甲, credits: 2}\n  - {code: \"00018\", name: 甲, credits: 3}\n")
        #expect(lines.contains("t.yaml:2:12: note: the other definition (2 credits)"))
        #expect(lines.contains(" 2 |   - {code: \"00018\", name: 甲, credits: 2}"))
    }

    @Test func summaryCountsBySeverity() {
        let result = CurriculumLoader().load(text: "courses:\n  - {code: 00018, name: 甲, credits: 2}\n  - {code: \"00018\", name: 甲, credits: 3}\n")
        #expect(TextReporter(language: .en).summary(result.diagnostics) == "1 error, 0 warnings, 1 note")
        #expect(TextReporter(language: .zh).summary(result.diagnostics) == "共 1 个错误，0 个警告，1 个提示")
    }

    @Test func diagnosticWithoutSourceHasNoSnippet() throws {
        let result = CurriculumLoader().load(text: "courses: [{code: \"00018\", name: 甲, credits: x}]\n", path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(TextReporter(language: .en).render(diagnostic).components(separatedBy: "\n").count == 2)
    }
}
