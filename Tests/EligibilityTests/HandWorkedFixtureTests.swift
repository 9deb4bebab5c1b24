import Foundation
import Testing
import Eligibility

// Hand-worked cases for the constructs no bundled real plan uses (alternatives 考外语者/不考外语者 with a 13-credit
// replacement set, the seed's ≥14-credit 顶替英语(二), 加考). The fixtures use real course codes with their real
// credits (JS2024-PLANS, JS2024-HANDBOOK, the Shanxi seed); the plan shapes follow the sources' wording:
// - Jiangsu 2021 会计学: "英语(二)/日语/法语/俄语 14 任选1门; 不考外语者换考课程 00321 中国文化概论5, 00152 组织行为学4,
//   27332 当代中国经济运行4 (=13)", plan total 65 — so a candidate without a language needs one more credit elsewhere.
// - Shanxi seed: "顶替课程总学分不能小于14分" from a list that includes courses the plan also requires (03708, 04184, 00160).
// Every expected value was worked out by hand first; the arithmetic is in each comment.

private let catalog = """
      - {code: "03708", name: 中国近现代史纲要, credits: 2}
      - {code: "03709", name: 马克思主义基本原理概论, credits: 4}
      - {code: "04184", name: 线性代数（经管类）, credits: 4}
      - {code: "13887", name: 经济学原理（中级）, credits: 6}
      - {code: "13683", name: 管理学原理（中级）, credits: 6}
      - {code: "13140", name: 财务会计（中级）, credits: 6}
      - {code: "08119", name: 管理会计, credits: 5}
      - {code: "00160", name: 审计学, credits: 4}
      - {code: "13141", name: 财务报表分析, credits: 5}
      - {code: "11002", name: 公司法与企业法, credits: 4}
      - {code: "03409", name: 税收学, credits: 6}
      - {code: "14033", name: 内部控制与风险管理, credits: 5}
      - {code: "00015", name: 英语(二), credits: 14}
      - {code: "27016", name: 日语, credits: 14}
      - {code: "27017", name: 法语, credits: 14}
      - {code: "27018", name: 俄语, credits: 14}
      - {code: "00321", name: 中国文化概论, credits: 5}
      - {code: "00152", name: 组织行为学, credits: 4}
      - {code: "27332", name: 当代中国经济运行, credits: 4}
      - {code: "00058", name: 市场营销学, credits: 5}
      - {code: "00149", name: 国际贸易理论与实务, credits: 6}
      - {code: "00150", name: 金融理论与实务, credits: 6}
      - {code: "00158", name: 资产评估, credits: 4}
      - {code: "00159", name: 高级财务会计, credits: 6}
      - {code: "00161", name: 财务报表分析(一), credits: 5}
      - {code: "00162", name: 会计制度设计, credits: 5}
      - {code: "00041", name: 基础会计学, credits: 5}
      - {code: "00067", name: 财务管理学, credits: 6}
    """

private func graph(_ plan: String) -> CurriculumGraph {
    Support.graph(Support.header + """
        courses:
        \(catalog)
        majors:
          - code: "120203K"
            name: 会计学
            level: 专升本
            institutions: [测试大学]
            plans:
              - id: P
                version: "1"
                sources: [SRC]
        \(plan)
        """)
}

private func audit(_ graph: CurriculumGraph, _ codes: [String], field: String = "会计", choices: [String: String] = [:]) throws -> Audit {
    try AuditEngine(graph: graph).audit(AuditRequest(
        candidate: Support.candidate(diploma: Support.diploma(field: field)), records: Support.passed(codes),
        major: MajorKey(province: "江苏", code: "120203K"), planID: "P", applicationDate: Support.date, choices: choices))
}

private func missing(_ audit: Audit) -> [String] {
    audit.missing.items.map { item in item.course.map { "\($0.code) \($0.credits)" } ?? "credits \(item.credits)" }
}

/// 42 credits of required courses: 2+4+4+6+6+6+5+4+5.
private let required = ["03708", "03709", "04184", "13887", "13683", "13140", "08119", "00160", "13141"]

