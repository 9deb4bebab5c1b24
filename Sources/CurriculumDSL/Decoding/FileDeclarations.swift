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
    var fieldCategories: [FieldCategory] = []
    var candidateAttributes: [CandidateAttribute] = []
    /// Where a course code is written inside a larger scalar (`03708 中国近现代史纲要`): how a fix-it writes a
    /// replacement code there. Codes not listed are standalone scalars, replaced by the quoted code.
    var codeSpellings: [SourceLocation: CodeSpelling] = [:]
    /// Codes of course definitions that could not be decoded (see `NodeDecoder.brokenCourses`).
    var brokenCourses: [CourseCode] = []
    /// Ids of plans with a part that could not be decoded (see `NodeDecoder.incompletePlans`).
    var incompletePlans: [String] = []

    static let topLevelKeys: KeySet = [
        .province, .provinces, .sources, .courses, .courseRenames, .equivalences,
        .institutions, .majors, .mappings, .exemptions, .fieldCategories, .candidateAttributes,
    ]
}

extension NodeDecoder {
    /// Decodes a whole file's root node.
    mutating func declarations(_ root: Node) -> FileDeclarations {
        var result = FileDeclarations()
        guard let top = fields(root, Place.file, field: "(file)", allowed: FileDeclarations.topLevelKeys) else { return result }
        if top.count == 0 {
            diagnostics.append(DiagnosticMessages.emptyMapping(at: location(top.start)))
            return result
        }
        let defaultProvince = top[.province].flatMap { locatedString($0, field: "province") }

        result.provinces = optionalList(top, .provinces) { $0.province($1) }
        result.sources = optionalList(top, .sources) { $0.source($1) }
        result.courses = optionalList(top, .courses) { $0.course($1) }
        result.renames = optionalList(top, .courseRenames) { $0.rename($1) }
        result.equivalences = optionalList(top, .equivalences) { $0.equivalence($1) }
        result.institutions = optionalList(top, .institutions) { $0.institution($1, defaultProvince: defaultProvince) }
        result.exemptions = optionalList(top, .exemptions) { $0.exemption($1, defaultProvince: defaultProvince) }
        result.mappings = optionalList(top, .mappings) { $0.mapping($1, defaultProvince: defaultProvince, topLevel: true) }
        result.fieldCategories = optionalList(top, .fieldCategories) { $0.fieldCategory($1) }
        result.candidateAttributes = optionalList(top, .candidateAttributes) { $0.candidateAttribute($1) }
        for (major, plans) in optionalList(top, .majors, { $0.major($1, defaultProvince: defaultProvince) }) {
            result.majors.append(major)
            result.plans.append(contentsOf: plans)
        }
        // A list key written twice (`institutions:` again further down) is yaml.duplicate-key; its second list is
        // read too, so that what it declares is not also reported missing everywhere it is used.
        for entry in document.duplicateEntries(of: document.resolved(root)) {
            guard let key = document.withBytes(entry.key, { Key.named($0) }) else { continue }
            let value = entry.value
            switch key {
            case .provinces: result.provinces += mapList(value, field: key.name) { $0.province($1) } ?? []
            case .sources: result.sources += mapList(value, field: key.name) { $0.source($1) } ?? []
            case .courses: result.courses += mapList(value, field: key.name) { $0.course($1) } ?? []
            case .courseRenames: result.renames += mapList(value, field: key.name) { $0.rename($1) } ?? []
            case .equivalences: result.equivalences += mapList(value, field: key.name) { $0.equivalence($1) } ?? []
            case .institutions:
                result.institutions += mapList(value, field: key.name) { $0.institution($1, defaultProvince: defaultProvince) } ?? []
            case .exemptions:
                result.exemptions += mapList(value, field: key.name) { $0.exemption($1, defaultProvince: defaultProvince) } ?? []
            case .mappings:
                result.mappings += mapList(value, field: key.name) { $0.mapping($1, defaultProvince: defaultProvince, topLevel: true) } ?? []
            case .majors:
                for (major, plans) in mapList(value, field: key.name, { $0.major($1, defaultProvince: defaultProvince) }) ?? [] {
                    result.majors.append(major)
                    result.plans.append(contentsOf: plans)
                }
            default: continue
            }
        }
        result.codeSpellings = codeSpellings
        result.brokenCourses = brokenCourses
        result.incompletePlans = incompletePlans
        return result
    }

    /// The province an entry belongs to: its own `province:` or the file's.
    mutating func province(of fields: Fields, default defaultProvince: Located<String>?) -> Located<String>? {
        if let node = fields[.province] { return locatedString(node, field: "province") }
        if let defaultProvince { return defaultProvince }
        diagnostics.append(DiagnosticMessages.missingKey("province", in: fields.what, at: location(fields.start)))
        return nil
    }
}

/// How a replacement course code is written at a given place: `prefix + code + suffix` replaces the place.
struct CodeSpelling: Sendable, Hashable {
    var prefix: String
    var suffix: String

    /// A scalar of its own: the quoted code (an unquoted code would become a number in other tools).
    static let standalone = CodeSpelling(prefix: "\"", suffix: "\"")
    /// The digits inside a scalar that also holds a name: just the digits, no quotes.
    static let embedded = CodeSpelling(prefix: "", suffix: "")

    func writing(_ code: String) -> String { prefix + code + suffix }

    /// `text` escaped for the inside of a double-quoted scalar.
    static func doubleQuotedBody(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
