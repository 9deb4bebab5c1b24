/// What other YAML tools would make of a plain scalar. We keep every scalar's text; this only lets us warn
/// when a value we read as a string (a course code, a version) would become a number elsewhere.
///
/// Both schemas in common use are checked: the YAML 1.1 types (PyYAML, SnakeYAML, go-yaml v2, most "yes/no"
/// surprises) and the YAML 1.2 core schema (libyaml-based 1.2 tools, ruamel, go-yaml v3, js-yaml). Where they
/// agree, one reading is named; where they read different non-string values, both are.
enum ImplicitTyping {
    /// A description of the non-string value other tools resolve `text` to, or nil if they keep a string.
    static func otherToolsReading(_ text: String) -> LocalizedText? {
        var text = text
        return text.withUTF8 { otherToolsReading(bytes: $0) }
    }

    /// `otherToolsReading` over the UTF-8 bytes of a plain scalar.
    static func otherToolsReading(bytes: UnsafeBufferPointer<UInt8>) -> LocalizedText? {
        guard let first = bytes.first, mayStartNonString(first) else { return nil }
        let v12 = core12(bytes)
        let v11 = yaml11(bytes)
        switch (v12, v11) {
        case (nil, nil): return nil
        case (let value?, nil), (nil, let value?): return value
        case (let a?, let b?):
            if a == b { return a }
            return .init(zh: "\(a.zh)（YAML 1.2）或\(b.zh)（YAML 1.1）", en: "\(a.en) (YAML 1.2) or \(b.en) (YAML 1.1)")
        }
    }

