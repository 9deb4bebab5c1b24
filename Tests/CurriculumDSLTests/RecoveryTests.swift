import Testing
@testable import CurriculumDSL

/// One bad value does not hide the rest of the declaration's mistakes (issue 11, item 8): a misspelt level is
/// reported and read as its fix (专升本科 → 专升本), so the plan's bad date, misspelt key and unknown course are all
/// reported in the same pass; a major that cannot be built at all still has its plans decoded for their mistakes.
@Suite struct RecoveryTests {
    static let table: [DiagnosticExpectation] = [
        .init("recovery-bad-level.yaml", "schema.invalid-value", 22, 12),      // 1 level: 专升本科
        .init("recovery-bad-level.yaml", "schema.invalid-value", 27, 25),      // 2 2024-13-01
        .init("recovery-bad-level.yaml", "schema.unknown-key", 28, 9),         // 3 total-credit
        .init("recovery-bad-level.yaml", "graph.unknown-reference", 33, 13),   // 4 00231
    ]

    @Test func everyMistakeBehindABadLevelIsReported() {
        #expect(Fixture.load("diagnostics/recovery-bad-level.yaml").found == Self.table.expected(for: "recovery-bad-level.yaml"))
    }

    @Test func theLevelIsReadAsItsFix() {
        let graph = Fixture.load("diagnostics/recovery-bad-level.yaml").graph
        #expect(graph.majors.values.first?.level == .zhuanshengben)
    }

    /// No close level (博士): the major is dropped, and its plan's mistakes are still reported.
    @Test func anUnusableMajorsPlansAreStillChecked() {
        let text = """
            majors:
              - code: "030101K"
                name: 法学
                province: 江苏
                level: 博士
                plans:
                  - id: P
                    version: "2024"
                    effective-from: 2024-13-01
            """
        let result = CurriculumLoader().load(text: text, path: "t.yaml")
        let found = result.diagnostics.map { "\($0.rule.rawValue) \($0.location?.line ?? 0)" }
        #expect(found.contains("schema.invalid-value 5"))
        #expect(found.contains("schema.invalid-value 9"))
        #expect(result.graph.majors.isEmpty)
    }
}
