/// Builds block-style YAML text line by line, the way a person lays out a curriculum file:
/// two-space indentation, `- ` list items, quoted codes, flow style only for short code lists.
struct YAMLText {
    private(set) var text = ""

    init(comment: String? = nil) {
        if let comment { text += "# \(comment)\n" }
    }

    /// One line at `indent` levels of two spaces.
    mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: "  ", count: indent)
        text += content
        text += "\n"
    }

    mutating func blank() {
        text += "\n"
    }

    /// `key: value` with the value written as a scalar (quoted when it has to be).
    mutating func field(_ indent: Int, _ key: String, _ value: String) {
        line(indent, "\(key): \(Self.scalar(value))")
    }

    /// `key: value` for an integer.
    mutating func field(_ indent: Int, _ key: String, _ value: Int) {
        line(indent, "\(key): \(value)")
    }

    /// `key: "00123"`: codes, versions and other digit strings are always double-quoted.
    mutating func code(_ indent: Int, _ key: String, _ value: String) {
        line(indent, "\(key): \(Self.quoted(value))")
    }

    /// A block list of quoted codes under `key:`.
    mutating func codeList(_ indent: Int, _ key: String, _ codes: [String]) {
        line(indent, "\(key):")
        for code in codes { line(indent + 1, "- \(Self.quoted(code))") }
    }

    /// `key: ["00123", "00456"]`: the short flow form people use for a handful of codes.
    mutating func flowCodes(_ indent: Int, _ key: String, _ codes: [String]) {
        line(indent, "\(key): \(Self.flow(codes))")
    }

    static func flow(_ codes: [String]) -> String {
        "[" + codes.map(quoted).joined(separator: ", ") + "]"
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A plain scalar when YAML reads it back as the same string, else a double-quoted one.
    static func scalar(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return "\"\"" }
        let indicators: Set<Unicode.Scalar> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", " "]
        if indicators.contains(first) || value.hasSuffix(" ") || value.contains(": ") || value.contains(" #")
            || value.hasSuffix(":") || value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }) {
            return quoted(value)
        }
        switch value {
        case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n": return quoted(value)
        default: return value
        }
    }
}
