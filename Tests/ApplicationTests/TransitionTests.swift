import Application
import Eligibility
import Foundation
import Testing

/// The seed's rules of steps 六–10, each test quoting the sentence it checks.
struct TransitionTests {
    @Test("考生毕业申请最多可选择两所主考院校")
    func atMostTwoInstitutions() {
        #expect(Fixtures.shanxi.maxInstitutions == 2)
        var content = Fixtures.electronic
        content.choices = [MajorChoice(institution: "山西财经大学", major: "530605"), MajorChoice(institution: "山西大学", major: "030101"),
                           MajorChoice(institution: "太原理工大学", major: "080901")]
        var driver = Driver(content, policy: Fixtures.shanxi, term: nil)
        let refusal = driver.apply(.submit(audits: Fixtures.audits(content)), by: .candidate)
        #expect(refusal?.code == "submit-incomplete")
        #expect(refusal?.details.contains { $0.zh.contains("最多可选择 2 所主考院校，现选了 3 所") } == true)
        content.choices.removeLast()
        driver = Driver(content, policy: Fixtures.shanxi, term: nil)
        driver.ok(.submit(audits: Fixtures.audits(content)), by: .candidate)
    }

    @Test("one major per examining institution")
    func oneMajorPerInstitution() {
        var content = Fixtures.electronic
        content.choices.append(MajorChoice(institution: "山西财经大学", major: "530302"))
        var driver = Driver(content)
        let refusal = driver.apply(.submit(audits: Fixtures.audits(content)), by: .candidate)
        #expect(refusal?.details.contains { $0.zh == "山西财经大学：每所主考院校只能选择一个专业" } == true)
    }

