/// Links the declarations of every file into one `CurriculumGraph` and checks it: duplicates, unknown
/// references (with "did you mean"), conflicting credits, practice without theory, cycles and plan
/// arithmetic. All problems are reported in one pass; the graph keeps every valid declaration.
struct CurriculumCompiler {
    private(set) var diagnostics: [Diagnostic] = []

    private var provinces: [String: Province] = [:]
    private var sources: [String: Source] = [:]
    private var courses: [CourseCode: Course] = [:]
    private var institutions: [String: Institution] = [:]
    private var majors: [MajorKey: Major] = [:]
    private var plans: [String: Plan] = [:]
    private var renames: [CourseRename] = []
    private var equivalences: [Equivalence] = []
    private var mappings: [Mapping] = []
    private var exemptions: [Exemption] = []

    /// Compiles `files` (in a deterministic order: the caller sorts them by path).
    mutating func compile(_ files: [FileDeclarations]) -> CurriculumGraph {
        for file in files { define(file) }
        checkCatalog()
        checkMajors()
        for id in plans.keys.sorted() {
            guard var plan = plans[id] else { continue }
            checkPlan(&plan)
            plans[id] = plan
        }
        checkProvinceWide()
        return CurriculumGraph(provinces: provinces, sources: sources, courses: courses, institutions: institutions,
                               majors: majors, plans: plans, renames: renames, equivalences: equivalences,
                               mappings: mappings, exemptions: exemptions)
    }

    // MARK: definitions

    private mutating func define(_ file: FileDeclarations) {
        for province in file.provinces {
            if let first = provinces[province.name] {
                diagnostics.append(DiagnosticMessages.duplicate(.province, province.name, at: province.location, firstAt: first.location))
            } else {
                provinces[province.name] = province
            }
        }
        for source in file.sources {
            if let first = sources[source.id] {
                diagnostics.append(DiagnosticMessages.duplicate(.source, source.id, at: source.location, firstAt: first.location))
            } else {
                sources[source.id] = source
            }
        }
        for course in file.courses {
            if let first = courses[course.code] {
                diagnostics.append(first.credits != course.credits
                    ? DiagnosticMessages.conflictingCredits(course.code, credits: course.credits, otherCredits: first.credits,
                                                            at: course.location, firstAt: first.location)
                    : DiagnosticMessages.duplicate(.course, course.code.rawValue, at: course.location, firstAt: first.location))
            } else {
                courses[course.code] = course
            }
        }
        for institution in file.institutions {
            if let first = institutions[institution.name] {
                diagnostics.append(DiagnosticMessages.duplicate(.institution, institution.name, at: institution.location, firstAt: first.location))
            } else {
                institutions[institution.name] = institution
            }
        }
        for major in file.majors {
            if let first = majors[major.key] {
                diagnostics.append(DiagnosticMessages.duplicateMajor(major.key, at: major.location, firstAt: first.location))
            } else {
                majors[major.key] = major
            }
        }
        for plan in file.plans {
            if let first = plans[plan.id] {
                diagnostics.append(DiagnosticMessages.duplicate(.plan, plan.id, at: plan.location, firstAt: first.location))
            } else {
                plans[plan.id] = plan
            }
        }
        renames += file.renames
        equivalences += file.equivalences
        mappings += file.mappings
        exemptions += file.exemptions
    }

    // MARK: references

    mutating func requireCourse(_ code: Located<CourseCode>, context: LocalizedText? = nil) {
        guard courses[code.value] == nil else { return }
        diagnostics.append(DiagnosticMessages.unknown(.course, code.value.rawValue, candidates: courses.keys.lazy.map(\.rawValue),
                                                      at: code.location, context: context))
    }

    mutating func requireProvince(_ name: Located<String>) {
        guard provinces[name.value] == nil else { return }
        diagnostics.append(DiagnosticMessages.unknown(.province, name.value, candidates: provinces.keys, at: name.location))
    }

    mutating func requireSource(_ id: Located<String>) {
        guard sources[id.value] == nil else { return }
        diagnostics.append(DiagnosticMessages.unknown(.source, id.value, candidates: sources.keys, at: id.location))
    }

