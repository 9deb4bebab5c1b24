// Decoding of the catalog entities: provinces, sources, courses, renames, equivalences, institutions, exemptions.
extension NodeDecoder {
    private static let provinceKeys: KeySet = [.name, .passMark, .maxInstitutionsPerApplication, .stoppedMajorRule,
                                                     .graduationApplication, .note]
    private static let stoppedMajorRuleKeys: KeySet = [.source, .note]
    private static let sourceKeys: KeySet = [.id, .document, .url, .confidence, .note]
    private static let courseKeys: KeySet = [.code, .name, .credits, .kind, .theory, .formerNames, .note, .examinedFrom, .examinedUntil]
    private static let renameKeys: KeySet = [.from, .to, .note]
    private static let equivalenceKeys: KeySet = [.codes, .note]
    private static let institutionKeys: KeySet = [.name, .province, .code, .note]
    private static let exemptionKeys: KeySet = [.id, .certificate, .province, .exempts, .obtainedBefore, .obtainedFrom, .source, .note]

    mutating func province(_ node: Node) -> Province? {
        guard let f = fields(node, Place.province, field: "provinces",
                             allowed: Self.provinceKeys)
        else { return nil }
        guard let name = required(f, .name).flatMap({ string($0, field: "name") }) else { return nil }
        var rule: StoppedMajorRule?
        if let ruleNode = f[.stoppedMajorRule],
           let r = fields(ruleNode, Place.stoppedMajorRule, field: "stopped-major-rule", allowed: Self.stoppedMajorRuleKeys) {
            rule = StoppedMajorRule(source: r[.source].flatMap { locatedString($0, field: "source") },
                                    note: optionalString(r, .note), location: location(of: ruleNode))
        }
        let maxInstitutions = optionalInteger(f, .maxInstitutionsPerApplication, minimum: 1)
        let policy = f[.graduationApplication].flatMap { applicationPolicy($0, maxInstitutions: maxInstitutions) }
        return Province(
            name: name,
            passMark: optionalInteger(f, .passMark, minimum: 1) ?? Province.defaultPassMark,
            maxInstitutionsPerApplication: policy?.maxInstitutions ?? maxInstitutions ?? Province.defaultMaxInstitutions,
            stoppedMajorRule: rule,
            graduationApplication: policy,
            location: location(f.start))
    }

    mutating func source(_ node: Node) -> Source? {
        guard let f = fields(node, Place.source, field: "sources", allowed: Self.sourceKeys) else { return nil }
        guard let id = required(f, .id).flatMap({ identifier($0, field: "id") }),
              let document = required(f, .document).flatMap({ string($0, field: "document") })
        else { return nil }
        return Source(id: id.value, document: document, url: optionalString(f, .url),
                      confidence: f[.confidence].flatMap { enumeration($0, field: "confidence", as: Confidence.self) },
                      note: optionalString(f, .note), location: id.location)
    }

    mutating func course(_ node: Node) -> Course? {
        guard let f = fields(node, Place.course, field: "courses",
                             allowed: Self.courseKeys)
        else { return nil }
        let code = required(f, .code).flatMap { courseCode($0, field: "code") }
        let name = required(f, .name).flatMap { string($0, field: "name") }
        let credits = required(f, .credits).flatMap { integer($0, field: "credits") }
        let kind = f[.kind].flatMap { enumeration($0, field: "kind", as: CourseKind.self) } ?? .theory
        let theory = f[.theory].flatMap { courseCode($0, field: "theory") }
        guard let code, let name, let credits else {
            // Reported above; references to the code are not reported again as unknown.
            if let written = code?.value ?? f[.code].flatMap({ intendedCourseCode($0) }) { brokenCourses.append(written) }
            return nil
        }
        return Course(code: code.value, name: name, credits: credits, kind: kind, theory: theory,
                      formerNames: f[.formerNames].map { stringList($0, field: "former-names").map(\.value) } ?? [],
                      note: optionalString(f, .note), examinedFrom: optionalDate(f, .examinedFrom),
                      examinedUntil: optionalDate(f, .examinedUntil), location: code.location)
    }

    private static let categoryKeys: KeySet = [.id, .code, .catalog, .kind, .parent, .fields, .note]
    private static let categoryFieldKeys: KeySet = [.code, .name]

