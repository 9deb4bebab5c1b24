// Decoding of requirement trees, substitutions, mappings and additional courses.
extension NodeDecoder {
    /// The keys that give a requirement node its shape (exactly one per node).
    static let shapeKeys = shapeKeySet.names
    static let shapeKeySet: KeySet = [.course, .allOf, .oneOf, .choose, .pool, .alternatives]
    static let requirementKeys = shapeKeySet + [.id, .title, .note, .when, .shared, .of, .minCredits, .minCourses, .maxCredits]
    private static let chooseOnlyKeys: KeySet = [.of]
    private static let poolOnlyKeys: KeySet = [.minCredits, .minCourses, .maxCredits]

    mutating func requirement(_ node: Node) -> Requirement? {
        if isScalar(node) { return courseShorthand(node) }
        guard let f = fields(node, Place.requirement, field: "requirements", allowed: Self.requirementKeys) else { return nil }
        var shapeEntry: Fields.Entry?
        var shapeCount = 0
        for entry in f.entries where Self.shapeKeySet.contains(entry.key) {
            shapeCount += 1
            if shapeEntry == nil { shapeEntry = entry }
        }
        guard let shapeEntry else {
            diagnostics.append(DiagnosticMessages.missingShape(Self.shapeKeys, in: Place.requirement, at: location(f.start)))
            return nil
        }
        if shapeCount > 1 {
            let shapes = f.present(Self.shapeKeySet)
            diagnostics.append(DiagnosticMessages.conflictingKeys(
                shapes.map(\.key.name), in: Place.requirement,
                at: keyLocation(shapes[1]), firstAt: location(document[shapeEntry.keyNode].start)))
        }
        let shapeKey = shapeEntry.key
        checkOnly(f, keys: Self.chooseOnlyKeys, allowedWith: .choose, shape: shapeKey)
        checkOnly(f, keys: Self.poolOnlyKeys, allowedWith: .pool, shape: shapeKey)

        let explicitID = f[.id].flatMap { identifier($0, field: "id") }
        var shape: Requirement.Shape
        var defaultID: String?
        var codeLocation: SourceLocation?
        switch shapeKey {
        case .course:
            guard let leaf = courseShorthand(shapeEntry.value) else { return nil }
            shape = leaf.shape
            defaultID = leaf.id
            codeLocation = leaf.location
        case .allOf:
            shape = .allOf(children(shapeEntry.value, field: "all-of"))
        case .oneOf:
            shape = .choose(count: 1, of: children(shapeEntry.value, field: "one-of"))
        case .choose:
            let count = integer(shapeEntry.value, field: "choose", minimum: 1) ?? 1
            guard let of = required(f, .of) else { return nil }
            shape = .choose(count: count, of: children(of, field: "of"))
        case .pool:
            shape = .pool(courses: courseCodeList(shapeEntry.value, field: "pool"),
                          minCredits: optionalInteger(f, .minCredits),
                          minCourses: optionalInteger(f, .minCourses),
                          maxCredits: optionalInteger(f, .maxCredits))
        default:
            shape = .alternatives(children(shapeEntry.value, field: "alternatives"))
            for child in shape.childrenForValidation where child.when == nil {
                diagnostics.append(DiagnosticMessages.missingKey("when", in: Place.requirement, at: child.location))
            }
        }
        guard let id = explicitID?.value ?? defaultID else {
            diagnostics.append(DiagnosticMessages.missingKey("id", in: Place.requirement, at: location(f.start)))
            return nil
        }
        return Requirement(id: id, title: optionalString(f, .title), note: optionalString(f, .note),
                           when: optionalString(f, .when),
                           shared: f[.shared].flatMap { boolean($0, field: "shared") } ?? false,
                           shape: shape, location: explicitID?.location ?? codeLocation ?? location(f.start),
                           codeLocation: explicitID == nil ? nil : codeLocation)
    }

    private mutating func children(_ node: Node, field: String) -> [Requirement] {
        let target = document.resolved(node)
        if document[target].kind == .sequence, document[target].count == 0 {
            diagnostics.append(DiagnosticMessages.typeMismatch(field, expected: Expected.list, found: .init(zh: "空列表", en: "an empty list"),
                                                               at: location(of: node)))
        }
        return mapList(node, field: field) { $0.requirement($1) } ?? []
    }

