/// Writes the majors of one institution, each with one plan whose requirement tree uses every construct of
/// the DSL, and whose totals are reachable so that the compiler reports nothing.
struct MajorWriter {
    let catalog: Catalog
    let province: String
    let coursesPerPlan: Int

    static let levels = ["专科", "专升本", "本科"]

    /// A six-digit code (two-digit discipline + four digits) with an optional letter, distinct for every index.
    static func majorCode(_ index: Int) -> String {
        let digits = pad(index % 12 + 1, 2) + pad(index / 12 + 101, 4)
        if index % 5 == 0 { return digits + "K" }
        if index % 7 == 3 { return digits + "T" }
        return digits
    }

    /// The courses a plan has picked so far, so that no course appears twice in one plan.
    private struct Picker {
        var used: Set<Int> = []
        var random: SplitMix64

        mutating func take(_ pool: [Int]) -> Int {
            while true {
                let index = pool[random.below(pool.count)]
                if used.insert(index).inserted { return index }
            }
        }

        mutating func take(_ count: Int, from pool: [Int]) -> [Int] {
            (0..<count).map { _ in take(pool) }
        }
    }

    func code(_ index: Int) -> String { catalog.courses[index].code }
    func credits(_ index: Int) -> Int { catalog.courses[index].credits }
    func name(_ index: Int) -> String { catalog.courses[index].name }

    /// The whole file of one institution.
    func text(institution: String, institutionIndex: Int, majors: Int, firstIndex: Int, seed: SplitMix64) -> String {
        var yaml = YAMLText(comment: "\(institution) 主考专业及考试计划（合成数据，仅用于性能测试）")
        yaml.field(0, "province", province)
        yaml.blank()
        yaml.line(0, "majors:")
        for offset in 0..<majors {
            let index = firstIndex + offset
            var random = seed.derived(UInt64(index))
            writeMajor(&yaml, index: index, institution: institution, institutionIndex: institutionIndex, random: &random)
        }
        return yaml.text
    }

    private func writeMajor(_ yaml: inout YAMLText, index: Int, institution: String, institutionIndex: Int, random: inout SplitMix64) {
        let code = Self.majorCode(index)
        let level = Self.levels[index % 3]
        let bachelor = level != "专科"
        let stopped = index % 17 == 5
        let majorName = Names.major(index, &random)

        yaml.code(1, "- code", code)
        yaml.field(2, "name", majorName)
        yaml.field(2, "level", level)
        yaml.line(2, "institutions:")
        yaml.line(3, "- \(YAMLText.scalar(institution))")
        if stopped {
            yaml.field(2, "status", "stopped")
            yaml.line(2, "stopped-since: 2023-01-01")
        }
        if index % 4 == 1 {
            yaml.flowCodes(2, "former-codes", ["58" + pad(index % 10_000, 4)])
        }
        if bachelor, index % 6 == 1 {
            yaml.line(2, "prerequisite:")
            yaml.line(3, "prior-diploma: [专科, 本科, 研究生]")
            yaml.line(3, "national-education-series-only: true")
            yaml.line(3, "verified: true")
        }
        yaml.flowCodes(2, "catalogs", ["2023", "2024"])
        yaml.field(2, "source", "GEN-CATALOG")
        yaml.field(2, "note", "\(majorName)（\(level)）由\(institution)主考，\(stopped ? "已停止新生报名，在籍考生可继续报考至毕业" : "面向社会开考")。")
        yaml.line(2, "plans:")
        writePlan(&yaml, majorCode: code, majorName: majorName, bachelor: bachelor, index: index,
                  institution: institution, institutionIndex: institutionIndex, random: &random)
    }

