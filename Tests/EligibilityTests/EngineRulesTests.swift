import Foundation
import Testing
import Eligibility

/// A one-major curriculum written inline: `courses` and `plan` are YAML fragments (indented as in the file).
private func curriculum(level: String = "专科", courses: String, plan: String, extra: String = "") -> CurriculumGraph {
    Support.graph(Support.header + """
        courses:
        \(courses)
        \(extra)
        majors:
          - code: "120402"
            name: 行政管理
            level: \(level)
            institutions: [测试大学]
            plans:
              - id: P
                version: "1"
                sources: [SRC]
        \(plan)
        """)
}

private func audit(_ graph: CurriculumGraph, _ records: [CourseRecord], candidate: Candidate = Support.candidate(),
                   on date: CivilDate = Support.date) throws -> Audit {
    try AuditEngine(graph: graph).audit(AuditRequest(candidate: candidate, records: records,
                                                     major: MajorKey(province: "江苏", code: "120402"), planID: "P",
                                                     applicationDate: date))
}

private func codes(_ items: [Audit.MissingItem]) -> [String?] { items.map { $0.course?.code.rawValue } }

/// Ten courses 10001…10010 with credits 1…10 (code 1000n has n credits, 10010 has 10).
private let tenCourses = (1...10).map { n in
    "  - {code: \"\(String(format: "%05d", 10000 + n))\", name: 课程\(n), credits: \(n)}"
}.joined(separator: "\n")

private func rec(_ code: String, _ score: Score = .points(75), evidence: Evidence = .electronic, name: String? = nil,
                 date: String? = nil) -> CourseRecord {
    CourseRecord(code: CourseCode(rawValue: code), name: name, score: score, passDate: date.flatMap(CivilDate.init), evidence: evidence)
}

// MARK: - prior diploma and ID number

@Suite("本科 prerequisites")
struct PriorDiplomaTests {
    let records = Support.passed(PlanCourses.js2024Law) + [CourseRecord(code: "14850", score: .grade(.pass))]

    func reasons(_ candidate: Candidate) throws -> [String] {
        try Support.engine.audit(Support.request(records, major: "030101K", candidate: candidate)).reasons.map(\.code)
    }

    @Test func verifiedMatchingDiplomaIsEligible() throws {
        #expect(try reasons(Support.candidate()) == ["all-requirements-met"])
    }

    @Test func unverifiedDiplomaBlocks() throws {
        let audit = try Support.engine.audit(Support.request(records, major: "030101K",
                                                             candidate: Support.candidate(diploma: Support.diploma(verified: false))))
        #expect(audit.verdict == .notEligible)
        #expect(audit.reasons.map(\.code) == ["prior-diploma-unverified"])
        #expect(audit.missing.items.isEmpty)
    }

    @Test(arguments: [
        ("name", Support.diploma(name: "张叁")),
        ("ID number", Support.diploma(id: "110105194912310021")),
        ("gender", Support.diploma(gender: .male)),
    ])
    func mismatchedDiplomaBlocks(field: String, diploma: PriorDiploma) throws {
        let audit = try Support.engine.audit(Support.request(records, major: "030101K", candidate: Support.candidate(diploma: diploma)))
        #expect(audit.verdict == .notEligible)
        #expect(audit.reasons.map(\.code) == ["prior-diploma-mismatch"])
        #expect(audit.reasons.first?.message.en.contains(field) == true)
    }

    @Test func registryIDNumberWithLowercaseXMatches() throws {
        #expect(try reasons(Support.candidate(diploma: Support.diploma(id: "11010519491231002x"))) == ["all-requirements-met"])
    }

    @Test func invalidIDNumberBlocksEvenAZhuankeMajor() throws {
        let audit = try Support.engine.audit(Support.request(Support.passed(PlanCourses.js2024Admin590206), major: "590206",
                                                             candidate: Support.candidate(diploma: nil, id: "110105194912310021")))
        #expect(audit.verdict == .notEligible)
        #expect(audit.reasons.map(\.code) == ["id-number-invalid"])
        #expect(!audit.reasons[0].message.zh.contains("110105194912310021"), "the message masks the number")
    }

