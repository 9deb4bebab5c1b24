// The keys of the DSL (docs/DSL.md), as JSON Schema definitions.
extension CurriculumSchema {
    static let levels = Level.allCases.map(\.rawValue)

    static var fileProperties: [JSONValue.Member] {
        [
            property("province", string(), "Default province (by name) for the institutions, majors, mappings and exemptions of this file.",
                     "本文件中主考院校、专业、对照关系与免考的默认省份（名称）。"),
            property("provinces", array(ref("province")), "Province definitions and settings.", "省份定义与设置。"),
            property("sources", array(ref("source")), "Documents that plans cite.", "考试计划引用的来源文件。"),
            property("courses", array(ref("course")), "The national course catalog.", "全国课程目录。"),
            property("course-renames", array(ref("rename")), "A course code replaced by a new code (the same course).", "课程代码更名（同一门课程）。"),
            property("equivalences", array(ref("equivalence")), "Codes that are interchangeable everywhere.", "可相互替代的课程代码。"),
            property("institutions", array(ref("institution")), "Examining institutions (主考院校).", "主考院校。"),
            property("majors", array(ref("major")), "Majors with their plans.", "专业及其考试计划。"),
            property("mappings", array(ref("provinceMapping")), "Province-wide old → new course rules.", "全省适用的新旧课程对照。"),
            property("exemptions", array(ref("exemption")), "Certificate exemptions (免考).", "证书免考。"),
            property("field-categories", array(ref("fieldCategory")), "Categories of prior-diploma fields (专业类 / 专业大类), for 加考 by category.",
                     "前置学历专业的类别（专业类 / 专业大类），用于按类别加考。"),
            property("candidate-attributes", array(ref("candidateAttribute")), "Candidate attributes that rules may depend on (only-if: {attribute: …}).",
                     "规则可依据的考生属性（only-if: {attribute: …}）。"),
        ]
    }

    static var definitions: [JSONValue.Member] {
        values + catalog + majorsAndPlans + requirements + replacements
    }

    // MARK: values

    static var values: [JSONValue.Member] {
        [
            .init("courseCode", described(string(pattern: "^[0-9]{5}$"), "A five-digit course code, quoted: \"00015\".", "5位数字的课程代码，加引号：\"00015\"。")),
            .init("courseCodes", described(list(ref("courseCode")), "Course codes (a single code is a one-item list).", "课程代码列表（单个代码视为一项）。")),
            .init("majorCode", described(string(pattern: "^[0-9]{6}[A-Z]{0,2}$"), "A major code: six digits and up to two capital letters, quoted: \"030101K\".",
                                         "专业代码：6位数字加最多两个大写字母，加引号：\"030101K\"。")),
            .init("date", described(string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "A date YYYY-MM-DD.", "日期 YYYY-MM-DD。")),
            .init("identifier", described(string(pattern: "^[^\\s,\\[\\]{}:#\"']+$"), "A stable id: letters, digits, '-', '_' and '.'.",
                                          "稳定的编号：字母、数字、-、_、.。")),
            .init("level", described(string(enumeration: levels), "Level: 专科 (associate), 专升本 or 本科 (bachelor).", "层次：专科、专升本、本科。")),
            .init("confidence", described(string(enumeration: Confidence.allCases.map(\.rawValue)), "How far it can be trusted, as the source states it.",
                                          "可信度（按来源所述）。")),
            .init("strings", described(list(string()), "Strings (a single string is a one-item list).", "字符串列表（单个字符串视为一项）。")),
        ]
    }

    // MARK: catalog

