import CurriculumDSL
import Foundation

/// Checks a registration form (毕业生登记表) against the seed's formats and the policy's rules; every error names
/// its field. Characters of 自我鉴定 are counted as Unicode characters (grapheme clusters) other than white space:
/// a Chinese character, a letter, a digit or a punctuation mark each counts one.
public struct FormValidator: Sendable {
    public var rule: RegistrationFormRule
    /// Dates after this day are in the future.
    public var today: CivilDate

    public init(rule: RegistrationFormRule = RegistrationFormRule(), today: CivilDate) {
        self.rule = rule
        self.today = today
    }

    public func errors(in form: RegistrationForm) -> [FormError] {
        var errors: [FormError] = []
        func fail(_ field: String, _ zh: String, _ en: String) {
            errors.append(FormError(field: field, message: .init(zh: "\(field)：\(zh)", en: "\(field): \(en)")))
        }
        func required(_ field: String, _ value: String) {
            if value.trimmed.isEmpty { fail(field, "必填，请填写", "required; fill it in") }
        }
        func oneOf(_ field: String, _ value: String, _ list: [String]) {
            if value.trimmed.isEmpty { return fail(field, "必填，请选择", "required; choose one") }
            guard !list.contains(value.trimmed) else { return }
            let hint = Suggestion.closest(to: value.trimmed, among: list).map { ($0, $0) }
            fail(field, "“\(value)”不在官方列表中\(hint.map { "；是不是“\($0.0)”？" } ?? "")",
                 "'\(value)' is not in the official list\(hint.map { "; did you mean '\($0.1)'?" } ?? "")")
        }
        oneOf("民族", form.ethnicity, OfficialLists.ethnicities)
        required("职业", form.occupation)
        oneOf("政治面貌", form.politicalStatus, OfficialLists.politicalStatuses)
        if !Self.isMobile(form.mobile) {
            fail("手机号", "须为 11 位手机号码（1 开头，第二位 3–9），现为“\(form.mobile)”",
                 "must be an 11-digit mobile number (1, then 3–9, then 9 digits); it is '\(form.mobile)'")
        }
        required("已取得学历", form.education)
        required("健康状况", form.health)
        _ = date("参加工作时间", form.workStart, fail: fail)
        if form.overseasRelative == nil { fail("是否华侨、港澳、台属", "必填，请选择“是”或“否”", "required; choose yes or no") }
        if form.nativePlace.trimmed.isEmpty {
            fail("籍贯", "必填，格式：xxx省xxx市", "required, written xxx省xxx市")
        } else if !Self.isNativePlace(form.nativePlace.trimmed) {
            fail("籍贯", "格式须为 xxx省xxx市（如 山西省太原市），现为“\(form.nativePlace)”",
                 "must be written xxx省xxx市 (e.g. 山西省太原市); it is '\(form.nativePlace)'")
        }
        required("工作单位", form.employer)
        required("详细住址", form.address)
        errors += resumeErrors(form.resume)
        errors += familyErrors(form.family)
        if !Self.matches(form.rewardsAndPunishments.trimmed, labels: ["奖励", "处分"]) {
            fail("奖励或处分", "格式须为 奖励:xxxx、处分:xxxx（没有的写“无”），现为“\(form.rewardsAndPunishments)”",
                 "must be written 奖励:xxxx、处分:xxxx (write 无 for none); it is '\(form.rewardsAndPunishments)'")
        }
        if !form.selfAppraisalHandwritten {
            let count = Self.characterCount(form.selfAppraisal)
            if count < rule.selfAppraisalMinCharacters {
                fail("自我鉴定", "不得少于 \(rule.selfAppraisalMinCharacters) 字，现有 \(count) 字（不计空白）；也可打印后手写完成",
                     "at least \(rule.selfAppraisalMinCharacters) characters; it has \(count) (white space not counted). It may also be written by hand on the printout")
            }
        }
        return errors
    }

