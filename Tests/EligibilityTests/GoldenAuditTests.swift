import Foundation
import Testing
import Eligibility

/// Golden audits: the full Audit JSON of hand-checked transcripts against every bundled plan, compared (as parsed
/// JSON) with `Golden/<name>.json`.
///
/// To regenerate after an intended change of the engine's output: `UPDATE_GOLDEN=1 swift test --filter GoldenAudit`,
/// then READ every changed file and check it against the plan before committing it (see the comment of each group).
enum Golden {
    static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    /// Where the expected files are written when updating (the source tree).
    static let sourceDirectory = Support.repositoryRoot.appendingPathComponent("Tests/EligibilityTests/Golden")

    /// Where they are read from: the test bundle's copy of `Golden/`.
    static var bundleDirectory: URL? { Bundle.module.url(forResource: "Golden", withExtension: nil) }

    /// Audits `request`, compares the encoded audit with `Golden/<name>.json` and returns the audit for further checks.
    @discardableResult
    /// Audits under the plan the golden file is named after (`JS-2024-030101K-…` → plan JS-2024-030101K) unless the
    /// request names one: in a transition window the other plan in force may have the better verdict (2024 courses count
    /// under the 2021 plan through its reverse mapping), and each file documents one plan's audit.
    static func audit(_ name: String, _ request: AuditRequest, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Audit {
        var request = request
        if request.planID == nil {
            let parts = name.split(separator: "-")
            if parts.count > 3 { request.planID = parts.prefix(3).joined(separator: "-") }
        }
        let audit = try Support.engine.audit(request)
        let data = try Support.encode(audit)
        if updating {
            try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
            try (data + Data("\n".utf8)).write(to: sourceDirectory.appendingPathComponent("\(name).json"))
            return audit
        }
        guard let directory = bundleDirectory,
              let expected = try? Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        else {
            Issue.record("missing golden file Golden/\(name).json; run with UPDATE_GOLDEN=1 and check it by hand", sourceLocation: sourceLocation)
            return audit
        }
        let differences = try JSONValue.parse(data).differences(from: JSONValue.parse(expected))
        #expect(differences.isEmpty, "audit differs from Golden/\(name).json:\n\(differences.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        return audit
    }

    /// The codes of the missing items (nil for credits no course can provide).
    static func missingCodes(_ audit: Audit) -> [String?] { audit.missing.items.map { $0.course?.code.rawValue } }

    /// Asserts that `code` with `credits` is the one and only missing item.
    static func expectOnlyMissing(_ audit: Audit, _ code: String, credits: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(audit.verdict == .notEligible, sourceLocation: sourceLocation)
        #expect(audit.reasons.map(\.code) == ["missing-courses"], sourceLocation: sourceLocation)
        #expect(missingCodes(audit) == [code], sourceLocation: sourceLocation)
        #expect(audit.missing.items.first?.course?.credits == credits, sourceLocation: sourceLocation)
        #expect(audit.missing.items.first?.credits == 0, sourceLocation: sourceLocation)
        #expect(audit.missing.credits == credits, sourceLocation: sourceLocation)
        #expect(audit.missing.courses == 1, sourceLocation: sourceLocation)
    }

    static func expectEligible(_ audit: Audit, credits: Int, courses: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(audit.verdict == .eligible, sourceLocation: sourceLocation)
        #expect(audit.reasons.map(\.code) == ["all-requirements-met"], sourceLocation: sourceLocation)
        #expect(audit.missing.items.isEmpty && audit.missing.credits == 0 && audit.missing.courses == 0, sourceLocation: sourceLocation)
        #expect(audit.review.isEmpty, sourceLocation: sourceLocation)
        #expect(audit.totals.credits.earned == credits, sourceLocation: sourceLocation)
        #expect(audit.totals.courses.earned == courses, sourceLocation: sourceLocation)
    }

    static func applied(_ audit: Audit) -> [String] {
        audit.applied.map { "\($0.kind) \($0.id) \($0.requirement ?? "-") \($0.records.map(\.rawValue).joined(separator: "+"))" }
    }
}

/// The course lists of the bundled plans (requirement order), as written in curricula/.
enum PlanCourses {
    static let js2024Law = ["03708", "03709", "13000", "00227", "00230", "14081", "00247", "13702", "14392", "00220",
                            "00226", "13969", "13749", "00249", "00229", "13144"]                      // + thesis 14850
    static let js2021Law = ["03708", "03709", "00227", "00230", "00169", "00246", "00258", "00262", "00226", "00167",
                            "00228", "00249", "05680", "00259"]                                        // + language, thesis 55472
    static let js2024Admin = ["03708", "03709", "14660", "07816", "10999", "05722", "03450", "00261", "14655", "01680",
                              "13709", "04863", "03954"]                                              // + language, thesis 10197
    static let js2024Admin590206 = ["03706", "12656", "13126", "00312", "03333", "03334", "00277", "00292", "13672",
                                    "00341", "04729", "00288", "00163", "13428", "01679", "14355"]
    static let js2024Marketing530605 = ["03706", "12656", "13124", "00018", "00019", "13125", "13886", "13126", "00041",
                                        "00058", "14469", "00043", "13142", "00177", "11178", "00178"]
    static let js2021Marketing530605 = ["03706", "12656", "00065", "00018", "00019", "00020", "00009", "00144", "00041",
                                        "00058", "00179", "00043", "00177", "27007", "00178"]        // + one of G15
    static let js2024Accounting = ["03708", "03709", "13000", "04184", "13887", "13683", "13140", "13752", "13753",
                                   "08119", "00160", "13141", "11002", "03409", "14033"]             // + thesis 14848
    static let js2024Marketing120202 = ["03708", "03709", "13000", "04184", "13887", "13683", "00184", "00098", "14443",
                                        "00908", "00909", "00186", "03601", "00185", "13675", "13676"] // + thesis 10211
    static let sxMarketing = ["00009", "00018", "00019", "00020", "00041", "00043", "00058", "00065", "00144", "00153",
                              "00177", "00178", "00179", "00181", "00182", "03706", "04729", "12656"]
}

private func thesis(_ code: CourseCode, _ grade: Grade = .good) -> CourseRecord { CourseRecord(code: code, score: .grade(grade)) }
private func without(_ codes: [String], _ removed: String...) -> [String] { codes.filter { !removed.contains($0) } }

@Suite("Golden audits")
struct GoldenAuditTests {
    let p = PlanCourses.self

