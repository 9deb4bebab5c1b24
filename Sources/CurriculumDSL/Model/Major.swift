/// The level of a major.
public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
    /// Associate.
    case zhuanke = "专科"
    /// Bachelor on top of a prior 专科 (nearly every 自考 bachelor).
    case zhuanshengben = "专升本"
    /// Bachelor.
    case benke = "本科"

    /// 专升本 and 本科 are bachelor levels: they need a prior diploma.
    public var isBachelor: Bool { self != .zhuanke }

    /// One vocabulary for the linter and the engine: 本科 and 专升本 are the same level (a 自考 本科 major is
    /// taken on top of a prior diploma), so a rule written for either applies to both.
    public func isSameLevel(as other: Level) -> Bool {
        self == other || (isBachelor && other.isBachelor)
    }
}

/// Whether a major takes new candidates.
public enum MajorStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The major takes new candidates.
    case open
    /// 停止新生报名: still graduates candidates already registered.
    case stopped
}

/// Prior diplomas (前置学历) a 本科 major accepts.
public enum DiplomaLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 专科 (associate).
    case zhuanke = "专科"
    /// 本科 (bachelor).
    case benke = "本科"
    /// 研究生 (postgraduate).
    case graduate = "研究生"
    /// 本科结业证书.
    case benkeCompletion = "本科结业"
}

/// What a candidate must hold before graduating in a 本科 major.
public struct Prerequisite: Sendable, Hashable, Codable {
    /// The diploma levels accepted as the prior diploma.
    public var priorDiploma: [DiplomaLevel]
    /// Only national-education-series (国民教育系列) diplomas count.
    public var nationalEducationSeriesOnly: Bool
    /// The diploma must be verified through 学信网 (CHSI).
    public var verified: Bool
    /// Where the prerequisite is written; nil for the default.
    public var location: SourceLocation?

    /// What a 本科 (专升本) major requires when its file says nothing: a verified 专科 or higher diploma.
    public static let bachelorDefault = Prerequisite(
        priorDiploma: [.zhuanke, .benke, .graduate, .benkeCompletion],
        nationalEducationSeriesOnly: false, verified: true, location: nil)
}

/// A major of one province, with the plans written for it (possibly none yet: a catalog entry).
public struct Major: Sendable, Hashable, Codable {
    /// The major's province and code.
    public var key: MajorKey
    /// The major's name.
    public var name: String
    /// 专科 or 本科.
    public var level: Level
    /// The examining institutions (主考院校).
    public var institutions: [Located<String>]
    /// Whether the major enrolls new candidates.
    public var status: MajorStatus
    /// When the major stopped enrolling (停止新生报名), when known.
    public var stoppedSince: CivilDate?
    /// Codes this major had in earlier catalogs (680503 → 580401).
    public var formerCodes: [Located<String>]
    /// Required before graduation; nil for 专科.
    public var prerequisite: Prerequisite?
    /// The national catalogs that list the major.
    public var catalogs: [String]
    /// The source (id) that lists the major.
    public var source: Located<String>?
    /// Ids of this major's plans, in file order.
    public var planIDs: [String]
    /// Where the major's code is written.
    public var location: SourceLocation
    /// Where its province is written (its own `province:` or the file's).
    public var provinceLocation: SourceLocation?
    /// Where its `institutions` list is written: from the first name to the last (the list itself when empty).
    public var institutionsLocation: SourceLocation?

    /// The major's code.
    public var code: String { key.code }
    /// The major's province.
    public var province: String { key.province }
}
