import Application
import Eligibility
import Foundation
import Testing

/// Shared fixtures of the Application tests.
enum Fixtures {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled curricula, loaded once.
    static let curricula: LoadResult = CurriculumLoader().load(paths: [repositoryRoot.appendingPathComponent("curricula").path])

    /// Shanxi's policy as the bundled province file states it.
    static var shanxi: ApplicationPolicy { curricula.graph.provinces["山西"]?.applicationPolicy ?? ApplicationPolicy() }

    /// A policy with one window, 2021-11-20 to 2021-11-30, forms due by 2021-12-10.
    static let windowed = ApplicationPolicy(windows: [ApplicationWindow(term: "2021下半年", opens: CivilDate("2021-11-20")!,
                                                                        closes: CivilDate("2021-11-30")!,
                                                                        handInUntil: CivilDate("2021-12-10")!)])

    /// `day` of November 2021 at 10:00 Beijing time.
    static func nov(_ day: Int, hour: Int = 10) -> Date {
        ISO8601DateFormatter().date(from: String(format: "2021-11-%02dT%02d:00:00+08:00", day, hour))!
    }

    static let candidate = Candidate(name: "张三", idNumber: "11010519491231002X", gender: .female)

    static let electronic = ApplicationContent(county: "太原市小店区", mobile: "13912345678", address: "山西省太原市小店区某街1号",
                                               choices: [MajorChoice(institution: "山西财经大学", major: "530605")])

    static var paper: ApplicationContent {
        var content = electronic
        content.oldPlanCourses = [OldPlanCourse(code: "00058", name: "市场营销学", passDate: "1999-10-24", score: 72)]
        content.evidenceScan = UploadedFile(name: "旧计划课程.zip", bytes: 700_000)
        return content
    }

    static func audits(_ content: ApplicationContent, _ verdict: Audit.Verdict = .eligible) -> [ChoiceAudit] {
        content.choices.map { ChoiceAudit(institution: $0.institution, major: $0.major, verdict: verdict) }
    }

    static let photo = UploadedFile(name: "毕业照.jpg", bytes: 400_000)

    static let form = RegistrationForm(
        ethnicity: "汉族", occupation: "销售人员", politicalStatus: "群众", mobile: "13912345678", education: "高中", health: "良好",
        workStart: "2015年07月01日", overseasRelative: false, nativePlace: "山西省太原市", employer: "太原市某商贸有限公司",
        address: "山西省太原市小店区某街1号",
        resume: [ResumeRow(from: "2012年09月01日", to: "2015年06月30日", place: "山西省太原市某中学学习")],
        family: "家庭成员姓名:张大山、工作单位:太原市某机械厂、职务:工人", rewardsAndPunishments: "奖励:无、处分:无",
        selfAppraisal: String(repeating: "学", count: 400))
}

/// Applies events in order, failing the test on the first refusal.
struct Driver {
    var application: GraduationApplication
    var policy: ApplicationPolicy

    init(_ content: ApplicationContent = Fixtures.electronic, policy: ApplicationPolicy = Fixtures.windowed, term: String? = "2021下半年") {
        application = GraduationApplication(candidate: Fixtures.candidate, province: "山西", term: term, content: content)
        self.policy = policy
    }

    @discardableResult
    mutating func apply(_ event: ApplicationEvent, by actor: Actor, day: Int = 25) -> Refusal? {
        switch application.applying(event, by: actor, at: Fixtures.nov(day), policy: policy) {
        case .success(let next):
            application = next
            return nil
        case .failure(let refusal):
            return refusal
        }
    }

    /// Applies `event` and expects it to be accepted.
    mutating func ok(_ event: ApplicationEvent, by actor: Actor, day: Int = 25, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let refusal = apply(event, by: actor, day: day)
        #expect(refusal == nil, "refused: \(refusal?.text(in: .en) ?? "")", sourceLocation: sourceLocation)
    }

    /// Submitted, photo verified, approved (by the system or the county office), as `content` calls for.
    mutating func toApproved() {
        ok(.submit(audits: Fixtures.audits(application.content)), by: .candidate)
        ok(.uploadPhoto(file: Fixtures.photo), by: .candidate)
        ok(.verifyPhoto, by: .system)
        if application.state == .systemReview { ok(.passSystemReview, by: .system) } else { ok(.approve, by: .office) }
    }
}
