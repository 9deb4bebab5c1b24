import CurriculumDSL

/// The graduate registration form (毕业生登记表, seed steps 9–10), as the candidate fills it in. Name, ID number,
/// gender and admission number come from the candidate's record and are not part of it.
public struct RegistrationForm: Sendable, Hashable, Codable {
    /// 民族: one of the 56 official names (GB 3304), e.g. 汉族.
    public var ethnicity: String
    /// 职业.
    public var occupation: String
    /// 政治面貌: one of the official list (GB/T 4762), e.g. 群众.
    public var politicalStatus: String
    /// 手机号.
    public var mobile: String
    /// 已取得学历.
    public var education: String
    /// 健康状况.
    public var health: String
    /// 参加工作时间, `xxxx年xx月xx日`.
    public var workStart: String
    /// 是否华侨、港澳、台属.
    public var overseasRelative: Bool?
    /// 籍贯, `xxx省xxx市`.
    public var nativePlace: String
    /// 工作单位.
    public var employer: String
    /// 详细住址.
    public var address: String
    /// 个人简历: at least one row.
    public var resume: [ResumeRow]
    /// 家庭主要成员姓名、工作单位和职务: one `家庭成员姓名:…、工作单位:…、职务:…` per line.
    public var family: String
    /// 参加自学考试期间受到过何种奖励或处分: `奖励:…、处分:…`.
    public var rewardsAndPunishments: String
    /// 自我鉴定.
    public var selfAppraisal: String
    /// The 自我鉴定 is written by hand on the printout (seed: 也可打印后手写完成): its length is not checked.
    public var selfAppraisalHandwritten: Bool

    public init(ethnicity: String = "", occupation: String = "", politicalStatus: String = "", mobile: String = "",
                education: String = "", health: String = "", workStart: String = "", overseasRelative: Bool? = nil,
                nativePlace: String = "", employer: String = "", address: String = "", resume: [ResumeRow] = [],
                family: String = "", rewardsAndPunishments: String = "", selfAppraisal: String = "",
                selfAppraisalHandwritten: Bool = false) {
        self.ethnicity = ethnicity
        self.occupation = occupation
        self.politicalStatus = politicalStatus
        self.mobile = mobile
        self.education = education
        self.health = health
        self.workStart = workStart
        self.overseasRelative = overseasRelative
        self.nativePlace = nativePlace
        self.employer = employer
        self.address = address
        self.resume = resume
        self.family = family
        self.rewardsAndPunishments = rewardsAndPunishments
        self.selfAppraisal = selfAppraisal
        self.selfAppraisalHandwritten = selfAppraisalHandwritten
    }
}

/// One résumé row: 自何年月, 至何年月 (`xxxx年xx月xx日`), 在何地何单位学习或工作.
public struct ResumeRow: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var place: String

    public init(from: String, to: String, place: String) {
        self.from = from
        self.to = to
        self.place = place
    }
}

/// One problem of a registration form; `field` is the form's label (民族, 个人简历第 2 行 自何年月, ...).
public struct FormError: Sendable, Hashable, Codable {
    public var field: String
    public var message: LocalizedText

    public init(field: String, message: LocalizedText) {
        self.field = field
        self.message = message
    }
}
