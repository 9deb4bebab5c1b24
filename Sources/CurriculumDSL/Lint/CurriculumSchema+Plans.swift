// Majors, plans, requirement nodes, substitutions, mappings and additional courses, as JSON Schema definitions.
extension CurriculumSchema {
    static var majorsAndPlans: [JSONValue.Member] {
        [
            .init("major", object("A major of one province, with its plans.", "一个省份的专业及其考试计划。", required: ["code", "name", "level"], [
                property("code", ref("majorCode"), "The major code, e.g. \"030101K\".", "专业代码，如 \"030101K\"。"),
                property("name", string(), "The major's name.", "专业名称。"),
                property("level", ref("level"), "专科 | 专升本 | 本科.", "专科 | 专升本 | 本科。"),
                property("province", string(), "Its province (optional when the file sets 'province').", "所在省份（文件已设 province 时可省略）。"),
                property("institutions", ref("strings"), "Examining institutions (by name).", "主考院校（名称）。"),
                property("status", string(enumeration: MajorStatus.allCases.map(\.rawValue)), "open (default) | stopped (停止新生报名).",
                         "open（默认）| stopped（停止新生报名）。"),
                property("stopped-since", ref("date"), "With status: stopped, the date it stopped enrolling.", "停止新生报名的日期（与 status: stopped 一起使用）。"),
                property("former-codes", list(ref("majorCode")), "Codes this major had in earlier catalogs.", "该专业在旧目录中的代码。"),
                property("prerequisite", ref("prerequisite"), "本科 only: the prior diploma required.", "仅本科：前置学历要求。"),
                property("catalogs", ref("strings"), "Catalog versions listing this major, quoted: [\"2023\", \"2024\"].", "列出该专业的目录版本（加引号）。"),
                property("source", ref("identifier"), "Where the catalog entry comes from (source id).", "目录条目的来源编号。"),
                property("plans", array(ref("plan")), "The major's plan versions.", "该专业的各版考试计划。"),
                note,
                property("notes", ref("strings"), "Remarks for maintainers.", "备注。"),
            ])),
            .init("prerequisite", object("What a candidate must hold before graduating in a 本科 major.", "本科专业毕业前须具备的前置学历。", [
                property("prior-diploma", list(string(enumeration: DiplomaLevel.allCases.map(\.rawValue))), "Accepted prior diplomas.", "认可的前置学历。"),
                property("national-education-series-only", boolean, "Only national-education-series diplomas count (default false).", "仅认可国民教育系列学历（默认 false）。"),
                property("verified", boolean, "The diploma must be verified through 学信网 (default true).", "须经学信网验证（默认 true）。"),
            ])),
            .init("citation", described(.object([.init("anyOf", [ref("identifier"), object("A plan's citation of a source.", "计划对来源的引用。", required: ["ref"], [
                property("ref", ref("identifier"), "The source id.", "来源编号。"),
                property("locator", string(), "Where in the source.", "在来源中的位置。"),
                note,
            ])])]), "A source id, or a citation with a locator.", "来源编号，或带位置的引用。")),
            .init("plan", object("One version of a major's exam plan (专业考试计划).", "专业考试计划的一个版本。", required: ["id", "version", "requirements"], [
                property("id", ref("identifier"), "Unique in the curriculum, e.g. JS-2024-030101K.", "在整个课程数据中唯一，如 JS-2024-030101K。"),
                property("version", string(), "The plan's version, quoted: \"2024\".", "计划版本（加引号）：\"2024\"。"),
                property("effective-from", ref("date"), "First day in force.", "生效日期。"),
                property("effective-until", ref("date"), "Last day in force (optional).", "失效日期（可选）。"),
                property("supersedes", ref("identifier"), "The old plan this one replaces; both are in force until the old one ends.", "被本计划替代的旧计划；旧计划失效前二者并行。"),
                property("institutions", ref("strings"), "Institutions this plan applies to (default: all of the major's).", "适用的主考院校（默认：该专业全部主考院校）。"),
                property("total-credits", integer(minimum: 0), "Total credits required (累计达到N学分).", "须累计达到的学分。"),
                property("min-courses", integer(minimum: 0), "Courses required (取得N门课程合格成绩).", "须取得合格成绩的课程门数。"),
                property("pass-mark", integer(minimum: 1), "Pass mark (default from the province, else 60).", "合格分数线（默认取省份设置，否则60）。"),
                property("graduation-rule", string(), "The plan's own wording of the graduation conditions.", "计划原文的毕业条件。"),
                property("sources", array(ref("citation")), "Where the plan comes from.", "计划的来源。"),
                property("confidence", ref("confidence"), "high | medium | low.", "high | medium | low。"),
                property("notes", ref("strings"), "Remarks for maintainers.", "备注。"),
                note,
                property("requirements", array(ref("requirement")), "The requirement nodes; the plan is satisfied when every one is.", "要求节点；全部满足即满足计划。"),
                property("substitutions", array(ref("substitution")), "Requirements that other courses may meet.", "可由其他课程替代的要求。"),
                property("mappings", array(ref("planMapping")), "Old plan → this plan course rules.", "旧计划 → 本计划的课程对照。"),
                property("additional-courses", array(ref("additionalCourses")), "加考: extra courses by prior field, not counted in totals.", "加考课程（按前置学历专业），不计入总学分。"),
            ])),
        ]
    }