@Suite("Hand-worked fixtures: 考外语者 / 不考外语者 with a 13-credit set, total 65")
struct HandWorkedLanguageTrackTests {
    static let plan = graph("""
                total-credits: 65
                requirements:
                  - {id: core, all-of: ["03708", "03709", "04184", "13887", "13683", "13140", "08119", "00160", "13141"]}
                  - id: language-track
                    alternatives:
                      - {id: with-fl, when: 考外语者, one-of: ["00015", "27016", "27017", "27018"]}
                      - {id: without-fl, when: 不考外语者, all-of: ["00321", "00152", "27332"]}
                  - {id: electives, title: 选考课程, pool: ["11002", "03409", "14033"], min-courses: 1}
        """)

    /// 42 + 00015 14 + 11002 4 = 60 < 65: 5 more credits. 14033 (5) reaches 65 exactly; 03409 (6) would too but
    /// costs more. Missing: 14033 5 (1 course, 5 credits).
    @Test func withLanguageFiveCreditsShort() throws {
        let result = try audit(Self.plan, required + ["00015", "11002"])
        #expect(result.verdict == .notEligible)
        #expect(missing(result) == ["14033 5"])
        #expect(result.missing.credits == 5 && result.missing.courses == 1)
        #expect(result.totals.credits.earned == 60)
    }

    /// 不考外语者: 42 + 00321 5 + 00152 4 + 27332 4 (=13) + 11002 4 = 59 < 65: 6 more. 14033 (5) gives 64, not enough;
    /// 03409 (6) gives 65. Missing: 03409 6.
    @Test func withoutLanguageTheThirteenCreditSetNeedsOneMoreCourse() throws {
        let result = try audit(Self.plan, required + ["00321", "00152", "27332", "11002"])
        #expect(missing(result) == ["03409 6"])
        #expect(result.missing.credits == 6 && result.missing.courses == 1)
        #expect(result.totals.credits.earned == 59)
    }

    /// No language and nothing of the set; electives 11002 4 + 14033 5 + 03409 6 = 15 → 57. Either track reaches 65:
    /// a language (14 credits, 1 course → 71) or the set (13 credits, 3 courses → 70). Fewest credits first: the set,
    /// 00152 4 + 27332 4 + 00321 5. Declaring 考外语者 instead gives 00015 14 with the other languages as alternatives.
    @Test func noLanguageTheCheaperTrackIsTheSet() throws {
        let result = try audit(Self.plan, required + ["11002", "14033", "03409"])
        #expect(Set(missing(result)) == ["00152 4", "27332 4", "00321 5"])
        #expect(result.missing.credits == 13 && result.missing.courses == 3)
        let declared = try audit(Self.plan, required + ["11002", "14033", "03409"], choices: ["language-track": "with-fl"])
        #expect(missing(declared) == ["00015 14"])
        #expect(declared.missing.items.first?.alternatives.map(\.code) == ["00015", "27016", "27017", "27018"])
    }

    /// 42 + 11002 4 = 46. With a language: +14 → 60, still 5 short → + 14033 5: 19 credits, 2 courses. Without: +13 →
    /// 59, 6 short → + 03409 6: 19 credits, 4 courses. Equal credits, fewer courses: 00015 14 + 14033 5.
    @Test func equalCreditsFewerCoursesWins() throws {
        let result = try audit(Self.plan, required + ["11002"])
        #expect(Set(missing(result)) == ["00015 14", "14033 5"])
        #expect(result.missing.credits == 19 && result.missing.courses == 2)
    }
}

@Suite("Hand-worked fixtures: 顶替英语(二) by at least 14 credits (Shanxi seed)")
struct HandWorkedReplacementTests {
    /// 03708 2 + 03709 4 + 00015 14 + 00160 4 + 04184 4 = 28. The 顶替 list is the seed's, which includes 03708, 00160
    /// and 04184 — courses the plan also requires, so they cannot serve both.
    static let plan = graph("""
                total-credits: 28
                requirements: ["03708", "03709", "00015", "00160", "04184"]
                substitutions:
                  - id: replace-00015
                    title: 顶替英语(二)
                    replaces: "00015"
                    min-credits: 14
                    from: ["00058", "00149", "00150", "00158", "00159", "00160", "00161", "00162", "03708", "04184"]
        """)

