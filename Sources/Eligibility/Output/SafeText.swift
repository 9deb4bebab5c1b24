import CurriculumDSL

/// Messages that quote input values, made safe to print: ID-number-shaped values masked (unless the user asked to
/// see them), long quoted values cut to a readable length, control characters written escaped.
public enum SafeText {
    /// Scalars of a quoted value kept before `…`.
    public static let quotedLength = 60
    /// Scalars of a whole message kept before `…`.
    public static let messageLength = 1_000

    /// `text` ready for a terminal or a log: masked, cut, escaped.
    public static func clean(_ text: String, showIDs: Bool = false) -> String {
        let masked = showIDs ? text : maskingIDNumbers(text)
        return TerminalText.escaped(lineBreaksEscaped(cutQuotedValues(masked)))
    }

    /// Every run of 15 or more ASCII digits (an 18-character ID number ends in a digit or X) masked as
    /// `IDNumber.masked` does: `1101**********002X`.
    public static func maskingIDNumbers(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            var end = index
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            if end - index >= 15 {
                if end < scalars.count, scalars[end] == "X" || scalars[end] == "x" { end += 1 }
                let run = String(String.UnicodeScalarView(scalars[index..<end]))
                out.append(contentsOf: IDNumber.masked(run).unicodeScalars)
                index = end
            } else if end > index {
                out.append(contentsOf: scalars[index..<end])
                index = end
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// Values between quotes ('…' or “…”) longer than `quotedLength` cut, and the whole text to `messageLength`.
    /// An apostrophe inside a word (`option's`) opens nothing; a value's closing `'` is followed by no letter.
    public static func cutQuotedValues(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count, out.count < messageLength {
            let scalar = scalars[index]
            let opens = scalar == "“" || (scalar == "'" && (index == 0 || !isWordScalar(scalars[index - 1])))
            out.append(scalar)
            index += 1
            guard opens, let end = closingQuote(of: scalar, in: scalars, from: index), end - index > quotedLength else { continue }
            out.append(contentsOf: scalars[index..<(index + quotedLength)])
            out.append(contentsOf: "…（\(end - index)）".unicodeScalars)
            index = end
        }
        if index < scalars.count { out.append("…") }
        return String(out)
    }

    private static func closingQuote(of open: Unicode.Scalar, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        if open == "“" { return scalars[start...].firstIndex(of: "”") }
        var index = start
        while index < scalars.count {
            if scalars[index] == "'", index + 1 == scalars.count || !isWordScalar(scalars[index + 1]) { return index }
            index += 1
        }
        return nil
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// Line breaks and tabs inside a message written as `\n`, `\r`, `\t`: a value never starts a line of its own.
    static func lineBreaksEscaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