    static var requirements: [JSONValue.Member] {
        let shapes = NodeDecoder.shapeKeys
        return [
            .init("courseShorthand", described(string(pattern: "^[0-9]{5}([ \\t\\u3000].*)?$"),
                                               "A required course: its code, optionally followed by its name (\"03708\" or 03708 中国近现代史纲要).",
                                               "必考课程：代码，可在其后写名称（\"03708\" 或 03708 中国近现代史纲要）。")),
            .init("requirement", described(.object([.init("anyOf", [ref("courseShorthand"), ref("requirementNode")])]),
                                           "A requirement: a course code, or a node with exactly one of course / all-of / one-of / choose / pool / alternatives.",
                                           "要求：课程代码，或恰有 course / all-of / one-of / choose / pool / alternatives 之一的节点。")),
            .init("requirementNode", object("A requirement node.", "要求节点。", [
                property("id", ref("identifier"), "Stable id, unique in the plan (a course node's defaults to its code).", "稳定编号，在计划内唯一（课程节点默认为其代码）。"),
                property("title", string(), "Title as the plan prints it.", "计划中的标题。"),
                note,
                property("when", string(), "For an alternative: the candidate's situation (考外语者 / 不考外语者).", "备选项适用的考生情况（考外语者 / 不考外语者）。"),
                property("shared", boolean, "Courses used here may also be used by other nodes.", "此处使用的课程也可被其他节点使用。"),
                property("course", ref("courseShorthand"), "Pass this course.", "通过这门课程。"),
                property("all-of", list(ref("requirement")), "Every child.", "全部子要求。"),
                property("one-of", list(ref("requirement")), "One of the children (任选1门).", "任选其一。"),
                property("choose", integer(minimum: 1), "How many of 'of' (任选N门).", "须从 of 中选几项。"),
                property("of", list(ref("requirement")), "The options of 'choose'.", "choose 的选项。"),
                property("pool", ref("courseCodes"), "Elective pool: courses reaching min-credits / min-courses.", "选考课程池：须达到 min-credits / min-courses。"),
                property("min-credits", integer(minimum: 0), "Pool: at least this many credits.", "课程池：至少多少学分。"),
                property("min-courses", integer(minimum: 0), "Pool: at least this many courses.", "课程池：至少多少门。"),
                property("max-credits", integer(minimum: 0), "Pool: credits beyond this do not count toward the plan total.", "课程池：超过此学分的部分不计入总学分。"),
                property("alternatives", list(ref("requirement")), "One child, chosen by the candidate's situation (each has 'when').", "按考生情况选择其一（每项须有 when）。"),
                onlyIf, passedFrom, passedUntil,
            ], extra: [
                .init("oneOf", .array(shapes.map { .object([.init("required", [.string($0)])]) })),
                .init("dependencies", .object([
                    .init("choose", ["of"]), .init("of", ["choose"]),
                    .init("min-credits", ["pool"]), .init("min-courses", ["pool"]), .init("max-credits", ["pool"]),
                ])),
            ])),
        ]
    }

    static let onlyIf = property("only-if", ref("condition"), "The rule applies only under this condition (a candidate's option or attribute).",
                                 "仅在此条件下适用（考生的选项或属性）。")
    static let passedFrom = property("passed-from", ref("date"), "Only results passed on or after this date count here.", "仅此日期（含）之后的合格成绩在此计入。")
    static let passedUntil = property("passed-until", ref("date"), "Only results passed on or before this date count here.", "仅此日期（含）之前的合格成绩在此计入。")