    static var catalog: [JSONValue.Member] {
        [
            .init("province", object("A province's exam-office settings.", "省份的考试机构设置。", required: ["name"], [
                property("name", string(), "The province's name, e.g. 江苏.", "省份名称，如 江苏。"),
                property("pass-mark", integer(minimum: 1), "Pass mark out of 100 (default 60).", "合格分数线（满分100，默认60）。"),
                property("max-institutions-per-application", integer(minimum: 1), "At most this many examining institutions per graduation application (default 2).",
                         "一次毕业申请最多可选的主考院校数（默认2）。"),
                property("stopped-major-rule", ref("stoppedMajorRule"), "Enables course replacement for stopped majors.", "启用停考专业的课程替代规则。"),
                property("graduation-application", ref("graduationApplication"), "The online graduation application's rules (docs/application.md).",
                         "毕业网上申请的规则（见 docs/application.md）。"),
                note,
            ])),
            .init("graduationApplication", object("The online graduation application's rules.", "毕业网上申请的规则。", [
                property("source", ref("identifier"), "The source (id) that states the rules.", "规定这些规则的来源编号。"),
                property("max-institutions-per-application", integer(minimum: 1), "At most this many examining institutions per application (default: the province's, else 2).",
                         "一次毕业申请最多可选的主考院校数（默认取省份设置，否则2）。"),
                property("resubmissions-after-rejection", integer(minimum: 0), "How many times a rejected application may be submitted again (default 1).",
                         "县区招办审批不通过后可重新申请的次数（默认1）。"),
                property("windows", array(ref("applicationWindow")), "Application windows, one per term.", "各次毕业申请的起止日期。"),
                property("evidence-scans", list(string()), "File formats of the scans of paper evidence (default zip, rar).",
                         "纸质材料扫描件压缩包格式（默认 zip、rar）。"),
                property("evidence-originals", boolean, "Whether the originals of paper evidence are handed in with the form (default true).",
                         "纸质材料原件是否须与登记表一并交回（默认 true）。"),
                property("fee", integer(minimum: 0), "The fee in yuan.", "毕业申请费用（元）。"),
                property("photo", ref("photoRule"), "The graduation photo's file rules.", "毕业照片文件要求。"),
                property("registration-form", ref("registrationFormRule"), "Rules of the registration form (毕业生登记表).", "毕业生登记表的规则。"),
                note,
            ])),
            .init("applicationWindow", object("When applications for one term are accepted.", "一次毕业申请的起止日期。", required: ["term", "opens", "closes"], [
                property("term", string(), "The term, e.g. 2021下半年.", "申请批次，如 2021下半年。"),
                property("opens", ref("date"), "First day.", "开始日期。"),
                property("closes", ref("date"), "Last day (also the last day to apply again after a rejection).", "结束日期（也是重新申请的截止日）。"),
                property("hand-in-until", ref("date"), "Last day to hand in the registration form and originals.", "交回登记表及原件的截止日。"),
                note,
            ])),
            .init("photoRule", object("The graduation photo's file rules.", "毕业照片文件要求。", [
                property("formats", list(string()), "Accepted file extensions (default png, jpg, jpeg).", "可用的文件格式（默认 png、jpg、jpeg）。"),
                property("max-megabytes", integer(minimum: 1), "Files must be smaller than this many MiB (default 2).", "文件须小于此大小（MiB，默认2）。"),
                note,
            ])),
            .init("registrationFormRule", object("Rules of the registration form (毕业生登记表).", "毕业生登记表的规则。", [
                property("copies", integer(minimum: 1), "Printed copies handed in (default 2).", "交回份数（默认2）。"),
                property("self-appraisal-min-characters", integer(minimum: 0), "Minimum length of 自我鉴定 (default 400).", "自我鉴定最少字数（默认400）。"),
                property("min-resume-rows", integer(minimum: 0), "Minimum résumé rows (default 1).", "个人简历最少行数（默认1）。"),
                note,
            ])),
            .init("stoppedMajorRule", object("A missing course of a stopped major may be replaced by a same-level course of at least its credits.",
                                             "停考专业缺考的课程可用同层次、不低于原学分的课程替代。", [
                property("source", ref("identifier"), "The source (id) that states the rule.", "规定该规则的来源编号。"),
                note,
            ])),
            .init("source", object("A document that plans cite.", "考试计划引用的来源文件。", required: ["id", "document"], [
                property("id", ref("identifier"), "The source's id, cited by plans.", "来源编号，供计划引用。"),
                property("document", string(), "The document's title.", "文件名称。"),
                property("url", string(), "Where to find it.", "网址。"),
                property("confidence", ref("confidence"), "high | medium | low.", "high | medium | low。"),
                note,
            ])),
            .init("course", object("A course of the national catalog.", "全国课程目录中的一门课程。", required: ["code", "name", "credits"], [
                property("code", ref("courseCode"), "The five-digit course code.", "5位课程代码。"),
                property("name", string(), "The course name as the exam office prints it.", "考试机构公布的课程名称。"),
                property("credits", integer(minimum: 0), "Credits (学分), an integer ≥ 0; a thesis has 0.", "学分，非负整数；毕业论文为0。"),
                property("kind", string(enumeration: CourseKind.allCases.map(\.rawValue)), "theory (default) | practice | thesis.",
                         "theory（理论，默认）| practice（实践）| thesis（毕业论文/设计）。"),
                property("theory", ref("courseCode"), "Practice only: its theory course; they count as one course.", "仅实践课程：对应的理论课程，二者合计一门。"),
                property("former-names", ref("strings"), "Names seen on older transcripts or plans.", "旧成绩单或旧计划中的名称。"),
                property("examined-from", ref("date"), "First sitting that examines the course (optional).", "首次开考日期（可选）。"),
                property("examined-until", ref("date"), "Last sitting that examines it; results before still count.", "最后一次开考日期；此前的合格成绩仍有效。"),
                note,
            ], extra: [.init("dependencies", .object([.init("theory", .object([
                .init("properties", .object([.init("kind", .object([.init("const", "practice")]))])),
                .init("required", ["kind"]),
            ]))]))])),
            .init("rename", object("The old code is the same course under a new code.", "旧代码与新代码为同一门课程。", required: ["from", "to"], [
                property("from", ref("courseCode"), "The old code.", "旧代码。"),
                property("to", ref("courseCode"), "The new code (in the catalog).", "新代码（须在课程目录中）。"),
                note,
            ])),
            .init("equivalence", object("Codes interchangeable everywhere.", "可相互替代的课程代码。", required: ["codes"], [
                property("codes", ref("courseCodes"), "The interchangeable codes.", "可相互替代的代码。"),
                note,
            ])),
            .init("institution", object("An examining institution (主考院校).", "主考院校。", required: ["name"], [
                property("name", string(), "The institution's name, e.g. 苏州大学.", "院校名称，如 苏州大学。"),
                property("province", string(), "Its province (optional when the file sets 'province').", "所在省份（文件已设 province 时可省略）。"),
                property("code", string(), "The institution's code, quoted.", "院校代码（加引号）。"),
                note,
            ])),
            .init("exemption", object("A certificate that exempts courses (免考).", "可免考课程的证书。", required: ["id", "certificate", "exempts"], [
                property("id", ref("identifier"), "The exemption's id.", "免考编号。"),
                property("certificate", string(), "The certificate, e.g. 全国计算机等级考试一级.", "证书名称。"),
                property("province", string(), "The province it applies to.", "适用省份。"),
                property("exempts", ref("courseCodes"), "The courses it exempts.", "免考的课程。"),
                property("obtained-before", ref("date"), "Certificates obtained on or after this date do not count.", "此日期及以后取得的证书不再有效。"),
                property("obtained-from", ref("date"), "Certificates obtained before this date do not count.", "此日期之前取得的证书无效。"),
                property("source", ref("identifier"), "The source (id) that states it.", "规定它的来源编号。"),
                note,
            ])),
            .init("fieldCategory", object("A category of prior-diploma fields (专业类 / 专业大类 of a national catalog).", "前置学历专业的类别（国家专业目录的专业类 / 专业大类）。",
                                          required: ["id"], [
                property("id", string(), "The category's id, e.g. 计算机类.", "类别编号，如 计算机类。"),
                property("code", string(), "Its code in the catalog, quoted: \"5102\".", "目录中的代码（加引号）。"),
                property("catalog", string(), "Which catalog, e.g. 职业教育专业目录（2021年）.", "所属目录。"),
                property("kind", string(), "专业类 | 专业大类.", "专业类 | 专业大类。"),
                property("parent", string(), "The enclosing category's id.", "上级类别编号。"),
                property("fields", array(.object([.init("anyOf", .array([string(), object("A field with its code.", "带代码的专业。", required: ["name"], [
                    property("code", string(), "The field's code, quoted.", "专业代码（加引号）。"),
                    property("name", string(), "The field's name.", "专业名称。"),
                ])]))])), "The fields in the category (names, or {code, name}).", "该类别的专业（名称，或 {code, name}）。"),
                note,
            ])),
            .init("candidateAttribute", object("A candidate attribute that rules may depend on (declared once; candidates list it under candidate.attributes).",
                                               "规则可依据的考生属性（声明一次；考生文件在 candidate.attributes 中列出）。", required: ["id"], [
                property("id", string(), "The attribute's id, e.g. 港澳台.", "属性编号，如 港澳台。"),
                property("title", string(), "Its title.", "名称。"),
                note,
            ])),
        ]
    }
}
