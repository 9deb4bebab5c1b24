import CurriculumDSL

/// The answer to one graduation check: the verdict with reasons, every requirement's status and progress, the
/// cheapest way to finish, what was applied, what counted for nothing, and the decision trace.
/// Encoded as stable JSON (keys sorted; see docs/audit-json.md).
public struct Audit: Sendable, Hashable, Codable {
    /// The version of the JSON form (docs/audit-json.md).
    public var schemaVersion = 1
    /// What was audited: the major, the plan and the date.
    public var target: Target
    /// Eligible, eligible pending review, or not eligible.
    public var verdict: Verdict
    /// Why the verdict is what it is.
    public var reasons: [Reason]
    /// The plan's requirement tree, each node with its outcome.
    public var requirements: NodeResult
    /// Credits and courses earned toward the plan's totals.
    public var totals: Totals
    /// What remains: the cheapest completion.
    public var missing: Missing
    /// The additional courses (加考) the candidate must pass, with their outcomes.
    public var additionalCourses: [NodeResult]
    /// The substitutions, mappings, equivalences, exemptions and decisions the audit used.
    public var applied: [AppliedRule]
    /// Results that counted for nothing, each with the reason.
    public var unused: [UnusedRecord]
    /// Results that need an office's review before the verdict is final.
    public var review: [ReviewItem]
    /// The decision trace: why each requirement came out as it did.
    public var trace: [TraceLine]
    /// The other plans of the major in force on the application date (a transition window), each with its outcome;
    /// absent when only one plan is in force or the plan was named. The audited plan is the one with the best
    /// verdict (eligible, then pending review, then not eligible), the newest among equals.
    public var otherPlans: [OtherPlan]?

    /// The outcome under another plan in force on the same date.
    public struct OtherPlan: Sendable, Hashable, Codable {
        /// The other plan.
        public var planID: String
        /// The other plan's version (e.g. `2021`).
        public var planVersion: String
        /// The verdict under the other plan.
        public var verdict: Verdict
        /// Credits still to earn under the other plan.
        public var missingCredits: Int
        /// Courses still to pass under the other plan.
        public var missingCourses: Int
    }

    /// What was audited.
    public struct Target: Sendable, Hashable, Codable {
        /// The major's province.
        public var province: String
        /// The major's code.
        public var majorCode: String
        /// The major's name.
        public var majorName: String
        /// The major's level (专科 or 本科).
        public var level: Level
        /// The examining institution, when one was named.
        public var institution: String?
        /// The plan audited against.
        public var planID: String
        /// The plan's version (e.g. `2024`).
        public var planVersion: String
        /// The application date.
        public var applicationDate: CivilDate
        /// The plan's last day (`effective-until`), when it has one: under a plan being replaced, the candidate must
        /// apply by then.
        public var planUntil: CivilDate? = nil
    }

    /// The outcome of an audit.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Every requirement is met and nothing needs review.
        case eligible
        /// Every requirement is met, but some results need an office's review (see `review`).
        case eligiblePendingReview = "eligible-pending-review"
        /// Something remains to pass, or a condition fails (see `missing` and `reasons`).
        case notEligible = "not-eligible"

