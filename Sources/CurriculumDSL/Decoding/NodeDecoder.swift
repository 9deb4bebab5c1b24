/// Reads typed values out of one file's YAML document and records every problem with its place.
/// The entity decoders (`NodeDecoder+Catalog`, `NodeDecoder+Major`, `NodeDecoder+Requirement`) are built on
/// these primitives. Nodes are `YAMLDocument` ids; every primitive follows aliases itself.
struct NodeDecoder {
    typealias Node = YAMLDocument.NodeID

    let file: String
    let document: YAMLDocument
    var diagnostics: [Diagnostic] = []
    /// Course codes written inside a larger scalar, and how a fix-it writes a code there.
    var codeSpellings: [SourceLocation: CodeSpelling] = [:]
    /// Codes of course definitions that could not be decoded (reported where they are written): the code as
    /// written, or the padded code an invalid one is taken for (`160` → `00160`).
    var brokenCourses: [CourseCode] = []
    /// Ids of plans with a requirement, substitution, mapping or additional course that could not be decoded.
    var incompletePlans: [String] = []
    /// List items (and lists) left out because they could not be decoded (each reported), counted.
    var droppedItems = 0

    init(file: String, document: YAMLDocument) {
        self.file = file
        self.document = document
    }

    func location(_ start: Mark, _ end: Mark? = nil) -> SourceLocation {
        SourceLocation(file: file, line: Int(start.line), column: Int(start.column),
                       endLine: end.map { Int($0.line) }, endColumn: end.map { Int($0.column) })
    }

    /// Where a node is written: a scalar from its start to its end, a collection at its start.
    func location(of node: Node) -> SourceLocation {
        let target = document[document.resolved(node)]
        return target.kind == .scalar ? location(target.start, target.end) : location(target.start)
    }

    /// Where a node starts (a point).
    func startLocation(of node: Node) -> SourceLocation { location(document[document.resolved(node)].start) }

    func isScalar(_ node: Node) -> Bool { document[document.resolved(node)].kind == .scalar }

    /// What a reader calls this kind of node, for "expected a list, found a string".
    func kindName(_ node: Node) -> LocalizedText {
        let target = document.resolved(node)
        switch document[target].kind {
        case .scalar, .alias:
            return document.isNull(target) ? .init(zh: "空值", en: "nothing (null)") : .init(zh: "标量", en: "a scalar")
        case .sequence: return .init(zh: "列表", en: "a list")
        case .mapping: return .init(zh: "映射", en: "a mapping")
        }
    }

    /// A type mismatch at `node`, unless the node stands in for an undefined alias (already reported).
    mutating func reportTypeMismatch(_ node: Node, field: String, expected: LocalizedText) {
        let target = document.resolved(node)
        guard !document.isPlaceholder(target) else { return }
        diagnostics.append(DiagnosticMessages.typeMismatch(field, expected: expected, found: kindName(target), at: location(of: target)))
    }

    // MARK: mappings

    /// The entries of a mapping, after reporting keys not in `allowed`. Nil (and a diagnostic) if not a mapping.
    mutating func fields(_ node: Node, _ what: LocalizedText, field: String, allowed: KeySet) -> Fields? {
        let mapping = document.resolved(node)
        let header = document[mapping]
        guard header.kind == .mapping else {
            reportTypeMismatch(mapping, field: field, expected: Expected.mapping)
            return nil
        }
        var fields = Fields(start: header.start, what: what)
        fields.hasComplexKey = header.flags.contains(.hasComplexKey)
        if header.flags.contains(.hasMerges) {
            for entry in document.entries(of: mapping) { add(entry, to: &fields, allowed: allowed, what: what) }
        } else {
            fields.entries.reserveCapacity(Int(header.count))
            let document = self.document
            document.forEachOwnEntry(of: mapping) { add($0, to: &fields, allowed: allowed, what: what) }
        }
        return fields
    }

    private mutating func add(_ entry: YAMLDocument.Entry, to fields: inout Fields, allowed: KeySet, what: LocalizedText) {
        fields.count += 1
        if let key = document.withBytes(entry.key, { Key.named($0) }), allowed.contains(key) {
            fields.entries.append(.init(key: key, keyNode: entry.key, value: entry.value))
            return
        }
        let keyNode = document[entry.key]
        let name = document.string(entry.key)
        if let meant = Suggestion.closest(to: name, among: allowed.names) { fields.misspelt.append(meant) }
        diagnostics.append(DiagnosticMessages.unknownKey(name, in: what, allowed: allowed.names,
                                                         at: location(keyNode.start, keyNode.end)))
    }

    struct Fields {
        struct Entry {
            var key: Key
            var keyNode: Node
            var value: Node
        }

