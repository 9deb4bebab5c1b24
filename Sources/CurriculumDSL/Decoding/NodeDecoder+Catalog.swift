// Decoding of the catalog entities: provinces, sources, courses, renames, equivalences, institutions, exemptions.
extension NodeDecoder {
    mutating func province(_ node: YAMLNode) -> Province? {
        guard let f = fields(node, Place.province, field: "provinces",
                             allowed: ["name", "pass-mark", "max-institutions-per-application", "stopped-major-rule", "note"])
        else { return nil }
        guard let name = required(f, "name").flatMap({ string($0, field: "name") }) else { return nil }
        var rule: StoppedMajorRule?
        if let ruleNode = f["stopped-major-rule"],
           let r = fields(ruleNode, Place.stoppedMajorRule, field: "stopped-major-rule", allowed: ["source", "note"]) {
            rule = StoppedMajorRule(source: r["source"].flatMap { locatedString($0, field: "source") },
                                    note: optionalString(r, "note"), location: location(ruleNode.start))
        }
        return Province(
            name: name,
            passMark: optionalInteger(f, "pass-mark", minimum: 1) ?? Province.defaultPassMark,
            maxInstitutionsPerApplication: optionalInteger(f, "max-institutions-per-application", minimum: 1) ?? Province.defaultMaxInstitutions,
            stoppedMajorRule: rule,
            location: location(f.start))
    }

    mutating func source(_ node: YAMLNode) -> Source? {
        guard let f = fields(node, Place.source, field: "sources", allowed: ["id", "document", "url", "confidence", "note"]) else { return nil }
        guard let id = required(f, "id").flatMap({ identifier($0, field: "id") }),
              let document = required(f, "document").flatMap({ string($0, field: "document") })
        else { return nil }
        return Source(id: id.value, document: document, url: optionalString(f, "url"),
                      confidence: f["confidence"].flatMap { enumeration($0, field: "confidence", as: Confidence.self) },
                      note: optionalString(f, "note"), location: id.location)
    }

    mutating func course(_ node: YAMLNode) -> Course? {
        guard let f = fields(node, Place.course, field: "courses",
                             allowed: ["code", "name", "credits", "kind", "theory", "former-names", "note"])
        else { return nil }
        let code = required(f, "code").flatMap { courseCode($0, field: "code") }
        let name = required(f, "name").flatMap { string($0, field: "name") }
        let credits = required(f, "credits").flatMap { integer($0, field: "credits") }
        let kind = f["kind"].flatMap { enumeration($0, field: "kind", as: CourseKind.self) } ?? .theory
        let theory = f["theory"].flatMap { courseCode($0, field: "theory") }
        guard let code, let name, let credits else { return nil }
        return Course(code: code.value, name: name, credits: credits, kind: kind, theory: theory,
                      formerNames: f["former-names"].map { stringList($0, field: "former-names").map(\.value) } ?? [],
                      note: optionalString(f, "note"), location: code.location)
    }

    mutating func rename(_ node: YAMLNode) -> CourseRename? {
        guard let f = fields(node, Place.rename, field: "course-renames", allowed: ["from", "to", "note"]) else { return nil }
        let from = required(f, "from").flatMap { courseCode($0, field: "from") }
        let to = required(f, "to").flatMap { courseCode($0, field: "to") }
        guard let from, let to else { return nil }
        return CourseRename(from: from, to: to, note: optionalString(f, "note"), location: location(f.start))
    }

    mutating func equivalence(_ node: YAMLNode) -> Equivalence? {
        guard let f = fields(node, Place.equivalence, field: "equivalences", allowed: ["codes", "note"]) else { return nil }
        guard let codesNode = required(f, "codes") else { return nil }
        return Equivalence(codes: courseCodeList(codesNode, field: "codes"), note: optionalString(f, "note"), location: location(f.start))
    }

    mutating func institution(_ node: YAMLNode, defaultProvince: Located<String>?) -> Institution? {
        guard let f = fields(node, Place.institution, field: "institutions", allowed: ["name", "province", "code", "note"]) else { return nil }
        let name = required(f, "name").flatMap { locatedString($0, field: "name") }
        let province = province(of: f, default: defaultProvince)
        let code = f["code"].flatMap { codeLikeString($0, field: "code")?.text }
        guard let name, let province else { return nil }
        return Institution(name: name.value, province: province, code: code, location: name.location)
    }

    mutating func exemption(_ node: YAMLNode, defaultProvince: Located<String>?) -> Exemption? {
        guard let f = fields(node, Place.exemption, field: "exemptions",
                             allowed: ["id", "certificate", "province", "exempts", "obtained-before", "obtained-from", "source", "note"])
        else { return nil }
        let id = required(f, "id").flatMap { identifier($0, field: "id") }
        let certificate = required(f, "certificate").flatMap { string($0, field: "certificate") }
        let exempts = required(f, "exempts").map { courseCodeList($0, field: "exempts") } ?? []
        guard let id, let certificate else { return nil }
        let province = f["province"].flatMap { locatedString($0, field: "province") } ?? defaultProvince
        return Exemption(id: id.value, certificate: certificate, province: province, exempts: exempts,
                         obtainedBefore: optionalDate(f, "obtained-before"), obtainedFrom: optionalDate(f, "obtained-from"),
                         source: f["source"].flatMap { locatedString($0, field: "source") }, location: id.location)
    }
}
