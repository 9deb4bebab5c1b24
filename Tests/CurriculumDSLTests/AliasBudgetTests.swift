import Testing
@testable import CurriculumDSL

/// Aliases that repeat a large scalar are refused by a byte budget, however few nodes they add.
@Suite struct AliasBudgetTests {
    /// A 100,000-byte scalar anchored on line 1 and `count` aliases of it on line 2 (`list: [*b, *b, …]`).
    static func repeatedScalar(count: Int) -> String {
        "big: &b \"" + String(repeating: "x", count: 100_000) + "\"\nlist: ["
            + Array(repeating: "*b", count: count).joined(separator: ", ") + "]\n"
    }

    @Test func repeatingALargeScalarHitsTheByteBudget() {
        // 16 MiB = 16,777,216 bytes: the 168th alias (16,800,000 bytes) passes it; it starts at column 8 + 167 × 4.
        let result = CurriculumLoader().load(text: Self.repeatedScalar(count: 200))
        #expect(result.found == [Found("yaml.alias-limit", 2, 676)])
        #expect(result.diagnostics.first?.message.en == "aliases expand to more than 16777216 bytes; stopped reading this file")
    }

    @Test func aliasesWithinTheByteBudgetAreRead() {
        let (root, diagnostics) = YAMLReader().read(Array(Self.repeatedScalar(count: 167).utf8), file: "a.yaml")
        #expect(diagnostics.isEmpty)
        #expect(root != nil)
    }

    @Test func byteBudgetIsConfigurable() {
        let text = "a: &a \"12345\"\nb: [*a, *a, *a]\n"
        let (_, diagnostics) = YAMLReader(limits: LoadLimits(maxAliasBytes: 12)).read(Array(text.utf8), file: "a.yaml")
        // 5 + 5 = 10 bytes, then the third alias (column 13) makes 15 > 12.
        #expect(diagnostics.map(\.found) == [Found("yaml.alias-limit", 2, 13)])
    }
}
