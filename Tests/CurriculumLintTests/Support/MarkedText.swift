/// A fixture with markers where each diagnostic must point (swift-format's convention):
///
/// ```yaml
/// # expect: ① lint.thesis-with-credits
/// courses:
///   - {code: "55472", name: 法学毕业论文, credits: ①4, kind: thesis}
/// ```
///
/// `# expect:` lines name the rule of each marker (①…⑳, U+2460…U+2473); they and the markers are removed, and
/// each marker's place in the remaining text (line, column in Unicode scalars) is where its rule must point.
/// The same marker may appear more than once.
struct MarkedText {
    let text: String
    let expected: [Found]

    static let markers: ClosedRange<UInt32> = 0x2460...0x2473

    static func isMarker(_ scalar: Unicode.Scalar) -> Bool { markers.contains(scalar.value) }

    init(_ raw: String) {
        var rules: [Unicode.Scalar: [String]] = [:]
        var kept: [String] = []
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("# expect:") else {
                kept.append(line)
                continue
            }
            var marker: Unicode.Scalar?
            for word in line.dropFirst("# expect:".count).split(separator: " ") {
                if let first = word.unicodeScalars.first, word.unicodeScalars.count == 1, Self.isMarker(first) {
                    marker = first
                } else if let current = marker {
                    rules[current, default: []].append(String(word))
                }
            }
        }
        var expected: [Found] = []
        var lines: [String] = []
        for (offset, line) in kept.enumerated() {
            var scalars = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                if Self.isMarker(scalar) {
                    for rule in rules[scalar] ?? ["(no rule for marker \(scalar))"] {
                        expected.append(Found(rule, offset + 1, scalars.count + 1))
                    }
                } else {
                    scalars.append(scalar)
                }
            }
            lines.append(String(scalars))
        }
        text = lines.joined(separator: "\n")
        self.expected = expected.sorted()
    }
}
