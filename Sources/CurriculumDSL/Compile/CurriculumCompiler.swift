/// Links the declarations of every file into one `CurriculumGraph` and checks it: duplicates, unknown
/// references (with "did you mean"), conflicting credits, practice without theory, cycles and plan
/// arithmetic. All problems are reported in one pass; the graph keeps every valid declaration.
struct CurriculumCompiler {
    private(set) var diagnostics: [Diagnostic] = []
    /// Threads for the plan checks (each plan is checked on its own; the rest is one thread).
    var threads = 1

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
    private var fieldCategories: [String: FieldCategory] = [:]
    private var candidateAttributes: [String: CandidateAttribute] = [:]
    /// Course codes written inside a larger scalar, for fix-its (see `CodeSpelling`).
    private var codeSpellings: [SourceLocation: CodeSpelling] = [:]
    /// Codes of course definitions the decoder rejected (already reported): references to them are not unknown.
    private var brokenCourses: Set<CourseCode> = []
    /// Plans with a part the decoder could not read (reported): no pool or arithmetic checks.
    var incompletePlans: Set<String> = []
    /// Some file could not be read (reported): what it declares is missing, so references that find nothing are
    /// not reported, only counted.
    var inputIncomplete = false
    private(set) var uncheckedReferences = 0
    /// Keys in definition order (files in path order, then file order): the order of the checks, so that the
    /// diagnostics come out in the same order on every run without sorting the dictionaries.
    private var courseOrder: [CourseCode] = []
    private var majorOrder: [MajorKey] = []
    private var planOrder: [String] = []
    private var institutionOrder: [String] = []
    /// Province-wide mappings by province, for the plans' cycle checks.
    private var mappingsByProvince: [String: [Mapping]] = [:]
    /// The catalog as arrays, and per-plan scratch space (see PlanChecks.swift).
    private(set) var facts = CourseFacts()
    var inPlan = CourseMarks(count: 0)
    var required = CourseMarks(count: 0)
    var substitutes = CourseMarks(count: 0)
    private var spareScan = PlanScan()
    /// Requirement ids used twice in the plan being checked: (the node, the first node of that id).
    var duplicateIDs: [(Int32, Int32)] = []
    /// The graph's index of plans by course, filled by the plan checks (plans in id order): by catalog number,
    /// and for codes not in the catalog by code.
    var plansByCourseNumber: [[String]] = []
    var plansByUnknownCourse: [CourseCode: [String]] = [:]

    /// Compiles `files` (in a deterministic order: the caller sorts them by path).
    mutating func compile(_ files: [FileDeclarations]) -> CurriculumGraph {
        reserve(for: files)
        for file in files { define(file) }
        for mapping in mappings {
            if let province = mapping.province?.value { mappingsByProvince[province, default: []].append(mapping) }
        }
        facts = CourseFacts(courses: courses, order: courseOrder)
        inPlan = CourseMarks(count: courseOrder.count)
        required = CourseMarks(count: courseOrder.count)
        substitutes = CourseMarks(count: courseOrder.count)
        plansByCourseNumber = [[String]](repeating: [], count: courseOrder.count)
        checkCatalog()
        checkMajors()
        // Plans in id order: the order of the original checks, and it leaves each list of `plansByCourse` sorted.
        let planIDs = planOrder.sorted()
        checkPlans(planIDs)
        for id in planIDs {
            guard let province = plans[id]?.major.province, (plans[id]?.passMark ?? 0) < 0 else { continue }
            let passMark = passMark(for: province)
            plans[id]?.passMark = passMark
        }
        checkProvinceWide()
        checkConstructs(planIDs)
        var plansByCourse = plansByUnknownCourse
        plansByCourse.reserveCapacity(plansByCourse.count + courseOrder.count)
        for (number, code) in courseOrder.enumerated() where !plansByCourseNumber[number].isEmpty {
            plansByCourse[code] = plansByCourseNumber[number]
        }
        return CurriculumGraph(provinces: provinces, sources: sources, courses: courses, institutions: institutions,
                               majors: majors, plans: plans, renames: renames, equivalences: equivalences,
                               mappings: mappings, exemptions: exemptions, plansByCourse: plansByCourse,
                               incompletePlans: incompletePlans, inputIncomplete: inputIncomplete,
                               fieldCategories: fieldCategories, candidateAttributes: candidateAttributes)
    }