    mutating func requirePlan(_ id: Located<String>) {
        guard plans[id.value] == nil else { return }
        diagnostics.append(DiagnosticMessages.unknown(.plan, id.value, candidates: plans.keys, at: id.location))
    }

    // MARK: catalog

    private mutating func checkCatalog() {
        for course in courses.values.sorted(by: { $0.code < $1.code }) {
            switch (course.kind, course.theory) {
            case (.practice, nil):
                diagnostics.append(DiagnosticMessages.practiceWithoutTheory(course.code, theory: nil, plan: nil, at: course.location, theoryAt: nil))
            case (.practice, let theory?):
                if let theoryCourse = courses[theory.value] {
                    if theoryCourse.kind != .theory {
                        diagnostics.append(DiagnosticMessages.practiceWithoutTheory(course.code, theory: theory.value, plan: nil,
                                                                                    at: theory.location, theoryAt: theoryCourse.location))
                    }
                } else {
                    requireCourse(theory)
                }
            case (_, let theory?):
                diagnostics.append(DiagnosticMessages.invalidValue(
                    "theory", value: theory.value.rawValue,
                    expected: .init(zh: "仅用于 kind: practice 的课程", en: "only on courses with kind: practice"), at: theory.location))
            case (_, nil):
                break
            }
        }
        for institution in institutions.values.sorted(by: { $0.location < $1.location }) {
            requireProvince(institution.province)
        }
        for province in provinces.values {
            if let source = province.stoppedMajorRule?.source { requireSource(source) }
        }
        var renameTargets: [CourseCode: CourseRename] = [:]
        for rename in renames {
            requireCourse(rename.to, context: .init(zh: "更名后的代码须在目录中", en: "a rename's new code must be in the catalog"))
            if let first = renameTargets[rename.from.value] {
                diagnostics.append(DiagnosticMessages.duplicate(.course, "\(rename.from.value) →", at: rename.location, firstAt: first.location))
            } else {
                renameTargets[rename.from.value] = rename
            }
        }
        for cycle in CycleFinder.cycles(edges: renames.map { ($0.from.value, $0.to.value) }) {
            let at = renames.first { $0.from.value == cycle[0] }?.location
            diagnostics.append(DiagnosticMessages.renameCycle(cycle + [cycle[0]], at: at ?? SourceLocation(file: "", line: 1, column: 1)))
        }
    }

    // MARK: majors

    private mutating func checkMajors() {
        for major in majors.values.sorted(by: { $0.location < $1.location }) {
            requireProvince(Located(major.province, at: major.location))
            if let source = major.source { requireSource(source) }
            for name in major.institutions {
                guard let institution = institutions[name.value] else {
                    diagnostics.append(DiagnosticMessages.unknown(.institution, name.value, candidates: institutions.keys, at: name.location))
                    continue
                }
                if institution.province.value != major.province {
                    diagnostics.append(DiagnosticMessages.institutionProvinceMismatch(
                        institution: name.value, institutionProvince: institution.province.value, major: major.key,
                        at: name.location, institutionAt: institution.location))
                }
            }
        }
    }

    // MARK: province-wide rules

    private mutating func checkProvinceWide() {
        for mapping in mappings {
            if let province = mapping.province { requireProvince(province) }
            if let plan = mapping.fromPlan { requirePlan(plan) }
            for rule in mapping.rules { for code in rule.new { requireCourse(code) } }
        }
        var exemptionIDs: [String: SourceLocation] = [:]
        for exemption in exemptions {
            if let first = exemptionIDs[exemption.id] {
                diagnostics.append(DiagnosticMessages.duplicate(.requirement, exemption.id, at: exemption.location, firstAt: first))
            }
            exemptionIDs[exemption.id] = exemptionIDs[exemption.id] ?? exemption.location
            if let province = exemption.province { requireProvince(province) }
            if let source = exemption.source { requireSource(source) }
            for code in exemption.exempts { requireCourse(code) }
        }
    }

    // MARK: plan lookups for PlanChecks

    func course(_ code: CourseCode) -> Course? { courses[code] }
    func major(_ key: MajorKey) -> Major? { majors[key] }
    func passMark(for province: String) -> Int { provinces[province]?.passMark ?? Province.defaultPassMark }
    func mappings(for province: String) -> [Mapping] { mappings.filter { $0.province?.value == province } }
    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
