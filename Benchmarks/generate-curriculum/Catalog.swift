/// The national course catalog of the synthetic curriculum, kept in memory so that plans can pick courses
/// and compute totals that the compiler will find reachable.
struct Catalog {
    enum Kind: String {
        case theory
        case practice
        case thesis
    }

    struct Course {
        var code: String
        var name: String
        var credits: Int
        var kind: Kind
        /// Index of the theory course of a practice component.
        var theory: Int?
        var formerNames: [String] = []
        var note: String?
    }

    private(set) var courses: [Course] = []
    /// Theory courses without a practice component (the bulk a plan picks from), politics excluded.
    private(set) var plainTheory: [Int] = []
    /// Theory courses whose practice component is the next index.
    private(set) var theoryWithPractice: [Int] = []
    private(set) var theses: [Int] = []

    /// Politics courses (思想政治理论课) every plan requires: two for bachelor levels, two for 专科.
    static let politics: [(name: String, credits: Int)] = [
        ("中国近现代史纲要", 2), ("马克思主义基本原理概论", 4),
        ("毛泽东思想和中国特色社会主义理论体系概论", 4), ("思想道德修养与法律基础", 2),
    ]
    var bachelorPolitics: [Int] { [0, 1] }
    var associatePolitics: [Int] { [2, 3] }

    /// Codes are five digits, spread over 00100–8xxxx; 9xxxx is left for old (renamed, mapped) codes.
    static func code(_ index: Int, count: Int) -> String {
        let step = max(1, min(13, 89_800 / max(count, 1)))
        return pad(100 + index * step, 5)
    }

    init(count: Int, random: inout SplitMix64) {
        precondition(count >= 200 && count <= 89_800, "--catalog must be in 200...89800")
        courses.reserveCapacity(count)
        for index in 0..<count {
            let code = Self.code(index, count: count)
            if index < Self.politics.count {
                let (name, credits) = Self.politics[index]
                courses.append(Course(code: code, name: name, credits: credits, kind: .theory))
                continue
            }
            switch index % 50 {
            case 24:
                let name = Names.majorFields[random.below(Names.majorFields.count)] + "专业毕业论文"
                courses.append(Course(code: code, name: name, credits: 0, kind: .thesis,
                                      note: random.chance(1, in: 3) ? "毕业论文按五级记分制评定，不计入课程门数" : nil))
                theses.append(index)
                continue
            default:
                break
            }
            if index % 10 == 9 {
                // The practice component (实践) of the theory course just before it.
                let theory = courses[index - 1]
                courses.append(Course(code: code, name: theory.name + "（实践）", credits: random.inRange(1...3), kind: .practice,
                                      theory: index - 1))
                theoryWithPractice.append(index - 1)
                continue
            }
            var course = Course(code: code, name: Names.course(&random), credits: random.inRange(2...7), kind: .theory)
            if random.chance(1, in: 12) {
                course.formerNames = [Names.course(&random)]
            }
            courses.append(course)
            if index % 10 != 8 { plainTheory.append(index) }
        }
    }

    func text() -> String {
        var yaml = YAMLText(comment: "全国统考课程目录（合成数据，仅用于性能测试）")
        yaml.line(0, "courses:")
        for course in courses {
            yaml.code(1, "- code", course.code)
            yaml.field(2, "name", course.name)
            yaml.field(2, "credits", course.credits)
            if course.kind != .theory { yaml.field(2, "kind", course.kind.rawValue) }
            if let theory = course.theory { yaml.code(2, "theory", courses[theory].code) }
            if !course.formerNames.isEmpty {
                yaml.line(2, "former-names:")
                for name in course.formerNames { yaml.line(3, "- \(YAMLText.scalar(name))") }
            }
            if let note = course.note { yaml.field(2, "note", note) }
        }
        return yaml.text
    }

    /// Old codes renamed to catalog codes, and a few equivalence classes.
    func renamesText(random: inout SplitMix64) -> String {
        var yaml = YAMLText(comment: "课程更名与等效课程（合成数据）")
        yaml.line(0, "course-renames:")
        let renames = max(10, courses.count / 50)
        for index in 0..<renames {
            let target = plainTheory[random.below(plainTheory.count)]
            yaml.code(1, "- from", "9" + pad(index, 4))
            yaml.code(2, "to", courses[target].code)
            yaml.field(2, "note", courses[target].name)
        }
        yaml.blank()
        yaml.line(0, "equivalences:")
        for _ in 0..<max(5, courses.count / 100) {
            let a = plainTheory[random.below(plainTheory.count)]
            let b = plainTheory[random.below(plainTheory.count)]
            guard a != b else { continue }
            yaml.flowCodes(1, "- codes", [courses[a].code, courses[b].code])
            yaml.field(2, "note", courses[a].name)
        }
        return yaml.text
    }
}

/// `value` in decimal, left-padded with zeros to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
