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
    /// `columns` as a list, for the per-row loop.
    private var columnList: [(column: TranscriptColumn, index: Int)] = []
    private var headers: [String] = []
    private var converter: GB18030Converter?
    private var fallbackConverter: GB18030Converter?
    /// Admission numbers of the last candidates, with the row where each started (see `noteRecent`).
    private var recentAdmissions: [String: Int] = [:]
    private var recentOrder: [String] = []
    private var recentStart = 0
    static let recentWindow = 4096
    private var issues: [TranscriptIssue] = []
    private var pending: ReadRow?
    private var finished = false
    /// The admission number of the last row read (nil before the first, or when its cell was empty).
    private var lastAdmission: String?

    /// One data row: its admission number and cells; `rejected` when the row was reported as an error and skipped
    /// (it still belongs to its candidate, so that a candidate none of whose rows was usable gets a result row).
    private struct ReadRow {
        var admission: String?
        var values: RowValues
        var line: Int
        var rejected = false
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
        try readHeader()
    }

    /// Reads CSV from bytes in memory, named `file` in issues.
    ///
    /// - Throws: `OpenError` as ``init(path:)`` does.
    public init(bytes: [UInt8], file: String) throws(OpenError) {
        parser = CSVParser(bytes: bytes)
        self.file = file
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

    private var otherEncoding: String { encoding == .gb18030 ? "UTF-8" : "GB18030" }

    /// The next candidate's transcript, or nil at the end of the file.
    public mutating func next() -> Transcript? {
        guard !finished || pending != nil else { return nil }
        var transcript: Transcript?
        var currentAdmission: String?
        while true {
            var row: ReadRow?
            if let pending {
                row = pending
                self.pending = nil
            } else if finished {
                row = nil
            } else {
                row = readRow()
                if var read = row, read.admission == nil, columns[.admissionNumber] != nil, let previous = lastAdmission {
                    // An empty 准考证号 cell between rows that have one: an error at the cell, and the row counts as
                    // a rejected row of the candidate before it (not a new anonymous candidate that splits theirs).
                    if !read.rejected {
                        issue(read.line, .admissionNumber, .error, .init(
                            zh: "准考证号为空（上一行是 \(previous)）；此行已跳过，请补上准考证号",
                            en: "empty 准考证号 (admission number; the row above has \(previous)); the row was skipped — fill in the admission number"))
                    }
                    read.admission = previous
                    read.rejected = true
                    row = read
                } else if let read = row {
                    lastAdmission = read.admission
                }
            }
            guard let row else { break }
            if let existing = transcript, currentAdmission != row.admission {
                pending = row
                return existing
            }
            if transcript == nil {
                transcript = Transcript(admissionNumber: row.admission, firstRow: row.line)
                currentAdmission = row.admission
                if let admission = row.admission { noteRecent(admission, row: row.line) }
            }
            if row.rejected {
                transcript?.rejectedRows += 1
                continue
            }
            if transcript?.candidate == nil { transcript?.candidate = candidate(from: row.values, line: row.line) }
            let errorsBefore = issues.count { $0.severity == .error }
            if let record = record(from: row.values, line: row.line) {
                transcript?.records.append(record)
            } else if issues.count(where: { $0.severity == .error }) > errorsBefore {
                transcript?.rejectedRows += 1
            }
        }
        return transcript
    }

    /// Remembers the admission numbers of the last `recentWindow` candidates (bounded memory) and warns when one comes
    /// back: an export sorted by course instead of by 准考证号 would otherwise split every candidate into pieces.
    private mutating func noteRecent(_ admission: String, row: Int) {
        if admission.utf8.contains(0x2E), admission.contains("E+") || admission.contains("e+") {
            issue(row, .admissionNumber, .warning, .init(
                zh: "准考证号“\(admission)”是 Excel 的科学计数法，位数已丢失，不同考生可能被并成一人；请把该列设为文本后重新导出",
                en: "admission number '\(admission)' is in Excel's scientific notation: digits are lost and different candidates may be merged into one; format the column as text and export again"))
        }
        if let earlier = recentAdmissions[admission] {
            issue(row, .admissionNumber, .warning, .init(
                zh: "准考证号 \(admission) 的成绩行不连续（前面第 \(earlier) 行起已有一段）；每段按一名考生审核。请按准考证号排序后再导出",
                en: "the rows of admission number \(admission) are not together (an earlier group starts at row \(earlier)); each group is audited as a candidate of its own — sort the export by 准考证号"))
            return
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
    }

    /// Decodes one data row; nil at the end. Rows that cannot be decoded are reported and skipped.
    private mutating func readRow() -> ReadRow? {
        while true {
            let raw: CSVParser.Row?
            do {
                raw = try parser.next()
            } catch {
                switch error {
                case .unterminatedQuote(let line, let field, let resumed):
                    let fix = LocalizedText(zh: "请补上配对的引号，单元格内的引号要写成两个（\"\"）", en: "close the quote, and write a quote inside a quoted cell as two (\"\")")
                    issues.append(TranscriptIssue(file: file, row: line, column: field, field: field <= headers.count ? headers[field - 1] : nil, severity: .error, message: resumed
                        ? .init(zh: "引号未闭合，此行已跳过，从下一行继续读取；" + fix.zh, en: "unterminated quote; the row was skipped and reading goes on with the next line; " + fix.en)
                        : .init(zh: "引号未闭合，此行已跳过；" + fix.zh, en: "unterminated quote; the row was skipped; " + fix.en)))
                    if resumed { continue }
                case .unreadable:
                    issues.append(TranscriptIssue(file: file, row: 1, severity: .error, message: .init(zh: "无法读取文件", en: "cannot read the file")))
                }
                finished = true
                return nil
            }
            guard let raw else {
                finished = true
                return nil
            }
            var values = RowValues()
            var bad = false
            if columnList.isEmpty { columnList = columns.map { ($0.key, $0.value) }.sorted { $0.index < $1.index } }
            var failed: [(column: TranscriptColumn, index: Int)] = []
            for (column, index) in columnList {
                guard index < raw.fields.count else { continue }
                guard let text = decode(raw.fields[index]) else {
                    failed.append((column, index))
                    continue
                }
                values[column] = text.trimmingSpaces()
            }
            if converter == nil, !failed.isEmpty || columnList.contains(where: { !Self.onlyExpected(values[$0.column] ?? "") }),
               let gbRow = gb18030Row(raw) {
                failed = []
                // GB18030 bytes that happen to be valid UTF-8 (女 is C5 AE, “Ů” in UTF-8): the row is decided by which
                // decoding gives only the characters a transcript holds.
                for (column, text) in gbRow { values[column] = text }
                let sample = gbRow.first { $0.0 == .name }?.1 ?? gbRow.first?.1 ?? ""
                issues.append(TranscriptIssue(file: file, row: raw.line, severity: .warning, message: .init(
                    zh: "此行是 GB18030 编码（如“\(sample)”），而文件其余部分是 \(encoding.rawValue)；已按 GB18030 读取，请核对。请把整个文件另存为同一种编码（CSV UTF-8）",
                    en: "this row is GB18030 (e.g. '\(sample)') while the file is \(encoding.rawValue); it was read as GB18030 — check it, and save the whole file in one encoding (CSV UTF-8)")))
            }
            if !failed.isEmpty {
                // A row pasted in from an export in the other encoding: none of its non-ASCII cells is valid in the
                // file's encoding and all of them are in the other. Anything less (one damaged cell) is an error.
                let decodedNonASCII = columnList.contains { entry in
                    entry.index < raw.fields.count && !failed.contains { $0.index == entry.index } && raw.fields[entry.index].contains { $0 >= 0x80 }
                }
                var other: [(TranscriptColumn, String)] = []
                if !decodedNonASCII {
                    for (column, index) in failed {
                        guard let text = decodeOtherEncoding(raw.fields[index]) else { break }
                        other.append((column, text.trimmingSpaces()))
                    }
                }
                if !decodedNonASCII, other.count == failed.count {
                    for (column, text) in other { values[column] = text }
                    let sample = other.first { $0.0 == .name }?.1 ?? other.first?.1 ?? ""
                    issues.append(TranscriptIssue(file: file, row: raw.line, severity: .warning, message: .init(
                        zh: "此行是 \(otherEncoding) 编码（如“\(sample)”），而文件其余部分是 \(encoding.rawValue)；已按 \(otherEncoding) 读取，请核对。请把整个文件另存为同一种编码（CSV UTF-8）",
                        en: "this row is \(otherEncoding) (e.g. '\(sample)') while the file is \(encoding.rawValue); it was read as \(otherEncoding) — check it, and save the whole file in one encoding (CSV UTF-8)")))
                } else {
                    for (_, index) in failed {
                        issues.append(TranscriptIssue(file: file, row: raw.line, column: index + 1, field: headers[index], severity: .error, message: .init(
                            zh: "无法按 \(encoding.rawValue) 解码此单元格，整行已跳过；请检查该单元格（可能已损坏），或把文件另存为 CSV UTF-8",
                            en: "this cell is not valid \(encoding.rawValue); the row was skipped — check the cell (it may be damaged), or save the file as CSV UTF-8")))
                    }
                    bad = true
                }
            }
            if raw.fields.count != headers.count {
                let short = raw.fields.count < headers.count
                let column = short ? raw.fields.count + 1 : headers.count + 1
                issues.append(TranscriptIssue(file: file, row: raw.line, column: column, field: short ? headers[column - 1] : nil,
                                              severity: short ? .error : .warning, message: short
                    ? .init(zh: "此行只有 \(raw.fields.count) 列，表头有 \(headers.count) 列；从这一列起缺少数据，请补齐各列（或检查未加引号的逗号）", en: "the row has \(raw.fields.count) fields, the header \(headers.count); data is missing from this column on — fill in the missing cells (or look for a comma that needs quotes)")
                    : .init(zh: "此行有 \(raw.fields.count) 列，多于表头的 \(headers.count) 列；多余的列已忽略（含逗号的单元格须加引号）", en: "the row has \(raw.fields.count) fields, more than the header's \(headers.count); the extra fields were ignored (a cell with a comma must be quoted)")))
                if short, values[.code] == nil || values[.score] == nil { bad = true }
            }
            let admission = values[.admissionNumber].flatMap { $0.isEmpty ? nil : $0 }
            if bad {
                // Without a readable admission number the row cannot be given to a candidate: reported, skipped.
                guard admission != nil else { continue }
                return ReadRow(admission: admission, values: values, line: raw.line, rejected: true)
            }
            return ReadRow(admission: admission, values: values, line: raw.line)
        }
    }

    /// In a UTF-8 file, for a row that does not read as UTF-8 or reads as characters no transcript holds (Latin,
    /// Greek, Cyrillic … from GB18030 byte pairs): the row's non-ASCII cells in GB18030 when every one of them decodes
    /// to expected characters; nil otherwise (the row is then read as before: UTF-8, or reported cell by cell).
    private mutating func gb18030Row(_ raw: CSVParser.Row) -> [(TranscriptColumn, String)]? {
        let nonASCII = columnList.filter { $0.index < raw.fields.count && raw.fields[$0.index].contains { $0 >= 0x80 } }
        guard !nonASCII.isEmpty else { return nil }
        if fallbackConverter == nil { fallbackConverter = GB18030Converter() }
        guard let converter = fallbackConverter else { return nil }
        var row: [(TranscriptColumn, String)] = []
        for (column, index) in nonASCII {
            guard let text = converter.decode(raw.fields[index][...]), Self.onlyExpected(text) else { return nil }
            row.append((column, text.trimmingSpaces()))
        }
        return row
    }

    /// Whether text holds only what a transcript's cells hold: ASCII, CJK ideographs, CJK and full-width punctuation,
    /// general punctuation (“” — …), the middle dot of minority names (·), Roman and circled numerals.
    static func onlyExpected(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x00...0x7F, 0xB7, 0xD7, 0x2000...0x206F, 0x2150...0x218F, 0x2460...0x24FF, 0x3000...0x303F, 0x3400...0x4DBF,
                 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x2FA1F: true
            default: false
            }
        }
    }

    private mutating func issue(_ line: Int, _ column: TranscriptColumn, _ severity: Severity, _ message: LocalizedText) {
        let index = columns[column]
        issues.append(TranscriptIssue(file: file, row: line, column: index.map { $0 + 1 }, field: index.map { headers[$0] },
                                      severity: severity, message: message))
    }

    private mutating func record(from values: RowValues, line: Int) -> CourseRecord? {
        let codeText = values[.code] ?? ""
        let scoreText = values[.score] ?? ""
        var code: CourseCode?
        switch FieldParsing.courseCode(codeText) {
        case .value(let value): code = value
        case .repaired(let value, let message): code = value; issue(line, .code, .warning, message)
        case .invalid(let message): issue(line, .code, .error, message)
        }
        if let (severity, message) = FieldParsing.noResult(scoreText) {
            // 缺考 / an empty score: no result to count; said so, not an error in the file.
            issue(line, .score, severity, message)
            return nil
        }
        var score: Score?
        switch FieldParsing.score(scoreText) {
        case .value(let value), .repaired(let value, _): score = value
        case .invalid(let message): issue(line, .score, .error, message)
        }
        var date: CivilDate?
        if let text = values[.date], !text.isEmpty {
            switch FieldParsing.date(text) {
            case .value(let value), .repaired(let value, _): date = value
            case .invalid(let message): issue(line, .date, .error, message); return nil
            }
        }
        var evidence = Evidence.electronic
        switch FieldParsing.evidence(values[.evidence] ?? "", province: values[.fromProvince]) {
        case .value(let value), .repaired(let value, _): evidence = value
        case .invalid(let message): issue(line, .evidence, .error, message); return nil
        }
        guard let code, let score else { return nil }
        let name = values[.name].flatMap { $0.isEmpty ? nil : $0 }
        return CourseRecord(code: code, name: name, score: score, passDate: date, evidence: evidence)
    }

    private mutating func candidate(from values: RowValues, line: Int) -> Candidate? {
        guard let name = values[.candidateName], !name.isEmpty, let id = values[.idNumber], !id.isEmpty else { return nil }
        if !IDNumber.isValid(id) {
            issue(line, .idNumber, .warning, id.count == 18
                ? .init(zh: "身份证号 \(IDNumber.masked(id)) 校验位不符（GB 11643）；请与身份证核对", en: "ID number \(IDNumber.masked(id)) fails the GB 11643 check digit; compare it with the ID card")
                : .init(zh: "身份证号 \(IDNumber.masked(id)) 有 \(id.count) 位，应为 18 位（最后一位可为 X）；请与身份证核对（Excel 会把长数字改成科学计数法，请把该列设为文本）",
                        en: "ID number \(IDNumber.masked(id)) has \(id.count) characters, expected 18 (the last may be X); compare it with the ID card (Excel turns long numbers into 3.2E+17 — format the column as text)"))
        }
        var gender: Gender?
        if let text = values[.gender], !text.isEmpty {
            switch FieldParsing.gender(text) {
            case .value(let value), .repaired(let value, _): gender = value
            case .invalid(let message): issue(line, .gender, .error, message)
            }
        }
        var candidate = Candidate(name: name, idNumber: id, gender: gender, admissionNumber: values[.admissionNumber])
        if let levelText = values[.diplomaLevel], !levelText.isEmpty {
            guard let level = DiplomaLevel(rawValue: levelText) else {
                issue(line, .diplomaLevel, .error, .init(zh: "前置学历层次“\(levelText)”无效：应为 专科/本科/研究生/本科结业", en: "invalid prior diploma level '\(levelText)': expected 专科/本科/研究生/本科结业"))
                return candidate
            }
            var graduation: CivilDate?
            if let text = values[.diplomaDate], !text.isEmpty {
                switch FieldParsing.date(text) {
                case .value(let date), .repaired(let date, _): graduation = date
                case .invalid(let message): issue(line, .diplomaDate, .error, message)
                }
            }
            var registryGender: Gender?
            if let text = values[.registryGender], !text.isEmpty {
                switch FieldParsing.gender(text) {
                case .value(let value), .repaired(let value, _): registryGender = value
                case .invalid(let message): issue(line, .registryGender, .error, message)
                }
            }
            let verified = yesNo(values[.diplomaVerified], column: .diplomaVerified, line: line) ?? false
            let national = yesNo(values[.diplomaNational], column: .diplomaNational, line: line) ?? true
            candidate.priorDiploma = PriorDiploma(
                level: level, field: values[.diplomaField] ?? "", institution: values[.diplomaInstitution], graduationDate: graduation,
                verified: verified, nationalEducationSeries: national,
                registryName: values[.registryName], registryIDNumber: values[.registryIDNumber], registryGender: registryGender)
        }
        return candidate
    }

    /// 是/否 (yes/no, true/false, 1/0); nil when empty; an error for anything else.
    private mutating func yesNo(_ text: String?, column: TranscriptColumn, line: Int) -> Bool? {
        guard let text, !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "是", "已验证", "yes", "true", "y", "1": return true
        case "否", "未验证", "no", "false", "n", "0": return false
        default:
            issue(line, column, .error, .init(zh: "“\(text)”无效：应为 是 或 否", en: "invalid value '\(text)': expected 是 or 否 (yes / no)"))
            return nil
        }
    }
}