    static var replacements: [JSONValue.Member] {
        let mappingProperties: [JSONValue.Member] = [
            property("id", ref("identifier"), "The mapping's id.", "对照编号。"),
            property("title", string(), "Title.", "标题。"),
            note,
            property("from-plan", ref("identifier"), "The old plan (optional).", "旧计划（可选）。"),
            property("rules", array(ref("mappingRule")), "The rules.", "对照规则。"),
            onlyIf, passedFrom, passedUntil,
        ]
        return [
            .init("substitution", object("A requirement other courses may meet: credits from a list, or a fixed set.", "可由其他课程替代的要求：从列表中凑足学分，或固定组合。",
                                         required: ["id", "replaces"], [
                property("id", ref("identifier"), "The substitution's id.", "替代编号。"),
                property("title", string(), "Title, e.g. 顶替英语(二).", "标题，如 顶替英语(二)。"),
                note,
                property("replaces", ref("identifier"), "The requirement id replaced (a course node's id is its code).", "被替代的要求编号（课程节点的编号即其代码）。"),
                property("min-credits", integer(minimum: 1), "Credit threshold: at least this many credits from 'from'.", "学分型：须从 from 中取得的最低学分。"),
                property("from", ref("courseCodes"), "Credit threshold: the courses to choose from.", "学分型：可选课程。"),
                property("all-of", ref("courseCodes"), "Fixed set: every course of the set.", "固定组合：全部课程。"),
                onlyIf, passedFrom, passedUntil,
            ], extra: [
                .init("oneOf", [.object([.init("required", ["min-credits", "from"])]), .object([.init("required", ["all-of"])])]),
                .init("dependencies", .object([.init("min-credits", ["from"]), .init("from", ["min-credits"])])),
            ])),
            .init("planMapping", object("Old plan → new plan course rules.", "旧计划 → 新计划的课程对照。", required: ["id", "rules"], mappingProperties)),
            .init("provinceMapping", object("Province-wide old → new course rules.", "全省适用的新旧课程对照。", required: ["id", "rules"], mappingProperties + [
                property("province", string(), "The province (optional when the file sets 'province').", "省份（文件已设 province 时可省略）。"),
                property("level", ref("level"), "Only plans of majors of this level.", "仅适用于该层次专业的计划。"),
            ])),
            .init("mappingRule", object("At least 'need' of the 'old' entries passed satisfy every course in 'new' (or, credits-only, count toward the totals).",
                                        "通过 old 中至少 need 门，即满足 new 中全部课程（credits-only 时仅计入总学分和门数）。",
                                        required: ["old"], [
                property("old", list(ref("courseCodes")), "Old courses; an entry that is a list names one old course by several codes.", "旧课程；某项为列表时表示同一门旧课程的多个代码。"),
                property("need", integer(minimum: 1), "How many old entries must be passed (default: all).", "须通过的旧课程门数（默认全部）。"),
                property("new", ref("courseCodes"), "The new courses satisfied.", "被满足的新课程。"),
                property("credits-only", boolean, "Each passed old course counts its credits and one course toward the plan's totals, satisfying no course (no 'new').",
                         "每门已通过的旧课程计入计划总学分和门数，但不替代任何课程（不写 new）。"),
                property("keeps-old", boolean, "The old results are not used up: they still count for the plan's other requirements (the source lets one passed set stand for these new courses besides).",
                         "旧课程成绩不被占用：仍可计入计划的其他要求（来源规定同一组已通过课程另可替代这些新课程）。"),
                onlyIf, passedFrom, passedUntil,
                note,
            ], extra: [
                .init("oneOf", [.object([.init("required", ["new"])]), .object([.init("required", ["credits-only"])])]),
            ])),
            .init("condition", object("The rule applies only when every part holds.", "仅当各项条件均成立时规则才适用。", [
                property("choice", object("The candidate chose this option of an 'alternatives' requirement.", "考生选择了某个 alternatives 要求的这一选项。",
                                          required: ["requirement", "option"], [
                    property("requirement", ref("identifier"), "The alternatives requirement's id.", "alternatives 要求的编号。"),
                    property("option", ref("identifier"), "The option's id.", "选项编号。"),
                    property("plan", ref("identifier"), "The plan holding it (default: the plan of the rule).", "该要求所在的计划（默认：规则所在计划）。"),
                ]), "A choice condition.", "选择条件。"),
                property("attribute", ref("strings"), "Candidate attributes (declared under candidate-attributes), all required.", "考生属性（在 candidate-attributes 中声明），须全部具备。"),
            ], extra: [.init("minProperties", 1)])),
            .init("additionalCourses", object("加考: courses for candidates whose prior diploma is in another field.", "加考：前置学历专业不同的考生须加考的课程。",
                                              required: ["id", "courses"], [
                property("id", ref("identifier"), "The id.", "编号。"),
                property("title", string(), "Title.", "标题。"),
                note,
                property("when-prior-field-in", ref("strings"), "Applies when the prior field is one of these.", "前置学历专业为其中之一时适用。"),
                property("when-prior-field-not-in", ref("strings"), "Applies when the prior field is none of these.", "前置学历专业不在其中时适用。"),
                property("when-prior-category-in", ref("strings"), "Applies when the prior field belongs to one of these categories (field-categories).",
                         "前置学历专业属于其中某一类别（field-categories）时适用。"),
                property("when-prior-category-not-in", ref("strings"), "Applies when the prior field belongs to none of these categories.",
                         "前置学历专业不属于其中任何类别时适用。"),
                property("except-fields", ref("strings"), "Prior fields exempt even when the condition holds.", "即使条件成立也免加考的前置学历专业。"),
                property("institutions", ref("strings"), "Only for these examining institutions (default: all).", "仅适用于这些主考院校（默认：全部）。"),
                onlyIf,
                property("courses", ref("courseCodes"), "The additional courses.", "加考课程。"),
            ], extra: [
                .init("oneOf", .array(["when-prior-field-in", "when-prior-field-not-in", "when-prior-category-in", "when-prior-category-not-in"]
                    .map { JSONValue.object([.init("required", .array([.string($0)]))]) })),
            ])),
        ]
    }
}
