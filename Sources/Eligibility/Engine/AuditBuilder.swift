import CurriculumDSL

/// Turns the search's best steps into an `Audit`: node results with progress and records, the missing list with
/// alternatives, what was applied, what needs review, what counted for nothing, and the trace.
struct AuditBuilder {
    let plan: CompiledPlan
    let table: RecordTable
    /// What the explanation reads of the request (the rest of it, e.g. every transcript row, is not copied).
    let institution: String?
    let applicationDate: CivilDate
    let decisions: [OfficeDecision]
    /// Whether the candidate has a prior diploma, and its field (trimmed): read only when a 加考 group is undetermined.
    let hasPriorDiploma: Bool
    let priorField: String
    let roots: [Int]
    /// 加考 groups whose condition cannot be decided (prior-diploma field unknown): see `Solver.undeterminedGroups`.
    let undeterminedGroups: Set<Int>

    /// The best assignment's steps, and for each node the index of its step (-1: none).
    private let steps: [Step]
    private var stepOfNode: [Int] = []
    /// Courses the completion adds, by pool node; and what no course can provide (pool node, or nil for totals).
    private var poolAdditions: [Int: [CourseCode]] = [:]
    private var residual: [(pool: Int?, credits: Int, courses: Int)] = []
    /// Per record of the table: whether the audit uses it.
    private var isUsed: [Bool] = []
    private var applied: [Audit.AppliedRule] = []
    private var review: [Audit.ReviewItem] = []
    private var missing: [Audit.MissingItem] = []
    /// Codes of course requirements found missing (to tell a missing practice component of a passed theory course).
    private var missingCourseNodes: [CourseCode] = []
    private var trace: [Audit.TraceLine] = []
    private var language = Language.zh

    /// Why each 加考 group applies or not (group id, explanation), from `AuditEngine.additionalGroups`.
    private let additionalNotes: [(String, LocalizedText)]

    init(plan: CompiledPlan, table: RecordTable, request: borrowing AuditRequest, steps: [Step], roots: [Int], undeterminedGroups: Set<Int> = [],
         additionalNotes: [(String, LocalizedText)] = []) {
        self.additionalNotes = additionalNotes
        self.plan = plan
        self.table = table
        institution = request.institution
        applicationDate = request.applicationDate
        decisions = request.decisions
        hasPriorDiploma = request.candidate.priorDiploma != nil
        priorField = undeterminedGroups.isEmpty ? "" : request.candidate.priorDiploma?.field.trimmingSpaces() ?? ""
        self.roots = roots
        self.undeterminedGroups = undeterminedGroups
        self.steps = steps
    }

    /// Indexes the steps by node and sets up the per-audit tables: done by `build`, not by the initializer, which
    /// (mutating the builder it makes) copied the whole builder into its result — a retain and release of every field.
    private mutating func prepare() {
        var stepOfNode = Array(filledWith: -1, count: plan.nodes.count)
        var poolAdditions: [Int: [CourseCode]] = [:]
        var residual: [(pool: Int?, credits: Int, courses: Int)] = []
        var creditsOnly: [(rule: Int, record: Int)] = []
        for position in steps.indices {
            switch steps[position] {
            case .record(let node, _, _), .mapping(let node, _, _), .missing(let node, _), .pool(let node, _, _),
                 .substitution(let node, _, _, _), .notChosen(let node), .waived(let node):
                stepOfNode[node] = position
            case .completion(let added, let rest):
                for (pool, code) in added { poolAdditions[pool ?? plan.root, default: []].append(code) }
                residual = rest
            case .creditsOnly(let counted):
                creditsOnly = counted
            }
        }
        self.stepOfNode = stepOfNode
        self.poolAdditions = poolAdditions
        self.residual = residual
        self.creditsOnly = creditsOnly
        isUsed = Array(filledWith: false, count: table.records.count)
        trace.reserveCapacity(plan.nodes.count + 1)
    }

    /// Old results counted toward the totals by credits-only rules (rule index, record).
    private var creditsOnly: [(rule: Int, record: Int)] = []

    /// Applies the credits-only results: they count toward the totals, satisfy no course, and are explained.
    private mutating func applyCreditsOnly() -> (credits: Int, courses: Int) {
        var credits = 0
        // A theory course and its practice component among them are one course (as in the search).
        let courses = plan.creditsOnlyCourseCount(creditsOnly.map { (table.records[$0.record].code, table.records[$0.record].codeID) }) { theory in
            table.records.indices.contains { isUsed[$0] && theory.contains(table.records[$0].code) }
        }
        for (rule, record) in creditsOnly {
            let rec = table.records[record]
            isUsed[record] = true
            credits += rec.credits
            let definition = plan.rules[rule]
            let title = definition.title ?? definition.mappingID
            let name = rec.name.isEmpty ? rec.code.rawValue : "\(rec.code) \(rec.name)"
            applied.append(.init(kind: "credits-only", id: definition.mappingID, requirement: nil, records: [rec.code], message: .init(
                zh: "\(title)：\(name) 计入课程门数和学分（\(rec.credits) 学分），不替代任何课程",
                en: "\(title): \(name) counts toward the course count and credits (\(rec.credits) credits) without standing for a course")))
            trace(plan.plan.id, .init(zh: "按对照规则\(definition.displayName)只计学分和门数：\(name)",
                                      en: "counted for credits and course count only (mapping \(definition.mappingID)): \(name)"))
        }
        return (credits, courses)
    }

