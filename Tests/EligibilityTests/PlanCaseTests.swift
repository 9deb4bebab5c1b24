import Foundation
import Testing
import Eligibility

/// Hand-worked audits of every bundled plan: `Tests/PlanCases/<province>/<major>.yaml`, each case worked out by hand
/// from the plan's source before it was run (an eligible transcript, one course short, and one per special rule).
///
/// ```yaml
/// major: "080901"
/// cases:
///   - name: 2025 plan, all courses passed
///     plan: JS-2025-080901
///     institution: 南京大学          # optional
///     date: 2026-12-01               # application date
///     prior: {level: 专科, field: 软件技术}   # optional
///     passed: ["15040", {code: "13000", date: 2026-10-24, score: 61}, {code: "14976", score: 合格}]
///     choices: {language-track: with-fl}     # optional
///     attributes: [港澳台]                    # optional
///     expect: {verdict: eligible, credits: 73, courses: 14, missing: [], missing-credits: 0}
/// ```
/// A code given alone is passed with 75 on 2025-04-12. `missing` lists the codes of the missing courses, in any order.
struct PlanCase: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int
    var name: String
    var major: String
    var province: String
    var plan: String?
    var institution: String?
    var date: CivilDate
    var prior: PriorDiploma?
    var records: [CourseRecord]
    var choices: [String: String]
    var attributes: [String]
    var verdict: Audit.Verdict?
    var credits: Int?
    var courses: Int?
    var missing: [String]?
    var missingCredits: Int?

    var testDescription: String { "\(file):\(line) \(name)" }

    static let directory = Support.repositoryRoot.appendingPathComponent("Tests/PlanCases")

    /// Every case of every file, or a case describing why a file cannot be read.
    static let all: [PlanCase] = {
        var cases: [PlanCase] = []
        let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        for file in files {
            let path = directory.appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let province = file.split(separator: "/").first.map { $0 == "jiangsu" ? "江苏" : $0 == "shanxi" ? "山西" : String($0) } ?? "江苏"
            cases += read([UInt8](data), file: file, province: province)
        }
        return cases
    }()

    static func read(_ bytes: [UInt8], file: String, province: String) -> [PlanCase] {
        let (root, diagnostics) = YAMLReader().read(bytes, file: file)
        guard diagnostics.isEmpty, case .mapping(let top, _, _)? = root else {
            return [PlanCase.broken(file, "unreadable: \(diagnostics.map(\.message.en))")]
        }
        func value(_ entries: [YAMLEntry], _ key: String) -> YAMLNode? { entries.first { $0.key.text == key }?.value }
        func text(_ node: YAMLNode?) -> String? { if case .scalar(let s)? = node, !s.isNull { return s.text }; return nil }
        func int(_ node: YAMLNode?) -> Int? { text(node).flatMap { Int($0) } }
        func list(_ node: YAMLNode?) -> [YAMLNode] { if case .sequence(let items, _, _)? = node { return items }; return [] }
        guard let major = text(value(top, "major")) else { return [PlanCase.broken(file, "no major")] }
        var result: [PlanCase] = []
        for item in list(value(top, "cases")) {
            guard case .mapping(let entries, let start, _) = item else { continue }
            let line = Int(start.line)
            let name = text(value(entries, "name")) ?? "case at line \(line)"
            guard let dateText = text(value(entries, "date")), let date = CivilDate(dateText) else {
                result.append(.broken(file, "\(name): no date", line: line)); continue
            }
            var records: [CourseRecord] = []
            for entry in list(value(entries, "passed")) {
                if let code = text(entry) {
                    records.append(CourseRecord(code: CourseCode(rawValue: code), score: .points(75), passDate: CivilDate("2025-04-12")))
                } else if case .mapping(let fields, _, _) = entry, let code = text(value(fields, "code")) {
                    let scoreText = text(value(fields, "score")) ?? "75"
                    let score: Score = Int(scoreText).map { .points($0) } ?? Grade(rawValue: scoreText).map { .grade($0) } ?? .points(75)
                    let passDate = text(value(fields, "date")).flatMap { CivilDate($0) } ?? CivilDate("2025-04-12")
                    records.append(CourseRecord(code: CourseCode(rawValue: code), score: score, passDate: passDate))
                }
            }
            var prior: PriorDiploma? = Support.diploma(field: "")
            if case .mapping(let fields, _, _)? = value(entries, "prior") {
                let level = text(value(fields, "level")).flatMap { DiplomaLevel(rawValue: $0) } ?? .zhuanke
                prior = PriorDiploma(level: level, field: text(value(fields, "field")) ?? "", verified: true, registryName: "张三",
                                     registryIDNumber: Support.validID, registryGender: .female)
            }
            var choices: [String: String] = [:]
            if case .mapping(let fields, _, _)? = value(entries, "choices") {
                for field in fields { if let option = text(field.value) { choices[field.key.text] = option } }
            }
            let expect: [YAMLEntry]
            if case .mapping(let fields, _, _)? = value(entries, "expect") { expect = fields } else { expect = [] }
            let verdict: Audit.Verdict? = switch text(value(expect, "verdict")) {
            case "eligible": .eligible
            case "not-eligible": .notEligible
            case "pending-review", "eligible-pending-review": .eligiblePendingReview
            default: nil
            }
            let missingNode = value(expect, "missing")
            result.append(PlanCase(file: file, line: line, name: name, major: major, province: province,
                                   plan: text(value(entries, "plan")), institution: text(value(entries, "institution")),
                                   date: date, prior: prior, records: records, choices: choices,
                                   attributes: list(value(entries, "attributes")).compactMap(text),
                                   verdict: verdict, credits: int(value(expect, "credits")), courses: int(value(expect, "courses")),
                                   missing: missingNode.map { list($0).compactMap(text) }, missingCredits: int(value(expect, "missing-credits"))))
        }
        return result
    }

    static func broken(_ file: String, _ why: String, line: Int = 1) -> PlanCase {
        PlanCase(file: file, line: line, name: "BROKEN: \(why)", major: "", province: "", plan: nil, institution: nil,
                 date: CivilDate.distantPast, prior: nil, records: [], choices: [:], attributes: [], verdict: nil,
                 credits: nil, courses: nil, missing: nil, missingCredits: nil)
    }
}