    @Test func zhuankeNeedsNoPriorDiploma() throws {
        let audit = try Support.engine.audit(Support.request(Support.passed(PlanCourses.js2024Admin590206), major: "590206",
                                                             candidate: Support.candidate(diploma: nil)))
        #expect(audit.verdict == .eligible)
    }
}

// MARK: - transcript rows

@Suite("Transcript records")
struct RecordTests {
    @Test func bestAttemptCountsAndFailedAttemptsAreUnused() throws {
        let records = Support.passed(without590206("00341")) + [
            rec("00341", .points(45), date: "2022-04-10"), rec("00341", .points(71), date: "2023-04-09"), rec("00341", .points(58), date: "2022-10-16"),
        ]
        let audit = try Support.engine.audit(Support.request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(audit.verdict == .eligible)
        let node = audit.requirements.children.first { $0.id == "00341" }
        #expect(node?.records.map(\.score) == [.points(71)])
        #expect(audit.unused.map { "\($0.code) \($0.score)" } == ["00341 45", "00341 58"])
    }

    @Test func onlyFailedAttemptsLeaveTheCourseMissing() throws {
        let records = Support.passed(without590206("00341")) + [rec("00341", .points(59))]
        let audit = try Support.engine.audit(Support.request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(codes(audit.missing.items) == ["00341"])
        #expect(audit.unused.map { "\($0.code) \($0.score)" } == ["00341 59"])
        #expect(audit.unused.first?.reason.en.contains("pass mark") == true)
    }

    @Test func electronicResultIsPreferredOverPaperEvidence() throws {
        let records = Support.passed(PlanCourses.js2024Admin590206) + [rec("00341", .points(95), evidence: .oldPlanCertificate)]
        let audit = try Support.engine.audit(Support.request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(audit.verdict == .eligible)
        #expect(audit.review.isEmpty)
    }

    @Test func practiceAndTheoryCountAsOneCourse() throws {
        // 120202: 16 codes, two theory + practice pairs → 14 courses, 71 credits.
        let audit = try Support.engine.audit(Support.request(Support.passed(PlanCourses.js2024Marketing120202) + [rec("10211", .grade(.pass))],
                                                             major: "120202"))
        #expect(audit.totals.courses.earned == 14)
        #expect(audit.totals.credits.earned == 71)
        let practice = audit.requirements.children.first { $0.id == "00909" }
        #expect(practice?.courses.required == 0 && practice?.credits.earned == 2)
    }

    @Test func missingPracticeIsOneCourseOfItsOwnCredits() throws {
        let audit = try Support.engine.audit(Support.request(
            Support.passed(PlanCourses.js2024Marketing120202.filter { $0 != "00909" }) + [rec("10211", .grade(.pass))], major: "120202",
            plan: "JS-2024-120202"))
        #expect(codes(audit.missing.items) == ["00909"])
        // The one counting rule: 00908 + 00909 is one course, passed when both parts are; with the practice component
        // missing the course is not passed (13 of 14) and is the one missing course (2 credits): 13 + 1 = 14.
        #expect(audit.missing.credits == 2 && audit.missing.courses == 1)
        #expect(audit.totals.courses.earned == 13, "00908 without its practice component 00909 is not a passed course")
        #expect(audit.totals.credits.earned == 69)
    }

    @Test func thesisCountsNoCreditsAndNoCourse() throws {
        let without = try Support.engine.audit(Support.request(Support.passed(PlanCourses.js2024Law), major: "030101K"))
        #expect(codes(without.missing.items) == ["14850"])
        // The thesis is its own condition: 0 credits, not one of the 16 courses; the audit is still not eligible.
        #expect(without.missing.credits == 0 && without.missing.courses == 0)
        #expect(without.totals.credits.earned == 74 && without.totals.courses.earned == 16)
        #expect(without.verdict == .notEligible)
        let failed = try Support.engine.audit(Support.request(Support.passed(PlanCourses.js2024Law) + [rec("14850", .grade(.fail))], major: "030101K"))
        #expect(codes(failed.missing.items) == ["14850"])
        #expect(failed.unused.map(\.code) == ["14850"])
    }

    @Test func transferredThesisAndLonePracticeAreSetAside() throws {
        let records = Support.passed(PlanCourses.js2024Admin + ["13000"]) + [
            rec("10197", .grade(.good), evidence: .transfer(fromProvince: "山西")),
        ]
        let audit = try Support.engine.audit(Support.request(records, major: "120402"))
        #expect(codes(audit.missing.items) == ["10197"])
        #expect(audit.unused.first?.reason.en.contains("cannot be transferred") == true)

        let lonePractice = Support.passed(without590206("03333", "03334")) + [rec("03334", evidence: .transfer(fromProvince: "山西"))]
        let second = try Support.engine.audit(Support.request(lonePractice, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(Set(codes(second.missing.items)) == ["03333", "03334"])
        #expect(second.unused.map(\.code) == ["03334"])
    }

    @Test func transferredResultsOtherwiseCount() throws {
        let records = Support.passed(without590206("00341")) + [rec("00341", evidence: .transfer(fromProvince: "浙江"))]
        let audit = try Support.engine.audit(Support.request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(audit.verdict == .eligible)
        #expect(audit.requirements.children.first { $0.id == "00341" }?.records.first?.evidence == "transfer")
    }

    @Test func coursesOutsideThePlanAreUnused() throws {
        let records = Support.passed(PlanCourses.js2024Admin590206 + ["00015"])
        let audit = try Support.engine.audit(Support.request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(audit.verdict == .eligible)
        #expect(audit.unused.map(\.code) == ["00015"])
        #expect(audit.unused.first?.reason.en == "not a course of this plan")
    }

    func without590206(_ removed: String...) -> [String] { PlanCourses.js2024Admin590206.filter { !removed.contains($0) } }
}

// MARK: - mappings, substitutions, equivalences, exemptions, 加考

@Suite("Rules")
struct RuleTests {
    @Test func twoOfTheReplacementSetMapTo13000() throws {
        // 编写说明 三（二）2: two or more of 00263/05678/00257/00233 replace 13000 in JS-2024-030101K.
        let records = Support.passed(PlanCourses.js2024Law.filter { $0 != "13000" } + ["00263", "00233"]) + [rec("14850", .grade(.pass))]
        let audit = try Support.engine.audit(Support.request(records, major: "030101K"))
        #expect(audit.verdict == .eligible)
        #expect(audit.applied.map { "\($0.id) \($0.requirement ?? "") \($0.records.map(\.rawValue))" } == [#"from-2021 13000 ["00263", "00233"]"#])

        let one = Support.passed(PlanCourses.js2024Law.filter { $0 != "13000" } + ["00263"]) + [rec("14850", .grade(.pass))]
        let short = try Support.engine.audit(Support.request(one, major: "030101K"))
        #expect(codes(short.missing.items) == ["13000"])
    }

    @Test func oneOldCourseMapsOnlyTo14355() throws {
        // 590206 说明4: any one of 00043/00182/27015 replaces 14355; 00163 stays missing.
        let records = Support.passed(PlanCourses.js2024Admin590206.filter { $0 != "00163" && $0 != "14355" } + ["27015"])
        let audit = try Support.engine.audit(Support.request(records, major: "590206", candidate: Support.candidate(diploma: nil)))
        #expect(codes(audit.missing.items) == ["00163"])
        #expect(audit.missing.credits == 5)
        #expect(audit.applied.map { "\($0.id) \($0.requirement ?? "")" } == ["from-2021 14355"])
    }

    @Test(arguments: [["00001", "99042"], ["03707", "27702"], ["99031", "99043"], ["28006", "00003"]])
    func anyTwoOldPoliticalCoursesSatisfyBoth(old: [String]) throws {
        let records = Support.passed(PlanCourses.js2024Marketing530605.filter { $0 != "03706" && $0 != "12656" } + old)
        let audit = try Support.engine.audit(Support.request(records, major: "530605", candidate: Support.candidate(diploma: nil)))
        #expect(audit.verdict == .eligible)
        #expect(Set(audit.applied.compactMap(\.requirement)) == ["03706", "12656"])
    }

    @Test func onlyOldCourseNumberFiveLeaves12656Missing() throws {
        let records = Support.passed(PlanCourses.js2024Marketing530605.filter { $0 != "03706" && $0 != "12656" } + ["27702"])
        let audit = try Support.engine.audit(Support.request(records, major: "530605", candidate: Support.candidate(diploma: nil)))
        #expect(codes(audit.missing.items) == ["12656"])
        #expect(audit.missing.credits == 4)
    }

    @Test func politicalMappingDoesNotApplyToBachelorPlans() throws {
        // js-zhuanke-politics is for 专科 majors only; 030101K needs 03708/03709 themselves.
        let records = Support.passed(PlanCourses.js2024Law.filter { $0 != "03708" && $0 != "03709" } + ["00001", "00003"]) + [rec("14850", .grade(.pass))]
        let audit = try Support.engine.audit(Support.request(records, major: "030101K"))
        #expect(Set(codes(audit.missing.items)) == ["03708", "03709"])
    }

    static let creditSubstitution = """
                total-credits: 14
                requirements: ["10014"]
                substitutions:
                  - id: replace-10014
                    title: 顶替英语(二)
                    replaces: "10014"
                    min-credits: 14
                    from: ["10005", "10006", "10004", "10003"]
        """
    static let creditCourses = tenCourses + "\n  - {code: \"10014\", name: 英语二, credits: 14}"

    @Test func creditThresholdSubstitution() throws {
        let graph = curriculum(courses: Self.creditCourses, plan: Self.creditSubstitution)
        let met = try audit(graph, Support.passed(["10005", "10006", "10004"]))
        #expect(met.verdict == .eligible)
        #expect(met.applied.map(\.id) == ["replace-10014"])
        #expect(met.requirements.children.first?.status == .substituted)

        // 5 + 6 = 11 credits: 3 more are needed; 10003 (3 credits) is cheaper than 10014 (14).
        let short = try audit(graph, Support.passed(["10005", "10006"]))
        #expect(codes(short.missing.items) == ["10003"])
        #expect(short.missing.credits == 3 && short.missing.courses == 1)
        #expect(short.missing.items.first?.alternatives.map(\.code) == ["10003", "10004"])
    }

    @Test func creditThresholdSubstitutionBelowThresholdDoesNotCount() throws {
        let graph = curriculum(courses: Self.creditCourses, plan: Self.creditSubstitution)
        // 10003 + 10004 + 10005 = 12 < 14, and 10006 is not passed: the cheapest completion is 10006 (6 credits).
        let short = try audit(graph, Support.passed(["10003", "10004", "10005"]))
        #expect(short.verdict == .notEligible)
        #expect(codes(short.missing.items) == ["10006"])
    }

    @Test func fixedSetSubstitutionNeedsTheWholeSet() throws {
        let graph = curriculum(courses: tenCourses + "\n  - {code: \"10014\", name: 外语, credits: 14}", plan: """
                requirements:
                  - "10001"
                  - {id: language, one-of: ["10014", "10010"]}
                substitutions:
                  - id: without-language
                    replaces: language
                    all-of: ["10002", "10003", "10004"]
        """)
        let met = try audit(graph, Support.passed(["10001", "10002", "10003", "10004"]))
        #expect(met.verdict == .eligible)
        #expect(met.applied.map { "\($0.kind) \($0.id)" } == ["substitution without-language"])
        // Two of the set passed: completing the set (10004, 4 credits) is cheaper than a language (10 credits).
        let partial = try audit(graph, Support.passed(["10001", "10002", "10003"]))
        #expect(codes(partial.missing.items) == ["10004"])
        // Nothing of the set passed: the set costs 2 + 3 + 4 = 9 credits (3 courses), the cheapest language 10 credits
        // (1 course); fewest credits come first, so the set wins.
        let none = try audit(graph, Support.passed(["10001"]))
        #expect(none.missing.credits == 9 && none.missing.courses == 3)
    }

    @Test func renamesAndEquivalencesCount() throws {
        let graph = curriculum(courses: tenCourses + "\n  - {code: \"20001\", name: 旧课程, credits: 1}\n  - {code: \"20002\", name: 等同课程, credits: 2}",
                               plan: """
                requirements: ["10001", "10002"]
        """, extra: """
        course-renames:
          - {from: "20001", to: "10001"}
        equivalences:
          - codes: ["10002", "20002"]
        """)
        let result = try audit(graph, Support.passed(["20001", "20002"]))
        #expect(result.verdict == .eligible)
        #expect(result.applied.map { "\($0.kind) \($0.requirement ?? "") \($0.records.map(\.rawValue))" }
                == [#"equivalence 10001 ["20001"]"#, #"equivalence 10002 ["20002"]"#])
        #expect(result.requirements.children.map { $0.records.first?.standsFor?.rawValue } == ["10001", "10002"])
    }

    @Test func aCourseCountsOnce() throws {
        // 10003 is a required course and in the pool: the pool must take 10004, and 10003 counts once in the totals.
        // (When 10004 is not passed the engine proposes 10003 again: KnownBugTests.missingCourseAlreadyPassed.)
        let graph = curriculum(courses: tenCourses, plan: """
                total-credits: 7
                requirements:
                  - "10003"
                  - {id: electives, pool: ["10003", "10004"], min-courses: 1}
        """)
        let result = try audit(graph, Support.passed(["10003", "10004"]))
        #expect(result.verdict == .eligible)
        #expect(result.requirements.children.last?.records.map(\.code) == ["10004"])
        #expect(result.totals.credits.earned == 7)
        #expect(result.unused.isEmpty)
    }

    @Test func searchFindsTheAssignmentGreedyMisses() throws {
        // 10001 fits both the one-of and the pool; only giving 10002 to the one-of and 10001 to the pool completes the plan.
        let graph = curriculum(courses: tenCourses, plan: """
                requirements:
                  - {id: pick, one-of: ["10001", "10002"]}
                  - {id: electives, pool: ["10001", "10009"], min-courses: 1}
                  - {id: two, choose: 2, of: ["10003", "10004", "10005"]}
        """)
        let result = try audit(graph, Support.passed(["10001", "10002", "10003", "10005"]))
        #expect(result.verdict == .eligible)
        #expect(result.missing.items.isEmpty)
    }

    @Test func cheapestCompletionPrefersFewestCreditsThenFewestCourses() throws {
        let graph = curriculum(courses: tenCourses, plan: """
                requirements:
                  - {id: electives, pool: ["10001", "10002", "10003", "10005", "10006"], min-credits: 6}
        """)
        // 6 credits: {10006} and {10001, 10005} and {10001, 10002, 10003} all give exactly 6; one course wins.
        let result = try audit(graph, [])
        #expect(codes(result.missing.items) == ["10006"])
        #expect(result.missing.credits == 6 && result.missing.courses == 1)
    }

    static let exemptionCourses = tenCourses

    @Test(arguments: [("2026-06-30", true), ("2026-07-01", false), ("2019-12-31", false), ("2020-01-01", true)])
    func certificateExemptionValidity(obtained: String, counts: Bool) throws {
        let graph = curriculum(courses: tenCourses, plan: """
                requirements: ["10001", "10002"]
        """, extra: """
        exemptions:
          - id: cert
            certificate: 某证书
            exempts: ["10002"]
            obtained-from: 2020-01-01
            obtained-before: 2026-07-01
            source: SRC
        """)
        let candidate = Support.candidate(certificates: [Certificate(name: "某证书", obtainedOn: CivilDate(obtained)!)])
        // Audited after every certificate date: a certificate must also be held on the application date (see
        // HandWorkedCaseTests.certificateObtainedAfterTheApplicationDateExemptsNothing).
        let result = try audit(graph, Support.passed(["10001"]), candidate: candidate, on: CivilDate("2026-12-31")!)
        #expect((result.verdict == .eligible) == counts)
        #expect(result.applied.map { "\($0.kind) \($0.id)" } == (counts ? ["exemption cert"] : []))
        let record = result.requirements.children.last?.records.first
        #expect(counts ? record?.via == "exemption" && record?.score == nil : record == nil)
    }

    @Test func exemptionInAnotherProvinceDoesNotApply() throws {
        let certificate = Certificate(name: "全国计算机等级考试一级", obtainedOn: CivilDate("2023-03-25")!)
        let records = Support.passed(PlanCourses.sxMarketing.filter { $0 != "00018" && $0 != "00019" })
        let audit = try Support.engine.audit(Support.request(records, province: "山西", major: "530605",
                                                             candidate: Support.candidate(diploma: nil, certificates: [certificate])))
        #expect(Set(codes(audit.missing.items)) == ["00018", "00019"])
    }

    static let additional = """
                total-credits: 3
                requirements: ["10001", "10002"]
                additional-courses:
                  - id: other-field
                    title: 非本专业加考
                    when-prior-field-not-in: [行政管理, 公共管理]
                    courses: ["10004", "10005"]
        """

    @Test func additionalCoursesApplyByPriorFieldAndDoNotCount() throws {
        let graph = curriculum(level: "专升本", courses: tenCourses, plan: Self.additional)
        let other = Support.candidate(diploma: Support.diploma(field: "机械制造"))
        let missing = try audit(graph, Support.passed(["10001", "10002"]), candidate: other)
        #expect(missing.verdict == .notEligible)
        #expect(codes(missing.missing.items) == ["10004", "10005"])
        #expect(missing.missing.credits == 9)
        #expect(missing.additionalCourses.map(\.id) == ["other-field"])
        #expect(missing.totals.credits.earned == 3 && missing.totals.courses.earned == 2)

        let passed = try audit(graph, Support.passed(["10001", "10002", "10004", "10005"]), candidate: other)
        #expect(passed.verdict == .eligible)
        #expect(passed.totals.credits.earned == 3, "加考 credits are not counted in the plan total")
        #expect(passed.totals.courses.earned == 2)
        #expect(passed.additionalCourses.first?.status == .satisfied)

        let sameField = try audit(graph, Support.passed(["10001", "10002"]), candidate: Support.candidate(diploma: Support.diploma(field: "行政管理")))
        #expect(sameField.verdict == .eligible)
        #expect(sameField.additionalCourses.isEmpty)
    }

    @Test func additionalCoursesCannotFillThePlanTotal() throws {
        // total-credits 3 = 10001 + 10002; passing 加考 courses instead of 10002 must not make up the total.
        let graph = curriculum(level: "专升本", courses: tenCourses, plan: Self.additional)
        let result = try audit(graph, Support.passed(["10001", "10004", "10005"]), candidate: Support.candidate(diploma: Support.diploma(field: "机械制造")))
        #expect(codes(result.missing.items) == ["10002"])
        #expect(result.totals.credits.earned == 1)
    }
}