    /// A `field-categories` entry: `{id: 计算机类, code: "5102", parent: 电子与信息大类, fields: [...]}`.
    mutating func fieldCategory(_ node: Node) -> FieldCategory? {
        guard let f = fields(node, Place.fieldCategory, field: "field-categories", allowed: Self.categoryKeys) else { return nil }
        guard let id = required(f, .id).flatMap({ locatedString($0, field: "id") }) else { return nil }
        let members = f[.fields].flatMap { list in
            mapList(list, field: "fields") { decoder, item -> FieldCategory.Field? in
                if decoder.isScalar(item) {
                    guard let name = decoder.locatedString(item, field: "fields") else { return nil }
                    return FieldCategory.Field(code: nil, name: name.value, location: name.location)
                }
                guard let entry = decoder.fields(item, Place.categoryField, field: "fields", allowed: Self.categoryFieldKeys),
                      let name = decoder.required(entry, .name).flatMap({ decoder.locatedString($0, field: "name") })
                else { return nil }
                return FieldCategory.Field(code: entry[.code].flatMap { decoder.codeLikeString($0, field: "code") },
                                           name: name.value, location: name.location)
            }
        } ?? []
        return FieldCategory(id: id.value, code: f[.code].flatMap { codeLikeString($0, field: "code") },
                             catalog: optionalString(f, .catalog), kind: optionalString(f, .kind),
                             parent: f[.parent].flatMap { locatedString($0, field: "parent") },
                             fields: members, location: id.location)
    }

    private static let attributeKeys: KeySet = [.id, .title, .note]

    /// A `candidate-attributes` entry: `{id: 港澳台, title: 港澳台考生}`.
    mutating func candidateAttribute(_ node: Node) -> CandidateAttribute? {
        guard let f = fields(node, Place.candidateAttribute, field: "candidate-attributes", allowed: Self.attributeKeys),
              let id = required(f, .id).flatMap({ locatedString($0, field: "id") })
        else { return nil }
        return CandidateAttribute(id: id.value, title: optionalString(f, .title), note: optionalString(f, .note), location: id.location)
    }

    mutating func rename(_ node: Node) -> CourseRename? {
        guard let f = fields(node, Place.rename, field: "course-renames", allowed: Self.renameKeys) else { return nil }
        let from = required(f, .from).flatMap { courseCode($0, field: "from") }
        let to = required(f, .to).flatMap { courseCode($0, field: "to") }
        guard let from, let to else { return nil }
        return CourseRename(from: from, to: to, note: optionalString(f, .note), location: location(f.start))
    }

    mutating func equivalence(_ node: Node) -> Equivalence? {
        guard let f = fields(node, Place.equivalence, field: "equivalences", allowed: Self.equivalenceKeys) else { return nil }
        guard let codesNode = required(f, .codes) else { return nil }
        return Equivalence(codes: courseCodeList(codesNode, field: "codes"), note: optionalString(f, .note), location: location(f.start))
    }

    mutating func institution(_ node: Node, defaultProvince: Located<String>?) -> Institution? {
        guard let f = fields(node, Place.institution, field: "institutions", allowed: Self.institutionKeys) else { return nil }
        let name = required(f, .name).flatMap { locatedString($0, field: "name") }
        let province = province(of: f, default: defaultProvince)
        let code = f[.code].flatMap { codeLikeString($0, field: "code")}
        guard let name, let province else { return nil }
        return Institution(name: name.value, province: province, code: code, location: name.location)
    }

    mutating func exemption(_ node: Node, defaultProvince: Located<String>?) -> Exemption? {
        guard let f = fields(node, Place.exemption, field: "exemptions",
                             allowed: Self.exemptionKeys)
        else { return nil }
        let id = required(f, .id).flatMap { identifier($0, field: "id") }
        let certificate = required(f, .certificate).flatMap { string($0, field: "certificate") }
        let exempts = required(f, .exempts).map { courseCodeList($0, field: "exempts") } ?? []
        guard let id, let certificate else { return nil }
        let province = f[.province].flatMap { locatedString($0, field: "province") } ?? defaultProvince
        return Exemption(id: id.value, certificate: certificate, province: province, exempts: exempts,
                         obtainedBefore: optionalDate(f, .obtainedBefore), obtainedFrom: optionalDate(f, .obtainedFrom),
                         source: f[.source].flatMap { locatedString($0, field: "source") }, location: id.location)
    }
}
