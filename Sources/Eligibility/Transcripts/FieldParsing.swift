import CurriculumDSL

/// Parsing of transcript values, shared by the CSV and YAML/JSON readers. Each returns the value or a
/// message saying what was expected; repairs (a code that lost its leading zeros) come with a warning.
enum FieldParsing {
    enum Outcome<Value> {
        case value(Value)
        case repaired(Value, LocalizedText)
        case invalid(LocalizedText)
    }

    static func courseCode(_ raw: String) -> Outcome<CourseCode> {
        let text = raw.trimmingSpaces()
        if CourseCode.isValid(text) { return .value(CourseCode(rawValue: text)) }
        let digits = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if digits, text.utf8.count < 5 {
            let padded = String(repeating: "0", count: 5 - text.utf8.count) + text
            return .repaired(CourseCode(rawValue: padded), .init(
                zh: "课程代码“\(text)”丢失了前导零，已按“\(padded)”处理（Excel 常把代码当数字保存，请把该列设为文本）",
                en: "course code '\(text)' lost its leading zeros; read as '\(padded)' (Excel stores codes as numbers — format the column as text)"))
        }
        return .invalid(.init(zh: "课程代码“\(text)”无效：应为5位数字，如 00015", en: "invalid course code '\(text)': expected five digits such as 00015"))
    }

