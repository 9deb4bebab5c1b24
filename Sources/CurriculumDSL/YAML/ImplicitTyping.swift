/// What other YAML tools would make of a plain scalar. We keep every scalar's text; this only lets us warn
/// when a value we read as a string (a course code, a version) would become a number elsewhere.
enum ImplicitTyping {
    /// A description of the non-string value other tools resolve `text` to, or nil if they keep a string.
    static func otherToolsReading(_ text: String) -> LocalizedText? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return nil }
        let digits = bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if digits {
            if first == 0x30, bytes.count > 1 {
                let decimal = String(Int(text) ?? 0)
                if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }), let octal = Int(text, radix: 8) {
                    return .init(zh: "数字 \(decimal)（YAML 1.2）或八进制数 \(octal)（YAML 1.1）",
                                 en: "the number \(decimal) (YAML 1.2) or the octal number \(octal) (YAML 1.1)")
                }
                return .init(zh: "数字 \(decimal)", en: "the number \(decimal)")
            }
            return .init(zh: "数字 \(text)", en: "the number \(text)")
        }
        switch text {
        case "true", "false", "True", "False", "TRUE", "FALSE", "yes", "no", "Yes", "No", "YES", "NO", "on", "off", "On", "Off", "ON", "OFF", "y", "n", "Y", "N":
            return .init(zh: "布尔值", en: "a boolean")
        case "~", "null", "Null", "NULL":
            return .init(zh: "空值", en: "null")
        default:
            break
        }
        if Double(text) != nil, bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 || $0 == 0x5F }) {
            return .init(zh: "数字 \(text)", en: "the number \(text)")
        }
        return nil
    }
}
