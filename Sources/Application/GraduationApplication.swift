import CurriculumDSL
import Eligibility
import Foundation

/// One candidate's online graduation application (毕业网上申请, seed steps 六–10) as a value. The embedding program
/// keeps it (it is `Codable`) and moves it on only through `applying(_:by:at:policy:)`, which either returns the
/// next value, with the event appended to `history`, or refuses with a reason that says what to do.
public struct GraduationApplication: Sendable, Hashable, Codable {
    public var schemaVersion = 1
    public var candidate: Candidate
    public var province: String
    /// The application term (e.g. `2021下半年`), looked up in the policy's windows.
    public var term: String?
    public var state: ApplicationState
    /// What the candidate fills in; fixed from submission on, and for good after approval.
    public var content: ApplicationContent
    /// The audit of each chosen major as it stood at the last submission.
    public var submittedAudits: [ChoiceAudit]
    /// How many times the candidate applied again after a rejection (重新申请).
    public var resubmissionsUsed: Int
    /// The county office's last rejection reason (不通过原因).
    public var rejectionReason: String?
    public var photo: PhotoStatus
    public var payment: Payment?
    public var registrationForm: RegistrationForm?
    public var history: [HistoryEntry]

    public init(candidate: Candidate, province: String, term: String? = nil, content: ApplicationContent = ApplicationContent()) {
        self.candidate = candidate
        self.province = province
        self.term = term
        self.state = .draft
        self.content = content
        self.submittedAudits = []
        self.resubmissionsUsed = 0
        self.rejectionReason = nil
        self.photo = .none
        self.payment = nil
        self.registrationForm = nil
        self.history = []
    }

    /// Whether the application rests on anything but electronic records: old-plan courses, 顶替 picks, scans, or an
    /// audit that is eligible only pending review. Such applications go to the county office (县区招办) for review.
    public var needsCountyReview: Bool {
        !content.oldPlanCourses.isEmpty || content.evidenceScan != nil
            || content.choices.contains { !$0.replacementPicks.isEmpty }
            || submittedAudits.contains { $0.verdict == .eligiblePendingReview }
    }

    /// Whether the application was approved (by the system or the county office) at some point.
    public var isApproved: Bool { state == .approved || state == .paid || state == .handedIn }
}

/// Where an application stands.
public enum ApplicationState: String, Sendable, Hashable, Codable, CaseIterable {
    /// 填报中: the candidate fills it in; nothing submitted yet (or applying again after a rejection).
    case draft
    /// 已提交，待系统审核: electronic records only.
    case systemReview = "system-review"
    /// 已提交，县区招办审批中: paper evidence, old-plan courses, 顶替 picks or a pending-review audit.
    case countyReview = "county-review"
    /// 县区招办审批未通过, with a reason.
    case rejected
    /// 系统审核通过 / 招办审批通过: nothing in the application may change any more.
    case approved
    /// 支付成功: the registration form may now be filled in (as often as needed).
    case paid
    /// 登记表已交回: signed and handed in; locked.
    case handedIn = "handed-in"

    public var label: LocalizedText {
        switch self {
        case .draft: .init(zh: "填报中（未提交）", en: "draft (not submitted)")
        case .systemReview: .init(zh: "已提交，待系统审核", en: "submitted, awaiting the system review")
        case .countyReview: .init(zh: "已提交，县区招办审批中", en: "submitted, awaiting the county office's review")
        case .rejected: .init(zh: "县区招办审批未通过", en: "rejected by the county office")
        case .approved: .init(zh: "审核通过，待支付", en: "approved, awaiting payment")
        case .paid: .init(zh: "已支付，待填报并交回《毕业生登记表》", en: "paid, registration form to fill in and hand in")
        case .handedIn: .init(zh: "《毕业生登记表》已交回（已锁定）", en: "registration form handed in (locked)")
        }
    }
}

