import CurriculumDSL

/// A candidate's gender, as ID cards and 学信网 record it.
public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
    /// 男.
    case male = "男"
    /// 女.
    case female = "女"
}

/// The candidate's prior diploma (前置学历) as 学信网 records it.
public struct PriorDiploma: Sendable, Hashable, Codable {
    /// The level of the prior diploma (专科, 本科, …).
    public var level: DiplomaLevel
    /// The field (专业) of the diploma, compared with 加考 conditions.
    public var field: String
    /// The institution that awarded the prior diploma.
    public var institution: String?
    /// The date the prior diploma was awarded.
    public var graduationDate: CivilDate?
    /// 学信网 verified it.
    public var verified: Bool
    /// A national-education-series (国民教育系列) diploma.
    public var nationalEducationSeries: Bool
    /// Name, ID number and gender as the registry records them; they must match the candidate exactly.
    public var registryName: String?
    /// The holder's ID number as 学信网 records it.
    public var registryIDNumber: String?
    /// The holder's gender as 学信网 records it.
    public var registryGender: Gender?

    /// A prior diploma; unknown facts stay nil.
    public init(level: DiplomaLevel, field: String, institution: String? = nil, graduationDate: CivilDate? = nil,
                verified: Bool, nationalEducationSeries: Bool = true, registryName: String? = nil,
                registryIDNumber: String? = nil, registryGender: Gender? = nil) {
        self.level = level
        self.field = field
        self.institution = institution
        self.graduationDate = graduationDate
        self.verified = verified
        self.nationalEducationSeries = nationalEducationSeries
        self.registryName = registryName
        self.registryIDNumber = registryIDNumber
        self.registryGender = registryGender
    }
}

/// A candidate (考生).
public struct Candidate: Sendable, Hashable, Codable {
    /// The candidate's name.
    public var name: String
    /// 18-character 身份证号 (GB 11643).
    public var idNumber: String
    /// The candidate's gender, when known.
    public var gender: Gender?
    /// 准考证号.
    public var admissionNumber: String?
    /// The diploma a 本科 (专升本) plan requires, when known.
    public var priorDiploma: PriorDiploma?
    /// Certificates that may exempt courses (免考).
    public var certificates: [Certificate]
    /// Attributes rules may depend on (`candidate-attributes` of the curriculum, e.g. 港澳台): only those that hold.
    public var attributes: [String]

    /// A candidate; only the name and ID number are required.
    public init(name: String, idNumber: String, gender: Gender? = nil, admissionNumber: String? = nil,
                priorDiploma: PriorDiploma? = nil, certificates: [Certificate] = [], attributes: [String] = []) {
        self.attributes = attributes
        self.name = name
        self.idNumber = idNumber
        self.gender = gender
        self.admissionNumber = admissionNumber
        self.priorDiploma = priorDiploma
        self.certificates = certificates
    }
}

/// GB 11643 citizen identity numbers.
public enum IDNumber {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]
    /// `checkCharacters` as ASCII bytes, for `isValid` (checked on every audit: comparing `Character`s cost more than
    /// the whole checksum).
    private static let checkBytes: [UInt8] = Array("10X98765432".utf8)

    /// The check character the first 17 digits call for, or nil when they are not 17 digits.
    public static func checkCharacter(for body: some StringProtocol) -> Character? {
        var sum = 0
        var count = 0
        for byte in body.utf8 {
            guard count < 17, byte >= 0x30, byte <= 0x39 else { return nil }
            sum += Int(byte - 0x30) * weights[count]
            count += 1
        }
        return count == 17 ? checkCharacters[sum % 11] : nil
    }

    /// Whether `text` is 18 characters with a valid check character (`x` accepted as `X`).
    public static func isValid(_ text: String) -> Bool {
        // Over the bytes in place (stepping through `String.UTF8View` cost tens of instructions a byte).
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == 18 else { return false }
            var sum = 0
            for index in 0..<17 {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return false }
                sum += Int(byte - 0x30) * weights[index]
            }
            let last = bytes[17] == 0x78 ? 0x58 : bytes[17]
            return last == checkBytes[sum % 11]
        }
    }

    /// `1401**********123X`: the first four and last four characters.
    public static func masked(_ text: String) -> String {
        guard text.count > 8 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(4)) + String(repeating: "*", count: text.count - 8) + String(text.suffix(4))
    }
}
