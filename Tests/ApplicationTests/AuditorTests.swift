import Application
import Eligibility
import Foundation
import Testing

/// The candidate's picks and added courses, re-audited through the Eligibility engine.
struct AuditorTests {
    /// Shanxi 市场营销(专科) 530605, every course of the seed's list.
    static let sxMarketing = ["00009", "00018", "00019", "00020", "00041", "00043", "00058", "00065", "00144", "00153",
                              "00177", "00178", "00179", "00181", "00182", "03706", "04729", "12656"]
    static let date = CivilDate("2024-11-30")!

    func application(_ oldPlan: [OldPlanCourse] = [], picks: [CourseCode] = [], province: String = "山西",
                     institution: String = "山西财经大学", major: String = "530605") -> GraduationApplication {
        var content = Fixtures.electronic
        content.choices = [MajorChoice(institution: institution, major: major, replacementPicks: picks)]
        content.oldPlanCourses = oldPlan
        return GraduationApplication(candidate: Fixtures.candidate, province: province, content: content)
    }

    func passed(_ codes: [String]) -> [CourseRecord] {
        codes.map { CourseRecord(code: CourseCode(rawValue: $0), score: .points(75), passDate: CivilDate("2020-10-20")) }
    }

    @Test("electronic records only: eligible, no problems")
    func electronic() {
        let auditor = ApplicationAuditor(graph: Fixtures.curricula.graph)
        let audits = auditor.audit(application(), records: passed(Self.sxMarketing), on: Self.date)
        #expect(audits == [ChoiceAudit(institution: "山西财经大学", major: "530605", verdict: .eligible)])
    }

    @Test("旧计划课程 added by hand count only pending the county office's review")
    func oldPlanCourseIsPaperEvidence() {
        let auditor = ApplicationAuditor(graph: Fixtures.curricula.graph)
        let records = passed(Self.sxMarketing.filter { $0 != "00058" })
        #expect(auditor.audit(application(), records: records, on: Self.date).first?.verdict == .notEligible)
        let added = [OldPlanCourse(code: "00058", name: "市场营销学", passDate: "1999-10-24", score: 72)]
        let audits = auditor.audit(application(added), records: records, on: Self.date)
        #expect(audits.first?.verdict == .eligiblePendingReview)
        #expect(audits.first?.problems == [])
    }

