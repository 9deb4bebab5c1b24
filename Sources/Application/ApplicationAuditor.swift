import CurriculumDSL
import Eligibility

/// Re-audits an application's choices through the Eligibility engine: each chosen major with the candidate's
/// electronic records plus the added old-plan courses (as paper evidence, so at best *eligible pending review*),
/// and the 顶替英语(二) picks against the plan's replacement list (seed: 顶替课程总学分不能小于14分). The result is
/// what `submit` takes.
public struct ApplicationAuditor: Sendable {
    public let graph: CurriculumGraph
    private let engine: AuditEngine

    /// The course 英语(二) that 顶替 picks replace.
    public static let englishII: CourseCode = "00015"

    public init(graph: CurriculumGraph) {
        self.graph = graph
        self.engine = AuditEngine(graph: graph)
    }

    /// One `ChoiceAudit` per chosen major, in the application's order.
    public func audit(_ application: GraduationApplication, records: [CourseRecord], on date: CivilDate) -> [ChoiceAudit] {
        let added = addedRecords(application.content.oldPlanCourses, on: date)
        let all = records + added.records
        return application.content.choices.map { choice in
            var problems = added.problems
            let request = AuditRequest(candidate: application.candidate, records: all,
                                       major: MajorKey(province: application.province, code: choice.major),
                                       institution: choice.institution, applicationDate: date)
            let audit: Audit
            switch Result(catching: { () throws(AuditError) -> Audit in try engine.audit(request) }) {
            case .success(let result):
                audit = result
            case .failure(let error):
                problems.append(error.message)
                return ChoiceAudit(institution: choice.institution, major: choice.major, verdict: .notEligible, problems: problems)
            }
            if !choice.replacementPicks.isEmpty, let plan = graph.plans[audit.target.planID] {
                problems += pickProblems(choice.replacementPicks, plan: plan, records: all)
            }
            return ChoiceAudit(institution: choice.institution, major: choice.major, verdict: audit.verdict, problems: problems)
        }
    }

    /// The added old-plan courses as paper-evidence records, and what is wrong with those that cannot be used.
    func addedRecords(_ courses: [OldPlanCourse], on date: CivilDate) -> (records: [CourseRecord], problems: [LocalizedText]) {
        var records: [CourseRecord] = []
        var problems: [LocalizedText] = []
        for (index, course) in courses.enumerated() {
            let formatProblems = OldPlanCourseCheck.problems(course, row: index + 1, today: date)
            guard formatProblems.isEmpty else {
                problems += formatProblems
                continue
            }
            let code = CourseCode(rawValue: course.code)
            guard let known = graph.courses[code] else {
                problems.append(.init(zh: "旧计划课程第 \(index + 1) 行：课程代码 \(course.code) 不在课程目录中；请核对合格证上的课程代码",
                                      en: "old-plan course row \(index + 1): course code \(course.code) is not in the catalog; check the code on the card"))
                continue
            }
            let name = course.name.trimmed
            if name != known.name, !known.formerNames.contains(name) {
                problems.append(.init(zh: "旧计划课程第 \(index + 1) 行：\(course.code) 的课程名称是“\(known.name)”，填的是“\(name)”；请按合格证核对",
                                      en: "old-plan course row \(index + 1): \(course.code) is '\(known.name)', not '\(name)'; check against the card"))
            }
            records.append(CourseRecord(code: code, name: name, score: .points(course.score),
                                        passDate: OldPlanCourseCheck.strictDate(course.passDate), evidence: .oldPlanCertificate))
        }
        return (records, problems)
    }

    /// The 顶替英语(二) picks checked against the plan's replacement list and the candidate's passes.
    func pickProblems(_ picks: [CourseCode], plan: Plan, records: [CourseRecord]) -> [LocalizedText] {
        let lists = plan.substitutions.compactMap { substitution -> (minCredits: Int, from: Set<CourseCode>)? in
            guard substitution.replaces.value == Self.englishII.rawValue,
                  case .credits(let minCredits, let from) = substitution.form else { return nil }
            return (minCredits, Set(from.map(\.value)))
        }
        guard let list = lists.first else {
            return [.init(zh: "考试计划 \(plan.id) 没有顶替英语（二）的课程列表；请删去顶替课程",
                          en: "plan \(plan.id) has no list of courses that replace 英语(二); remove the picks")]
        }
        var problems: [LocalizedText] = []
        var seen: Set<CourseCode> = []
        var total = 0
        for pick in picks {
            guard seen.insert(pick).inserted else {
                problems.append(.init(zh: "顶替课程 \(pick) 选了两次", en: "replacement course \(pick) is picked twice"))
                continue
            }
            guard list.from.contains(pick) else {
                problems.append(.init(zh: "\(pick) 不在本专业可顶替英语（二）的课程列表中", en: "\(pick) is not in the plan's list of courses that replace 英语(二)"))
                continue
            }
            guard records.contains(where: { $0.code == pick && $0.score.passes(at: plan.passMark) }) else {
                problems.append(.init(zh: "顶替课程 \(pick) 没有合格成绩", en: "replacement course \(pick) has no pass"))
                continue
            }
            total += graph.courses[pick]?.credits ?? 0
        }
        if total < list.minCredits {
            problems.append(.init(zh: "顶替课程总学分不能小于 \(list.minCredits) 分，所选合格课程共 \(total) 分",
                                  en: "the replacement courses must total at least \(list.minCredits) credits; the passed picks total \(total)"))
        }
        return problems
    }
}