    @Test("如选择的专业不符合毕业合格条件，可选择返回添加顶替英语二课程或添加旧计划合格课程")
    func notEligibleMajorCannotBeSubmitted() {
        var driver = Driver()
        let refusal = driver.apply(.submit(audits: Fixtures.audits(Fixtures.electronic, .notEligible)), by: .candidate)
        #expect(refusal?.details.first?.zh.contains("所选专业不符合毕业合格条件；可返回添加顶替英语二课程或添加旧计划合格课程") == true)
        #expect(driver.application.state == .draft)
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.electronic, .eligiblePendingReview)), by: .candidate)
        #expect(driver.application.state == .countyReview)
    }

    @Test("确认无误后可点击“提交”，提交后不可再进行网上毕业申请")
    func submissionIsFinal() {
        var driver = Driver()
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.electronic)), by: .candidate)
        #expect(driver.application.state == .systemReview)
        #expect(driver.apply(.edit(content: Fixtures.paper), by: .candidate)?.code == "submitted-final")
        #expect(driver.apply(.submit(audits: Fixtures.audits(Fixtures.electronic)), by: .candidate)?.code == "submitted-final")
    }

    @Test("不上传扫描件资料或未按时提交纸质原件者，毕业申请无效")
    func paperEvidenceNeedsScansAndOriginals() {
        var content = Fixtures.paper
        content.evidenceScan = nil
        var driver = Driver(content)
        #expect(driver.apply(.submit(audits: Fixtures.audits(content)), by: .candidate)?.details.first?.zh.contains("扫描件压缩包") == true)
        content.evidenceScan = UploadedFile(name: "cards.7z", bytes: 1000)
        driver = Driver(content)
        #expect(driver.apply(.submit(audits: Fixtures.audits(content)), by: .candidate)?.details.first?.zh.contains("须为 zip、rar 文件") == true)
        driver = Driver(Fixtures.paper)
        driver.toApproved()
        driver.ok(.pay(payment: Payment()), by: .candidate)
        driver.ok(.fillForm(form: Fixtures.form), by: .candidate)
        #expect(driver.apply(.handIn(copies: 2, originalsChecked: false), by: .office)?.code == "originals-missing")
        driver.ok(.handIn(copies: 2, originalsChecked: true), by: .office, day: 30)
        #expect(driver.application.state == .handedIn)
    }

    @Test("an old-plan course as typed: 课程代码、课程名称、合格时间 格式:XXXX-XX-XX、成绩")
    func oldPlanCourseFormat() {
        var content = Fixtures.paper
        content.oldPlanCourses = [OldPlanCourse(code: "58", name: " ", passDate: "1999-10-32", score: 59)]
        var driver = Driver(content)
        let details = driver.apply(.submit(audits: Fixtures.audits(content)), by: .candidate)?.details.map(\.zh) ?? []
        #expect(details == [
            "旧计划课程第 1 行 课程代码：须为 5 位数字，现为“58”",
            "旧计划课程第 1 行 课程名称：请填写",
            "旧计划课程第 1 行 合格时间：格式须为 XXXX-XX-XX 的真实日期，现为“1999-10-32”",
            "旧计划课程第 1 行 成绩：合格成绩须在 60–100 之间，现为 59",
        ])
    }

    @Test("paper evidence and added courses go to the county office; electronic records to the system review")
    func reviewRoute() {
        var electronic = Driver()
        electronic.ok(.submit(audits: Fixtures.audits(Fixtures.electronic)), by: .candidate)
        #expect(electronic.application.state == .systemReview)
        #expect(electronic.apply(.approve, by: .office)?.code == "not-in-county-review")
        var paper = Driver(Fixtures.paper)
        paper.ok(.submit(audits: Fixtures.audits(Fixtures.paper, .eligiblePendingReview)), by: .candidate)
        #expect(paper.application.state == .countyReview)
        #expect(paper.apply(.passSystemReview, by: .system)?.code == "not-in-system-review")
        var picks = Fixtures.electronic
        picks.choices[0].replacementPicks = ["00058", "00149", "00150"]
        var picked = Driver(picks)
        picked.ok(.submit(audits: Fixtures.audits(picks)), by: .candidate)
        #expect(picked.application.state == .countyReview)
    }

    @Test("若县区招办审批不通过，考生可在规定时间内重新申请，重新申请仅限 1 次机会")
    func oneResubmission() {
        #expect(Fixtures.shanxi.resubmissionsAfterRejection == 1)
        var driver = Driver(Fixtures.paper)
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.paper)), by: .candidate)
        #expect(driver.apply(.reject(reason: "  "), by: .office)?.code == "reason-missing")
        driver.ok(.reject(reason: "扫描件不清晰"), by: .office)
        #expect(driver.application.rejectionReason == "扫描件不清晰")
        #expect(driver.apply(.edit(content: Fixtures.paper), by: .candidate)?.code == "rejected-reopen-first")
        driver.ok(.reopen, by: .candidate)
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.paper)), by: .candidate)
        driver.ok(.reject(reason: "仍不清晰"), by: .office)
        #expect(driver.apply(.reopen, by: .candidate)?.code == "no-resubmission-left")
        #expect(driver.application.resubmissionsUsed == 1)
    }

    @Test("在规定时间内重新申请: not after the window closes")
    func resubmissionWithinTheWindow() {
        var driver = Driver(Fixtures.paper)
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.paper)), by: .candidate)
        driver.ok(.reject(reason: "扫描件不清晰"), by: .office)
        let december = ISO8601DateFormatter().date(from: "2021-12-01T09:00:00+08:00")!
        #expect(driver.application.applying(.reopen, by: .candidate, at: december, policy: Fixtures.windowed).failure?.code == "outside-window")
        // The last day of the window is still inside it (Beijing time: 23:30 on the 30th is 15:30 UTC).
        let lastEvening = ISO8601DateFormatter().date(from: "2021-11-30T23:30:00+08:00")!
        #expect(driver.application.applying(.reopen, by: .candidate, at: lastEvening, policy: Fixtures.windowed).failure == nil)
        #expect(Driver().application.applying(.submit(audits: []), by: .candidate, at: Fixtures.nov(19),
                                              policy: Fixtures.windowed).failure?.code == "outside-window")
    }

    @Test("系统审核通过或县区招办审核通过后，申请信息不可修改，不可重新申请")
    func nothingChangesAfterApproval() {
        var driver = Driver(Fixtures.paper)
        driver.toApproved()
        #expect(driver.application.state == .approved)
        #expect(driver.apply(.edit(content: Fixtures.electronic), by: .candidate)?.code == "approved-locked")
        #expect(driver.apply(.reopen, by: .candidate)?.code == "reopen-not-rejected")
        #expect(driver.apply(.reject(reason: "x"), by: .office)?.code == "not-in-county-review")
        #expect(driver.application.content == Fixtures.paper)
    }

    @Test("考生毕业申请信息在系统审核通过或招办全部审批通过后才可进行支付")
    func noPaymentBeforeApproval() {
        var driver = Driver()
        #expect(driver.apply(.pay(payment: Payment()), by: .candidate)?.code == "pay-before-approval")
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.electronic)), by: .candidate)
        #expect(driver.apply(.pay(payment: Payment()), by: .candidate)?.code == "pay-before-approval")
    }

    @Test("毕业申请提交成功，考生须进行毕业证书电子注册图像采集，采集完成并且认证通过后方可进行支付操作")
    func noPaymentBeforeThePhoto() {
        var driver = Driver()
        #expect(driver.apply(.uploadPhoto(file: Fixtures.photo), by: .candidate)?.code == "photo-before-submit")
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.electronic)), by: .candidate)
        driver.ok(.passSystemReview, by: .system)
        #expect(driver.apply(.pay(payment: Payment()), by: .candidate)?.code == "pay-before-photo")
        driver.ok(.uploadPhoto(file: Fixtures.photo), by: .candidate)
        driver.ok(.rejectPhoto(reason: "背景不符合要求"), by: .system)
        #expect(driver.apply(.pay(payment: Payment()), by: .candidate)?.code == "pay-before-photo")
        driver.ok(.uploadPhoto(file: Fixtures.photo), by: .candidate)
        driver.ok(.verifyPhoto, by: .office)   // 到所属的县（市、区）自考部门进行人工审核
        driver.ok(.pay(payment: Payment()), by: .candidate)
        #expect(driver.application.state == .paid)
    }

    @Test("电子图像文件格式为 png、jpg、jpeg，文件小于 2M", arguments: [
        ("a.png", 1000, true), ("a.JPG", 1000, true), ("a.jpeg", 2_097_151, true), ("a.jpg", 2_097_152, false),
        ("a.bmp", 1000, false), ("jpg", 1000, false), ("a.jpg", 0, false),
    ])
    func photoFile(name: String, bytes: Int, accepted: Bool) {
        var driver = Driver(policy: Fixtures.shanxi, term: nil)
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.electronic)), by: .candidate)
        let refusal = driver.apply(.uploadPhoto(file: UploadedFile(name: name, bytes: bytes)), by: .candidate)
        #expect((refusal == nil) == accepted)
        if !accepted { #expect(refusal?.code == "photo-file") }
    }

    @Test("支付成功后，考生须填报《毕业生登记表》; 考生可多次修改和导出毕业生登记表操作")
    func formAfterPaymentManyTimes() {
        var driver = Driver()
        driver.toApproved()
        #expect(driver.apply(.fillForm(form: Fixtures.form), by: .candidate)?.code == "form-before-payment")
        driver.ok(.pay(payment: Payment()), by: .candidate)
        var broken = Fixtures.form
        broken.ethnicity = "汉"
        let refusal = driver.apply(.fillForm(form: broken), by: .candidate)
        #expect(refusal?.code == "form-invalid")
        #expect(refusal?.details.map(\.zh) == ["民族：“汉”不在官方列表中；是不是“汉族”？"])
        driver.ok(.fillForm(form: Fixtures.form), by: .candidate)
        var changed = Fixtures.form
        changed.health = "健康"
        driver.ok(.fillForm(form: changed), by: .candidate)
        #expect(driver.application.registrationForm?.health == "健康")
    }

    @Test("《毕业生登记表》一旦签字确认后（交回县区自考部门）将不得修改")
    func lockedAfterHandIn() {
        var driver = Driver()
        driver.toApproved()
        driver.ok(.pay(payment: Payment()), by: .candidate)
        #expect(driver.apply(.handIn(copies: 2, originalsChecked: false), by: .office)?.code == "form-missing")
        driver.ok(.fillForm(form: Fixtures.form), by: .candidate)
        // 打印《毕业生登记表》（PDF）一式两份
        #expect(driver.apply(.handIn(copies: 1, originalsChecked: false), by: .office)?.code == "copies-missing")
        driver.ok(.handIn(copies: 2, originalsChecked: false), by: .office)
        for kind in ApplicationEvent.Kind.allCases {
            for actor in Actor.allCases {
                #expect(driver.application.gate(kind, by: actor, at: Fixtures.nov(26), policy: Fixtures.windowed)?.code == "locked")
            }
        }
    }

    @Test("在规定时间内交回: not after the window's hand-in day")
    func handInDeadline() {
        var driver = Driver()
        driver.toApproved()
        driver.ok(.pay(payment: Payment()), by: .candidate)
        driver.ok(.fillForm(form: Fixtures.form), by: .candidate)
        let late = ISO8601DateFormatter().date(from: "2021-12-11T09:00:00+08:00")!
        #expect(driver.application.applying(.handIn(copies: 2, originalsChecked: true), by: .office, at: late, policy: Fixtures.windowed).failure?.code == "hand-in-late")
    }

    @Test("each event is open to its actor only")
    func actors() {
        var driver = Driver()
        #expect(driver.apply(.submit(audits: Fixtures.audits(Fixtures.electronic)), by: .office)?.code == "wrong-actor")
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.electronic, .eligiblePendingReview)), by: .candidate)
        #expect(driver.apply(.approve, by: .candidate)?.code == "wrong-actor")
        #expect(driver.apply(.approve, by: .system)?.code == "wrong-actor")
    }

    @Test("every accepted event is timestamped and kept; refusals leave the value unchanged")
    func history() {
        var driver = Driver()
        driver.ok(.submit(audits: Fixtures.audits(Fixtures.electronic)), by: .candidate, day: 21)
        let before = driver.application
        #expect(driver.apply(.approve, by: .office, day: 22) != nil)
        #expect(driver.application == before)
        driver.ok(.passSystemReview, by: .system, day: 23)
        #expect(driver.application.history.map(\.at) == [Fixtures.nov(21), Fixtures.nov(23)])
        #expect(driver.application.history.map(\.state) == [.systemReview, .approved])
        #expect(driver.application.history.map(\.actor) == [.candidate, .system])
        #expect(driver.apply(.uploadPhoto(file: Fixtures.photo), by: .candidate, day: 22)?.code == "time-before-history")
    }

    @Test("the fee, when the policy states it, is the amount paid")
    func fee() {
        var policy = Fixtures.windowed
        policy.fee = 40
        var driver = Driver(policy: policy)
        driver.toApproved()
        #expect(driver.apply(.pay(payment: Payment(amount: 30)), by: .candidate)?.code == "fee-mismatch")
        driver.ok(.pay(payment: Payment(amount: 40, order: "A1")), by: .candidate)
    }

    @Test("the value round-trips through JSON, and the shipped example decodes")
    func codable() throws {
        var driver = Driver(Fixtures.paper)
        driver.toApproved()
        let text = ApplicationReport.encodeApplication(driver.application)
        #expect(try ApplicationReport.decodeApplication(Data(text.utf8)) == driver.application)
        let example = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Examples/application-张三-rejected.json"))
        let application = try ApplicationReport.decodeApplication(example)
        #expect(application.state == .rejected)
        let open = application.nextSteps(at: Fixtures.nov(30), policy: Fixtures.shanxi).filter(\.isOpen).map(\.event)
        #expect(open == [.reopen])
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
