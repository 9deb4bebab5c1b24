import Testing
@testable import CurriculumDSL
@Test func smoke() { #expect(Bool(true)) }
