#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RFC 4180 CSV over bytes, read incrementally (constant memory for any file size): quoted fields, doubled
/// quotes, CRLF, LF or CR alone (old Mac exports), comma or tab separated. Fields stay bytes, appended to `CSVRows`
/// (one array for many rows); `CSVRowDecoder` turns them into text.
public struct CSVParser {
    /// One row of fields.
    public struct Row: Sendable {
        /// 1-based line on which the row starts.
        public var line: Int
        /// The row's fields, as bytes (undecoded).
        public var fields: [[UInt8]]
    }

    /// Why a row could not be read.
    public enum Failure: Error, Sendable, Equatable {
        /// `field` is the 1-based field where the quote opened. `resumed`: reading goes on at the line after the one
        /// where the quote opened (the row is lost, the rest of the file is not); false when the quote ran to the end.
        case unterminatedQuote(line: Int, field: Int, resumed: Bool)
        /// The file could not be read; the message says why.
        case unreadable(String)
    }

    /// A quoted field longer than this (bytes or line breaks) is taken as an unterminated quote: real cells are short,
    /// and a stray quote must not swallow the rest of a large file into memory.
    static let maximumQuotedBytes = 1 << 20
    static let maximumQuotedLines = 100

    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var atEnd = false
    /// Where to go on when a quoted field turns out unterminated: just after the first line break inside it.
    private var resume: (position: Int, line: Int)?
    private let descriptor: Int32?
    private let ownsDescriptor: Bool
    /// The field separator, detected from the header: a comma (0x2C) or a tab (0x09).
    public private(set) var separator: UInt8 = 0x2C

    /// Parses bytes already in memory.
    public init(bytes: [UInt8]) {
        buffer = bytes
        atEnd = true
        descriptor = nil
        ownsDescriptor = false
        skipBOM()
        detectSeparator()
    }

