/// The columns a transcript CSV may have, with the header names accepted for each (Chinese or English;
/// case, spaces, `-` and `_` are ignored).
enum TranscriptColumn: Int, CaseIterable, Sendable {
    case admissionNumber, code, name, score, date, evidence, fromProvince
    case candidateName, idNumber, gender
    case diplomaLevel, diplomaField, diplomaInstitution, diplomaDate, diplomaVerified, diplomaNational
    case registryName, registryIDNumber, registryGender

    var headers: [String] {
        switch self {
        case .admissionNumber: ["准考证号", "admissionnumber"]
        case .code: ["课程代码", "代码", "code", "coursecode"]
        case .name: ["课程名称", "课程名", "name", "coursename"]
        case .score: ["成绩", "分数", "score", "result"]
        case .date: ["合格时间", "合格日期", "通过时间", "passdate", "date"]
        case .evidence: ["成绩来源", "来源", "证据", "成绩类型", "evidence", "source"]
        case .fromProvince: ["转出省份", "fromprovince"]
        case .candidateName: ["姓名", "考生姓名", "candidatename", "candidate"]
        case .idNumber: ["身份证号", "身份证号码", "证件号码", "idnumber"]
        case .gender: ["性别", "gender", "sex"]
        case .diplomaLevel: ["前置学历层次", "前置学历", "priordiplomalevel", "priorlevel"]
        case .diplomaField: ["前置学历专业", "priordiplomafield", "priorfield"]
        case .diplomaInstitution: ["前置学历院校", "priordiplomainstitution", "priorinstitution"]
        case .diplomaDate: ["前置学历毕业日期", "priorgraduationdate"]
        case .diplomaVerified: ["学信网验证", "priorverified", "verified"]
        case .diplomaNational: ["国民教育系列", "nationaleducationseries"]
        case .registryName: ["学信网姓名", "registryname"]
        case .registryIDNumber: ["学信网身份证号", "registryidnumber"]
        case .registryGender: ["学信网性别", "registrygender"]
        }
    }

    static func normalize(_ header: String) -> String {
        String(String.UnicodeScalarView(header.trimmingSpaces().lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" }))
    }

    static func matching(_ header: String) -> TranscriptColumn? {
        let key = normalize(header)
        return allCases.first { $0.headers.contains(key) }
    }

    /// The column a misspelt header most likely means, among those not already in the file (`excluding`).
    /// `name` is the accepted header it is closest to (成绩 for 成续, score for scroe).
    static func closest(to header: String, excluding present: Set<TranscriptColumn>) -> (column: TranscriptColumn, name: String)? {
        let key = normalize(header)
        let names = allCases.filter { !present.contains($0) }.flatMap { column in column.headers.map { ($0, column) } }
        guard let best = Suggestion.closest(to: key, among: names.map(\.0)), let column = names.first(where: { $0.0 == best })?.1 else { return nil }
        return (column, best)
    }

    /// Every accepted header, for "unknown column" messages.
    static var acceptedHeaders: String {
        allCases.map { $0.headers[0] + "/" + ($0.headers.last ?? "") }.joined(separator: ", ")
    }
}

/// One row's cells by column, without hashing (rows are read by the million in `batch`).
struct RowValues: Sendable {
    private var cells = [String?](repeating: nil, count: TranscriptColumn.allCases.count)

    subscript(column: TranscriptColumn) -> String? {
        get { cells[column.rawValue] }
        set { cells[column.rawValue] = newValue }
    }
}
