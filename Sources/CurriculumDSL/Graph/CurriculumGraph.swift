/// The compiled curriculum: every file's declarations linked into one immutable, `Sendable` value with
/// indexes for the questions audits and tools ask. Built by `CurriculumLoader` (or `CurriculumCompiler`).
public struct CurriculumGraph: Sendable {
    /// Provinces by name.
    public let provinces: [String: Province]
    /// Sources (documents that plans cite) by id.
    public let sources: [String: Source]
    /// The national course catalog by code.
    public let courses: [CourseCode: Course]
    /// Examining institutions (主考院校) by name.
    public let institutions: [String: Institution]
    /// Majors by province and code.
    public let majors: [MajorKey: Major]
    /// Plans by id.
    public let plans: [String: Plan]
    /// Course codes replaced by new codes.
    public let renames: [CourseRename]
    /// Groups of interchangeable codes.
    public let equivalences: [Equivalence]
    /// Province-wide mappings (plan mappings live in their plan).
    public let mappings: [Mapping]
    /// Certificate exemptions (免考).
    public let exemptions: [Exemption]
    /// 专业类 / 专业大类 by id, for 加考 by category.
    public let fieldCategories: [String: FieldCategory]
    /// Candidate attributes rules may depend on, by id.
    public let candidateAttributes: [String: CandidateAttribute]
    /// The categories of each prior field (by name), with the 大类 of each 专业类.
    let categoriesOfField: [String: Set<String>]

    let majorsByInstitution: [String: [MajorKey]]
    let majorsByCode: [String: [MajorKey]]
    let plansByCourse: [CourseCode: [String]]
    let equivalenceClasses: [CourseCode: [CourseCode]]
    let renamedTo: [CourseCode: CourseCode]
    /// Plans with a requirement, substitution or mapping the loader could not decode (reported): their arithmetic
    /// and satisfiability are not checked, as a part of them is missing.
    let incompletePlans: Set<String>
    /// Some file could not be read (reported), so what it declares is missing: checks about absence (an
    /// institution no major lists, a mapping no plan takes) are not made.
    let inputIncomplete: Bool

    init(provinces: [String: Province], sources: [String: Source], courses: [CourseCode: Course],
         institutions: [String: Institution], majors: [MajorKey: Major], plans: [String: Plan],
         renames: [CourseRename], equivalences: [Equivalence], mappings: [Mapping], exemptions: [Exemption],
         plansByCourse: [CourseCode: [String]]? = nil, incompletePlans: Set<String> = [], inputIncomplete: Bool = false,
         fieldCategories: [String: FieldCategory] = [:], candidateAttributes: [String: CandidateAttribute] = [:]) {
        self.fieldCategories = fieldCategories
        self.candidateAttributes = candidateAttributes
        var byField: [String: Set<String>] = [:]
        for category in fieldCategories.values {
            for field in category.fields {
                var chain: Set<String> = [category.id]
                var parent = category.parent?.value
                while let next = parent, !chain.contains(next) {
                    chain.insert(next)
                    parent = fieldCategories[next]?.parent?.value
                }
                byField[field.name, default: []].formUnion(chain)
                if let code = field.code { byField[code, default: []].formUnion(chain) }
            }
        }
        categoriesOfField = byField
        self.incompletePlans = incompletePlans
        self.inputIncomplete = inputIncomplete
        self.provinces = provinces
        self.sources = sources
        self.courses = courses
        self.institutions = institutions
        self.majors = majors
        self.plans = plans
        self.renames = renames
        self.equivalences = equivalences
        self.mappings = mappings
        self.exemptions = exemptions

        var byInstitution: [String: [MajorKey]] = [:]
        var byCode: [String: [MajorKey]] = [:]
        for major in majors.values {
            for institution in major.institutions { byInstitution[institution.value, default: []].append(major.key) }
            byCode[major.code, default: []].append(major.key)
            for former in major.formerCodes where former.value != major.code {
                byCode[former.value, default: []].append(major.key)
            }
        }
        majorsByInstitution = byInstitution.mapValues { $0.sorted() }
        majorsByCode = byCode.mapValues { $0.sorted() }

        if let plansByCourse {
            self.plansByCourse = plansByCourse  // built by the compiler while it checked the plans
        } else {
            // Plans in id order, each code once per plan: every list comes out sorted and without repeats.
            var byCourse: [CourseCode: [String]] = [:]
            for id in plans.keys.sorted() {
                guard let plan = plans[id] else { continue }
                for code in plan.allCourseCodes { byCourse[code, default: []].append(id) }
            }
            self.plansByCourse = byCourse
        }

        var renamedTo: [CourseCode: CourseCode] = [:]
        for rename in renames { renamedTo[rename.from.value] = rename.to.value }
        self.renamedTo = renamedTo
        equivalenceClasses = Self.classes(renames: renames, equivalences: equivalences)
    }

