#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks the raw bytes of a file, so encoding problems get a precise place and a message that says what to
/// do: UTF-16/32 and invalid UTF-8 (often a GB18030 export), a byte-order mark, control characters, CRLF line
/// ends and tab indentation.
///
/// `quick` runs before libyaml and finds what a file that parses can still have (a byte-order mark, CRLF line
/// ends) and what libyaml must not see (UTF-16). The full scan, `init(bytes:file:)`, runs only when the parse
/// did not succeed: libyaml rejects invalid UTF-8 and control characters itself, so a file that parses has
/// none, and a tab matters only on the line where libyaml stops.
struct ByteCheck {
    /// Diagnostics found, in file order.
    var diagnostics: [Diagnostic] = []
    /// Bytes to skip at the start (a UTF-8 byte-order mark).
    var prefixLength = 0
    /// False when the bytes cannot be given to libyaml at all.
    var canParse = true
    /// Lines (1-based) whose leading whitespace holds a tab, with the column of the first such tab. They are
    /// reported only if libyaml fails on them: tabs that libyaml accepts (inside block scalars, in flow
    /// collections) are content, not indentation.
    var tabLines: [Int: Int] = [:]

    private init() {}

    /// The checks a file that parses needs: UTF-16 (not parsed at all), a UTF-8 byte-order mark, the first CRLF.
    static func quick(bytes: UnsafeBufferPointer<UInt8>, file: String) -> ByteCheck {
        var check = ByteCheck()
        let count = bytes.count
        if count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            check.diagnostics.append(DiagnosticMessages.utf16(file: file))
            check.canParse = false
            return check
        }
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            check.diagnostics.append(DiagnosticMessages.byteOrderMark(file: file))
            check.prefixLength = 3
        }
        guard let base = bytes.baseAddress else { return check }
        var index = check.prefixLength
        while index < count, let found = memchr(base + index, 0x0D, count - index) {
            let carriageReturn = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            if carriageReturn + 1 < count, bytes[carriageReturn + 1] == 0x0A {
                check.diagnostics.append(DiagnosticMessages.crlf(position(of: carriageReturn, in: bytes, from: check.prefixLength, file: file)))
                break
            }
            index = carriageReturn + 1
        }
        return check
    }

    /// Line and column of `offset`, counted as the full scan counts them (a lone CR ends a line too).
    private static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var index = start
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The full scan.
    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        let count = bytes.count
        if count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            diagnostics.append(DiagnosticMessages.utf16(file: file))
            canParse = false
            return
        }
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            diagnostics.append(DiagnosticMessages.byteOrderMark(file: file))
            prefixLength = 3
        }
        var index = prefixLength
        var line = 1
        var column = 1
        var atLineStart = true
        var sawCRLF = false
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                // Printable ASCII: the common case.
                if byte != 0x20 { atLineStart = false }
                column += 1
                index += 1
                continue
            }
            if byte < 0x80 {
                switch byte {
                case 0x0A:
                    line += 1
                    column = 1
                    atLineStart = true
                    index += 1
                    continue
                case 0x0D:
                    if index + 1 < count, bytes[index + 1] == 0x0A {
                        if !sawCRLF {
                            sawCRLF = true
                            diagnostics.append(DiagnosticMessages.crlf(SourceLocation(file: file, line: line, column: column)))
                        }
                        index += 1
                    }
                    line += 1
                    column = 1
                    atLineStart = true
                    index += 1
                    continue
                case 0x09:
                    if atLineStart, tabLines[line] == nil { tabLines[line] = column }
                default:
                    // C0 controls other than tab, CR and LF, and DEL: libyaml's reader refuses them.
                    diagnostics.append(DiagnosticMessages.controlCharacter(UInt32(byte), at: SourceLocation(file: file, line: line, column: column)))
                    canParse = false
                    atLineStart = false
                }
                column += 1
                index += 1
                continue
            }
            atLineStart = false
            let length = Self.validSequenceLength(bytes, at: index)
            if length == 0 {
                diagnostics.append(DiagnosticMessages.invalidUTF8(
                    SourceLocation(file: file, line: line, column: column),
                    byte: byte, looksLikeGB18030: Self.looksLikeGB18030(bytes, at: index)))
                canParse = false
                return
            }
            if let scalar = Self.disallowedScalar(bytes, at: index, length: length) {
                diagnostics.append(DiagnosticMessages.controlCharacter(scalar, at: SourceLocation(file: file, line: line, column: column)))
                canParse = false
            }
            column += 1
            index += length
        }
    }

    /// C1 controls (U+0080–U+009F except U+0085) and the noncharacters U+FFFE/U+FFFF, which YAML does not allow.
    @inline(__always)
    private static func disallowedScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32? {
        let lead = bytes[index]
        if length == 2, lead == 0xC2 {
            let second = bytes[index + 1]
            if second <= 0x9F, second != 0x85 { return UInt32(second) }
        } else if length == 3, lead == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
            return 0xFFFE + UInt32(bytes[index + 2] - 0xBE)
        }
        return nil
    }

    /// Length of the well-formed UTF-8 sequence at `index` (RFC 3629: no overlongs, surrogates or > U+10FFFF), or 0.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let count = bytes.count
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && bytes[index + offset] >= low && bytes[index + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// A GBK/GB18030 double-byte character: lead 0x81–0xFE, trail 0x40–0xFE except 0x7F.
    private static func looksLikeGB18030(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let lead = bytes[index]
        let trail = bytes[index + 1]
        return (0x81...0xFE).contains(lead) && (0x40...0xFE).contains(trail) && trail != 0x7F
    }
}
