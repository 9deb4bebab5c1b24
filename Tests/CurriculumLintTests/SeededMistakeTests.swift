import Foundation
import Testing
@testable import CurriculumDSL

/// Mistakes seeded into realistic curriculum files by an independent check of the linter: each must be reported
/// once, at its place, with its rule, and nothing may follow from it (no cascade of findings).
@Suite struct SeededMistakeTests {
    static func check(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let lint = try MarkedLint(text)
        #expect(lint.found == lint.marked.expected, sourceLocation: sourceLocation)
    }

    // MARK: a course definition that cannot be decoded

    @Test func aCourseWithInvalidCreditsIsNotAlsoAnUnknownReferenceNorAShortTotal() throws {
        try Self.check("""
        # expect: ① schema.type-mismatch
        courses:
          - {code: "00160", name: 审计学, credits: ①four}
        """ + "\n" + .plan("""
                total-credits: 17
                requirements: ["03708", "03709", "00160", "13000"]
        """))
    }

    @Test func aCourseCodeMissingItsLeadingZeroIsNotAlsoAnUnknownReference() throws {
        try Self.check("""
        # expect: ① schema.invalid-value
        courses:
          - {code: ①"0160", name: 审计学, credits: 4}
        """ + "\n" + .plan("""
                total-credits: 17
                requirements: ["03708", "03709", "00160", "13000"]
        """))
    }

    @Test func aMisspeltRequiredKeyIsOnlyTheUnknownKey() throws {
        try Self.check("""
        # expect: ① schema.unknown-key
        courses:
          - {code: "00160", name: 审计学, ①credit: 4}
        """ + "\n" + .plan("""
                total-credits: 17
                requirements: ["03708", "03709", "00160", "13000"]
        """))
    }

    @Test func aMissingRequiredKeyWithoutAMisspellingIsStillReported() throws {
        try Self.check("""
        # expect: ① schema.missing-key
        courses:
          - ①{code: "00160", name: 审计学, kind: theory}
        """)
    }

    @Test func aListWrittenAsAKeyIsOnlyTheComplexKey() throws {
        try Self.check("""
        # expect: ① yaml.complex-key
        courses:
          - code: "00160"
            name: 审计学
            ? ①[credits]
            : 4
        """)
    }

    // MARK: plan arithmetic after another mistake

    @Test func anUnknownCourseInAPlanDoesNotMakeItsTotalUnreachable() throws {
        try Self.check("# expect: ① graph.unknown-reference\n" + .plan("""
                total-credits: 17
                requirements: ["03708", "03709", ①"00161", "13000"]
        """))
    }

    @Test func aRequiredCodeMissingADigitIsNotAlsoAShortTotalOrCourseCount() throws {
        try Self.check("# expect: ① schema.invalid-value\n" + .plan("""
                total-credits: 13
                min-courses: 3
                requirements: ["03708", ①"3709", "13000"]
        """))
    }

    @Test func anInvalidCodeInAPoolIsNotAlsoAPoolTooSmall() throws {
        try Self.check("# expect: ① schema.invalid-value\n" + .plan("""
                requirements:
                  - {id: electives, pool: ["00226", ①"0227", "00230"], min-courses: 3}
        """))
    }

    @Test func anInvalidCodeInASubstitutionIsNotAlsoANeverApplyingSubstitution() throws {
        try Self.check("# expect: ① schema.invalid-value\n" + .plan("""
                requirements:
                  - "03708"
                  - {id: foreign-language, one-of: ["00015"]}
                substitutions:
                  - {id: replace, replaces: foreign-language, min-credits: 14, from: ["00263", "05678", ①"0257", "00233"]}
        """))
    }

    @Test func requirementsPastedUnderSubstitutionsAreOneMistake() throws {
        let lint = try MarkedLint("# expect: ① schema.type-mismatch\n" + .plan("""
                total-credits: 20
                requirements:
                  - "03708"
                substitutions:
                  - ①"03709"
                  - "13000"
                  - "00230"
                  - {id: s, replaces: "03708", all-of: ["00226"]}
        """))
        #expect(lint.found == lint.marked.expected)
        let notes = lint.diagnostics("schema.type-mismatch").first?.notes.compactMap(\.location).map(\.line)
        #expect(notes == [lint.marked.expected[0].line + 2])
        #expect(lint.diagnostics("schema.type-mismatch").first?.notes.first?.message.en == "the next 2 items are the same, up to here")
    }

