import Application
import Eligibility
import Foundation
import Testing

/// The registration form's fields as seed steps 9–10 list them; every error names its field.
struct FormValidatorTests {
    let validator = FormValidator(today: CivilDate("2021-11-30")!)

    func messages(_ change: (inout RegistrationForm) -> Void) -> [String] {
        var form = Fixtures.form
        change(&form)
        return validator.errors(in: form).map(\.message.zh)
    }

    @Test("a complete form has no errors")
    func valid() {
        #expect(validator.errors(in: Fixtures.form).isEmpty)
    }

    @Test("*民族 请选择: the 56 official names")
    func ethnicity() {
        #expect(OfficialLists.ethnicities.count == 56)
        #expect(Set(OfficialLists.ethnicities).count == 56)
        #expect(messages { $0.ethnicity = "穿青人" } == ["民族：“穿青人”不在官方列表中"])
        #expect(messages { $0.ethnicity = "" } == ["民族：必填，请选择"])
        #expect(messages { $0.ethnicity = "基诺族" }.isEmpty)
    }

    @Test("*政治面貌 请选择: the official list")
    func politicalStatus() {
        #expect(OfficialLists.politicalStatuses.count == 13)
        #expect(messages { $0.politicalStatus = "中国共产主义青年团团员" }.isEmpty)
        #expect(messages { $0.politicalStatus = "团员" }.first?.hasPrefix("政治面貌：“团员”不在官方列表中") == true)
    }

    @Test("*手机号", arguments: [("13912345678", true), ("12912345678", false), ("1391234567", false), ("139123456789", false), ("1391234567x", false)])
    func mobile(number: String, valid: Bool) {
        #expect(messages { $0.mobile = number }.isEmpty == valid)
        #expect(FormValidator.isMobile(number) == valid)
    }

    @Test("*参加工作时间 格式:xxxx年xx月xx日", arguments: [
        ("2015年07月01日", nil), ("2015年7月1日", "参加工作时间：格式须为 xxxx年xx月xx日 的真实日期（如 2015年07月01日），现为“2015年7月1日”"),
        ("2015-07-01", "参加工作时间：格式须为 xxxx年xx月xx日 的真实日期（如 2015年07月01日），现为“2015-07-01”"),
        ("2015年02月29日", "参加工作时间：格式须为 xxxx年xx月xx日 的真实日期（如 2015年07月01日），现为“2015年02月29日”"),
        ("2021年12月01日", "参加工作时间：2021年12月01日 晚于今天（2021-11-30）"),
    ] as [(String, String?)])
    func workStart(text: String, error: String?) {
        #expect(messages { $0.workStart = text } == (error.map { [$0] } ?? []))
    }

    @Test("*籍贯 格式:xxx省xxx市", arguments: [("山西省太原市", true), ("内蒙古自治区呼和浩特市", true), ("北京市", true),
                                          ("太原市", false), ("山西太原", false), ("山西省", false)])
    func nativePlace(text: String, valid: Bool) {
        #expect(messages { $0.nativePlace = text }.isEmpty == valid)
    }

    @Test("the required text fields: 职业, 已取得学历, 健康状况, 工作单位, 详细住址, 是否华侨、港澳、台属")
    func required() {
        let all = messages {
            $0.occupation = ""; $0.education = " "; $0.health = ""; $0.employer = ""; $0.address = ""; $0.overseasRelative = nil
        }
        #expect(all == ["职业：必填，请填写", "已取得学历：必填，请填写", "健康状况：必填，请填写", "是否华侨、港澳、台属：必填，请选择“是”或“否”",
                        "工作单位：必填，请填写", "详细住址：必填，请填写"])
    }

    @Test("学习或工作经历至少填写一栏; dates real, in order, not in the future")
    func resume() {
        #expect(messages { $0.resume = [] } == ["个人简历：学习或工作经历至少填写 1 栏"])
        #expect(messages {
            $0.resume = [ResumeRow(from: "2015年07月01日", to: "2021年11月01日", place: "某公司工作"),
                         ResumeRow(from: "2012年09月01日", to: "2011年06月30日", place: "")]
        } == ["个人简历第 2 行 在何地何单位学习或工作：必填，请填写",
              "个人简历第 2 行 至何年月：2011年06月30日 早于自何年月 2012年09月01日",
              "个人简历第 2 行 自何年月：各行须按时间先后填写：2012年09月01日 早于上一行的开始日期"])
    }

    @Test("格式要求：家庭成员姓名:xxx、工作单位:xxxx、职务:xxxx")
    func family() {
        #expect(messages { $0.family = "家庭成员姓名:张大山、工作单位:某厂、职务:工人\n家庭成员姓名：李秀英、工作单位：无、职务：无" }.isEmpty)
        #expect(messages { $0.family = "张大山，工人" } == ["家庭主要成员第 1 人：格式须为 家庭成员姓名:xxx、工作单位:xxxx、职务:xxxx，现为“张大山，工人”"])
        #expect(messages { $0.family = "家庭成员姓名:张大山、工作单位:、职务:工人" }.count == 1)
        #expect(messages { $0.family = "" } == ["家庭主要成员：必填，格式：家庭成员姓名:xxx、工作单位:xxxx、职务:xxxx"])
    }

    @Test("格式要求：奖励:xxxx、处分:xxxx")
    func rewards() {
        #expect(messages { $0.rewardsAndPunishments = "奖励:2019年度优秀员工、处分:无" }.isEmpty)
        #expect(messages { $0.rewardsAndPunishments = "处分:无、奖励:无" }.count == 1)
    }

    @Test("自我鉴定：不得少于400字 (white space not counted); 也可打印后手写完成")
    func selfAppraisal() {
        #expect(messages { $0.selfAppraisal = String(repeating: "学", count: 399) + "   \n" }
                == ["自我鉴定：不得少于 400 字，现有 399 字（不计空白）；也可打印后手写完成"])
        #expect(messages { $0.selfAppraisal = String(repeating: "学", count: 398) + "。A" }.isEmpty)
        #expect(messages { $0.selfAppraisal = ""; $0.selfAppraisalHandwritten = true }.isEmpty)
        #expect(FormValidator.characterCount("我 爱\n学习。") == 5)
    }

    @Test("the shipped example forms: one valid, one with an error in each of 12 fields")
    func examples() throws {
        for (name, count) in [("毕业生登记表-张三.yaml", 0), ("毕业生登记表-broken.yaml", 12)] {
            let bytes = try [UInt8](Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Examples/" + name)))
            let (form, issues) = RegistrationFormFile.read(bytes: bytes, file: name)
            #expect(issues.isEmpty)
            let errors = form.map { validator.errors(in: $0) }
            #expect(errors?.count == count, "\(name): \(errors?.map(\.message.en) ?? [])")
        }
    }

    @Test("a form file's unknown field is reported with its place")
    func unknownField() {
        let (form, issues) = RegistrationFormFile.read(bytes: Array("民族: 汉族\n名族: 汉族\n".utf8), file: "f.yaml")
        #expect(form == nil)
        #expect(issues.map(\.line) == [2])
        #expect(issues.first?.message.zh.contains("是不是 民族？") == true)
    }
}
