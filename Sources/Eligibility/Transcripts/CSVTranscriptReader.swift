import CurriculumDSL
import Foundation

/// Reads transcript exports in CSV (准考证号, 课程代码, 课程名称, 成绩, 合格时间, 成绩来源, and optionally the
/// candidate's and prior diploma's columns), UTF-8 with or without BOM or GB18030, streaming: consecutive rows
/// with the same 准考证号 form one transcript. Every problem is an issue with row and column; a bad row is
/// reported and skipped, never silently dropped.
public struct CSVTranscriptReader {
    /// The file name used in issues (`<stdin>` for standard input).
    public let file: String
    /// The encoding the file was detected in.
    public private(set) var encoding: TextDecoding.Encoding = .utf8
    private var parser: CSVParser
    private var columns: [TranscriptColumn: Int] = [:]
    private var headers: [String] = []
    /// The header's converter when the file is GB18030; `fallbackConverter` reads a header cell in GB18030 in a UTF-8 file.
    private var converter: GB18030Converter?
    private var fallbackConverter: GB18030Converter?
    /// The per-row decoding, set up once the header is read (see `CSVRowDecoder`).
    private(set) var decoder: CSVRowDecoder
    /// The reading thread's own decoding state (rows it decodes itself, and `next()`).
    private var scratch = CSVRowDecoder.Scratch()
    /// Rows read and not yet taken (`takeRows()`).
    private var rows = CSVRows()
    /// Admission numbers of the last candidates, with the row where each started (see `noteRecent`).
    private var recentAdmissions: [String: Int] = [:]
    private var recentOrder: [String] = []
    private var recentStart = 0
    static let recentWindow = 4096
    private var issues: [TranscriptIssue] = []
    /// The first row of the next candidate, read while looking for the end of the last one.
    private var pending: Pending?
    private var finished = false
    /// The admission number of the last row read (nil before the first, or when its cell was empty).
    private var lastAdmission: String?

    /// A row that belongs to a candidate, classified by the reading thread.
    private struct Pending {
        var admission: String?
        var line: Int
        var step: CandidateRows.Step
    }

    /// Why a CSV file cannot be read at all.
    public enum OpenError: Error, Sendable, Equatable {
        /// The file could not be read; the message says why.
        case unreadable(String)
        /// The text is not CSV (a workbook, UTF-16, binary) or the header lacks a required column: the issue says where and what to do.
        case problem(TranscriptIssue)
    }