        /// The verdict as people read it, in Chinese and English.
        public var label: LocalizedText {
            switch self {
            case .eligible: .init(zh: "符合毕业条件", en: "eligible")
            case .eligiblePendingReview: .init(zh: "符合毕业条件，待人工审核", en: "eligible pending manual review")
            case .notEligible: .init(zh: "不符合毕业条件", en: "not eligible")
            }
        }
    }

    /// Why the verdict is what it is; `code` is stable for programs.
    public struct Reason: Sendable, Hashable, Codable {
        /// A stable code for programs (e.g. `missing-courses`).
        public var code: String
        /// The reason in Chinese and English.
        public var message: LocalizedText
    }

    /// Progress toward a minimum.
    public struct Progress: Sendable, Hashable, Codable {
        /// What counts so far.
        public var earned: Int
        /// The minimum; nil when there is none.
        public var required: Int?
    }

    /// A requirement node's outcome.
    public enum NodeStatus: String, Sendable, Hashable, Codable {
        /// Met.
        case satisfied
        /// Not met.
        case unsatisfied
        /// Met by an office's `waive` decision.
        case waived
        /// An option of a choice that was not taken.
        case notChosen = "not-chosen"
        /// Met through a substitution.
        case substituted
    }

    /// One requirement node's outcome.
    public struct NodeResult: Sendable, Hashable, Codable {
        /// The node's id in the plan.
        public var id: String
        /// The node's title from the plan.
        public var title: String?
        /// The node's shape: `course`, `all-of`, `one-of`, `choose`, `pool`, `alternatives`.
        public var kind: String
        /// True on the course node of the graduation thesis (graded, no credits); nil otherwise.
        public var thesis: Bool? = nil
        /// Met, not met, or how.
        public var status: NodeStatus
        /// Credits toward the node's minimum.
        public var credits: Progress
        /// Courses toward the node's minimum.
        public var courses: Progress
        /// The records used for the node.
        public var records: [UsedRecord]
        /// The node's children's outcomes.
        public var children: [NodeResult]
    }

    /// A record and how it was used.
    public struct UsedRecord: Sendable, Hashable, Codable {
        /// The record's course code.
        public var code: CourseCode
        /// The course's name.
        public var name: String
        /// The credits the record earns here.
        public var credits: Int
        /// The score or grade; nil for an exemption or a decision.
        public var score: Score?
        /// Where the result comes from (`electronic`, `old-plan-certificate`, …).
        public var evidence: String
        /// `direct`, `equivalence`, `substitution`, `mapping`, `exemption`, `decision`, `stopped-major-rule`.
        public var via: String
        /// The code of the requirement it stands for, when that differs.
        public var standsFor: CourseCode?
        /// The rule (substitution, mapping, exemption, decision) that allowed it.
        public var rule: String?
        /// The rule's title from the plan (a mapping's or substitution's `title`, an exemption's certificate), shown
        /// to people instead of the id.
        public var ruleTitle: String? = nil
    }

    /// Credits and courses toward the plan's totals.
    public struct Totals: Sendable, Hashable, Codable {
        /// Credits earned toward `total-credits`.
        public var credits: Progress
        /// Courses counted toward `min-courses`.
        public var courses: Progress
    }

    /// What remains: the cheapest completion (fewest credits, then fewest courses).
    public struct Missing: Sendable, Hashable, Codable {
        /// Credits still to earn.
        public var credits: Int
        /// Courses still to pass.
        public var courses: Int
        /// What to pass, requirement by requirement.
        public var items: [MissingItem]
    }

    /// One thing still to pass.
    public struct MissingItem: Sendable, Hashable, Codable {
        /// The requirement it completes.
        public var requirement: String
        /// The requirement's title from the plan.
        public var title: String?
        /// The course to pass (the cheapest choice).
        public var course: CourseRef?
        /// Where there is a choice: every option, cheapest first (the chosen one included).
        public var alternatives: [CourseRef]
        /// Credits still needed without a course to name (e.g. a total no course can reach).
        public var credits: Int
        /// A note for people (e.g. why no course can be named).
        public var note: LocalizedText?
    }

    /// A course named in a report.
    public struct CourseRef: Sendable, Hashable, Codable {
        /// The course code.
        public var code: CourseCode
        /// The course name.
        public var name: String
        /// The course's credits.
        public var credits: Int
    }

    /// A substitution, mapping, equivalence, exemption or office decision that the audit used.
    public struct AppliedRule: Sendable, Hashable, Codable {
        /// `substitution`, `mapping`, `equivalence`, `exemption`, `decision`, `assumed-choice`, ….
        public var kind: String
        /// The rule's id in the curricula (or the decision's requirement).
        public var id: String
        /// The requirement it served, when one.
        public var requirement: String?
        /// The records it used.
        public var records: [CourseCode]
        /// What was applied, in Chinese and English.
        public var message: LocalizedText
    }

    /// A result that counted for nothing.
    public struct UnusedRecord: Sendable, Hashable, Codable {
        /// The course code.
        public var code: CourseCode
        /// The course name, when known.
        public var name: String?
        /// The score or grade.
        public var score: Score
        /// Why it did not count (failed, a better attempt counted, not in the plan, dated after the application date, …).
        public var reason: LocalizedText
    }

    /// A result the office must review before the verdict is final.
    public struct ReviewItem: Sendable, Hashable, Codable {
        /// The course code.
        public var code: CourseCode
        /// The course name, when known.
        public var name: String?
        /// Where the result comes from.
        public var evidence: String
        /// The requirement it is used for.
        public var requirement: String
        /// What to review, in Chinese and English.
        public var message: LocalizedText
    }

    /// One step of the explanation. Kept as the facts that decided it and rendered to text when read or
    /// encoded, so building an audit costs no string formatting. JSON: `{requirement, message: {zh, en}}`.
    public struct TraceLine: Sendable, Hashable, Codable {
        /// The id of the requirement the step is about.
        public var requirement: String
        var fact: TraceFact

        /// A trace line with a message already written.
        public init(requirement: String, message: LocalizedText) {
            self.requirement = requirement
            fact = .text(message)
        }

        init(requirement: String, fact: TraceFact) {
            self.requirement = requirement
            self.fact = fact
        }

        /// The step in Chinese and English.
        public var message: LocalizedText { fact.message }

        enum CodingKeys: String, CodingKey { case requirement, message }

        /// Reads `{requirement, message: {zh, en}}`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            requirement = try container.decode(String.self, forKey: .requirement)
            fact = .text(try container.decode(LocalizedText.self, forKey: .message))
        }

        /// Writes `{requirement, message: {zh, en}}`, the message rendered.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(requirement, forKey: .requirement)
            try container.encode(message, forKey: .message)
        }

        /// Lines are equal when their requirement and rendered message are.
        public static func == (lhs: TraceLine, rhs: TraceLine) -> Bool {
            lhs.requirement == rhs.requirement && lhs.message == rhs.message
        }

        /// Hashes the requirement and the rendered message.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(requirement)
            hasher.combine(message)
        }
    }

    /// The facts behind a trace line.
    enum TraceFact: Sendable {
        case text(LocalizedText)
        case passed(code: CourseCode, score: Score?, passMark: Int, evidence: Evidence?, exemption: String?)
        case missing(code: CourseCode, name: String, credits: Int)
        /// A choice node (not the root): whether the chosen children meet it, and their ids.
        case choice(met: Bool, picked: [String])
        case pool(credits: Int, requiredCredits: Int, courses: Int, requiredCourses: Int, maxCredits: Int?)
        case substitution(title: String, minCredits: Int?, credits: Int)
        case totals(Totals)

        var message: LocalizedText {
            switch self {
            case .text(let text):
                return text
            case .passed(let code, let score, let passMark, let evidence, let exemption):
                let scoreText = score.map { "\($0)" } ?? "—"
                let label = evidence?.label ?? LocalizedText(zh: "免考（\(exemption ?? "")）", en: "exemption (\(exemption ?? ""))")
                return .init(zh: "已通过：\(code) 成绩 \(scoreText)（及格线 \(passMark)，\(label.zh)）",
                             en: "passed: \(code) score \(scoreText) (pass mark \(passMark), \(label.en))")
            case .missing(let code, let name, let credits):
                return .init(zh: "未通过：缺 \(code) \(name)（\(credits) 学分）", en: "not passed: \(code) \(name) (\(credits) credits) is missing")
            case .choice(let met, let picked):
                let list = picked.joined(separator: "、")
                return met ? .init(zh: "已满足（选择：\(list)）", en: "met (chosen: \(list))")
                    : .init(zh: "未满足（最省的选择：\(list)）", en: "not met (cheapest choice: \(list))")
            case .pool(let credits, let requiredCredits, let courses, let requiredCourses, let maxCredits):
                let cap = maxCredits.map { LocalizedText(zh: "，计入上限 \($0)", en: ", counted up to \($0)") } ?? .init(zh: "", en: "")
                return .init(zh: "课程池：已得 \(credits)/\(requiredCredits) 学分、\(courses)/\(requiredCourses) 门\(cap.zh)",
                             en: "pool: \(credits)/\(requiredCredits) credits, \(courses)/\(requiredCourses) courses\(cap.en)")
            case .substitution(let title, let minCredits, let credits):
                let threshold = minCredits.map { LocalizedText(zh: "（须不少于 \($0) 学分）", en: " (at least \($0) credits)") } ?? .init(zh: "", en: "")
                return .init(zh: "\(title)\(threshold.zh)：已得 \(credits) 学分", en: "\(title)\(threshold.en): \(credits) credits")
            case .totals(let totals):
                let credits = "\(totals.credits.earned)/\(totals.credits.required.map(String.init) ?? "—")"
                let courses = "\(totals.courses.earned)/\(totals.courses.required.map(String.init) ?? "—")"
                return .init(zh: "总计：学分 \(credits)，课程 \(courses) 门", en: "totals: credits \(credits), courses \(courses)")
            }
        }
    }
}

