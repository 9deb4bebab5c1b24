import Foundation
import CurriculumDSL

/// What must hold of an application's content when it is submitted (seed 六.1–3).
enum ContentCheck {
    static func problems(_ content: ApplicationContent, audits: [ChoiceAudit], policy: ApplicationPolicy,
                         today: CivilDate) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        if content.county.trimmed.isEmpty {
            problems.append(.init(zh: "毕业申请区县：请选择", en: "毕业申请区县 (county): choose one"))
        }
        if !FormValidator.isMobile(content.mobile) {
            problems.append(.init(zh: "手机号：须为 11 位手机号码，现为“\(content.mobile)”",
                                  en: "手机号 (mobile): must be an 11-digit mobile number; it is '\(content.mobile)'"))
        }
        if content.address.trimmed.isEmpty {
            problems.append(.init(zh: "地址：请填写", en: "地址 (address): fill it in"))
        }
        problems += choiceProblems(content.choices, audits: audits, policy: policy)
        for (index, course) in content.oldPlanCourses.enumerated() {
            problems += OldPlanCourseCheck.problems(course, row: index + 1, today: today)
        }
        if !content.oldPlanCourses.isEmpty, !policy.evidenceScanFormats.isEmpty {
            let formats = policy.evidenceScanFormats.joined(separator: "、")
            if let scan = content.evidenceScan {
                if !policy.evidenceScanFormats.contains(scan.fileExtension) {
                    problems.append(.init(zh: "旧计划课程扫描件压缩包须为 \(formats) 文件，上传的是“\(scan.name)”",
                                          en: "the scans of the old-plan cards must be a \(formats) file; '\(scan.name)' is not"))
                }
            } else {
                problems.append(.init(
                    zh: "添加了旧计划课程，须上传“旧计划课程（实践课考核卡）扫描件压缩包”（\(formats)）；不上传扫描件资料者，毕业申请无效",
                    en: "old-plan courses were added: upload the scans of the cards as one \(formats) file; without them the application is void"))
            }
        }
        return problems
    }

    private static func choiceProblems(_ choices: [MajorChoice], audits: [ChoiceAudit], policy: ApplicationPolicy) -> [LocalizedText] {
        guard !choices.isEmpty else {
            return [.init(zh: "请选择主考院校及申请毕业的专业", en: "choose an examining institution and the major to graduate in")]
        }
        var problems: [LocalizedText] = []
        var seen: Set<String> = []
        for choice in choices where !seen.insert(choice.institution).inserted {
            problems.append(.init(zh: "\(choice.institution)：每所主考院校只能选择一个专业",
                                  en: "\(choice.institution): one major per examining institution"))
        }
        if seen.count > policy.maxInstitutions {
            problems.append(.init(zh: "考生毕业申请最多可选择 \(policy.maxInstitutions) 所主考院校，现选了 \(seen.count) 所；请去掉多选的院校",
                                  en: "an application may name at most \(policy.maxInstitutions) examining institutions; it names \(seen.count). Remove the extra ones"))
        }
        for choice in choices {
            let name = "\(choice.institution) \(choice.major)"
            guard let audit = audits.first(where: { $0.institution == choice.institution && $0.major == choice.major }) else {
                problems.append(.init(zh: "\(name)：没有该专业的毕业审核结果；请先审核（ApplicationAuditor）再提交",
                                      en: "\(name): no audit of this major; audit it (ApplicationAuditor) before submitting"))
                continue
            }
            if audit.verdict == .notEligible {
                problems.append(.init(
                    zh: "\(name)：所选专业不符合毕业合格条件；可返回添加顶替英语二课程或添加旧计划合格课程，或改选其他专业",
                    en: "\(name): the major's graduation conditions are not met; add 英语(二) replacement courses or old-plan courses, or choose another major"))
            }
            problems += audit.problems.map { .init(zh: "\(name)：\($0.zh)", en: "\(name): \($0.en)") }
        }
        return problems
    }
}

/// Checks of one added old-plan course as typed (seed: 课程代码、课程名称、合格时间 格式:XXXX-XX-XX、成绩).
enum OldPlanCourseCheck {
    static func problems(_ course: OldPlanCourse, row: Int, today: CivilDate, passMark: Int = 60) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        let at = LocalizedText(zh: "旧计划课程第 \(row) 行", en: "old-plan course row \(row)")
        if course.code.count != 5 || !course.code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problems.append(.init(zh: "\(at.zh) 课程代码：须为 5 位数字，现为“\(course.code)”",
                                  en: "\(at.en) course code: must be 5 digits; it is '\(course.code)'"))
        }
        if course.name.trimmed.isEmpty {
            problems.append(.init(zh: "\(at.zh) 课程名称：请填写", en: "\(at.en) course name: fill it in"))
        }
        if let date = strictDate(course.passDate) {
            if date > today {
                problems.append(.init(zh: "\(at.zh) 合格时间：\(course.passDate) 晚于今天", en: "\(at.en) pass date: \(course.passDate) is in the future"))
            }
        } else {
            problems.append(.init(zh: "\(at.zh) 合格时间：格式须为 XXXX-XX-XX 的真实日期，现为“\(course.passDate)”",
                                  en: "\(at.en) pass date: must be a real date written XXXX-XX-XX; it is '\(course.passDate)'"))
        }
        if course.score < passMark || course.score > 100 {
            problems.append(.init(zh: "\(at.zh) 成绩：合格成绩须在 \(passMark)–100 之间，现为 \(course.score)",
                                  en: "\(at.en) score: a pass is \(passMark)–100; it is \(course.score)"))
        }
        return problems
    }

    /// `YYYY-MM-DD` exactly (ten characters), a real date.
    static func strictDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
