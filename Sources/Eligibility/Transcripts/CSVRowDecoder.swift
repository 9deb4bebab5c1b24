import CurriculumDSL

/// The per-row half of reading a transcript CSV: cells decoded (UTF-8 or GB18030, decided per row in a mixed file),
/// course records and the candidate parsed, every problem an issue with row and column. `CSVTranscriptReader` finds the
/// candidates' rows; this turns them into transcripts. It holds only the header's facts, so `batch` runs it on every
/// worker thread, each with its own `Scratch`.
struct CSVRowDecoder: Sendable {
    /// The file name used in issues.
    let file: String
    /// The header's cells, as read.
    let headers: [String]
    /// The known columns and where they are.
    let columns: [TranscriptColumn: Int]
    /// `columns` by position, for the per-row loop.
    let columnList: [(column: TranscriptColumn, index: Int)]
    /// The file's encoding (as detected from its start).
    let encoding: TextDecoding.Encoding
    /// Where the 准考证号 column is, when there is one.
    let admissionColumn: Int?

    init(file: String, headers: [String], columns: [TranscriptColumn: Int], encoding: TextDecoding.Encoding) {
        self.file = file
        self.headers = headers
        self.columns = columns
        columnList = columns.map { ($0.key, $0.value) }.sorted { $0.index < $1.index }
        self.encoding = encoding
        admissionColumn = columns[.admissionNumber]
    }

    /// One data row: its admission number and cells; `rejected` when the row was reported as an error and skipped
    /// (it still belongs to its candidate, so that a candidate none of whose rows was usable gets a result row).
    struct ReadRow: Sendable {
        var admission: String?
        var values: RowValues
        var line: Int
        var rejected = false
    }

    /// What one thread needs of its own while decoding: a GB18030 converter (iconv keeps state, so it is not shared)
    /// and the issues found, in input order.
    struct Scratch {
        var issues: [TranscriptIssue] = []
        private var converter: GB18030Converter?
        private var triedConverter = false

        /// The GB18030 converter, opened on first use (nil when iconv cannot decode GB18030 here).
        mutating func gb18030() -> GB18030Converter? {
            if !triedConverter {
                triedConverter = true
                converter = GB18030Converter()
            }
            return converter
        }
    }

    private var otherEncoding: String { encoding == .gb18030 ? "UTF-8" : "GB18030" }

    /// An issue at `column` of row `line`.
    func issue(_ line: Int, _ column: TranscriptColumn, _ severity: Severity, _ message: LocalizedText) -> TranscriptIssue {
        let index = columns[column]
        return TranscriptIssue(file: file, row: line, column: index.map { $0 + 1 }, field: index.map { headers[$0] },
                               severity: severity, message: message)
    }

    // MARK: Cells

