// Decoding of majors and their plans.
extension NodeDecoder {
    private static let majorKeys: KeySet = [
        .code, .name, .level, .province, .institutions, .status, .stoppedSince, .formerCodes,
        .prerequisite, .catalogs, .source, .plans, .note, .notes,
    ]
    private static let prerequisiteKeys: KeySet = [.priorDiploma, .nationalEducationSeriesOnly, .verified]
    private static let planKeys: KeySet = [
        .id, .version, .effectiveFrom, .effectiveUntil, .supersedes, .institutions, .totalCredits,
        .minCourses, .passMark, .graduationRule, .sources, .confidence, .notes, .note, .requirements,
        .substitutions, .mappings, .additionalCourses,
    ]
    private static let citationKeys: KeySet = [.ref, .locator, .note]

    mutating func major(_ node: Node, defaultProvince: Located<String>?) -> (Major, [Plan])? {
        guard let f = fields(node, Place.major, field: "majors", allowed: Self.majorKeys) else { return nil }
        let code = required(f, .code).flatMap { majorCode($0, field: "code") }
        let name = required(f, .name).flatMap { string($0, field: "name") }
        // A misspelt level (专升本科) is reported and read as its fix, so the plans are still checked.
        let level = required(f, .level).flatMap { enumeration($0, field: "level", as: Level.self, recovering: true) }
        let province = province(of: f, default: defaultProvince)
        guard let code, let name, let level, let province else {
            // The major cannot be built; its plans are still decoded, for their own mistakes, and then dropped.
            let placeholder = MajorKey(province: province?.value ?? "", code: code?.value ?? "")
            let place = province ?? Located("", at: location(of: node))
            _ = optionalList(f, .plans) { $0.plan($1, major: placeholder, province: place) }
            return nil
        }
        let key = MajorKey(province: province.value, code: code.value)

        var prerequisite: Prerequisite? = level.isBachelor ? .bachelorDefault : nil
        if let node = f[.prerequisite] {
            prerequisite = self.prerequisite(node)
        }
        let plans = optionalList(f, .plans) { $0.plan($1, major: key, province: province) }
        let institutions = f[.institutions].map { stringList($0, field: "institutions") } ?? []
        var institutionsLocation = f[.institutions].map { location(of: $0) }
        if let first = institutions.first?.location, let last = institutions.last?.location {
            // The names themselves, first to last (a flow list's `[` or a block list's `-` is not the list).
            institutionsLocation = SourceLocation(file: file, line: first.line, column: first.column,
                                                  endLine: last.endLine, endColumn: last.endColumn)
        }
        let major = Major(
            key: key, name: name, level: level,
            institutions: institutions,
            status: f[.status].flatMap { enumeration($0, field: "status", as: MajorStatus.self) } ?? .open,
            stoppedSince: optionalDate(f, .stoppedSince),
            formerCodes: optionalList(f, .formerCodes) { $0.majorCode($1, field: "former-codes") },
            prerequisite: prerequisite,
            catalogs: optionalList(f, .catalogs) { $0.codeLikeString($1, field: "catalogs")},
            source: f[.source].flatMap { locatedString($0, field: "source") },
            planIDs: plans.map(\.id),
            location: code.location,
            provinceLocation: province.location,
            institutionsLocation: institutionsLocation)
        return (major, plans)
    }

    mutating func prerequisite(_ node: Node) -> Prerequisite? {
        guard let f = fields(node, Place.prerequisite, field: "prerequisite",
                             allowed: Self.prerequisiteKeys)
        else { return nil }
        let defaults = Prerequisite.bachelorDefault
        return Prerequisite(
            priorDiploma: f[.priorDiploma].map { levels in
                (list(levels, field: "prior-diploma") ?? []).compactMap { enumeration($0, field: "prior-diploma", as: DiplomaLevel.self) }
            } ?? defaults.priorDiploma,
            nationalEducationSeriesOnly: f[.nationalEducationSeriesOnly].flatMap { boolean($0, field: "national-education-series-only") } ?? false,
            verified: f[.verified].flatMap { boolean($0, field: "verified") } ?? true,
            location: location(f.start))
    }

    mutating func plan(_ node: Node, major: MajorKey, province: Located<String>) -> Plan? {
        guard let f = fields(node, Place.plan, field: "plans", allowed: Self.planKeys) else { return nil }
        let id = required(f, .id).flatMap { identifier($0, field: "id") }
        let version = required(f, .version).flatMap { codeLikeString($0, field: "version")}
        let requirementsNode = required(f, .requirements)

        // Every field is decoded before the plan is given up for a missing id, version or requirements, so that all
        // of its mistakes are reported in one pass. An item of the requirements, substitutions, mappings or
        // additional courses that could not be decoded is missing from the plan.
        let dropped = droppedItems
        let children = requirementsNode.flatMap { mapList($0, field: "requirements") { $0.requirement($1) } } ?? []
        let substitutions = optionalList(f, .substitutions) { $0.substitution($1) }
        let mappings = optionalList(f, .mappings) { $0.mapping($1, defaultProvince: nil, topLevel: false) }
        let additionalCourses = optionalList(f, .additionalCourses) { $0.additionalCourses($1) }
        var notes = f[.notes].map { stringList($0, field: "notes").map(\.value) } ?? []
        if let note = optionalString(f, .note) { notes.insert(note, at: 0) }
        let effectiveFrom = optionalDate(f, .effectiveFrom)
        let effectiveUntil = optionalDate(f, .effectiveUntil)
        let supersedes = f[.supersedes].flatMap { identifier($0, field: "supersedes") }
        let institutions = f[.institutions].map { stringList($0, field: "institutions") } ?? []
        let totalCredits = locatedInteger(f, .totalCredits)
        let minCourses = locatedInteger(f, .minCourses)
        let passMark = optionalInteger(f, .passMark, minimum: 1) ?? -1
        let graduationRule = optionalString(f, .graduationRule)
        let sources = optionalList(f, .sources) { $0.citation($1) }
        let confidence = f[.confidence].flatMap { enumeration($0, field: "confidence", as: Confidence.self) }
        guard let id, let version, let requirementsNode else { return nil }
        if droppedItems > dropped { incompletePlans.append(id.value) }
        let root = Requirement(id: id.value, title: nil, note: nil, when: nil, shared: false,
                               shape: .allOf(children), location: startLocation(of: requirementsNode))
        return Plan(
            id: id.value, major: major, version: version,
            effectiveFrom: effectiveFrom, effectiveUntil: effectiveUntil,
            supersedes: supersedes,
            institutions: institutions,
            totalCredits: totalCredits,
            minCourses: minCourses,
            passMark: passMark,
            graduationRule: graduationRule,
            sources: sources,
            confidence: confidence,
            notes: notes,
            requirements: root,
            substitutions: substitutions,
            mappings: mappings,
            additionalCourses: additionalCourses,
            location: id.location)
    }

    mutating func citation(_ node: Node) -> Citation? {
        if isScalar(node) {
            guard let ref = identifier(node, field: "sources") else { return nil }
            return Citation(source: ref, locator: nil, location: ref.location)
        }
        guard let f = fields(node, Place.citation, field: "sources", allowed: Self.citationKeys) else { return nil }
        guard let ref = required(f, .ref).flatMap({ identifier($0, field: "ref") }) else { return nil }
        return Citation(source: ref, locator: optionalString(f, .locator), location: ref.location)
    }
}
