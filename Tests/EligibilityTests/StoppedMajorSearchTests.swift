import Testing
@testable import Eligibility

/// 停考专业: under the province's stopped-major rule any passed course with at least a missing course's credits may
/// stand in for it, so the search must not try every injection of k missing courses into m such records
/// (m!/(m-k)! branches, minutes for 8 records). It must stay exact: compared with a brute force on small cases.
@Suite("Stopped-major rule: size and exactness of the search")
struct StoppedMajorSearchTests {
    struct Random {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(1, n)))
        }
    }

    /// A stopped major whose plan requires `required` (credits each, codes 10001…), and a catalog that also holds
    /// `others` (credits each, codes 20001…), courses no requirement names.
    static func graph(required: [Int], others: [Int]) -> CurriculumGraph {
        let courses = required.enumerated().map { "  - {code: \"\(10001 + $0.offset)\", name: 课程\($0.offset), credits: \($0.element)}" }
            + others.enumerated().map { "  - {code: \"\(20001 + $0.offset)\", name: 其他\($0.offset), credits: \($0.element)}" }
        let codes = required.indices.map { "\"\(10001 + $0)\"" }.joined(separator: ", ")
        return Support.graph("""
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
            \(courses.joined(separator: "\n"))
            majors:
              - code: "960101"
                name: 新闻学
                level: 专科
                institutions: [山西财经大学]
                status: stopped
                plans:
                  - id: P
                    version: "1"
                    sources: [SRC]
                    total-credits: \(required.reduce(0, +))
                    requirements: [\(codes)]
            """)
    }

    static func request(passed: [String]) -> AuditRequest {
        AuditRequest(candidate: Support.candidate(diploma: nil), records: Support.passed(passed),
                     major: MajorKey(province: "山西", code: "960101"), planID: "P", applicationDate: Support.date)
    }

    /// The least (missing credits, missing courses, stand-ins) over every injection of the unpassed courses into the
    /// stand-in records (credits ≥ the course's), each course either replaced or missing.
    static func bruteForce(unpassed: [Int], standIns: [Int]) -> (credits: Int, courses: Int, review: Int) {
        var best = (credits: Int.max, courses: Int.max, review: Int.max)
        var used = Array(repeating: false, count: standIns.count)
        func visit(_ index: Int, _ credits: Int, _ courses: Int, _ review: Int) {
            guard index < unpassed.count else {
                if (credits, courses, review) < best { best = (credits, courses, review) }
                return
            }
            visit(index + 1, credits + unpassed[index], courses + 1, review)
            for record in standIns.indices where !used[record] && standIns[record] >= unpassed[index] {
                used[record] = true
                visit(index + 1, credits, courses, review + 1)
                used[record] = false
            }
        }
        visit(0, 0, 0, 0)
        return best
    }

    /// 12 missing courses, 40 passed courses of other plans that could stand in for them: before, the search
    /// visited every injection (hours); now a few nodes per course. Every missing course is replaced.
    @Test func manyStandInsKeepTheSearchSmall() throws {
        var random = Random(state: 7)
        let required = (0..<12).map { _ in 1 + random.below(6) }
        // 12 of 7 credits (enough for any course), 28 of random credits.
        let others = Array(repeating: 7, count: 12) + (0..<28).map { _ in 1 + random.below(7) }
        let engine = AuditEngine(graph: Self.graph(required: required, others: others))
        let request = Self.request(passed: others.indices.map { String(20001 + $0) })
        let nodes = try #require(engine.searchNodes(request, planID: "P"))
        #expect(nodes < 2_000, "search nodes: \(nodes)")
        let summary = try engine.evaluate(request)
        #expect(summary.missingCredits == 0)
        #expect(summary.reviewCount == required.count)
        #expect(summary.verdict == .eligiblePendingReview)
    }

    /// Random small cases (some courses passed, stand-ins of random credits, some too small): the engine's missing
    /// credits, missing courses and review count equal the brute force's, and auditing twice gives the same audit.
    @Test func matchesBruteForceOnSmallCases() throws {
        var random = Random(state: 42)
        for _ in 0..<Support.cases(150) {
            let required = (0..<(1 + random.below(5))).map { _ in 1 + random.below(6) }
            let others = (0..<random.below(7)).map { _ in 1 + random.below(7) }
            let passedRequired = required.indices.filter { _ in random.below(3) == 0 }
            let engine = AuditEngine(graph: Self.graph(required: required, others: others))
            let request = Self.request(passed: passedRequired.map { String(10001 + $0) } + others.indices.map { String(20001 + $0) })
            let unpassed = required.indices.filter { !passedRequired.contains($0) }.map { required[$0] }
            let expected = Self.bruteForce(unpassed: unpassed, standIns: others)
            let summary = try engine.evaluate(request)
            let context = "required \(required), passed \(passedRequired), stand-ins \(others)"
            #expect(summary.missingCredits == expected.credits, "\(context)")
            #expect(summary.missingCourses == expected.courses, "\(context)")
            #expect(summary.reviewCount == expected.review, "\(context)")
            let audit = try engine.audit(request)
            #expect(try engine.audit(request) == audit, "\(context)")
            #expect(audit.review.count == expected.review, "\(context)")
        }
    }
}