@Suite("Hand-worked plan cases (Tests/PlanCases)")
struct PlanCaseTests {
    @Test("there is a case file for every bundled Jiangsu major with plans")
    func everyMajorHasCases() {
        let majors = Support.curricula.graph.majors.values.filter { $0.province == "江苏" && !$0.planIDs.isEmpty }.map(\.code)
        let covered = Set(PlanCase.all.map(\.major))
        #expect(Set(majors).subtracting(covered).sorted() == [])
        let plans = Support.curricula.graph.plans.values.filter { $0.major.province == "江苏" }.map(\.id)
        // A case without `plan:` covers the plan its audit chose (e.g. the only plan in force after the transition).
        let planned = PlanCase.all.compactMap { planCase -> (plan: String, planCase: PlanCase)? in
            let plan = planCase.plan ?? (try? Support.engine.audit(AuditRequest(
                candidate: Support.candidate(diploma: planCase.prior), records: planCase.records,
                major: MajorKey(province: planCase.province, code: planCase.major), institution: planCase.institution,
                applicationDate: planCase.date, choices: planCase.choices)))?.target.planID
            return plan.map { ($0, planCase) }
        }
        #expect(Set(plans).subtracting(planned.map(\.plan)).sorted() == [], "plans without a hand-worked case")
        // Every plan: an eligible case and a case exactly one course short.
        let eligible = Set(planned.filter { $0.planCase.verdict == .eligible }.map(\.plan))
        let oneShort = Set(planned.filter { $0.planCase.verdict == .notEligible && $0.planCase.missing?.count == 1 }.map(\.plan))
        #expect(Set(plans).subtracting(eligible).sorted() == [], "plans without an eligible case")
        #expect(Set(plans).subtracting(oneShort).sorted() == [], "plans without a one-course-short case")
    }

    @Test("each case audits as worked out by hand", arguments: PlanCase.all)
    func audit(_ planCase: PlanCase) throws {
        #expect(!planCase.name.hasPrefix("BROKEN"), "\(planCase.file): \(planCase.name)")
        guard !planCase.name.hasPrefix("BROKEN") else { return }
        var candidate = Support.candidate(diploma: planCase.prior)
        candidate.attributes = planCase.attributes
        let request = AuditRequest(candidate: candidate, records: planCase.records,
                                   major: MajorKey(province: planCase.province, code: planCase.major),
                                   institution: planCase.institution, planID: planCase.plan,
                                   applicationDate: planCase.date, choices: planCase.choices)
        let audit = try Support.engine.audit(request)
        let context = "\(planCase.file):\(planCase.line) \(planCase.name): \(audit.reasons.map(\.message.en)); missing \(audit.missing.items.map { $0.course?.code.rawValue ?? "credits \($0.credits)" }); totals \(audit.totals.credits.earned)/\(audit.totals.courses.earned)"
        if let verdict = planCase.verdict { #expect(audit.verdict == verdict, "\(context)") }
        if let credits = planCase.credits { #expect(audit.totals.credits.earned == credits, "\(context)") }
        if let courses = planCase.courses { #expect(audit.totals.courses.earned == courses, "\(context)") }
        if let missing = planCase.missing {
            #expect(audit.missing.items.compactMap { $0.course?.code.rawValue }.sorted() == missing.sorted(), "\(context)")
        }
        if let missingCredits = planCase.missingCredits { #expect(audit.missing.credits == missingCredits, "\(context)") }
    }
}
