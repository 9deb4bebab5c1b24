import Foundation
import Testing
@testable import CurriculumDSL

/// Requirement shapes, substitutions, mappings, additional courses, exemptions, renames and equivalences, each
/// from its fixture in Fixtures/constructs/ (all of which load cleanly: ConstructTests.loadsCleanly).
@Suite struct RequirementConstructTests {
    static func graph(_ name: String) -> CurriculumGraph { Fixture.load("constructs/\(name)").graph }

    static func plan(_ fixture: String, _ id: String = "P") throws -> Plan {
        try #require(Self.graph(fixture).plans[id])
    }

    static func node(_ fixture: String, _ id: String) throws -> Requirement {
        try #require(try Self.plan(fixture).requirement(id: id))
    }

    @Test func requiredCourseFormsAllBecomeCourseNodes() throws {
        let children = try Self.plan("required-course.yaml").requirements.children
        #expect(children.map(\.id) == ["03708", "03709", "13000", "14850"])
        #expect(children.map(\.shape) == [
            .course("03708", writtenName: nil), .course("03709", writtenName: nil),
            .course("13000", writtenName: "英语（专升本）"), .course("14850", writtenName: nil),
        ])
    }

    @Test func shorthandWithANameLocatesTheCode() throws {
        let location = try Self.node("required-course.yaml", "13000").location
        let span: [Int] = [location.line, location.column, location.endColumn]
        #expect(span == [34, 13, 18])
    }

    @Test func thesisIsACourseNodeOfKindThesis() throws {
        let graph = Self.graph("required-course.yaml")
        #expect(graph.plans["P"]?.requirement(id: "14850") != nil)
        #expect(graph.courses["14850"]?.kind == .thesis)
    }

    @Test func allOfKeepsIdTitleNoteAndChildren() throws {
        let node = try Self.node("all-of.yaml", "politics")
        #expect(node.title == "思想政治理论课")
        #expect(node.note == "两门都要考")
        guard case .allOf(let children) = node.shape else {
            Issue.record("all-of is not an all-of node")
            return
        }
        #expect(children.map(\.id) == ["03708", "03709"])
    }

    @Test func oneOfIsChooseOne() throws {
        guard case .choose(let count, let options) = try Self.node("one-of.yaml", "foreign-language").shape else {
            Issue.record("one-of is not a choose node")
            return
        }
        #expect(count == 1)
        #expect(options.map(\.id) == ["13000", "14970"])
    }

    @Test func chooseKeepsItsCount() throws {
        guard case .choose(let count, let options) = try Self.node("choose.yaml", "two-languages").shape else {
            Issue.record("choose is not a choose node")
            return
        }
        #expect(count == 2)
        #expect(options.map(\.id) == ["27016", "27017", "27018"])
    }

    @Test func poolKeepsItsMinimumsAndCap() throws {
        guard case .pool(let courses, let minCredits, let minCourses, let maxCredits) = try Self.node("pool.yaml", "electives").shape else {
            Issue.record("pool is not a pool node")
            return
        }
        #expect(courses.map(\.value) == ["00321", "00152", "27332", "00054"])
        #expect(minCredits == 14)
        #expect(minCourses == 3)
        #expect(maxCredits == 20)
    }

    @Test func alternativesKeepTheirWhen() throws {
        let node = try Self.node("alternatives.yaml", "language-track")
        #expect(node.children.map(\.id) == ["with-fl", "without-fl"])
        #expect(node.children.map(\.when) == ["考外语者", "不考外语者"])
    }

    @Test func alternativeMayNestAPool() throws {
        guard case .pool(let courses, let minCredits, let minCourses, let maxCredits) = try Self.node("alternatives.yaml", "electives-fl").shape else {
            Issue.record("electives-fl is not a pool node")
            return
        }
        #expect(courses.map(\.value) == ["00321", "00152", "27332"])
        #expect([minCredits, minCourses, maxCredits] == [14, 3, nil])
    }

    @Test func sharedIsOnlyWhereWritten() throws {
        #expect(try Self.node("shared.yaml", "degree-courses").shared)
        #expect(try !Self.node("shared.yaml", "politics").shared)
    }

    @Test func creditSubstitutionForm() throws {
        let substitution = try #require(try Self.plan("substitution-credits.yaml").substitutions.first)
        #expect(substitution.replaces.value == "00015")
        guard case .credits(let minCredits, let from) = substitution.form else {
            Issue.record("not the credit form: \(substitution.form)")
            return
        }
        #expect(minCredits == 14)
        #expect(from.map(\.value) == ["00058", "00149", "00150", "00158"])
    }

    @Test func fixedSetSubstitutionForm() throws {
        let substitution = try #require(try Self.plan("substitution-fixed-set.yaml").substitutions.first)
        #expect(substitution.replaces.value == "foreign-language")
        #expect(substitution.title == "不考外语者换考课程")
        guard case .fixedSet(let set) = substitution.form else {
            Issue.record("not the fixed-set form: \(substitution.form)")
            return
        }
        #expect(set.map(\.value) == ["00263", "05678", "00257", "00233"])
    }

    static func rules(_ mapping: Mapping?) -> [String] {
        (mapping?.rules ?? []).map { rule in
            let old = rule.old.map { $0.map(\.value.rawValue).joined(separator: "|") }.joined(separator: ",")
            return "\(old) need \(rule.need) → \(rule.new.map(\.value.rawValue).joined(separator: ","))"
        }
    }

    @Test func planMappingRulesWithDefaultAndExplicitNeed() throws {
        let mapping = try Self.plan("plan-mappings.yaml", "P-2024").mappings.first
        #expect(mapping?.fromPlan?.value == "P-2021")
        #expect(Self.rules(mapping) == [
            "00169 need 1 → 14081",
            "00015,27016,27017,27018 need 1 → 13000",
            "00043,00182,27015 need 2 → 00163,14355",
        ])
    }

    @Test func provinceWideMappingHasSlotsProvinceAndLevel() throws {
        let mapping = try #require(Self.graph("province-mapping.yaml").mappings.first)
        #expect(mapping.province?.value == "江苏")
        #expect(mapping.level == .zhuanke)
        #expect(Self.rules(mapping) == [
            "00001|99031|99041|28006,03707|00002|99032,99042,99043,00003|99021|27702 need 2 → 12656,03706",
            "00001|99031|99041|28006,03707|00002|99032,99042,99043 need 1 → 12656",
            "00003|99021|27702 need 1 → 03706",
        ])
    }

    @Test func additionalCoursesListTheirCourses() throws {
        let extras = try Self.plan("additional-courses.yaml").additionalCourses
        #expect(extras.map(\.id) == ["non-law-background", "economics-background"])
        #expect(extras.map { $0.courses.map(\.value) } == [["00242", "00243"], ["00244"]])
    }

    @Test func additionalCoursesConditionIsDecoded() throws {
        let extras = try Self.plan("additional-courses.yaml").additionalCourses
        #expect(extras.map(\.condition) == [.priorFieldNotIn(["法律事务", "法学", "法律"]), .priorFieldIn(["经济学"])])
    }

    @Test func additionalCoursesApplyByPriorField() throws {
        let extras = try Self.plan("additional-courses.yaml").additionalCourses
        #expect(extras.map { $0.condition.applies(toPriorField: "法学", categories: { _ in nil }) } == [false, false])
        #expect(extras.map { $0.condition.applies(toPriorField: "经济学", categories: { _ in nil }) } == [true, true])
    }

    @Test func exemptionStopsCountingAtObtainedBefore() throws {
        let exemptions = Self.graph("exemptions.yaml").exemptions
        let ncre = try #require(exemptions.first { $0.id == "ncre-1" })
        #expect(ncre.exempts.map(\.value) == ["00018", "00019"])
        #expect(ncre.isValid(obtainedOn: CivilDate("2026-06-30")!))
        #expect(!ncre.isValid(obtainedOn: CivilDate("2026-07-01")!))
    }

    @Test func exemptionTakesTheFilesProvinceAndAStartDate() throws {
        let egov = try #require(Self.graph("exemptions.yaml").exemptions.first { $0.id == "egov-cert" })
        #expect(egov.province?.value == "江苏")
        #expect(!egov.isValid(obtainedOn: CivilDate("2019-12-31")!))
        #expect(egov.isValid(obtainedOn: CivilDate("2020-01-01")!))
    }

    @Test func renamesAndEquivalencesAreKept() {
        let graph = Self.graph("renames-equivalences.yaml")
        #expect(graph.renames.map { "\($0.from.value)→\($0.to.value)" } == ["99031→00001", "00001→03709"])
        #expect(graph.equivalences.map { $0.codes.map(\.value) } == [["28006", "99041"]])
    }
}
