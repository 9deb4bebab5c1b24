import CurriculumDSL

/// Reads transcript exports in CSV (准考证号, 课程代码, 课程名称, 成绩, 合格时间, 成绩来源, and optionally the
/// candidate's and prior diploma's columns), UTF-8 with or without BOM or GB18030, streaming: consecutive rows
/// with the same 准考证号 form one transcript. Every problem is an issue with row and column; a bad row is
/// reported and skipped, never silently dropped.
public struct CSVTranscriptReader {
    public let file: String
    public private(set) var encoding: TextDecoding.Encoding = .utf8
    private var parser: CSVParser
    private var columns: [TranscriptColumn: Int] = [:]
    private var headers: [String] = []
    private var converter: GB18030Converter?
    private var issues: [TranscriptIssue] = []
    private var pending: (row: Int, admission: String?, values: [TranscriptColumn: String], line: Int)?
    private var finished = false

    public enum OpenError: Error, Sendable, Equatable {
        case unreadable(String)
        case problem(TranscriptIssue)
    }

    public init(path: String) throws(OpenError) {
        do {
            parser = try CSVParser(path: path)
        } catch {
            throw .unreadable(path)
        }
        file = path
        try readHeader()
    }

    public init(bytes: [UInt8], file: String) throws(OpenError) {
        parser = CSVParser(bytes: bytes)
        self.file = file
        try readHeader()
    }

    /// Closes the file (streamed readers).
    public func close() { parser.close() }

    /// Issues found since the last call.
    public mutating func drainIssues() -> [TranscriptIssue] {
        defer { issues.removeAll() }
        return issues
    }

