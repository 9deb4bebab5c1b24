import Foundation

/// The stable JSON form of an `Audit` (keys sorted, slashes unescaped). See docs/audit-json.md.
public enum AuditJSON {
    /// The audit as JSON, keys sorted (docs/audit-json.md).
    ///
    /// - Throws: an `EncodingError` (not expected for a well-formed audit).
    public static func encode(_ audit: Audit, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(audit), as: UTF8.self)
    }

    /// An audit read back from its JSON form.
    ///
    /// - Throws: a `DecodingError` when the text is not an audit's JSON.
    public static func decode(_ text: String) throws -> Audit {
        try JSONDecoder().decode(Audit.self, from: Data(text.utf8))
    }
}
