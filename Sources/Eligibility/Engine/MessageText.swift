import CurriculumDSL

/// A message written with string interpolation into a byte buffer and made a `String` once, for the texts an audit
/// writes on most requests (the missing-courses reason, the reason a better attempt counted).
///
/// `String` interpolation appends each piece through the general `String.append` (a few hundred instructions a
/// piece, with the string grown as it goes) and makes each number a string of its own first; a two-language message of
/// ten pieces cost thousands of instructions per audit. Here the pieces are copied as bytes into one buffer reserved for
/// the literal parts, and numbers are written as digits in place. The text is the same, byte for byte, as the
/// interpolated `String` (`MessageText("a \(1)").text == "a \(1)"`): only the supported pieces (texts, numbers,
/// course codes, scores) can be interpolated, each written as `String` interpolation writes it.
struct MessageText: ExpressibleByStringInterpolation {
    let text: String

    init(stringLiteral value: StaticString) {
        text = value.description
    }

    init(stringInterpolation: Interpolation) {
        text = String(decoding: stringInterpolation.bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of the message so far.
    struct Interpolation: StringInterpolationProtocol {
        /// The literal parts come as `StaticString`s: their bytes are copied straight from the binary.
        typealias StringLiteralType = StaticString

        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            // Room for the literal parts (UTF-8 code units) and short interpolated pieces: usually one allocation.
            bytes.reserveCapacity(literalCapacity + 8 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            if literal.hasPointerRepresentation {
                bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
            } else {
                append(literal.description)  // a literal of one Unicode scalar
            }
        }

        mutating func appendInterpolation(_ text: String) {
            append(text)
        }

        /// Decimal digits, with a minus sign when negative (as `String(value)`).
        mutating func appendInterpolation(_ value: Int) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var rest = value.magnitude
            // The largest power of ten not above the value (at most 10^19, which a UInt holds), then digit by digit.
            var divisor: UInt = 1
            while rest / divisor >= 10 { divisor *= 10 }
            while true {
                bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor))
                rest %= divisor
                if divisor == 1 { break }
                divisor /= 10
            }
        }

        /// The code as written (`CourseCode.description`).
        mutating func appendInterpolation(_ code: CourseCode) {
            append(code.rawValue)
        }

        /// The score (`72`) or the grade (`合格`), as `Score.description`.
        mutating func appendInterpolation(_ score: Score) {
            switch score {
            case .points(let value): appendInterpolation(value)
            case .grade(let grade): append(grade.rawValue)
            }
        }

        @inline(__always)
        private mutating func append(_ text: String) {
            // A native string's bytes are copied in one go; any other string byte by byte.
            let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
            if copied == nil { bytes.append(contentsOf: text.utf8) }
        }
    }
}
