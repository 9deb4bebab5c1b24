/// Shell-style path patterns for `ignore:` entries of the configuration: `*` matches within one path segment,
/// `**` any number of segments, `?` one character. A pattern without `/` matches a file name in any directory;
/// a pattern that names a directory matches every file below it.
struct Glob: Sendable, Hashable {
    let pattern: String
    private let segments: [String]
    private let anywhere: Bool

    init(_ pattern: String) {
        var text = pattern
        while text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasSuffix("/") { text += "**" }
        self.pattern = pattern
        anywhere = !text.contains("/")
        segments = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// Whether `path` (relative, `/`-separated) matches.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if anywhere {
            return parts.indices.contains { Glob.matchSegments(segments, Array(parts[$0...])) || Glob.matchSegments(segments + ["**"], Array(parts[$0...])) }
        }
        return Glob.matchSegments(segments, parts) || Glob.matchSegments(segments + ["**"], parts)
    }

    private static func matchSegments(_ pattern: [String], _ parts: [String]) -> Bool {
        // Dynamic programming over (pattern index, part index).
        var reachable = Array(repeating: Array(repeating: false, count: parts.count + 1), count: pattern.count + 1)
        reachable[0][0] = true
        for i in 0..<pattern.count {
            for j in 0...parts.count where reachable[i][j] {
                if pattern[i] == "**" {
                    for k in j...parts.count { reachable[i + 1][k] = true }
                } else if j < parts.count, matchSegment(Array(pattern[i].unicodeScalars), Array(parts[j].unicodeScalars)) {
                    reachable[i + 1][j + 1] = true
                }
            }
        }
        return reachable[pattern.count][parts.count]
    }

    private static func matchSegment(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var reachable = Array(repeating: Array(repeating: false, count: text.count + 1), count: pattern.count + 1)
        reachable[0][0] = true
        for i in 0..<pattern.count {
            for j in 0...text.count where reachable[i][j] {
                switch pattern[i] {
                case "*":
                    for k in j...text.count { reachable[i + 1][k] = true }
                case "?":
                    if j < text.count { reachable[i + 1][j + 1] = true }
                default:
                    if j < text.count, text[j] == pattern[i] { reachable[i + 1][j + 1] = true }
                }
            }
        }
        return reachable[pattern.count][text.count]
    }
}
