import CurriculumDSL

/// What can happen to an application. Each kind is open to one actor (`ApplicationEvent.Kind.actors`).
public enum ApplicationEvent: Sendable, Hashable, Codable {
    /// The candidate fills in or changes the application (draft only).
    case edit(content: ApplicationContent)
    /// The candidate submits (提交), with the audit of each chosen major. Final: no second online application.
    case submit(audits: [ChoiceAudit])
    /// The candidate uploads the graduation photo (毕业照上传).
    case uploadPhoto(file: UploadedFile)
    /// The photo check (system, or the county office's manual check) passes.
    case verifyPhoto
    /// The photo check fails, with the reason.
    case rejectPhoto(reason: String)
    /// 系统审核通过 (electronic records only).
    case passSystemReview
    /// 县区招办审批通过.
    case approve
    /// 县区招办审批不通过, with the reason (不通过原因).
    case reject(reason: String)
    /// The candidate applies again after a rejection (重新申请): back to draft.
    case reopen
    /// The platform reports the payment (毕业申请支付).
    case pay(payment: Payment)
    /// The candidate fills in (or changes) the registration form (毕业生登记表).
    case fillForm(form: RegistrationForm)
    /// The county office receives `copies` signed copies of the form (and, when checked, the originals of paper
    /// evidence): locked.
    case handIn(copies: Int, originalsChecked: Bool)

    public var kind: Kind {
        switch self {
        case .edit: .edit
        case .submit: .submit
        case .uploadPhoto: .uploadPhoto
        case .verifyPhoto: .verifyPhoto
        case .rejectPhoto: .rejectPhoto
        case .passSystemReview: .passSystemReview
        case .approve: .approve
        case .reject: .reject
        case .reopen: .reopen
        case .pay: .pay
        case .fillForm: .fillForm
        case .handIn: .handIn
        }
    }

    /// The event kinds, in the order the seed's steps meet them.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case edit, submit
        case uploadPhoto = "upload-photo"
        case verifyPhoto = "verify-photo"
        case rejectPhoto = "reject-photo"
        case passSystemReview = "pass-system-review"
        case approve, reject, reopen, pay
        case fillForm = "fill-form"
        case handIn = "hand-in"

        /// Who may cause it.
        public var actors: Set<Actor> {
            switch self {
            case .edit, .submit, .uploadPhoto, .reopen, .fillForm: [.candidate]
            case .verifyPhoto, .rejectPhoto: [.system, .office]
            case .passSystemReview: [.system]
            case .pay: [.candidate, .system]
            case .approve, .reject, .handIn: [.office]
            }
        }

        public var label: LocalizedText {
            switch self {
            case .edit: .init(zh: "填写毕业申请信息", en: "fill in the application")
            case .submit: .init(zh: "提交毕业申请", en: "submit the application")
            case .uploadPhoto: .init(zh: "上传毕业照片", en: "upload the graduation photo")
            case .verifyPhoto: .init(zh: "毕业照片认证通过", en: "pass the photo check")
            case .rejectPhoto: .init(zh: "毕业照片认证不通过", en: "fail the photo check")
            case .passSystemReview: .init(zh: "系统审核通过", en: "pass the system review")
            case .approve: .init(zh: "县区招办审批通过", en: "approve (county office)")
            case .reject: .init(zh: "县区招办审批不通过", en: "reject (county office)")
            case .reopen: .init(zh: "重新申请", en: "apply again")
            case .pay: .init(zh: "毕业申请支付", en: "pay the fee")
            case .fillForm: .init(zh: "填报《毕业生登记表》", en: "fill in the registration form")
            case .handIn: .init(zh: "交回《毕业生登记表》", en: "hand in the registration form")
            }
        }
    }
}