    mutating func build(blocking: [Audit.Reason]) -> Audit {
        prepare()
        let root = result(plan.root, active: true)
        let extra = applyCreditsOnly()
        for group in undeterminedGroups.sorted() { traceUndetermined(group) }
        for (group, line) in additionalNotes { trace(group, line) }
        let additional = roots.dropFirst().map { result($0, active: true) }
        addResidual()
        for note in table.certificateNotes { trace.append(.init(requirement: plan.plan.id, message: note)) }
        decisionsWithoutEffect()
        let missingCredits = missing.reduce(0) { $0 + ($1.course?.credits ?? 0) + $1.credits }
        let missingCodes = missing.compactMap { $0.course?.code }
        let missingCourses = plan.countedCourses(in: missingCodes) + residual.reduce(0) { $0 + $1.courses }
        // A course whose theory part is passed but whose practice component (its own requirement) is missing is not a
        // passed course yet: the theory node counted it, so it comes off the totals (and the missing component counts
        // as the missing course, by `countedCourses`).
        let incompletePairs = missingCourseNodes.filter { code in
            guard let id = plan.codeIndex.id(of: code), plan.theoryOfCode[id] >= 0 else { return false }
            return !missingCodes.contains(plan.codes[plan.theoryOfCode[id]])
        }.count
        let totals = Audit.Totals(credits: .init(earned: root.credits.earned + extra.credits, required: plan.plan.totalCredits?.value),
                                  courses: .init(earned: max(0, root.courses.earned + extra.courses - incompletePairs), required: plan.plan.minCourses?.value))
        trace.append(.init(requirement: plan.plan.id, fact: .totals(totals)))

        var reasons = blocking
        let verdict: Audit.Verdict
        if !missing.isEmpty || missingCredits > 0 || missingCourses > 0 {
            // A thesis is graded and carries no credits: name it, so "1 course and 0 credits" is not left unexplained.
            // Counted by the plan's one course-counting rule (`CompiledPlan.countedCourses`): the thesis is not a course
            // of the count, so it is named instead.
            // Written on most audits, so as `MessageText` (the same text as interpolating a `String`, at a fraction of
            // the cost); the missing items are read in place.
            var theses: [Audit.CourseRef] = []
            for index in missing.indices {
                if let course = missing[index].course, plan.isThesis(course.code) { theses.append(course) }
            }
            func listed(_ refs: [Audit.CourseRef], _ separator: String) -> String {
                refs.map { MessageText("\($0.code) \($0.name)").text }.joined(separator: separator)
            }
            let thesis = theses.isEmpty ? LocalizedText(zh: "", en: "")
                : .init(zh: MessageText("；另须通过毕业论文 \(listed(theses, "、"))").text, en: MessageText("; the thesis \(listed(theses, ", ")) is not passed yet").text)
            reasons.append(.init(code: "missing-courses", message: .init(
                zh: MessageText("尚缺 \(missingCourses) 门课程、\(missingCredits) 学分\(thesis.zh)（见尚缺课程清单）").text,
                en: MessageText("\(missingCourses) course\(missingCourses == 1 ? "" : "s") and \(missingCredits) credit\(missingCredits == 1 ? "" : "s") still missing\(thesis.en) (see the missing list)").text)))
        }
        if !reasons.isEmpty {
            verdict = .notEligible
        } else if !review.isEmpty {
            verdict = .eligiblePendingReview
            let additional = review.filter { $0.evidence == Self.priorFieldUnknown }.count
            let results = review.count - additional
            var parts: [LocalizedText] = []
            if results > 0 {
                parts.append(.init(zh: "\(results) 项成绩依据纸质材料或特殊规则，须县（市、区）自考部门核验原件后方可确认",
                                   en: "\(results) result\(results == 1 ? "" : "s") rest on paper evidence or a special rule; the county office must check the originals"))
            }
            if additional > 0 {
                parts.append(.init(zh: "前置学历专业未知，\(additional) 门加考课程是否须考由县（市、区）自考部门核实前置学历专业后确定",
                                   en: "the prior diploma's field is unknown: whether \(additional) additional (加考) course\(additional == 1 ? " is" : "s are") required is for the county office to decide from the diploma"))
            }
            reasons.append(.init(code: "manual-review", message: .init(zh: parts.map(\.zh).joined(separator: "；"), en: parts.map(\.en).joined(separator: "; "))))
        } else {
            verdict = .eligible
            reasons.append(.init(code: "all-requirements-met", message: .init(
                zh: "考试计划规定的全部课程、学分和门数均已达到", en: "every course, credit and course-count requirement of the plan is met")))
        }
        var target = plan.target
        target.institution = institution
        target.applicationDate = applicationDate
        return Audit(
            target: target,
            verdict: verdict, reasons: reasons, requirements: root, totals: totals,
            missing: .init(credits: missingCredits, courses: missingCourses, items: missing),
            additionalCourses: additional, applied: applied, unused: unused(),
            review: review, trace: trace)
    }

    // MARK: nodes

    private mutating func result(_ index: Int, active: Bool) -> Audit.NodeResult {
        // The node's step is matched in place by its position (-1: none): a copy of the step (an optional) retained and
        // released its payload on every node.
        let position = stepOfNode[index]
        var isActive = active
        if position >= 0, case .notChosen = steps[position] { isActive = false }
        var result = Audit.NodeResult(id: plan.nodeID[index], title: plan.nodeTitle[index], kind: plan.nodeKindName[index],
                                      status: isActive ? .unsatisfied : .notChosen,
                                      credits: .init(earned: 0, required: nil), courses: .init(earned: 0, required: nil),
                                      records: [], children: [])
        if plan.nodeIsThesis[index] { result.thesis = true }
        // Filled in place and returned from one place: returning the result from several branches made the compiler
        // copy it into the return value (a retain and release of each of its fields, on every node).
        fill(&result, index, isActive: isActive, position: position)
        return result
    }

