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
    case open
    /// 停止新生报名: still graduates candidates already registered.
    case stopped
}

/// Prior diplomas (前置学历) a 本科 major accepts.
public enum DiplomaLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case zhuanke = "专科"
    case benke = "本科"
    case graduate = "研究生"
    /// 本科结业证书.
    case benkeCompletion = "本科结业"
}

/// What a candidate must hold before graduating in a 本科 major.
public struct Prerequisite: Sendable, Hashable, Codable {
    public var priorDiploma: [DiplomaLevel]
    /// Only national-education-series (国民教育系列) diplomas count.
    public var nationalEducationSeriesOnly: Bool
    /// The diploma must be verified through 学信网 (CHSI).
    public var verified: Bool
    public var location: SourceLocation?

    public static let bachelorDefault = Prerequisite(
        priorDiploma: [.zhuanke, .benke, .graduate, .benkeCompletion],
        nationalEducationSeriesOnly: false, verified: true, location: nil)
}

/// A major of one province, with the plans written for it (possibly none yet: a catalog entry).
public struct Major: Sendable, Hashable, Codable {
    public var key: MajorKey
    public var name: String
    public var level: Level
    public var institutions: [Located<String>]
    public var status: MajorStatus
    public var stoppedSince: CivilDate?
    /// Codes this major had in earlier catalogs (680503 → 580401).
    public var formerCodes: [Located<String>]
    /// Required before graduation; nil for 专科.
    public var prerequisite: Prerequisite?
    public var catalogs: [String]
    public var source: Located<String>?
    /// Ids of this major's plans, in file order.
    public var planIDs: [String]
    /// Where the major's code is written.
    public var location: SourceLocation
    /// Where its province is written (its own `province:` or the file's).
    public var provinceLocation: SourceLocation?
    /// Where its `institutions` list is written: from the first name to the last (the list itself when empty).
    public var institutionsLocation: SourceLocation?

    public var code: String { key.code }
    public var province: String { key.province }
}
