import CurriculumDSL

/// 本科 prerequisites: a verified prior diploma of an accepted level whose registry name, ID number and gender
/// match the candidate exactly (seed step 5). Returns the blocking reasons (empty when satisfied).
enum PriorDiplomaCheck {
    static func reasons(candidate: Candidate, major: Major, applicationDate: CivilDate) -> [Audit.Reason] {
        var reasons: [Audit.Reason] = []
        if !candidate.idNumber.isEmpty, !IDNumber.isValid(candidate.idNumber) {
            reasons.append(.init(code: "id-number-invalid", message: .init(
                zh: "身份证号 \(IDNumber.masked(candidate.idNumber)) 不是有效的18位号码（GB 11643 校验位不符），请到县（市、区）自考部门核对",
                en: "ID number \(IDNumber.masked(candidate.idNumber)) is not a valid 18-character number (GB 11643 check digit); have the county office correct it")))
        }
        guard major.level.isBachelor else { return reasons }
        let prerequisite = major.prerequisite ?? .bachelorDefault
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
        var mismatched: [LocalizedText] = []
        if diploma.registryName != candidate.name { mismatched.append(.init(zh: "姓名", en: "name")) }
        if diploma.registryIDNumber?.uppercased() != candidate.idNumber.uppercased() { mismatched.append(.init(zh: "身份证号", en: "ID number")) }
        if let gender = candidate.gender, diploma.registryGender != gender { mismatched.append(.init(zh: "性别", en: "gender")) }
        if !mismatched.isEmpty {
            reasons.append(.init(code: "prior-diploma-mismatch", message: .init(
                zh: "前置学历上的\(mismatched.map(\.zh).joined(separator: "、"))与考生信息不一致（或学信网记录缺失）；须先到市（县、区）招办线下办理",
                en: "the prior diploma's \(mismatched.map(\.en).joined(separator: ", ")) differ from the candidate's record (or are missing in 学信网); fix it at the county office first")))
        }
        if let graduated = diploma.graduationDate, graduated > applicationDate {
            reasons.append(.init(code: "prior-diploma-not-yet", message: .init(
                zh: "前置学历毕业日期 \(graduated) 晚于申请日期 \(applicationDate)",
                en: "the prior diploma's graduation date \(graduated) is after the application date \(applicationDate)")))
        }
        return reasons
    }
}
