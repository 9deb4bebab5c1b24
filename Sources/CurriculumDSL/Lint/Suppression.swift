/// An inline suppression written in a YAML comment:
///
/// ```yaml
/// - "00015"   # curriculum-lint: disable-line graph.course-name-mismatch reason: 教材名称以来源为准
/// # curriculum-lint: disable-next-line lint.overlapping-pools reason: the plan allows either pool
/// # curriculum-lint: disable lint.institution-without-major reason: listed by the seed only
/// # curriculum-lint: enable lint.institution-without-major
/// ```
///
/// Several rules may be named, separated by commas. A suppression without `reason:` has no effect.
struct Suppression: Sendable {
    enum Scope: Sendable, Hashable {
        /// The comment's own line.
        case line(Int)
        /// The next line that is not blank or comment-only.
        case nextLine(Int)
        /// From the `disable` comment to the matching `enable` (or the end of the file).
        case block(from: Int, through: Int)

        func covers(_ line: Int) -> Bool {
            switch self {
            case .line(let target), .nextLine(let target): line == target
            case .block(let from, let through): from <= line && line <= through
            }
        }
    }

    var file: String
    var rule: RuleID
    var scope: Scope
    var reason: String?
    /// Where the rule id is written in the comment.
    var location: SourceLocation
    /// Where the comment starts.
    var commentLocation: SourceLocation
    var used = false
}

/// Finds suppression comments in a file's text. `#` characters inside scalars (the YAML index knows them) are
/// not comments.
struct SuppressionScanner {
    static let marker = "curriculum-lint:"

    private(set) var suppressions: [Suppression] = []
    private(set) var diagnostics: [Diagnostic] = []

    mutating func scan(file: String, bytes: [UInt8], index: SourceIndex) {
        guard Self.mentionsMarker(bytes) else { return }
        let lines = Self.lines(bytes)
        var open: [RuleID: Int] = [:]   // rule → index in `suppressions` of its open block
        for (offset, text) in lines.enumerated() {
            let number = offset + 1
            guard let comment = Self.comment(in: text, line: number, file: file, index: index) else { continue }
            guard let directive = Directive(comment.text) else { continue }
            let commentAt = SourceLocation(file: file, line: number, column: comment.column,
                                           endColumn: comment.column + comment.text.unicodeScalars.count)
            guard let kind = directive.kind else {
                diagnostics.append(DiagnosticMessages.suppressionInvalid(directive: directive.word, at: commentAt))
                continue
            }
            if directive.rules.isEmpty {
                diagnostics.append(DiagnosticMessages.suppressionWithoutRule(at: commentAt))
                continue
            }
            for rule in directive.rules {
                let ruleAt = SourceLocation(file: file, line: number, column: comment.column + rule.offset,
                                            endColumn: comment.column + rule.offset + rule.id.unicodeScalars.count)
                let id = RuleID(rawValue: rule.id)
                guard Rule.named(id) != nil else {
                    let suggestion = Suggestion.closest(to: rule.id, among: RuleCatalog.all.map(\.id.rawValue))
                    diagnostics.append(DiagnosticMessages.suppressionUnknownRule(rule.id, suggestion: suggestion, at: ruleAt))
                    continue
                }
                switch kind {
                case .enable:
                    guard let index = open.removeValue(forKey: id) else {
                        diagnostics.append(DiagnosticMessages.suppressionEnableWithoutDisable(rule.id, at: ruleAt))
                        continue
                    }
                    if case .block(let from, _) = suppressions[index].scope {
                        suppressions[index].scope = .block(from: from, through: number)
                    }
                case .disable:
                    if open[id] != nil { continue }
                    open[id] = suppressions.count
                    suppressions.append(Suppression(file: file, rule: id, scope: .block(from: number, through: lines.count),
                                                    reason: directive.reason, location: ruleAt, commentLocation: commentAt))
                case .disableLine:
                    suppressions.append(Suppression(file: file, rule: id, scope: .line(number), reason: directive.reason,
                                                    location: ruleAt, commentLocation: commentAt))
                case .disableNextLine:
                    let target = Self.nextContentLine(after: offset, in: lines, file: file, index: index)
                    suppressions.append(Suppression(file: file, rule: id, scope: .nextLine(target), reason: directive.reason,
                                                    location: ruleAt, commentLocation: commentAt))
                }
            }
        }
    }