    @Test func differentMistakesInOneListAreEachReported() throws {
        try Self.check("# expect: ① schema.type-mismatch ② schema.invalid-value\n" + .plan("""
                requirements:
                  - {id: electives, pool: ["00226", ①[], ②"0227"], min-courses: 1}
        """))
    }

    @Test func aPracticeComponentWithoutItsTheoryCourseIsNotAlsoAShortTotal() throws {
        try Self.check("# expect: ① graph.practice-without-theory\n" + .plan("""
                total-credits: 17
                min-courses: 4
                requirements: ["03708", "03709", ①"00019", "13000"]
        """))
    }

    @Test func aTotalShortEvenWithTheMissingTheoryCourseIsStillReported() throws {
        try Self.check("# expect: ① graph.total-unreachable ② graph.practice-without-theory\n" + .plan("""
                total-credits: ①30
                requirements: ["03708", "03709", ②"00019", "13000"]
        """))
    }

    @Test func aPracticeComponentWhoseTheoryCodeIsUnknownIsOnlyTheUnknownReference() throws {
        try Self.check("""
        # expect: ① graph.unknown-reference
        courses:
          - {code: "13753", name: 会计信息系统（实践）, credits: 2, kind: practice, theory: ①"13751"}
        """ + "\n" + .plan("""
                requirements: ["03708", "13753"]
        """))
    }

    // MARK: catalog and versions after another mistake

    @Test func anUndefinedAliasForTheInstitutionsIsNotAlsoAMajorWithoutInstitution() throws {
        try Self.check("""
        # expect: ① yaml.undefined-alias
        province: 江苏
        majors:
          - {code: "120203K", name: 会计学, level: 专升本, institutions: ①*njue}
        """)
    }

    @Test func aMisspeltProvinceIsNotAlsoAProvinceMismatchOfItsInstitutions() throws {
        try Self.check("""
        # expect: ① graph.unknown-reference
        province: ①江宁
        majors:
          - {code: "120203K", name: 会计学, level: 专升本, institutions: [苏州大学]}
        """)
    }

    @Test func anEmptyInstitutionListIsStillAMajorWithoutInstitution() throws {
        try Self.check("""
        # expect: ① lint.major-without-institution
        province: 江苏
        majors:
          - {code: "120203K", name: 会计学, level: 专升本, institutions: ①[]}
        """)
    }

    @Test func aMisspeltSupersedesIsNotAlsoAnOverlapOfThePlans() throws {
        try Self.check("""
        # expect: ① graph.unknown-reference
        province: 江苏
        majors:
          - code: "030101K"
            name: 法学
            level: 专升本
            institutions: [苏州大学]
            plans:
              - id: JS-2024-030101K
                version: "2024"
                effective-from: 2024-07-01
                supersedes: ①JS-2012-030101K
                sources: [JS2024-PLANS]
                requirements: ["03708"]
              - id: JS-2021-030101K
                version: "2021"
                effective-until: 2026-06-30
                sources: [JS2024-PLANS]
                requirements: ["03708"]
        """)
    }

    // MARK: remedies

    @Test func aYAML11BooleanGetsTheTrueOrFalseFix() throws {
        let lint = try MarkedLint("# expect: ① schema.invalid-value\n" + .plan("""
                requirements:
                  - {id: fl, shared: ①yes, one-of: ["13000", "14970"]}
        """))
        #expect(lint.found == lint.marked.expected)
        let diagnostic = try #require(lint.diagnostics("schema.invalid-value").first)
        #expect(diagnostic.fixIts.map(\.replacement) == ["true"])
        #expect(diagnostic.remedy?.zh == "是不是要写 true？")
    }

    @Test func aDateWrittenWithSlashesGetsTheISOFix() throws {
        let lint = try MarkedLint("# expect: ① schema.invalid-value\n" + .plan("""
                effective-from: ①2024/7/1
                requirements: ["03708"]
        """))
        #expect(lint.found == lint.marked.expected)
        #expect(lint.diagnostics("schema.invalid-value").first?.fixIts.map(\.replacement) == ["2024-07-01"])
    }