    // MARK: JS-2024-030101K 法学（专升本）
    // Checked by hand against curricula/jiangsu/苏州大学/030101K-法学.yaml:
    // - pass: 16 courses = 74 credits (2+4+7+4+5+4+6+6+3+5+4+4+4+4+6+6), thesis 14850 良好 counts 0 credits/0 courses;
    //   every node satisfied `direct`; totals 74/74, 16/16; nothing applied, unused, or to review.
    // - missing-00247: 00247 国际法 6 credits is the only missing item (no 2021 counterpart, alternatives empty);
    //   node 00247 unsatisfied 0/6; totals 68/74 credits, 15/16 courses; reason missing-courses (1 course, 6 credits).
    // - mapped-2021: 2021 courses 00015→13000, 00169→14081, 00246→13702, 00258→14392, 00262→00220, 00167→13969,
    //   00228→13749, 05680→00229, 00259→13144, 55472→14850 each appear as `mapping` records (standsFor = new
    //   code, rule from-2021) with one `applied` entry each; same-code courses direct; eligible, 74 credits.
    // - review-old-plan-certificate: 00169 on a 旧计划课程合格证 maps to 14081; verdict eligible-pending-review,
    //   review = [00169 for 14081], evidence old-plan-certificate; reason manual-review.
    // - no-prior-diploma: all courses passed but no 前置学历 → not-eligible, reasons = [prior-diploma-missing],
    //   missing list empty.
    @Test func law2024Pass() throws {
        let audit = try Golden.audit("JS-2024-030101K-pass", Support.request(
            Support.passed(p.js2024Law) + [thesis("14850")], major: "030101K"))
        #expect(audit.target.planID == "JS-2024-030101K")
        Golden.expectEligible(audit, credits: 74, courses: 16)
    }

    @Test func law2024MissingOne() throws {
        let audit = try Golden.audit("JS-2024-030101K-missing-00247", Support.request(
            Support.passed(without(p.js2024Law, "00247")) + [thesis("14850")], major: "030101K"))
        Golden.expectOnlyMissing(audit, "00247", credits: 6)
        #expect(audit.missing.items.first?.alternatives == [])
    }

