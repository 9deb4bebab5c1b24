extension DiagnosticMessages {
    // MARK: schema

    static func conflictingKeys(_ keys: [String], in what: LocalizedText, at location: SourceLocation, firstAt: SourceLocation) -> Diagnostic {
        let list = keys.joined(separator: "、")
        let listEN = keys.joined(separator: ", ")
        return Diagnostic(rule: "schema.conflicting-keys",
                          message: .init(zh: "\(what.zh)中的 \(list) 只能出现一个", en: "\(what.en) may have only one of \(listEN)"),
                          at: location,
                          notes: [.init(.init(zh: "另一个在这里", en: "the other one is here"), at: firstAt)],
                          remedy: .init(zh: "只保留其中一个", en: "keep only one of them"))
    }

    static func invalidValue(_ field: String, value: String, expected: LocalizedText, at location: SourceLocation,
                             suggestion: String? = nil, fix: String? = nil) -> Diagnostic {
        var remedy: LocalizedText? = nil
        var fixIts: [Diagnostic.FixIt] = []
        if let suggestion {
            remedy = .init(zh: "是不是要写 \(suggestion)？", en: "did you mean \(suggestion)?")
            if let fix { fixIts = [.init(location: location, replacement: fix)] }
        }
        return Diagnostic(rule: "schema.invalid-value",
                          message: .init(zh: "\(field) 的值“\(value)”无效：应为\(expected.zh)", en: "invalid \(field) '\(value)': expected \(expected.en)"),
                          at: location, remedy: remedy, fixIts: fixIts)
    }

    static func missingKey(_ key: String, in what: LocalizedText, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "schema.missing-key",
                   message: .init(zh: "\(what.zh)缺少必需的键 \(key)", en: "\(what.en) is missing the required key '\(key)'"),
                   at: location,
                   remedy: .init(zh: "添加 \(key):（见 docs/DSL.md）", en: "add '\(key):' (see docs/DSL.md)"))
    }

    static func missingShape(_ keys: [String], in what: LocalizedText, at location: SourceLocation) -> Diagnostic {
        let list = keys.joined(separator: " / ")
        return Diagnostic(rule: "schema.missing-key",
                          message: .init(zh: "\(what.zh)须有以下键之一：\(list)", en: "\(what.en) needs one of: \(list)"),
                          at: location)
    }

    static func typeMismatch(_ field: String, expected: LocalizedText, found: LocalizedText, at location: SourceLocation,
                             remedy: LocalizedText? = nil) -> Diagnostic {
        Diagnostic(rule: "schema.type-mismatch",
                   message: .init(zh: "\(field) 应为\(expected.zh)，实际是\(found.zh)", en: "\(field) must be \(expected.en), found \(found.en)"),
                   at: location, remedy: remedy)
    }

    static func unknownKey(_ key: String, in what: LocalizedText, allowed: [String], at location: SourceLocation) -> Diagnostic {
        let suggestion = Suggestion.closest(to: key, among: allowed)
        let list = allowed.joined(separator: ", ")
        let remedy: LocalizedText
        var fixIts: [Diagnostic.FixIt] = []
        if let suggestion {
            remedy = .init(zh: "是不是要写 \(suggestion)？", en: "did you mean '\(suggestion)'?")
            fixIts = [.init(location: location, replacement: suggestion)]
        } else {
            remedy = .init(zh: "此处可用的键：\(list)", en: "valid keys here: \(list)")
        }
        return Diagnostic(rule: "schema.unknown-key",
                          message: .init(zh: "\(what.zh)中没有键 \(key)", en: "unknown key '\(key)' in \(what.en)"),
                          at: location, remedy: remedy, fixIts: fixIts)
    }
}

/// Names of the places keys live in, for messages.
enum Place {
    static let file = LocalizedText(zh: "课程文件", en: "a curriculum file")
    static let province = LocalizedText(zh: "省份", en: "a province")
    static let source = LocalizedText(zh: "来源", en: "a source")
    static let course = LocalizedText(zh: "课程", en: "a course")
    static let rename = LocalizedText(zh: "课程更名", en: "a course rename")
    static let equivalence = LocalizedText(zh: "等同课程", en: "an equivalence")
    static let institution = LocalizedText(zh: "主考院校", en: "an institution")
    static let major = LocalizedText(zh: "专业", en: "a major")
    static let prerequisite = LocalizedText(zh: "前置学历要求", en: "a prerequisite")
    static let plan = LocalizedText(zh: "考试计划", en: "a plan")
    static let citation = LocalizedText(zh: "来源引用", en: "a citation")
    static let requirement = LocalizedText(zh: "要求节点", en: "a requirement node")
    static let substitution = LocalizedText(zh: "课程替代", en: "a substitution")
    static let mapping = LocalizedText(zh: "新旧计划对照", en: "a mapping")
    static let mappingRule = LocalizedText(zh: "对照规则", en: "a mapping rule")
    static let additional = LocalizedText(zh: "加考课程", en: "additional courses")
    static let exemption = LocalizedText(zh: "免考", en: "an exemption")
    static let stoppedMajorRule = LocalizedText(zh: "停考专业规则", en: "a stopped-major rule")
    static let graduationApplication = LocalizedText(zh: "毕业申请规则", en: "graduation-application rules")
    static let applicationWindow = LocalizedText(zh: "毕业申请时间", en: "an application window")
    static let photoRule = LocalizedText(zh: "毕业照片规则", en: "photo rules")
    static let registrationFormRule = LocalizedText(zh: "毕业生登记表规则", en: "registration-form rules")
    static let condition = LocalizedText(zh: "适用条件（only-if）", en: "a condition (only-if)")
    static let choice = LocalizedText(zh: "考生选择条件", en: "a choice condition")
    static let fieldCategory = LocalizedText(zh: "专业类别", en: "a field category")
    static let categoryField = LocalizedText(zh: "类别中的专业", en: "a field of a category")
    static let candidateAttribute = LocalizedText(zh: "考生属性", en: "a candidate attribute")
}

/// Names of expected types, for messages.
enum Expected {
    static let string = LocalizedText(zh: "字符串", en: "a string")
    static let integer = LocalizedText(zh: "非负整数", en: "a non-negative integer")
    static let positiveInteger = LocalizedText(zh: "正整数", en: "a positive integer")
    static let boolean = LocalizedText(zh: "true 或 false", en: "true or false")
    static let date = LocalizedText(zh: "日期 YYYY-MM-DD", en: "a date YYYY-MM-DD")
    static let list = LocalizedText(zh: "列表", en: "a list")
    static let mapping = LocalizedText(zh: "映射", en: "a mapping")
    static let courseCode = LocalizedText(zh: "5位数字的课程代码（加引号，如 \"00015\"）", en: "a five-digit course code (quoted, e.g. \"00015\")")
    static let majorCode = LocalizedText(zh: "6位数字加最多两个大写字母的专业代码（如 \"030101K\"）", en: "a major code of six digits and up to two capital letters (e.g. \"030101K\")")
    static let identifier = LocalizedText(zh: "由字母、数字、-、_、. 组成的编号", en: "an id of letters, digits, '-', '_' and '.'")
    static let requirement = LocalizedText(zh: "课程代码或要求节点映射", en: "a course code or a requirement mapping")

    static func oneOf(_ values: [String]) -> LocalizedText {
        .init(zh: "以下之一：\(values.joined(separator: "、"))", en: "one of: \(values.joined(separator: ", "))")
    }
}
