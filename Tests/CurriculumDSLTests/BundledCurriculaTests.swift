import Foundation
import Testing
@testable import CurriculumDSL

/// The curricula shipped in <repo>/curricula: they load cleanly and their numbers add up.
@Suite struct BundledCurriculaTests {
    static let path = Fixture.repositoryRoot.appendingPathComponent("curricula").path
    static let result = CurriculumLoader().load(paths: [path])

    /// Plans that state total-credits, for the per-plan sum test.
    static let plansWithTotals: [String] = result.graph.plans.values.filter { $0.totalCredits != nil }.map(\.id).sorted()

    @Test func bundledCurriculaHaveNoDiagnostics() {
        #expect(Self.result.diagnostics.isEmpty, "\(Self.result.diagnostics.map { "\($0.location?.description ?? "") \($0.rule)" })")
    }

    @Test func bundledCurriculaAreNotEmpty() {
        #expect(Self.result.files.count >= 10)
        #expect(Self.plansWithTotals.count >= 8)
    }

    /// The credits a requirement node asks for, the cheapest way (`cheapest`) or the dearest way: the smallest (largest)
    /// option of each one-of, the N smallest (largest) of a choose N, the smallest (largest) alternative, a pool's min-credits.
    static func credits(_ node: Requirement, in graph: CurriculumGraph, cheapest: Bool) -> Int {
        switch node.shape {
        case .course(let code, _):
            return graph.courses[code]?.credits ?? 0
        case .allOf(let children):
            return children.reduce(0) { $0 + credits($1, in: graph, cheapest: cheapest) }
        case .choose(let count, let options):
            let sorted = options.map { credits($0, in: graph, cheapest: cheapest) }.sorted()
            return (cheapest ? sorted.prefix(count) : sorted.suffix(count)).reduce(0, +)
        case .alternatives(let options):
            let each = options.map { credits($0, in: graph, cheapest: cheapest) }
            return (cheapest ? each.min() : each.max()) ?? 0
        case .pool(_, let minCredits, _, _):
            return minCredits ?? 0
        }
    }

    /// A plan's printed total and its requirements agree: the total lies between the cheapest and the dearest way
    /// through the requirements (pools make up the difference; `graph.total-unreachable` checks that they can), or
    /// the plan's notes record the disagreement with the printed total (a source doubt, kept as the source states it).
    @Test("the printed total-credits agrees with the requirements, or the notes say why not", arguments: plansWithTotals)
    func creditsAddUpToTheTotal(planID: String) throws {
        let graph = Self.result.graph
        let plan = try #require(graph.plans[planID])
        let total = try #require(plan.totalCredits?.value)
        let low = Self.credits(plan.requirements, in: graph, cheapest: true)
        let high = Self.credits(plan.requirements, in: graph, cheapest: false)
        guard low > total || high < total else { return }
        let printed = String(total)
        #expect(plan.notes.contains { $0.contains(printed) && ($0.contains(String(low)) || $0.contains(String(high))) },
                "requirements need \(low)–\(high) credits, the plan prints \(total): record the doubt in notes (with both figures)")
    }

    @Test func everyRequiredCourseIsInTheCatalog() {
        let graph = Self.result.graph
        let missing = graph.plans.values.flatMap { plan in plan.allCourseCodes.filter { graph.courses[$0] == nil } }
        #expect(missing.isEmpty)
    }

    @Test func leadingZeroCodesStayFiveDigitStrings() throws {
        let graph = Self.result.graph
        let english = try #require(graph.courses["00015"])
        #expect(english.code.rawValue == "00015")
        #expect(english.credits == 14)
        #expect(graph.courses.keys.allSatisfy { CourseCode.isValid($0.rawValue) })
        #expect(graph.courses.keys.contains { $0.rawValue.hasPrefix("000") })
    }

    @Test func leadingZeroCodesInRequirementsStayStrings() throws {
        let plan = try #require(Self.result.graph.plans["JS-2024-530605"])
        #expect(plan.requirements.courseCodes.contains("00018"))
        #expect(plan.requirements.courseCodes.allSatisfy { CourseCode.isValid($0.rawValue) })
    }

    @Test func shanxiMarketingIsFoundByItsFormerCode() {
        let majors = Self.result.graph.majors(code: "630701")
        #expect(majors.map(\.key) == [MajorKey(province: "山西", code: "530605")])
    }

    @Test func jiangsuLawHasBothPlansInForceDuringTheTransition() throws {
        let graph = Self.result.graph
        let law = try #require(graph.majors[MajorKey(province: "江苏", code: "030101K")])
        let day = try #require(CivilDate("2025-04-30"))
        #expect(graph.plansInForce(for: law, on: day).map(\.id) == ["JS-2024-030101K", "JS-2021-030101K"])
        // After the window only the 2024 plan as revised in 2025 is in force (the 2024 text ended on 2025-04-30).
        #expect(graph.plansInForce(for: law, on: try #require(CivilDate("2026-07-01"))).map(\.id) == ["JS-2025-030101K"])
        #expect(graph.plansInForce(for: law, on: try #require(CivilDate("2025-05-01"))).map(\.id) == ["JS-2025-030101K", "JS-2021-030101K"])
    }

    @Test func jiangsuPoliticsMappingIsProvinceWide() throws {
        let mapping = try #require(Self.result.graph.mappings.first { $0.id == "js-zhuanke-politics" })
        #expect(mapping.province?.value == "江苏")
        #expect(mapping.rules.map(\.need) == [2, 1, 1])
    }
}
