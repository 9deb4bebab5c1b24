import CurriculumDSL

/// Renders an audit for people, like the seed's passed / not-passed course list but complete: the verdict and
/// why, every requirement with ✓/✗ and progress, what is missing (with alternatives), what was applied, what
/// needs review, what counted for nothing, and what to do next. `explain` adds the decision trace.
public struct AuditTextRenderer: Sendable {
    /// The language of the report.
    public var language: Language
    /// Whether to color the report with ANSI escapes (only for a terminal).
    public var colors: Bool
    /// Whether ID numbers are shown in full rather than masked.
    public var showIDs: Bool
    /// Which curricula the audit used (内置, a path …), shown in the header when given.
    public var curricula: LocalizedText?
    /// Today, when known: an application date after it is said to be in the future, and an eligible verdict then
    /// advises applying on that date, not now.
    public var today: CivilDate?

    /// A renderer; by default without colors, with ID numbers masked.
    public init(language: Language, colors: Bool = false, showIDs: Bool = false, curricula: LocalizedText? = nil, today: CivilDate? = nil) {
        self.language = language
        self.colors = colors
        self.showIDs = showIDs
        self.curricula = curricula
        self.today = today
    }

    private func isFuture(_ audit: Audit) -> Bool { today.map { audit.target.applicationDate > $0 } ?? false }

    private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    private func t(_ text: LocalizedText) -> String { safe(text.text(in: language)) }
    /// Names and values from input files: no control character reaches the terminal, and no ID number shows
    /// (in a name or a quoted value) unless asked for.
    private func safe(_ text: String) -> String { TerminalText.escaped(showIDs ? text : SafeText.maskingIDNumbers(text)) }