/// A major the curricula list without any plan, and what the catalog says about it: whether it stopped enrolling
/// new candidates (停止新生报名) and its renames — so "no plan data" says why there may be none.
public struct MajorWithoutPlanData: Sendable, Hashable {
    /// The major.
    public var key: MajorKey
    /// The major's name.
    public var name: String
    /// 停止新生报名: the major takes no new candidates but still graduates those registered.
    public var stopped: Bool
    /// The date the major stopped enrolling, when known.
    public var stoppedSince: CivilDate?
    /// The codes the major had in earlier catalogs (680503 for 580401 法律事务).
    public var formerCodes: [String]
    /// Majors of the same province that now carry this major's code as a former code: `code name` (renamed to).
    public var renamedTo: [String]

    /// What is known of a major without plan data.
    public init(key: MajorKey, name: String, stopped: Bool = false, stoppedSince: CivilDate? = nil, formerCodes: [String] = [],
                renamedTo: [String] = []) {
        self.key = key
        self.name = name
        self.stopped = stopped
        self.stoppedSince = stoppedSince
        self.formerCodes = formerCodes
        self.renamedTo = renamedTo
    }

    /// What `graph` says about `major`.
    public init(major: Major, graph: CurriculumGraph) {
        let successors = graph.majors.values
            .filter { $0.key != major.key && $0.province == major.province && $0.formerCodes.contains { $0.value == major.code } }
            .sorted { $0.code < $1.code }
            .map { "\($0.code) \($0.name)" }
        self.init(key: major.key, name: major.name, stopped: major.status == .stopped, stoppedSince: major.stoppedSince,
                  formerCodes: major.formerCodes.map(\.value).filter { $0 != major.code }, renamedTo: successors)
    }

