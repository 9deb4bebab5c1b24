import CurriculumDSL

/// One candidate's rows as the reading thread finds them (consecutive rows with the same 准考证号), not yet decoded:
/// what `CSVRowDecoder.transcript(of:in:_:)` turns into a `Transcript`, on whichever thread.
struct CandidateRows: Sendable {
    /// What happens, in input order, to make the transcript and its issues.
    enum Step: Sendable {
        /// A row of the `CSVRows` to decode.
        case row(Int)
        /// The same, with issues that come after the row's own (warnings about the candidate's admission number).
        indirect case noted(Int, [TranscriptIssue])
        /// A row the reading thread already decoded (to tell whom it belongs to), with its issues.
        indirect case decoded(CSVRowDecoder.ReadRow, [TranscriptIssue])
        /// Issues of rows skipped on the way (no candidate to give them to).
        indirect case issues([TranscriptIssue])
    }

    var admission: String?
    var firstRow: Int
    var steps: [Step]
}

extension CSVRowDecoder {
    /// The candidate's transcript; its issues are appended to `scratch.issues` in input order.
    func transcript(of group: CandidateRows, in rows: CSVRows.View, _ scratch: inout Scratch) -> Transcript {
        var transcript = Transcript(admissionNumber: group.admission, firstRow: group.firstRow)
        for step in group.steps {
            let row: ReadRow
            switch step {
            case .row(let index):
                // The reading thread saw a non-empty ASCII admission number: the row is never skipped.
                guard let read = decodeRow(rows.row(index), &scratch) else { continue }
                row = read
            case .noted(let index, let notes):
                guard let read = decodeRow(rows.row(index), &scratch) else { continue }
                scratch.issues += notes
                row = read
            case .decoded(let read, let issues):
                scratch.issues += issues
                row = read
            case .issues(let issues):
                scratch.issues += issues
                continue
            }
            if row.rejected {
                transcript.rejectedRows += 1
                continue
            }
            if transcript.candidate == nil { transcript.candidate = candidate(from: row.values, line: row.line, &scratch) }
            let errorsBefore = scratch.issues.count { $0.severity == .error }
            if let record = record(from: row.values, line: row.line, &scratch) {
                transcript.records.append(record)
            } else if scratch.issues.count(where: { $0.severity == .error }) > errorsBefore {
                transcript.rejectedRows += 1
            }
        }
        return transcript
    }

    private func record(from values: RowValues, line: Int, _ scratch: inout Scratch) -> CourseRecord? {
        let codeText = values[.code] ?? ""
        let scoreText = values[.score] ?? ""
        var code: CourseCode?
        switch FieldParsing.courseCode(codeText) {
        case .value(let value): code = value
        case .repaired(let value, let message): code = value; scratch.issues.append(issue(line, .code, .warning, message))
        case .invalid(let message): scratch.issues.append(issue(line, .code, .error, message))
        }
        if let (severity, message) = FieldParsing.noResult(scoreText) {
            // 缺考 / an empty score: no result to count; said so, not an error in the file.
            scratch.issues.append(issue(line, .score, severity, message))
            return nil
        }
        var score: Score?
        switch FieldParsing.score(scoreText) {
        case .value(let value), .repaired(let value, _): score = value
        case .invalid(let message): scratch.issues.append(issue(line, .score, .error, message))
        }
        var date: CivilDate?
        if let text = values[.date], !text.isEmpty {
            switch FieldParsing.date(text) {
            case .value(let value), .repaired(let value, _): date = value
            case .invalid(let message): scratch.issues.append(issue(line, .date, .error, message)); return nil
            }
        }
        var evidence = Evidence.electronic
        switch FieldParsing.evidence(values[.evidence] ?? "", province: values[.fromProvince]) {
        case .value(let value), .repaired(let value, _): evidence = value
        case .invalid(let message): scratch.issues.append(issue(line, .evidence, .error, message)); return nil
        }
        guard let code, let score else { return nil }
        let name = values[.name].flatMap { $0.isEmpty ? nil : $0 }
        return CourseRecord(code: code, name: name, score: score, passDate: date, evidence: evidence)
    }