    /// The `curriculum check` report of `audit` for `candidate`; with `trace`, the `curriculum explain` report.
    public func render(_ audit: Audit, candidate: Candidate?, trace: Bool = false) -> String {
        var out = ""
        if let candidate {
            let id = showIDs ? candidate.idNumber : IDNumber.masked(candidate.idNumber)
            let admission = candidate.admissionNumber.map { t("，准考证号 \($0)", ", admission no. \($0)") } ?? ""
            out += t("考生：\(safe(candidate.name))（身份证号 \(id)\(admission)）\n", "Candidate: \(safe(candidate.name)) (ID \(id)\(admission))\n")
        }
        let target = audit.target
        let institution = target.institution.map { t("  主考院校：\($0)", "  institution: \($0)") } ?? ""
        out += t("专业：\(target.majorCode) \(target.majorName)（\(target.level.rawValue)，\(target.province)）\(institution)\n",
                 "Major: \(target.majorCode) \(target.majorName) (\(target.level.rawValue), \(target.province))\(institution)\n")
        // Chinese text names the plan by its title (major, level, version); the id follows in brackets for maintainers.
        out += t("考试计划：\(target.majorName)（\(target.level.rawValue)）\(target.planVersion) 版考试计划（\(target.planID)），申请日期 \(target.applicationDate)\n",
                 "Plan: \(target.planID) (version \(target.planVersion)), application date \(target.applicationDate)\n")
        if let curricula { out += t("课程数据：\(t(curricula))\n", "Curricula: \(t(curricula))\n") }
        if isFuture(audit), let today {
            out += t("  注意：申请日期在今天（\(today)）之后；本结论按该日期审核，不表示今天即可申请\n",
                     "  note: the application date is after today (\(today)); this verdict is for that date, not for today\n")
        }
        if let others = audit.otherPlans, !others.isEmpty {
            // A transition window: the candidate may graduate under any plan in force; the audit shows the best.
            for other in others {
                let outcome = other.verdict == .notEligible
                    ? t("尚缺 \(other.missingCourses) 门、\(other.missingCredits) 学分", "\(plural(other.missingCourses, "course")), \(plural(other.missingCredits, "credit")) missing")
                    : t(other.verdict.label)
                out += t("  同时有效：\(other.planVersion) 版考试计划（\(other.planID)）——按该计划：\(outcome)\n",
                         "  also in force: \(other.planID) (version \(other.planVersion)) — under it: \(outcome)\n")
            }
            if audit.verdict == .notEligible {
                // No plan in force is satisfied: the report leads with the one that leaves the least to do.
                out += t("  （过渡期内可按任一有效计划申请毕业；各有效计划均未满足，本次按尚缺课程门数最少的计划审核（同等时按新计划），可用 --plan 指定计划）\n",
                         "  (in a transition window the candidate may graduate under any plan in force; none is satisfied, so this audit uses the plan that leaves the fewest courses to pass, the newest among equals; --plan names another)\n")
            } else {
                out += t("  （过渡期内可按任一有效计划申请毕业；本次按结论最好的计划审核（同等时按新计划），可用 --plan 指定计划）\n",
                         "  (in a transition window the candidate may graduate under any plan in force; this audit uses the plan with the best verdict, the newest among equals; --plan names another)\n")
            }
        }
        out += "\n"

        let mark: String
        switch audit.verdict {
        case .eligible: mark = paint("✓", "1;32")
        case .eligiblePendingReview: mark = paint("⚠", "1;33")
        case .notEligible: mark = paint("✗", "1;31")
        }
        out += t("结论：", "Verdict: ") + mark + " " + paint(t(audit.verdict.label), "1") + "\n"
        for reason in audit.reasons { out += "  · \(t(reason.message))\n" }

        out += "\n" + t("要求（学分 已得/应得）：\n", "Requirements (credits earned/required):\n")
        for child in audit.requirements.children { out += node(child, depth: 1) }
        if !audit.additionalCourses.isEmpty {
            out += t("加考课程（不计入总学分）：\n", "Additional courses (加考, not counted in the totals):\n")
            for extra in audit.additionalCourses { out += node(extra, depth: 1) }
        }
        let credits = audit.totals.credits
        let courses = audit.totals.courses
        out += t("总计：学分 \(credits.earned)/\(credits.required.map(String.init) ?? "—")，课程 \(courses.earned)/\(courses.required.map(String.init) ?? "—") 门\n",
                 "Totals: credits \(credits.earned)/\(credits.required.map(String.init) ?? "—"), courses \(courses.earned)/\(courses.required.map(String.init) ?? "—")\n")

        if !audit.missing.items.isEmpty {
            out += "\n" + t("尚缺（最省的完成方式：\(audit.missing.courses) 门、\(audit.missing.credits) 学分）：\n",
                            "Missing (cheapest way to finish: \(plural(audit.missing.courses, "course")), \(plural(audit.missing.credits, "credit"))):\n")
            for item in audit.missing.items { out += missingLine(item) }
        }
        if !audit.applied.isEmpty {
            out += "\n" + t("已使用的替代、对照、免考与决定：\n", "Substitutions, mappings, exemptions and decisions applied:\n")
            for rule in audit.applied { out += "  · [\(kindLabel(rule.kind))] \(t(rule.message))\n" }
        }
        if !audit.review.isEmpty {
            out += "\n" + t("须人工审核：\n", "Needs manual review:\n")
            for item in audit.review {
                let requirement = item.requirement == item.code.rawValue ? "" : t("（用于 \(item.requirement)）", " (for \(item.requirement))")
                out += "  · \(label(item.code, item.name))\(requirement)" + t("：", ": ") + t(item.message) + "\n"
            }
        }
        if !audit.unused.isEmpty {
            out += "\n" + t("未计入的成绩：\n", "Results that counted for nothing:\n")
            for record in audit.unused { out += "  · \(label(record.code, record.name)) \(record.score)" + t("：", ": ") + t(record.reason) + "\n" }
        }
        out += "\n" + t("下一步：", "Next: ") + nextStep(audit) + "\n"
        if trace {
            out += "\n" + t("判定过程：\n", "Decision trace:\n")
            let titles = requirementTitles(audit)
            for line in audit.trace { out += "  [\(language == .zh ? titles[line.requirement] ?? line.requirement : line.requirement)] \(t(line.message))\n" }
        }
        return out
    }

