import Testing
@testable import Eligibility

// A pool takes a passed record that no place still ahead on the search's path can use, instead of trying it in and
// out (issue 12: the 选考 pool of 090502, whose courses the 不考英语者 alternative also lists, made 2^12 subsets per
// audit). These cases are the places that must keep a record contested. Expectations worked out by hand first.

private let courses = """
    courses:
      - {code: "03708", name: 中国近现代史纲要, credits: 2}
      - {code: "03709", name: 马克思主义基本原理概论, credits: 4}
      - {code: "00321", name: 中国文化概论, credits: 5}
      - {code: "00152", name: 组织行为学, credits: 4}
    """

private func engine(_ plan: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> AuditEngine {
    Support.singlePlanEngine(courses: courses, plan: plan, sourceLocation: sourceLocation)
}

private func request(_ codes: [String]) -> AuditRequest {
    AuditRequest(candidate: Support.candidate(diploma: Support.diploma(field: "会计")), records: Support.passed(codes),
                 major: MajorKey(province: "江苏", code: "120203K"), applicationDate: Support.date)
}

private func missing(_ audit: Audit) -> [String] { audit.missing.items.compactMap { $0.course?.code.rawValue }.sorted() }

@Suite("Pools: records nothing ahead can use")
struct PoolRecordTests {
    /// A credits-only rule is met at the end of every path, so it keeps a pool's record contested: here the pool is
    /// capped, and the record is worth more to the totals outside it.
    @Test func aCappedPoolLeavesARecordToACreditsOnlyRule() throws {
        // Track b only makes the total reachable by the tree (the lint counts no credits-only rule).
        let plan = engine("""
                    total-credits: 11
                    requirements:
                      - id: track
                        alternatives:
                          - id: a
                            when: 甲
                            all-of:
                              - "03708"
                              - {id: more, pool: ["03709", "00321"], min-credits: 4, max-credits: 4}
                          - id: b
                            when: 乙
                            all-of: ["03708", "00321", "00152"]
                    mappings:
                      - id: history
                        rules:
                          - {old: "00321", credits-only: true}
            """)
        // a: pool 03709 (4, the cap) + 00321 credits only (5): 2 + 4 + 5 = 11 → eligible. Had the pool taken 00321
        // as well: min(4 + 5, 4) = 4 counted, 2 + 4 = 6 of 11, and no course left to add. (b: 00152 missing.)
        let audit = try plan.audit(request(["03708", "03709", "00321"]))
        #expect(audit.verdict == .eligible)
        #expect(audit.totals.credits.earned == 11)
        #expect(audit.applied.contains { $0.kind == "credits-only" && $0.records.map(\.rawValue) == ["00321"] })
    }

    /// A course after the pool in the tree is still ahead when the pool is decided: the pool must leave it its record.
    @Test func aPoolLeavesARecordToACourseAhead() throws {
        let plan = engine("""
                    requirements:
                      - {id: more, pool: ["00321", "00152"], min-credits: 4}
                      - "00152"
            """)
        // 00152 to the course; the pool, short of 4 credits, adds 00321 (5). Had the pool taken 00152, the course
        // could not be met at all (passed, but used).
        let audit = try plan.audit(request(["00152"]))
        #expect(missing(audit) == ["00321"])
        #expect(audit.missing.credits == 5)
    }

    /// The same record named by a course of the alternative not taken is no longer contested: one subset, not 2^n.
    @Test func anotherAlternativesCoursesDoNotContestThePool() throws {
        let plan = engine("""
                    requirements:
                      - id: track
                        alternatives:
                          - id: a
                            when: 甲
                            all-of:
                              - "03708"
                              - {id: more, pool: ["03709", "00321", "00152"], min-credits: 9}
                          - id: b
                            when: 乙
                            all-of: ["03709", "00321", "00152"]
            """)
        // Alternative a: 03708 + pool 03709 4 + 00321 5 + 00152 4 = 13 ≥ 9 → eligible on the first path.
        let request = request(["03708", "03709", "00321", "00152"])
        #expect(try plan.audit(request).verdict == .eligible)
        // Root, track, a, 03708, pool (one subset), end; then b is cut by the bound: under 20 nodes. Before, the pool
        // tried all 8 subsets of its three contested records.
        let nodes = try #require(plan.searchNodes(request, planID: "P"))
        #expect(nodes < 20, "\(nodes) search nodes")
    }

    /// The bundled plan that made the subsets: 090502 with every related code passed, a few dozen nodes.
    @Test func bundledLandscapePlanStaysSmall() throws {
        let graph = Support.curricula.graph
        for id in ["JS-2024-090502", "JS-2025-090502"] {
            let plan = try #require(graph.plans[id])
            let major = try #require(graph.majors[plan.major])
            let records = plan.relatedCodes(in: graph).sorted().map { CourseRecord(code: $0, score: graph.courses[$0]?.kind == .thesis ? .grade(.good) : .points(75)) }
            let date = plan.isInForce(on: Support.date) ? Support.date : plan.effectiveUntil ?? plan.effectiveFrom ?? Support.date
            let request = AuditRequest(candidate: Support.candidate(), records: records, major: major.key, planID: id, applicationDate: date)
            let nodes = try #require(Support.engine.searchNodes(request, planID: id))
            // 56 and 66 nodes; were 4,144 (JS-2024) and 4,154 (JS-2025) before the pool took uncontested-ahead records.
            #expect(nodes < 200, "\(id): \(nodes) search nodes")
        }
    }
}