    /// The outcome of node `index` (`result` holds its id, title and kind; `isActive`: the node is not an option left out;
    /// `position`: the index of its step, -1 for none).
    private mutating func fill(_ result: inout Audit.NodeResult, _ index: Int, isActive: Bool, position: Int) {
        let id = plan.nodeID[index]
        if isActive, position >= 0, case .waived = steps[position] {
            result.status = .waived
            let contribution = plan.waivedContribution(index)
            result.credits = .init(earned: contribution.credits, required: contribution.credits)
            result.courses = .init(earned: contribution.courses, required: contribution.courses)
            applied.append(.init(kind: "decision", id: "waive:\(id)", requirement: id, records: [], message: decisionMessage(id)))
            trace(id, .init(zh: "县（市、区）自考部门决定免除此项要求", en: "waived by the county office"))
            return
        }
        if isActive, position >= 0, case .substitution(_, let option, let records, let added) = steps[position] {
            substituted(index, option: option, records: records, added: added, into: &result)
            return
        }
        // By the node's tag and the plan's tables (the node's `kind` is not copied out, with its pool's codes).
        switch plan.nodeTag[index] {
        case .course:
            result.credits.required = plan.nodeCredits[index]
            result.courses.required = plan.nodeWeight[index]
            // The leaf's code from the plan's table (the same text as the node's: equal codes have equal text), without
            // copying the node's kind out.
            let leaf = plan.leafCode[index]
            guard isActive, leaf >= 0, leaf < plan.codes.count else { return }
            courseLeaf(index, code: plan.codes[leaf], position: position, into: &result)
        case .pool:
            guard case .pool(_, let minCredits, let minCourses, let maxCredits) = plan.nodes[index].kind else { return }
            result.credits.required = minCredits
            result.courses.required = minCourses
            guard isActive else { return }
            poolNode(index, maxCredits: maxCredits, step: position >= 0 ? steps[position] : nil, into: &result)
        case .allOf, .choose, .alternatives:
            // Children's results and the sums over the chosen ones in one pass (no filtered copies).
            let children = plan.childTable.range(index)  // positions in the flat table: nothing shared is retained
            var chosenCount = 0
            var met = true
            var credits = Audit.Progress(earned: 0, required: 0)
            var courses = Audit.Progress(earned: 0, required: 0)
            var results: [Audit.NodeResult] = []
            results.reserveCapacity(children.count)
            for position in children {
                let childResult = self.result(plan.childTable.values[position], active: isActive)
                let status = childResult.status
                if status != .notChosen {
                    chosenCount += 1
                    credits.earned += childResult.credits.earned
                    credits.required = (credits.required ?? 0) + (childResult.credits.required ?? 0)
                    courses.earned += childResult.courses.earned
                    courses.required = (courses.required ?? 0) + (childResult.courses.required ?? 0)
                    met = met && (status == .satisfied || status == .waived || status == .substituted)
                }
                results.append(consume childResult)
            }
            if isActive, index != plan.root, children.count != chosenCount || plan.nodeTag[index] != .allOf {
                // Options by their titles (a course by its code): the trace is read by people. Read field by field from
                // the results (a closure over them would copy each child's whole result).
                var picked: [String] = []
                picked.reserveCapacity(chosenCount)
                for (offset, position) in children.enumerated() where results[offset].status != .notChosen {
                    picked.append(plan.nodeTag[plan.childTable.values[position]] == .course ? results[offset].id : results[offset].title ?? results[offset].id)
                }
                trace.append(.init(requirement: id, fact: .choice(met: met, picked: picked)))
            }
            result.children = results
            result.credits = credits
            result.courses = courses
            guard isActive else { return }
            result.status = met ? .satisfied : .unsatisfied
        }
    }

    private mutating func courseLeaf(_ index: Int, code: CourseCode, position: Int, into result: inout Audit.NodeResult) {
        guard position >= 0 else {
            notPassed(index, code: code, into: &result)
            return
        }
        let id = plan.nodeID[index]
        let credits = plan.nodeCredits[index]
        let weight = plan.nodeWeight[index]
        switch steps[position] {
        case .record(_, let record, let via):
            isUsed[record] = true
            var viaName = "direct"
            var rule: String?
            // Pattern tests, not `via != .direct` and `certificate != nil` (an equality test and a copy of the origin).
            var isDirect = false
            if case .direct = via, case .transcript = table.records[record].origin { isDirect = true }
            if !isDirect {
                (viaName, rule) = applyRule(record, via: via, requirement: id, code: code, credits: credits)
            }
            let recordCode = table.records[record].code
            var ruleTitle: String?
            if case .exemption(_, let certificate) = table.records[record].origin { ruleTitle = certificate }
            result.records = [usedRecord(record, via: viaName, standsFor: recordCode == code ? nil : code, rule: rule, ruleTitle: ruleTitle)]
            addReview(record, requirement: id)
            result.status = .satisfied
            result.credits.earned = credits
            result.courses.earned = weight
            trace.append(.init(requirement: id, fact: .passed(code: recordCode, score: table.records[record].score, passMark: plan.passMark,
                                                              evidence: table.records[record].source, exemption: table.records[record].certificate)))
        case .mapping(_, let rule, let records):
            let definition = plan.rules[rule]
            for record in records { isUsed[record] = true }
            let old = records.map { table.records[$0] }
            result.records = records.map { usedRecord($0, via: "mapping", standsFor: code, rule: definition.mappingID, ruleTitle: definition.title) }
            for record in records { addReview(record, requirement: id) }
            result.status = .satisfied
            result.credits.earned = credits
            result.courses.earned = weight
            let names = old.map { $0.name.isEmpty ? $0.code.rawValue : "\($0.code) \($0.name)" }
            let list = LocalizedText(zh: names.joined(separator: "、"), en: names.joined(separator: ", "))
            if !applied.contains(where: { $0.kind == "mapping" && $0.id == definition.mappingID && $0.records == old.map(\.code) && $0.requirement == id }) {
                let target = plan.name(of: code).isEmpty ? code.rawValue : "\(code) \(plan.name(of: code))"
                let count = definition.slots.count
                let rule = count > 1 ? LocalizedText(zh: "（规则：所列 \(count) 门旧课程中通过 \(definition.need) 门）",
                                                     en: " (rule: \(definition.need) of \(count) listed old courses)") : .init(zh: "", en: "")
                applied.append(.init(kind: "mapping", id: definition.mappingID, requirement: id, records: old.map(\.code), message: .init(
                    zh: "新旧计划对照：\(list.zh) 替代 \(target)\(rule.zh)",
                    en: "old → new mapping: \(list.en) \(old.count == 1 ? "stands" : "stand") for \(target)\(rule.en)")))
            }
            trace(id, .init(zh: "按对照规则\(definition.displayName)满足：\(list.zh)", en: "met through mapping \(definition.mappingID): \(list.en)"))
        case .missing(_, true):
            result.status = .unsatisfied
            missing.append(.init(requirement: id, title: plan.nodeTitle[index], course: nil, alternatives: [], credits: 0, note: .init(
                zh: "\(code) 已通过但已计入其他要求，同一课程只能计入一次；须由自考部门处理", en: "\(code) is passed but already counts for another requirement, and a course counts once; the exam office must resolve this")))
            trace(id, .init(zh: "无法满足：\(code) 已计入其他要求", en: "cannot be met: \(code) already counts elsewhere"))
        case .missing(_, false) where undeterminedGroups.contains(plan.nodeAdditionalGroup[index]):
            // A 加考 course that applies only for some prior-diploma fields, and the field is unknown: not guessed.
            result.status = .unsatisfied
            let name = plan.nodeCourseRef[index]?.name ?? plan.name(of: code)
            let group = plan.additionalRoots[plan.nodeAdditionalGroup[index]]
            let condition = conditionText(group.condition)
            review.append(.init(code: code, name: name.isEmpty ? nil : name, evidence: Self.priorFieldUnknown, requirement: group.id, message: .init(
                zh: "前置学历专业未知：\(condition.zh)须加考 \(code) \(name)；须由县（市、区）自考部门核实前置学历专业后确定是否须考",
                en: "prior diploma's field unknown: \(condition.en) must also pass \(code) \(name) (加考); the county office must check the diploma's field to decide")))
            trace(id, .init(zh: "未通过；前置学历专业未知，是否须加考待核实（不计为尚缺课程）",
                            en: "not passed; the prior diploma's field is unknown, so whether it is required is left for review (not counted as missing)"))
        default:
            notPassed(index, code: code, into: &result)
        }
    }

