/// Checks the raw bytes of a file before libyaml sees them, so encoding problems get a precise place and
/// a message that says what to do: UTF-16/32 and invalid UTF-8 (often a GB18030 export), a byte-order mark,
/// CRLF line ends and tab indentation.
struct ByteCheck {
    /// Diagnostics found, in file order.
    var diagnostics: [Diagnostic] = []
    /// Bytes to skip at the start (a UTF-8 byte-order mark).
    var prefixLength = 0
    /// False when the bytes cannot be given to libyaml at all.
    var canParse = true
    /// Lines (1-based) on which a tab indents; libyaml's own error on them is a cascade and is dropped.
    var tabLines: Set<Int> = []

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
                case 0x09 where atLineStart:
                    if Self.lineHasContent(bytes, from: index + 1) {
                        tabLines.insert(line)
                        diagnostics.append(DiagnosticMessages.tabIndent(SourceLocation(file: file, line: line, column: column)))
                    }
                    atLineStart = false
                case 0x20:
                    break
                default:
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
            column += 1
            index += length
        }
    }

    /// Whether the rest of the line after a leading tab holds more than whitespace and a comment.
    private static func lineHasContent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09: index += 1
            case 0x0A, 0x0D, 0x23: return false
            default: return true
            }
        }
        return false
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