    private mutating func readHeader() throws(OpenError) {
        let sample = Array(parser.sample)
        if String(validating: sample, as: UTF8.self) == nil && !Self.isTruncatedUTF8(sample) {
            guard let converter = GB18030Converter(), converter.decode(sample[...].prefix(Self.safePrefix(sample))) != nil else {
                throw .problem(TranscriptIssue(file: file, row: 1, severity: .error, message: .init(
                    zh: "文件既不是 UTF-8 也不是 GB18030 编码；请另存为 UTF-8", en: "the file is neither UTF-8 nor GB18030; save it as UTF-8")))
            }
            self.converter = converter
            encoding = .gb18030
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
        for (index, raw) in row.fields.enumerated() {
            let header = decode(raw) ?? ""
            headers.append(header)
            guard let column = TranscriptColumn.matching(header) else {
                if !header.trimmingSpaces().isEmpty {
                    issues.append(TranscriptIssue(file: file, row: row.line, column: index + 1, field: header, severity: .warning, message: .init(
                        zh: "未知的列“\(header)”，已忽略", en: "unknown column '\(header)' ignored")))
                }
                continue
            }
            if columns[column] != nil {
                throw .problem(TranscriptIssue(file: file, row: row.line, column: index + 1, field: header, severity: .error, message: .init(
                    zh: "列“\(header)”重复", en: "column '\(header)' appears twice")))
            }
            columns[column] = index
        }
        for required in [TranscriptColumn.code, .score] where columns[required] == nil {
            throw .problem(TranscriptIssue(file: file, row: row.line, severity: .error, message: .init(
                zh: "缺少必需的列“\(required.headers[0])”（或 \(required.headers[1])）；表头为：\(headers.joined(separator: ","))",
                en: "missing the required column '\(required.headers[0])' (or '\(required.headers[1])'); the header is: \(headers.joined(separator: ","))")))
        }
    }

    private static func isTruncatedUTF8(_ bytes: [UInt8]) -> Bool {
        for cut in 1...3 where bytes.count > cut {
            if String(validating: bytes.dropLast(cut), as: UTF8.self) != nil { return true }
        }
        return false
    }

    /// A prefix that ends on a line break, so a sample does not cut a double-byte character.
    private static func safePrefix(_ bytes: [UInt8]) -> Int {
        (bytes.lastIndex(of: 0x0A).map { $0 + 1 }) ?? bytes.count
    }

    private func decode(_ bytes: [UInt8]) -> String? {
        if let converter { return converter.decode(bytes[...]) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The next candidate's transcript, or nil at the end of the file.
    public mutating func next() -> Transcript? {
        guard !finished || pending != nil else { return nil }
        var transcript: Transcript?
        var currentAdmission: String?
        while true {
            let row: (row: Int, admission: String?, values: [TranscriptColumn: String], line: Int)?
            if let pending {
                row = pending
                self.pending = nil
            } else if finished {
                row = nil
            } else {
                row = readRow()
            }
            guard let row else { break }
            if let existing = transcript, currentAdmission != row.admission {
                pending = row
                return existing
            }
            if transcript == nil {
                transcript = Transcript(admissionNumber: row.admission, firstRow: row.line)
                currentAdmission = row.admission
                transcript?.candidate = candidate(from: row.values, line: row.line)
            }
            if let record = record(from: row.values, line: row.line) { transcript?.records.append(record) }
        }
        return transcript
    }

    /// Decodes one data row; nil at the end. Rows that cannot be decoded are reported and skipped.
    private mutating func readRow() -> (row: Int, admission: String?, values: [TranscriptColumn: String], line: Int)? {
        while true {
            let raw: CSVParser.Row?
            do {
                raw = try parser.next()
            } catch {
                if case .unterminatedQuote(let line) = error {
                    issues.append(TranscriptIssue(file: file, row: line, severity: .error, message: .init(
                        zh: "引号未闭合，此行至文件末尾无法读取", en: "unterminated quote; the rest of the file cannot be read")))
                }
                finished = true
                return nil
            }
            guard let raw else {
                finished = true
                return nil
            }
            var values: [TranscriptColumn: String] = [:]
            var bad = false
            for (column, index) in columns {
                guard index < raw.fields.count else { continue }
                guard let text = decode(raw.fields[index]) else {
                    issues.append(TranscriptIssue(file: file, row: raw.line, column: index + 1, field: headers[index], severity: .error, message: .init(
                        zh: "无法按 \(encoding.rawValue) 解码此单元格，整行已跳过", en: "this cell is not valid \(encoding.rawValue); the row was skipped")))
                    bad = true
                    continue
                }
                values[column] = text.trimmingSpaces()
            }
            if raw.fields.count != headers.count {
                issues.append(TranscriptIssue(file: file, row: raw.line, severity: raw.fields.count < headers.count ? .error : .warning, message: .init(
                    zh: "此行有 \(raw.fields.count) 列，表头有 \(headers.count) 列", en: "the row has \(raw.fields.count) fields; the header has \(headers.count)")))
                if raw.fields.count < headers.count, values[.code] == nil || values[.score] == nil { bad = true }
            }
            if bad { continue }
            return (raw.line, values[.admissionNumber].flatMap { $0.isEmpty ? nil : $0 }, values, raw.line)
        }
    }

    private mutating func issue(_ line: Int, _ column: TranscriptColumn, _ severity: Severity, _ message: LocalizedText) {
        let index = columns[column]
        issues.append(TranscriptIssue(file: file, row: line, column: index.map { $0 + 1 }, field: index.map { headers[$0] },
                                      severity: severity, message: message))
    }

    private mutating func record(from values: [TranscriptColumn: String], line: Int) -> CourseRecord? {
        let codeText = values[.code] ?? ""
        let scoreText = values[.score] ?? ""
        var code: CourseCode?
        switch FieldParsing.courseCode(codeText) {
        case .value(let value): code = value
        case .repaired(let value, let message): code = value; issue(line, .code, .warning, message)
        case .invalid(let message): issue(line, .code, .error, message)
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
            case .invalid(let message): issue(line, .date, .error, message)
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

    private mutating func candidate(from values: [TranscriptColumn: String], line: Int) -> Candidate? {
        guard let name = values[.candidateName], !name.isEmpty, let id = values[.idNumber], !id.isEmpty else { return nil }
        if !IDNumber.isValid(id) {
            issue(line, .idNumber, .warning, .init(zh: "身份证号 \(IDNumber.masked(id)) 校验位不符（GB 11643）", en: "ID number \(IDNumber.masked(id)) fails the GB 11643 check digit"))
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
            if let text = values[.diplomaDate], !text.isEmpty, case .value(let date) = FieldParsing.date(text) { graduation = date }
            var registryGender: Gender?
            if let text = values[.registryGender], case .value(let value) = FieldParsing.gender(text) { registryGender = value }
            candidate.priorDiploma = PriorDiploma(
                level: level, field: values[.diplomaField] ?? "", institution: values[.diplomaInstitution], graduationDate: graduation,
                verified: Self.yes(values[.diplomaVerified]), nationalEducationSeries: values[.diplomaNational].map { Self.yes($0) } ?? true,
                registryName: values[.registryName], registryIDNumber: values[.registryIDNumber], registryGender: registryGender)
        }
        return candidate
    }

    private static func yes(_ text: String?) -> Bool {
        ["是", "已验证", "yes", "true", "y", "1"].contains((text ?? "").lowercased())
    }
}
