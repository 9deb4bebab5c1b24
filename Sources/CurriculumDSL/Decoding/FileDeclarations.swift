/// Everything one curriculum file declares, decoded but not yet linked to the other files.
struct FileDeclarations: Sendable {
    var provinces: [Province] = []
    var sources: [Source] = []
    var courses: [Course] = []
    var renames: [CourseRename] = []
    var equivalences: [Equivalence] = []
    var institutions: [Institution] = []
    var majors: [Major] = []
    var plans: [Plan] = []
    var mappings: [Mapping] = []
    var exemptions: [Exemption] = []

    static let topLevelKeys = [
        "province", "provinces", "sources", "courses", "course-renames", "equivalences",
        "institutions", "majors", "mappings", "exemptions",
    ]
}

extension NodeDecoder {
    /// Decodes a whole file's root node.
    mutating func declarations(_ root: YAMLNode) -> FileDeclarations {
        var result = FileDeclarations()
        guard let top = fields(root, Place.file, field: "(file)", allowed: FileDeclarations.topLevelKeys) else { return result }
        let defaultProvince = top["province"].flatMap { locatedString($0, field: "province") }

        result.provinces = optionalList(top, "provinces") { $0.province($1) }
        result.sources = optionalList(top, "sources") { $0.source($1) }
        result.courses = optionalList(top, "courses") { $0.course($1) }
        result.renames = optionalList(top, "course-renames") { $0.rename($1) }
        result.equivalences = optionalList(top, "equivalences") { $0.equivalence($1) }
        result.institutions = optionalList(top, "institutions") { $0.institution($1, defaultProvince: defaultProvince) }
        result.exemptions = optionalList(top, "exemptions") { $0.exemption($1, defaultProvince: defaultProvince) }
        result.mappings = optionalList(top, "mappings") { $0.mapping($1, defaultProvince: defaultProvince, topLevel: true) }
        for (major, plans) in optionalList(top, "majors", { $0.major($1, defaultProvince: defaultProvince) }) {
            result.majors.append(major)
            result.plans.append(contentsOf: plans)
        }
        return result
    }

    /// The province an entry belongs to: its own `province:` or the file's.
    mutating func province(of fields: Fields, default defaultProvince: Located<String>?) -> Located<String>? {
        if let node = fields["province"] { return locatedString(node, field: "province") }
        if let defaultProvince { return defaultProvince }
        diagnostics.append(DiagnosticMessages.missingKey("province", in: fields.what, at: location(fields.start)))
        return nil
    }
}