    private mutating func checkOnly(_ f: Fields, keys: KeySet, allowedWith shape: Key, shape actual: Key) {
        guard actual != shape else { return }
        for entry in f.entries where keys.contains(entry.key) {
            diagnostics.append(DiagnosticMessages.unknownKey(entry.key.name, in: Place.requirement,
                                                             allowed: ["id", "title", "note", "when", "shared", actual.name],
                                                             at: keyLocation(entry)).explaining(onlyWith: shape.name))
        }
    }

    /// `"03708"` or `03708 中国近现代史纲要`: a course node whose id is the code.
    mutating func courseShorthand(_ node: Node) -> Requirement? {
        guard let scalar = scalar(node, field: "course", expected: Expected.requirement) else { return nil }
        let scalarNode = document[scalar]
        let text = self.text(scalar)
        let split = text.unicodeScalars.firstIndex { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        let codeText = split.map { String(text.unicodeScalars[..<$0]) } ?? text
        let rest = split.map { String(text.unicodeScalars[$0...]) }
        let name = rest?.trimmingSpaces()
        let whole = location(scalarNode.start, scalarNode.end)
        var codeLocation = whole
        var spelling: CodeSpelling?
        if let rest {
            // The code shares its scalar with a name: a fix-it must keep the scalar valid and the name in it.
            let codeLength = Int32(codeText.unicodeScalars.count)
            let oneLineWithoutEscapes = scalarNode.start.line == scalarNode.end.line
                && Int(scalarNode.end.column - scalarNode.start.column) == text.unicodeScalars.count + 2
            switch scalarNode.style {
            case .plain:
                // The code opens the scalar on its first line; replacing its digits keeps a plain string.
                codeLocation = location(scalarNode.start, Mark(line: scalarNode.start.line, column: scalarNode.start.column + codeLength))
                spelling = .embedded
            case .singleQuoted where oneLineWithoutEscapes, .doubleQuoted where oneLineWithoutEscapes:
                let start = Mark(line: scalarNode.start.line, column: scalarNode.start.column + 1)
                codeLocation = location(start, Mark(line: start.line, column: start.column + codeLength))
                spelling = .embedded
            default:
                // Escapes or line folding: the fix rewrites the whole scalar, double-quoted.
                spelling = CodeSpelling(prefix: "\"", suffix: CodeSpelling.doubleQuotedBody(rest) + "\"")
            }
            codeSpellings[codeLocation] = spelling
        }
        guard let code = courseCode(text: codeText, at: codeLocation, field: "course", spelling: spelling) else { return nil }
        if rest == nil { noteNumberLike(scalar, field: "course") }
        return Requirement(id: code.value.rawValue, title: nil, note: nil, when: nil, shared: false,
                           shape: .course(code.value, writtenName: name?.isEmpty == false ? name : nil), location: codeLocation)
    }

    mutating func substitution(_ node: Node) -> Substitution? {
        guard let f = fields(node, Place.substitution, field: "substitutions",
                             allowed: Self.substitutionKeys)
        else { return nil }
        let id = required(f, .id).flatMap { identifier($0, field: "id") }
        let replaces = required(f, .replaces).flatMap { identifier($0, field: "replaces") }
        guard let id, let replaces else { return nil }
        let form: Substitution.Form
        switch (f[.minCredits], f[.from], f[.allOf]) {
        case (let min?, let from?, nil):
            form = .credits(minCredits: integer(min, field: "min-credits", minimum: 1) ?? 1, from: courseCodeList(from, field: "from"))
        case (nil, nil, let set?):
            form = .fixedSet(courseCodeList(set, field: "all-of"))
        case (_, _, _?):
            let keys = f.present([.minCredits, .from, .allOf])
            diagnostics.append(DiagnosticMessages.conflictingKeys(
                keys.map(\.key.name), in: Place.substitution,
                at: keyLocation(keys[keys.count - 1]), firstAt: location(document[keys[0].keyNode].start)))
            return nil
        case (nil, _, nil):
            diagnostics.append(DiagnosticMessages.missingKey(f[.from] == nil ? "min-credits / from" : "min-credits",
                                                             in: Place.substitution, at: location(f.start)))
            return nil
        case (_?, nil, nil):
            diagnostics.append(DiagnosticMessages.missingKey("from", in: Place.substitution, at: location(f.start)))
            return nil
        }
        return Substitution(id: id.value, title: optionalString(f, .title), replaces: replaces, form: form, location: id.location)
    }

    private static let substitutionKeys: KeySet = [.id, .title, .note, .replaces, .minCredits, .from, .allOf]
    private static let mappingRuleKeys: KeySet = [.old, .need, .new, .note]
    private static let additionalKeys: KeySet = [.id, .title, .note, .whenPriorFieldIn, .whenPriorFieldNotIn, .courses]
    private static let topLevelMappingKeys: KeySet = [.id, .title, .note, .province, .level, .fromPlan, .rules]
    private static let planMappingKeys: KeySet = [.id, .title, .note, .fromPlan, .rules]

    mutating func mapping(_ node: Node, defaultProvince: Located<String>?, topLevel: Bool) -> Mapping? {
        let allowed = topLevel
            ? Self.topLevelMappingKeys
            : Self.planMappingKeys
        guard let f = fields(node, Place.mapping, field: "mappings", allowed: allowed) else { return nil }
        let id = required(f, .id).flatMap { identifier($0, field: "id") }
        let rules = required(f, .rules).flatMap { list($0, field: "rules") }
        guard let id, let rules else { return nil }
        var province: Located<String>?
        if topLevel { province = self.province(of: f, default: defaultProvince) }
        return Mapping(id: id.value, title: optionalString(f, .title),
                       fromPlan: f[.fromPlan].flatMap { identifier($0, field: "from-plan") },
                       province: province,
                       level: topLevel ? f[.level].flatMap { enumeration($0, field: "level", as: Level.self) } : nil,
                       rules: rules.compactMap { mappingRule($0) }, location: id.location)
    }

    mutating func mappingRule(_ node: Node) -> MappingRule? {
        guard let f = fields(node, Place.mappingRule, field: "rules", allowed: Self.mappingRuleKeys) else { return nil }
        let oldNode = required(f, .old)
        let newNode = required(f, .new)
        guard let oldNode, let newNode, let old = mapList(oldNode, field: "old", { decoder, item -> [Located<CourseCode>]? in
            let codes = decoder.courseCodeList(item, field: "old")
            return codes.isEmpty ? nil : codes
        }) else { return nil }
        let new = courseCodeList(newNode, field: "new")
        let need = f[.need].flatMap { integer($0, field: "need", minimum: 1) } ?? old.count
        if need > old.count, let needNode = f[.need] {
            diagnostics.append(DiagnosticMessages.invalidValue(
                "need", value: String(need),
                expected: .init(zh: "不大于 old 的条目数 \(old.count)", en: "at most the \(old.count) entries of old"),
                at: location(of: needNode)))
        }
        guard !old.isEmpty, !new.isEmpty else { return nil }
        return MappingRule(old: old, need: min(need, old.count), new: new, location: location(f.start))
    }

    mutating func additionalCourses(_ node: Node) -> AdditionalCourses? {
        guard let f = fields(node, Place.additional, field: "additional-courses",
                             allowed: Self.additionalKeys)
        else { return nil }
        let id = required(f, .id).flatMap { identifier($0, field: "id") }
        let courses = required(f, .courses).map { courseCodeList($0, field: "courses") }
        guard let id, let courses else { return nil }
        let condition: AdditionalCourses.Condition
        switch (f[.whenPriorFieldIn], f[.whenPriorFieldNotIn]) {
        case (let fields?, nil): condition = .priorFieldIn(stringList(fields, field: "when-prior-field-in").map(\.value))
        case (nil, let fields?): condition = .priorFieldNotIn(stringList(fields, field: "when-prior-field-not-in").map(\.value))
        case (_?, _?):
            diagnostics.append(DiagnosticMessages.conflictingKeys(
                ["when-prior-field-in", "when-prior-field-not-in"], in: Place.additional,
                at: location(f.keyNode(.whenPriorFieldNotIn).map { document[$0].start } ?? f.start),
                firstAt: location(f.keyNode(.whenPriorFieldIn).map { document[$0].start } ?? f.start)))
            return nil
        case (nil, nil):
            diagnostics.append(DiagnosticMessages.missingShape(["when-prior-field-in", "when-prior-field-not-in"], in: Place.additional, at: location(f.start)))
            return nil
        }
        return AdditionalCourses(id: id.value, title: optionalString(f, .title), condition: condition, courses: courses, location: id.location)
    }
}

extension Requirement.Shape {
    var childrenForValidation: [Requirement] {
        switch self {
        case .allOf(let nodes), .choose(_, let nodes), .alternatives(let nodes): nodes
        case .course, .pool: []
        }
    }
}

extension Diagnostic {
    /// Adds why a key is unknown here: it belongs to another shape.
    func explaining(onlyWith shape: String) -> Diagnostic {
        var copy = self
        copy.remedy = .init(zh: "该键只能与 \(shape) 一起使用", en: "this key is used only with '\(shape)'")
        copy.fixIts = []
        return copy
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\u{3000}" && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
