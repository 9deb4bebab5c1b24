import Testing
@testable import CurriculumDSL

/// The text reporter on hostile files: bounded output, nothing raw sent to the terminal.
@Suite struct HostileReportTests {
    @Test func findingsAreCappedPerRuleAndFileWithACountOfTheRest() {
        // 250 duplicates of `courses` (lines 2...251): 100 shown, 150 counted.
        let text = "courses: []\n" + String(repeating: "courses: []\n", count: 250)
        let result = CurriculumLoader().load(text: text, path: "t.yaml")
        let output = TextReporter(language: .en, sources: ["t.yaml": Array(text.utf8)]).render(result.diagnostics)
        let headers = output.split(separator: "\n").filter { $0.hasPrefix("t.yaml:") && $0.contains("[yaml.duplicate-key]") }
        #expect(headers.count == 100)
        #expect(headers.last?.hasPrefix("t.yaml:101:1: ") == true)
        #expect(output.contains("… 150 more [yaml.duplicate-key] in t.yaml not shown\n"))
        #expect(output.hasSuffix("250 errors, 0 warnings, 0 notes\n"))
    }

    @Test func escapeBytesInTheFileAreNotSentRaw() throws {
        // ESC [ 2 J (clear screen) inside a value on line 2: refused, and the snippet shows `?` for ESC.
        let text = "courses:\n  - {code: \"00018\", name: \"a\u{1B}[2Jb\", credits: 2}\n"
        let result = CurriculumLoader().load(text: text, path: "t.yaml")
        #expect(!result.diagnostics.isEmpty)
        let output = TextReporter(language: .en, sources: ["t.yaml": Array(text.utf8)]).render(result.diagnostics)
        #expect(!output.unicodeScalars.contains("\u{1B}"))
        #expect(output.contains(" 2 |   - {code: \"00018\", name: \"a?[2Jb\", credits: 2}\n"))
    }

    @Test func escapeCharactersInMessagesAreWrittenEscaped() throws {
        // A double-quoted key `"\e[31m"` is an ESC in the key's text; the unknown-key message quotes it.
        let text = "\"\\e[31m\": 1\n"
        let result = CurriculumLoader().load(text: text, path: "t.yaml")
        let output = TextReporter(language: .en, sources: ["t.yaml": Array(text.utf8)]).render(result.diagnostics)
        #expect(!result.diagnostics.isEmpty)
        #expect(!output.unicodeScalars.contains("\u{1B}"))
        #expect(output.contains("\\u{1B}[31m"))
    }

    @Test func aLongLineIsShownAsAWindowAroundTheCaret() throws {
        // A 20,000-character value then an unknown key `zz` at column 20,012 of line 1.
        let text = "{name: \"" + String(repeating: "x", count: 20_000) + "\", zz: 1}\n"
        let result = CurriculumLoader().load(text: text, path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first { $0.location?.column == 20_012 })
        let lines = TextReporter(language: .en, sources: ["t.yaml": Array(text.utf8)]).render(diagnostic).split(separator: "\n")
        // The line has 20,017 scalars; the window is its last 160 (from index 19,857: 151 `x`, then `", zz: 1}`),
        // after an ellipsis; `zz` (index 20,011) is 154 scalars into it, one cell more for the ellipsis.
        #expect(lines[1] == " 1 | …" + String(repeating: "x", count: 151) + "\", zz: 1}")
        #expect(lines[2] == "   | " + String(repeating: " ", count: 1 + 154) + "^~")
    }
}

extension HostileReportTests {
    @Test func carriageReturnLineEndsGiveTheRightSnippet() throws {
        // libyaml counts a CR alone as a line end: the credits error is on line 3, and that line is shown.
        let text = "courses:\r  - code: \"00018\"\r    credits: 二\r"
        let result = CurriculumLoader().load(text: text, path: "t.yaml")
        let diagnostic = try #require(result.diagnostics.first { $0.rule == "schema.type-mismatch" })
        #expect(diagnostic.location?.line == 3)
        let lines = TextReporter(language: .en, sources: ["t.yaml": Array(text.utf8)]).render(diagnostic).split(separator: "\n")
        #expect(lines[1] == " 3 |     credits: 二")
    }
}

extension HostileReportTests {
    @Test func githubAnnotationsCarryNoEscapeBytes() throws {
        let text = "\"\\e[31m\": 1\n"
        let result = CurriculumLoader().load(text: text, path: "t.yaml")
        let output = result.diagnostics.map(GitHubReporter(language: .en, workingDirectory: "/").line).joined()
        #expect(!output.isEmpty)
        #expect(!output.unicodeScalars.contains("\u{1B}"))
        #expect(output.contains("\\u{1B}[31m"))
    }
}