    @Test func anImpossibleDateGetsNoMadeUpFix() throws {
        let lint = try MarkedLint("# expect: ① schema.invalid-value\n" + .plan("""
                effective-from: ①2024-13-01
                requirements: ["03708"]
        """))
        #expect(lint.found == lint.marked.expected)
        #expect(lint.diagnostics("schema.invalid-value").first?.fixIts.isEmpty == true)
    }

    @Test func everyRuleTheSeededMistakesMetHasARemedyInBothLanguages() throws {
        let lint = try MarkedLint("""
        # expect: ① graph.practice-without-theory ② graph.pool-unreachable ③ graph.choose-too-many
        """ + "\n" + .plan("""
                requirements:
                  - ①"00019"
                  - {id: ②electives, pool: ["00226", "00227"], min-credits: 20}
                  - {id: ③three, choose: 3, of: ["27016", "27017"]}
        """))
        #expect(lint.found == lint.marked.expected)
        for diagnostic in lint.result.diagnostics {
            #expect(diagnostic.remedy?.zh.isEmpty == false && diagnostic.remedy?.en.isEmpty == false, "\(diagnostic.rule)")
        }
        #expect(lint.diagnostics("graph.practice-without-theory").first?.remedy?.en
            == "add the theory course 00018 to the plan (a practice component counts as one course with it)")
    }

    // MARK: a file that cannot be read

    static let catalog = """
    province: 江苏
    provinces: [{name: 江苏}]
    sources: [{id: S, document: 计划}]
    institutions: [{name: 苏州大学}]
    courses:
      - {code: "03708", name: 中国近现代史纲要, credits: 2}
      - {code: "03709", name: 马克思主义基本原理概论, credits: 4
    """

    static let plans = """
    province: 江苏
    majors:
      - code: "030101K"
        name: 法学
        level: 专升本
        institutions: [苏州大学]
        plans:
          - {id: P, version: "2024", sources: [S], total-credits: 6, requirements: ["03708", "03709"]}
    """

    @Test func aCatalogThatCannotBeReadIsOneFindingNotAnUnknownReferenceAtEveryUse() throws {
        let result = Linter(workingDirectory: "/work").lint(files: [
            (path: "catalog.yaml", bytes: Array(Self.catalog.utf8)),
            (path: "plans.yaml", bytes: Array((Self.plans + "\n  # curriculum-lint: disable-next-line lint.thesis-with-credits reason: x\n").utf8)),
        ])
        #expect(result.diagnostics.map(\.rule) == ["yaml.syntax"])
        let note = try #require(result.diagnostics.first?.notes.last)
        #expect(note.location == nil)
        #expect(note.message.en == "until this file can be read, 5 references to courses, institutions, sources, plans or provinces in other files are not checked")
        let sarif = SARIFReporter(language: .en, workingDirectory: "/work").render(result)
        #expect(sarif.contains("note: until this file can be read"))
    }

    @Test func aListKeyWrittenTwiceKeepsBothLists() throws {
        let lint = try MarkedLint("""
        # expect: ① yaml.duplicate-key
        province: 江苏
        institutions: [{name: 南京大学}]
        majors:
          - {code: "120203K", name: 会计学, level: 专升本, institutions: [南京大学]}
        ①institutions: [{name: 南京财经大学}]
        majors:
          - {code: "120202", name: 市场营销, level: 专升本, institutions: [南京财经大学]}
        """)
        #expect(lint.found.filter { $0.rule != "yaml.duplicate-key" } == [])
        #expect(lint.result.diagnostics.filter { $0.rule == "yaml.duplicate-key" }.count == 2)
    }

    // MARK: formats

    @Test func aFindingAboutAPathHasNoRegionInSARIFAndNoLineInGitHubAnnotations() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seeded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = Linter(workingDirectory: directory.deletingLastPathComponent().path).lint(paths: [directory.path])
        #expect(result.diagnostics.map(\.rule) == ["load.no-curriculum-files"])
        let sarif = SARIFReporter(language: .en, workingDirectory: directory.deletingLastPathComponent().path).render(result)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let physical = try #require(((run["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(physical["region"] == nil)
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == directory.lastPathComponent)
        let github = GitHubReporter(language: .en, workingDirectory: directory.deletingLastPathComponent().path).render(result)
        #expect(github.hasPrefix("::warning file=\(directory.lastPathComponent),title=load.no-curriculum-files::"))
    }
}