    /// A course leaf with no record: missing (with the cheapest way to pass it).
    private mutating func notPassed(_ index: Int, code: CourseCode, into result: inout Audit.NodeResult) {
        result.status = .unsatisfied
        addMissing(for: index, code: code)
        trace.append(.init(requirement: plan.nodeID[index], fact: .missing(code: code, name: plan.nodeCourseRef[index]?.name ?? plan.name(of: code),
                                                                         credits: plan.nodeCredits[index])))
    }

    /// The rule behind a record that does not stand for its own course directly (an equivalence, an office decision,
    /// the stopped-major rule, an exemption): records it as applied (and for review) and returns `via` and `rule`.
    private mutating func applyRule(_ record: Int, via: Via, requirement id: String, code: CourseCode, credits: Int) -> (via: String, rule: String?) {
        let rec = table.records[record]
        var viaName = "direct"
        var rule: String?
        switch via {
        case .direct: break
        case .equivalence:
            viaName = "equivalence"
            applied.append(.init(kind: "equivalence", id: "\(rec.code)=\(code)", requirement: id, records: [rec.code], message: .init(
                zh: "\(rec.code) \(rec.name) 与 \(code) 为同一课程（更名或等同）", en: "\(rec.code) \(rec.name) is the same course as \(code) (rename or equivalence)")))
        case .decision(let decision):
            viaName = "decision"
            rule = "accept:\(decision)"
            applied.append(.init(kind: "decision", id: "accept:\(decision)", requirement: id, records: [rec.code], message: decisionMessage(id)))
        case .stoppedMajorRule:
            viaName = "stopped-major-rule"
            rule = "stopped-major-rule"
            applied.append(.init(kind: "stopped-major-rule", id: "stopped-major-rule", requirement: id, records: [rec.code], message: .init(
                zh: "停考专业：以 \(rec.code) \(rec.name)（\(rec.credits) 学分）替代 \(code)（\(credits) 学分）", en: "stopped major: \(rec.code) \(rec.name) (\(rec.credits) credits) replaces \(code) (\(credits) credits)")))
            review.append(.init(code: rec.code, name: rec.name, evidence: rec.evidenceKind, requirement: id, message: .init(
                zh: "须确认 \(rec.code) 与 \(code) 为相同或相近课程", en: "confirm that \(rec.code) is the same as or similar to \(code)")))
        }
        if case .exemption(let exemption, _) = rec.origin {
            viaName = via == .direct ? "exemption" : viaName
            rule = exemption
            applied.append(.init(kind: "exemption", id: exemption, requirement: id, records: [rec.code], message: .init(
                zh: "\(rec.evidence.zh) 免考 \(rec.code) \(rec.name)", en: "\(rec.evidence.en) exempts \(rec.code) \(rec.name)")))
        }
        return (viaName, rule)
    }