    /// Required courses passed, 顶替 00149 6 + 00150 6 = 12 < 14. The required 03708 / 00160 / 04184 must stay with
    /// their own nodes (a course counts once), so 2 more credits must come from an unpassed listed course: the
    /// cheapest is 00158 资产评估 4 (1 course) — not 00015 (14). Alternatives: the other unpassed listed courses.
    @Test func twelveCreditsNeedOneMoreListedCourse() throws {
        let result = try audit(Self.plan, ["03708", "03709", "00160", "04184", "00149", "00150"])
        #expect(result.verdict == .notEligible)
        #expect(missing(result) == ["00158 4"])
        #expect(result.missing.credits == 4 && result.missing.courses == 1)
        #expect(result.missing.items.first?.alternatives.map(\.code) == ["00158", "00058", "00161", "00162", "00159"])
    }

    /// 00149 6 + 00150 6 + 00161 5 = 17 ≥ 14: 00015 is replaced (status substituted); 2+4+4+4+17 = 31 ≥ 28; eligible.
    @Test func seventeenCreditsReplace00015() throws {
        let result = try audit(Self.plan, ["03708", "03709", "00160", "04184", "00149", "00150", "00161"])
        #expect(result.verdict == .eligible)
        #expect(result.requirements.children.first { $0.id == "00015" }?.status == .substituted)
        #expect(result.applied.map { "\($0.kind) \($0.id) \($0.records.map(\.rawValue).sorted())" } == ["substitution replace-00015 [\"00149\", \"00150\", \"00161\"]"])
        #expect(result.totals.credits.earned == 31)
    }
}

@Suite("Hand-worked fixtures: 加考 by prior-diploma field")
struct HandWorkedAdditionalCourseTests {
    /// 03708 2 + 03709 4 + 13140 6 + 08119 5 = 17, pool [00041 5, 03409 6] ≥ 1 course, total 22; 加考 00041 基础会计学 5
    /// and 00067 财务管理学 6 for a prior diploma outside 会计 / 会计学 / 财务管理.
    static let plan = graph("""
                total-credits: 22
                requirements:
                  - "03708"
                  - "03709"
                  - "13140"
                  - "08119"
                  - {id: electives, pool: ["00041", "03409"], min-courses: 1}
                additional-courses:
                  - id: non-accounting
                    title: 非会计类专业加考
                    when-prior-field-not-in: [会计, 会计学, 财务管理]
                    courses: ["00041", "00067"]
        """)

    /// 市场营销 diploma; 17 + 03409 6 = 23 ≥ 22 and the pool is met; 加考 00041 5 + 00067 6 missing (11 credits,
    /// 2 courses) and not counted in the totals (23).
    @Test func otherFieldMustPassTheAdditionalCourses() throws {
        let result = try audit(Self.plan, ["03708", "03709", "13140", "08119", "03409"], field: "市场营销")
        #expect(result.verdict == .notEligible)
        #expect(missing(result) == ["00041 5", "00067 6"])
        #expect(result.totals.credits.earned == 23)
        #expect(result.additionalCourses.map(\.id) == ["non-accounting"])
    }

    /// 市场营销 diploma with 00041 and 00067 passed but no 03409: 00041 cannot count both as 加考 and for the pool (加考
    /// is never counted in the plan total), so the pool and the total (17 + 5 would be 22) still need 03409 6: 23.
    @Test func anAdditionalCourseDoesNotAlsoCountForThePlan() throws {
        let result = try audit(Self.plan, ["03708", "03709", "13140", "08119", "00041", "00067"], field: "市场营销")
        #expect(missing(result) == ["03409 6"])
        #expect(result.totals.credits.earned == 17)
    }

    /// 会计学 diploma: no 加考; 17 + 00041 5 = 22: eligible.
    @Test func sameFieldNeedsNoAdditionalCourses() throws {
        let result = try audit(Self.plan, ["03708", "03709", "13140", "08119", "00041"], field: "会计学")
        #expect(result.verdict == .eligible)
        #expect(result.additionalCourses.isEmpty)
        #expect(result.totals.credits.earned == 22)
    }
}

