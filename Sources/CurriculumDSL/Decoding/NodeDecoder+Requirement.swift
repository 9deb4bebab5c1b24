// Decoding of requirement trees, substitutions, mappings and additional courses.
extension NodeDecoder {
    static let shapeKeys = ["course", "all-of", "one-of", "choose", "pool", "alternatives"]
    static let requirementKeys = shapeKeys + ["id", "title", "note", "when", "shared", "of", "min-credits", "min-courses", "max-credits"]

    mutating func requirement(_ node: YAMLNode) -> Requirement? {
        if case .scalar = node { return courseShorthand(node) }
        guard let f = fields(node, Place.requirement, field: "requirements", allowed: Self.requirementKeys) else { return nil }
        let shapes = f.present(Self.shapeKeys)
        guard let shapeEntry = shapes.first else {
            diagnostics.append(DiagnosticMessages.missingShape(Self.shapeKeys, in: Place.requirement, at: location(f.start)))
            return nil
        }
        if shapes.count > 1 {
            diagnostics.append(DiagnosticMessages.conflictingKeys(
                shapes.map(\.key.text), in: Place.requirement,
                at: location(shapes[1].key.start, shapes[1].key.end), firstAt: location(shapeEntry.key.start)))
        }
        let shapeKey = shapeEntry.key.text
        checkOnly(f, keys: ["of"], allowedWith: "choose", shape: shapeKey)
        checkOnly(f, keys: ["min-credits", "min-courses", "max-credits"], allowedWith: "pool", shape: shapeKey)

        let explicitID = f["id"].flatMap { identifier($0, field: "id") }
        var shape: Requirement.Shape
        var defaultID: String?
        switch shapeKey {
        case "course":
            guard let leaf = courseShorthand(shapeEntry.value) else { return nil }
            shape = leaf.shape
            defaultID = leaf.id
        case "all-of":
            shape = .allOf(children(shapeEntry.value, field: "all-of"))
        case "one-of":
            shape = .choose(count: 1, of: children(shapeEntry.value, field: "one-of"))
        case "choose":
            let count = integer(shapeEntry.value, field: "choose", minimum: 1) ?? 1
            guard let of = required(f, "of") else { return nil }
            shape = .choose(count: count, of: children(of, field: "of"))
        case "pool":
            shape = .pool(courses: courseCodeList(shapeEntry.value, field: "pool"),
                          minCredits: optionalInteger(f, "min-credits"),
                          minCourses: optionalInteger(f, "min-courses"),
                          maxCredits: optionalInteger(f, "max-credits"))
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
        return Requirement(id: id, title: optionalString(f, "title"), note: optionalString(f, "note"),
                           when: optionalString(f, "when"),
                           shared: f["shared"].flatMap { boolean($0, field: "shared") } ?? false,
                           shape: shape, location: explicitID?.location ?? location(f.start))
    }

    private mutating func children(_ node: YAMLNode, field: String) -> [Requirement] {
        guard let items = list(node, field: field) else { return [] }
        if items.isEmpty {
            diagnostics.append(DiagnosticMessages.typeMismatch(field, expected: Expected.list, found: .init(zh: "空列表", en: "an empty list"),
                                                               at: location(of: node)))
        }
        return items.compactMap { requirement($0) }
    }

    private mutating func checkOnly(_ f: Fields, keys: [String], allowedWith shape: String, shape actual: String) {
        guard actual != shape else { return }
        for entry in f.present(keys) {
            diagnostics.append(DiagnosticMessages.unknownKey(entry.key.text, in: Place.requirement,
                                                             allowed: ["id", "title", "note", "when", "shared", actual],
                                                             at: location(entry.key.start, entry.key.end)).explaining(onlyWith: shape))
        }
    }

    /// `"03708"` or `03708 中国近现代史纲要`: a course node whose id is the code.
    mutating func courseShorthand(_ node: YAMLNode) -> Requirement? {
        guard let scalar = scalar(node, field: "course", expected: Expected.requirement) else { return nil }
        let text = scalar.text
        let split = text.unicodeScalars.firstIndex { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        let codeText = split.map { String(text.unicodeScalars[..<$0]) } ?? text
        let name = split.map { String(text.unicodeScalars[$0...]).trimmingSpaces() }
        let whole = location(scalar.start, scalar.end)
        var codeLocation = whole
        if split != nil, scalar.style == .plain {
            codeLocation.endLine = codeLocation.line
            codeLocation.endColumn = codeLocation.column + codeText.unicodeScalars.count
        } else if scalar.style == .plain, let reading = ImplicitTyping.otherToolsReading(text) {
            diagnostics.append(DiagnosticMessages.numberLikeString(text, readAs: reading, field: "course", at: whole))
        }
        guard let code = courseCode(text: codeText, at: codeLocation, field: "course") else { return nil }
        return Requirement(id: code.value.rawValue, title: nil, note: nil, when: nil, shared: false,
                           shape: .course(code.value, writtenName: name?.isEmpty == false ? name : nil), location: codeLocation)
    }

    mutating func substitution(_ node: YAMLNode) -> Substitution? {
        guard let f = fields(node, Place.substitution, field: "substitutions",
                             allowed: ["id", "title", "note", "replaces", "min-credits", "from", "all-of"])
        else { return nil }
        let id = required(f, "id").flatMap { identifier($0, field: "id") }
        let replaces = required(f, "replaces").flatMap { identifier($0, field: "replaces") }
        guard let id, let replaces else { return nil }
        let form: Substitution.Form
        switch (f["min-credits"], f["from"], f["all-of"]) {
        case (let min?, let from?, nil):
            form = .credits(minCredits: integer(min, field: "min-credits", minimum: 1) ?? 1, from: courseCodeList(from, field: "from"))
        case (nil, nil, let set?):
            form = .fixedSet(courseCodeList(set, field: "all-of"))
        case (_, _, _?):
            let keys = f.present(["min-credits", "from", "all-of"])
            diagnostics.append(DiagnosticMessages.conflictingKeys(
                keys.map(\.key.text), in: Place.substitution,
                at: location(keys[keys.count - 1].key.start, keys[keys.count - 1].key.end), firstAt: location(keys[0].key.start)))
            return nil
        case (nil, _, nil):
            diagnostics.append(DiagnosticMessages.missingKey(f["from"] == nil ? "min-credits / from" : "min-credits",
                                                             in: Place.substitution, at: location(f.start)))
            return nil
        case (_?, nil, nil):
            diagnostics.append(DiagnosticMessages.missingKey("from", in: Place.substitution, at: location(f.start)))
            return nil
        }
        return Substitution(id: id.value, title: optionalString(f, "title"), replaces: replaces, form: form, location: id.location)
    }

    mutating func mapping(_ node: YAMLNode, defaultProvince: Located<String>?, topLevel: Bool) -> Mapping? {
        let allowed = topLevel
            ? ["id", "title", "note", "province", "level", "from-plan", "rules"]
            : ["id", "title", "note", "from-plan", "rules"]
        guard let f = fields(node, Place.mapping, field: "mappings", allowed: allowed) else { return nil }
        let id = required(f, "id").flatMap { identifier($0, field: "id") }
        let rules = required(f, "rules").flatMap { list($0, field: "rules") }
        guard let id, let rules else { return nil }
        var province: Located<String>?
        if topLevel { province = self.province(of: f, default: defaultProvince) }
        return Mapping(id: id.value, title: optionalString(f, "title"),
                       fromPlan: f["from-plan"].flatMap { identifier($0, field: "from-plan") },
                       province: province,
                       level: topLevel ? f["level"].flatMap { enumeration($0, field: "level", as: Level.self) } : nil,
                       rules: rules.compactMap { mappingRule($0) }, location: id.location)
    }

    mutating func mappingRule(_ node: YAMLNode) -> MappingRule? {
        guard let f = fields(node, Place.mappingRule, field: "rules", allowed: ["old", "need", "new", "note"]) else { return nil }
        let oldNode = required(f, "old")
        let newNode = required(f, "new")
        guard let oldNode, let newNode, let oldItems = list(oldNode, field: "old") else { return nil }
        let old: [[Located<CourseCode>]] = oldItems.compactMap { item in
            let codes = courseCodeList(item, field: "old")
            return codes.isEmpty ? nil : codes
        }
        let new = courseCodeList(newNode, field: "new")
        let need = f["need"].flatMap { integer($0, field: "need", minimum: 1) } ?? old.count
        if need > old.count, let needNode = f["need"] {
            diagnostics.append(DiagnosticMessages.invalidValue(
                "need", value: String(need),
                expected: .init(zh: "不大于 old 的条目数 \(old.count)", en: "at most the \(old.count) entries of old"),
                at: location(of: needNode)))
        }
        guard !old.isEmpty, !new.isEmpty else { return nil }
        return MappingRule(old: old, need: min(need, old.count), new: new, location: location(f.start))
    }

    mutating func additionalCourses(_ node: YAMLNode) -> AdditionalCourses? {
        guard let f = fields(node, Place.additional, field: "additional-courses",
                             allowed: ["id", "title", "note", "when-prior-field-in", "when-prior-field-not-in", "courses"])
        else { return nil }
        let id = required(f, "id").flatMap { identifier($0, field: "id") }
        let courses = required(f, "courses").map { courseCodeList($0, field: "courses") }
        guard let id, let courses else { return nil }
        let condition: AdditionalCourses.Condition
        switch (f["when-prior-field-in"], f["when-prior-field-not-in"]) {
        case (let fields?, nil): condition = .priorFieldIn(stringList(fields, field: "when-prior-field-in").map(\.value))
        case (nil, let fields?): condition = .priorFieldNotIn(stringList(fields, field: "when-prior-field-not-in").map(\.value))
        case (_?, _?):
            diagnostics.append(DiagnosticMessages.conflictingKeys(
                ["when-prior-field-in", "when-prior-field-not-in"], in: Place.additional,
                at: location(f.keyMark("when-prior-field-not-in") ?? f.start), firstAt: location(f.keyMark("when-prior-field-in") ?? f.start)))
            return nil
        case (nil, nil):
            diagnostics.append(DiagnosticMessages.missingShape(["when-prior-field-in", "when-prior-field-not-in"], in: Place.additional, at: location(f.start)))
            return nil
        }
        return AdditionalCourses(id: id.value, title: optionalString(f, "title"), condition: condition, courses: courses, location: id.location)
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
