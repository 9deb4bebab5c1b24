// Decoding of requirement trees, substitutions, mappings and additional courses.
extension NodeDecoder {
    /// The keys that give a requirement node its shape (exactly one per node).
    static let shapeKeys = shapeKeySet.names
    static let shapeKeySet: KeySet = [.course, .allOf, .oneOf, .choose, .pool, .alternatives]
    static let requirementKeys = shapeKeySet + [.id, .title, .note, .when, .shared, .of, .minCredits, .minCourses, .maxCredits,
                                                .onlyIf, .passedFrom, .passedUntil]
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
        var node = Requirement(id: id, title: optionalString(f, .title), note: optionalString(f, .note),
                               when: optionalString(f, .when),
                               shared: f[.shared].flatMap { boolean($0, field: "shared") } ?? false,
                               shape: shape, location: explicitID?.location ?? codeLocation ?? location(f.start),
                               codeLocation: explicitID == nil ? nil : codeLocation)
        node.onlyIf = f[.onlyIf].flatMap { condition($0) }
        node.window = window(f)
        return node
    }

    private static let conditionKeys: KeySet = [.choice, .attribute]
    private static let choiceKeys: KeySet = [.requirement, .option, .plan]

    /// `only-if: {choice: {requirement: R, option: O, plan: P}, attribute: [A, ...]}` (at least one part).
    mutating func condition(_ node: Node) -> RuleCondition? {
        guard let f = fields(node, Place.condition, field: "only-if", allowed: Self.conditionKeys) else { return nil }
        var choice: ChoiceCondition?
        if let choiceNode = f[.choice], let c = fields(choiceNode, Place.choice, field: "choice", allowed: Self.choiceKeys) {
            let requirement = required(c, .requirement).flatMap { identifier($0, field: "requirement") }
            let option = required(c, .option).flatMap { identifier($0, field: "option") }
            if let requirement, let option {
                choice = ChoiceCondition(requirement: requirement, option: option,
                                         plan: c[.plan].flatMap { identifier($0, field: "plan") })
            }
        }
        let attributes = f[.attribute].map { stringList($0, field: "attribute") } ?? []
        if choice == nil && attributes.isEmpty {
            if f[.choice] == nil && f[.attribute] == nil {
                diagnostics.append(DiagnosticMessages.missingShape(["choice", "attribute"], in: Place.condition, at: location(f.start)))
            }
            return nil
        }
        return RuleCondition(choice: choice, attributes: attributes, location: location(f.start))
    }

    /// `passed-from` / `passed-until` of a rule, if either is written.
    mutating func window(_ f: Fields) -> PassWindow? {
        let from = optionalDate(f, .passedFrom)
        let until = optionalDate(f, .passedUntil)
        guard from != nil || until != nil else { return nil }
        let at = f.keyNode(.passedFrom) ?? f.keyNode(.passedUntil)
        if let from, let until, until < from, let node = f[.passedUntil] {
            diagnostics.append(DiagnosticMessages.invalidValue(
                "passed-until", value: until.description,
                expected: .init(zh: "不早于 passed-from \(from)", en: "not before passed-from \(from)"), at: location(of: node)))
        }
        return PassWindow(from: from, until: until, location: at.map { location(document[$0].start) })
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
        return Substitution(id: id.value, title: optionalString(f, .title), replaces: replaces, form: form,
                            onlyIf: f[.onlyIf].flatMap { condition($0) }, window: window(f), location: id.location)
    }

    private static let substitutionKeys: KeySet = [.id, .title, .note, .replaces, .minCredits, .from, .allOf, .onlyIf, .passedFrom, .passedUntil]
    private static let mappingRuleKeys: KeySet = [.old, .need, .new, .note, .creditsOnly, .keepsOld, .onlyIf, .passedFrom, .passedUntil]
    private static let additionalKeys: KeySet = [.id, .title, .note, .whenPriorFieldIn, .whenPriorFieldNotIn, .courses,
                                                 .whenPriorCategoryIn, .whenPriorCategoryNotIn, .exceptFields, .institutions, .onlyIf]
    private static let topLevelMappingKeys: KeySet = [.id, .title, .note, .province, .level, .fromPlan, .rules, .onlyIf, .passedFrom, .passedUntil]
    private static let planMappingKeys: KeySet = [.id, .title, .note, .fromPlan, .rules, .onlyIf, .passedFrom, .passedUntil]

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
                       rules: rules.compactMap { mappingRule($0) },
                       onlyIf: f[.onlyIf].flatMap { condition($0) }, window: window(f), location: id.location)
    }

    mutating func mappingRule(_ node: Node) -> MappingRule? {
        guard let f = fields(node, Place.mappingRule, field: "rules", allowed: Self.mappingRuleKeys) else { return nil }
        let creditsOnly = f[.creditsOnly].flatMap { boolean($0, field: "credits-only") } ?? false
        let oldNode = required(f, .old)
        if creditsOnly, let newNode = f[.new] {
            diagnostics.append(DiagnosticMessages.conflictingKeys(
                ["credits-only", "new"], in: Place.mappingRule, at: location(of: newNode),
                firstAt: location(f.keyNode(.creditsOnly).map { document[$0].start } ?? f.start)))
        }
        let newNode = creditsOnly ? nil : required(f, .new)
        guard let oldNode, creditsOnly || newNode != nil, let old = mapList(oldNode, field: "old", { decoder, item -> [Located<CourseCode>]? in
            let codes = decoder.courseCodeList(item, field: "old")
            return codes.isEmpty ? nil : codes
        }) else { return nil }
        let new = newNode.map { courseCodeList($0, field: "new") } ?? []
        let need = f[.need].flatMap { integer($0, field: "need", minimum: 1) } ?? old.count
        if need > old.count, let needNode = f[.need] {
            diagnostics.append(DiagnosticMessages.invalidValue(
                "need", value: String(need),
                expected: .init(zh: "不大于 old 的条目数 \(old.count)", en: "at most the \(old.count) entries of old"),
                at: location(of: needNode)))
        }
        guard !old.isEmpty, creditsOnly || !new.isEmpty else { return nil }
        let keepsOld = f[.keepsOld].flatMap { boolean($0, field: "keeps-old") } ?? false
        return MappingRule(old: old, need: creditsOnly ? 1 : min(need, old.count), new: new, creditsOnly: creditsOnly, keepsOld: keepsOld && !creditsOnly,
                           onlyIf: f[.onlyIf].flatMap { condition($0) }, window: window(f), location: location(f.start))
    }

    mutating func additionalCourses(_ node: Node) -> AdditionalCourses? {
        guard let f = fields(node, Place.additional, field: "additional-courses",
                             allowed: Self.additionalKeys)
        else { return nil }
        let id = required(f, .id).flatMap { identifier($0, field: "id") }
        let courses = required(f, .courses).map { courseCodeList($0, field: "courses") }
        guard let id, let courses else { return nil }
        let conditionKeys: KeySet = [.whenPriorFieldIn, .whenPriorFieldNotIn, .whenPriorCategoryIn, .whenPriorCategoryNotIn]
        let present = f.present(conditionKeys)
        guard let first = present.first else {
            diagnostics.append(DiagnosticMessages.missingShape(conditionKeys.names, in: Place.additional, at: location(f.start)))
            return nil
        }
        if present.count > 1 {
            diagnostics.append(DiagnosticMessages.conflictingKeys(
                present.map(\.key.name), in: Place.additional,
                at: keyLocation(present[1]), firstAt: location(document[first.keyNode].start)))
            return nil
        }
        let trigger: AdditionalCourses.Condition
        switch first.key {
        case .whenPriorFieldIn: trigger = .priorFieldIn(stringList(first.value, field: first.key.name).map(\.value))
        case .whenPriorFieldNotIn: trigger = .priorFieldNotIn(stringList(first.value, field: first.key.name).map(\.value))
        case .whenPriorCategoryIn: trigger = .priorCategoryIn(stringList(first.value, field: first.key.name))
        default: trigger = .priorCategoryNotIn(stringList(first.value, field: first.key.name))
        }
        return AdditionalCourses(id: id.value, title: optionalString(f, .title), condition: trigger, courses: courses,
                                 exceptFields: f[.exceptFields].map { stringList($0, field: "except-fields").map(\.value) } ?? [],
                                 institutions: f[.institutions].map { stringList($0, field: "institutions") } ?? [],
                                 onlyIf: f[.onlyIf].flatMap { condition($0) }, location: id.location)
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
