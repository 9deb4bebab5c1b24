/// A national course code: five ASCII digits, always a string ("00015"; leading zeros matter).
///
/// Hashing and equality use a packed integer of the code's bytes (codes are looked up millions of times in
/// audits); codes longer than seven bytes fall back to comparing the text.
public struct CourseCode: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code as written (five digits for a valid code).
    public let rawValue: String
    private let packed: UInt64

    /// The packed bytes (up to seven, length in the top byte), when they identify the code alone; nil for
    /// codes longer than seven bytes.
    package var packedKey: UInt64? { packed >> 56 == 0xFF ? nil : packed }

    /// A code from its text, unchecked.
    public init(rawValue: String) {
        self.rawValue = rawValue
        packed = Self.pack(rawValue)
    }

    /// A code from a string literal (`"00015"`).
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// A code from its UTF-8 bytes (the text libyaml read), packed without going through the string again.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        rawValue = String(decoding: bytes, as: UTF8.self)
        packed = Self.pack(bytes)
    }

    /// Reads the code from a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Writes the code as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Up to seven UTF-8 bytes and the length in the top byte; the length 0xFF marks "longer, compare text".
    private static func pack(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { pack($0) }
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        var count: UInt64 = 0
        for byte in bytes {
            if count == 7 { return 0xFF << 56 | value }
            value = value << 8 | UInt64(byte)
            count += 1
        }
        return count << 56 | value
    }

    /// Whether `bytes` have the form of a course code: five ASCII digits.
    @inline(__always)
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 5 else { return false }
        for byte in bytes where byte < 0x30 || byte > 0x39 { return false }
        return true
    }

    /// Codes are equal when their text is.
    public static func == (lhs: CourseCode, rhs: CourseCode) -> Bool {
        lhs.packed == rhs.packed && (lhs.packed >> 56 != 0xFF || lhs.rawValue == rhs.rawValue)
    }

    /// Hashes the code's text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(packed)
    }

    /// Whether `text` has the form of a course code.
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid($0) }
    }

    /// The code's text.
    public var description: String { rawValue }
    /// Orders codes by their text.
    public static func < (lhs: CourseCode, rhs: CourseCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A major within a province: majors are catalogued per province (Jiangsu's 030101K is not Shanxi's).
public struct MajorKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The province's name (江苏).
    public var province: String
    /// The major's code (030101K).
    public var code: String

    /// The key of `code` in `province`.
    public init(province: String, code: String) {
        self.province = province
        self.code = code
    }

    /// Whether `text` has the form of a major code: six digits and up to two capital letters (030101K, 030612TK).
    public static func isValidCode(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 6, utf8.count <= 8 else { return false }
        return utf8.prefix(6).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            && utf8.dropFirst(6).allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// `province code` (`江苏 030101K`).
    public var description: String { "\(province) \(code)" }
    /// Orders keys by province, then code.
    public static func < (lhs: MajorKey, rhs: MajorKey) -> Bool { (lhs.province, lhs.code) < (rhs.province, rhs.code) }
}

/// A value together with the place it was written, for references resolved after all files are read.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where the value is written.
    public var location: SourceLocation

    /// `value` written at `location`.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Codable where Value: Codable {}
