import Foundation
import Testing
@testable import CurriculumDSL

/// One valid fixture per DSL construct (Fixtures/constructs/): each loads cleanly and decodes to the values written.
/// Catalog entities and plans here; requirement shapes in RequirementConstructTests.swift.
@Suite struct ConstructTests {
    static func graph(_ name: String) -> CurriculumGraph { Fixture.load("constructs/\(name)").graph }

    @Test("every construct fixture loads without any diagnostic", arguments: try Fixture.yamlFiles(in: "constructs") + ["many-files"])
    func loadsCleanly(fixture: String) {
        let result = Fixture.load("constructs/\(fixture)")
        #expect(result.diagnostics.isEmpty, "\(result.found)")
        #expect(!result.files.isEmpty)
    }

    @Test func theoryIsTheDefaultKind() {
        #expect(Self.graph("course-catalog.yaml").courses["00018"]?.kind == .theory)
    }

    @Test func practiceNamesItsTheoryCourse() throws {
        let practice = try #require(Self.graph("course-catalog.yaml").courses["00019"])
        #expect(practice.kind == .practice)
        #expect(practice.theory?.value == "00018")
    }

    @Test func thesisHasNoCredits() throws {
        let thesis = try #require(Self.graph("course-catalog.yaml").courses["14850"])
        #expect(thesis.kind == .thesis)
        #expect(thesis.credits == 0)
    }

    @Test func formerNamesAndNoteAreKept() throws {
        let course = try #require(Self.graph("course-catalog.yaml").courses["13124"])
        #expect(course.formerNames == ["英语(专)"])
        #expect(course.note == "专科英语")
        #expect(course.credits == 7)
    }

    @Test func courseLocationIsItsCode() throws {
        let location = try #require(Self.graph("course-catalog.yaml").courses["00019"]?.location)
        #expect(location.line == 6)
        #expect(location.column == 11)
    }

    @Test func provinceStoppedMajorRuleCitesItsSource() throws {
        let rule = try #require(Self.graph("provinces.yaml").provinces["山西"]?.stoppedMajorRule)
        #expect(rule.source?.value == "SX-2024-JIANZHANG")
        #expect(rule.note == "可选考相同、相近且不低于原学分的课程")
    }

    @Test func provinceKeepsItsPassMark() {
        #expect(Self.graph("provinces.yaml").provinces["江苏"]?.passMark == 65)
    }

    @Test func provinceWithoutSettingsGetsTheDefaults() throws {
        let province = try #require(Self.graph("provinces.yaml").provinces["江苏"])
        #expect(province.maxInstitutionsPerApplication == Province.defaultMaxInstitutions)
        #expect(province.stoppedMajorRule == nil)
    }

    @Test func sourceKeepsDocumentAndURL() throws {
        let source = try #require(Self.graph("sources.yaml").sources["JS2024-PLANS"])
        #expect(source.document == "江苏省高等教育自学考试面向社会开考专业考试计划（2024年版）")
        #expect(source.url == "https://github.com/SuperCatQR/jiangsu-zikao-aio")
    }

    @Test func sourceConfidenceIsDecoded() {
        let sources = Self.graph("sources.yaml").sources
        #expect(sources.values.sorted { $0.id < $1.id }.map(\.confidence) == [.high, .low])
    }

    @Test func institutionsTakeTheFilesProvinceUnlessTheyNameOne() {
        let institutions = Self.graph("institutions.yaml").institutions
        #expect(institutions["苏州大学"]?.province.value == "江苏")
        #expect(institutions["苏州大学"]?.code == "10285")
        #expect(institutions["山西大学"]?.province.value == "山西")
    }

    static func major(_ code: String) throws -> Major {
        try #require(Self.graph("majors.yaml").majors[MajorKey(province: "山西", code: code)])
    }

    @Test func majorKeepsItsFormerCodes() throws {
        #expect(try Self.major("580401").formerCodes.map(\.value) == ["680503"])
    }

    @Test func majorKeepsCatalogsAndSource() throws {
        let major = try Self.major("580401")
        #expect(major.catalogs == ["2023", "2024"])
        #expect(major.source?.value == "SX-CATALOG-B")
    }

    @Test func majorIsOpenByDefault() throws {
        #expect(try Self.major("580401").status == .open)
    }

    @Test func associateMajorHasNoPrerequisite() throws {
        #expect(try Self.major("580401").prerequisite == nil)
    }

    @Test func stoppedMajorKeepsItsDate() throws {
        let major = try Self.major("960101")
        #expect(major.status == .stopped)
        #expect(major.stoppedSince == CivilDate("2023-01-01"))
    }

    @Test func bachelorPrerequisiteIsDecoded() throws {
        let prerequisite = try #require(try Self.major("030101K").prerequisite)
        #expect(prerequisite.priorDiploma == [.zhuanke, .benke])
        #expect(prerequisite.nationalEducationSeriesOnly)
        #expect(!prerequisite.verified)
    }

    @Test func bachelorWithoutPrerequisiteGetsTheDefault() {
        let result = CurriculumLoader().load(text: "majors: [{code: \"120402\", name: 行政管理, level: 本科, province: 江苏}]\n")
        #expect(result.graph.majors.values.first?.prerequisite?.priorDiploma == Prerequisite.bachelorDefault.priorDiploma)
    }

    static func plan(_ id: String) throws -> Plan {
        try #require(Self.graph("plan-periods.yaml").plans[id])
    }

    @Test func planPeriodAndSupersedes() throws {
        let plan = try Self.plan("P-2024")
        #expect(plan.effectiveFrom == CivilDate("2024-07-01"))
        #expect(plan.effectiveUntil == CivilDate("2099-12-31"))
        #expect(plan.supersedes?.value == "P-2021")
        #expect(plan.version == "2024")
    }

    @Test func planTotals() throws {
        let plan = try Self.plan("P-2024")
        #expect(plan.totalCredits?.value == 6)
        #expect(plan.minCourses?.value == 2)
    }

    @Test func planCitationKeepsItsLocator() throws {
        let plan = try Self.plan("P-2024")
        #expect(plan.sources.map(\.source.value) == ["SRC"])
        #expect(plan.sources.map(\.locator) == ["p. 3"])
    }

    @Test func planCitationMayBeJustTheSourceID() throws {
        #expect(try Self.plan("P-2021").sources.map(\.source.value) == ["SRC"])
    }

    @Test func planKeepsInstitutionsConfidenceAndNotes() throws {
        let plan = try Self.plan("P-2024")
        #expect(plan.institutions.map(\.value) == ["苏州大学"])
        #expect(plan.confidence == .high)
        #expect(plan.notes == ["Both courses required."])
    }

    @Test func planPassMarkComesFromThePlanElseTheProvince() throws {
        #expect(try Self.plan("P-2024").passMark == 60)
        #expect(try Self.plan("P-2021").passMark == 65)
    }

    @Test func planRootIsAnAllOfNamedAfterThePlan() throws {
        let root = try Self.plan("P-2024").requirements
        #expect(root.id == "P-2024")
        #expect(root.children.map(\.id) == ["03708", "03709"])
    }
}