    // MARK: reading comments

    /// Whether `bytes` contain the marker at all (most files do not; their lines are never split).
    static func mentionsMarker(_ bytes: [UInt8]) -> Bool {
        let marker = Array(marker.utf8)
        guard let first = marker.first, bytes.count >= marker.count else { return false }
        var index = 0
        while index <= bytes.count - marker.count {
            if bytes[index] == first, bytes[index..<(index + marker.count)].elementsEqual(marker) { return true }
            index += 1
        }
        return false
    }

    /// The lines of a file without line ends (a leading byte-order mark dropped).
    static func lines(_ bytes: [UInt8]) -> [String] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var lines = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The comment on a line: its text from `#` and the 1-based column (Unicode scalars) of the `#`.
    static func comment(in line: String, line number: Int, file: String, index: SourceIndex) -> (text: String, column: Int)? {
        let scalars = Array(line.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() where scalar == "#" {
            if offset > 0, scalars[offset - 1] != " ", scalars[offset - 1] != "\t" { continue }
            if index.isInsideScalar(file: file, line: number, column: offset + 1) { continue }
            return (String(String.UnicodeScalarView(scalars[offset...])), offset + 1)
        }
        return nil
    }

    /// The line a `disable-next-line` on line `offset + 1` applies to: the next line with content.
    static func nextContentLine(after offset: Int, in lines: [String], file: String, index: SourceIndex) -> Int {
        var next = offset + 1
        while next < lines.count {
            let trimmed = lines[next].trimmingSpaces()
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") { break }
            next += 1
        }
        return next + 1
    }
}

/// A parsed `# curriculum-lint: WORD RULE[, RULE…] [reason: TEXT]` comment.
struct Directive {
    enum Kind {
        case disableLine, disableNextLine, disable, enable
    }

    /// The directive word as written.
    let word: String
    let kind: Kind?
    /// Rule ids with their offsets (in Unicode scalars) from the comment's `#`.
    let rules: [(id: String, offset: Int)]
    let reason: String?

    /// Nil when the comment is not a curriculum-lint directive at all.
    init?(_ comment: String) {
        let scalars = Array(comment.unicodeScalars)
        var position = 1   // after '#'
        func skipSpaces() { while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 } }
        func word() -> (text: String, offset: Int) {
            let start = position
            while position < scalars.count, scalars[position] != " ", scalars[position] != "\t", scalars[position] != "," {
                position += 1
            }
            return (String(String.UnicodeScalarView(scalars[start..<position])), start)
        }
        skipSpaces()
        let marker = Array(SuppressionScanner.marker.unicodeScalars)
        guard scalars.count >= position + marker.count, Array(scalars[position..<(position + marker.count)]) == marker else { return nil }
        position += marker.count
        skipSpaces()
        let directive = word().text
        self.word = directive
        switch directive {
        case "disable-line": kind = .disableLine
        case "disable-next-line": kind = .disableNextLine
        case "disable": kind = .disable
        case "enable": kind = .enable
        default: kind = nil
        }
        var rules: [(String, Int)] = []
        var reason: String?
        while position < scalars.count {
            skipSpaces()
            if position < scalars.count, scalars[position] == "," {
                position += 1
                continue
            }
            guard position < scalars.count else { break }
            let item = word()
            if item.text == "reason:" || item.text.hasPrefix("reason:") {
                let rest = String(String.UnicodeScalarView(scalars[(item.offset + 7)...]))
                let trimmed = rest.trimmingSpaces()
                reason = trimmed.isEmpty ? nil : trimmed
                break
            }
            if !item.text.isEmpty { rules.append((item.text, item.offset)) }
        }
        self.rules = rules
        self.reason = reason
    }
}
