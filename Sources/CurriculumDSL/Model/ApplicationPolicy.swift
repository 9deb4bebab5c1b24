/// A province's rules for the online graduation application (毕业网上申请), as data: the `graduation-application`
/// block of a province. The `Application` library enforces them; see docs/application.md.
public struct ApplicationPolicy: Sendable, Hashable, Codable {
    /// The source (id) that states the rules.
    public var source: Located<String>?
    /// At most this many examining institutions (主考院校) in one application (seed: 最多可选择两所主考院校).
    public var maxInstitutions: Int
    /// How many times a candidate may apply again after a county rejection (seed: 重新申请仅限1次机会).
    public var resubmissionsAfterRejection: Int
    /// Application windows, one per term. Empty: the province publishes none here, and no window is enforced.
    public var windows: [ApplicationWindow]
    /// File formats accepted for the scans of paper evidence (seed: zip或rar文件); empty: no scans asked for.
    public var evidenceScanFormats: [String]
    /// Whether the originals of paper evidence must be handed in with the registration form (seed: 将上传的材料原件与
    /// 《毕业生登记表》在规定时间内一并交回).
    public var evidenceOriginalsRequired: Bool
    /// The fee in yuan, when the province publishes it.
    public var fee: Int?
    /// The graduation photo's file rules.
    public var photo: PhotoRule
    /// The registration form's rules.
    public var registrationForm: RegistrationFormRule
    /// Where the `graduation-application` block is written.
    public var location: SourceLocation?

    /// A policy; the defaults are the Shanxi seed's rules.
    public init(source: Located<String>? = nil, maxInstitutions: Int = Province.defaultMaxInstitutions,
                resubmissionsAfterRejection: Int = 1, windows: [ApplicationWindow] = [],
                evidenceScanFormats: [String] = ["zip", "rar"], evidenceOriginalsRequired: Bool = true, fee: Int? = nil,
                photo: PhotoRule = PhotoRule(), registrationForm: RegistrationFormRule = RegistrationFormRule(),
                location: SourceLocation? = nil) {
        self.source = source
        self.maxInstitutions = maxInstitutions
        self.resubmissionsAfterRejection = resubmissionsAfterRejection
        self.windows = windows
        self.evidenceScanFormats = evidenceScanFormats
        self.evidenceOriginalsRequired = evidenceOriginalsRequired
        self.fee = fee
        self.photo = photo
        self.registrationForm = registrationForm
        self.location = location
    }

    /// The window of `term`, if the policy has one.
    public func window(for term: String) -> ApplicationWindow? { windows.first { $0.term == term } }
}

/// When applications for one term are accepted (and, optionally, the last day to hand in the form).
public struct ApplicationWindow: Sendable, Hashable, Codable {
    /// The term the window is for, as the province names it.
    public var term: String
    /// The first day applications are accepted.
    public var opens: CivilDate
    /// The last day applications are accepted.
    public var closes: CivilDate
    /// The last day to hand in the registration form and the originals (seed: 在规定时间内交回).
    public var handInUntil: CivilDate?
    /// Where the window is written.
    public var location: SourceLocation?

    /// A window from `opens` to `closes`, both days included.
    public init(term: String, opens: CivilDate, closes: CivilDate, handInUntil: CivilDate? = nil, location: SourceLocation? = nil) {
        self.term = term
        self.opens = opens
        self.closes = closes
        self.handInUntil = handInUntil
        self.location = location
    }

    /// Whether applications are accepted on `date` (`opens` and `closes` included).
    public func contains(_ date: CivilDate) -> Bool { opens <= date && date <= closes }
}

/// The graduation photo's file rules (seed: 电子图像文件格式为 png、jpg、jpeg，文件小于 2M).
public struct PhotoRule: Sendable, Hashable, Codable {
    /// Lower-case file extensions.
    public var formats: [String]
    /// The file must be smaller than this many MiB (2M read as 2 × 1024 × 1024 bytes).
    public var maxMegabytes: Int

    /// Photo rules; by default png, jpg or jpeg under 2 MiB.
    public init(formats: [String] = ["png", "jpg", "jpeg"], maxMegabytes: Int = 2) {
        self.formats = formats
        self.maxMegabytes = maxMegabytes
    }

    /// Files must be strictly smaller than this.
    public var byteLimit: Int { maxMegabytes * 1024 * 1024 }
}

/// Rules of the registration form (毕业生登记表).
public struct RegistrationFormRule: Sendable, Hashable, Codable {
    /// Printed copies handed in (seed: 一式两份).
    public var copies: Int
    /// 自我鉴定 must have at least this many characters (seed: 不得少于400字), counted as described in
    /// docs/application.md.
    public var selfAppraisalMinCharacters: Int
    /// At least this many résumé rows (seed: 学习或工作经历至少填写一栏).
    public var minResumeRows: Int

    /// Form rules; by default the Shanxi seed's.
    public init(copies: Int = 2, selfAppraisalMinCharacters: Int = 400, minResumeRows: Int = 1) {
        self.copies = copies
        self.selfAppraisalMinCharacters = selfAppraisalMinCharacters
        self.minResumeRows = minResumeRows
    }
}