    /// Whether a scalar starting with `byte` can resolve to anything but a string in either schema.
    @inline(__always)
    private static func mayStartNonString(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "~"),
             UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return true
        default:
            return false
        }
    }

    // MARK: descriptions

    private static let boolean = LocalizedText(zh: "布尔值", en: "a boolean")
    private static let null = LocalizedText(zh: "空值", en: "null")

    private static func number(_ written: String) -> LocalizedText {
        .init(zh: "数字 \(written)", en: "the number \(written)")
    }

    private static func based(_ value: String, radix: Int) -> LocalizedText {
        switch radix {
        case 2: .init(zh: "二进制数 \(value)", en: "the binary number \(value)")
        case 8: .init(zh: "八进制数 \(value)", en: "the octal number \(value)")
        case 16: .init(zh: "十六进制数 \(value)", en: "the hexadecimal number \(value)")
        default: .init(zh: "六十进制数 \(value)", en: "the sexagesimal number \(value)")
        }
    }

    private static func infinity(negative: Bool) -> LocalizedText {
        negative ? .init(zh: "负无穷大", en: "negative infinity") : .init(zh: "无穷大", en: "infinity")
    }

    private static let notANumber = LocalizedText(zh: "非数值 NaN", en: "NaN (not a number)")

    // MARK: YAML 1.2 core schema

    private static func core12(_ b: UnsafeBufferPointer<UInt8>) -> LocalizedText? {
        if isOneOf(b, nulls) { return null }
        if isOneOf(b, booleans12) { return boolean }
        if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") {
            return all(b, from: 2, isOctal) ? value(b, from: 2, radix: 8).map { based($0, radix: 8) } : nil
        }
        if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "x") {
            return all(b, from: 2, isHex) ? value(b, from: 2, radix: 16).map { based($0, radix: 16) } : nil
        }
        if let special = infinityOrNaN(b, signedNaN: false) { return special }
        // [-+]? ( \.[0-9]+ | [0-9]+ (\.[0-9]*)? ) ([eE][-+]?[0-9]+)?
        var i = signLength(b)
        let intStart = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        var fraction = false
        var fractionDigits = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            fraction = true
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1; fractionDigits += 1 }
        }
        guard intDigits > 0 || fractionDigits > 0 else { return nil }
        var exponent = false
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            exponent = true
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let digitsStart = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > digitsStart else { return nil }
        }
        guard i == b.count else { return nil }
        if !fraction, !exponent { return decimal(b) }
        return number(String(decoding: b, as: UTF8.self))
    }

    // MARK: YAML 1.1 types (as PyYAML and libyaml-based 1.1 tools resolve them)

    private static func yaml11(_ b: UnsafeBufferPointer<UInt8>) -> LocalizedText? {
        if isOneOf(b, nulls) { return null }
        if isOneOf(b, booleans11) { return boolean }
        if let special = infinityOrNaN(b, signedNaN: false) { return special }
        let sign = signLength(b)
        guard sign < b.count else { return nil }
        let negative = sign == 1 && b[0] == UInt8(ascii: "-")
        let body = sign
        // [-+]?0b[01_]+ and [-+]?0x[0-9a-fA-F_]+
        if b.count - body > 2, b[body] == UInt8(ascii: "0"), b[body + 1] == UInt8(ascii: "b") || b[body + 1] == UInt8(ascii: "x") {
            let radix = b[body + 1] == UInt8(ascii: "b") ? 2 : 16
            let valid: (UInt8) -> Bool = radix == 2 ? { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F } : { isHex($0) || $0 == 0x5F }
            guard all(b, from: body + 2, valid) else { return nil }
            return value(b, from: body + 2, radix: radix, negative: negative).map { based($0, radix: radix) }
        }
        // [-+]?0[0-7_]+
        if b.count - body > 1, b[body] == UInt8(ascii: "0"), all(b, from: body + 1, { isOctal($0) || $0 == 0x5F }) {
            return value(b, from: body + 1, radix: 8, negative: negative).map { based($0, radix: 8) }
        }
        // [-+]?(0|[1-9][0-9_]*)
        if all(b, from: body, { isDigit($0) || $0 == 0x5F }), isDigit(b[body]),
           b[body] != UInt8(ascii: "0") || b.count - body == 1 {
            return decimal(b)
        }
        // [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+ (int) and the same with \.[0-9_]* (float)
        if let sexagesimal = sexagesimal(b, from: body, negative: negative) { return sexagesimal }
        // [-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? and [-+]?\.[0-9_]+([eE][-+][0-9]+)?
        var i = body
        var intDigits = 0
        while i < b.count, isDigit(b[i]) || (intDigits > 0 && b[i] == 0x5F) { i += 1; intDigits += 1 }
        guard i < b.count, b[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        var fractionDigits = 0
        while i < b.count, isDigit(b[i]) || b[i] == 0x5F { if isDigit(b[i]) { fractionDigits += 1 }; i += 1 }
        guard intDigits > 0 || fractionDigits > 0 else { return nil }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            guard i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
            i += 1
            let digitsStart = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > digitsStart else { return nil }
        }
        guard i == b.count else { return nil }
        return number(String(decoding: b, as: UTF8.self))
    }

    /// `1:20` (80), `-1:30:00`, `190:20:30.15`: base-60 numbers of YAML 1.1.
    private static func sexagesimal(_ b: UnsafeBufferPointer<UInt8>, from start: Int, negative: Bool) -> LocalizedText? {
        var i = start
        guard i < b.count, isDigit(b[i]) else { return nil }
        var total = 0
        var overflow = false
        var head = 0
        while i < b.count, isDigit(b[i]) || b[i] == 0x5F {
            if isDigit(b[i]) { accumulate(&head, 10, Int(b[i] - 0x30), &overflow) }
            i += 1
        }
        total = head
        var groups = 0
        while i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            var digits = 0
            var group = 0
            while i < b.count, isDigit(b[i]), digits < 2 {
                group = group * 10 + Int(b[i] - 0x30)
                digits += 1
                i += 1
            }
            // [0-5]?[0-9]: one digit, or two with the first at most 5.
            guard digits > 0, group < 60 else { return nil }
            accumulate(&total, 60, group, &overflow)
            groups += 1
        }
        guard groups > 0 else { return nil }
        if i == b.count {
            // The integer form needs a non-zero first digit.
            guard b[start] != UInt8(ascii: "0") else { return nil }
            let value = overflow ? String(decoding: b, as: UTF8.self) : (negative ? "-" : "") + String(total)
            return based(value, radix: 60)
        }
        guard b[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        while i < b.count, isDigit(b[i]) || b[i] == 0x5F { i += 1 }
        guard i == b.count else { return nil }
        return based(String(decoding: b, as: UTF8.self), radix: 60)
    }

    // MARK: helpers

    /// `.inf`, `-.inf`, `+.Inf`, `.nan`... (the same in both schemas).
    private static func infinityOrNaN(_ b: UnsafeBufferPointer<UInt8>, signedNaN: Bool) -> LocalizedText? {
        let sign = signLength(b)
        guard b.count - sign == 4, b[sign] == UInt8(ascii: ".") else { return nil }
        let rest = UnsafeBufferPointer(rebasing: b[(sign + 1)...])
        if isOneOf(rest, infinities) { return infinity(negative: sign == 1 && b[0] == UInt8(ascii: "-")) }
        if isOneOf(rest, nans), sign == 0 || signedNaN { return notANumber }
        return nil
    }

    /// A decimal integer: as written, or its value when written with leading zeros or underscores.
    private static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> LocalizedText {
        let sign = signLength(b)
        var digits = Array(b[sign...].filter { $0 != 0x5F })
        let plain = digits.count == b.count - sign && (digits.count == 1 || digits.first != UInt8(ascii: "0"))
        if plain { return number(String(decoding: b, as: UTF8.self)) }
        while digits.count > 1, digits[0] == UInt8(ascii: "0") { digits.removeFirst() }
        let prefix = sign == 1 ? String(UnicodeScalar(b[0])) : ""
        return number(prefix == "+" ? String(decoding: digits, as: UTF8.self) : prefix + String(decoding: digits, as: UTF8.self))
    }

    /// The decimal value of the digits from `start` in `radix` (underscores skipped), or the text itself when
    /// it overflows; nil when there is no digit at all.
    private static func value(_ b: UnsafeBufferPointer<UInt8>, from start: Int, radix: Int, negative: Bool = false) -> String? {
        var total = 0
        var overflow = false
        var digits = 0
        for byte in b[start...] where byte != 0x5F {
            let digit: Int
            switch byte {
            case 0x30...0x39: digit = Int(byte - 0x30)
            case 0x41...0x46: digit = Int(byte - 0x41 + 10)
            case 0x61...0x66: digit = Int(byte - 0x61 + 10)
            default: return nil
            }
            accumulate(&total, radix, digit, &overflow)
            digits += 1
        }
        guard digits > 0 else { return nil }
        if overflow { return String(decoding: b, as: UTF8.self) }
        return (negative && total != 0 ? "-" : "") + String(total)
    }

    private static func accumulate(_ total: inout Int, _ radix: Int, _ digit: Int, _ overflow: inout Bool) {
        let (product, o1) = total.multipliedReportingOverflow(by: radix)
        let (sum, o2) = product.addingReportingOverflow(digit)
        if o1 || o2 { overflow = true }
        total = sum
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) private static func isOctal(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }
    @inline(__always) private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func signLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = b.first else { return 0 }
        return first == UInt8(ascii: "+") || first == UInt8(ascii: "-") ? 1 : 0
    }

    private static func all(_ b: UnsafeBufferPointer<UInt8>, from start: Int, _ predicate: (UInt8) -> Bool) -> Bool {
        guard start < b.count else { return false }
        for index in start..<b.count where !predicate(b[index]) { return false }
        return true
    }

    private static let nulls: [[UInt8]] = words(["null", "Null", "NULL", "~"])
    private static let booleans12: [[UInt8]] = words(["true", "True", "TRUE", "false", "False", "FALSE"])
    private static let booleans11: [[UInt8]] = words([
        "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ])
    private static let infinities: [[UInt8]] = words(["inf", "Inf", "INF"])
    private static let nans: [[UInt8]] = words(["nan", "NaN", "NAN"])

    private static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }

    private static func isOneOf(_ b: UnsafeBufferPointer<UInt8>, _ words: [[UInt8]]) -> Bool {
        guard b.count <= 5 else { return false }
        for word in words where word.count == b.count && word.elementsEqual(b) { return true }
        return false
    }
}