    private func resumeErrors(_ rows: [ResumeRow]) -> [FormError] {
        var errors: [FormError] = []
        func fail(_ field: String, _ zh: String, _ en: String) {
            errors.append(FormError(field: field, message: .init(zh: "\(field)：\(zh)", en: "\(field): \(en)")))
        }
        if rows.count < rule.minResumeRows {
            fail("个人简历", "学习或工作经历至少填写 \(rule.minResumeRows) 栏", "at least \(rule.minResumeRows) row(s) of study or work")
        }
        var previous: CivilDate?
        for (index, row) in rows.enumerated() {
            let prefix = "个人简历第 \(index + 1) 行 "
            let from = date(prefix + "自何年月", row.from, fail: fail)
            let to = date(prefix + "至何年月", row.to, fail: fail)
            if row.place.trimmed.isEmpty { fail(prefix + "在何地何单位学习或工作", "必填，请填写", "required; fill it in") }
            if let from, let to, to < from {
                fail(prefix + "至何年月", "\(row.to) 早于自何年月 \(row.from)", "\(row.to) is before the start \(row.from)")
            }
            if let from, let previous, from < previous {
                fail(prefix + "自何年月", "各行须按时间先后填写：\(row.from) 早于上一行的开始日期", "rows must be in time order: \(row.from) is before the previous row's start")
            }
            if let from { previous = from }
        }
        return errors
    }

    private func familyErrors(_ text: String) -> [FormError] {
        let members = text.split(whereSeparator: { $0 == "\n" || $0 == "；" || $0 == ";" }).map { String($0).trimmed }.filter { !$0.isEmpty }
        let field = "家庭主要成员"
        guard !members.isEmpty else {
            return [FormError(field: field, message: .init(zh: "\(field)：必填，格式：家庭成员姓名:xxx、工作单位:xxxx、职务:xxxx",
                                                           en: "\(field): required, written 家庭成员姓名:xxx、工作单位:xxxx、职务:xxxx"))]
        }
        return members.enumerated().compactMap { index, member in
            guard !Self.matches(member, labels: ["家庭成员姓名", "工作单位", "职务"]) else { return nil }
            return FormError(field: field, message: .init(
                zh: "\(field)第 \(index + 1) 人：格式须为 家庭成员姓名:xxx、工作单位:xxxx、职务:xxxx，现为“\(member)”",
                en: "\(field) member \(index + 1): must be written 家庭成员姓名:xxx、工作单位:xxxx、职务:xxxx; it is '\(member)'"))
        }
    }

    /// A `xxxx年xx月xx日` date that is real and not in the future; nil (and an error) otherwise.
    private func date(_ field: String, _ text: String, fail: (String, String, String) -> Void) -> CivilDate? {
        guard let date = Self.chineseDate(text.trimmed) else {
            fail(field, "格式须为 xxxx年xx月xx日 的真实日期（如 2015年07月01日），现为“\(text)”",
                 "must be a real date written xxxx年xx月xx日 (e.g. 2015年07月01日); it is '\(text)'")
            return nil
        }
        if date > today {
            fail(field, "\(text) 晚于今天（\(today)）", "\(text) is in the future (today is \(today))")
            return nil
        }
        return date
    }

    // MARK: formats

    /// `1[3-9]` and nine more digits.
    public static func isMobile(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 11, bytes[0] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1]) else { return false }
        return bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `xxxx年xx月xx日`: four, two and two digits, a real date.
    public static func chineseDate(_ text: String) -> CivilDate? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 11, scalars[4] == "年", scalars[7] == "月", scalars[10] == "日" else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard scalars[range].allSatisfy({ $0.isASCII && ("0"..."9").contains($0) }) else { return nil }
            return Int(String(String.UnicodeScalarView(scalars[range])))
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `xxx省xxx市`; also an autonomous region (自治区) for the province, 自治州 / 地区 / 盟 for the city, and the four
    /// municipalities written alone or with a district (北京市, 上海市浦东新区).
    public static func isNativePlace(_ text: String) -> Bool {
        let han = "\\p{Script=Han}+"
        let patterns = [
            "^\(han)(省|自治区)\(han)(市|自治州|地区|盟)$",
            "^(北京|天津|上海|重庆)市(\(han)(区|县))?$",
        ]
        return patterns.contains { text.range(of: $0, options: .regularExpression) != nil }
    }

    /// `label1:value、label2:value…` with every label in order and non-empty values (`:` or `：`).
    static func matches(_ text: String, labels: [String]) -> Bool {
        let parts = text.split(separator: "、", omittingEmptySubsequences: false)
        guard parts.count == labels.count else { return false }
        for (part, label) in zip(parts, labels) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(label) else { return false }
            let rest = trimmed.dropFirst(label.count)
            guard let colon = rest.first, colon == ":" || colon == "：",
                  !rest.dropFirst().trimmingCharacters(in: .whitespaces).isEmpty
            else { return false }
        }
        return true
    }

    /// Characters other than white space (grapheme clusters).
    public static func characterCount(_ text: String) -> Int {
        text.reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
    }
}
