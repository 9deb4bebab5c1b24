import Testing
@testable import CurriculumDSL

@Test func lintPlaceholder() { #expect(RuleCatalog.all.isEmpty == false) }
