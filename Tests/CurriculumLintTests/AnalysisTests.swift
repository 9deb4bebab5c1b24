import Testing
@testable import CurriculumDSL

/// The lint checks beyond the rule examples: each case states where every finding must point (markers), and
/// that nothing else is reported.
@Suite struct AnalysisTests {
    static func check(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let lint = try MarkedLint(text)
        #expect(lint.found == lint.marked.expected, sourceLocation: sourceLocation)
    }

    // MARK: satisfiability

    @Test func aCourseRequiredTwiceIsUnsatisfiableAtTheSecondPlace() throws {
        try Self.check("# expect: ① lint.unsatisfiable-requirement\n" + .plan("""
                requirements: ["03708", "03709", ①"03708"]
        """))
    }

    @Test func aChooseWhoseOptionsAreRequiredElsewhereIsUnsatisfiable() throws {
        let lint = try MarkedLint("# expect: ① lint.unsatisfiable-requirement\n" + .plan("""
                requirements:
                  - "13000"
                  - {id: ①two-languages, choose: 2, of: ["13000", "14970"]}
        """))
        #expect(lint.found == lint.marked.expected)
        let notes = lint.diagnostics("lint.unsatisfiable-requirement").first?.notes.compactMap(\.location).map(\.line)
        #expect(notes == [lint.marked.expected[0].line - 1])
    }

    @Test func aPoolWhoseCoursesAreRequiredElsewhereIsUnsatisfiable() throws {
        try Self.check("# expect: ① lint.unsatisfiable-requirement\n" + .plan("""
                requirements:
                  - "00226"
                  - {id: ①electives, pool: ["00226", "00227", "00230"], min-courses: 3}
        """))
    }

    @Test func requirementsThatOnlyConflictTogetherAreReportedAtTheLastOne() throws {
        try Self.check("# expect: ① lint.unsatisfiable-requirement\n" + .plan("""
                requirements:
                  - {id: english, one-of: ["13000"]}
                  - {id: either, one-of: ["13000", "14970"]}
                  - {id: ①japanese, one-of: ["14970"]}
        """))
    }

    @Test func anAlternativeThatCannotBeSatisfiedIsReportedEvenIfAnotherCan() throws {
        try Self.check("# expect: ① lint.unsatisfiable-requirement\n" + .plan("""
                requirements:
                  - id: track
                    alternatives:
                      - {id: with-fl, when: 考外语者, all-of: ["00015", ①"00015"]}
                      - {id: without-fl, when: 不考外语者, all-of: ["00263", "05678"]}
        """))
    }

    @Test func sharedNodesMayUseTheSameCourse() throws {
        try Self.check(String.plan("""
                requirements:
                  - "13000"
                  - {id: degree-courses, shared: true, all-of: ["13000"]}
        """))
    }

    @Test func aSubstitutionMakesAnOtherwiseConflictingRequirementSatisfiable() throws {
        try Self.check(String.plan("""
                requirements:
                  - "00015"
                  - {id: foreign-language, one-of: ["00015"]}
                substitutions:
                  - {id: replace, replaces: foreign-language, min-credits: 14, from: ["00263", "05678", "00257", "00233"]}
        """))
    }

    @Test func aChooseWithTooFewOptionsIsLeftToTheLoader() throws {
        try Self.check("# expect: ① graph.choose-too-many\n" + .plan("""
                requirements:
                  - {id: ①three, choose: 3, of: ["27016", "27017"]}
        """))
    }

    // MARK: totals