    /// Checks the plans `ids`, in that order. With several threads each takes a contiguous run of the ids and
    /// works on its own copy of the scratch state; the runs' diagnostics and plans-by-course lists are then put
    /// together in run order, which is what one thread would have produced.
    private mutating func checkPlans(_ ids: [String]) {
        let workers = min(threads, max(1, ids.count / 64))
        guard workers > 1 else {
            for id in ids { if let plan = plans[id] { checkPlan(plan) } }
            return
        }
        let base = self
        let runs = Parallel.map(count: workers, threads: workers) { worker -> PlanCheckRun in
            var compiler = base
            compiler.diagnostics = []
            compiler.plansByCourseNumber = [[String]](repeating: [], count: base.plansByCourseNumber.count)
            compiler.plansByUnknownCourse = [:]
            compiler.uncheckedReferences = 0
            let start = ids.count * worker / workers
            let end = ids.count * (worker + 1) / workers
            for id in ids[start..<end] { if let plan = compiler.plans[id] { compiler.checkPlan(plan) } }
            return PlanCheckRun(diagnostics: compiler.diagnostics, plansByCourseNumber: compiler.plansByCourseNumber,
                                plansByUnknownCourse: compiler.plansByUnknownCourse, uncheckedReferences: compiler.uncheckedReferences)
        }
        for run in runs {
            diagnostics += run.diagnostics
            uncheckedReferences += run.uncheckedReferences
            for (number, list) in run.plansByCourseNumber.enumerated() where !list.isEmpty {
                plansByCourseNumber[number] += list
            }
            for (code, list) in run.plansByUnknownCourse { plansByUnknownCourse[code, default: []] += list }
        }
    }

    /// What one thread's run of plan checks produced.
    struct PlanCheckRun: Sendable {
        var diagnostics: [Diagnostic]
        var plansByCourseNumber: [[String]]
        var plansByUnknownCourse: [CourseCode: [String]]
        var uncheckedReferences: Int
    }

    // MARK: definitions

    /// Room for every declaration up front, so that the tables do not grow (and rehash) while filling.
    private mutating func reserve(for files: [FileDeclarations]) {
        var counts = (courses: 0, majors: 0, plans: 0, institutions: 0, sources: 0, provinces: 0)
        for file in files {
            counts.courses += file.courses.count
            counts.majors += file.majors.count
            counts.plans += file.plans.count
            counts.institutions += file.institutions.count
            counts.sources += file.sources.count
            counts.provinces += file.provinces.count
        }
        courses.reserveCapacity(counts.courses)
        courseOrder.reserveCapacity(counts.courses)
        majors.reserveCapacity(counts.majors)
        majorOrder.reserveCapacity(counts.majors)
        plans.reserveCapacity(counts.plans)
        planOrder.reserveCapacity(counts.plans)
        institutions.reserveCapacity(counts.institutions)
        institutionOrder.reserveCapacity(counts.institutions)
        sources.reserveCapacity(counts.sources)
        provinces.reserveCapacity(counts.provinces)
    }

    /// Adds each item under its id, or reports it as defined twice (at the second definition, pointing at the first).
    private static func defineOnce<Item>(_ items: [Item], into table: inout [String: Item], as what: DiagnosticMessages.Referent, id: KeyPath<Item, String>,
                                         at location: KeyPath<Item, SourceLocation>, diagnostics: inout [Diagnostic]) {
        for item in items {
            if let first = table[item[keyPath: id]] {
                diagnostics.append(DiagnosticMessages.duplicate(what, item[keyPath: id], at: item[keyPath: location], firstAt: first[keyPath: location]))
            } else {
                table[item[keyPath: id]] = item
            }
        }
    }