@Suite("Hand-worked fixtures: 停考专业 course replacement (Shanxi 2024 报考简章)")
struct HandWorkedStoppedMajorTests {
    /// "仍有部分专业课程未取得合格成绩，可…选考相同、相近且不低于原学分的课程；如没有相同相近课程的，可选择不低于应考课程学分的
    /// 任意课程". Plan (fixture): 00041 基础会计学 5, 00058 市场营销学 5, 00178 市场调查与预测 6 = 16 credits.
    static func graph(status: String) -> CurriculumGraph {
        Support.graph("""
            province: 山西
            provinces:
              - name: 山西
                stopped-major-rule:
                  source: SRC
                  note: 可选考相同、相近且不低于原学分的课程
            sources:
              - id: SRC
                document: 测试来源
            institutions:
              - name: 山西财经大学
            courses:
              - {code: "00041", name: 基础会计学, credits: 5}
              - {code: "00058", name: 市场营销学, credits: 5}
              - {code: "00178", name: 市场调查与预测, credits: 6}
              - {code: "00177", name: 消费心理学, credits: 5}
              - {code: "00149", name: 国际贸易理论与实务, credits: 6}
            majors:
              - code: "960101"
                name: 新闻学
                level: 专科
                institutions: [山西财经大学]
                status: \(status)
                plans:
                  - id: P
                    version: "1"
                    sources: [SRC]
                    total-credits: 16
                    requirements: ["00041", "00058", "00178"]
            """)
    }

    private func audit(_ graph: CurriculumGraph, _ codes: [String]) throws -> Audit {
        try AuditEngine(graph: graph).audit(AuditRequest(candidate: Support.candidate(diploma: nil), records: Support.passed(codes),
                                                         major: MajorKey(province: "山西", code: "960101"), planID: "P",
                                                         applicationDate: Support.date))
    }

    /// Stopped major, 00178 (6) not passed, 00149 国际贸易理论与实务 6 passed: 6 ≥ 6, so 00149 may replace 00178 —
    /// eligible pending review (the office confirms "相同、相近" or that no similar course exists); 16/16 credits.
    /// 00177 消费心理学 5 < 6 cannot replace 00178: 00178 6 stays missing.
    @Test func aCourseOfAtLeastTheCreditsReplacesAMissingCourse() throws {
        let stopped = Self.graph(status: "stopped")
        let replaced = try audit(stopped, ["00041", "00058", "00149"])
        #expect(replaced.verdict == .eligiblePendingReview)
        #expect(replaced.totals.credits.earned == 16)
        #expect(replaced.applied.map { "\($0.kind) \($0.requirement ?? "") \($0.records.map(\.rawValue))" } == ["stopped-major-rule 00178 [\"00149\"]"])
        #expect(replaced.review.map { "\($0.code) \($0.requirement)" } == ["00149 00178"])
        let tooSmall = try audit(stopped, ["00041", "00058", "00177"])
        #expect(tooSmall.verdict == .notEligible)
        #expect(missing(tooSmall) == ["00178 6"])
        // An open major has no such rule.
        let open = try audit(Self.graph(status: "open"), ["00041", "00058", "00149"])
        #expect(missing(open) == ["00178 6"])
    }
}

@Suite("Hand-worked fixtures: pool with minimum credits and courses")
struct HandWorkedPoolTests {
    /// domain.md: "选考不少于3门课程，不少于14学分". Pool: 00321 5, 00152 4, 27332 4, 11002 4, 03409 6, 14033 5.
    static let plan = graph("""
                requirements:
                  - "03708"
                  - {id: electives, title: 选考课程, pool: ["00321", "00152", "27332", "11002", "03409", "14033"], min-courses: 3, min-credits: 14}
        """)

    /// 00152 4 + 27332 4 + 11002 4 = 12 credits, 3 courses: 2 credits short. Cheapest single course ≥ 2 credits not
    /// passed: 00321 5 or 14033 5 (tie by code: 00321); alternatives by credits then code: 00321, 14033, 03409.
    @Test func threeCoursesTwoCreditsShort() throws {
        let result = try audit(Self.plan, ["03708", "00152", "27332", "11002"])
        #expect(missing(result) == ["00321 5"])
        #expect(result.missing.credits == 5 && result.missing.courses == 1)
        #expect(result.missing.items.first?.alternatives.map(\.code) == ["00321", "14033", "03409"])
        let pool = result.requirements.children.first { $0.id == "electives" }
        #expect(pool?.credits.earned == 12 && pool?.courses.earned == 3 && pool?.status == .unsatisfied)
    }

    /// 03409 6 + 14033 5 = 11 credits, 2 courses: one more course and 3 more credits; the cheapest is a 4-credit
    /// course, 00152 (ties 27332, 11002 broken by code).
    @Test func twoCoursesOneCourseShort() throws {
        let result = try audit(Self.plan, ["03708", "03409", "14033"])
        #expect(missing(result) == ["00152 4"])
        #expect(result.missing.credits == 4 && result.missing.courses == 1)
    }
}
