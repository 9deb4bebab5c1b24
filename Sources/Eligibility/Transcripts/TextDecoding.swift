#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes transcript exports to text: UTF-8 with or without BOM, or GB18030 (Excel on Chinese Windows).
public enum TextDecoding {
    /// The encodings transcript exports are read in.
    public enum Encoding: String, Sendable {
        /// UTF-8 without a byte-order mark.
        case utf8 = "UTF-8"
        /// UTF-8 with a byte-order mark (what Excel's “CSV UTF-8” writes).
        case utf8BOM = "UTF-8 (BOM)"
        /// GB18030 (what Excel writes on Chinese Windows).
        case gb18030 = "GB18030"
    }

    /// Why bytes could not be decoded.
    public enum Failure: Error, Sendable, Equatable {
        /// Neither valid UTF-8 nor GB18030; `line` and `column` locate the first bad byte (as UTF-8).
        case undecodable(line: Int, column: Int, byte: UInt8)
        /// UTF-16 (Excel's “Unicode Text”): refused, with how to save as CSV UTF-8.
        case utf16
    }

    /// The text and the encoding it was found in. UTF-8 is tried first (it is strict, so GB18030 bytes
    /// rarely pass as UTF-8); then GB18030 through iconv.
    public static func decode(_ bytes: [UInt8]) -> Result<(text: String, encoding: Encoding), Failure> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .failure(.utf16) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            if let text = String(validating: body, as: UTF8.self) { return .success((text, .utf8BOM)) }
        } else if let text = String(validating: bytes, as: UTF8.self) {
            return .success((text, .utf8))
        }
        if let text = gb18030(bytes) { return .success((text, .gb18030)) }
        return .failure(firstInvalidUTF8(bytes))
    }

    /// What one pass over a row's bytes finds (see `checkRow`).
    enum RowCheck: Equatable {
        /// Not well-formed UTF-8.
        case invalid
        /// Well-formed UTF-8 holding only characters a transcript holds (`CSVTranscriptReader.onlyExpected`).
        case expected
        /// Well-formed UTF-8 with some other character (Latin, Greek … as GB18030 byte pairs read in UTF-8 give).
        case unexpected
    }

    /// Whether the bytes are well-formed UTF-8 — exactly what `String(validating:as:)` accepts, without making a
    /// string — and whether all their characters are expected ones: `batch` looks at a row's bytes once this way,
    /// instead of at each cell twice.
    static func checkRow(_ bytes: UnsafeBufferPointer<UInt8>) -> RowCheck {
        guard let base = bytes.baseAddress else { return .expected }
        let count = bytes.count
        var index = 0
        var expected = true
        while index < count {
            // Eight ASCII bytes at a time.
            while index + 8 <= count,
                  UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let byte = base[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            // Table 3-7 of the Unicode Standard: the lead byte, the range of the second byte, the number of bytes.
            let second: ClosedRange<UInt8>
            let length: Int
            switch byte {
            case 0xC2...0xDF: second = 0x80...0xBF; length = 2
            case 0xE0: second = 0xA0...0xBF; length = 3
            case 0xE1...0xEC, 0xEE...0xEF: second = 0x80...0xBF; length = 3
            case 0xED: second = 0x80...0x9F; length = 3
            case 0xF0: second = 0x90...0xBF; length = 4
            case 0xF1...0xF3: second = 0x80...0xBF; length = 4
            case 0xF4: second = 0x80...0x8F; length = 4
            default: return .invalid
            }
            guard index + length <= count, second.contains(base[index + 1]) else { return .invalid }
            var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            scalar = scalar << 6 | UInt32(base[index + 1] & 0x3F)
            for next in index + 2..<index + length {
                guard base[next] & 0xC0 == 0x80 else { return .invalid }
                scalar = scalar << 6 | UInt32(base[next] & 0x3F)
            }
            if expected { expected = CSVTranscriptReader.isExpected(scalar) }
            index += length
        }
        return expected ? .expected : .unexpected
    }

    static func gb18030(_ bytes: [UInt8]) -> String? {
        GB18030Converter()?.decode(bytes[...])
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Failure {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; column = 1; index += 1; continue }
            let length = utf8Length(bytes, index)
            if length == 0 { return .undecodable(line: line, column: column, byte: byte) }
            index += length
            column += 1
        }
        return .undecodable(line: line, column: column, byte: 0)
    }

    private static func utf8Length(_ bytes: [UInt8], _ index: Int) -> Int {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }
}

/// A reusable iconv converter from GB18030 to UTF-8 (one per reader; not shared across threads).
final class GB18030Converter {
    private let converter: iconv_t

    init?() {
        guard let converter = iconv_open("UTF-8", "GB18030"), converter != iconv_t(bitPattern: -1) else { return nil }
        self.converter = converter
    }

    deinit { iconv_close(converter) }

    /// The text, or nil when the bytes are not valid GB18030.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        decode(ArraySlice(bytes))
    }

    /// The text, or nil when the bytes are not valid GB18030.
    func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.isEmpty { return "" }
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        _ = iconv(converter, nil, nil, nil, nil)
        var input = Array(bytes)
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result != -1 && inLeft == 0 ? outBuffer.count - outLeft : nil
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced], as: UTF8.self)
    }
}
