extension DiagnosticMessages {
    // MARK: graph

    /// What kind of thing a reference names, for messages.
    enum Referent {
        case course, institution, province, source, plan, requirement, exemption, substitution, category, attribute, option

        var name: LocalizedText {
            switch self {
            case .course: .init(zh: "课程", en: "course")
            case .institution: .init(zh: "主考院校", en: "institution")
            case .province: .init(zh: "省份", en: "province")
            case .source: .init(zh: "来源", en: "source")
            case .plan: .init(zh: "考试计划", en: "plan")
            case .requirement: .init(zh: "要求节点", en: "requirement")
            case .exemption: .init(zh: "免考", en: "exemption")
            case .substitution: .init(zh: "课程替代", en: "substitution")
            case .category: .init(zh: "专业类别", en: "field category")
            case .attribute: .init(zh: "考生属性", en: "candidate attribute")
            case .option: .init(zh: "选项", en: "option")
            }
        }
    }

    static func chooseTooMany(id: String, count: Int, options: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.choose-too-many",
                   message: .init(zh: "要求“\(id)”须选 \(count) 门，但只有 \(options) 个选项", en: "requirement '\(id)' chooses \(count) but has only \(options) options"),
                   at: location,
                   remedy: .init(zh: "把 choose 改为不超过 \(options)，或补上缺少的选项", en: "lower choose to at most \(options), or add the missing options"))
    }

    static func conflictingCredits(_ code: CourseCode, credits: Int, otherCredits: Int, at location: SourceLocation, firstAt: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.conflicting-credits",
                   message: .init(zh: "课程 \(code) 在此定义为 \(credits) 学分，另一处为 \(otherCredits) 学分", en: "course \(code) has \(credits) credits here but \(otherCredits) elsewhere"),
                   at: location,
                   notes: [.init(.init(zh: "另一处定义（\(otherCredits) 学分）", en: "the other definition (\(otherCredits) credits)"), at: firstAt)],
                   remedy: .init(zh: "对照考试计划原文改正学分，并删除重复定义", en: "check the plan's source for the right credits and keep one definition"))
    }

    static func courseCountUnreachable(plan: String, minimum: Int, reachable: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.course-count-unreachable",
                   message: .init(zh: "计划 \(plan) 要求至少 \(minimum) 门课程，但要求树最多只能计入 \(reachable) 门", en: "plan \(plan) requires \(minimum) courses but its requirements count at most \(reachable)"),
                   at: location,
                   remedy: .init(zh: "核对 min-courses 与课程列表（实践与理论合计一门，毕业论文不计）", en: "check min-courses against the course list (practice counts with its theory course; the thesis does not count)"))
    }

    static func courseNameMismatch(_ code: CourseCode, written: String, catalog: String, at location: SourceLocation, catalogAt: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.course-name-mismatch",
                   message: .init(zh: "课程 \(code) 在此写作“\(written)”，目录中为“\(catalog)”", en: "course \(code) is written '\(written)' here but the catalog names it '\(catalog)'"),
                   at: location,
                   notes: [.init(.init(zh: "目录中的定义", en: "the catalog entry"), at: catalogAt)],
                   remedy: .init(zh: "确认代码无误后改成目录中的名称，或把该名称加入目录的 former-names", en: "if the code is right, use the catalog name or add this name to the catalog's former-names"))
    }

    static func duplicate(_ what: Referent, _ name: String, at location: SourceLocation, firstAt: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.duplicate-definition",
                   message: .init(zh: "\(what.name.zh)“\(name)”重复定义", en: "\(what.name.en) '\(name)' is defined twice"),
                   at: location,
                   notes: [.init(.init(zh: "第一次定义在这里", en: "first defined here"), at: firstAt)],
                   remedy: .init(zh: "删除其中一处，或改用不同的编号", en: "remove one definition or give it another id"))
    }

    static func duplicateMajor(_ key: MajorKey, at location: SourceLocation, firstAt: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.duplicate-definition",
                   message: .init(zh: "\(key.province)的专业 \(key.code) 重复定义", en: "major \(key.code) of \(key.province) is defined twice"),
                   at: location,
                   notes: [.init(.init(zh: "第一次定义在这里", en: "first defined here"), at: firstAt)],
                   remedy: .init(zh: "把计划合并到同一个专业条目下", en: "merge the plans under one major entry"))
    }

    static func institutionProvinceMismatch(institution: String, institutionProvince: String, major: MajorKey, at location: SourceLocation, institutionAt: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.institution-province-mismatch",
                   message: .init(zh: "\(major.province)的专业 \(major.code) 列出了\(institutionProvince)的院校“\(institution)”", en: "major \(major.code) of \(major.province) lists \(institution), an institution of \(institutionProvince)"),
                   at: location,
                   notes: [.init(.init(zh: "院校定义在这里", en: "the institution is defined here"), at: institutionAt)],
                   remedy: .init(zh: "列出\(major.province)的主考院校，或改正专业或院校的 province",
                                 en: "list an institution of \(major.province), or correct the province of the major or of the institution"))
    }

    static func invalidPeriod(plan: String, from: CivilDate, until: CivilDate, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.invalid-period",
                   message: .init(zh: "计划 \(plan) 的 effective-until \(until) 早于 effective-from \(from)", en: "plan \(plan) has effective-until \(until) before effective-from \(from)"),
                   at: location,
                   remedy: .init(zh: "对照来源改正日期（effective-until 是最后生效的一天，不早于 effective-from）",
                                 en: "correct the dates from the source (effective-until is the last day in force, not before effective-from)"))
    }

    static func planInstitutionNotExamining(plan: String, institution: String, major: MajorKey, at location: SourceLocation, majorAt: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.plan-institution-not-examining",
                   message: .init(zh: "计划 \(plan) 列出的“\(institution)”不是专业 \(major.code) 的主考院校", en: "plan \(plan) names \(institution), which does not examine major \(major.code)"),
                   at: location,
                   notes: [.init(.init(zh: "专业的主考院校在这里列出", en: "the major's institutions are listed here"), at: majorAt)],
                   remedy: .init(zh: "把该院校加入专业的 institutions，或从计划中删除", en: "add the institution to the major's institutions or remove it from the plan"))
    }

    static func planWithoutSource(plan: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.plan-without-source",
                   message: .init(zh: "计划 \(plan) 没有注明来源", en: "plan \(plan) cites no source"),
                   at: location,
                   remedy: .init(zh: "添加 sources:（- ref: 来源编号）", en: "add 'sources:' (- ref: SOURCE-ID)"))
    }

    static func poolUnreachable(id: String, what: LocalizedText, minimum: Int, available: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.pool-unreachable",
                   message: .init(zh: "课程池“\(id)”要求至少 \(minimum) \(what.zh)，但全部课程合计只有 \(available)", en: "pool '\(id)' needs at least \(minimum) \(what.en) but all its courses give only \(available)"),
                   at: location,
                   remedy: .init(zh: "对照计划原文，补上池中缺少的课程，或把最低要求改为不超过 \(available)",
                                 en: "check the plan's source: add the pool's missing courses, or lower the minimum to at most \(available)"))
    }

    static func practiceWithoutTheory(_ code: CourseCode, theory: CourseCode?, plan: String?, at location: SourceLocation, theoryAt: SourceLocation?) -> Diagnostic {
        let message: LocalizedText
        if let plan, let theory {
            message = .init(zh: "计划 \(plan) 要求实践课程 \(code)，却没有要求其理论课程 \(theory)", en: "plan \(plan) requires practice course \(code) but not its theory course \(theory)")
        } else if let theory {
            message = .init(zh: "实践课程 \(code) 的 theory: \(theory) 不是理论课程", en: "practice course \(code) names \(theory) as its theory course, which is not a theory course")
        } else {
            message = .init(zh: "实践课程 \(code) 没有用 theory: 指明其理论课程", en: "practice course \(code) does not name its theory course with 'theory:'")
        }
        let remedy: LocalizedText
        if plan != nil, let theory {
            remedy = .init(zh: "在计划中加入理论课程 \(theory)（实践课程与其理论课程合计为一门）",
                           en: "add the theory course \(theory) to the plan (a practice component counts as one course with it)")
        } else if let theory {
            remedy = .init(zh: "theory: 应指向理论课程；检查代码 \(theory)", en: "'theory:' names a theory course; check the code \(theory)")
        } else {
            remedy = .init(zh: "写上 theory: \"理论课程代码\"", en: "add theory: \"THEORY-CODE\"")
        }
        return Diagnostic(rule: "graph.practice-without-theory", message: message, at: location,
                          notes: theoryAt.map { [.init(.init(zh: "理论课程定义在这里", en: "the theory course is defined here"), at: $0)] } ?? [],
                          remedy: remedy)
    }

    static func renameCycle(_ cycle: [CourseCode], at location: SourceLocation) -> Diagnostic {
        let path = cycle.map(\.rawValue).joined(separator: " → ")
        return Diagnostic(rule: "graph.rename-cycle",
                          message: .init(zh: "课程更名形成循环：\(path)", en: "course renames form a cycle: \(path)"),
                          at: location,
                          remedy: .init(zh: "删除循环中的一条更名（更名只从旧代码指向新代码）", en: "remove one rename of the cycle (a rename goes from the old code to the new one)"))
    }

    static func substitutionCycle(plan: String, cycle: [CourseCode], at location: SourceLocation) -> Diagnostic {
        let path = cycle.map(\.rawValue).joined(separator: " → ")
        return Diagnostic(rule: "graph.substitution-cycle",
                          message: .init(zh: "计划 \(plan) 的替代或对照关系形成循环：\(path)", en: "substitutions or mappings of plan \(plan) form a cycle: \(path)"),
                          at: location,
                          remedy: .init(zh: "删除循环中的一条替代或对照规则，使一门成绩只能计一次", en: "remove one substitution or rule of the cycle, so that a result counts once"))
    }

    static func totalUnreachable(plan: String, total: Int, reachable: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.total-unreachable",
                   message: .init(zh: "计划 \(plan) 要求 \(total) 学分，但要求树（含替代）最多只能计入 \(reachable) 学分", en: "plan \(plan) requires \(total) credits but its requirements (with substitutions) count at most \(reachable)"),
                   at: location,
                   remedy: .init(zh: "核对 total-credits 与各课程学分", en: "check total-credits against the courses' credits"))
    }

    /// `spelling` says how a replacement is written at `location` when it is not a scalar of its own (a code inside
    /// `03708 中国近现代史纲要`); otherwise course codes, and any suggestion other YAML tools would read as a number
    /// or boolean, are quoted.
    static func windowOutsidePeriod(_ window: PassWindow, plan: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "graph.window-outside-period",
                   message: .init(zh: "合格时间范围 \(window) 与计划 \(plan) 的生效期没有交集，这条规则永远不会适用",
                                  en: "the pass-date window \(window.english) never overlaps plan \(plan)'s period, so the rule can never apply"),
                   at: location,
                   remedy: .init(zh: "对照来源检查 passed-from / passed-until 与计划的 effective-from / effective-until",
                                 en: "check passed-from / passed-until and the plan's effective-from / effective-until against the source"))
    }

    static func unknown(_ what: Referent, _ name: String, candidates: some Sequence<String>, at location: SourceLocation,
                        context: LocalizedText? = nil, spelling: CodeSpelling? = nil) -> Diagnostic {
        let suggestion = Suggestion.closest(to: name, among: candidates)
        func replacement(_ text: String) -> String {
            if let spelling { return spelling.writing(text) }
            if what == .course || ImplicitTyping.otherToolsReading(text) != nil { return CodeSpelling.standalone.writing(text) }
            return text
        }
        let contextZH = context.map { "（\($0.zh)）" } ?? ""
        let contextEN = context.map { " (\($0.en))" } ?? ""
        return Diagnostic(rule: "graph.unknown-reference",
                          message: .init(zh: "未定义的\(what.name.zh)“\(name)”\(contextZH)", en: "unknown \(what.name.en) '\(name)'\(contextEN)"),
                          at: location,
                          remedy: suggestion.map { .init(zh: "是不是要写 \($0)？", en: "did you mean '\($0)'?") }
                              ?? .init(zh: "在课程文件中定义它，或检查拼写", en: "define it in a curriculum file, or check the spelling"),
                          fixIts: suggestion.map { [.init(location: location, replacement: replacement($0))] } ?? [])
    }
}
