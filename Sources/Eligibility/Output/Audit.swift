import CurriculumDSL

/// The answer to one graduation check: the verdict with reasons, every requirement's status and progress, the
/// cheapest way to finish, what was applied, what counted for nothing, and the decision trace.
/// Encoded as stable JSON (keys sorted; see docs/audit-json.md).
public struct Audit: Sendable, Hashable, Codable {
    public var schemaVersion = 1
    public var target: Target
    public var verdict: Verdict
    public var reasons: [Reason]
    public var requirements: NodeResult
    public var totals: Totals
    public var missing: Missing
    public var additionalCourses: [NodeResult]
    public var applied: [AppliedRule]
    public var unused: [UnusedRecord]
    public var review: [ReviewItem]
    public var trace: [TraceLine]
    /// The other plans of the major in force on the application date (a transition window), each with its outcome;
    /// absent when only one plan is in force or the plan was named. The audited plan is the one with the best
    /// verdict (eligible, then pending review, then not eligible), the newest among equals.
    public var otherPlans: [OtherPlan]?

    /// The outcome under another plan in force on the same date.
    public struct OtherPlan: Sendable, Hashable, Codable {
        public var planID: String
        public var planVersion: String
        public var verdict: Verdict
        public var missingCredits: Int
        public var missingCourses: Int
    }

    public struct Target: Sendable, Hashable, Codable {
        public var province: String
        public var majorCode: String
        public var majorName: String
        public var level: Level
        public var institution: String?
        public var planID: String
        public var planVersion: String
        public var applicationDate: CivilDate
        /// The plan's last day (`effective-until`), when it has one: under a plan being replaced, the candidate must
        /// apply by then.
        public var planUntil: CivilDate? = nil
    }

    public enum Verdict: String, Sendable, Hashable, Codable {
        case eligible
        case eligiblePendingReview = "eligible-pending-review"
        case notEligible = "not-eligible"

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
        public var code: String
        public var message: LocalizedText
    }

    public struct Progress: Sendable, Hashable, Codable {
        public var earned: Int
        public var required: Int?
    }

    public enum NodeStatus: String, Sendable, Hashable, Codable {
        case satisfied
        case unsatisfied
        case waived
        /// An option of a choice that was not taken.
        case notChosen = "not-chosen"
        /// Met through a substitution.
        case substituted
    }

    /// One requirement node's outcome.
    public struct NodeResult: Sendable, Hashable, Codable {
        public var id: String
        public var title: String?
        public var kind: String
        /// True on the course node of the graduation thesis (graded, no credits); nil otherwise.
        public var thesis: Bool? = nil
        public var status: NodeStatus
        public var credits: Progress
        public var courses: Progress
        public var records: [UsedRecord]
        public var children: [NodeResult]
    }

    /// A record and how it was used.
    public struct UsedRecord: Sendable, Hashable, Codable {
        public var code: CourseCode
        public var name: String
        public var credits: Int
        public var score: Score?
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

    public struct Totals: Sendable, Hashable, Codable {
        public var credits: Progress
        public var courses: Progress
    }

    /// What remains: the cheapest completion (fewest credits, then fewest courses).
    public struct Missing: Sendable, Hashable, Codable {
        public var credits: Int
        public var courses: Int
        public var items: [MissingItem]
    }

    public struct MissingItem: Sendable, Hashable, Codable {
        /// The requirement it completes.
        public var requirement: String
        public var title: String?
        /// The course to pass (the cheapest choice).
        public var course: CourseRef?
        /// Where there is a choice: every option, cheapest first (the chosen one included).
        public var alternatives: [CourseRef]
        /// Credits still needed without a course to name (e.g. a total no course can reach).
        public var credits: Int
        public var note: LocalizedText?
    }

    public struct CourseRef: Sendable, Hashable, Codable {
        public var code: CourseCode
        public var name: String
        public var credits: Int
    }

    /// A substitution, mapping, equivalence, exemption or office decision that the audit used.
    public struct AppliedRule: Sendable, Hashable, Codable {
        public var kind: String
        public var id: String
        public var requirement: String?
        public var records: [CourseCode]
        public var message: LocalizedText
    }

    public struct UnusedRecord: Sendable, Hashable, Codable {
        public var code: CourseCode
        public var name: String?
        public var score: Score
        public var reason: LocalizedText
    }

    public struct ReviewItem: Sendable, Hashable, Codable {
        public var code: CourseCode
        public var name: String?
        public var evidence: String
        public var requirement: String
        public var message: LocalizedText
    }

    /// One step of the explanation. Kept as the facts that decided it and rendered to text when read or
    /// encoded, so building an audit costs no string formatting. JSON: `{requirement, message: {zh, en}}`.
    public struct TraceLine: Sendable, Hashable, Codable {
        public var requirement: String
        var fact: TraceFact

        public init(requirement: String, message: LocalizedText) {
            self.requirement = requirement
            fact = .text(message)
        }

        init(requirement: String, fact: TraceFact) {
            self.requirement = requirement
            self.fact = fact
        }

        public var message: LocalizedText { fact.message }

        enum CodingKeys: String, CodingKey { case requirement, message }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            requirement = try container.decode(String.self, forKey: .requirement)
            fact = .text(try container.decode(LocalizedText.self, forKey: .message))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(requirement, forKey: .requirement)
            try container.encode(message, forKey: .message)
        }

        public static func == (lhs: TraceLine, rhs: TraceLine) -> Bool {
            lhs.requirement == rhs.requirement && lhs.message == rhs.message
        }

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
    public var key: MajorKey
    public var name: String
    /// 停止新生报名: the major takes no new candidates but still graduates those registered.
    public var stopped: Bool
    public var stoppedSince: CivilDate?
    /// The codes the major had in earlier catalogs (680503 for 580401 法律事务).
    public var formerCodes: [String]
    /// Majors of the same province that now carry this major's code as a former code: `code name` (renamed to).
    public var renamedTo: [String]

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
    case unknownMajor(MajorKey, suggestion: String?)
    /// The major has no plan at all (a catalog entry); says whether it stopped enrolling or was renamed.
    case noPlanData(MajorWithoutPlanData)
    case noPlanInForce(MajorKey, date: CivilDate, plans: [String])
    case unknownPlan(String)
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
