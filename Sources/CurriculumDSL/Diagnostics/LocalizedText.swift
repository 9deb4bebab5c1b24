/// A message in both languages the project's users read.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}

/// The languages messages are written in.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zh
    case en
}
