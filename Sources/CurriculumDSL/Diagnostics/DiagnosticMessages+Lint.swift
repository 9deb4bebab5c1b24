extension DiagnosticMessages {
    // MARK: lint (sorted by rule id)

    static func configInvalidValue(_ field: String, value: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        let suggestion = Suggestion.closest(to: value, among: allowed)
        return Diagnostic(rule: "lint.config-invalid",
                          message: .init(zh: "配置中 \(field) 的值“\(value)”无效：应为 \(allowed.joined(separator: "、")) 之一",
                                         en: "invalid value '\(value)' for \(field) in the configuration: expected one of \(allowed.joined(separator: ", "))"),
                          at: location,
                          remedy: suggestion.map { .init(zh: "是不是要写 \($0)？", en: "did you mean '\($0)'?") },
                          fixIts: suggestion.map { [.init(location: location, replacement: $0)] } ?? [])
    }

    static func configMissingKey(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.config-invalid",
                   message: .init(zh: "配置中的 ignore 条目缺少 \(key)", en: "an ignore entry of the configuration is missing '\(key)'"),
                   at: location,
                   remedy: .init(zh: "写成 - path: 目录/**", en: "write - path: directory/**"))
    }

    static func configUnknownKey(_ key: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        let suggestion = Suggestion.closest(to: key, among: allowed)
        return Diagnostic(rule: "lint.config-invalid",
                          message: .init(zh: "配置中没有键 \(key)", en: "unknown key '\(key)' in the configuration"),
                          at: location,
                          remedy: suggestion.map { .init(zh: "是不是要写 \($0)？", en: "did you mean '\($0)'?") }
                              ?? .init(zh: "此处可用的键：\(allowed.joined(separator: ", "))", en: "valid keys here: \(allowed.joined(separator: ", "))"),
                          fixIts: suggestion.map { [.init(location: location, replacement: $0)] } ?? [])
    }

    static func configUnknownRule(_ rule: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.config-invalid",
                   message: .init(zh: "配置中的规则编号 \(rule) 不存在", en: "unknown rule id '\(rule)' in the configuration"),
                   at: location,
                   remedy: suggestion.map { .init(zh: "是不是要写 \($0)？", en: "did you mean '\($0)'?") }
                       ?? .init(zh: "curriculum-lint --list-rules 列出全部规则", en: "curriculum-lint --list-rules lists every rule"),
                   fixIts: suggestion.map { [.init(location: location, replacement: $0)] } ?? [])
    }

    static func configUnreadable(_ path: String) -> Diagnostic {
        Diagnostic(rule: "lint.config-invalid",
                   message: .init(zh: "无法读取配置文件 \(path)", en: "cannot read the configuration file \(path)"),
                   at: SourceLocation(file: path, line: 1, column: 1))
    }

    static func configWrongType(_ field: String, expected: LocalizedText, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.config-invalid",
                   message: .init(zh: "配置中 \(field) 应为\(expected.zh)", en: "\(field) in the configuration must be \(expected.en)"),
                   at: location)
    }

    static func institutionWithoutMajor(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.institution-without-major",
                   message: .init(zh: "主考院校“\(name)”没有主考任何专业", en: "institution \(name) examines no major"),
                   at: location,
                   remedy: .init(zh: "把它加入所主考专业的 institutions，或删除该院校", en: "add it to the institutions of the majors it examines, or remove it"))
    }

    static func majorWithoutInstitution(_ key: MajorKey, name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.major-without-institution",
                   message: .init(zh: "\(key.province)的专业 \(key.code) \(name) 没有主考院校", en: "major \(key.code) \(name) of \(key.province) has no examining institution"),
                   at: location,
                   remedy: .init(zh: "添加 institutions: [院校名称]", en: "add 'institutions: [NAME]'"))
    }

    static func mappingFromItself(plan: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.mapping-never-applies",
                   message: .init(zh: "计划 \(plan) 的对照关系以计划自身为旧计划（from-plan），永远不会生效", en: "a mapping of plan \(plan) names the plan itself as from-plan, so it never applies"),
                   at: location,
                   remedy: .init(zh: "from-plan 应为被替代的旧计划", en: "from-plan names the old plan this one replaces"))
    }

    static func mappingNoPlan(mapping: String, province: String, level: Level?, at location: SourceLocation) -> Diagnostic {
        let scopeZH = level.map { "\(province)\($0.rawValue)" } ?? province
        let scopeEN = level.map { "\($0.rawValue) plans of \(province)" } ?? "plans of \(province)"
        return Diagnostic(rule: "lint.mapping-never-applies",
                          message: .init(zh: "对照关系“\(mapping)”适用于\(scopeZH)的计划，但没有这样的计划", en: "mapping '\(mapping)' applies to \(scopeEN), and there are none"),
                          at: location,
                          remedy: .init(zh: "检查 province 与 level", en: "check 'province' and 'level'"))
    }

    static func mappingNotInPlan(codes: [CourseCode], plan: String, at location: SourceLocation) -> Diagnostic {
        let list = codes.map(\.rawValue).joined(separator: ", ")
        return Diagnostic(rule: "lint.mapping-never-applies",
                          message: .init(zh: "对照规则的新课程 \(list) 不在计划 \(plan) 中，该规则永远不会生效", en: "the rule's new course \(list) is not in plan \(plan), so the rule never applies"),
                          at: location,
                          remedy: .init(zh: "new 应写新计划中的课程代码", en: "'new' names courses of the new plan"))
    }

    static func mappingNotInScope(codes: [CourseCode], mapping: String, at location: SourceLocation) -> Diagnostic {
        let list = codes.map(\.rawValue).joined(separator: ", ")
        return Diagnostic(rule: "lint.mapping-never-applies",
                          message: .init(zh: "对照关系“\(mapping)”的新课程 \(list) 不在其适用的任何计划中，该规则永远不会生效", en: "the new course \(list) of mapping '\(mapping)' is in none of the plans it applies to, so the rule never applies"),
                          at: location)
    }

    static func nameMixedWidth(_ name: String, what: LocalizedText, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.name-punctuation-drift",
                   message: .init(zh: "\(what.zh)名称“\(name)”混用了全角和半角括号", en: "\(what.en) name '\(name)' mixes full-width and half-width brackets"),
                   at: location,
                   remedy: .init(zh: "统一用一种括号（课程目录以来源的写法为准）", en: "use one kind of bracket (as the source prints it)"))
    }

    static func namePunctuationDrift(written: String, expected: String, what: LocalizedText, at location: SourceLocation,
                                     expectedAt: SourceLocation?) -> Diagnostic {
        Diagnostic(rule: "lint.name-punctuation-drift",
                   message: .init(zh: "\(what.zh)名称写作“\(written)”，另一处写作“\(expected)”，只有标点的全角/半角不同",
                                  en: "\(what.en) name is written '\(written)' here but '\(expected)' elsewhere; only full-width/half-width punctuation differs"),
                   at: location,
                   notes: expectedAt.map { [.init(.init(zh: "另一种写法在这里", en: "the other spelling is here"), at: $0)] } ?? [],
                   remedy: .init(zh: "改成“\(expected)”，或把这种写法加入课程目录的 former-names", en: "write '\(expected)', or add this spelling to the catalog's former-names"),
                   fixIts: [.init(location: location, replacement: expected)])
    }

    static func overlappingPeriods(plan: String, other: String, major: MajorKey, from: CivilDate?, until: CivilDate?,
                                   at location: SourceLocation, otherAt: SourceLocation) -> Diagnostic {
        let period: LocalizedText
        switch (from, until) {
        case (let from?, let until?): period = .init(zh: "在 \(from) 至 \(until) 期间", en: "from \(from) to \(until)")
        case (let from?, nil): period = .init(zh: "自 \(from) 起", en: "from \(from) on")
        case (nil, let until?): period = .init(zh: "在 \(until) 之前", en: "until \(until)")
        case (nil, nil): period = .init(zh: "始终", en: "at all times")
        }
        let start = from.map { "\($0)" } ?? "effective-from"
        return Diagnostic(rule: "lint.overlapping-plan-periods",
                          message: .init(zh: "专业 \(major.code) 的计划 \(plan) 与 \(other) \(period.zh)同时生效，且二者都没有 supersedes 另一个",
                                         en: "plans \(plan) and \(other) of major \(major.code) are both in force \(period.en), and neither supersedes the other"),
                          at: location,
                          notes: [.init(.init(zh: "计划 \(other) 在这里", en: "plan \(other) is here"), at: otherAt)],
                          remedy: .init(zh: "给 \(other) 设置早于 \(start) 的 effective-until，或在 \(plan) 中写 supersedes: \(other)",
                                        en: "give \(other) an effective-until before \(start), or write 'supersedes: \(other)' in \(plan)"))
    }

    static func overlappingPools(pool: String, other: String, codes: [CourseCode], at location: SourceLocation, otherAt: SourceLocation) -> Diagnostic {
        let list = codes.map(\.rawValue).joined(separator: ", ")
        return Diagnostic(rule: "lint.overlapping-pools",
                          message: .init(zh: "课程池“\(pool)”与“\(other)”都含有 \(list)；一门课程只计一次，结果取决于它被计入哪个池",
                                         en: "pools '\(pool)' and '\(other)' both contain \(list); a course counts once, so the result depends on which pool it goes to"),
                          at: location,
                          notes: [.init(.init(zh: "课程池“\(other)”在这里", en: "pool '\(other)' is here"), at: otherAt)],
                          remedy: .init(zh: "从其中一个池删除重复课程，或标注 shared: true", en: "remove the shared courses from one pool, or mark it 'shared: true'"))
    }

    static func stoppedMajorOpen(_ key: MajorKey, name: String, plans: [(id: String, reason: LocalizedText, at: SourceLocation)],
                                 at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.stopped-major-open",
                   message: .init(zh: "专业 \(key.code) \(name) 已停止新生报名，但仍有对新考生开放的计划", en: "major \(key.code) \(name) has stopped enrolling but still has a plan open to new candidates"),
                   at: location,
                   notes: plans.map { .init(.init(zh: "计划 \($0.id) \($0.reason.zh)", en: "plan \($0.id) \($0.reason.en)"), at: $0.at) },
                   remedy: .init(zh: "给计划设置 effective-until（毕业截止日期），或把 status 改为 open", en: "give the plan an effective-until (the last graduation date), or set status: open"))
    }

    static func stoppedSinceButOpen(_ key: MajorKey, name: String, since: CivilDate, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.stopped-major-open",
                   message: .init(zh: "专业 \(key.code) \(name) 自 \(since) 起停止新生报名，却没有标注 status: stopped，仍按开放处理",
                                  en: "major \(key.code) \(name) stopped enrolling on \(since) but is not marked 'status: stopped', so it is still treated as open"),
                   at: location,
                   remedy: .init(zh: "添加 status: stopped，或删除 stopped-since", en: "add 'status: stopped', or remove stopped-since"))
    }

    static func substitutionCreditsShort(id: String, available: Int, minimum: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.substitution-never-applies",
                   message: .init(zh: "替代“\(id)”要求至少 \(minimum) 学分，但 from 中课程合计只有 \(available) 学分，永远不会生效",
                                  en: "substitution '\(id)' needs at least \(minimum) credits but the courses of 'from' total only \(available), so it never applies"),
                   at: location,
                   remedy: .init(zh: "核对 min-credits 与 from 课程列表", en: "check min-credits against the 'from' list"))
    }

    static func substitutionUsesRequired(id: String, codes: [CourseCode], available: Int?, minimum: Int?,
                                         notes: [Diagnostic.Note], at location: SourceLocation) -> Diagnostic {
        let list = codes.map(\.rawValue).joined(separator: ", ")
        let message: LocalizedText
        if let available, let minimum {
            message = .init(zh: "替代“\(id)”的课程 \(list) 在计划中另有必考要求，其余课程只有 \(available) 学分，达不到 \(minimum) 学分，永远不会生效",
                            en: "substitution '\(id)' uses \(list), which the plan requires elsewhere; the other courses give only \(available) of the \(minimum) credits, so it never applies")
        } else {
            message = .init(zh: "替代“\(id)”需要的课程 \(list) 在计划中另有必考要求（一门课程只计一次），永远不会生效",
                            en: "substitution '\(id)' needs \(list), which the plan requires elsewhere (a course counts once), so it never applies")
        }
        return Diagnostic(rule: "lint.substitution-never-applies", message: message, at: location, notes: notes,
                          remedy: .init(zh: "替代只能使用计划中没有另作要求的课程", en: "a substitution uses courses the plan does not require elsewhere"))
    }

    static func suppressionEnableWithoutDisable(_ rule: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.suppression-invalid",
                   message: .init(zh: "enable \(rule) 之前没有对应的 disable", en: "'enable \(rule)' without a matching 'disable'"),
                   at: location)
    }

    static func suppressionInvalid(directive: String, at location: SourceLocation) -> Diagnostic {
        let suggestion = Suggestion.closest(to: directive, among: ["disable-line", "disable-next-line", "disable", "enable"])
        return Diagnostic(rule: "lint.suppression-invalid",
                          message: .init(zh: "未知的抑制指令“\(directive)”", en: "unknown suppression directive '\(directive)'"),
                          at: location,
                          remedy: suggestion.map { .init(zh: "是不是要写 \($0)？", en: "did you mean '\($0)'?") }
                              ?? .init(zh: "可用的指令：disable-line、disable-next-line、disable、enable", en: "directives: disable-line, disable-next-line, disable, enable"))
    }

    static func suppressionUnknownRule(_ rule: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.suppression-invalid",
                   message: .init(zh: "抑制注释中的规则编号 \(rule) 不存在", en: "unknown rule id '\(rule)' in a suppression"),
                   at: location,
                   remedy: suggestion.map { .init(zh: "是不是要写 \($0)？", en: "did you mean '\($0)'?") }
                       ?? .init(zh: "curriculum-lint --list-rules 列出全部规则", en: "curriculum-lint --list-rules lists every rule"),
                   fixIts: suggestion.map { [.init(location: location, replacement: $0)] } ?? [])
    }

    static func suppressionUnused(_ rule: RuleID, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.suppression-unused",
                   message: .init(zh: "抑制 \(rule) 没有抑制任何问题", en: "the suppression of \(rule) suppresses nothing"),
                   at: location,
                   remedy: .init(zh: "删除该抑制注释", en: "remove the suppression"))
    }

    static func suppressionWithoutReason(_ rule: RuleID, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.suppression-without-reason",
                   message: .init(zh: "抑制 \(rule) 没有写明原因，因此不生效", en: "the suppression of \(rule) gives no reason, so it has no effect"),
                   at: location,
                   remedy: .init(zh: "在注释末尾写上 reason: 原因", en: "end the comment with 'reason: WHY'"))
    }

    static func suppressionWithoutRule(at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.suppression-invalid",
                   message: .init(zh: "抑制注释没有写规则编号", en: "the suppression names no rule"),
                   at: location,
                   remedy: .init(zh: "写成 # curriculum-lint: disable-line 规则编号 reason: 原因", en: "write '# curriculum-lint: disable-line RULE reason: WHY'"))
    }

    static func thesisWithCredits(_ code: CourseCode, credits: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.thesis-with-credits",
                   message: .init(zh: "毕业论文（设计）\(code) 有 \(credits) 学分；毕业论文学分应为 0", en: "thesis \(code) has \(credits) credits; a thesis has 0"),
                   at: location,
                   remedy: .init(zh: "写成 credits: 0；若确为课程，删除 kind: thesis", en: "write 'credits: 0'; if it is a course, remove 'kind: thesis'"),
                   fixIts: [.init(location: location, replacement: "0")])
    }

    static func totalNeedsImpossible(plan: String, what: LocalizedText, required: Int, reachable: Int,
                                     notes: [Diagnostic.Note] = [], at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.total-needs-impossible-combination",
                   message: .init(zh: "计划 \(plan) 要求 \(required) \(what.zh)，只有把同一门课程计两次或同时选择互斥的选项才能达到；实际最多 \(reachable)",
                                  en: "plan \(plan) requires \(required) \(what.en), reachable only by counting a course twice or combining options that exclude each other; at most \(reachable) can count"),
                   at: location, notes: notes,
                   remedy: .init(zh: "核对该数字与要求树（一门课程只计一次，替代与选项只取其一）", en: "check the number against the requirement tree (a course counts once; one option or substitution applies)"))
    }

    static func totalsNotTogether(plan: String, credits: Int, courses: Int, notes: [Diagnostic.Note], at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "lint.total-needs-impossible-combination",
                   message: .init(zh: "计划 \(plan) 的 \(credits) 学分与 \(courses) 门课程各自可以达到，但没有任何一种选法能同时达到",
                                  en: "plan \(plan) can reach \(credits) credits and \(courses) courses, but no single choice of options reaches both"),
                   at: location, notes: notes,
                   remedy: .init(zh: "核对 total-credits、min-courses 与各选项", en: "check total-credits, min-courses and the options"))
    }

    static func unsatisfiableCourseTwice(_ code: CourseCode, node: String, at location: SourceLocation, firstAt: SourceLocation?) -> Diagnostic {
        Diagnostic(rule: "lint.unsatisfiable-requirement",
                   message: .init(zh: "要求“\(node)”需要课程 \(code)，而该课程已被另一要求占用；一门课程只计一次",
                                  en: "requirement '\(node)' needs course \(code), which another requirement already uses; a course counts once"),
                   at: location,
                   notes: firstAt.map { [.init(.init(zh: "\(code) 已在这里被要求", en: "\(code) is required here"), at: $0)] } ?? [],
                   remedy: .init(zh: "删除重复的课程，或给其中一个要求标注 shared: true", en: "remove the repeated course, or mark one requirement 'shared: true'"))
    }

    static func unsatisfiableNode(_ node: String, kind: LocalizedText, codes: [CourseCode], notes: [Diagnostic.Note], at location: SourceLocation) -> Diagnostic {
        let list = codes.map(\.rawValue).joined(separator: ", ")
        let because = codes.isEmpty
            ? LocalizedText(zh: "其选项之间需要相同的课程", en: "its options need the same courses")
            : LocalizedText(zh: "所需课程 \(list) 已被其他要求占用", en: "the courses it needs (\(list)) are used by other requirements")
        return Diagnostic(rule: "lint.unsatisfiable-requirement",
                          message: .init(zh: "没有任何成绩单能满足\(kind.zh)“\(node)”：\(because.zh)；一门课程只计一次",
                                         en: "no transcript can satisfy \(kind.en) '\(node)': \(because.en); a course counts once"),
                          at: location, notes: notes,
                          remedy: .init(zh: "调整课程列表，或给相关要求标注 shared: true", en: "change the course lists, or mark the requirements 'shared: true'"))
    }

    static func unsatisfiableTogether(_ node: String, others: [(id: String, at: SourceLocation)], at location: SourceLocation) -> Diagnostic {
        let names = others.map { "“\($0.id)”" }.joined(separator: "、")
        let namesEN = others.map { "'\($0.id)'" }.joined(separator: ", ")
        return Diagnostic(rule: "lint.unsatisfiable-requirement",
                          message: .init(zh: "要求“\(node)”无法与\(names)同时满足：它们只能使用相同的课程，而一门课程只计一次",
                                         en: "requirement '\(node)' cannot be satisfied together with \(namesEN): they can only use the same courses, and a course counts once"),
                          at: location,
                          notes: others.map { .init(.init(zh: "要求“\($0.id)”在这里", en: "requirement '\($0.id)' is here"), at: $0.at) },
                          remedy: .init(zh: "调整课程列表，或给其中一个要求标注 shared: true", en: "change the course lists, or mark one requirement 'shared: true'"))
    }
}
