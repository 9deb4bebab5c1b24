import CurriculumDSL

/// Why a transition was refused, and what to do instead. `code` is stable for programs; `details` lists the
/// individual problems (one per field or course) when there are several.
public struct Refusal: Error, Sendable, Hashable, Codable {
    public var code: String
    public var message: LocalizedText
    public var details: [LocalizedText]

    public init(_ code: String, _ message: LocalizedText, details: [LocalizedText] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    public func text(in language: Language) -> String {
        ([message.text(in: language)] + details.map { "  - " + $0.text(in: language) }).joined(separator: "\n")
    }
}