    private mutating func define(_ file: FileDeclarations) {
        Self.defineOnce(file.provinces, into: &provinces, as: .province, id: \.name, at: \.location, diagnostics: &diagnostics)
        Self.defineOnce(file.sources, into: &sources, as: .source, id: \.id, at: \.location, diagnostics: &diagnostics)
        for course in file.courses {
            if let first = courses[course.code] {
                diagnostics.append(first.credits != course.credits
                    ? DiagnosticMessages.conflictingCredits(course.code, credits: course.credits, otherCredits: first.credits,
                                                            at: course.location, firstAt: first.location)
                    : DiagnosticMessages.duplicate(.course, course.code.rawValue, at: course.location, firstAt: first.location))
            } else {
                courses[course.code] = course
                courseOrder.append(course.code)
            }
        }
        for institution in file.institutions {
            if let first = institutions[institution.name] {
                diagnostics.append(DiagnosticMessages.duplicate(.institution, institution.name, at: institution.location, firstAt: first.location))
            } else {
                institutions[institution.name] = institution
                institutionOrder.append(institution.name)
            }
        }
        for major in file.majors {
            if let first = majors[major.key] {
                diagnostics.append(DiagnosticMessages.duplicateMajor(major.key, at: major.location, firstAt: first.location))
            } else {
                majors[major.key] = major
                majorOrder.append(major.key)
            }
        }
        for plan in file.plans {
            if let first = plans[plan.id] {
                diagnostics.append(DiagnosticMessages.duplicate(.plan, plan.id, at: plan.location, firstAt: first.location))
            } else {
                plans[plan.id] = plan
                planOrder.append(plan.id)
            }
        }
        codeSpellings.merge(file.codeSpellings) { first, _ in first }
        brokenCourses.formUnion(file.brokenCourses)
        incompletePlans.formUnion(file.incompletePlans)
        renames += file.renames
        equivalences += file.equivalences
        mappings += file.mappings
        exemptions += file.exemptions
        Self.defineOnce(file.fieldCategories, into: &fieldCategories, as: .category, id: \.id, at: \.location, diagnostics: &diagnostics)
        Self.defineOnce(file.candidateAttributes, into: &candidateAttributes, as: .attribute, id: \.id, at: \.location,
                        diagnostics: &diagnostics)
    }

    // MARK: references

    mutating func requireCourse(_ code: Located<CourseCode>, context: LocalizedText? = nil) {
        guard facts.number(of: code.value) < 0, courses.index(forKey: code.value) == nil, !brokenCourses.contains(code.value) else { return }
        if inputIncomplete {
            uncheckedReferences += 1
            return
        }
        diagnostics.append(DiagnosticMessages.unknown(.course, code.value.rawValue, candidates: courses.keys.lazy.map(\.rawValue),
                                                      at: code.location, context: context, spelling: codeSpellings[code.location]))
    }

    mutating func requireProvince(_ name: Located<String>) {
        guard provinces[name.value] == nil else { return }
        if inputIncomplete {
            uncheckedReferences += 1
            return
        }
        diagnostics.append(DiagnosticMessages.unknown(.province, name.value, candidates: provinces.keys, at: name.location))
    }

    mutating func requireSource(_ id: Located<String>) {
        guard sources[id.value] == nil else { return }
        if inputIncomplete {
            uncheckedReferences += 1
            return
        }
        diagnostics.append(DiagnosticMessages.unknown(.source, id.value, candidates: sources.keys, at: id.location))
    }

    mutating func requirePlan(_ id: Located<String>) {
        guard plans[id.value] == nil else { return }
        if inputIncomplete {
            uncheckedReferences += 1
            return
        }
        diagnostics.append(DiagnosticMessages.unknown(.plan, id.value, candidates: plans.keys, at: id.location))
    }

    // MARK: catalog

