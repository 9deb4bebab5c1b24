import Foundation
import Testing
@testable import CurriculumDSL

/// The questions tools and audits ask of a compiled curriculum, and a curriculum spread over many files.
@Suite struct GraphQueryTests {
    static func graph(_ name: String) -> CurriculumGraph { Fixture.load("constructs/\(name)").graph }

    static func date(_ text: String) throws -> CivilDate { try #require(CivilDate(text)) }

    @Test func majorsExaminedByAnInstitutionAreSortedByCode() {
        let graph = Self.graph("majors.yaml")
        #expect(graph.majors(examinedBy: "山西大学").map(\.code) == ["030101K", "580401", "960101"])
        #expect(graph.majors(examinedBy: "山西财经大学").map(\.code) == ["030101K"])
        #expect(graph.majors(examinedBy: "太原理工大学").isEmpty)
    }

    @Test func majorsByCodeFindsCurrentAndFormerCodes() {
        let graph = Self.graph("majors.yaml")
        #expect(graph.majors(code: "580401").map(\.name) == ["法律事务"])
        #expect(graph.majors(code: "680503").map(\.code) == ["580401"])
        #expect(graph.majors(code: "690206").isEmpty)
    }

    @Test func plansUsingACourseIncludeMappingTargetsButNotOldCodes() {
        let graph = Self.graph("plan-mappings.yaml")
        #expect(graph.plans(using: "14081").map(\.id) == ["P-2024"])
        #expect(graph.plans(using: "00169").map(\.id) == ["P-2021"])
        #expect(graph.plans(using: "27016").isEmpty)
    }

    @Test func plansUsingACourseIncludeSubstitutionsAndAdditionalCourses() {
        #expect(Self.graph("substitution-credits.yaml").plans(using: "00149").map(\.id) == ["P"])
        #expect(Self.graph("additional-courses.yaml").plans(using: "00243").map(\.id) == ["P"])
        #expect(Self.graph("pool.yaml").plans(using: "00054").map(\.id) == ["P"])
    }

    @Test func equivalenceClosureFollowsRenameChainsBothWays() {
        let graph = Self.graph("renames-equivalences.yaml")
        #expect(graph.equivalenceClosure(of: "99031") == ["00001", "03709", "99031"])
        #expect(graph.equivalenceClosure(of: "03709") == ["00001", "03709", "99031"])
    }

    @Test func equivalenceClosureOfAnEquivalence() {
        #expect(Self.graph("renames-equivalences.yaml").equivalenceClosure(of: "99041") == ["28006", "99041"])
    }

    @Test func equivalenceClosureOfALoneCodeIsItself() {
        #expect(Self.graph("renames-equivalences.yaml").equivalenceClosure(of: "12345") == ["12345"])
    }

    @Test func currentCodeFollowsTheWholeChain() {
        let graph = Self.graph("renames-equivalences.yaml")
        #expect(graph.currentCode(of: "99031") == "03709")
        #expect(graph.currentCode(of: "00001") == "03709")
        #expect(graph.currentCode(of: "03709") == "03709")
        #expect(graph.currentCode(of: "28006") == "28006")  // an equivalence is not a rename
    }

    static func lawMajor() throws -> (CurriculumGraph, Major) {
        let graph = Self.graph("plan-periods.yaml")
        return (graph, try #require(graph.majors[MajorKey(province: "江苏", code: "030101K")]))
    }

    @Test("plans in force, newest first", arguments: [
        ("2020-12-31", [String]()),
        ("2021-01-01", ["P-2021"]),
        ("2024-06-30", ["P-2021"]),
        ("2024-07-01", ["P-2024", "P-2021"]),
        ("2026-06-30", ["P-2024", "P-2021"]),
        ("2026-07-01", ["P-2024"]),
        ("2100-01-01", []),
    ])
    func plansInForce(on day: String, expected: [String]) throws {
        let (graph, major) = try Self.lawMajor()
        #expect(graph.plansInForce(for: major, on: try Self.date(day)).map(\.id) == expected)
    }

    @Test func newestPlanInForceDuringTheTransitionWindow() throws {
        let (graph, major) = try Self.lawMajor()
        #expect(graph.plan(inForceOn: try Self.date("2025-03-01"), for: major)?.id == "P-2024")
        #expect(graph.plan(inForceOn: try Self.date("2024-01-01"), for: major)?.id == "P-2021")
        #expect(graph.plan(inForceOn: try Self.date("2020-01-01"), for: major) == nil)
    }

    @Test func plansInForceForAnInstitutionSkipPlansOfOthers() throws {
        let (graph, major) = try Self.lawMajor()
        // P-2024 applies to 苏州大学 only; P-2021 (no institutions) to all.
        #expect(graph.plansInForce(for: major, on: try Self.date("2025-03-01"), institution: "南京大学").map(\.id) == ["P-2021"])
        #expect(graph.plansInForce(for: major, on: try Self.date("2025-03-01"), institution: "苏州大学").map(\.id) == ["P-2024", "P-2021"])
    }

    @Test func plansOfAMajorAreInFileOrder() throws {
        let (graph, major) = try Self.lawMajor()
        #expect(graph.plans(of: major).map(\.id) == ["P-2024", "P-2021"])
    }

    @Test func manyFilesAreReadInPathOrderAndOnlyYAML() {
        let files = Fixture.load("constructs/many-files").files.map { String($0.dropFirst(Fixture.path("constructs/many-files").count + 1)) }
        #expect(files == ["catalog/courses.yaml", "catalog/sources.yml", "jiangsu/province.yaml", "jiangsu/苏州大学/030101K-法学.yaml"])
    }

    @Test func manyFilesPlanUsesDeclarationsOfOtherFiles() throws {
        let graph = Fixture.load("constructs/many-files").graph
        let plan = try #require(graph.plans["JS-2024-030101K"])
        #expect(plan.requirements.courseCodes.compactMap { graph.courses[$0]?.credits } == [2, 4])
        #expect(plan.sources.map(\.source.value) == ["JS2024-PLANS"])
        #expect(graph.majors(examinedBy: "苏州大学").map(\.code) == ["030101K"])
    }

    @Test func manyFilesKeepEachDeclarationsFile() throws {
        let graph = Fixture.load("constructs/many-files").graph
        #expect(graph.courses["03708"]?.location.file.hasSuffix("many-files/catalog/courses.yaml") == true)
        #expect(graph.plans["JS-2024-030101K"]?.location.file.hasSuffix("030101K-法学.yaml") == true)
    }
}