    private func writePlan(_ yaml: inout YAMLText, majorCode: String, majorName: String, bachelor: Bool, index: Int,
                           institution: String, institutionIndex: Int, random: inout SplitMix64) {
        var picker = Picker(random: random.derived(0xC0FFEE))
        let politics = bachelor ? catalog.bachelorPolitics : catalog.associatePolitics
        for course in politics { picker.used.insert(course) }

        // Fixed shapes take 17 courses (18 with a thesis): politics 2, practice pair 2, one-of 2, choose 4,
        // pool 3, alternatives 1 + 2 + 2. The rest of `coursesPerPlan` are single required courses.
        let fixed = 17 + (bachelor ? 1 : 0)
        let singles = picker.take(max(1, coursesPerPlan - fixed), from: catalog.plainTheory)
        let pairTheory = picker.take(catalog.theoryWithPractice)
        let practice = pairTheory + 1
        picker.used.insert(practice)
        let thesis = bachelor ? picker.take(catalog.theses) : nil
        let oneOf = picker.take(2, from: catalog.plainTheory)
        let choose = picker.take(4, from: catalog.plainTheory)
        let pool = picker.take(3, from: catalog.plainTheory)
        let trackA = picker.take(catalog.plainTheory)
        let trackAPool = picker.take(2, from: catalog.plainTheory)
        let trackB = picker.take(2, from: catalog.plainTheory)
        let substitutes = picker.take(3, from: catalog.plainTheory)
        let fixedSet = picker.take(3, from: catalog.plainTheory)
        let additional = picker.take(2, from: catalog.plainTheory)

        let required = politics + singles + [pairTheory, practice] + (thesis.map { [$0] } ?? [])
        let totalCredits = required.reduce(0) { $0 + credits($1) }
        let minCourses = politics.count + singles.count + 1  // the practice pair counts as one, a thesis as none

        let planID = "GEN-I\(pad(institutionIndex + 1, 2))-\(majorCode)"
        yaml.field(3, "- id", planID)
        yaml.code(4, "version", "2024")
        yaml.line(4, "effective-from: 2024-07-01")
        if index % 3 == 2 { yaml.line(4, "effective-until: 2099-12-31") }
        yaml.line(4, "institutions:")
        yaml.line(5, "- \(YAMLText.scalar(institution))")
        yaml.field(4, "total-credits", totalCredits)
        yaml.field(4, "min-courses", minCourses)
        if index % 5 == 2 { yaml.field(4, "pass-mark", 60) }
        yaml.field(4, "graduation-rule", random.pick(Names.graduationRules))
        yaml.line(4, "sources:")
        yaml.field(5, "- ref", "GEN")
        yaml.field(6, "locator", "generated/institution-\(pad(institutionIndex + 1, 2))/\(majorCode)/plan.md")
        yaml.field(4, "confidence", random.pick(["high", "medium", "low"]))
        yaml.line(4, "notes:")
        yaml.line(5, "- \(YAMLText.scalar("\(majorName)专业考试计划，共 \(minCourses) 门必考课程，总学分 \(totalCredits)。"))")
        yaml.line(5, "- \(YAMLText.scalar(random.pick(Names.planNotes)))")

        // Requirements.
        yaml.line(4, "requirements:")
        yaml.field(5, "- id", "politics")
        yaml.field(6, "title", "思想政治理论课")
        yaml.field(6, "note", "全省统一设置，须全部考试合格")
        yaml.line(6, "all-of:")
        for course in politics { yaml.line(7, "- \(YAMLText.quoted(code(course)))") }
        for (position, course) in singles.enumerated() {
            switch position % 3 {
            case 0:
                yaml.code(5, "- course", code(course))
                yaml.field(6, "title", name(course))
            case 1:
                yaml.line(5, "- \(YAMLText.quoted(code(course) + " " + name(course)))")
            default:
                yaml.line(5, "- \(YAMLText.quoted(code(course)))")
            }
        }
        yaml.code(5, "- course", code(pairTheory))
        yaml.field(6, "title", name(pairTheory))
        yaml.code(5, "- course", code(practice))
        yaml.field(6, "title", name(practice))
        yaml.field(6, "note", "与 \(code(pairTheory)) 合并计为一门课程")
        if let thesis {
            yaml.code(5, "- course", code(thesis))
            yaml.field(6, "title", "毕业论文")
            yaml.field(6, "note", "不计入课程门数，不计学分")
        }

        yaml.field(5, "- id", "foreign-language")
        yaml.field(6, "title", "外语（任选一门）")
        yaml.field(6, "note", "不考外语者可按本计划的顶替规定以其他课程顶替")
        yaml.line(6, "one-of:")
        for course in oneOf {
            yaml.code(7, "- course", code(course))
            yaml.field(8, "title", name(course))
        }

        yaml.field(5, "- id", "major-electives")
        yaml.field(6, "title", "专业选修课（四选二）")
        yaml.field(6, "note", "任选两门，所选课程学分计入总学分")
        yaml.line(6, "choose: 2")
        yaml.line(6, "of:")
        for (position, course) in choose.enumerated() {
            if position == 3 {
                yaml.line(7, "- \(YAMLText.quoted(code(course) + " " + name(course)))")
            } else {
                yaml.code(7, "- course", code(course))
                yaml.field(8, "title", name(course))
            }
        }

        let poolCredits = pool.map(credits).sorted()
        yaml.field(5, "- id", "electives")
        yaml.field(6, "title", "选考课程")
        yaml.field(6, "note", "至少选考两门，学分超过上限的部分不计入总学分")
        yaml.codeList(6, "pool", pool.map(code))
        yaml.field(6, "min-credits", poolCredits[0] + poolCredits[1])
        yaml.field(6, "min-courses", 2)
        if index % 2 == 0 { yaml.field(6, "max-credits", poolCredits.reduce(0, +)) }

        yaml.field(5, "- id", "track")
        yaml.field(6, "title", "外语或选考")
        yaml.field(6, "note", "考生根据是否考外语选择其一，未声明时按最有利的方案审核")
        yaml.line(6, "alternatives:")
        yaml.field(7, "- id", "track-a")
        yaml.field(8, "when", "考外语者")
        yaml.line(8, "all-of:")
        yaml.code(9, "- course", code(trackA))
        yaml.field(10, "title", name(trackA))
        yaml.field(9, "- id", "track-a-pool")
        yaml.flowCodes(10, "pool", trackAPool.map(code))
        yaml.field(10, "min-courses", 1)
        yaml.field(10, "min-credits", trackAPool.map(credits).min() ?? 0)
        yaml.field(7, "- id", "track-b")
        yaml.field(8, "when", "不考外语者")
        yaml.codeList(8, "pool", trackB.map(code))
        yaml.field(8, "min-courses", 2)
        yaml.field(8, "min-credits", trackB.reduce(0) { $0 + credits($1) })

        // Substitutions: credit form, 顶替外语.
        yaml.line(4, "substitutions:")
        yaml.field(5, "- id", "replace-foreign-language")
        yaml.field(6, "title", "顶替外语课程")
        yaml.field(6, "replaces", "foreign-language")
        yaml.field(6, "min-credits", oneOf.map(credits).max() ?? 1)
        yaml.codeList(6, "from", substitutes.map(code))
        yaml.field(5, "- id", "without-foreign-language")
        yaml.field(6, "title", "专业选修课换考课程")
        yaml.field(6, "replaces", "major-electives")
        yaml.codeList(6, "all-of", fixedSet.map(code))

        // Mappings from the previous plan: one-to-one and count-based (need 2 of 3 old entries).
        let oneToOne = politics + singles + oneOf + choose
        let old = (0..<(5 + oneToOne.count)).map { _ in "9" + pad(random.below(10_000), 4) }
        yaml.line(4, "mappings:")
        yaml.field(5, "- id", "from-2018")
        yaml.field(6, "title", "2018版 → 2024版")
        yaml.field(6, "note", "旧计划已合格课程按下列规则对应到新计划，对应后的旧课程不再重复使用")
        yaml.line(6, "rules:")
        for (offset, course) in oneToOne.enumerated() {
            yaml.code(7, "- old", old[5 + offset])
            yaml.code(8, "new", code(course))
        }
        yaml.line(7, "- old:")
        yaml.line(9, "- \(YAMLText.flow([old[1], old[2]]))")
        yaml.line(9, "- \(YAMLText.quoted(old[3]))")
        yaml.line(9, "- \(YAMLText.quoted(old[4]))")
        yaml.line(8, "need: 2")
        yaml.flowCodes(8, "new", [code(pairTheory), code(practice)])

        do {
            yaml.line(4, "additional-courses:")
            yaml.field(5, "- id", "non-major-background")
            yaml.field(6, "title", bachelor ? "跨专业考生加考课程" : "非相关专业考生加考课程")
            let fields = (0..<3).map { Names.fields[(index + $0 * 3) % Names.fields.count] }
            yaml.line(6, "when-prior-field-not-in: [\(fields.map(YAMLText.scalar).joined(separator: ", "))]")
            yaml.flowCodes(6, "courses", additional.map(code))
        }
    }
}