    @Test("an added course is checked against the catalog: its code and its name")
    func oldPlanCourseAgainstCatalog() {
        let auditor = ApplicationAuditor(graph: Fixtures.curricula.graph)
        let added = [OldPlanCourse(code: "00058", name: "市场学", passDate: "1999-10-24", score: 72),
                     OldPlanCourse(code: "99999", name: "不存在", passDate: "1999-10-24", score: 72)]
        let problems = auditor.audit(application(added), records: [], on: Self.date).first?.problems.map(\.zh)
        #expect(problems == ["旧计划课程第 1 行：00058 的课程名称是“市场营销学”，填的是“市场学”；请按合格证核对",
                             "旧计划课程第 2 行：课程代码 99999 不在课程目录中；请核对合格证上的课程代码"])
    }

    @Test("an unknown institution or major comes back as not eligible with the engine's reason")
    func unknownMajor() {
        let auditor = ApplicationAuditor(graph: Fixtures.curricula.graph)
        let audit = auditor.audit(application(major: "999999"), records: [], on: Self.date).first
        #expect(audit?.verdict == .notEligible)
        #expect(audit?.problems.count == 1)
    }

    // MARK: 顶替英语(二)

    /// A plan with the seed's 顶替 list (credits as the seed prints them).
    static let pickGraph: CurriculumGraph = {
        let yaml = """
            province: 山西
            provinces:
              - name: 山西
            sources:
              - id: SRC
                document: 测试来源
            institutions:
              - name: 山西财经大学
            courses:
              - {code: "00015", name: 英语(二), credits: 14}
              - {code: "00058", name: 市场营销学, credits: 5}
              - {code: "00149", name: 国际贸易理论与实务, credits: 6}
              - {code: "00150", name: 金融理论与实务, credits: 6}
              - {code: "00158", name: 资产评估, credits: 4}
              - {code: "00160", name: 审计学, credits: 4}
            majors:
              - code: "120203K"
                name: 会计学
                level: 专升本
                institutions: [山西财经大学]
                plans:
                  - id: P
                    version: "1"
                    sources: [SRC]
                    requirements: ["00015", "00160"]
                    substitutions:
                      - id: replace-00015
                        title: 顶替英语(二)
                        replaces: "00015"
                        min-credits: 14
                        from: ["00058", "00149", "00150", "00158"]
            """
        return CurriculumLoader().load(text: yaml, path: "t.yaml").graph
    }()

    func pickProblems(_ picks: [CourseCode], passed codes: [String]) -> [String] {
        let auditor = ApplicationAuditor(graph: Self.pickGraph)
        let candidate = Candidate(name: "张三", idNumber: "11010519491231002X", gender: .female,
                                  priorDiploma: PriorDiploma(level: .zhuanke, field: "会计", verified: true, registryName: "张三",
                                                             registryIDNumber: "11010519491231002X", registryGender: .female))
        var app = application(picks: picks, major: "120203K")
        app.candidate = candidate
        return auditor.audit(app, records: passed(codes), on: Self.date).first?.problems.map(\.zh) ?? ["no audit"]
    }

    @Test("顶替课程总学分不能小于14分")
    func picksReachFourteen() {
        #expect(Self.pickGraph.plans["P"]?.substitutions.count == 1)
        #expect(pickProblems(["00058", "00149", "00158"], passed: ["00058", "00149", "00158", "00160"]) == [])
        #expect(pickProblems(["00058", "00149"], passed: ["00058", "00149", "00160"])
                == ["顶替课程总学分不能小于 14 分，所选合格课程共 11 分"])
    }

    @Test("picks come from the plan's list, are passed and are picked once")
    func picksFromTheList() {
        #expect(pickProblems(["00058", "00160", "00149", "00149", "00150"], passed: ["00058", "00149", "00160"]) == [
            "\u{30}0160 不在本专业可顶替英语（二）的课程列表中",
            "顶替课程 00149 选了两次",
            "顶替课程 00150 没有合格成绩",
            "顶替课程总学分不能小于 14 分，所选合格课程共 11 分",
        ])
    }

    @Test("申请自学考试本科学历的考生须授权验证其前置学历: without it the major cannot be submitted")
    func bachelorNeedsVerifiedDiploma() {
        let auditor = ApplicationAuditor(graph: Self.pickGraph)
        var app = application(major: "120203K")
        app.candidate = Candidate(name: "张三", idNumber: "11010519491231002X", gender: .female,
                                  priorDiploma: PriorDiploma(level: .zhuanke, field: "会计", verified: false))
        let audits = auditor.audit(app, records: passed(["00015", "00160"]), on: Self.date)
        #expect(audits.first?.verdict == .notEligible)
        app.content.choices[0] = MajorChoice(institution: "山西财经大学", major: "120203K")
        let refusal = app.applying(.submit(audits: audits), by: .candidate, at: Fixtures.nov(25), policy: ApplicationPolicy()).failure
        #expect(refusal?.details.first?.zh.contains("所选专业不符合毕业合格条件") == true)
        // With the verified diploma (matching name, ID number and gender) the same records are eligible.
        app.candidate.priorDiploma = PriorDiploma(level: .zhuanke, field: "会计", verified: true, registryName: "张三",
                                                  registryIDNumber: "11010519491231002X", registryGender: .female)
        #expect(auditor.audit(app, records: passed(["00015", "00160"]), on: Self.date).first?.verdict == .eligible)
    }

    @Test("a plan without a 顶替 list refuses picks")
    func noList() {
        let auditor = ApplicationAuditor(graph: Fixtures.curricula.graph)
        let problems = auditor.audit(application(picks: ["00058"]), records: passed(Self.sxMarketing), on: Self.date).first?.problems.map(\.zh)
        #expect(problems?.count == 1)
        #expect(problems?.first?.contains("没有顶替英语（二）的课程列表") == true)
    }
}
