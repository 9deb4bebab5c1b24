import CurriculumDSL

/// Dates that are probably typos: an application date after today, results or certificates dated after today.
/// Each is a warning; the audit still runs on the dates given.
public enum DateChecks {
    /// The warnings for an application date, results and certificates dated after `today`.
    public static func warnings(applicationDate: CivilDate, records: [CourseRecord], certificates: [Certificate] = [],
                                today: CivilDate) -> [LocalizedText] {
        var warnings: [LocalizedText] = []
        if applicationDate > today {
            warnings.append(.init(
                zh: "申请日期 \(applicationDate) 在今天（\(today)）之后，是否写错？审核按该日期进行，结论不表示今天即可申请毕业",
                en: "the application date \(applicationDate) is after today (\(today)) — a typo? The audit is for that date; its verdict does not mean the candidate may apply today"))
        }
        let future = records.compactMap { record in record.passDate.flatMap { $0 > today ? "\(record.code) \($0)" : nil } }
        if !future.isEmpty {
            warnings.append(.init(zh: "成绩日期在今天（\(today)）之后，是否写错：\(future.joined(separator: "、"))",
                                  en: "results dated after today (\(today)) — typos?: \(future.joined(separator: ", "))"))
        }
        let laterCertificates = certificates.filter { $0.obtainedOn > today }.map { "\($0.name) \($0.obtainedOn)" }
        if !laterCertificates.isEmpty {
            warnings.append(.init(zh: "证书取得日期在今天（\(today)）之后，是否写错：\(laterCertificates.joined(separator: "、"))",
                                  en: "certificates dated after today (\(today)) — typos?: \(laterCertificates.joined(separator: ", "))"))
        }
        return warnings
    }
}