    @Test func law2024MappedFrom2021() throws {
        let old = ["03708", "03709", "00015", "00227", "00230", "00169", "00246", "00258", "00262", "00226", "00167",
                   "00228", "00249", "05680", "00259", "00247"]
        let audit = try Golden.audit("JS-2024-030101K-mapped-2021", Support.request(
            Support.passed(old) + [thesis("55472", .pass)], major: "030101K"))
        Golden.expectEligible(audit, credits: 74, courses: 16)
        #expect(Set(Golden.applied(audit)) == [
            "mapping from-2021 13000 00015", "mapping from-2021 14081 00169", "mapping from-2021 13702 00246",
            "mapping from-2021 14392 00258", "mapping from-2021 00220 00262", "mapping from-2021 13969 00167",
            "mapping from-2021 13749 00228", "mapping from-2021 00229 05680", "mapping from-2021 13144 00259",
            "mapping from-2021 14850 55472",
        ])
        #expect(audit.applied.count == 10)
    }

    @Test func law2024OldPlanCertificateNeedsReview() throws {
        let records = Support.passed(without(p.js2024Law, "14081")) + [thesis("14850"),
            CourseRecord(code: "00169", name: "房地产法", score: .points(72), passDate: CivilDate("1999-10-24"), evidence: .oldPlanCertificate)]
        let audit = try Golden.audit("JS-2024-030101K-review-old-plan-certificate", Support.request(records, major: "030101K"))
        #expect(audit.verdict == .eligiblePendingReview)
        #expect(audit.reasons.map(\.code) == ["manual-review"])
        #expect(audit.review.map { "\($0.code) \($0.requirement) \($0.evidence)" } == ["00169 14081 old-plan-certificate"])
        #expect(Golden.applied(audit) == ["mapping from-2021 14081 00169"])
        #expect(audit.missing.items.isEmpty)
    }

    @Test func law2024NoPriorDiploma() throws {
        let audit = try Golden.audit("JS-2024-030101K-no-prior-diploma", Support.request(
            Support.passed(p.js2024Law) + [thesis("14850")], major: "030101K", candidate: Support.candidate(diploma: nil)))
        #expect(audit.verdict == .notEligible)
        #expect(audit.reasons.map(\.code) == ["prior-diploma-missing"])
        #expect(audit.missing.items.isEmpty)
    }

    // MARK: JS-2021-030101K 法学（专升本，2021版）
    // Checked by hand against the JS-2021-030101K plan (same file):
    // - pass: 14 listed courses + 00015 英语(二) 14 = 66 credits, 15 courses, thesis 55472 0/0; foreign-language
    //   one-of satisfied by 00015, the other three options not-chosen.
    // - missing-foreign-language: no language passed → one missing item, requirement 00015 (the cheapest option;
    //   all four are 14 credits, ties broken by code), alternatives = 00015, 27016, 27017, 27018 (14 each);
    //   missing 14 credits / 1 course (the 不考外语者 set would cost 14 credits but 4 courses, so it is not chosen).
    // - substitution-without-foreign-language: 00263 4 + 05678 4 + 00257 3 + 00233 3 = 14 replace the language
    //   node; status substituted, applied = substitution without-foreign-language with the four records;
    //   totals 66 credits, 18 courses (the four replacement courses each count).
    @Test func law2021Pass() throws {
        let audit = try Golden.audit("JS-2021-030101K-pass", Support.request(
            Support.passed(p.js2021Law + ["00015"]) + [thesis("55472")], major: "030101K", plan: "JS-2021-030101K"))
        Golden.expectEligible(audit, credits: 66, courses: 15)
    }

    @Test func law2021MissingForeignLanguage() throws {
        let audit = try Golden.audit("JS-2021-030101K-missing-foreign-language", Support.request(
            Support.passed(p.js2021Law) + [thesis("55472")], major: "030101K", plan: "JS-2021-030101K"))
        Golden.expectOnlyMissing(audit, "00015", credits: 14)
        #expect(audit.missing.items.first?.alternatives.map(\.code) == ["00015", "27016", "27017", "27018"])
        #expect(audit.missing.items.first?.alternatives.map(\.credits) == [14, 14, 14, 14])
    }

    @Test func law2021SubstitutionWithoutForeignLanguage() throws {
        let audit = try Golden.audit("JS-2021-030101K-substitution-without-foreign-language", Support.request(
            Support.passed(p.js2021Law + ["00263", "05678", "00257", "00233"]) + [thesis("55472")],
            major: "030101K", plan: "JS-2021-030101K"))
        Golden.expectEligible(audit, credits: 66, courses: 18)
        #expect(Golden.applied(audit) == ["substitution without-foreign-language foreign-language 00263+05678+00257+00233"])
        let language = audit.requirements.children.first { $0.id == "foreign-language" }
        #expect(language?.status == .substituted)
    }

    // MARK: JS-2024-120402 行政管理（专升本）
    // Checked by hand against curricula/jiangsu/南京师范大学/120402-行政管理.yaml:
    // - pass: 13 listed courses + 14970 日语（专升本） 7 = 71 credits, 14 courses; 13000 not-chosen; thesis 10197 0/0.
    // - missing-foreign-language: the only missing item is the language one-of: 13000 英语（专升本） 7 (cheapest by
    //   code; both 7 credits), alternatives = 13000, 14970.
    @Test func admin120402Pass() throws {
        let audit = try Golden.audit("JS-2024-120402-pass", Support.request(
            Support.passed(p.js2024Admin + ["14970"]) + [thesis("10197", .excellent)], major: "120402"))
        Golden.expectEligible(audit, credits: 71, courses: 14)
    }

    @Test func admin120402MissingForeignLanguage() throws {
        let audit = try Golden.audit("JS-2024-120402-missing-foreign-language", Support.request(
            Support.passed(p.js2024Admin) + [thesis("10197")], major: "120402"))
        Golden.expectOnlyMissing(audit, "13000", credits: 7)
        #expect(audit.missing.items.first?.alternatives.map(\.code) == ["13000", "14970"])
    }

    // MARK: JS-2024-590206 行政管理（专科）
    // Checked by hand against curricula/jiangsu/河海大学/590206-行政管理.yaml and jiangsu/province.yaml:
    // - pass: 16 codes = 77 credits, 15 courses (03333 + 03334 count as one); no prior diploma needed (专科).
    // - missing-00341: 00341 公文写作与处理 6 is the only missing item.
    // - mapped-00043-00182: old 00043 + 00182 (any two of 00043/00182/27015) satisfy both 00163 and 14355 through
    //   rule from-2021 (need 2); records carry via mapping, standsFor 00163 / 14355; eligible with 77 credits.
    // - politics-00001-00003: old 00001 (序号1) + 00003 (序号5) satisfy 12656 and 03706 through js-zhuanke-politics
    //   (rule "any two"); the old codes are not in the catalog, so the records keep the transcript's names and
    //   0 credits, while the nodes count their own 2 + 4 credits; eligible, 77 credits.
    @Test func admin590206Pass() throws {
        let audit = try Golden.audit("JS-2024-590206-pass", Support.request(Support.passed(p.js2024Admin590206), major: "590206",
                                                                           candidate: Support.candidate(diploma: nil)))
        Golden.expectEligible(audit, credits: 77, courses: 15)
    }

    @Test func admin590206MissingOne() throws {
        let audit = try Golden.audit("JS-2024-590206-missing-00341", Support.request(
            Support.passed(without(p.js2024Admin590206, "00341")), major: "590206", candidate: Support.candidate(diploma: nil)))
        Golden.expectOnlyMissing(audit, "00341", credits: 6)
    }

    @Test func admin590206MappedOldCourses() throws {
        let audit = try Golden.audit("JS-2024-590206-mapped-00043-00182", Support.request(
            Support.passed(without(p.js2024Admin590206, "00163", "14355") + ["00043", "00182"]), major: "590206",
            candidate: Support.candidate(diploma: nil)))
        Golden.expectEligible(audit, credits: 77, courses: 15)
        #expect(Golden.applied(audit) == ["mapping from-2021 00163 00043+00182", "mapping from-2021 14355 00043+00182"])
    }

    @Test func admin590206PoliticsTwoOldCourses() throws {
        let audit = try Golden.audit("JS-2024-590206-politics-00001-00003", Support.request(
            Support.passed(without(p.js2024Admin590206, "03706", "12656")) + [
                CourseRecord(code: "00001", name: "马克思主义哲学原理", score: .points(68)),
                CourseRecord(code: "00003", name: "法律基础与思想道德修养", score: .points(81))], major: "590206",
            candidate: Support.candidate(diploma: nil)))
        Golden.expectEligible(audit, credits: 77, courses: 15)
        #expect(Golden.applied(audit) == ["mapping js-zhuanke-politics 03706 00001+00003", "mapping js-zhuanke-politics 12656 00001+00003"])
    }

    // MARK: JS-2024-530605 市场营销（专科）
    // Checked by hand against curricula/jiangsu/南京财经大学/530605-市场营销.yaml and jiangsu/province.yaml:
    // - pass: 16 codes = 70 credits, 15 courses (00018 + 00019 as one).
    // - missing-00178: 00178 市场调查与预测 6 is the only missing item.
    // - politics-99042-only: old 99042 (序号3) satisfies 12656 through js-zhuanke-politics (rule "only #1–4");
    //   03706 思想道德修养与法律基础 2 is still missing and is the only missing item.
    // - ncre-exemption: certificate 全国计算机等级考试一级 (2023-03-25) exempts 00018 and 00019: both nodes satisfied
    //   via exemption (rule ncre-1, score absent, evidence exemption), two applied exemption entries; eligible,
    //   70 credits, 15 courses; exemption records are not listed as unused.
    @Test func marketing530605Pass() throws {
        let audit = try Golden.audit("JS-2024-530605-pass", Support.request(Support.passed(p.js2024Marketing530605), major: "530605",
                                                                           candidate: Support.candidate(diploma: nil)))
        Golden.expectEligible(audit, credits: 70, courses: 15)
    }

    @Test func marketing530605MissingOne() throws {
        let audit = try Golden.audit("JS-2024-530605-missing-00178", Support.request(
            Support.passed(without(p.js2024Marketing530605, "00178")), major: "530605", candidate: Support.candidate(diploma: nil)))
        Golden.expectOnlyMissing(audit, "00178", credits: 6)
    }

    @Test func marketing530605PoliticsOnlyOneOldCourse() throws {
        let audit = try Golden.audit("JS-2024-530605-politics-99042-only", Support.request(
            Support.passed(without(p.js2024Marketing530605, "03706", "12656")) + [
                CourseRecord(code: "99042", name: "政治经济学", score: .points(64))], major: "530605",
            candidate: Support.candidate(diploma: nil)))
        Golden.expectOnlyMissing(audit, "03706", credits: 2)
        #expect(Golden.applied(audit) == ["mapping js-zhuanke-politics 12656 99042"])
    }

    @Test func marketing530605NCREExemption() throws {
        let certificate = Certificate(name: "全国计算机等级考试一级", obtainedOn: CivilDate("2023-03-25")!)
        let audit = try Golden.audit("JS-2024-530605-ncre-exemption", Support.request(
            Support.passed(without(p.js2024Marketing530605, "00018", "00019")), major: "530605",
            candidate: Support.candidate(diploma: nil, certificates: [certificate])))
        Golden.expectEligible(audit, credits: 70, courses: 15)
        #expect(Golden.applied(audit) == ["exemption ncre-1 00018 00018", "exemption ncre-1 00019 00019"])
    }

    // MARK: JS-2021-530605 市场营销（专科，2021版）
    // Checked by hand against the JS-2021-530605 plan (same file):
    // - pass: 15 listed codes + 00182 公共关系学 (G15 任选1门) = 70 credits, 15 courses.
    // - missing-G15: the only missing item is the G15 one-of: 00181 广告学(一) 4 (all options 4 credits, cheapest
    //   by code), alternatives = 00181, 00182, 27015.
    @Test func marketing2021Pass() throws {
        let audit = try Golden.audit("JS-2021-530605-pass", Support.request(
            Support.passed(p.js2021Marketing530605 + ["00182"]), major: "530605", plan: "JS-2021-530605", candidate: Support.candidate(diploma: nil)))
        Golden.expectEligible(audit, credits: 70, courses: 15)
    }

    @Test func marketing2021MissingChoice() throws {
        let audit = try Golden.audit("JS-2021-530605-missing-G15", Support.request(
            Support.passed(p.js2021Marketing530605), major: "530605", plan: "JS-2021-530605", candidate: Support.candidate(diploma: nil)))
        Golden.expectOnlyMissing(audit, "00181", credits: 4)
        #expect(audit.missing.items.first?.alternatives.map(\.code) == ["00181", "00182", "27015"])
        #expect(audit.missing.items.first?.requirement == "00181")
    }

    // MARK: JS-2024-120203K 会计学（专升本）
    // Checked by hand against curricula/jiangsu/南京财经大学/120203K-会计学.yaml:
    // - pass: 15 codes = 70 credits, 14 courses (13752 + 13753 as one), thesis 14848 0/0.
    // - missing-14033: 14033 内部控制与风险管理 5 is the only missing item.
    // - review-practice-card: 13753 会计信息系统（实践） on a 实践课考核卡 → eligible-pending-review,
    //   review = [13753 for 13753, evidence practice-card].
    @Test func accountingPass() throws {
        let audit = try Golden.audit("JS-2024-120203K-pass", Support.request(
            Support.passed(p.js2024Accounting) + [thesis("14848", .fair)], major: "120203K"))
        Golden.expectEligible(audit, credits: 70, courses: 14)
    }

    @Test func accountingMissingOne() throws {
        let audit = try Golden.audit("JS-2024-120203K-missing-14033", Support.request(
            Support.passed(without(p.js2024Accounting, "14033")) + [thesis("14848")], major: "120203K"))
        Golden.expectOnlyMissing(audit, "14033", credits: 5)
    }

    @Test func accountingPracticeCardNeedsReview() throws {
        let card = CourseRecord(code: "13753", name: "会计信息系统（实践）", score: .grade(.pass), passDate: CivilDate("2019-06-30"), evidence: .practiceCard)
        let audit = try Golden.audit("JS-2024-120203K-review-practice-card", Support.request(
            Support.passed(without(p.js2024Accounting, "13753")) + [thesis("14848"), card], major: "120203K"))
        #expect(audit.verdict == .eligiblePendingReview)
        #expect(audit.review.map { "\($0.code) \($0.requirement) \($0.evidence)" } == ["13753 13753 practice-card"])
        #expect(audit.totals.credits.earned == 70)
    }

    // MARK: JS-2024-120202 市场营销（专升本）
    // Checked by hand against curricula/jiangsu/南京财经大学/120202-市场营销.yaml:
    // - pass: 16 codes = 71 credits, 14 courses (00908 + 00909 and 13675 + 13676 each count as one), thesis 10211.
    // - missing-00186: 00186 国际商务谈判 5 is the only missing item.
    @Test func marketing120202Pass() throws {
        let audit = try Golden.audit("JS-2024-120202-pass", Support.request(
            Support.passed(p.js2024Marketing120202) + [thesis("10211")], major: "120202"))
        Golden.expectEligible(audit, credits: 71, courses: 14)
    }

    @Test func marketing120202MissingOne() throws {
        let audit = try Golden.audit("JS-2024-120202-missing-00186", Support.request(
            Support.passed(without(p.js2024Marketing120202, "00186")) + [thesis("10211")], major: "120202"))
        Golden.expectOnlyMissing(audit, "00186", credits: 5)
    }

    // MARK: SX-SEED-530605 市场营销（专科，山西）
    // Checked by hand against curricula/shanxi/山西财经大学/530605-市场营销.yaml:
    // - pass: 18 codes = 78 credits, 17 courses (00018 + 00019 as one); no total or course count required, so
    //   totals.required is absent.
    // - missing-00153: 00153 质量管理(一) 4 is the only missing item; no Jiangsu mapping applies in Shanxi.
    @Test func shanxiPass() throws {
        let audit = try Golden.audit("SX-SEED-530605-pass", Support.request(
            Support.passed(p.sxMarketing), province: "山西", major: "530605", candidate: Support.candidate(diploma: nil)))
        Golden.expectEligible(audit, credits: 78, courses: 17)
        #expect(audit.totals.credits.required == nil && audit.totals.courses.required == nil)
    }

    @Test func shanxiMissingOne() throws {
        let audit = try Golden.audit("SX-SEED-530605-missing-00153", Support.request(
            Support.passed(without(p.sxMarketing, "00153")), province: "山西", major: "530605", candidate: Support.candidate(diploma: nil)))
        Golden.expectOnlyMissing(audit, "00153", credits: 4)
    }
}
