// Decoding of majors and their plans.
extension NodeDecoder {
    mutating func major(_ node: YAMLNode, defaultProvince: Located<String>?) -> (Major, [Plan])? {
        guard let f = fields(node, Place.major, field: "majors", allowed: [
            "code", "name", "level", "province", "institutions", "status", "stopped-since", "former-codes",
            "prerequisite", "catalogs", "source", "plans", "note", "notes",
        ]) else { return nil }
        let code = required(f, "code").flatMap { majorCode($0, field: "code") }
        let name = required(f, "name").flatMap { string($0, field: "name") }
        let level = required(f, "level").flatMap { enumeration($0, field: "level", as: Level.self) }
        let province = province(of: f, default: defaultProvince)
        guard let code, let name, let level, let province else { return nil }
        let key = MajorKey(province: province.value, code: code.value)

        var prerequisite: Prerequisite? = level.isBachelor ? .bachelorDefault : nil
        if let node = f["prerequisite"] {
            prerequisite = self.prerequisite(node)
        }
        let plans = optionalList(f, "plans") { $0.plan($1, major: key, province: province) }
        let major = Major(
            key: key, name: name, level: level,
            institutions: f["institutions"].map { stringList($0, field: "institutions") } ?? [],
            status: f["status"].flatMap { enumeration($0, field: "status", as: MajorStatus.self) } ?? .open,
            stoppedSince: optionalDate(f, "stopped-since"),
            formerCodes: optionalList(f, "former-codes") { $0.majorCode($1, field: "former-codes") },
            prerequisite: prerequisite,
            catalogs: optionalList(f, "catalogs") { $0.codeLikeString($1, field: "catalogs")?.text },
            source: f["source"].flatMap { locatedString($0, field: "source") },
            planIDs: plans.map(\.id),
            location: code.location)
        return (major, plans)
    }

    mutating func prerequisite(_ node: YAMLNode) -> Prerequisite? {
        guard let f = fields(node, Place.prerequisite, field: "prerequisite",
                             allowed: ["prior-diploma", "national-education-series-only", "verified"])
        else { return nil }
        let defaults = Prerequisite.bachelorDefault
        return Prerequisite(
            priorDiploma: f["prior-diploma"].map { levels in
                (list(levels, field: "prior-diploma") ?? []).compactMap { enumeration($0, field: "prior-diploma", as: DiplomaLevel.self) }
            } ?? defaults.priorDiploma,
            nationalEducationSeriesOnly: f["national-education-series-only"].flatMap { boolean($0, field: "national-education-series-only") } ?? false,
            verified: f["verified"].flatMap { boolean($0, field: "verified") } ?? true,
            location: location(f.start))
    }

    mutating func plan(_ node: YAMLNode, major: MajorKey, province: Located<String>) -> Plan? {
        guard let f = fields(node, Place.plan, field: "plans", allowed: [
            "id", "version", "effective-from", "effective-until", "supersedes", "institutions", "total-credits",
            "min-courses", "pass-mark", "graduation-rule", "sources", "confidence", "notes", "note", "requirements",
            "substitutions", "mappings", "additional-courses",
        ]) else { return nil }
        let id = required(f, "id").flatMap { identifier($0, field: "id") }
        let version = required(f, "version").flatMap { codeLikeString($0, field: "version")?.text }
        let requirementsNode = required(f, "requirements")
        guard let id, let version, let requirementsNode else { return nil }

        var children: [Requirement] = []
        if let items = list(requirementsNode, field: "requirements") {
            children = items.compactMap { requirement($0) }
        }
        let root = Requirement(id: id.value, title: nil, note: nil, when: nil, shared: false,
                               shape: .allOf(children), location: location(requirementsNode.start))
        var notes = f["notes"].map { stringList($0, field: "notes").map(\.value) } ?? []
        if let note = optionalString(f, "note") { notes.insert(note, at: 0) }
        return Plan(
            id: id.value, major: major, version: version,
            effectiveFrom: optionalDate(f, "effective-from"), effectiveUntil: optionalDate(f, "effective-until"),
            supersedes: f["supersedes"].flatMap { identifier($0, field: "supersedes") },
            institutions: f["institutions"].map { stringList($0, field: "institutions") } ?? [],
            totalCredits: locatedInteger(f, "total-credits"),
            minCourses: locatedInteger(f, "min-courses"),
            passMark: optionalInteger(f, "pass-mark", minimum: 1) ?? -1,
            graduationRule: optionalString(f, "graduation-rule"),
            sources: optionalList(f, "sources") { $0.citation($1) },
            confidence: f["confidence"].flatMap { enumeration($0, field: "confidence", as: Confidence.self) },
            notes: notes,
            requirements: root,
            substitutions: optionalList(f, "substitutions") { $0.substitution($1) },
            mappings: optionalList(f, "mappings") { $0.mapping($1, defaultProvince: nil, topLevel: false) },
            additionalCourses: optionalList(f, "additional-courses") { $0.additionalCourses($1) },
            location: id.location)
    }

    mutating func citation(_ node: YAMLNode) -> Citation? {
        if case .scalar = node {
            guard let ref = identifier(node, field: "sources") else { return nil }
            return Citation(source: ref, locator: nil, location: ref.location)
        }
        guard let f = fields(node, Place.citation, field: "sources", allowed: ["ref", "locator", "note"]) else { return nil }
        guard let ref = required(f, "ref").flatMap({ identifier($0, field: "ref") }) else { return nil }
        return Citation(source: ref, locator: optionalString(f, "locator"), location: ref.location)
    }
}