    /// "no plan data", with the major's former codes, whether it stopped enrolling (since when) and what it was
    /// renamed to, and what to do.
    public var message: LocalizedText {
        let former = formerCodes.isEmpty ? LocalizedText(zh: "", en: "")
            : .init(zh: "，原代码 \(formerCodes.joined(separator: "、"))", en: "; formerly \(formerCodes.joined(separator: ", "))")
        var zh = "专业 \(key.code) \(name)（\(key.province)\(former.zh)）暂无考试计划数据，无法审核"
        var en = "no plan data for major \(key.code) \(name) (\(key.province)\(former.en)); it cannot be audited"
        if !renamedTo.isEmpty {
            zh += "；该专业已更名为 \(renamedTo.joined(separator: "、"))，请按新专业代码审核"
            en += "; the major has been renamed to \(renamedTo.joined(separator: ", ")): audit under the new code"
        }
        if stopped {
            let sinceZh = stoppedSince.map { "（自 \($0) 起）" } ?? ""
            let sinceEn = stoppedSince.map { " since \($0)" } ?? ""
            zh += "；该专业已停止新生报名\(sinceZh)，仍为已报考的考生办理毕业：须先在课程数据中补充其考试计划（向省自考办索取），才能审核"
            en += "; the major has stopped enrolling new candidates (停止新生报名)\(sinceEn) but still graduates those registered: "
                + "its plan must be added to the curricula (from the provincial exam office) before they can be audited"
        }
        return .init(zh: zh, en: en)
    }
}