    static func score(_ raw: String) -> Outcome<Score> {
        let text = raw.trimmingSpaces()
        // Points first: by far the most common, and cheaper than the string matches below.
        if !text.isEmpty, text.utf8.count <= 3, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text), value <= 100 {
            return .value(.points(value))
        }
        if let grade = Grade(rawValue: text) { return .value(.grade(grade)) }
        switch text.lowercased() {
        case "excellent": return .value(.grade(.excellent))
        case "good": return .value(.grade(.good))
        case "fair": return .value(.grade(.fair))
        case "pass", "passed": return .value(.grade(.pass))
        case "fail", "failed": return .value(.grade(.fail))
        default: break
        }
        // Excel writes whole numbers as 60.0 or 60.00 when the column has a number format.
        if let dot = text.utf8.firstIndex(of: 0x2E) {
            let whole = String(text.utf8[..<dot]) ?? ""
            let fraction = text.utf8[text.utf8.index(after: dot)...]
            if !fraction.isEmpty, fraction.allSatisfy({ $0 == 0x30 }), !whole.isEmpty, whole.utf8.count <= 3,
               whole.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(whole), value <= 100 {
                return .value(.points(value))
            }
        }
        return .invalid(.init(zh: "成绩“\(text)”无效：应为 0–100 的整数，或 优秀/良好/中等/合格/不合格",
                              en: "invalid score '\(text)': expected an integer 0–100 or 优秀/良好/中等/合格/不合格"))
    }

    /// A score cell that holds no result: 缺考 (absent) and the like, or nothing. The row has nothing to count; the
    /// severity says how loudly to report it (a note for 缺考, a warning for an empty cell, which may be lost data).
    static func noResult(_ raw: String) -> (Severity, LocalizedText)? {
        let text = raw.trimmingSpaces()
        // Points (by far the most common score) start with a digit, and none of the words below does.
        if let first = text.utf8.first, first >= 0x30, first <= 0x39 { return nil }
        switch text.lowercased() {
        case "":
            return (.warning, .init(zh: "成绩为空，此行不计入审核；如已考试，请填写成绩", en: "the score is empty, so the row does not count; fill in the score if the exam was taken"))
        case "缺考", "缺席", "absent":
            return (.note, .init(zh: "“\(text)”：没有成绩（未参加考试），此行不计入审核", en: "'\(text)': no result (absent from the exam), so the row does not count"))
        case "违纪", "作弊", "取消成绩", "成绩无效":
            return (.note, .init(zh: "“\(text)”：成绩无效，此行不计入审核", en: "'\(text)': the result was annulled, so the row does not count"))
        default:
            return nil
        }
    }

    /// `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.MM.DD`, `YYYYMMDD`, `YYYY年M月D日`; a month alone (`YYYY-MM`, `YYYYMM`) means its first day.
    static func date(_ raw: String) -> Outcome<CivilDate> {
        if let date = CivilDate(raw) { return .value(date) }  // the common YYYY-MM-DD, without splitting
        let text = raw.trimmingSpaces()
        let invalid = Outcome<CivilDate>.invalid(.init(
            zh: "日期“\(text)”无效：应为存在的日期，写作 YYYY-MM-DD（也可 YYYY/M/D、YYYY.MM.DD、YYYYMMDD、YYYY年M月D日，或只写年月 YYYY-MM）",
            en: "invalid date '\(text)': expected a real date as YYYY-MM-DD (or YYYY/M/D, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, or a month YYYY-MM)"))
        let bytes = Array(text.utf8)
        if bytes.count == 8 || bytes.count == 6, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let year = Int(String(text.prefix(4))) ?? 0
            let month = Int(String(text.dropFirst(4).prefix(2))) ?? 0
            let day = bytes.count == 8 ? Int(String(text.suffix(2))) ?? 0 : 1
            return CivilDate(year: year, month: month, day: day).map { .value($0) } ?? invalid
        }
        // Every separator between two numbers: `-2023-04-15` and `2023--04` have an empty part and are refused.
        var parts = text.split(omittingEmptySubsequences: false, whereSeparator: { "-/.年月日".contains($0) }).map(String.init)
        if parts.count > 1, parts.last == "", text.hasSuffix("日") || text.hasSuffix("月") { parts.removeLast() }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1])
        else { return invalid }
        let day = parts.count == 3 ? Int(parts[2]) ?? 0 : 1
        return CivilDate(year: year, month: month, day: day).map { .value($0) } ?? invalid
    }

    static func evidence(_ raw: String, province: String?) -> Outcome<Evidence> {
        let text = raw.trimmingSpaces()
        if text.isEmpty || text == "电子" { return .value(.electronic) }  // the common case, without lowercasing
        switch text.lowercased() {
        case "", "electronic", "电子", "电子成绩", "电子合格成绩", "合格成绩":
            return .value(.electronic)
        case "old-plan-certificate", "old-plan", "旧计划", "旧计划课程合格证", "红卡", "绿卡", "合格证":
            return .value(.oldPlanCertificate)
        case "practice-card", "实践课考核卡", "考核卡", "实践卡":
            return .value(.practiceCard)
        case "transfer", "转考", "转入":
            return .value(.transfer(fromProvince: province ?? ""))
        default:
            if text.hasPrefix("转考") || text.hasPrefix("transfer") {
                let from = text.drop { !":：".contains($0) }.dropFirst()
                return .value(.transfer(fromProvince: from.isEmpty ? province ?? "" : String(from)))
            }
            return .invalid(.init(zh: "成绩来源“\(text)”无效：应为 电子 / 旧计划课程合格证 / 实践课考核卡 / 转考",
                                  en: "invalid evidence '\(text)': expected electronic / old-plan-certificate / practice-card / transfer"))
        }
    }

    static func gender(_ raw: String) -> Outcome<Gender> {
        switch raw.trimmingSpaces().lowercased() {
        case "男", "male", "m": .value(.male)
        case "女", "female", "f": .value(.female)
        default: .invalid(.init(zh: "性别“\(raw)”无效：应为 男 或 女", en: "invalid gender '\(raw)': expected 男 or 女"))
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        if utf8.isEmpty { return self }
        // (`utf8.last` is the generic, unspecialized `BidirectionalCollection.last`: an index is much cheaper.)
        let first = utf8[utf8.startIndex]
        let last = utf8[utf8.index(before: utf8.endIndex)]
        // Fast path: nothing to trim when the first and last bytes are printable ASCII.
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        // Also for CJK text: a space can only start with 0x20, 0x09, 0x0A, 0x0D, 0xE3 (U+3000) or 0xEF (U+FEFF), and
        // end with those ASCII bytes, 0x80 (U+3000) or 0xBF (U+FEFF).
        if first > 0x20, first != 0xE3, first != 0xEF, last > 0x20, last != 0x80, last != 0xBF { return self }
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" || $0 == "\n" || $0 == "\u{FEFF}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
