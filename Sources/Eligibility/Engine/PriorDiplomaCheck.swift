import CurriculumDSL

/// 本科 prerequisites: a verified prior diploma of an accepted level whose registry name, ID number and gender
/// match the candidate exactly (seed step 5). Returns the blocking reasons (empty when satisfied).
enum PriorDiplomaCheck {
    /// For a major of `level` with `prerequisite` (the compiled plan holds both, so no `Major` is copied per audit).
    static func reasons(candidate: borrowing Candidate, level: Level, prerequisite: Prerequisite?, applicationDate: CivilDate) -> [Audit.Reason] {
        var reasons: [Audit.Reason] = []
        if !candidate.idNumber.isEmpty, !IDNumber.isValid(candidate.idNumber) {
            reasons.append(.init(code: "id-number-invalid", message: .init(
                zh: "身份证号 \(IDNumber.masked(candidate.idNumber)) 不是有效的18位号码（GB 11643 校验位不符），请到县（市、区）自考部门核对",
                en: "ID number \(IDNumber.masked(candidate.idNumber)) is not a valid 18-character number (GB 11643 check digit); have the county office correct it")))
        }
        guard level.isBachelor else { return reasons }
        let prerequisite = prerequisite ?? .bachelorDefault
        guard let diploma = candidate.priorDiploma else {
            reasons.append(.init(code: "prior-diploma-missing", message: .init(
                zh: "申请本科须有专科或以上学历（或本科结业证书），尚未提供前置学历；请先在学信网完成学历验证授权",
                en: "a 本科 graduation needs a 专科-or-higher diploma (or 本科结业证书); no prior diploma is on record — authorise its 学信网 verification first")))
            return reasons
        }
        if !prerequisite.priorDiploma.contains(diploma.level) {
            let accepted = prerequisite.priorDiploma.map(\.rawValue).joined(separator: "、")
            reasons.append(.init(code: "prior-diploma-level", message: .init(
                zh: "前置学历层次“\(diploma.level.rawValue)”不符合要求（须为：\(accepted)）",
                en: "prior diploma level \(diploma.level.rawValue) is not accepted (accepted: \(accepted))")))
        }
        if prerequisite.nationalEducationSeriesOnly && !diploma.nationalEducationSeries {
            reasons.append(.init(code: "prior-diploma-not-national-series", message: .init(
                zh: "本专业只接受国民教育系列学历", en: "this major accepts national-education-series diplomas only")))
        }
        if prerequisite.verified && !diploma.verified {
            reasons.append(.init(code: "prior-diploma-unverified", message: .init(
                zh: "前置学历尚未通过学信网验证；请用学信网APP扫码完成学历验证授权",
                en: "the prior diploma is not verified by 学信网 (CHSI); authorise the verification in the 学信网 app")))
        }
        // Each mismatch names the field and both values (ID numbers masked), so the office sees what to correct.
        var mismatched: [LocalizedText] = []
        func value(_ text: String?) -> LocalizedText {
            guard let text, !text.isEmpty else { return .init(zh: "（无记录）", en: "(none)") }
            return .init(zh: text, en: text)
        }
        func item(_ zh: String, _ en: String, registry: String?, candidate: String) {
            let registry = value(registry)
            mismatched.append(.init(zh: "\(zh)（学信网 \(registry.zh)，考生 \(candidate)）", en: "\(en) (学信网 \(registry.en), candidate \(candidate))"))
        }
        if diploma.registryName != candidate.name {
            item("姓名", "name", registry: diploma.registryName, candidate: candidate.name)
        }
        // Equal as written first: uppercasing makes two new strings.
        if diploma.registryIDNumber != candidate.idNumber, diploma.registryIDNumber?.uppercased() != candidate.idNumber.uppercased() {
            item("身份证号", "ID number", registry: diploma.registryIDNumber.map(IDNumber.masked), candidate: IDNumber.masked(candidate.idNumber))
        }
        if let gender = candidate.gender, diploma.registryGender != gender {
            item("性别", "gender", registry: diploma.registryGender?.rawValue, candidate: gender.rawValue)
        }
        if !mismatched.isEmpty {
            reasons.append(.init(code: "prior-diploma-mismatch", message: .init(
                zh: "前置学历信息与考生信息不一致：\(mismatched.map(\.zh).joined(separator: "；"))；须先到县（市、区）自考部门线下办理更正",
                en: "the prior diploma does not match the candidate's record: \(mismatched.map(\.en).joined(separator: "; ")); have it corrected at the county office first")))
        }
        if let graduated = diploma.graduationDate, graduated > applicationDate {
            reasons.append(.init(code: "prior-diploma-not-yet", message: .init(
                zh: "前置学历毕业日期 \(graduated) 晚于申请日期 \(applicationDate)",
                en: "the prior diploma's graduation date \(graduated) is after the application date \(applicationDate)")))
        }
        return reasons
    }
}