    /// Connected components of the rename and equivalence edges (union-find over codes).
    private static func classes(renames: [CourseRename], equivalences: [Equivalence]) -> [CourseCode: [CourseCode]] {
        var parent: [CourseCode: CourseCode] = [:]
        func find(_ code: CourseCode) -> CourseCode {
            var root = code
            while let next = parent[root], next != root { root = next }
            var node = code
            while let next = parent[node], next != root {
                parent[node] = root
                node = next
            }
            return root
        }
        func union(_ a: CourseCode, _ b: CourseCode) {
            if parent[a] == nil { parent[a] = a }
            if parent[b] == nil { parent[b] = b }
            let rootA = find(a)
            let rootB = find(b)
            if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
        }
        for rename in renames { union(rename.from.value, rename.to.value) }
        for equivalence in equivalences {
            guard let first = equivalence.codes.first else { continue }
            for other in equivalence.codes.dropFirst() { union(first.value, other.value) }
        }
        var members: [CourseCode: [CourseCode]] = [:]
        for code in parent.keys { members[find(code), default: []].append(code) }
        var result: [CourseCode: [CourseCode]] = [:]
        for group in members.values {
            let sorted = group.sorted()
            for code in sorted { result[code] = sorted }
        }
        return result
    }
}

extension CurriculumGraph {
    /// The categories (专业类 and its 专业大类) of a prior field, by name or major code; nil when no category lists it.
    public func categories(ofField field: String) -> Set<String>? {
        categoriesOfField[field.trimmingSpaces()]
    }
}

extension Plan {
    /// Every course code the plan names: requirements, substitutions, mapping targets, additional courses.
    public var allCourseCodes: Set<CourseCode> {
        var codes = Set(requirements.courseCodes)
        for substitution in substitutions { codes.formUnion(substitution.courses.map(\.value)) }
        for mapping in mappings { for rule in mapping.rules { codes.formUnion(rule.new.map(\.value)) } }
        for extra in additionalCourses { codes.formUnion(extra.courses.map(\.value)) }
        return codes
    }

    /// Every code a result could carry to count for the plan: `allCourseCodes`, the old codes of the plan's mappings
    /// and of the graph's mappings for the plan's province (or for every province), and every code equivalent to one
    /// of them (renames, equivalences). A transcript with all of them passed is the search's worst case
    /// (`audit-benchmark --adversarial`, the search-size tests).
    public func relatedCodes(in graph: CurriculumGraph) -> Set<CourseCode> {
        var codes = allCourseCodes
        let province = graph.majors[major]?.province
        for mapping in mappings + graph.mappings where mapping.province == nil || mapping.province?.value == province {
            for rule in mapping.rules { for slot in rule.old { codes.formUnion(slot.map(\.value)) } }
        }
        for code in Array(codes) { codes.formUnion(graph.equivalenceClosure(of: code)) }
        return codes
    }
}