    /// Streams a file.
    public init(path: String) throws(Failure) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path) }
        descriptor = fd
        ownsDescriptor = true
        fill()
        skipBOM()
        detectSeparator()
    }

    /// Closes the file descriptor the parser opened (nothing for bytes in memory).
    public func close() {
        if ownsDescriptor, let descriptor { closeDescriptor(descriptor) }
    }

    /// Whether the input started with a UTF-8 byte-order mark.
    public private(set) var hadBOM = false

    /// A prefix of the input for encoding detection.
    public var sample: ArraySlice<UInt8> { buffer[position..<min(buffer.count, position + 65_536)] }

    private mutating func skipBOM() {
        if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
            position += 3
            hadBOM = true
        }
    }

    private mutating func detectSeparator() {
        var index = position
        var commas = 0
        var tabs = 0
        while index < buffer.count, buffer[index] != 0x0A, buffer[index] != 0x0D {
            if buffer[index] == 0x2C { commas += 1 }
            if buffer[index] == 0x09 { tabs += 1 }
            index += 1
        }
        separator = tabs > commas ? 0x09 : 0x2C
    }

    /// Reads more bytes when fewer than 64 KiB remain unread.
    private mutating func fill() {
        guard !atEnd, let descriptor else { return }
        let drop = min(position, resume?.position ?? position)
        if drop > 0 {
            buffer.removeSubrange(0..<drop)
            position -= drop
            if let kept = resume { resume = (kept.position - drop, kept.line) }
        }
        let chunk = 1 << 20
        let old = buffer.count
        buffer.reserveCapacity(old + chunk)
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let count = buffer.withUnsafeMutableBufferPointer { pointer in
            read(descriptor, pointer.baseAddress.map { $0 + old }, chunk)
        }
        buffer.removeLast(chunk - max(0, count))
        if count <= 0 { atEnd = true }
    }

    /// The next row, or nil at the end. Blank lines and rows of empty fields only (`,,,,` as Excel leaves below
    /// the data) are skipped.
    public mutating func next() throws(Failure) -> Row? {
        var rows = CSVRows()
        guard try next(into: &rows) else { return nil }
        return rows.withView { view in
            let row = view.row(0)
            return Row(line: row.line, fields: (0..<row.count).map { Array(row[$0]) })
        }
    }

    /// Appends the next row to `rows` (its fields' bytes copied out of the read buffer, quotes undone); false at the
    /// end. Blank lines and rows of empty fields only are skipped, as `next()` does.
    mutating func next(into rows: inout CSVRows) throws(Failure) -> Bool {
        while true {
            if buffer.count - position < 65_536 { fill() }
            guard position < buffer.count else { return false }
            let startLine = line
            let start = rows.mark
            var quoted = false
            var wasQuoted = false
            var quotedLines = 0
            resume = nil
            while true {
                if position >= buffer.count {
                    fill()
                    if position >= buffer.count {
                        if quoted {
                            let field = rows.fieldCount(since: start) + 1
                            rows.discard(since: start)
                            throw unterminated(line: startLine, field: field)
                        }
                        rows.endField()
                        if rows.isBlank(since: start) {
                            rows.discard(since: start)
                            return false
                        }
                        rows.endRow(line: startLine, since: start)
                        return true
                    }
                }
                if quoted {
                    // Up to the next quote or line break in one copy; those bytes one at a time.
                    if copyRun(into: &rows, stoppingAtQuote: true) {
                        if rows.currentFieldLength(since: start) > Self.maximumQuotedBytes {
                            let field = rows.fieldCount(since: start) + 1
                            rows.discard(since: start)
                            throw unterminated(line: startLine, field: field)
                        }
                        continue
                    }
                    let byte = buffer[position]
                    position += 1
                    if byte == 0x22 {
                        if position >= buffer.count { fill() }
                        if position < buffer.count, buffer[position] == 0x22 {
                            rows.append(0x22)
                            position += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        if byte == 0x0D, position >= buffer.count { fill() }
                        if byte == 0x0A || (byte == 0x0D && (position >= buffer.count || buffer[position] != 0x0A)) {
                            line += 1
                            quotedLines += 1
                            if resume == nil { resume = (position, line) }
                        }
                        rows.append(byte)
                        if quotedLines > Self.maximumQuotedLines || rows.currentFieldLength(since: start) > Self.maximumQuotedBytes {
                            let field = rows.fieldCount(since: start) + 1
                            rows.discard(since: start)
                            throw unterminated(line: startLine, field: field)
                        }
                    }
                    continue
                }
                let byte = buffer[position]
                if byte == 0x22, !wasQuoted, rows.currentFieldLength(since: start) == 0 {
                    // A quote opens a field only as its first byte; anywhere else it is an ordinary character.
                    position += 1
                    quoted = true
                    wasQuoted = true
                    continue
                }
                if copyRun(into: &rows, stoppingAtQuote: false) { continue }
                position += 1
                if byte == separator {
                    rows.endField()
                    wasQuoted = false
                    continue
                }
                // A line break.
                if byte == 0x0D {
                    // CRLF: the LF ends the line. A CR alone ends it too (old Mac exports).
                    if position >= buffer.count { fill() }
                    if position < buffer.count, buffer[position] == 0x0A { continue }
                }
                line += 1
                rows.endField()
                if rows.isBlank(since: start) {
                    rows.discard(since: start)
                    break
                }
                rows.endRow(line: startLine, since: start)
                return true
            }
        }
    }

    /// Copies the bytes from `position` up to the next separator or line break (or quote, inside quotes; or the end
    /// of the buffer) into the current field; returns whether there were any.
    private mutating func copyRun(into rows: inout CSVRows, stoppingAtQuote: Bool) -> Bool {
        let start = position
        let separator = stoppingAtQuote ? 0x22 : self.separator
        let end = buffer.withUnsafeBufferPointer { bytes in
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                if byte == separator || byte == 0x0A || byte == 0x0D { break }
                index += 1
            }
            if index > start { rows.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            return index
        }
        position = end
        return end > start
    }
}

extension CSVParser {
    /// The failure for a quote that does not close; reading resumes after the quote's first line when it spanned one.
    private mutating func unterminated(line startLine: Int, field: Int) -> Failure {
        guard let resume else { return .unterminatedQuote(line: startLine, field: field, resumed: false) }
        position = resume.position
        line = resume.line
        self.resume = nil
        // At the end of the input nothing follows the quote's line (its line break was the file's last).
        return .unterminatedQuote(line: startLine, field: field, resumed: position < buffer.count)
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
}
