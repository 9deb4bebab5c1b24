/// Reads typed values out of one file's YAML tree and records every problem with its place.
/// The entity decoders (`NodeDecoder+Catalog`, `NodeDecoder+Plan`) are built on these primitives.
struct NodeDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func location(_ start: Mark, _ end: Mark? = nil) -> SourceLocation {
        SourceLocation(file: file, line: Int(start.line), column: Int(start.column),
                       endLine: end.map { Int($0.line) }, endColumn: end.map { Int($0.column) })
    }

    func location(of node: YAMLNode) -> SourceLocation {
        if case .scalar(let scalar) = node { return location(scalar.start, scalar.end) }
        return location(node.start)
    }

    // MARK: mappings

    /// The entries of a mapping, after reporting keys not in `allowed`. Nil (and a diagnostic) if not a mapping.
    mutating func fields(_ node: YAMLNode, _ what: LocalizedText, field: String, allowed: [String]) -> Fields? {
        guard case .mapping(let entries, let start, _) = node else {
            diagnostics.append(DiagnosticMessages.typeMismatch(field, expected: Expected.mapping, found: node.kindName, at: location(of: node)))
            return nil
        }
        for entry in entries where !allowed.contains(entry.key.text) {
            diagnostics.append(DiagnosticMessages.unknownKey(entry.key.text, in: what, allowed: allowed,
                                                             at: location(entry.key.start, entry.key.end)))
        }
        return Fields(entries: entries, start: start, what: what)
    }

    struct Fields {
        let entries: [YAMLEntry]
        let start: Mark
        let what: LocalizedText

        subscript(key: String) -> YAMLNode? { entries.first { $0.key.text == key }?.value }

        func keyMark(_ key: String) -> Mark? { entries.first { $0.key.text == key }?.key.start }

        /// The keys of `keys` present here, in file order.
        func present(_ keys: [String]) -> [YAMLEntry] { entries.filter { keys.contains($0.key.text) } }
    }

    /// The value of a required key, or a `schema.missing-key` diagnostic.
    mutating func required(_ fields: Fields, _ key: String) -> YAMLNode? {
        if let node = fields[key] { return node }
        diagnostics.append(DiagnosticMessages.missingKey(key, in: fields.what, at: location(fields.start)))
        return nil
    }

    // MARK: scalars

    mutating func scalar(_ node: YAMLNode, field: String, expected: LocalizedText) -> YAMLScalar? {
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            diagnostics.append(DiagnosticMessages.typeMismatch(field, expected: expected, found: node.kindName, at: location(of: node)))
            return nil
        }
        return scalar
    }

    mutating func string(_ node: YAMLNode, field: String) -> String? {
        scalar(node, field: field, expected: Expected.string)?.text
    }

    mutating func optionalString(_ fields: Fields, _ key: String) -> String? {
        fields[key].flatMap { string($0, field: key) }
    }

    mutating func locatedString(_ node: YAMLNode, field: String) -> Located<String>? {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        return Located(scalar.text, at: location(scalar.start, scalar.end))
    }

    /// A string that other YAML tools might read as a number (a code, a version): kept as text, with a note.
    mutating func codeLikeString(_ node: YAMLNode, field: String) -> YAMLScalar? {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        if scalar.style == .plain, scalar.tag == nil, let reading = ImplicitTyping.otherToolsReading(scalar.text) {
            diagnostics.append(DiagnosticMessages.numberLikeString(
                scalar.text, readAs: reading, field: field, at: location(scalar.start, scalar.end)))
        }
        return scalar
    }

    mutating func integer(_ node: YAMLNode, field: String, minimum: Int = 0) -> Int? {
        let expected = minimum > 0 ? Expected.positiveInteger : Expected.integer
        guard let scalar = scalar(node, field: field, expected: expected) else { return nil }
        let bytes = scalar.text.utf8
        let isDecimal = !bytes.isEmpty && bytes.count <= 9 && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard scalar.style == .plain, isDecimal, let value = Int(scalar.text), value >= minimum else {
            let remedy: LocalizedText? = scalar.style != .plain && isDecimal
                ? .init(zh: "去掉引号", en: "remove the quotes") : nil
            diagnostics.append(DiagnosticMessages.typeMismatch(
                field, expected: expected, found: .init(zh: "“\(scalar.text)”", en: "'\(scalar.text)'"),
                at: location(scalar.start, scalar.end), remedy: remedy))
            return nil
        }
        return value
    }

    mutating func optionalInteger(_ fields: Fields, _ key: String, minimum: Int = 0) -> Int? {
        fields[key].flatMap { integer($0, field: key, minimum: minimum) }
    }

    mutating func locatedInteger(_ fields: Fields, _ key: String) -> Located<Int>? {
        guard let node = fields[key], let value = integer(node, field: key) else { return nil }
        return Located(value, at: location(of: node))
    }

    mutating func boolean(_ node: YAMLNode, field: String) -> Bool? {
        guard let scalar = scalar(node, field: field, expected: Expected.boolean) else { return nil }
        switch (scalar.style, scalar.text) {
        case (.plain, "true"): return true
        case (.plain, "false"): return false
        default:
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: scalar.text, expected: Expected.boolean,
                                                               at: location(scalar.start, scalar.end)))
            return nil
        }
    }

    mutating func date(_ node: YAMLNode, field: String) -> CivilDate? {
        guard let scalar = scalar(node, field: field, expected: Expected.date) else { return nil }
        guard let date = CivilDate(scalar.text) else {
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: scalar.text, expected: Expected.date,
                                                               at: location(scalar.start, scalar.end)))
            return nil
        }
        return date
    }

    mutating func optionalDate(_ fields: Fields, _ key: String) -> CivilDate? {
        fields[key].flatMap { date($0, field: key) }
    }

    /// One of a closed set of values (`kind`, `level`, `status`, ...).
    mutating func enumeration<Value: RawRepresentable & CaseIterable>(_ node: YAMLNode, field: String, as type: Value.Type,
                                                                      aliases: [String: Value] = [:]) -> Value?
    where Value.RawValue == String {
        guard let scalar = scalar(node, field: field, expected: Expected.string) else { return nil }
        if let value = Value(rawValue: scalar.text) ?? aliases[scalar.text] { return value }
        let values = Value.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: scalar.text, among: values)
        diagnostics.append(DiagnosticMessages.invalidValue(field, value: scalar.text, expected: Expected.oneOf(values),
                                                           at: location(scalar.start, scalar.end), suggestion: suggestion, fix: suggestion))
        return nil
    }

    /// A stable id: letters (any script), digits, `-`, `_`, `.`.
    mutating func identifier(_ node: YAMLNode, field: String) -> Located<String>? {
        guard let scalar = codeLikeString(node, field: field) else { return nil }
        let valid = !scalar.text.isEmpty && scalar.text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        let at = location(scalar.start, scalar.end)
        guard valid else {
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: scalar.text, expected: Expected.identifier, at: at))
            return nil
        }
        return Located(scalar.text, at: at)
    }

    // MARK: codes

    /// A five-digit course code. `15` for `00015` is reported with the padded fix.
    mutating func courseCode(_ node: YAMLNode, field: String) -> Located<CourseCode>? {
        guard let scalar = codeLikeString(node, field: field) else { return nil }
        return courseCode(text: scalar.text, at: location(scalar.start, scalar.end), field: field)
    }

    mutating func courseCode(text: String, at location: SourceLocation, field: String) -> Located<CourseCode>? {
        guard CourseCode.isValid(text) else {
            let digits = text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            let padded = digits && !text.isEmpty && text.utf8.count < 5
                ? String(repeating: "0", count: 5 - text.utf8.count) + text : nil
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: text, expected: Expected.courseCode, at: location,
                                                               suggestion: padded.map { "\"\($0)\"" }, fix: padded.map { "\"\($0)\"" }))
            return nil
        }
        return Located(CourseCode(rawValue: text), at: location)
    }

    mutating func majorCode(_ node: YAMLNode, field: String) -> Located<String>? {
        guard let scalar = codeLikeString(node, field: field) else { return nil }
        let at = location(scalar.start, scalar.end)
        guard MajorKey.isValidCode(scalar.text) else {
            let upper = scalar.text.uppercased()
            let suggestion = upper != scalar.text && MajorKey.isValidCode(upper) ? "\"\(upper)\"" : nil
            diagnostics.append(DiagnosticMessages.invalidValue(field, value: scalar.text, expected: Expected.majorCode, at: at,
                                                               suggestion: suggestion, fix: suggestion))
            return nil
        }
        return Located(scalar.text, at: at)
    }

    // MARK: lists

    /// The items of a list; a single scalar is a one-item list. Nil (and a diagnostic) for a mapping or null.
    mutating func list(_ node: YAMLNode, field: String) -> [YAMLNode]? {
        switch node {
        case .sequence(let items, _, _): return items
        case .scalar(let scalar) where !scalar.isNull: return [node]
        default:
            diagnostics.append(DiagnosticMessages.typeMismatch(field, expected: Expected.list, found: node.kindName, at: location(of: node)))
            return nil
        }
    }

    mutating func stringList(_ node: YAMLNode, field: String) -> [Located<String>] {
        (list(node, field: field) ?? []).compactMap { locatedString($0, field: field) }
    }

    mutating func courseCodeList(_ node: YAMLNode, field: String) -> [Located<CourseCode>] {
        (list(node, field: field) ?? []).compactMap { courseCode($0, field: field) }
    }

    mutating func optionalList<T>(_ fields: Fields, _ key: String, _ element: (inout NodeDecoder, YAMLNode) -> T?) -> [T] {
        guard let node = fields[key], let items = list(node, field: key) else { return [] }
        return items.compactMap { element(&self, $0) }
    }
}

