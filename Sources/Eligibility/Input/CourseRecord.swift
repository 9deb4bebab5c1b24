import CurriculumDSL

/// A result as the thesis and some practice components are graded.
public enum Grade: String, Sendable, Hashable, Codable, CaseIterable {
    /// 优秀 (excellent).
    case excellent = "优秀"
    /// 良好 (good).
    case good = "良好"
    /// 中等 (fair).
    case fair = "中等"
    /// 合格 (pass).
    case pass = "合格"
    /// 不合格 (fail).
    case fail = "不合格"

    /// Whether the grade passes (every grade but 不合格).
    public var isPass: Bool { self != .fail }
}

/// A course result: a score out of 100 or a grade.
public enum Score: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A score out of 100.
    case points(Int)
    /// A grade (theses and some practice components).
    case grade(Grade)

    /// Whether the result passes at `passMark`.
    public func passes(at passMark: Int) -> Bool {
        switch self {
        case .points(let value): value >= passMark
        case .grade(let grade): grade.isPass
        }
    }

    /// For choosing the best attempt: grades rank by their band (优秀 95, 良好 85, 中等 75, 合格 65, 不合格 0).
    var rank: Int {
        switch self {
        case .points(let value): value
        case .grade(.excellent): 95
        case .grade(.good): 85
        case .grade(.fair): 75
        case .grade(.pass): 65
        case .grade(.fail): 0
        }
    }

    /// The score (`72`) or the grade (`合格`).
    public var description: String {
        switch self {
        case .points(let value): String(value)
        case .grade(let grade): grade.rawValue
        }
    }

    /// Reads an integer as points, a string as a grade (优秀, 良好, 中等, 合格, 不合格).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .points(value)
        } else {
            let text = try container.decode(String.self)
            guard let grade = Grade(rawValue: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected 0–100 or 优秀/良好/中等/合格/不合格, found \(text)")
            }
            self = .grade(grade)
        }
    }

    /// Writes points as an integer, a grade as its Chinese name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .points(let value): try container.encode(value)
        case .grade(let grade): try container.encode(grade.rawValue)
        }
    }
}

/// Where a result comes from. Paper evidence must be checked by the county office before it counts.
public enum Evidence: Sendable, Hashable, Codable {
    /// 合格成绩 in the electronic registry (since 2001).
    case electronic
    /// 旧计划课程合格证 (red or green card), added by hand: needs manual review.
    case oldPlanCertificate
    /// 实践课考核卡, added by hand: needs manual review.
    case practiceCard
    /// 转考: transferred from another province.
    case transfer(fromProvince: String)

    /// Whether an audit relying on this record can only be "eligible pending review".
    public var needsReview: Bool {
        switch self {
        case .oldPlanCertificate, .practiceCard: true
        case .electronic, .transfer: false
        }
    }

    /// A stable key for JSON: `electronic`, `old-plan-certificate`, `practice-card`, `transfer`.
    public var kind: String {
        switch self {
        case .electronic: "electronic"
        case .oldPlanCertificate: "old-plan-certificate"
        case .practiceCard: "practice-card"
        case .transfer: "transfer"
        }
    }

    /// How the evidence is named in reports, in Chinese and English.
    public var label: LocalizedText {
        switch self {
        case .electronic: .init(zh: "电子合格成绩", en: "electronic record")
        case .oldPlanCertificate: .init(zh: "旧计划课程合格证", en: "old-plan certificate")
        case .practiceCard: .init(zh: "实践课考核卡", en: "practice assessment card")
        case .transfer(let province): .init(zh: "转考（自\(province)）", en: "transfer from \(province)")
        }
    }
}

/// One attempt at a course on a transcript.
public struct CourseRecord: Sendable, Hashable, Codable {
    /// The course code as written on the transcript (repaired to five digits where Excel lost the zeros).
    public var code: CourseCode
    /// The course name as written on the transcript, when given.
    public var name: String?
    /// The score or grade.
    public var score: Score
    /// The date the result was obtained (合格时间), when given; results after the application date do not count.
    public var passDate: CivilDate?
    /// Where the result comes from (electronic record, old-plan certificate, practice card, transfer).
    public var evidence: Evidence

    /// A result; electronic unless `evidence` says otherwise.
    public init(code: CourseCode, name: String? = nil, score: Score, passDate: CivilDate? = nil, evidence: Evidence = .electronic) {
        self.code = code
        self.name = name
        self.score = score
        self.passDate = passDate
        self.evidence = evidence
    }
}

/// A certificate that may exempt courses (免考), e.g. 全国计算机等级考试一级.
public struct Certificate: Sendable, Hashable, Codable {
    /// The certificate's name, as exemptions in the curricula name it.
    public var name: String
    /// The date the certificate was obtained; certificates obtained after the application date do not count.
    public var obtainedOn: CivilDate

    /// A certificate obtained on `obtainedOn`.
    public init(name: String, obtainedOn: CivilDate) {
        self.name = name
        self.obtainedOn = obtainedOn
    }
}