/// A request the engine could not audit at all (no such major, no plan data, no plan in force).
public enum AuditError: Error, Sendable, Hashable {
    /// No major with that code in the province; `suggestion` is the closest code, if any.
    case unknownMajor(MajorKey, suggestion: String?)
    /// The major has no plan at all (a catalog entry); says whether it stopped enrolling or was renamed.
    case noPlanData(MajorWithoutPlanData)
    /// No plan of the major is in force on `date`; `plans` are the major's plans.
    case noPlanInForce(MajorKey, date: CivilDate, plans: [String])
    /// No plan has that id.
    case unknownPlan(String)
    /// The institution does not examine the major.
    case institutionDoesNotExamine(institution: String, major: MajorKey)
    /// A plan named by id that is not in force on the application date (e.g. an old plan after its transition
    /// window): nobody can graduate under it on that date.
    case planNotInForce(String, date: CivilDate, from: CivilDate?, until: CivilDate?)
    /// A declared choice (`AuditRequest.choices`) that names no `alternatives` requirement of the plan, or no option
    /// of it (`AuditEngine.choiceProblems` lists every one, with what exists).
    case invalidChoice(ChoiceProblem)
    /// An office decision (`AuditRequest.decisions`) that names no requirement of the plan
    /// (`AuditEngine.decisionProblems` lists every one, with the ids that exist).
    case invalidDecision(DecisionProblem)

    /// The error in Chinese and English, with what to do.
    public var message: LocalizedText {
        switch self {
        case .invalidChoice(let problem):
            return problem.message
        case .invalidDecision(let problem):
            return problem.message
        case .unknownMajor(let key, let suggestion):
            let hint = suggestion.map { LocalizedText(zh: "；是不是 \($0)？", en: "; did you mean \($0)?") } ?? LocalizedText(zh: "", en: "")
            return .init(zh: "\(key.province)没有专业 \(key.code)\(hint.zh)", en: "no major \(key.code) in \(key.province)\(hint.en)")
        case .noPlanData(let major):
            return major.message
        case .noPlanInForce(let key, let date, let plans):
            return .init(zh: "专业 \(key.code) 在 \(date) 没有生效的考试计划（已有：\(plans.joined(separator: "、"))）", en: "major \(key.code) has no plan in force on \(date) (plans: \(plans.joined(separator: ", ")))")
        case .unknownPlan(let id):
            return .init(zh: "没有考试计划 \(id)", en: "no plan \(id)")
        case .institutionDoesNotExamine(let institution, let key):
            return .init(zh: "\(institution) 不主考专业 \(key.code)", en: "\(institution) does not examine major \(key.code)")
        case .planNotInForce(let id, let date, let from, let until):
            let period = "\(from.map { "\($0)" } ?? "…") – \(until.map { "\($0)" } ?? "…")"
            return .init(zh: "考试计划 \(id) 在申请日期 \(date) 不在有效期内（有效期 \(period)），不能按该计划申请毕业",
                         en: "plan \(id) is not in force on the application date \(date) (in force \(period)); nobody can graduate under it on that date")
        }
    }
}
