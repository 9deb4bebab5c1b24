import Foundation
import Testing

/// The hand-worked transcripts in Tests/HandWorkedTranscripts, audited end to end by `curriculum check --format json`.
/// Every expected value was worked out by hand from the plan's source before the tool was run (each file's header
/// says what it tests and what is expected).
@Suite("hand-worked transcripts")
struct HandWorkedTranscriptTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var major: String
        var province = "江苏"
        var plan: String?
        var verdict: String
        var planID: String
        /// Codes of the missing items, in order.
        var missing: [String] = []
        var missingCredits = 0
        var missingCourses = 0
        var credits: Int
        var courses: Int
        var reasons: [String]
        var testDescription: String { file }

        var exitCode: Int32 {
            switch verdict {
            case "eligible": 0
            case "eligible-pending-review": 3
            default: 1
            }
        }
    }

    static let cases: [Case] = [
        Case(file: "030101K-exact-pass-attempts", major: "030101K", verdict: "eligible", planID: "JS-2024-030101K",
             credits: 74, courses: 16, reasons: ["all-requirements-met"]),
        Case(file: "030101K-one-course-short", major: "030101K", verdict: "not-eligible", planID: "JS-2024-030101K",
             missing: ["13144"], missingCredits: 6, missingCourses: 1, credits: 68, courses: 15, reasons: ["missing-courses"]),
        // Counting rule (docs/DSL.md): the thesis and a practice component of a passed theory course are not courses of the count.
        Case(file: "030101K-thesis-failed", major: "030101K", verdict: "not-eligible", planID: "JS-2024-030101K",
             missing: ["14850"], missingCredits: 0, missingCourses: 0, credits: 74, courses: 16, reasons: ["missing-courses"]),
        // 简编 三（二）2: the one 换考 course 00263 (4) counts toward credits and course count (credits-only): 67 + 4, 15 + 1.
        Case(file: "030101K-one-replacement-course", major: "030101K", verdict: "not-eligible", planID: "JS-2024-030101K",
             missing: ["13000"], missingCredits: 7, missingCourses: 1, credits: 71, courses: 16, reasons: ["missing-courses"]),
        Case(file: "030101K-electronic-and-red-card", major: "030101K", verdict: "eligible", planID: "JS-2024-030101K",
             credits: 74, courses: 16, reasons: ["all-requirements-met"]),
        Case(file: "030101K-diploma-gender-mismatch", major: "030101K", verdict: "not-eligible", planID: "JS-2024-030101K",
             credits: 74, courses: 16, reasons: ["prior-diploma-mismatch"]),
        Case(file: "030101K-completed-2021-plan", major: "030101K", verdict: "eligible", planID: "JS-2021-030101K",
             credits: 66, courses: 15, reasons: ["all-requirements-met"]),
        // Pinned to the 2024 plan: under the 2021 plan (in force too) the 2024 courses count through from-2024 and 00247 is not required.
        Case(file: "030101K-result-after-application-date", major: "030101K", plan: "JS-2024-030101K", verdict: "not-eligible", planID: "JS-2024-030101K",
             missing: ["00247"], missingCredits: 6, missingCourses: 1, credits: 68, courses: 15, reasons: ["missing-courses"]),
        Case(file: "030101K-2021-partial-replacement-set", major: "030101K", plan: "JS-2021-030101K", verdict: "not-eligible",
             planID: "JS-2021-030101K", missing: ["00233"], missingCredits: 3, missingCourses: 1, credits: 63, courses: 17,
             reasons: ["missing-courses"]),
        Case(file: "030101K-office-decisions", major: "030101K", plan: "JS-2024-030101K", verdict: "eligible", planID: "JS-2024-030101K",
             credits: 74, courses: 16, reasons: ["all-requirements-met"]),
        Case(file: "120402-three-short", major: "120402", verdict: "not-eligible", planID: "JS-2024-120402",
             missing: ["07816", "14655", "01680"], missingCredits: 15, missingCourses: 3, credits: 56, courses: 11, reasons: ["missing-courses"]),
        Case(file: "590206-politics-same-old-course-twice", major: "590206", verdict: "not-eligible", planID: "JS-2024-590206",
             missing: ["03706"], missingCredits: 2, missingCourses: 1, credits: 75, courses: 14, reasons: ["missing-courses"]),
        Case(file: "590206-politics-course-five-twice", major: "590206", verdict: "not-eligible", planID: "JS-2024-590206",
             missing: ["12656"], missingCredits: 4, missingCourses: 1, credits: 73, courses: 14, reasons: ["missing-courses"]),
        Case(file: "590206-one-of-three-old", major: "590206", verdict: "not-eligible", planID: "JS-2024-590206",
             missing: ["00163"], missingCredits: 5, missingCourses: 1, credits: 72, courses: 14, reasons: ["missing-courses"]),
        Case(file: "590206-theory-failed-practice-passed", major: "590206", verdict: "not-eligible", planID: "JS-2024-590206",
             missing: ["03333"], missingCredits: 3, missingCourses: 1, credits: 74, courses: 14, reasons: ["missing-courses"]),
        Case(file: "590206-practice-failed", major: "590206", verdict: "not-eligible", planID: "JS-2024-590206",
             missing: ["03334"], missingCredits: 2, missingCourses: 1, credits: 75, courses: 14, reasons: ["missing-courses"]),
        Case(file: "530605-certificate-after-application", major: "530605", verdict: "not-eligible", planID: "JS-2024-530605",
             missing: ["00018", "00019"], missingCredits: 4, missingCourses: 1, credits: 66, courses: 14, reasons: ["missing-courses"]),
        Case(file: "530605-ncre-level-2", major: "530605", verdict: "eligible", planID: "JS-2024-530605",
             credits: 70, courses: 15, reasons: ["all-requirements-met"]),
        Case(file: "530605-whole-2021-transcript", major: "530605", verdict: "eligible", planID: "JS-2024-530605",
             credits: 70, courses: 15, reasons: ["all-requirements-met"]),
        Case(file: "530605-2021-two-of-G15", major: "530605", plan: "JS-2021-530605", verdict: "eligible", planID: "JS-2021-530605",
             credits: 70, courses: 15, reasons: ["all-requirements-met"]),
        Case(file: "sx530605-no-jiangsu-mapping", major: "530605", province: "山西", verdict: "not-eligible", planID: "SX-SEED-530605",
             missing: ["03706", "12656"], missingCredits: 6, missingCourses: 2, credits: 72, courses: 15, reasons: ["missing-courses"]),
        Case(file: "sx530605-no-jiangsu-exemption", major: "530605", province: "山西", verdict: "not-eligible", planID: "SX-SEED-530605",
             missing: ["00018", "00019"], missingCredits: 4, missingCourses: 1, credits: 74, courses: 16, reasons: ["missing-courses"]),
        Case(file: "sx530605-paper-evidence", major: "530605", province: "山西", verdict: "eligible-pending-review", planID: "SX-SEED-530605",
             credits: 78, courses: 17, reasons: ["manual-review"]),
    ]

    @Test(arguments: cases)
    func handWorkedTranscript(_ expected: Case) throws {
        var arguments = ["check", "Tests/HandWorkedTranscripts/\(expected.file).yaml", "--major", expected.major,
                         "--province", expected.province, "--date", "2025-04-30", "--format", "json"]
        if let plan = expected.plan { arguments += ["--plan", plan] }
        let output = try CLI.run(arguments)
        #expect(output.exitCode == expected.exitCode)
        #expect(output.err.isEmpty, "\(output.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
        #expect(json["verdict"] as? String == expected.verdict)
        #expect((json["target"] as? [String: Any])?["planID"] as? String == expected.planID)
        #expect((json["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == expected.reasons)
        let missing = json["missing"] as? [String: Any]
        let items = (missing?["items"] as? [[String: Any]]) ?? []
        #expect(items.map { ($0["course"] as? [String: Any])?["code"] as? String ?? "-" } == expected.missing)
        #expect(missing?["credits"] as? Int == expected.missingCredits)
        #expect(missing?["courses"] as? Int == expected.missingCourses)
        let totals = json["totals"] as? [String: Any]
        #expect(((totals?["credits"] as? [String: Any])?["earned"] as? Int) == expected.credits)
        #expect(((totals?["courses"] as? [String: Any])?["earned"] as? Int) == expected.courses)
    }
}