    private func candidate(from values: RowValues, line: Int, _ scratch: inout Scratch) -> Candidate? {
        guard let name = values[.candidateName], !name.isEmpty, let id = values[.idNumber], !id.isEmpty else { return nil }
        if !IDNumber.isValid(id) {
            scratch.issues.append(issue(line, .idNumber, .warning, id.count == 18
                ? .init(zh: "身份证号 \(IDNumber.masked(id)) 校验位不符（GB 11643）；请与身份证核对", en: "ID number \(IDNumber.masked(id)) fails the GB 11643 check digit; compare it with the ID card")
                : .init(zh: "身份证号 \(IDNumber.masked(id)) 有 \(id.count) 位，应为 18 位（最后一位可为 X）；请与身份证核对（Excel 会把长数字改成科学计数法，请把该列设为文本）",
                        en: "ID number \(IDNumber.masked(id)) has \(id.count) characters, expected 18 (the last may be X); compare it with the ID card (Excel turns long numbers into 3.2E+17 — format the column as text)")))
        }
        var gender: Gender?
        if let text = values[.gender], !text.isEmpty {
            switch FieldParsing.gender(text) {
            case .value(let value), .repaired(let value, _): gender = value
            case .invalid(let message): scratch.issues.append(issue(line, .gender, .error, message))
            }
        }
        var candidate = Candidate(name: name, idNumber: id, gender: gender, admissionNumber: values[.admissionNumber])
        if let levelText = values[.diplomaLevel], !levelText.isEmpty {
            guard let level = DiplomaLevel(rawValue: levelText) else {
                scratch.issues.append(issue(line, .diplomaLevel, .error, .init(
                    zh: "前置学历层次“\(levelText)”无效：应为 专科/本科/研究生/本科结业", en: "invalid prior diploma level '\(levelText)': expected 专科/本科/研究生/本科结业")))
                return candidate
            }
            var graduation: CivilDate?
            if let text = values[.diplomaDate], !text.isEmpty {
                switch FieldParsing.date(text) {
                case .value(let date), .repaired(let date, _): graduation = date
                case .invalid(let message): scratch.issues.append(issue(line, .diplomaDate, .error, message))
                }
            }
            var registryGender: Gender?
            if let text = values[.registryGender], !text.isEmpty {
                switch FieldParsing.gender(text) {
                case .value(let value), .repaired(let value, _): registryGender = value
                case .invalid(let message): scratch.issues.append(issue(line, .registryGender, .error, message))
                }
            }
            let verified = yesNo(values[.diplomaVerified], column: .diplomaVerified, line: line, &scratch) ?? false
            let national = yesNo(values[.diplomaNational], column: .diplomaNational, line: line, &scratch) ?? true
            candidate.priorDiploma = PriorDiploma(
                level: level, field: values[.diplomaField] ?? "", institution: values[.diplomaInstitution], graduationDate: graduation,
                verified: verified, nationalEducationSeries: national,
                registryName: values[.registryName], registryIDNumber: values[.registryIDNumber], registryGender: registryGender)
        }
        return candidate
    }

    /// 是/否 (yes/no, true/false, 1/0); nil when empty; an error for anything else.
    private func yesNo(_ text: String?, column: TranscriptColumn, line: Int, _ scratch: inout Scratch) -> Bool? {
        guard let text, !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "是", "已验证", "yes", "true", "y", "1": return true
        case "否", "未验证", "no", "false", "n", "0": return false
        default:
            scratch.issues.append(issue(line, column, .error, .init(zh: "“\(text)”无效：应为 是 或 否", en: "invalid value '\(text)': expected 是 or 否 (yes / no)")))
            return nil
        }
    }
}
