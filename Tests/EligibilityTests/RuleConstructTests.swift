import Foundation
import Testing
import Eligibility

// The constructs real plans need (issue 9): conditions on rules (`only-if` by a candidate's option or attribute),
// pass-date windows (`passed-from` / `passed-until`), credits-only mapping rules and 加考 by prior-field category.
// Real codes with their real credits; every expectation worked out by hand first (arithmetic in the comments).

private let courses = """
    courses:
      - {code: "03708", name: 中国近现代史纲要, credits: 2}
      - {code: "03709", name: 马克思主义基本原理概论, credits: 4}
      - {code: "13000", name: 英语（专升本）, credits: 7}
      - {code: "00015", name: 英语(二), credits: 14}
      - {code: "00321", name: 中国文化概论, credits: 5}
      - {code: "00152", name: 组织行为学, credits: 4}
      - {code: "27332", name: 当代中国经济运行, credits: 4}
      - {code: "02197", name: 概率论与数理统计(二), credits: 4}
      - {code: "00001", name: 马克思主义哲学原理, credits: 3}
      - {code: "00054", name: 管理学原理, credits: 6, examined-until: 2024-10-31}
    candidate-attributes:
      - {id: 港澳台, title: 港澳台考生}
    field-categories:
      - {id: 电子与信息大类, code: "51", kind: 专业大类}
      - id: 计算机类
        code: "5102"
        kind: 专业类
        parent: 电子与信息大类
        fields: [{code: "510203", name: 软件技术}, 计算机应用技术]
      - {id: 财务会计类, code: "5303", kind: 专业类, fields: [会计]}
    """