    private mutating func poolNode(_ index: Int, maxCredits: Int?, step: Step?, into result: inout Audit.NodeResult) {
        let id = plan.nodeID[index]
        guard case .pool(_, let records, let mapped)? = step else { return }
        result.records.reserveCapacity(records.count)
        var credits = 0
        for record in records {
            isUsed[record] = true
            result.records.append(usedRecord(record, via: "direct", standsFor: nil, rule: nil))
            addReview(record, requirement: id)
            credits += table.records[record].credits
        }
        for mapping in mapped {
            let definition = plan.rules[mapping.rule]
            let codes = mapping.targets.map { plan.codes[$0] }
            for record in mapping.records {
                isUsed[record] = true
                result.records.append(usedRecord(record, via: "mapping", standsFor: codes.first, rule: definition.mappingID, ruleTitle: definition.title))
                addReview(record, requirement: id)
            }
            credits += mapping.targets.reduce(0) { $0 + plan.codeCredits[$1] }
            let old = mapping.records.map { table.records[$0] }
            let names = old.map { $0.name.isEmpty ? $0.code.rawValue : "\($0.code) \($0.name)" }
            let targets = codes.map { plan.name(of: $0).isEmpty ? $0.rawValue : "\($0) \(plan.name(of: $0))" }
            applied.append(.init(kind: "mapping", id: definition.mappingID, requirement: id, records: old.map(\.code), message: .init(
                zh: "新旧计划对照：\(names.joined(separator: "、")) 替代 \(targets.joined(separator: "、"))",
                en: "old → new mapping: \(names.joined(separator: ", ")) \(old.count == 1 ? "stands" : "stand") for \(targets.joined(separator: ", "))")))
            trace(id, .init(zh: "按对照规则\(definition.displayName)计入 \(targets.joined(separator: "、"))：\(names.joined(separator: "、"))",
                            en: "counted as \(targets.joined(separator: ", ")) through mapping \(definition.mappingID): \(names.joined(separator: ", "))"))
        }
        // A theory course whose practice component is one of the pool's courses counts only with it (one course).
        result.courses.earned = plan.poolCourseCount(records.map { table.records[$0].codeID } + mapped.flatMap(\.targets), pool: index)
        result.credits.earned = min(credits, maxCredits ?? Int.max)
        let ownMinimumMet = result.credits.earned >= (result.credits.required ?? 0) && result.courses.earned >= (result.courses.required ?? 0)
        let residualHere = residual.contains { $0.pool == index }
        result.status = ownMinimumMet && !residualHere ? .satisfied : .unsatisfied
        if let additions = poolAdditions[index] {
            // The pool's courses the candidate neither uses here nor passed elsewhere, cheapest first.
            let options = plan.poolOptionRefs[index].filter { option in
                !records.contains { table.records[$0].code == option.code } && !isPassed(option.code)
            }
            for code in additions {
                missing.append(.init(requirement: id, title: plan.nodes[index].title, course: ref(code), alternatives: options, credits: 0,
                                     note: ownMinimumMet ? .init(zh: "为达到计划总学分/门数", en: "to reach the plan's total credits / course count") : nil))
            }
        }
        trace.append(.init(requirement: id, fact: .pool(credits: result.credits.earned, requiredCredits: result.credits.required ?? 0,
                                                        courses: result.courses.earned, requiredCourses: result.courses.required ?? 0,
                                                        maxCredits: maxCredits)))
    }

    private mutating func substituted(_ index: Int, option: Int, records: [Int], added: [CourseCode], into result: inout Audit.NodeResult) {
        let node = plan.nodes[index]
        guard let definition = plan.substitutions[plan.nodeByID[node.id] ?? -1]?[option] else { return }
        let recs = records.map { table.records[$0] }
        for record in records { isUsed[record] = true }
        result.records = records.map { usedRecord($0, via: "substitution", standsFor: nil, rule: definition.id, ruleTitle: definition.title) }
        for record in records { addReview(record, requirement: node.id) }
        result.credits = .init(earned: recs.reduce(0) { $0 + $1.credits }, required: definition.minCredits ?? definition.codes.reduce(0) { $0 + plan.credits(of: $1) })
        // By course weight (`CompiledPlan.courseCount`), as the search counts the set toward the plan's totals.
        result.courses = .init(earned: plan.courseCount(of: recs.map { ($0.code, $0.codeID) }),
                               required: definition.minCredits == nil ? plan.courseCount(of: definition.codes.map { ($0, plan.codeIndex.id(of: $0) ?? -1) }) : nil)
        result.status = added.isEmpty ? .substituted : .unsatisfied
        let title = definition.title ?? definition.id
        let listZh = recs.map { "\($0.code) \($0.name)（\($0.credits)）" }.joined(separator: "、")
        let listEn = recs.map { "\($0.code) \($0.name) (\($0.credits))" }.joined(separator: ", ")
        let replaced = node.title ?? courseTitle(node).map { "\(node.id) \($0)" } ?? node.id
        let progress = added.isEmpty ? LocalizedText(zh: "", en: "")
            : .init(zh: "（尚未完成，见尚缺课程清单）", en: " (not complete yet; see the missing list)")
        applied.append(.init(kind: "substitution", id: definition.id, requirement: node.id, records: recs.map(\.code), message: .init(
            zh: "\(title)：以 \(listZh.isEmpty ? "—" : listZh) 替代 \(replaced)\(progress.zh)",
            en: "\(title): \(listEn.isEmpty ? "—" : listEn) \(recs.count == 1 ? "replaces" : "replace") \(replaced)\(progress.en)")))
        // Alternatives: listed courses the candidate has not passed (a passed one is used here or by another
        // requirement; passing it again cannot help).
        let unpassed = definition.codes.filter { code in !recs.contains { $0.code == code } && !isPassed(code) }
        for code in added {
            missing.append(.init(requirement: node.id, title: title, course: ref(code),
                                 alternatives: definition.minCredits == nil ? [] : unpassed.map(ref).sorted { ($0.credits, $0.code) < ($1.credits, $1.code) },
                                 credits: 0, note: nil))
        }
        trace.append(.init(requirement: node.id, fact: .substitution(title: title, minCredits: definition.minCredits, credits: result.credits.earned)))
    }

    /// The `evidence` of a review item for a 加考 course whose condition depends on an unknown prior-diploma field.
    static let priorFieldUnknown = "prior-field-unknown"