    /// Opens the file at `path` and reads its header.
    ///
    /// - Throws: `OpenError` when the file cannot be read, is not CSV text, or its header lacks a required column.
    public init(path: String) throws(OpenError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .problem(TranscriptIssue(file: path, row: 1, severity: .error, message: .init(zh: "这是目录，不是成绩文件", en: "this is a directory, not a transcript file")))
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw .problem(TranscriptIssue(file: path, row: 1, severity: .error, message: .init(zh: "找不到文件", en: "file not found")))
        }
        do {
            parser = try CSVParser(path: path)
        } catch {
            throw .unreadable(path)
        }
        file = path
        decoder = CSVRowDecoder(file: path, headers: [], columns: [:], encoding: .utf8)
        try readHeader()
    }

    /// Reads CSV from bytes in memory, named `file` in issues.
    ///
    /// - Throws: `OpenError` as ``init(path:)`` does.
    public init(bytes: [UInt8], file: String) throws(OpenError) {
        parser = CSVParser(bytes: bytes)
        self.file = file
        decoder = CSVRowDecoder(file: file, headers: [], columns: [:], encoding: .utf8)
        try readHeader()
    }

    /// Whether the file has a 准考证号 column (needed to tell candidates apart in a batch).
    public var hasAdmissionNumbers: Bool { columns[.admissionNumber] != nil }

    /// Closes the file (streamed readers).
    public func close() { parser.close() }

    /// Issues found since the last call.
    public mutating func drainIssues() -> [TranscriptIssue] {
        defer { issues.removeAll() }
        return issues
    }

    private mutating func readHeader() throws(OpenError) {
        let sample = Array(parser.sample)
        if let problem = Self.notText(sample) {
            throw .problem(TranscriptIssue(file: file, row: 1, severity: .error, message: problem))
        }
        if String(validating: sample, as: UTF8.self) == nil && !Self.isTruncatedUTF8(sample) {
            // Decide line by line, so that one bad cell does not make the whole file unreadable: the encoding that
            // decodes more lines wins (UTF-8 on a tie); cells that still do not decode are reported one by one.
            guard let converter = GB18030Converter() else {
                throw .problem(TranscriptIssue(file: file, row: 1, severity: .error, message: .init(
                    zh: "文件不是 UTF-8 编码，且本机无法解码 GB18030；请另存为 UTF-8", en: "the file is not UTF-8 and GB18030 cannot be decoded here; save it as UTF-8")))
            }
            let lines = sample[..<Self.safePrefix(sample)].split { $0 == 0x0A || $0 == 0x0D }
            let utf8Lines = lines.filter { String(validating: $0, as: UTF8.self) != nil }.count
            let gbLines = lines.filter { converter.decode($0) != nil }.count
            if gbLines > utf8Lines {
                self.converter = converter
                encoding = .gb18030
            } else if parser.hadBOM {
                encoding = .utf8BOM
            }
        } else if parser.hadBOM {
            encoding = .utf8BOM
        }
        let row: CSVParser.Row?
        do {
            row = try parser.next()
        } catch {
            throw .problem(TranscriptIssue(file: file, row: 1, severity: .error, message: .init(zh: "表头中的引号未闭合", en: "unterminated quote in the header")))
        }
        guard let row else {
            throw .problem(TranscriptIssue(file: file, row: 1, severity: .error, message: .init(zh: "文件为空", en: "the file is empty")))
        }
        var unknown: [(index: Int, header: String)] = []
        for (index, raw) in row.fields.enumerated() {
            guard let header = decode(raw) ?? decodeOtherEncoding(raw) else {
                throw .problem(TranscriptIssue(file: file, row: row.line, column: index + 1, severity: .error, message: .init(
                    zh: "表头第 \(index + 1) 列既不是 UTF-8 也不是 GB18030 文本；请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”",
                    en: "header cell \(index + 1) is neither UTF-8 nor GB18030 text; in Excel use Save As → CSV UTF-8 (comma delimited)")))
            }
            headers.append(header)
            guard let column = TranscriptColumn.matching(header) else {
                if !header.trimmingSpaces().isEmpty { unknown.append((index, header)) }
                continue
            }
            if columns[column] != nil {
                throw .problem(TranscriptIssue(file: file, row: row.line, column: index + 1, field: header, severity: .error, message: .init(
                    zh: "列“\(header)”重复", en: "column '\(header)' appears twice")))
            }
            columns[column] = index
        }
        // A misspelt header (成续, scroe) gets the closest column the file lacks, with its column number.
        var guesses: [TranscriptColumn: (index: Int, header: String, name: String)] = [:]
        for (index, header) in unknown {
            let guess = TranscriptColumn.closest(to: header, excluding: Set(columns.keys))
            if let guess, guesses[guess.column] == nil { guesses[guess.column] = (index, header, guess.name) }
            let hint = guess.map { LocalizedText(zh: "；是不是“\($0.name)”？", en: "; did you mean '\($0.name)'?") }
            issues.append(TranscriptIssue(file: file, row: row.line, column: index + 1, field: header, severity: .warning, message: .init(
                zh: "未知的列“\(header)”，已忽略\(hint?.zh ?? "")", en: "unknown column '\(header)' ignored\(hint?.en ?? "")")))
        }
        for required in [TranscriptColumn.code, .score] where columns[required] == nil {
            if let (index, header, name) = guesses[required] {
                throw .problem(TranscriptIssue(file: file, row: row.line, column: index + 1, field: header, severity: .error, message: .init(
                    zh: "缺少必需的列“\(required.headers[0])”；第 \(index + 1) 列“\(header)”是不是“\(name)”？请改正表头",
                    en: "missing the required column '\(required.headers[0])' ('\(required.headers[2])'); column \(index + 1) is '\(header)' — did you mean '\(name)'? Correct the header")))
            }
            throw .problem(TranscriptIssue(file: file, row: row.line, severity: .error, message: .init(
                zh: "缺少必需的列“\(required.headers[0])”（或 \(required.headers[1])）；表头为：\(headers.joined(separator: ","))；请在第一行加上该列（列名见 docs/transcripts.md）",
                en: "missing the required column '\(required.headers[0])' (or '\(required.headers[1])'); the header is: \(headers.joined(separator: ",")); add the column to the first row (column names: docs/transcripts.md)")))
        }
        decoder = CSVRowDecoder(file: file, headers: headers, columns: columns, encoding: encoding)
    }

    /// Why the sample is not a CSV text file (an Excel workbook, UTF-16 "Unicode text", other binary data), or nil.
    static func notText(_ sample: [UInt8]) -> LocalizedText? {
        let fix = LocalizedText(zh: "请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”后再读取", en: "in Excel use Save As → CSV UTF-8 (comma delimited) and read that file")
        if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) || sample.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .init(zh: "这是 Excel 工作簿（.xlsx/.xls），不是 CSV 文本；" + fix.zh, en: "this is an Excel workbook (.xlsx/.xls), not CSV text; " + fix.en)
        }
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            return .init(zh: "文件是 UTF-16 编码（Excel 的“Unicode 文本”）；" + fix.zh, en: "the file is UTF-16 (Excel's \"Unicode Text\"); " + fix.en)
        }
        if let zero = sample.firstIndex(of: 0) {
            return .init(zh: "第 \(zero + 1) 字节是 NUL：这不是文本文件（可能是 UTF-16 或二进制文件）；" + fix.zh,
                         en: "byte \(zero + 1) is NUL: this is not a text file (UTF-16 or binary data); " + fix.en)
        }
        return nil
    }

    private static func isTruncatedUTF8(_ bytes: [UInt8]) -> Bool {
        for cut in 1...3 where bytes.count > cut {
            if String(validating: bytes.dropLast(cut), as: UTF8.self) != nil { return true }
        }
        return false
    }

    /// A prefix that ends on a line break, so a sample does not cut a double-byte character.
    private static func safePrefix(_ bytes: [UInt8]) -> Int {
        (bytes.lastIndex { $0 == 0x0A || $0 == 0x0D }.map { $0 + 1 }) ?? bytes.count
    }

    private func decode(_ bytes: [UInt8]) -> String? {
        if let converter { return converter.decode(bytes[...]) }
        return Self.utf8(bytes)
    }

    /// The bytes as UTF-8 text, or nil when they are not valid UTF-8. Same result as `String(validating:as:)`, which
    /// is generic and instantiates type metadata on every call (17 % of `batch`'s reading time): decoding with
    /// repair changes the bytes exactly when they are invalid.
    static func utf8(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { utf8($0) }
    }

    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// The cell in the other supported encoding (GB18030 in a UTF-8 file, UTF-8 in a GB18030 file), for files whose
    /// rows were pasted together from exports in different encodings.
    private mutating func decodeOtherEncoding(_ bytes: [UInt8]) -> String? {
        if converter != nil { return Self.utf8(bytes) }
        if fallbackConverter == nil { fallbackConverter = GB18030Converter() }
        return fallbackConverter?.decode(bytes[...])
    }

    /// The next candidate's transcript, or nil at the end of the file.
    public mutating func next() -> Transcript? {
        guard let candidate = nextCandidate() else { return nil }
        let rows = takeRows()
        let decoder = decoder
        var scratch = scratch
        let transcript = rows.withView { decoder.transcript(of: candidate, in: $0, &scratch) }
        issues += scratch.issues
        scratch.issues.removeAll()
        self.scratch = scratch
        return transcript
    }

    // MARK: Candidates' rows, undecoded (what `batch` hands to its worker threads)

    /// The next candidate's rows (consecutive rows with the same 准考证号), or nil at the end of the file. Only rows
    /// whose admission number is not plain ASCII text are decoded here, to know whose they are; `CSVRowDecoder`
    /// decodes the others, on any thread, from the rows `takeRows()` hands over. Issues of rows skipped before the
    /// first candidate are left for `drainIssues()`; every later issue is a step of a candidate.
    mutating func nextCandidate() -> CandidateRows? {
        var skipped: [TranscriptIssue] = []
        let first = nextRow(skipped: &skipped)
        issues += skipped
        guard let first else { return nil }
        var step = first.step
        if let admission = first.admission {
            let notes = noteRecent(admission, row: first.line)
            if !notes.isEmpty { step = step.adding(notes) }
        }
        var candidate = CandidateRows(admission: first.admission, firstRow: first.line, steps: [step])
        while true {
            skipped = []
            let row = nextRow(skipped: &skipped)
            if !skipped.isEmpty { candidate.steps.append(.issues(skipped)) }
            guard let row else { return candidate }
            guard row.admission == candidate.admission else {
                pending = row
                return candidate
            }
            candidate.steps.append(row.step)
        }
    }

    /// The rows read for the candidates returned so far (the next candidate's first row, already read, is carried over).
    mutating func takeRows() -> CSVRows {
        var taken = CSVRows(reservingLike: rows)
        swap(&taken, &rows)
        if let pending, case .row(let index) = pending.step {
            self.pending?.step = .row(rows.appendCopy(of: index, from: taken))
        }
        return taken
    }

    private mutating func nextRow(skipped: inout [TranscriptIssue]) -> Pending? {
        if let pending {
            self.pending = nil
            return pending
        }
        return finished ? nil : readRow(skipped: &skipped)
    }

    /// Reads the next row that belongs to a candidate; rows skipped on the way leave their issues in `skipped`.
    private mutating func readRow(skipped: inout [TranscriptIssue]) -> Pending? {
        while true {
            let read: Bool
            do {
                read = try parser.next(into: &rows)
            } catch {
                switch error {
                case .unterminatedQuote(let line, let field, let resumed):
                    let fix = LocalizedText(zh: "请补上配对的引号，单元格内的引号要写成两个（\"\"）", en: "close the quote, and write a quote inside a quoted cell as two (\"\")")
                    skipped.append(TranscriptIssue(file: file, row: line, column: field, field: field <= headers.count ? headers[field - 1] : nil, severity: .error, message: resumed
                        ? .init(zh: "引号未闭合，此行已跳过，从下一行继续读取；" + fix.zh, en: "unterminated quote; the row was skipped and reading goes on with the next line; " + fix.en)
                        : .init(zh: "引号未闭合，此行已跳过；" + fix.zh, en: "unterminated quote; the row was skipped; " + fix.en)))
                    if resumed { continue }
                case .unreadable:
                    skipped.append(TranscriptIssue(file: file, row: 1, severity: .error, message: .init(zh: "无法读取文件", en: "cannot read the file")))
                }
                finished = true
                return nil
            }
            guard read else {
                finished = true
                return nil
            }
            let index = rows.count - 1
            if let (admission, line) = plainAdmission(of: index) {
                lastAdmission = admission
                return Pending(admission: admission, line: line, step: .row(index))
            }
            let decoder = decoder
            var scratch = scratch
            let decoded = rows.withView { decoder.decodeRow($0.row(index), &scratch) }
            var rowIssues = scratch.issues
            scratch.issues.removeAll()
            self.scratch = scratch
            guard var row = decoded else {
                skipped += rowIssues
                continue
            }
            if row.admission == nil, columns[.admissionNumber] != nil, let previous = lastAdmission {
                // An empty 准考证号 cell between rows that have one: an error at the cell, and the row counts as
                // a rejected row of the candidate before it (not a new anonymous candidate that splits theirs).
                if !row.rejected {
                    rowIssues.append(decoder.issue(row.line, .admissionNumber, .error, .init(
                        zh: "准考证号为空（上一行是 \(previous)）；此行已跳过，请补上准考证号",
                        en: "empty 准考证号 (admission number; the row above has \(previous)); the row was skipped — fill in the admission number")))
                }
                row.admission = previous
                row.rejected = true
            } else {
                lastAdmission = row.admission
            }
            return Pending(admission: row.admission, line: row.line, step: .decoded(row, rowIssues))
        }
    }

    /// The row's admission number and line when its 准考证号 cell is ASCII text, not blank: then the row is that
    /// candidate's whatever its other cells hold (ASCII reads the same in UTF-8 and GB18030, decoding only trims it,
    /// and a row with an admission number is never skipped), so the row need not be decoded to know whose it is.
    private func plainAdmission(of index: Int) -> (String, Int)? {
        guard let column = decoder.admissionColumn else { return nil }
        return rows.withView { view in
            let row = view.row(index)
            guard column < row.count else { return nil }
            let cell = row[column]
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            guard let first = cell.firstIndex(where: { !isSpace($0) }), let last = cell.lastIndex(where: { !isSpace($0) }) else { return nil }
            let text = UnsafeBufferPointer(rebasing: cell[first...last])
            guard !text.contains(where: { $0 >= 0x80 }) else { return nil }
            return (String(decoding: text, as: UTF8.self), row.line)
        }
    }

    /// Remembers the admission numbers of the last `recentWindow` candidates (bounded memory) and warns when one comes
    /// back: an export sorted by course instead of by 准考证号 would otherwise split every candidate into pieces.
    private mutating func noteRecent(_ admission: String, row: Int) -> [TranscriptIssue] {
        var notes: [TranscriptIssue] = []
        if admission.utf8.contains(0x2E), admission.contains("E+") || admission.contains("e+") {
            notes.append(decoder.issue(row, .admissionNumber, .warning, .init(
                zh: "准考证号“\(admission)”是 Excel 的科学计数法，位数已丢失，不同考生可能被并成一人；请把该列设为文本后重新导出",
                en: "admission number '\(admission)' is in Excel's scientific notation: digits are lost and different candidates may be merged into one; format the column as text and export again")))
        }
        if let earlier = recentAdmissions[admission] {
            notes.append(decoder.issue(row, .admissionNumber, .warning, .init(
                zh: "准考证号 \(admission) 的成绩行不连续（前面第 \(earlier) 行起已有一段）；每段按一名考生审核。请按准考证号排序后再导出",
                en: "the rows of admission number \(admission) are not together (an earlier group starts at row \(earlier)); each group is audited as a candidate of its own — sort the export by 准考证号")))
            return notes
        }
        recentAdmissions[admission] = row
        recentOrder.append(admission)
        if recentOrder.count - recentStart > Self.recentWindow {
            recentAdmissions[recentOrder[recentStart]] = nil
            recentStart += 1
            if recentStart >= Self.recentWindow {
                recentOrder.removeFirst(recentStart)
                recentStart = 0
            }
        }
        return notes
    }

    /// Whether text holds only what a transcript's cells hold: ASCII, CJK ideographs, CJK and full-width punctuation,
    /// general punctuation (“” — …), the middle dot of minority names (·), Roman and circled numerals.
    static func onlyExpected(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isExpected($0.value) }
    }

    /// `onlyExpected` for text as valid UTF-8 bytes, without making a string.
    static func onlyExpected(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = UInt32(bytes[index])
            if lead < 0x80 {
                index += 1
                continue
            }
            // Valid UTF-8 (checked before): the lead byte gives the length, every byte after it is 10xxxxxx.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count else { return false }
            var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for next in index + 1..<index + length { value = value << 6 | UInt32(bytes[next] & 0x3F) }
            guard isExpected(value) else { return false }
            index += length
        }
        return true
    }

    /// Whether a transcript's cells hold this character (`onlyExpected`).
    static func isExpected(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00...0x7F, 0xB7, 0xD7, 0x2000...0x206F, 0x2150...0x218F, 0x2460...0x24FF, 0x3000...0x303F, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}

extension CandidateRows.Step {
    /// The step with `notes` after the row's own issues.
    fileprivate func adding(_ notes: [TranscriptIssue]) -> Self {
        switch self {
        case .row(let index): .noted(index, notes)
        case .noted(let index, let earlier): .noted(index, earlier + notes)
        case .decoded(let row, let issues): .decoded(row, issues + notes)
        case .issues(let issues): .issues(issues + notes)
        }
    }
}
