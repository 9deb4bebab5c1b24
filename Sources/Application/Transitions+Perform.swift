import CurriculumDSL
import Foundation

// The payload checks and effects of each event, after `gate` has let its kind through.
extension GraduationApplication {
    mutating func perform(_ event: ApplicationEvent, at time: Date, policy: ApplicationPolicy) -> Refusal? {
        let today = ApplicationClock.civilDate(time)
        switch event {
        case .edit(let content):
            self.content = content
        case .submit(let audits):
            let problems = ContentCheck.problems(content, audits: audits, policy: policy, today: today)
            guard problems.isEmpty else {
                return Refusal("submit-incomplete", .init(
                    zh: "毕业申请不能提交，请改正以下各项（提交后不可再修改）：",
                    en: "the application cannot be submitted; correct the following (it cannot be changed after submission):"),
                    details: problems)
            }
            submittedAudits = content.choices.compactMap { choice in
                audits.first { $0.institution == choice.institution && $0.major == choice.major }
            }
            rejectionReason = nil
            state = needsCountyReview ? .countyReview : .systemReview
        case .uploadPhoto(let file):
            var problems: [LocalizedText] = []
            if !policy.photo.formats.contains(file.fileExtension) {
                problems.append(.init(zh: "文件格式须为 \(policy.photo.formats.joined(separator: "、"))，上传的是“\(file.name)”",
                                      en: "the file must be \(policy.photo.formats.joined(separator: ", ")); '\(file.name)' is not"))
            }
            if file.bytes >= policy.photo.byteLimit || file.bytes <= 0 {
                problems.append(.init(zh: "文件须小于 \(policy.photo.maxMegabytes)M（\(policy.photo.byteLimit) 字节），上传的有 \(file.bytes) 字节",
                                      en: "the file must be smaller than \(policy.photo.maxMegabytes) MiB (\(policy.photo.byteLimit) bytes); it has \(file.bytes) bytes"))
            }
            guard problems.isEmpty else {
                return Refusal("photo-file", .init(zh: "毕业照片不符合要求，请按采集要求重新上传：", en: "the photo does not meet the rules; upload another:"),
                               details: problems)
            }
            photo = .uploaded(file: file)
        case .verifyPhoto:
            if case .uploaded(let file) = photo { photo = .verified(file: file) }
        case .rejectPhoto(let reason):
            guard let reason = Self.reason(reason) else { return Self.reasonMissing }
            if case .uploaded(let file) = photo { photo = .rejected(file: file, reason: reason) }
        case .passSystemReview:
            state = .approved
        case .approve:
            state = .approved
            rejectionReason = nil
        case .reject(let reason):
            guard let reason = Self.reason(reason) else { return Self.reasonMissing }
            rejectionReason = reason
            state = .rejected
        case .reopen:
            resubmissionsUsed += 1
            state = .draft
        case .pay(let payment):
            if let fee = policy.fee, let amount = payment.amount, amount != fee {
                return Refusal("fee-mismatch", .init(zh: "毕业申请费用为 \(fee) 元，支付的是 \(amount) 元；请按应缴金额支付",
                                                     en: "the fee is \(fee) yuan, but \(amount) was paid; pay the amount due"))
            }
            self.payment = payment
            state = .paid
        case .fillForm(let form):
            let errors = FormValidator(rule: policy.registrationForm, today: today).errors(in: form)
            guard errors.isEmpty else {
                return Refusal("form-invalid", .init(zh: "《毕业生登记表》有以下错误，请改正后再保存：", en: "the registration form has these errors; correct them and save again:"),
                               details: errors.map(\.message))
            }
            registrationForm = form
        case .handIn(let copies, let originalsChecked):
            guard registrationForm != nil else {
                return Refusal("form-missing", .init(zh: "考生尚未填报《毕业生登记表》；请先填报、打印一式 \(policy.registrationForm.copies) 份并签字",
                                                     en: "the candidate has not filled in the registration form; fill it in and print \(policy.registrationForm.copies) signed copies first"))
            }
            if copies < policy.registrationForm.copies {
                return Refusal("copies-missing", .init(
                    zh: "《毕业生登记表》须交回一式 \(policy.registrationForm.copies) 份，收到 \(copies) 份；请考生补交",
                    en: "the registration form is handed in as \(policy.registrationForm.copies) copies; \(copies) received. The candidate must bring the rest"))
            }
            let paper = !content.oldPlanCourses.isEmpty || content.evidenceScan != nil
            if paper, policy.evidenceOriginalsRequired, !originalsChecked {
                return Refusal("originals-missing", .init(
                    zh: "须将旧计划课程（实践课考核卡）材料原件与《毕业生登记表》一并交回并经核验；未按时提交纸质原件者，毕业申请无效",
                    en: "the originals of the old-plan cards must be handed in with the form and checked; without them in time the application is void"))
            }
            state = .handedIn
        }
        return nil
    }

    private static func reason(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static let reasonMissing = Refusal("reason-missing", .init(
        zh: "审批不通过须写明原因（不通过原因），以便考生改正", en: "a rejection needs a reason, so the candidate can correct it"))
}
