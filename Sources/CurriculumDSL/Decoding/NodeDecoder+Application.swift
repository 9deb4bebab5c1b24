// Decoding of a province's `graduation-application` block (the online graduation application's rules).
extension NodeDecoder {
    private static let policyKeys: KeySet = [
        .source, .maxInstitutionsPerApplication, .resubmissionsAfterRejection, .windows, .evidenceScans,
        .evidenceOriginals, .fee, .photo, .registrationForm, .note,
    ]
    private static let windowKeys: KeySet = [.term, .opens, .closes, .handInUntil, .note]
    private static let photoKeys: KeySet = [.formats, .maxMegabytes, .note]
    private static let formKeys: KeySet = [.copies, .selfAppraisalMinCharacters, .minResumeRows, .note]

    /// `graduation-application: {max-institutions-per-application: 2, resubmissions-after-rejection: 1, ...}`.
    /// `maxInstitutions` is the province's own key, used when the block does not set it.
    mutating func applicationPolicy(_ node: Node, maxInstitutions: Int?) -> ApplicationPolicy? {
        guard let f = fields(node, Place.graduationApplication, field: "graduation-application", allowed: Self.policyKeys)
        else { return nil }
        var policy = ApplicationPolicy(location: location(f.start))
        policy.source = f[.source].flatMap { locatedString($0, field: "source") }
        policy.maxInstitutions = optionalInteger(f, .maxInstitutionsPerApplication, minimum: 1)
            ?? maxInstitutions ?? Province.defaultMaxInstitutions
        policy.resubmissionsAfterRejection = optionalInteger(f, .resubmissionsAfterRejection) ?? policy.resubmissionsAfterRejection
        policy.windows = optionalList(f, .windows) { $0.applicationWindow($1) }
        if let scans = f[.evidenceScans] { policy.evidenceScanFormats = stringList(scans, field: "evidence-scans").map { $0.value.lowercased() } }
        if let originals = f[.evidenceOriginals], let value = boolean(originals, field: "evidence-originals") {
            policy.evidenceOriginalsRequired = value
        }
        policy.fee = optionalInteger(f, .fee)
        if let photoNode = f[.photo], let p = fields(photoNode, Place.photoRule, field: "photo", allowed: Self.photoKeys) {
            if let formats = p[.formats] { policy.photo.formats = stringList(formats, field: "formats").map { $0.value.lowercased() } }
            policy.photo.maxMegabytes = optionalInteger(p, .maxMegabytes, minimum: 1) ?? policy.photo.maxMegabytes
        }
        if let formNode = f[.registrationForm],
           let r = fields(formNode, Place.registrationFormRule, field: "registration-form", allowed: Self.formKeys) {
            let form = policy.registrationForm
            policy.registrationForm = RegistrationFormRule(
                copies: optionalInteger(r, .copies, minimum: 1) ?? form.copies,
                selfAppraisalMinCharacters: optionalInteger(r, .selfAppraisalMinCharacters) ?? form.selfAppraisalMinCharacters,
                minResumeRows: optionalInteger(r, .minResumeRows) ?? form.minResumeRows)
        }
        return policy
    }

    /// `{term: 2021下半年, opens: 2021-11-20, closes: 2021-11-30, hand-in-until: 2021-12-10}`.
    mutating func applicationWindow(_ node: Node) -> ApplicationWindow? {
        guard let f = fields(node, Place.applicationWindow, field: "windows", allowed: Self.windowKeys) else { return nil }
        let term = required(f, .term).flatMap { locatedString($0, field: "term") }
        let opens = required(f, .opens).flatMap { date($0, field: "opens") }
        let closes = required(f, .closes).flatMap { date($0, field: "closes") }
        let handIn = optionalDate(f, .handInUntil)
        guard let term, let opens, let closes else { return nil }
        if closes < opens, let node = f[.closes] {
            diagnostics.append(DiagnosticMessages.invalidValue(
                "closes", value: closes.description,
                expected: .init(zh: "不早于 opens（\(opens)）的日期", en: "a date on or after opens (\(opens))"), at: location(of: node)))
            return nil
        }
        if let handIn, handIn < closes, let node = f[.handInUntil] {
            diagnostics.append(DiagnosticMessages.invalidValue(
                "hand-in-until", value: handIn.description,
                expected: .init(zh: "不早于 closes（\(closes)）的日期", en: "a date on or after closes (\(closes))"), at: location(of: node)))
        }
        return ApplicationWindow(term: term.value, opens: opens, closes: closes, handInUntil: handIn, location: term.location)
    }
}
