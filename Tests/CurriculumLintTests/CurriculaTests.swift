import Foundation
import Testing
@testable import CurriculumDSL

/// The curricula shipped in the repository lint clean at the default configuration.
@Suite struct CurriculaTests {
    @Test func theShippedCurriculaLintClean() {
        let root = Fixtures.repositoryRoot.appendingPathComponent("curricula").path
        let result = Linter(workingDirectory: Fixtures.repositoryRoot.path).lint(paths: [root])
        #expect(!result.files.isEmpty)
        #expect(result.diagnostics.map { "\($0.location?.description ?? "") \($0.rule)" } == [])
        #expect(result.exitCode == .clean)
    }
}