    private mutating func checkCatalog() {
        for code in courseOrder {
            guard let course = courses[code] else { continue }
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
        for name in institutionOrder {
            if let institution = institutions[name] { requireProvince(institution.province) }
        }
        for province in provinces.values {
            if let source = province.stoppedMajorRule?.source { requireSource(source) }
            if let source = province.graduationApplication?.source { requireSource(source) }
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
        for key in majorOrder {
            guard let major = majors[key] else { continue }
            requireProvince(Located(major.province, at: major.provinceLocation ?? major.location))
            if let source = major.source { requireSource(source) }
            for name in major.institutions {
                guard let institution = institutions[name.value] else {
                    if inputIncomplete {
                        uncheckedReferences += 1
                        continue
                    }
                    diagnostics.append(DiagnosticMessages.unknown(.institution, name.value, candidates: institutions.keys, at: name.location))
                    continue
                }
                // A major whose province is unknown is reported there; comparing provinces would repeat it.
                if institution.province.value != major.province, provinces[major.province] != nil {
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
                diagnostics.append(DiagnosticMessages.duplicate(.exemption, exemption.id, at: exemption.location, firstAt: first))
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
    func mappings(for province: String) -> [Mapping] { mappingsByProvince[province] ?? [] }
    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The scratch arrays of the plan walk, reused from plan to plan.
    mutating func takeScan() -> PlanScan {
        var scan = spareScan
        spareScan = PlanScan()
        scan.removeAll()
        return scan
    }

    mutating func returnScan(_ scan: PlanScan) { spareScan = scan }
}

// MARK: conditions, pass-date windows and categories

extension CurriculumCompiler {
    /// Checks what can never apply: a condition naming an attribute, a requirement or an option that does not exist,
    /// a pass-date window outside its plan's period, a 加考 category or a category parent that is not defined, a
    /// 加考 group for an institution that does not examine the plan.
    mutating func checkConstructs(_ planIDs: [String]) {
        for category in fieldCategories.values.sorted(by: { $0.id < $1.id }) {
            if let parent = category.parent, fieldCategories[parent.value] == nil {
                report(DiagnosticMessages.unknown(.category, parent.value, candidates: fieldCategories.keys, at: parent.location))
            }
        }
        for mapping in mappings {
            checkCondition(mapping.onlyIf, planID: nil)
            for rule in mapping.rules { checkCondition(rule.onlyIf, planID: nil) }
        }
        for id in planIDs {
            guard let plan = plans[id] else { continue }
            // The closure captures the id, not the plan: a captured plan is copied for every node.
            let planID = plan.id
            plan.requirements.forEachNode { node in
                checkCondition(node.onlyIf, planID: planID)
                checkWindow(node.window, planID: planID)
            }
            for substitution in plan.substitutions {
                checkCondition(substitution.onlyIf, planID: plan.id)
                checkWindow(substitution.window, planID: plan.id)
            }
            for mapping in plan.mappings {
                checkCondition(mapping.onlyIf, planID: plan.id)
                checkWindow(mapping.window, planID: plan.id)
                for rule in mapping.rules {
                    checkCondition(rule.onlyIf, planID: plan.id)
                    checkWindow(rule.window, planID: plan.id)
                }
            }
            for extra in plan.additionalCourses {
                checkCondition(extra.onlyIf, planID: plan.id)
                for name in extra.condition.categoryNames where fieldCategories[name.value] == nil {
                    report(DiagnosticMessages.unknown(.category, name.value, candidates: fieldCategories.keys, at: name.location,
                                                      context: .init(zh: "在 field-categories 中定义", en: "define it under field-categories")))
                }
                let examining = Set((plan.institutions.isEmpty ? majors[plan.major]?.institutions ?? [] : plan.institutions).map(\.value))
                for institution in extra.institutions where !examining.contains(institution.value) {
                    report(DiagnosticMessages.unknown(.institution, institution.value, candidates: examining, at: institution.location,
                                                      context: .init(zh: "不是该计划的主考院校", en: "not an examining institution of this plan")))
                }
            }
        }
    }

    private mutating func checkWindow(_ window: PassWindow?, planID: String) {
        guard let window, let location = window.location else { return }
        if let from = window.from, let until = plans[planID]?.effectiveUntil, from > until {
            report(DiagnosticMessages.windowOutsidePeriod(window, plan: planID, at: location))
        }
    }

    /// `planID`: the plan the condition is in (nil: province-wide), passed by id: a `Plan?` argument is a copy of the
    /// whole plan per call, thousands of calls per load.
    private mutating func checkCondition(_ condition: RuleCondition?, planID: String?) {
        guard let condition else { return }
        for attribute in condition.attributes where candidateAttributes[attribute.value] == nil {
            report(DiagnosticMessages.unknown(.attribute, attribute.value, candidates: candidateAttributes.keys, at: attribute.location,
                                              context: .init(zh: "在 candidate-attributes 中定义", en: "define it under candidate-attributes")))
        }
        guard let choice = condition.choice else { return }
        let owner: Plan?
        if let other = choice.plan {
            owner = plans[other.value]
            if owner == nil { report(DiagnosticMessages.unknown(.plan, other.value, candidates: plans.keys, at: other.location)) }
        } else {
            owner = planID.flatMap { plans[$0] }
        }
        guard let owner else { return }
        var alternatives: [String: [String]] = [:]
        owner.requirements.forEachNode { node in
            if case .alternatives(let options) = node.shape { alternatives[node.id] = options.map(\.id) }
        }
        guard let options = alternatives[choice.requirement.value] else {
            report(DiagnosticMessages.unknown(.requirement, choice.requirement.value, candidates: alternatives.keys, at: choice.requirement.location,
                                              context: .init(zh: "须是计划 \(owner.id) 的 alternatives 要求", en: "must be an alternatives requirement of plan \(owner.id)")))
            return
        }
        if !options.contains(choice.option.value) {
            report(DiagnosticMessages.unknown(.option, choice.option.value, candidates: options, at: choice.option.location,
                                              context: .init(zh: "\(choice.requirement.value) 的选项", en: "an option of \(choice.requirement.value)")))
        }
    }
}