/// What the candidate fills in before submitting (seed 六.1–3).
public struct ApplicationContent: Sendable, Hashable, Codable {
    /// 毕业申请区县, e.g. 太原市小店区.
    public var county: String
    public var mobile: String
    public var address: String
    /// One major per examining institution, at most the policy's number of institutions.
    public var choices: [MajorChoice]
    /// 旧计划课程（实践课考核卡）, added by hand.
    public var oldPlanCourses: [OldPlanCourse]
    /// The zip or rar of the scans of the paper evidence.
    public var evidenceScan: UploadedFile?

    public init(county: String = "", mobile: String = "", address: String = "", choices: [MajorChoice] = [],
                oldPlanCourses: [OldPlanCourse] = [], evidenceScan: UploadedFile? = nil) {
        self.county = county
        self.mobile = mobile
        self.address = address
        self.choices = choices
        self.oldPlanCourses = oldPlanCourses
        self.evidenceScan = evidenceScan
    }
}

/// A major chosen at one examining institution, with its 顶替英语(二) picks.
public struct MajorChoice: Sendable, Hashable, Codable {
    public var institution: String
    public var major: String
    /// Courses picked to replace 英语(二) 00015 (顶替课程), from the plan's list.
    public var replacementPicks: [CourseCode]

    public init(institution: String, major: String, replacementPicks: [CourseCode] = []) {
        self.institution = institution
        self.major = major
        self.replacementPicks = replacementPicks
    }
}

/// A course passed under an old plan, known only from a red/green card or a practice card (seed: 课程代码、课程名称、
/// 合格时间 格式:XXXX-XX-XX、成绩).
public struct OldPlanCourse: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    /// As typed: `YYYY-MM-DD`.
    public var passDate: String
    public var score: Int

    public init(code: String, name: String, passDate: String, score: Int) {
        self.code = code
        self.name = name
        self.passDate = passDate
        self.score = score
    }
}

/// An uploaded file as the platform reports it: its name and size.
public struct UploadedFile: Sendable, Hashable, Codable {
    public var name: String
    public var bytes: Int

    public init(name: String, bytes: Int) {
        self.name = name
        self.bytes = bytes
    }

    /// The lower-cased extension, without the dot ("" when none).
    public var fileExtension: String {
        guard let dot = name.lastIndex(of: "."), name.index(after: dot) < name.endIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// The graduation photo (毕业证书电子注册图像采集).
public enum PhotoStatus: Sendable, Hashable, Codable {
    case none
    case uploaded(file: UploadedFile)
    case verified(file: UploadedFile)
    case rejected(file: UploadedFile, reason: String)

    public var isVerified: Bool {
        if case .verified = self { return true }
        return false
    }
}

/// The payment as the platform reports it.
public struct Payment: Sendable, Hashable, Codable {
    public var amount: Int?
    public var order: String?

    public init(amount: Int? = nil, order: String? = nil) {
        self.amount = amount
        self.order = order
    }
}

/// The audit of one chosen major, made by `ApplicationAuditor` (or the platform) and handed in with `submit`.
public struct ChoiceAudit: Sendable, Hashable, Codable {
    public var institution: String
    public var major: String
    public var verdict: Audit.Verdict
    /// What is wrong with the candidate's picks or added courses for this major; submission needs none.
    public var problems: [LocalizedText]

    public init(institution: String, major: String, verdict: Audit.Verdict, problems: [LocalizedText] = []) {
        self.institution = institution
        self.major = major
        self.verdict = verdict
        self.problems = problems
    }
}

/// Who acts.
public enum Actor: String, Sendable, Hashable, Codable, CaseIterable {
    /// 考生.
    case candidate
    /// 县（市、区）自考部门 / 招办.
    case office
    /// The platform's automatic checks (系统审核, photo check).
    case system
}

/// One accepted event, when and by whom, and the state it led to.
public struct HistoryEntry: Sendable, Hashable, Codable {
    public var at: Date
    public var actor: Actor
    public var event: ApplicationEvent
    public var state: ApplicationState

    public init(at: Date, actor: Actor, event: ApplicationEvent, state: ApplicationState) {
        self.at = at
        self.actor = actor
        self.event = event
        self.state = state
    }
}