private func engine(_ plan: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> AuditEngine {
    Support.singlePlanEngine(courses: courses, plan: plan, sourceLocation: sourceLocation)
}

private func audit(_ engine: AuditEngine, _ records: [CourseRecord], field: String = "会计", attributes: [String] = [],
                   choices: [String: String] = [:]) throws -> Audit {
    var candidate = Support.candidate(diploma: Support.diploma(field: field))
    candidate.attributes = attributes
    return try engine.audit(AuditRequest(candidate: candidate, records: records, major: MajorKey(province: "江苏", code: "120203K"),
                                         applicationDate: Support.date, choices: choices))
}

private func passed(_ code: String, on date: String = "2024-04-13") -> CourseRecord {
    CourseRecord(code: CourseCode(rawValue: code), score: .points(75), passDate: CivilDate(date))
}

private func missing(_ audit: Audit) -> [String] { audit.missing.items.compactMap { $0.course?.code.rawValue }.sorted() }

@Suite("Rule constructs: conditions, pass-date windows, credits-only rules, 加考 by category")
struct RuleConstructTests {
    // MARK: only-if by attribute

    /// 思想政治理论课 for everyone, other courses for 港澳台 candidates: the 港澳台 option is open only with the attribute.
    private let politics = engine("""
                requirements:
                  - id: politics
                    alternatives:
                      - {id: standard, when: 一般考生, all-of: ["03708", "03709"]}
                      - {id: hmt, when: 港澳台考生, only-if: {attribute: [港澳台]}, all-of: ["00321"]}
        """)

    @Test("an option open only to 港澳台 candidates: with the attribute it counts, without it the standard courses are missing")
    func attributeOption() throws {
        // Passed 00321 only. With 港澳台: option hmt, eligible (5 credits, 1 course).
        let with = try audit(politics, [passed("00321")], attributes: ["港澳台"])
        #expect(with.verdict == .eligible)
        // Without: only option standard exists → 03708 (2) + 03709 (4) missing, 6 credits.
        let without = try audit(politics, [passed("00321")])
        #expect(without.verdict == .notEligible)
        #expect(missing(without) == ["03708", "03709"])
        #expect(without.missing.credits == 6)
    }

    // MARK: only-if by the candidate's option

    /// 00321 required for all; track with-fl: 13000, without-fl: 00152. An old course 27332 stands for 00321 only on
    /// the without-fl track.
    private let track = engine("""
                requirements:
                  - "00321"
                  - id: track
                    alternatives:
                      - {id: with-fl, when: 考外语者, all-of: ["13000"]}
                      - {id: without-fl, when: 不考外语者, all-of: ["00152"]}
                mappings:
                  - id: old
                    title: 旧计划对照
                    rules:
                      - {old: "27332", new: "00321", only-if: {choice: {requirement: track, option: without-fl}}}
        """)

    @Test("a mapping that holds only on one track: undeclared, the track where it holds is found; declared, it is respected")
    func choiceCondition() throws {
        let records = [passed("27332"), passed("13000"), passed("00152")]
        // Undeclared: with-fl needs 00321 (rule closed) → missing 00321 5; without-fl: 00152 ✓, 27332 → 00321 ✓ → eligible.
        let best = try audit(track, records)
        #expect(best.verdict == .eligible)
        #expect(best.applied.contains { $0.kind == "mapping" && $0.id == "old" })
        // The assumed option is stated, so the office can check it.
        #expect(best.applied.contains { $0.kind == "assumed-choice" && $0.id == "track" && $0.message.zh.contains("without-fl") })
        // Declared with-fl: the rule does not hold → 00321 missing (5 credits).
        let declared = try audit(track, records, choices: ["track": "with-fl"])
        #expect(declared.verdict == .notEligible)
        #expect(missing(declared) == ["00321"])
        #expect(declared.missing.credits == 5)
        #expect(!declared.applied.contains { $0.kind == "assumed-choice" })
    }

    // MARK: pass-date windows

    @Test("a course that counts only for results from a sitting on: an earlier pass is set aside, a later one counts")
    func nodeWindow() throws {
        let plan = engine("""
                    requirements:
                      - {course: "13000", passed-from: 2024-10-01}
            """)
        // 2024-04-13 < 2024-10-01: not counted → missing 13000 (7).
        let early = try audit(plan, [passed("13000", on: "2024-04-13")])
        #expect(missing(early) == ["13000"])
        #expect(early.unused.contains { $0.code.rawValue == "13000" })
        // 2024-10-19 ≥ 2024-10-01: counts → eligible.
        #expect(try audit(plan, [passed("13000", on: "2024-10-19")]).verdict == .eligible)
        // No date: the window cannot be checked → not counted.
        #expect(try audit(plan, [CourseRecord(code: CourseCode(rawValue: "13000"), score: .points(80))]).verdict == .notEligible)
    }

    @Test("an option's window applies to every course under it")
    func optionWindow() throws {
        let plan = engine("""
                    requirements:
                      - id: language
                        alternatives:
                          - {id: english, when: 考英语, all-of: ["13000"]}
                          - {id: culture, when: 自2024年10月考试起, passed-from: 2024-10-01, all-of: ["00321", "00152"]}
            """)
        // 00321 + 00152 passed 2024-04: option culture does not take them → cheapest: 13000 (7) vs culture again (9) → missing 13000.
        let early = try audit(plan, [passed("00321"), passed("00152")])
        #expect(missing(early) == ["13000"])
        // Passed 2024-10-19: culture complete → eligible.
        #expect(try audit(plan, [passed("00321", on: "2024-10-19"), passed("00152", on: "2024-10-19")]).verdict == .eligible)
    }

    @Test("a mapping whose new course is one of a pool's courses counts in the pool (as 4 credits of 27332, once)")
    func poolMapping() throws {
        let plan = engine("""
                    requirements:
                      - {id: electives, pool: ["27332", "00152"], min-credits: 8}
                    mappings:
                      - id: old
                        rules:
                          - {old: "02197", new: "27332"}
            """)
        // 02197 → 27332 (4) + 00152 (4) = 8 ≥ 8 → eligible; without the mapping the pool has 4 of 8.
        let mapped = try audit(plan, [passed("02197"), passed("00152")])
        #expect(mapped.verdict == .eligible)
        #expect(mapped.totals.credits.earned == 8)
        #expect(mapped.applied.contains { $0.kind == "mapping" && $0.records.map(\.rawValue) == ["02197"] })
        // 27332 passed itself and 02197 too: the course counts once (4 + 0), so 00152 is still needed.
        let twice = try audit(plan, [passed("02197"), passed("27332")])
        #expect(twice.verdict == .notEligible)
        #expect(missing(twice) == ["00152"])
        // Only 02197: the pool needs 4 more credits, and 27332 is not proposed again (it is counted through 02197).
        let alone = try audit(plan, [passed("02197")])
        #expect(missing(alone) == ["00152"])
    }

    @Test("a keeps-old rule: the old set also stands for new courses without being used up (130508 说明5)")
    func keepsOldRule() throws {
        let plan = engine("""
                    requirements:
                      - {id: electives, pool: ["00321", "00152"], min-credits: 9}
                      - "27332"
                    mappings:
                      - id: old
                        rules:
                          - {old: ["00321", "00152"], need: 2, new: "27332", keeps-old: true}
            """)
        // 00321 (5) + 00152 (4) fill the pool (9) and, kept, also stand for 27332 (4): 13 credits, eligible.
        let both = try audit(plan, [passed("00321"), passed("00152")])
        #expect(both.verdict == .eligible)
        #expect(both.totals.credits.earned == 13)
        // Only 00321: the pool lacks 00152 and the rule needs both → 27332 and 00152 missing.
        #expect(missing(try audit(plan, [passed("00321")])) == ["00152", "27332"])
        // Without keeps-old the same rule would use the two up: the pool would be empty.
        let consuming = engine("""
                    requirements:
                      - {id: electives, pool: ["00321", "00152"], min-credits: 9}
                      - "27332"
                    mappings:
                      - id: old
                        rules:
                          - {old: ["00321", "00152"], need: 2, new: "27332"}
            """)
        #expect(try audit(consuming, [passed("00321"), passed("00152")]).verdict == .notEligible)
    }

    @Test("a course no longer examined: a missing one says so, and a pool never proposes it")
    func courseNoLongerExamined() throws {
        let required = engine("""
                    requirements: ["00054"]
            """)
        // Support.date is after 2024-10-31: 00054 cannot be taken any more.
        let stopped = try audit(required, [])
        #expect(missing(stopped) == ["00054"])
        #expect(stopped.missing.items.first?.note?.zh.contains("已不再开考") == true)
        // Passed before its last sitting: it still counts.
        #expect(try audit(required, [passed("00054", on: "2024-10-19")]).verdict == .eligible)
        // In a pool (6 credits needed): 00054 (6) would be cheapest by courses, but it is no longer examined → 00321 (5) + 00152 (4).
        let pool = engine("""
                    requirements:
                      - {id: electives, pool: ["00054", "00321", "00152"], min-credits: 6}
            """)
        #expect(missing(try audit(pool, [])) == ["00152", "00321"])
    }

    @Test("a mapping rule valid in a window: old results passed after it do not stand for the new course")
    func mappingWindow() throws {
        let plan = engine("""
                    requirements: ["13000"]
                    mappings:
                      - id: old
                        rules:
                          - {old: "00015", new: "13000", passed-until: 2024-06-30}
            """)
        #expect(try audit(plan, [passed("00015", on: "2024-04-13")]).verdict == .eligible)
        #expect(missing(try audit(plan, [passed("00015", on: "2024-10-19")])) == ["13000"])
    }

    /// Two of 00015 / 00152 stand for 13000 if passed by 2024-06-30; one was. On 2025-04-30 (Support.date) another old
    /// course can no longer complete the rule, and the note says so instead of implying it (issue 11, item 2).
    @Test func partialMappingAfterItsWindowAdvisesTheNewCourse() throws {
        let plan = engine("""
                    requirements: ["13000"]
                    mappings:
                      - id: old
                        rules:
                          - {old: ["00015", "00152"], need: 2, new: "13000", passed-until: 2024-06-30}
            """)
        let closed = try audit(plan, [passed("00015", on: "2024-04-13")])
        #expect(missing(closed) == ["13000"])
        #expect(closed.missing.items.first?.note?.zh == "对照规则 old 须通过 00015、00152 中 2 门，现只通过 1 门（00015）；该规则只计 2024-06-30 前通过的旧课程，已不能再以补考旧课程满足，须报考本课程")
        let open = engine("""
                    requirements: ["13000"]
                    mappings:
                      - id: old
                        rules:
                          - {old: ["00015", "00152"], need: 2, new: "13000"}
            """)
        #expect(try audit(open, [passed("00015", on: "2024-04-13")]).missing.items.first?.note?.zh == "对照规则 old 须通过 00015、00152 中 2 门，现只通过 1 门（00015）")
    }

    // MARK: credits-only

    /// Total 10 credits, 3 courses: 03708 (2) + 03709 (4) required, 00321 (5) / 00152 (4) may make up the rest.
    private let creditsOnly = engine("""
                total-credits: 10
                min-courses: 3
                requirements:
                  - "03708"
                  - "03709"
                  - {id: more, pool: ["00321", "00152"]}
                mappings:
                  - id: history
                    title: 历史版本课程
                    rules:
                      - {old: "27332", credits-only: true}
        """)

    @Test("a credits-only old course counts its credits and one course toward the totals, and satisfies no course")
    func creditsOnlyRule() throws {
        // 03708 2 + 03709 4 + 27332 4 (credits only) = 10 credits, 3 courses → eligible.
        let counted = try audit(creditsOnly, [passed("03708"), passed("03709"), passed("27332")])
        #expect(counted.verdict == .eligible)
        #expect(counted.totals.credits.earned == 10)
        #expect(counted.totals.courses.earned == 3)
        #expect(counted.applied.contains { $0.kind == "credits-only" && $0.records.map(\.rawValue) == ["27332"] })
        // Without it: 6 credits, 2 courses → the cheapest addition is 00152 (4): 10 credits, 3 courses.
        let short = try audit(creditsOnly, [passed("03708"), passed("03709")])
        #expect(missing(short) == ["00152"])
        // It never satisfies a course: 03709 missing stays missing (4), totals 2 + 4 = 6 credits of 10 → 03709 + 00152? No:
        // 03708 2 + 27332 4 = 6 credits, 2 courses; adding 03709 (4) gives 10 credits, 3 courses → only 03709 missing.
        let noCourse = try audit(creditsOnly, [passed("03708"), passed("27332")])
        #expect(missing(noCourse) == ["03709"])
    }

    // MARK: 加考 by category

    private let additional = engine("""
                requirements: ["03708"]
                additional-courses:
                  - id: non-it
                    title: 非电子与信息大类专业加考
                    when-prior-category-not-in: [电子与信息大类]
                    except-fields: [通信技术]
                    courses: ["02197"]
        """)

    @Test("加考 by the prior field's category: a 专业类 in the excluded 大类 is exempt, with the reason in the trace")
    func categoryExempt() throws {
        // 软件技术 ∈ 计算机类 ⊂ 电子与信息大类 → no 加考 → eligible.
        let exempt = try audit(additional, [passed("03708")], field: "软件技术")
        #expect(exempt.verdict == .eligible)
        #expect(exempt.trace.contains { $0.message.zh.contains("软件技术 属于") && $0.message.zh.contains("免加考") })
        // By major code as well (510203 = 软件技术).
        #expect(try audit(additional, [passed("03708")], field: "510203").verdict == .eligible)
    }

    @Test("加考 by category: another category must pass it; an exception is exempt; a field the table lacks is for review")
    func categoryApplies() throws {
        // 会计 ∈ 财务会计类, not in 电子与信息大类 → 02197 (4) missing.
        let applies = try audit(additional, [passed("03708")], field: "会计")
        #expect(applies.verdict == .notEligible)
        #expect(missing(applies) == ["02197"])
        // 通信技术 is an exception of the group → eligible.
        #expect(try audit(additional, [passed("03708")], field: "通信技术").verdict == .eligible)
        // 园艺技术 is in no category: not guessed → pending review.
        let unknown = try audit(additional, [passed("03708")], field: "园艺技术")
        #expect(unknown.verdict == .eligiblePendingReview)
        #expect(unknown.trace.contains { $0.message.zh.contains("不在专业类别表中") })
    }
}
