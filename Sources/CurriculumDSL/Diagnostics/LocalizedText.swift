/// A message in both languages the project's users read.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The Chinese text.
    public var zh: String
    /// The English text.
    public var en: String

    /// A text in both languages.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}

/// The languages messages are written in.
public enum Language: String, Sendable, Codable, CaseIterable {
    /// Chinese (the default).
    case zh
    /// English.
    case en
}
