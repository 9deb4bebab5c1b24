import CurriculumDSL
import Foundation

// The application's transitions: pure functions of the value, the event, who causes it, when, and the province's
// policy. Every refusal says what the candidate or the office must do. See docs/application.md for the table.
extension GraduationApplication {
    /// The application after `event`, with the event appended to `history`; or why it cannot happen now.
    public func applying(_ event: ApplicationEvent, by actor: Actor, at time: Date,
                         policy: ApplicationPolicy) -> Result<GraduationApplication, Refusal> {
        if let last = history.last?.at, time < last {
            return .failure(Refusal("time-before-history", .init(
                zh: "事件时间 \(time) 早于上一条记录（\(last)）；历史记录须按时间顺序，请检查系统时钟",
                en: "the event's time \(time) is before the last recorded one (\(last)); history is kept in time order. Check the clock")))
        }
        if let refusal = gate(event.kind, by: actor, at: time, policy: policy) { return .failure(refusal) }
        var next = self
        if let refusal = next.perform(event, at: time, policy: policy) { return .failure(refusal) }
        next.history.append(HistoryEntry(at: time, actor: actor, event: event, state: next.state))
        return .success(next)
    }

    /// Why an event of `kind` cannot happen now whatever its payload, or nil when it is open to `actor`.
    public func gate(_ kind: ApplicationEvent.Kind, by actor: Actor, at time: Date, policy: ApplicationPolicy) -> Refusal? {
        if state == .handedIn {
            return Refusal("locked", .init(
                zh: "《毕业生登记表》已签字交回，毕业申请已锁定，不能再修改；如有错误请到县（市、区）自考部门办理",
                en: "the registration form has been signed and handed in; the application is locked. Ask the county office about any error"))
        }
        guard kind.actors.contains(actor) else {
            let who = kind.actors.sorted { $0.rawValue < $1.rawValue }.map(\.label)
            return Refusal("wrong-actor", .init(
                zh: "“\(kind.label.zh)”须由\(who.map(\.zh).joined(separator: "或"))操作，不能由\(actor.label.zh)操作",
                en: "'\(kind.label.en)' is done by the \(who.map(\.en).joined(separator: " or ")), not the \(actor.label.en)"))
        }
        let today = ApplicationClock.civilDate(time)
        switch kind {
        case .edit, .submit:
            guard state == .draft else { return notInDraft(kind) }
            return windowRefusal(on: today, policy: policy, for: kind)
        case .uploadPhoto:
            guard state != .draft else {
                return Refusal("photo-before-submit", .init(zh: "请先提交毕业申请，再进行毕业证书电子注册图像采集",
                                                            en: "submit the application first; the photo is taken after submission"))
            }
            if photo.isVerified {
                return Refusal("photo-already-verified", .init(zh: "毕业照片已认证通过，无需再次上传",
                                                               en: "the photo has already passed its check; nothing to upload"))
            }
            return nil
        case .verifyPhoto, .rejectPhoto:
            guard case .uploaded = photo else {
                return Refusal("no-photo", .init(zh: "考生尚未上传待认证的毕业照片；请先由考生上传",
                                                 en: "there is no uploaded photo waiting for its check; the candidate must upload one first"))
            }
            return nil
        case .passSystemReview:
            guard state == .systemReview else {
                return Refusal("not-in-system-review", .init(
                    zh: "系统审核仅适用于只有电子合格成绩、已提交待系统审核的申请；当前状态：\(state.label.zh)",
                    en: "the system review applies only to submitted applications resting on electronic records; now: \(state.label.en)"))
            }
            return nil
        case .approve, .reject:
            guard state == .countyReview else {
                return Refusal("not-in-county-review", .init(
                    zh: "只有县区招办审批中的申请可以审批；当前状态：\(state.label.zh)",
                    en: "only an application under the county office's review can be approved or rejected; now: \(state.label.en)"))
            }
            return nil
        case .reopen:
            guard state == .rejected else {
                return Refusal("reopen-not-rejected", .init(
                    zh: "只有县区招办审批不通过的申请可以重新申请；当前状态：\(state.label.zh)",
                    en: "only an application the county office rejected can be submitted again; now: \(state.label.en)"))
            }
            guard resubmissionsUsed < policy.resubmissionsAfterRejection else {
                return Refusal("no-resubmission-left", .init(
                    zh: "重新申请仅限 \(policy.resubmissionsAfterRejection) 次机会，已用完；请到县（市、区）自考部门咨询，下次毕业申请时再申请",
                    en: "applying again is allowed \(policy.resubmissionsAfterRejection) time(s) and that is used up; ask the county office, and apply in the next window"))
            }
            return windowRefusal(on: today, policy: policy, for: kind)
        case .pay:
            guard state == .approved else {
                return Refusal("pay-before-approval", .init(
                    zh: "毕业申请信息在系统审核通过或招办全部审批通过后方可进行支付；当前状态：\(state.label.zh)。请及时关注审批进度",
                    en: "payment opens only after the system review or the county office has approved the application; now: \(state.label.en). Watch the review's progress"))
            }
            guard photo.isVerified else {
                return Refusal("pay-before-photo", .init(
                    zh: "毕业照片采集完成并且认证通过后方可进行支付；请上传符合要求的毕业照片，线上认证一直不通过的请到县（市、区）自考部门人工审核",
                    en: "payment opens only after the graduation photo has passed its check; upload a photo that meets the rules, or have the county office check it by hand"))
            }
            return nil
        case .fillForm, .handIn:
            guard state == .paid else {
                return Refusal("form-before-payment", .init(
                    zh: "支付成功后方可填报并交回《毕业生登记表》；当前状态：\(state.label.zh)",
                    en: "the registration form is filled in and handed in after payment; now: \(state.label.en)"))
            }
            if kind == .handIn, let deadline = term.flatMap({ policy.window(for: $0) })?.handInUntil, today > deadline {
                return Refusal("hand-in-late", .init(
                    zh: "交回《毕业生登记表》的截止日期是 \(deadline)，已过期；未按时提交纸质材料者毕业申请无效",
                    en: "the registration form was due by \(deadline); that has passed, and an application whose papers come late is void"))
            }
            return nil
        }
    }

