import Testing
import Eligibility

/// Dates that are probably typos (issue 11, item 4), and what the report advises when the application date is ahead.
struct DateCheckTests {
    let today = CivilDate("2025-01-10")!

    @Test func applicationDateAfterTodayIsWarned() {
        let warnings = DateChecks.warnings(applicationDate: CivilDate("2025-04-30")!, records: [], today: today)
        #expect(warnings.map(\.zh) == ["申请日期 2025-04-30 在今天（2025-01-10）之后，是否写错？审核按该日期进行，结论不表示今天即可申请毕业"])
        #expect(DateChecks.warnings(applicationDate: today, records: [], today: today).isEmpty, "today itself is fine")
    }

    @Test func resultsAndCertificatesAfterTodayAreWarned() {
        let records = [CourseRecord(code: "03708", score: .points(70), passDate: CivilDate("2025-04-12")),
                       CourseRecord(code: "03709", score: .points(70), passDate: CivilDate("2024-10-20"))]
        let certificates = [Certificate(name: "全国计算机等级考试一级", obtainedOn: CivilDate("2026-03-01")!)]
        let warnings = DateChecks.warnings(applicationDate: today, records: records, certificates: certificates, today: today)
        #expect(warnings.map(\.en) == ["results dated after today (2025-01-10) — typos?: 03708 2025-04-12",
                                       "certificates dated after today (2025-01-10) — typos?: 全国计算机等级考试一级 2026-03-01"])
    }

    /// An eligible audit on a date after today advises applying on that date, not now; the header says so.
    @Test func eligibleInTheFutureIsNotApplyNow() throws {
        let records = Support.passed(PlanCourses.js2024Admin + ["14970"]) + [CourseRecord(code: "10197", score: .grade(.good))]
        let audit = try Support.engine.audit(Support.request(records, major: "120402"))
        #expect(audit.verdict == .eligible)
        let future = AuditTextRenderer(language: .zh, today: today).render(audit, candidate: nil)
        #expect(future.contains("  注意：申请日期在今天（2025-01-10）之后；本结论按该日期审核，不表示今天即可申请\n"))
        #expect(future.contains("下一步：按上述成绩，到 2025-04-30 可以提交毕业申请；今天尚不能。\n"))
        let now = AuditTextRenderer(language: .zh, today: CivilDate("2025-04-30")!).render(audit, candidate: nil)
        #expect(now.contains("下一步：可以提交毕业申请。\n"))
        #expect(!now.contains("注意：申请日期"))
    }
}