    private func node(_ node: Audit.NodeResult, depth: Int) -> String {
        let indent = String(repeating: "  ", count: depth)
        let symbol: String
        switch node.status {
        case .satisfied: symbol = paint("✓", "32")
        case .substituted: symbol = paint("✓", "32")
        case .waived: symbol = paint("✓", "36")
        case .unsatisfied: symbol = paint("✗", "31")
        case .notChosen: symbol = "·"
        }
        let label = node.kind == "course" ? "\(node.id) \(node.title ?? "")" : (node.title ?? node.id)
        var line = "\(indent)\(symbol) \(label)"
        switch node.status {
        case .notChosen:
            line += t("（未选）", " (not chosen)")
        case .waived:
            line += t("（已免除）", " (waived)")
        case _ where node.thesis == true:
            // A thesis is graded, not credited: 已通过 / 未通过, never "0/0".
            line += node.status == .unsatisfied ? t("  毕业论文 未通过", "  thesis not passed") : t("  毕业论文 已通过", "  thesis passed")
        default:
            line += "  \(node.credits.earned)/\(node.credits.required.map(String.init) ?? "—")"
            if node.kind == "pool" || node.kind == "choose" {
                line += t(" 学分，\(node.courses.earned)/\(node.courses.required.map(String.init) ?? "—") 门", " credits, \(node.courses.earned)/\(node.courses.required.map(String.init) ?? "—") courses")
            }
            if node.status == .substituted { line += t("（替代）", " (substituted)") }
        }
        if let record = node.records.first, node.kind == "course" {
            let score = record.score.map { "\($0)" } ?? "—"
            line += t("  成绩 \(score)", "  score \(score)")
            // The result that stands for the course when it is another course (mapping, decision, equivalence…).
            if record.standsFor != nil || node.records.count > 1 {
                let by = node.records.map { self.label($0.code, $0.name) }
                line += t("（由 \(by.joined(separator: "、")) 计入）", " (by \(by.joined(separator: ", ")))")
            }
            if record.via != "direct" { line += " " + ruleTag(record) }
        } else if !node.records.isEmpty {
            line += "  [" + node.records.map { "\($0.code) \($0.score.map { "\($0)" } ?? "—")" }.joined(separator: ", ") + "]"
        }
        var out = line + "\n"
        if node.status != .notChosen {
            for child in node.children { out += self.node(child, depth: depth + 1) }
        }
        return out
    }

    private func missingLine(_ item: Audit.MissingItem) -> String {
        var line = "  "
        if let course = item.course {
            line += paint("\(course.code) \(course.name)", "1")
                + (course.credits == 0 ? t("（不计学分）", " (no credits)") : t("（\(course.credits) 学分）", " (\(course.credits) credits)"))
            let others = item.alternatives.filter { $0.code != course.code }
            if !others.isEmpty {
                line += t("，或任选其一：", "; or any one of: ") + others.map { "\($0.code) \($0.name)（\($0.credits)）" }.joined(separator: t("、", ", "))
            }
            if item.requirement != course.code.rawValue { line += "  ← \(item.title ?? item.requirement)" }
        } else {
            line += t("还差 \(item.credits) 学分", "\(item.credits) more credits")
        }
        if let note = item.note { line += t("（\(t(note))）", " (\(t(note)))") }
        return line + "\n"
    }