    private func notInDraft(_ kind: ApplicationEvent.Kind) -> Refusal {
        if isApproved {
            return Refusal("approved-locked", .init(
                zh: "系统审核通过或县区招办审核通过后，申请信息不可修改，不可重新申请",
                en: "after approval the application cannot be changed or submitted again"))
        }
        if state == .rejected {
            return Refusal("rejected-reopen-first", .init(
                zh: "县区招办审批未通过（原因：\(rejectionReason ?? "")）；请先点“重新申请”，改正后再提交",
                en: "the county office rejected the application (reason: \(rejectionReason ?? "")); choose 'apply again' first, correct it, then submit"))
        }
        return Refusal("submitted-final", .init(
            zh: "毕业申请已提交，提交后不可再进行网上毕业申请或修改；如有错误请尽快到县（市、区）自考部门修改",
            en: "the application has been submitted and cannot be changed online; ask the county office to correct any error"))
    }

    /// A refusal when the policy has windows and `today` is outside the term's (none when it publishes none).
    private func windowRefusal(on today: CivilDate, policy: ApplicationPolicy, for kind: ApplicationEvent.Kind) -> Refusal? {
        guard !policy.windows.isEmpty else { return nil }
        guard let term, let window = policy.window(for: term) else {
            let terms = policy.windows.map(\.term).joined(separator: "、")
            return Refusal("no-window", .init(
                zh: "本申请的批次（\(term ?? "未填")）没有毕业申请时间；可申请的批次：\(terms)",
                en: "the application's term (\(term ?? "none")) has no application window; terms with one: \(terms)"))
        }
        guard window.contains(today) else {
            return Refusal("outside-window", .init(
                zh: "\(kind.label.zh)须在毕业申请期间（\(window.opens) 至 \(window.closes)）进行；今天是 \(today)",
                en: "'\(kind.label.en)' is possible only in the application window (\(window.opens) to \(window.closes)); today is \(today)"))
        }
        return nil
    }
}

extension Actor {
    public var label: LocalizedText {
        switch self {
        case .candidate: .init(zh: "考生", en: "candidate")
        case .office: .init(zh: "县（市、区）自考部门", en: "county office")
        case .system: .init(zh: "系统", en: "system")
        }
    }
}

/// Dates of the application are Beijing time (UTC+8, no daylight saving).
public enum ApplicationClock {
    public static func civilDate(_ time: Date) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: time)
        return CivilDate(year: parts.year ?? 1, month: parts.month ?? 1, day: parts.day ?? 1) ?? .distantPast
    }
}