        /// The entries with allowed keys, in file order (merged entries last).
        var entries: [Entry] = []
        /// Every entry, unknown keys included.
        var count = 0
        /// The keys that unknown keys were taken for ("did you mean"): a required key among them is not reported
        /// missing, the misspelling is the mistake.
        var misspelt: [String] = []
        /// The mapping has a key that is a list or mapping (yaml.complex-key): no key is reported missing.
        var hasComplexKey = false
        let start: Mark
        let what: LocalizedText

        init(start: Mark, what: LocalizedText) {
            self.start = start
            self.what = what
        }

        @inline(__always)
        subscript(key: Key) -> Node? {
            for entry in entries where entry.key == key { return entry.value }
            return nil
        }

        func keyNode(_ key: Key) -> Node? {
            for entry in entries where entry.key == key { return entry.keyNode }
            return nil
        }

        /// The entries of `keys` present here, in file order.
        func present(_ keys: KeySet) -> [Entry] { entries.filter { keys.contains($0.key) } }
    }

    /// Where a key of `fields` is written (from its start to its end).
    func keyLocation(_ entry: Fields.Entry) -> SourceLocation {
        let node = document[entry.keyNode]
        return location(node.start, node.end)
    }

    /// The value of a required key, or a `schema.missing-key` diagnostic.
    mutating func required(_ fields: Fields, _ key: Key) -> Node? {
        if let node = fields[key] { return node }
        guard !fields.misspelt.contains(key.name), !fields.hasComplexKey else { return nil }
        diagnostics.append(DiagnosticMessages.missingKey(key.name, in: fields.what, at: location(fields.start)))
        return nil
    }

    // MARK: scalars

    /// The scalar `node` stands for (aliases followed); nil, and a diagnostic, for collections and null.
    mutating func scalar(_ node: Node, field: String, expected: LocalizedText) -> Node? {
        let target = document.resolved(node)
        guard document[target].kind == .scalar, !document.isNull(target) else {
            reportTypeMismatch(target, field: field, expected: expected)
            return nil
        }
        return target
    }

    func text(_ scalar: Node) -> String { document.string(scalar) }

    func scalarLocation(_ scalar: Node) -> SourceLocation {
        let node = document[scalar]
        return location(node.start, node.end)
    }

    mutating func string(_ node: Node, field: String) -> String? {
        scalar(node, field: field, expected: Expected.string).map { text($0) }
    }

    mutating func optionalString(_ fields: Fields, _ key: Key) -> String? {
        fields[key].flatMap { string($0, field: key.name) }
    }

    mutating func locatedString(_ node: Node, field: String) -> Located<String>? {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        return Located(text(scalar), at: scalarLocation(scalar))
    }

    /// A string that other YAML tools might read as a number (a code, a version): kept as text, with a note.
    mutating func codeLikeString(_ node: Node, field: String) -> String? {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        noteNumberLike(scalar, field: field)
        return text(scalar)
    }

    /// The `yaml.number-like-string` note for a plain scalar that other tools would not read as a string.
    /// Called only for values that are otherwise valid: an invalid value gets its own diagnostic (and fix) alone.
    mutating func noteNumberLike(_ scalar: Node, field: String) {
        let node = document[scalar]
        guard node.style == .plain, !node.flags.contains(.tagged),
              let reading = document.withBytes(scalar, { ImplicitTyping.otherToolsReading(bytes: $0) })
        else { return }
        let value = text(scalar)
        diagnostics.append(DiagnosticMessages.numberLikeString(value, readAs: reading, field: field, at: location(node.start, node.end)))
    }

