import Testing
@testable import CurriculumDSL

/// Inline suppressions: `disable-line`, `disable-next-line`, `disable` … `enable`, each with a required reason;
/// a suppression that suppresses nothing is reported.
@Suite struct SuppressionTests {
    static let thesis = #"  - {code: "55472", name: 法学毕业论文, credits: 4, kind: thesis}"#

    static func check(_ text: String, suppressed: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let lint = try MarkedLint(text)
        #expect(lint.found == lint.marked.expected, sourceLocation: sourceLocation)
        #expect(lint.result.suppressed.count == suppressed, sourceLocation: sourceLocation)
    }

    @Test func disableLineSuppressesItsOwnLine() throws {
        try Self.check("courses:\n\(Self.thesis)  # curriculum-lint: disable-line lint.thesis-with-credits reason: 来源如此\n", suppressed: 1)
    }

    @Test func disableNextLineSkipsBlankAndCommentLines() throws {
        try Self.check("""
        courses:
          # curriculum-lint: disable-next-line lint.thesis-with-credits reason: 来源如此

          # 2021版对照表
        \(Self.thesis)
        """, suppressed: 1)
    }

    @Test func aBlockSuppressesUntilEnable() throws {
        try Self.check("""
        # expect: ① lint.thesis-with-credits
        courses:
          # curriculum-lint: disable lint.thesis-with-credits reason: 2021版 theses are being checked
          - {code: "55472", name: 法学毕业论文, credits: 4, kind: thesis}
          - {code: "55473", name: 经济学毕业论文, credits: 4, kind: thesis}
          # curriculum-lint: enable lint.thesis-with-credits
          - {code: "55474", name: 会计学毕业论文, credits: ①4, kind: thesis}
        """, suppressed: 2)
    }

    @Test func aBlockWithoutEnableRunsToTheEndOfTheFile() throws {
        try Self.check("""
        # curriculum-lint: disable lint.thesis-with-credits reason: 整个文件待核实
        courses:
        \(Self.thesis)
        """, suppressed: 1)
    }

    @Test func oneCommentMaySuppressSeveralRules() throws {
        try Self.check("""
        courses:
          # curriculum-lint: disable-next-line lint.thesis-with-credits, yaml.number-like-string reason: 按来源原样录入
          - {code: 55472, name: 法学毕业论文, credits: 4, kind: thesis}
        """, suppressed: 2)
    }

    @Test func aSuppressionThatSuppressesNothingIsReportedAtItsRule() throws {
        try Self.check("""
        # expect: ① lint.suppression-unused
        courses:
          - {code: "55472", name: 法学毕业论文, credits: 0, kind: thesis}  # curriculum-lint: disable-line ①lint.thesis-with-credits reason: 待核实
        """, suppressed: 0)
    }

    @Test func aSuppressionWithoutReasonHasNoEffect() throws {
        try Self.check("""
        # expect: ① lint.suppression-without-reason ② lint.thesis-with-credits
        courses:
          ①# curriculum-lint: disable-next-line lint.thesis-with-credits reason:
          - {code: "55472", name: 法学毕业论文, credits: ②4, kind: thesis}
        """, suppressed: 0)
    }

    @Test func anUnknownRuleGetsADidYouMean() throws {
        let lint = try MarkedLint("""
        # expect: ① lint.suppression-invalid
        courses:
          - {code: "55472", name: 法学毕业论文, credits: 0, kind: thesis}  # curriculum-lint: disable-line ①lint.thesis-with-credit reason: x
        """)
        #expect(lint.found == lint.marked.expected)
        #expect(lint.diagnostics("lint.suppression-invalid").first?.remedy?.en == "did you mean 'lint.thesis-with-credits'?")
    }

    @Test func anUnknownDirectiveAndAnEnableWithoutDisableAreInvalid() throws {
        try Self.check("""
        # expect: ① lint.suppression-invalid ② lint.suppression-invalid
        ①# curriculum-lint: disabel-line lint.thesis-with-credits reason: x
        # curriculum-lint: enable ②lint.thesis-with-credits
        courses: []
        """, suppressed: 0)
    }

    @Test func aHashInsideAValueIsNotAComment() throws {
        try Self.check("""
        # expect: ① lint.thesis-with-credits
        courses:
          - {code: "55472", name: "法学毕业论文 # curriculum-lint: disable-line lint.thesis-with-credits reason: x", credits: ①4, kind: thesis}
        """, suppressed: 0)
    }

    @Test func suppressionsApplyBeforeTheConfigurationTurnsARuleOff() throws {
        let configuration = LintConfiguration(rules: ["lint.thesis-with-credits": .off])
        let lint = try MarkedLint("courses:\n\(Self.thesis)  # curriculum-lint: disable-line lint.thesis-with-credits reason: 来源如此\n",
                                  configuration: configuration)
        #expect(lint.found == [])
    }

    @Test func directivesParseRulesAndReason() throws {
        let directive = try #require(Directive("# curriculum-lint: disable-line a.b, c.d reason: 因为 x: y"))
        #expect(directive.word == "disable-line")
        #expect(directive.rules.map(\.id) == ["a.b", "c.d"])
        #expect(directive.reason == "因为 x: y")
        #expect(Directive("# an ordinary comment") == nil)
    }
}
