import Foundation
import Testing
@testable import CurriculumDSL

/// Exit statuses: 0 clean, 1 findings at or above the failing severity, 2 usage or configuration error.
@Suite struct ExitCodeTests {
    static func diagnostic(_ severity: Severity) -> Diagnostic {
        Diagnostic(rule: "lint.thesis-with-credits", severity: severity, message: .init(zh: "甲", en: "a"), at: nil)
    }

    @Test("findings at or above the failing severity fail", arguments: [
        ([Severity](), Severity.error, LintExitCode.clean),
        ([.note, .warning], .error, .clean),
        ([.note, .warning, .error], .error, .findings),
        ([.warning], .warning, .findings),
        ([.note], .warning, .clean),
        ([.note], .note, .findings),
    ])
    func mapping(severities: [Severity], failOn: Severity, code: LintExitCode) {
        #expect(LintExitCode(severities.map(Self.diagnostic), failOn: failOn) == code)
    }

    @Test func statusesAreZeroOneTwo() {
        #expect(LintExitCode.allCases.map(\.rawValue) == [0, 1, 2])
    }

    @Test func strictFailsOnWarningsAndFailOnWins() {
        #expect(LintExitCode.failingSeverity(configured: .error, strict: false, failOn: nil) == .error)
        #expect(LintExitCode.failingSeverity(configured: .error, strict: true, failOn: nil) == .warning)
        #expect(LintExitCode.failingSeverity(configured: .note, strict: true, failOn: nil) == .note)
        #expect(LintExitCode.failingSeverity(configured: .warning, strict: false, failOn: .error) == .error)
    }

    @Test func theResultUsesTheConfiguredSeverity() throws {
        let bytes = Array("courses:\n  - {code: 00034, name: 社会学概论, credits: 6}\n".utf8)
        #expect(Linter().lint(files: [("a.yaml", bytes)]).exitCode == .clean)
        #expect(Linter(configuration: LintConfiguration(failOn: .note)).lint(files: [("a.yaml", bytes)]).exitCode == .findings)
    }
}