    /// A cell in the file's encoding, or nil when it is not valid in it.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ scratch: inout Scratch) -> String? {
        if encoding == .gb18030 { return scratch.gb18030()?.decode(bytes) }
        return CSVTranscriptReader.utf8(bytes)
    }

    /// `String.trimmingSpaces()` for valid UTF-8 bytes: without the spaces (space, tab, CR, LF, U+3000, U+FEFF) at
    /// either end.
    static func trimmingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end {
            let byte = bytes[start]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                start += 1
            } else if end - start >= 3, (byte == 0xE3 && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x80)
                        || (byte == 0xEF && bytes[start + 1] == 0xBB && bytes[start + 2] == 0xBF) {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                end -= 1
            } else if end - start >= 3, (bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 && byte == 0x80)
                        || (bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBB && byte == 0xBF) {
                end -= 3
            } else {
                break
            }
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The cell in the other supported encoding (GB18030 in a UTF-8 file, UTF-8 in a GB18030 file), for files whose
    /// rows were pasted together from exports in different encodings.
    private func decodeOtherEncoding(_ bytes: UnsafeBufferPointer<UInt8>, _ scratch: inout Scratch) -> String? {
        if encoding == .gb18030 { return CSVTranscriptReader.utf8(bytes) }
        return scratch.gb18030()?.decode(bytes)
    }

    // MARK: Rows

    /// Decodes one data row; nil when it is reported and skipped without a candidate to give it to.
    func decodeRow(_ raw: RawRow, _ scratch: inout Scratch) -> ReadRow? {
        var values = RowValues()
        var bad = false
        // A UTF-8 file's row is checked once, as a whole (its fields are separated by line feeds, see `CSVRows`); when
        // it is valid, its cells are trimmed as bytes and made strings once. When the row holds a character no
        // transcript holds, each (trimmed) cell is checked for it, as `onlyExpected` does on strings.
        let check = encoding == .gb18030 ? .invalid : TextDecoding.checkRow(raw.allBytes)
        let validUTF8 = check != .invalid
        var onlyExpected = true
        var failed: [(column: TranscriptColumn, index: Int)] = []
        for (column, index) in columnList {
            guard index < raw.count else { continue }
            if validUTF8 {
                let cell = Self.trimmingSpaces(raw[index])
                if check == .unexpected, onlyExpected { onlyExpected = CSVTranscriptReader.onlyExpected(utf8: cell) }
                values[column] = String(decoding: cell, as: UTF8.self)
                continue
            }
            guard let text = decode(raw[index], &scratch) else {
                failed.append((column, index))
                continue
            }
            values[column] = text.trimmingSpaces()
        }
        if encoding != .gb18030,
           !failed.isEmpty || !(validUTF8 ? onlyExpected : !columnList.contains { !CSVTranscriptReader.onlyExpected(values[$0.column] ?? "") }),
           let gbRow = gb18030Row(raw, &scratch) {
            failed = []
            // GB18030 bytes that happen to be valid UTF-8 (女 is C5 AE, “Ů” in UTF-8): the row is decided by which
            // decoding gives only the characters a transcript holds.
            for (column, text) in gbRow { values[column] = text }
            let sample = gbRow.first { $0.0 == .name }?.1 ?? gbRow.first?.1 ?? ""
            scratch.issues.append(TranscriptIssue(file: file, row: raw.line, severity: .warning, message: .init(
                zh: "此行是 GB18030 编码（如“\(sample)”），而文件其余部分是 \(encoding.rawValue)；已按 GB18030 读取，请核对。请把整个文件另存为同一种编码（CSV UTF-8）",
                en: "this row is GB18030 (e.g. '\(sample)') while the file is \(encoding.rawValue); it was read as GB18030 — check it, and save the whole file in one encoding (CSV UTF-8)")))
        }
        if !failed.isEmpty {
            // A row pasted in from an export in the other encoding: none of its non-ASCII cells is valid in the
            // file's encoding and all of them are in the other. Anything less (one damaged cell) is an error.
            let decodedNonASCII = columnList.contains { entry in
                entry.index < raw.count && !failed.contains { $0.index == entry.index } && raw.hasNonASCII(entry.index)
            }
            var other: [(TranscriptColumn, String)] = []
            if !decodedNonASCII {
                for (column, index) in failed {
                    guard let text = decodeOtherEncoding(raw[index], &scratch) else { break }
                    other.append((column, text.trimmingSpaces()))
                }
            }
            if !decodedNonASCII, other.count == failed.count {
                for (column, text) in other { values[column] = text }
                let sample = other.first { $0.0 == .name }?.1 ?? other.first?.1 ?? ""
                scratch.issues.append(TranscriptIssue(file: file, row: raw.line, severity: .warning, message: .init(
                    zh: "此行是 \(otherEncoding) 编码（如“\(sample)”），而文件其余部分是 \(encoding.rawValue)；已按 \(otherEncoding) 读取，请核对。请把整个文件另存为同一种编码（CSV UTF-8）",
                    en: "this row is \(otherEncoding) (e.g. '\(sample)') while the file is \(encoding.rawValue); it was read as \(otherEncoding) — check it, and save the whole file in one encoding (CSV UTF-8)")))
            } else {
                for (_, index) in failed {
                    scratch.issues.append(TranscriptIssue(file: file, row: raw.line, column: index + 1, field: headers[index], severity: .error, message: .init(
                        zh: "无法按 \(encoding.rawValue) 解码此单元格，整行已跳过；请检查该单元格（可能已损坏），或把文件另存为 CSV UTF-8",
                        en: "this cell is not valid \(encoding.rawValue); the row was skipped — check the cell (it may be damaged), or save the file as CSV UTF-8")))
                }
                bad = true
            }
        }
        if raw.count != headers.count {
            let short = raw.count < headers.count
            let column = short ? raw.count + 1 : headers.count + 1
            scratch.issues.append(TranscriptIssue(file: file, row: raw.line, column: column, field: short ? headers[column - 1] : nil,
                                                  severity: short ? .error : .warning, message: short
                ? .init(zh: "此行只有 \(raw.count) 列，表头有 \(headers.count) 列；从这一列起缺少数据，请补齐各列（或检查未加引号的逗号）", en: "the row has \(raw.count) fields, the header \(headers.count); data is missing from this column on — fill in the missing cells (or look for a comma that needs quotes)")
                : .init(zh: "此行有 \(raw.count) 列，多于表头的 \(headers.count) 列；多余的列已忽略（含逗号的单元格须加引号）", en: "the row has \(raw.count) fields, more than the header's \(headers.count); the extra fields were ignored (a cell with a comma must be quoted)")))
            if short, values[.code] == nil || values[.score] == nil { bad = true }
        }
        let admission = values[.admissionNumber].flatMap { $0.isEmpty ? nil : $0 }
        if bad {
            // Without a readable admission number the row cannot be given to a candidate: reported, skipped.
            guard admission != nil else { return nil }
            return ReadRow(admission: admission, values: values, line: raw.line, rejected: true)
        }
        return ReadRow(admission: admission, values: values, line: raw.line)
    }

    /// In a UTF-8 file, for a row that does not read as UTF-8 or reads as characters no transcript holds (Latin,
    /// Greek, Cyrillic … from GB18030 byte pairs): the row's non-ASCII cells in GB18030 when every one of them decodes
    /// to expected characters; nil otherwise (the row is then read as before: UTF-8, or reported cell by cell).
    private func gb18030Row(_ raw: RawRow, _ scratch: inout Scratch) -> [(TranscriptColumn, String)]? {
        let nonASCII = columnList.filter { $0.index < raw.count && raw.hasNonASCII($0.index) }
        guard !nonASCII.isEmpty, let converter = scratch.gb18030() else { return nil }
        var row: [(TranscriptColumn, String)] = []
        for (column, index) in nonASCII {
            guard let text = converter.decode(raw[index]), CSVTranscriptReader.onlyExpected(text) else { return nil }
            row.append((column, text.trimmingSpaces()))
        }
        return row
    }
}