    /// Who a 加考 condition concerns, as the start of a sentence: "a candidate whose prior field is not A, B".
    private func conditionText(_ condition: AdditionalCourses.Condition) -> LocalizedText {
        switch condition {
        case .priorFieldIn(let fields):
            return .init(zh: "前置学历专业为 \(fields.joined(separator: "、")) 之一者", en: "a candidate whose prior field is one of \(fields.joined(separator: ", "))")
        case .priorFieldNotIn(let fields):
            return .init(zh: "前置学历专业不属于 \(fields.joined(separator: "、")) 者", en: "a candidate whose prior field is not \(fields.joined(separator: ", "))")
        case .priorCategoryIn(let names):
            let list = names.map(\.value)
            return .init(zh: "前置学历专业属于 \(list.joined(separator: "、")) 者", en: "a candidate whose prior field is in \(list.joined(separator: ", "))")
        case .priorCategoryNotIn(let names):
            let list = names.map(\.value)
            return .init(zh: "前置学历专业不属于 \(list.joined(separator: "、")) 者", en: "a candidate whose prior field is not in \(list.joined(separator: ", "))")
        }
    }

    /// Why a 加考 group is audited without deciding whether it applies.
    private mutating func traceUndetermined(_ group: Int) {
        guard group >= 0, group < plan.additionalRoots.count else { return }
        let extra = plan.additionalRoots[group]
        let condition = conditionText(extra.condition)
        let title = extra.title.map { "\(extra.id) \($0)" } ?? extra.id
        let missingDiploma = !hasPriorDiploma
        let field = priorField
        let definition = group < plan.additionalDefinitions.count ? plan.additionalDefinitions[group] : nil
        let why: LocalizedText
        if missingDiploma {
            why = LocalizedText(zh: "没有前置学历信息", en: "there is no prior diploma")
        } else if field.isEmpty {
            why = LocalizedText(zh: "前置学历专业未填写", en: "the prior diploma's field is not given")
        } else if let definition, !definition.institutions.isEmpty, institution == nil {
            why = LocalizedText(zh: "该加考只适用于 \(definition.institutions.map(\.value).joined(separator: "、")) 主考的考生，而未指定主考院校",
                                en: "it applies only to candidates of \(definition.institutions.map(\.value).joined(separator: ", ")), and no institution is given")
        } else {
            why = LocalizedText(zh: "前置学历专业“\(field)”不在专业类别表中", en: "the prior field '\(field)' is not in the field-category table")
        }
        trace(extra.id, .init(
            zh: "加考 \(title)：\(why.zh)，无法判断是否适用（\(condition.zh)须加考），不作推测：已通过的加考课程照常列出，未通过的列为待县（市、区）自考部门核实的项目，结论至多为“符合条件，待人工审核”",
            en: "加考 \(title): \(why.en), so whether it applies (\(condition.en) must pass it) cannot be decided and is not guessed: passed courses are shown, the others are items for the county office to review, and the verdict is at best eligible pending review"))
    }

    // MARK: missing

    private mutating func addMissing(for index: Int, code: CourseCode) {
        missingCourseNodes.append(code)
        var note = partialMappingNote(index)
        // A course whose last sitting is past cannot be taken any more: say so instead of advising to pass it.
        if let until = plan.nodeExaminedUntil[index], until < applicationDate {
            let stopped = LocalizedText(zh: "该课程最后一次开考为 \(until)，已不再开考：须按对照关系以新课程替代，或由自考部门处理",
                                        en: "last examined on \(until) and no longer examined: it must be replaced through the plan's mappings, or the exam office decides")
            note = note.map { .init(zh: "\($0.zh)；\(stopped.zh)", en: "\($0.en); \(stopped.en)") } ?? stopped
        }
        missing.append(.init(requirement: plan.nodeID[index], title: plan.nodeTitle[index], course: plan.nodeCourseRef[index] ?? ref(code),
                             alternatives: plan.nodeAlternatives[index], credits: 0, note: note))
    }

    /// For a missing course that an old → new mapping rule could satisfy, when the candidate passed some but not
    /// enough of the rule's old courses: which rule, what it needs and what was passed (e.g. the count-based
    /// political-course rule), so the office sees why the old courses did not count.
    private func partialMappingNote(_ index: Int) -> LocalizedText? {
        var notes: [LocalizedText] = []
        for (rule, _) in plan.rulesForNode[index] {
            // Counted first, without copying the rule out: most missing courses have no partly passed rule. (Closures
            // call `holds` rather than take it as a function value, which would copy the whole builder.)
            var passedCount = 0
            for slot in plan.ruleSlotIDs[rule] where slot.contains(where: { holds($0) }) { passedCount += 1 }
            guard passedCount > 0, passedCount < plan.rules[rule].need else { continue }
            let definition = plan.rules[rule]
            let passedSlots = plan.ruleSlotIDs[rule].filter { slot in slot.contains { holds($0) } }
            // One old course may appear under several codes (a slot): they count once, shown as 00001/99031.
            let passed = passedSlots.map { slot in slot.filter { holds($0) }.map { plan.codes[$0].rawValue }.joined(separator: "/") }
            let slots = definition.slots.map { $0.map(\.rawValue).joined(separator: "/") }
            // Never advise what can no longer be done: when the rule only counts old results passed by a date that is
            // gone, another old course cannot complete it, and the new course is the way.
            let closed = definition.window?.until.flatMap { $0 < applicationDate ? $0 : nil }
            let way = closed.map { LocalizedText(zh: "；该规则只计 \($0) 前通过的旧课程，已不能再以补考旧课程满足，须报考本课程",
                                                 en: "; the rule counts only old courses passed by \($0), so no further old course can complete it: pass this course") }
            notes.append(.init(
                zh: "对照规则\(definition.displayName)须通过 \(slots.joined(separator: "、")) 中 \(definition.need) 门，现只通过 \(passedSlots.count) 门（\(passed.joined(separator: "、"))）\(way?.zh ?? "")",
                en: "mapping \(definition.mappingID) needs \(definition.need) of \(slots.joined(separator: ", ")); \(passedSlots.count) passed (\(passed.joined(separator: ", ")))\(way?.en ?? "")"))
        }
        guard !notes.isEmpty else { return nil }
        return .init(zh: notes.map(\.zh).joined(separator: "；"), en: notes.map(\.en).joined(separator: "; "))
    }