    mutating func integer(_ node: Node, field: String, minimum: Int = 0) -> Int? {
        let expected = minimum > 0 ? Expected.positiveInteger : Expected.integer
        guard let scalar = scalar(node, field: field, expected: expected) else { return nil }
        let style = document[scalar].style
        let parsed: Int? = document.withBytes(scalar) { bytes in
            guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard style == .plain, let value = parsed, value >= minimum else {
            let value = text(scalar)
            let remedy: LocalizedText? = style != .plain && parsed != nil
                ? .init(zh: "去掉引号", en: "remove the quotes") : nil
            diagnostics.append(DiagnosticMessages.typeMismatch(
                field, expected: expected, found: .init(zh: "“\(value)”", en: "'\(value)'"),
                at: scalarLocation(scalar), remedy: remedy))
            return nil
        }
        return value
    }

    mutating func optionalInteger(_ fields: Fields, _ key: Key, minimum: Int = 0) -> Int? {
        fields[key].flatMap { integer($0, field: key.name, minimum: minimum) }
    }

    mutating func locatedInteger(_ fields: Fields, _ key: Key) -> Located<Int>? {
        guard let node = fields[key], let value = integer(node, field: key.name) else { return nil }
        return Located(value, at: location(of: node))
    }

    mutating func boolean(_ node: Node, field: String) -> Bool? {
        guard let scalar = scalar(node, field: field, expected: Expected.boolean) else { return nil }
        let value = text(scalar)
        switch (document[scalar].style, value) {
        case (.plain, "true"): return true
        case (.plain, "false"): return false
        default:
            // YAML 1.1 booleans and quoted or capitalised ones: the fix is the plain true / false.
            let meant: String? = switch value.lowercased() {
            case "true", "yes", "y", "on": "true"
            case "false", "no", "n", "off": "false"
            default: nil
            }
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: value, expected: Expected.boolean,
                                                               at: scalarLocation(scalar), suggestion: meant, fix: meant))
            return nil
        }
    }

    mutating func date(_ node: Node, field: String) -> CivilDate? {
        guard let scalar = scalar(node, field: field, expected: Expected.date) else { return nil }
        guard let date = document.withBytes(scalar, { CivilDate(bytes: $0) }) else {
            let meant = Self.intendedDate(text(scalar))
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: text(scalar), expected: Expected.date,
                                                               at: scalarLocation(scalar), suggestion: meant, fix: meant))
            return nil
        }
        return date
    }

    /// A date written another common way (`2024-7-1`, `2024/07/01`, `2024.7.1`, `2024年7月1日`) as YYYY-MM-DD, when
    /// it is a real date; nil otherwise.
    static func intendedDate(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { "-/.年月日 ".contains($0) })
        guard parts.count == 3, parts[0].count == 4,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts[1].count <= 2, parts[2].count <= 2, CivilDate(year: year, month: month, day: day) != nil
        else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    mutating func optionalDate(_ fields: Fields, _ key: Key) -> CivilDate? {
        fields[key].flatMap { date($0, field: key.name) }
    }

    /// One of a closed set of values (`kind`, `level`, `status`, ...).
    /// One of `Value`'s raw values (or an alias). A bad value is an error with the closest value as its fix; with
    /// `recovering`, decoding goes on as if the fix were applied (so that one typo does not hide the rest of the
    /// declaration's mistakes); without a close value it is nil either way.
    mutating func enumeration<Value: RawRepresentable & CaseIterable>(_ node: Node, field: String, as type: Value.Type,
                                                                      aliases: [String: Value] = [:], recovering: Bool = false) -> Value?
    where Value.RawValue == String {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        let value = text(scalar)
        if let result = Value(rawValue: value) ?? aliases[value] { return result }
        let values = Value.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: value, among: values)
        diagnostics.append(DiagnosticMessages.invalidValue(field, value: value, expected: Expected.oneOf(values),
                                                           at: scalarLocation(scalar), suggestion: suggestion, fix: suggestion))
        return recovering ? suggestion.flatMap(Value.init(rawValue:)) : nil
    }

    /// A stable id: letters (any script), digits, `-`, `_`, `.`.
    mutating func identifier(_ node: Node, field: String) -> Located<String>? {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        let value = text(scalar)
        let at = scalarLocation(scalar)
        guard document.withBytes(scalar, { Self.isIdentifier($0) }) || Self.isIdentifier(value) else {
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: value, expected: Expected.identifier, at: at))
            return nil
        }
        noteNumberLike(scalar, field: field)
        return Located(value, at: at)
    }

    /// The ASCII fast path of the identifier check: true when every byte is an ASCII letter, digit, `-`, `_` or
    /// `.`; false otherwise (then the full check over Unicode scalars decides).
    @inline(__always)
    static func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        for byte in bytes {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F, 0x2E: continue
            default: return false
            }
        }
        return true
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    // MARK: codes

    /// A five-digit course code. `15` for `00015` is reported with the padded fix.
    mutating func courseCode(_ node: Node, field: String) -> Located<CourseCode>? {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        let code: CourseCode? = document.withBytes(scalar) { CourseCode.isValid($0) ? CourseCode(utf8: $0) : nil }
        guard let code else {
            _ = courseCode(text: text(scalar), at: scalarLocation(scalar), field: field)  // reports it
            return nil
        }
        if document[scalar].style == .plain { noteNumberLike(scalar, field: field) }
        return Located(code, at: scalarLocation(scalar))
    }

    /// `text` as a course code written at `location`. `spelling` says how a replacement code is written there
    /// (nil: a standalone scalar, where the fix is the quoted code).
    mutating func courseCode(text: String, at location: SourceLocation, field: String,
                             spelling: CodeSpelling? = nil) -> Located<CourseCode>? {
        guard CourseCode.isValid(text) else {
            let digits = text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            let padded = digits && !text.isEmpty && text.utf8.count < 5
                ? String(repeating: "0", count: 5 - text.utf8.count) + text : nil
            let fix = padded.map { (spelling ?? .standalone).writing($0) }
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: text, expected: Expected.courseCode, at: location,
                                                               suggestion: padded.map { "\"\($0)\"" }, fix: fix))
            return nil
        }
        return Located(CourseCode(rawValue: text), at: location)
    }

    /// The course code an invalid `code:` value stands for: its digits padded to five (what the invalid-value
    /// fix-it writes), or nil.
    func intendedCourseCode(_ node: Node) -> CourseCode? {
        let target = document.resolved(node)
        guard document[target].kind == .scalar else { return nil }
        let value = text(target)
        guard !value.isEmpty, value.utf8.count < 5, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let padded = String(repeating: "0", count: 5 - value.utf8.count) + value
        return CourseCode.isValid(padded) ? CourseCode(rawValue: padded) : nil
    }

    mutating func majorCode(_ node: Node, field: String) -> Located<String>? {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        let value = text(scalar)
        let at = scalarLocation(scalar)
        guard MajorKey.isValidCode(value) else {
            let upper = value.uppercased()
            let suggestion = upper != value && MajorKey.isValidCode(upper) ? "\"\(upper)\"" : nil
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: value, expected: Expected.majorCode, at: at,
                                                               suggestion: suggestion, fix: suggestion))
            return nil
        }
        noteNumberLike(scalar, field: field)
        return Located(value, at: at)
    }

    // MARK: lists

    /// The items of a list; a single scalar is a one-item list. Nil (and a diagnostic) for a mapping or null.
    mutating func list(_ node: Node, field: String) -> [Node]? {
        let target = document.resolved(node)
        switch document[target].kind {
        case .sequence:
            return Array(document.items(target))
        case .scalar where !document.isNull(target):
            return [target]
        default:
            reportTypeMismatch(target, field: field, expected: Expected.list)
            return nil
        }
    }

    /// `transform` applied to each item of a list (a single scalar is a one-item list), results kept where not
    /// nil; nil (and a diagnostic) for a mapping or null. No array of the items is made on the way.
    @inline(__always)
    mutating func mapList<T>(_ node: Node, field: String, _ transform: (inout NodeDecoder, Node) -> T?) -> [T]? {
        let target = document.resolved(node)
        let header = document[target]
        switch header.kind {
        case .sequence:
            var result: [T] = []
            result.reserveCapacity(Int(header.count))
            var item = target + 1
            // A run of items that are all the same wrong type (a block of requirements pasted under
            // `substitutions:`) is one mistake: reported at its first item, with a note at its last.
            var run: (diagnostic: Int, count: Int, last: SourceLocation)?
            while item < header.next {
                let next = document[item].next
                let before = diagnostics.count
                if let value = transform(&self, item) { result.append(value) } else { droppedItems += 1 }
                if diagnostics.count == before + 1, let found = diagnostics.last, found.rule == "schema.type-mismatch",
                   let location = found.location {
                    if let current = run, diagnostics[current.diagnostic].message == found.message {
                        diagnostics.removeLast()
                        run = (current.diagnostic, current.count + 1, location)
                    } else {
                        closeRun(run)
                        run = (before, 1, location)
                    }
                } else if diagnostics.count > before {
                    closeRun(run)
                    run = nil
                }
                item = next
            }
            closeRun(run)
            return result
        case .scalar where !document.isNull(target):
            guard let value = transform(&self, target) else {
                droppedItems += 1
                return []
            }
            return [value]
        default:
            reportTypeMismatch(target, field: field, expected: Expected.list)
            droppedItems += 1
            return nil
        }
    }

    /// Notes the extent of a run of same-typed wrong items on its first item's diagnostic (see `mapList`).
    private mutating func closeRun(_ run: (diagnostic: Int, count: Int, last: SourceLocation)?) {
        guard let run, run.count > 1, diagnostics.indices.contains(run.diagnostic) else { return }
        let more = run.count - 1
        diagnostics[run.diagnostic].notes.append(.init(
            .init(zh: "其后 \(more) 项也是同样的错误，直到这里", en: "the next \(more) item\(more == 1 ? " is" : "s are") the same, up to here"),
            at: run.last))
    }

    mutating func stringList(_ node: Node, field: String) -> [Located<String>] {
        mapList(node, field: field) { $0.locatedString($1, field: field) } ?? []
    }

    mutating func courseCodeList(_ node: Node, field: String) -> [Located<CourseCode>] {
        mapList(node, field: field) { $0.courseCode($1, field: field) } ?? []
    }

    mutating func optionalList<T>(_ fields: Fields, _ key: Key, _ element: (inout NodeDecoder, Node) -> T?) -> [T] {
        guard let node = fields[key] else { return [] }
        return mapList(node, field: key.name, element) ?? []
    }
}