    @Test func creditsAndCoursesReachableOnlyByDifferentAlternatives() throws {
        let lint = try MarkedLint("# expect: ① lint.total-needs-impossible-combination\n" + .plan("""
                total-credits: ①16
                min-courses: 4
                requirements:
                  - "03708"
                  - id: track
                    alternatives:
                      - {id: with-fl, when: 考外语者, all-of: ["00015"]}
                      - {id: without-fl, when: 不考外语者, all-of: ["00263", "05678", "00257"]}
        """))
        #expect(lint.found == lint.marked.expected)
        #expect(lint.diagnostics("lint.total-needs-impossible-combination").first?.message.en
            == "plan P can reach 16 credits and 4 courses, but no single choice of options reaches both")
    }

    @Test func aCourseCountReachableOnlyByCountingACourseTwice() throws {
        try Self.check("# expect: ① lint.total-needs-impossible-combination\n" + .plan("""
                min-courses: ①4
                requirements:
                  - "13000"
                  - "00230"
                  - {id: electives, pool: ["13000", "00226"], min-courses: 1}
        """))
    }

    @Test func practiceWithItsTheoryCourseCountsAsOneCourse() throws {
        try Self.check("# expect: ① graph.course-count-unreachable\n" + .plan("""
                min-courses: ①3
                requirements: ["03708", "00018", "00019"]
        """))
    }

    @Test func aTotalTheBoundAlreadyMissesIsOnlyTheLoadersFinding() throws {
        try Self.check("# expect: ① graph.total-unreachable\n" + .plan("""
                total-credits: ①40
                requirements: ["03708", "03709"]
        """))
    }

    // MARK: pools

    @Test func poolsInDifferentAlternativesMayOverlap() throws {
        try Self.check(String.plan("""
                requirements:
                  - id: track
                    alternatives:
                      - {id: a, when: 考外语者, pool: ["00226", "00227"], min-courses: 1}
                      - {id: b, when: 不考外语者, pool: ["00226", "00230"], min-courses: 1}
        """))
    }

    @Test func overlappingPoolsThatCannotBothBeFilledAreUnsatisfiableNotJustOverlapping() throws {
        try Self.check("# expect: ① lint.overlapping-pools ① lint.unsatisfiable-requirement\n" + .plan("""
                requirements:
                  - {id: first, pool: ["00226", "00227"], min-courses: 2}
                  - {id: ①second, pool: ["00226", "00227"], min-courses: 1}
        """))
    }

    // MARK: substitutions and mappings

    @Test func aCreditSubstitutionWhoseListCannotReachItsMinimum() throws {
        try Self.check("# expect: ① lint.substitution-never-applies\n" + .plan("""
                requirements: ["00015"]
                substitutions:
                  - id: replace-00015
                    replaces: "00015"
                    min-credits: ①14
                    from: ["00226", "00227"]
        """))
    }

    @Test func aCreditSubstitutionShortOnlyBecauseOfRequiredCourses() throws {
        try Self.check("# expect: ① lint.substitution-never-applies\n" + .plan("""
                requirements: ["00015", "00263"]
                substitutions:
                  - {id: replace-00015, replaces: "00015", min-credits: 14, from: [①"00263", "05678", "00257", "00233"]}
        """))
    }

    @Test func aMappingFromThePlanItself() throws {
        try Self.check("# expect: ① lint.mapping-never-applies\n" + .plan("""
                requirements: ["13000"]
                mappings:
                  - id: from-old
                    from-plan: ①P
                    rules:
                      - {old: "00015", new: "13000"}
        """))
    }

    @Test func aMappingToAnEquivalentCodeApplies() throws {
        try Self.check("equivalences: [{codes: [\"13000\", \"14970\"]}]\n" + .plan("""
                requirements: ["13000"]
                mappings:
                  - id: from-old
                    rules:
                      - {old: "00015", new: "14970"}
        """))
    }

    @Test func aProvinceMappingForALevelWithoutPlans() throws {
        try Self.check("""
        # expect: ① lint.mapping-never-applies
        mappings:
          - id: ①zhuanke-politics
            province: 江苏
            level: 专科
            rules:
              - {old: "00015", new: "03708"}
        """)
    }

    // MARK: names

    @Test func aNameMixingBracketWidths() throws {
        try Self.check("""
        # expect: ① lint.name-punctuation-drift
        courses:
          - {code: "00034", name: ①社会学概论（一), credits: 6}
        """)
    }

    @Test func twoCatalogNamesDifferingOnlyInPunctuation() throws {
        try Self.check("""
        # expect: ① lint.name-punctuation-drift
        courses:
          - {code: "00034", name: 社会学概论（一）, credits: 6}
          - {code: "00035", name: ①社会学概论(一), credits: 6}
        """)
    }

    @Test func aSpellingListedInFormerNamesIsAccepted() throws {
        try Self.check("""
        courses:
          - {code: "00034", name: 社会学概论（一）, credits: 6, former-names: [社会学概论(一)]}
        """ + "\n" + .plan("""
                requirements: [00034 社会学概论(一)]
        """))
    }

    @Test func aDifferentNameIsStillTheLoadersNameMismatch() throws {
        try Self.check("# expect: ① graph.course-name-mismatch\n" + .plan("""
                requirements: [①13000 日语（专升本）]
        """))
    }

    // MARK: versions and catalog

    @Test func stoppedSinceWithoutStatusStopped() throws {
        try Self.check("""
        # expect: ① lint.stopped-major-open
        province: 江苏
        majors:
          - {code: "050301", name: 新闻学, level: 专升本, institutions: [苏州大学], stopped-since: ①2023-01-01}
        """)
    }

    @Test func aPlanStartingAfterTheMajorStopped() throws {
        let lint = try MarkedLint("""
        # expect: ① lint.stopped-major-open
        province: 江苏
        majors:
          - code: "050301"
            name: 新闻学
            level: 专升本
            institutions: [苏州大学]
            status: ①stopped
            stopped-since: 2023-01-01
            plans:
              - {id: P, version: "2024", effective-from: 2024-07-01, effective-until: 2026-06-30, sources: [JS2024-PLANS], requirements: ["03708"]}
        """)
        #expect(lint.found == lint.marked.expected)
        #expect(lint.diagnostics("lint.stopped-major-open").first?.notes.first?.message.en
            == "plan P takes effect on 2024-07-01, after the major stopped (2023-01-01)")
    }

    @Test func plansForDifferentInstitutionsMayOverlap() throws {
        try Self.check("""
        province: 江苏
        institutions: [{name: 南京大学}]
        majors:
          - code: "030101K"
            name: 法学
            level: 专升本
            institutions: [苏州大学, 南京大学]
            plans:
              - {id: A, version: "2024", effective-from: 2024-07-01, institutions: [苏州大学], sources: [JS2024-PLANS], requirements: ["03708"]}
              - {id: B, version: "2024", effective-from: 2024-07-01, institutions: [南京大学], sources: [JS2024-PLANS], requirements: ["03709"]}
        """)
    }

    @Test func aMisspeltInstitutionIsOnlyTheLoadersUnknownReference() throws {
        try Self.check("""
        # expect: ① graph.unknown-reference
        province: 江苏
        institutions: [{name: 南京师范大学}]
        majors:
          - {code: "120402", name: 行政管理, level: 专升本, institutions: [①南京师范大雪]}
        """)
    }

    @Test func aMajorThatLostItsInstitutionIsReportedOnceWithTheOrphanInANote() throws {
        let lint = try MarkedLint("""
        # expect: ① lint.major-without-institution
        province: 江苏
        institutions: [{name: 南京师范大学}]
        majors:
          - {code: ①"120402", name: 行政管理, level: 专升本}
        """)
        #expect(lint.found == lint.marked.expected)
        #expect(lint.diagnostics("lint.major-without-institution").first?.notes.count == 1)
    }

    @Test func aSuppressedOrphanStaysSuppressedWhenAMajorLosesItsInstitution() throws {
        let lint = try MarkedLint("""
        # expect: ① lint.major-without-institution
        province: 江苏
        institutions:
          - {name: 南京师范大学}
          - {name: 南京大学}   # curriculum-lint: disable-line lint.institution-without-major reason: no major of it is known yet
        majors:
          - {code: ①"120402", name: 行政管理, level: 专升本}
        """)
        #expect(lint.found == lint.marked.expected)
        #expect(lint.result.suppressed.map(\.rule) == ["lint.institution-without-major"])
    }

    @Test func aMajorTheLoaderRejectsStillCountsForItsInstitution() throws {
        try Self.check("""
        # expect: ① schema.invalid-value
        province: 江苏
        institutions: [{name: 南京师范大学}]
        majors:
          - {code: ①"12042", name: 行政管理, level: 专升本, institutions: [南京师范大学]}
        """)
    }

    @Test func thesisCreditsFixItWritesZero() throws {
        let lint = try MarkedLint("courses:\n  - {code: \"55472\", name: 法学毕业论文, credits: 4, kind: thesis}\n")
        #expect(lint.diagnostics("lint.thesis-with-credits").first?.fixIts.map(\.replacement) == ["0"])
    }
}