    private func nextStep(_ audit: Audit) -> String {
        let blocking = audit.reasons.contains { $0.code.hasPrefix("prior-diploma") || $0.code == "id-number-invalid" }
        switch audit.verdict {
        case .eligible where isFuture(audit):
            return t("按上述成绩，到 \(audit.target.applicationDate) 可以提交毕业申请；今天尚不能。",
                     "with these results the candidate may apply on \(audit.target.applicationDate), not today.")
        case .eligible:
            return t("可以提交毕业申请。", "the candidate may submit the graduation application.")
        case .eligiblePendingReview:
            let fieldUnknown = audit.review.contains { $0.evidence == "prior-field-unknown" }
            guard fieldUnknown else {
                return t("可以提交毕业申请；须将上列纸质材料原件与《毕业生登记表》一并交回县（市、区）自考部门核验。",
                         "submit the application, and hand the originals of the paper records above to the county office with the 毕业生登记表.")
            }
            var steps = [t("补充前置学历专业（前置学历专业列，或 prior-diploma 的 field），由县（市、区）自考部门确定是否须加考上列课程",
                           "give the prior diploma's field (the 前置学历专业 column, or prior-diploma field) so that the county office can decide whether the 加考 courses above are required")]
            if audit.review.contains(where: { $0.evidence != "prior-field-unknown" }) {
                steps.append(t("将上列纸质材料原件与《毕业生登记表》一并交回县（市、区）自考部门核验", "hand the originals of the paper records above to the county office with the 毕业生登记表"))
            }
            return steps.joined(separator: t("；", "; ")) + t("。", ".")
        case .notEligible:
            var steps: [String] = []
            if blocking { steps.append(t("先解决上述前置学历/身份信息问题", "first resolve the prior-diploma / identity problems above")) }
            if audit.missing.courses > 0 || audit.missing.credits > 0 {
                // A plan can be graduated under only until its last day: say by when, or — when that day is the
                // application date — that what is missing must be passed under the plan that follows, never advising
                // what the date no longer allows.
                if let until = audit.target.planUntil, until <= audit.target.applicationDate {
                    steps.append(t("本计划（\(audit.target.planVersion) 版）于 \(until) 到期，此后须按接替的新计划补齐（所缺课程可能不同）；可用 --date 指定之后的申请日期查看",
                                   "this plan (\(audit.target.planID)) ends on \(until): what remains must be completed under the plan that follows (it may differ) — see it with a later --date"))
                } else {
                    steps.append(t("报考并通过上列尚缺课程", "pass the missing courses listed above"))
                    if let until = audit.target.planUntil {
                        steps.append(t("按本计划（\(audit.target.planVersion) 版）毕业须最迟于 \(until) 补齐并申请，之后只能按新计划审核",
                                       "to graduate under this plan (\(audit.target.planID)), finish and apply by \(until) at the latest; after that only the new plan applies"))
                    }
                }
                steps.append(t("持有旧计划课程合格证或实践课考核卡的，可添加旧计划课程后重新核对", "if you hold old-plan certificates or practice cards, add them and check again"))
            }
            return steps.joined(separator: t("；", "; ")) + t("。", ".")
        }
    }

    /// The rule a record was counted through: in English `[via: rule-id]`; in Chinese its kind and the plan's title
    /// for it, with the id in brackets for maintainers (`[新旧对照：2021版 → 2024版（from-2021）]`).
    private func ruleTag(_ record: Audit.UsedRecord) -> String {
        guard language == .zh else { return "[\(record.via)\(record.rule.map { ": \($0)" } ?? "")]" }
        let kind = kindLabel(record.via)
        switch (record.ruleTitle, record.rule) {
        case (let title?, let rule?) where record.via == "mapping" || record.via == "substitution": return "[\(kind)：\(title)（\(rule)）]"
        case (let title?, _): return "[\(kind)：\(title)]"
        default: return "[\(kind)]"
        }
    }

    /// Requirement id → the title people know it by (course nodes keep their code), for the Chinese trace.
    private func requirementTitles(_ audit: Audit) -> [String: String] {
        var titles: [String: String] = [:]
        func walk(_ node: Audit.NodeResult) {
            if node.kind != "course", let title = node.title, titles[node.id] == nil { titles[node.id] = title }
            node.children.forEach(walk)
        }
        walk(audit.requirements)
        audit.additionalCourses.forEach(walk)
        return titles
    }

    /// `code name`, or the code alone when the name is unknown (old codes outside the catalog).
    private func label(_ code: CourseCode, _ name: String?) -> String {
        guard let name, !name.isEmpty else { return code.rawValue }
        return "\(code) \(safe(name))"
    }

    private func kindLabel(_ kind: String) -> String {
        switch kind {
        case "substitution": t("替代", "substitution")
        case "mapping": t("新旧对照", "mapping")
        case "equivalence": t("等同课程", "equivalence")
        case "exemption": t("免考", "exemption")
        case "decision": t("自考部门决定", "decision")
        case "stopped-major-rule": t("停考专业替代", "stopped-major rule")
        case "credits-only": t("只计学分和门数", "credits only")
        case "assumed-choice": t("未申报的选择", "assumed choice")
        default: kind
        }
    }

    private func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