    private mutating func addResidual() {
        for part in residual {
            let requirement = part.pool.map { plan.nodes[$0].id } ?? plan.plan.id
            missing.append(.init(requirement: requirement, title: part.pool.flatMap { plan.nodes[$0].title }, course: nil, alternatives: [],
                                 credits: part.credits, note: .init(
                zh: "还差 \(part.credits) 学分、\(part.courses) 门课程，本计划中已没有可选课程能补足，请咨询自考部门",
                en: "\(part.credits) credit\(part.credits == 1 ? "" : "s") and \(part.courses) course\(part.courses == 1 ? "" : "s") short, and no remaining course of this plan can provide them; consult the exam office")))
        }
    }

    /// Whether the candidate passed `code` or an equivalent (whatever the record is used for).
    private func isPassed(_ code: CourseCode) -> Bool {
        (plan.closure[code] ?? [code]).contains { equivalent in
            guard let id = plan.codeIndex.id(of: equivalent), id < table.recordOfCode.count else { return false }
            return table.recordOfCode[id] >= 0
        }
    }

    private func ref(_ code: CourseCode) -> Audit.CourseRef { plan.ref(code) }

    // MARK: records

    /// How record `record` of the table is used (records are read in place: no copy of the table's record).
    private func usedRecord(_ record: Int, via: String, standsFor: CourseCode?, rule: String?, ruleTitle: String? = nil) -> Audit.UsedRecord {
        .init(code: table.records[record].code, name: table.records[record].name, credits: table.records[record].credits,
              score: table.records[record].score, evidence: table.records[record].evidenceKind, via: via, standsFor: standsFor, rule: rule,
              ruleTitle: ruleTitle)
    }

    private mutating func addReview(_ record: Int, requirement: String) {
        guard table.records[record].needsReview else { return }
        let rec = table.records[record]
        guard !review.contains(where: { $0.code == rec.code && $0.evidence == rec.evidenceKind }) else { return }
        review.append(.init(code: rec.code, name: rec.name, evidence: rec.evidenceKind, requirement: requirement, message: .init(
            zh: "\(rec.evidence.zh)：须交回原件由县（市、区）自考部门核验", en: "\(rec.evidence.en): the county office must check the original")))
    }

    private func unused() -> [Audit.UnusedRecord] {
        // Reserved once for the set-aside records and the unused passed ones (appending to a copy of `setAside` grew it).
        var unusedCount = 0
        for index in table.records.indices where !isUsed[index] && table.records[index].score != nil { unusedCount += 1 }
        var result: [Audit.UnusedRecord] = []
        result.reserveCapacity(table.setAside.count + unusedCount)
        result.append(contentsOf: table.setAside)
        // Which plan codes a used record stands under (flags by code id, no hashing): made by `unusedReason` when a
        // reason needs it (an old-plan course), not on every audit.
        var usedIDs: [Bool] = []
        // Records are read in place (copying one retains each of its texts).
        for index in table.records.indices where !isUsed[index] {
            guard let score = table.records[index].score else { continue }
            let name = table.records[index].name
            result.append(.init(code: table.records[index].code, name: name.isEmpty ? nil : name, score: score,
                                reason: unusedReason(index, usedIDs: &usedIDs)))
        }
        // By (code, score rank, English reason, name), comparing the texts only on ties; in place (`sorted` would copy
        // every record once more).
        result.sort { a, b in
            if a.code != b.code { return a.code < b.code }
            if a.score.rank != b.score.rank { return a.score.rank < b.score.rank }
            if a.reason.en != b.reason.en { return a.reason.en < b.reason.en }
            return (a.name ?? "") < (b.name ?? "")
        }
        return result
    }

    /// Why a passed result counted for nothing: not in the plan; its requirement met by another result; or, for an
    /// old-plan course that counts only through a mapping rule, the same old course already counted under another
    /// code, too few courses of the rule passed, or the new course already met.
    private func unusedReason(_ record: Int, usedIDs: inout [Bool]) -> LocalizedText {
        // By the plan's tables of code ids (`relevantCodes` and the nodes' matches, read without hashing or scanning).
        let id = table.records[record].codeID
        guard id >= 0, id < plan.codeIsRelevant.count, plan.codeIsRelevant[id] else {
            return .init(zh: "不是本专业考试计划的课程", en: "not a course of this plan")
        }
        let inRequirements = plan.codeInRequirements[id]
        let metElsewhere = LocalizedText(zh: "该要求已由其他成绩满足，此成绩未计入", en: "the requirement is already met by another result; this one does not count")
        if inRequirements { return metElsewhere }
        // The rules holding the code, from the plan's table (ascending, as a filter over every rule would give them).
        let rules = plan.codeRuleTable.range(id).map { plan.codeRuleTable.values[$0] }
        guard !rules.isEmpty else {
            // A course of a substitution option that was not needed.
            return .init(zh: "替代（换考）课程：被替代的要求已另行满足，此成绩未计入", en: "a replacement course: the requirement it could replace is met otherwise; this one does not count")
        }
        if usedIDs.isEmpty {
            usedIDs = Array(filledWith: false, count: plan.codes.count)
            for used in table.records.indices where isUsed[used] {
                let usedID = table.records[used].codeID
                if usedID >= 0, usedID < usedIDs.count { usedIDs[usedID] = true }
            }
        }
        for rule in rules {
            for slot in plan.ruleSlotIDs[rule] where slot.contains(id) {
                if let otherID = slot.first(where: { $0 != id && $0 < usedIDs.count && usedIDs[$0] }) {
                    let other = plan.codes[otherID]
                    return .init(zh: "与已计入的 \(other) 为同一门旧计划课程（对照规则\(plan.rules[rule].bracketedName)），只计一次",
                                 en: "the same old-plan course as \(other), which already counts (mapping \(plan.rules[rule].mappingID)); it counts once")
                }
            }
        }
        // Describe the rule that lacks the fewest courses.
        func passedSlots(_ rule: Int) -> Int { plan.ruleSlotIDs[rule].filter { slot in slot.contains { holds($0) } }.count }
        let short = rules.filter { passedSlots($0) < plan.rules[$0].need }
        if let rule = short.min(by: { plan.rules[$0].need - passedSlots($0) < plan.rules[$1].need - passedSlots($1) }) {
            let definition = plan.rules[rule]
            let slots = definition.slots.map { $0.map(\.rawValue).joined(separator: "/") }
            let new = definition.new.map { "\($0) \(plan.name(of: $0))" }
            return .init(zh: "旧计划课程：对照规则\(definition.displayName)须通过 \(slots.joined(separator: "、")) 中 \(definition.need) 门才能替代 \(new.joined(separator: "、"))，现只通过 \(passedSlots(rule)) 门",
                         en: "old-plan course: mapping \(definition.mappingID) needs \(definition.need) of \(slots.joined(separator: ", ")) to stand for \(new.joined(separator: ", ")); only \(passedSlots(rule)) passed")
        }
        let new = rules.flatMap { plan.rules[$0].new }.reduce(into: [CourseCode]()) { if !$0.contains($1) { $0.append($1) } }
        // A common reason in a transition (an old course whose new course is passed), so written as `MessageText` (the
        // same text as interpolating a `String`); one new course, the usual case, needs no list joined.
        func list(_ separator: String) -> String { new.count == 1 ? new[0].rawValue : new.map(\.rawValue).joined(separator: separator) }
        return .init(zh: MessageText("旧计划课程：可对照替代的 \(list("、")) 已由其他成绩满足，此成绩未计入").text,
                     en: MessageText("old-plan course: \(list(", ")), which it could stand for, \(new.count == 1 ? "is" : "are") already met by other results; this one does not count").text)
    }

