import CurriculumDSL

/// Reads a registration form written as YAML (or JSON) with the form's own labels as keys:
///
/// ```yaml
/// 民族: 汉族
/// 政治面貌: 群众
/// 参加工作时间: 2015年07月01日
/// 个人简历:
///   - {自何年月: 2012年09月01日, 至何年月: 2015年07月01日, 在何地何单位学习或工作: 山西省太原市某职业学院学习}
/// ```
/// Problems of the file itself (syntax, unknown keys, wrong types) come back as `issues` with line and column;
/// the form's own rules are `FormValidator`'s.
public enum RegistrationFormFile {
    public struct Issue: Sendable, Hashable, Codable {
        public var line: Int
        public var column: Int
        public var message: LocalizedText
    }

    static let scalarKeys = ["民族", "职业", "政治面貌", "手机号", "已取得学历", "健康状况", "参加工作时间", "是否华侨、港澳、台属",
                             "籍贯", "工作单位", "详细住址", "家庭主要成员", "奖励或处分", "自我鉴定", "自我鉴定手写"]
    static let resumeKey = "个人简历"
    static let rowKeys = ["自何年月", "至何年月", "在何地何单位学习或工作"]

    public static func read(bytes: [UInt8], file: String) -> (form: RegistrationForm?, issues: [Issue]) {
        var issues: [Issue] = []
        func fail(_ node: YAMLNode, _ message: LocalizedText) {
            issues.append(Issue(line: Int(node.start.line), column: Int(node.start.column), message: message))
        }
        let (root, diagnostics) = YAMLReader().read(bytes, file: file)
        for diagnostic in diagnostics where diagnostic.severity == .error {
            issues.append(Issue(line: diagnostic.location?.line ?? 1, column: diagnostic.location?.column ?? 1, message: diagnostic.message))
        }
        guard let root else { return (nil, issues) }
        guard case .mapping(let entries, _, _) = root else {
            fail(root, .init(zh: "登记表文件应为映射（字段: 值）", en: "a form file must be a mapping (field: value)"))
            return (nil, issues)
        }
        var values: [String: String] = [:]
        var rows: [ResumeRow] = []
        let allowed = scalarKeys + [resumeKey]
        for entry in entries {
            let key = entry.key.text
            guard allowed.contains(key) else {
                let hint = Suggestion.closest(to: key, among: allowed)
                fail(.scalar(entry.key), .init(zh: "登记表中没有字段 \(key)" + (hint.map { "；是不是 \($0)？" } ?? "；可用的字段：\(allowed.joined(separator: "，"))"),
                                               en: "unknown field '\(key)'" + (hint.map { "; did you mean '\($0)'?" } ?? "; fields: \(allowed.joined(separator: ", "))")))
                continue
            }
            if key == resumeKey {
                guard case .sequence(let items, _, _) = entry.value else {
                    fail(entry.value, .init(zh: "个人简历应为列表", en: "个人简历 must be a list"))
                    continue
                }
                for item in items {
                    guard case .mapping(let cells, _, _) = item else {
                        fail(item, .init(zh: "个人简历的每一行应为映射（\(rowKeys.joined(separator: "、"))）",
                                         en: "each 个人简历 row must be a mapping (\(rowKeys.joined(separator: ", ")))"))
                        continue
                    }
                    var row: [String: String] = [:]
                    for cell in cells {
                        guard rowKeys.contains(cell.key.text) else {
                            fail(.scalar(cell.key), .init(zh: "个人简历中没有字段 \(cell.key.text)；可用：\(rowKeys.joined(separator: "、"))",
                                                          en: "unknown 个人简历 field '\(cell.key.text)'; fields: \(rowKeys.joined(separator: ", "))"))
                            continue
                        }
                        if case .scalar(let scalar) = cell.value { row[cell.key.text] = scalar.isNull ? "" : scalar.text }
                        else { fail(cell.value, .init(zh: "\(cell.key.text) 应为文本", en: "\(cell.key.text) must be text")) }
                    }
                    rows.append(ResumeRow(from: row["自何年月"] ?? "", to: row["至何年月"] ?? "", place: row["在何地何单位学习或工作"] ?? ""))
                }
            } else if case .scalar(let scalar) = entry.value {
                values[key] = scalar.isNull ? "" : scalar.text
            } else {
                fail(entry.value, .init(zh: "\(key) 应为文本", en: "\(key) must be text"))
            }
        }
        let overseas: Bool? = switch values["是否华侨、港澳、台属"] {
        case "是", "true": true
        case "否", "false": false
        default: nil
        }
        let form = RegistrationForm(
            ethnicity: values["民族"] ?? "", occupation: values["职业"] ?? "", politicalStatus: values["政治面貌"] ?? "",
            mobile: values["手机号"] ?? "", education: values["已取得学历"] ?? "", health: values["健康状况"] ?? "",
            workStart: values["参加工作时间"] ?? "", overseasRelative: overseas, nativePlace: values["籍贯"] ?? "",
            employer: values["工作单位"] ?? "", address: values["详细住址"] ?? "", resume: rows, family: values["家庭主要成员"] ?? "",
            rewardsAndPunishments: values["奖励或处分"] ?? "", selfAppraisal: values["自我鉴定"] ?? "",
            selfAppraisalHandwritten: values["自我鉴定手写"].map { $0 == "是" || $0 == "true" } ?? false)
        return (issues.isEmpty ? form : nil, issues)
    }
}