    /// Whether the transcript holds a usable result of the plan code `id` (whatever it is used for).
    private func holds(_ id: Int) -> Bool {
        id >= 0 && id < table.recordOfCode.count && table.recordOfCode[id] >= 0
    }

    /// The catalog name of a course node's course (nil for other nodes).
    private func courseTitle(_ node: CompiledPlan.Node) -> String? {
        if case .course(let code) = node.kind { return plan.name(of: code) }
        return nil
    }

    /// Office decisions that cannot do anything are said so, never ignored: an accept/pin of a course the transcript
    /// has no passed result of (listed under `applied` with no records, and in the trace), and — in a transition
    /// window — a decision for a requirement only another plan in force has (trace).
    private mutating func decisionsWithoutEffect() {
        for decision in decisions {
            let requirement = decision.requirement
            guard plan.nodeByID[requirement] != nil else {
                trace(plan.plan.id, .init(
                    zh: "县（市、区）自考部门的决定针对的要求 \(requirement) 不是考试计划 \(plan.plan.id) 中的要求（属于另一份有效计划），按本计划审核时未采用",
                    en: "the county office decision for \(requirement) names no requirement of plan \(plan.plan.id) (it belongs to another plan in force); not applied under this plan"))
                continue
            }
            guard let code = decision.course, table.records(of: code).isEmpty else { continue }
            var isPin = false
            if case .pin = decision { isPin = true }
            let verb: LocalizedText = isPin ? .init(zh: "指定", en: "pins") : .init(zh: "同意计入", en: "accepts")
            let message = LocalizedText(
                zh: "县（市、区）自考部门的决定\(verb.zh) \(code) 用于 \(requirement)，但成绩中没有 \(code) 的合格成绩（截至申请日期）——此决定不起作用；请核对课程代码，或补录该课程的合格成绩",
                en: "decision \(verb.en) \(code) for \(requirement), but the transcript has no passed \(code) (by the application date) — the decision has no effect; check the course code, or add the passed result")
            applied.append(.init(kind: "decision", id: "\(isPin ? "pin" : "accept"):\(code):no-effect", requirement: requirement, records: [], message: message))
            trace(requirement, message)
        }
    }

    private func decisionMessage(_ requirement: String) -> LocalizedText {
        func course(_ code: CourseCode) -> String {
            let name = table.records.first { $0.code == code }?.name ?? plan.name(of: code)
            return name.isEmpty ? code.rawValue : "\(code) \(name)"
        }
        let target = plan.nodeByID[requirement].map { node -> String in
            let title = plan.nodes[node].title ?? courseTitle(plan.nodes[node]) ?? ""
            return title.isEmpty || title == requirement ? requirement : "\(requirement) \(title)"
        } ?? requirement
        let parts = decisions.filter { $0.requirement == requirement }.map { decision -> LocalizedText in
            switch decision {
            case .waive(_, let reason):
                return .init(zh: "免除 \(target)（\(reason)）", en: "\(target) waived (\(reason))")
            case .accept(let code, _, let reason):
                return .init(zh: "同意以 \(course(code)) 计入 \(target)（\(reason)）", en: "\(course(code)) accepted for \(target) (\(reason))")
            case .pin(let code, _, let reason):
                return .init(zh: "指定 \(course(code)) 只计入 \(target)（\(reason)）", en: "\(course(code)) pinned to \(target) (\(reason))")
            }
        }
        return .init(zh: "县（市、区）自考部门决定：\(parts.map(\.zh).joined(separator: "；"))",
                     en: "county office decision: \(parts.map(\.en).joined(separator: "; "))")
    }

    private mutating func trace(_ requirement: String, _ message: LocalizedText) {
        trace.append(.init(requirement: requirement, message: message))
    }
}

private extension UsableRecord {
    /// The certificate's name when the record is an exemption.
    var certificate: String? {
        if case .exemption(_, let name) = origin { return name }
        return nil
    }
}
