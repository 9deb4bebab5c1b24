import CurriculumDSL

/// One usable result in an audit: the best passing attempt of a course, or a course exempted by a certificate.
struct UsableRecord: Sendable {
    enum Origin: Sendable, Hashable {
        case transcript(Int)
        case exemption(id: String, certificate: String)
    }

    var code: CourseCode
    var name: String
    var credits: Int
    var score: Score?
    /// The transcript's evidence; nil for an exemption.
    var source: Evidence?
    var needsReview: Bool
    var origin: Origin
    /// The plan's id for this code, or -1 when the plan never names it.
    var codeID = -1
    /// When it was passed (nil: not given, or an exemption).
    var passDate: CivilDate? = nil

    /// Whether the record may be used by a rule bounded by `window`: a result passed in it, or an exemption
    /// (a certificate is not a sitting).
    func counts(in window: PassWindow?) -> Bool {
        guard let window else { return true }
        if case .exemption = origin { return true }
        return window.contains(passDate)
    }

    /// `electronic`, `old-plan-certificate`, `practice-card`, `transfer`, `exemption`.
    var evidenceKind: String { source?.kind ?? "exemption" }

    var evidence: LocalizedText {
        if let source { return source.label }
        if case .exemption(_, let certificate) = origin { return .init(zh: "免考（\(certificate)）", en: "exemption (\(certificate))") }
        return .init(zh: "免考", en: "exemption")
    }
}

/// The candidate's results prepared for one plan: best attempts, exemptions, and what was set aside and why.
/// With `detailed: false` (verdict only) results the plan cannot use are skipped and no messages are built.
struct RecordTable: Sendable {
    var records: [UsableRecord] = []
    /// The record of each plan code id, or -1.
    var recordOfCode: [Int] = []
    var setAside: [Audit.UnusedRecord] = []
    /// Certificates that exempt nothing in this audit, and why (for the trace).
    var certificateNotes: [LocalizedText] = []
    /// The application date (courses last examined before it are not proposed).
    var applicationDate = CivilDate.distantPast

    /// `request` and `graph` are borrowed: an initializer's parameters are otherwise passed owned, which copies the
    /// whole graph (a retain of every table it holds, shared by every thread) on each audit.
    init(request: borrowing AuditRequest, plan: CompiledPlan, graph: borrowing CurriculumGraph, detailed: Bool = true) {
        let passMark = plan.passMark
        applicationDate = request.applicationDate
        let keepAll = detailed || plan.stoppedMajorRule || !request.decisions.isEmpty
        /// The catalog's name of a code (`id`: its plan id, or -1): from the plan's table when the plan knows the code,
        /// so the graph's `Course` is not copied out of its dictionary.
        func catalogName(_ id: Int, _ code: CourseCode) -> String? { id >= 0 ? plan.catalogName[id] : graph.courses[code]?.name }
        recordOfCode = Array(filledWith: -1, count: plan.codes.count)
        let input = request.records
        // Attempts that cannot count whatever else passes: transferred theses; transferred practice components
        // whose theory course is not passed. They are set aside first, so a valid attempt is never hidden by them.
        var passedAnywhere: Set<CourseCode>?
        var eligible: [(index: Int, id: Int)] = []
        eligible.reserveCapacity(input.count)
        // Records are read in place (`input[index].field`): copying a record costs a retain per text field.
        for index in input.indices {
            let id = plan.codeIndex.id(of: input[index].code) ?? -1
            if id < 0 && !keepAll { continue }
            // A result dated after the application date does not exist yet on that date (like a certificate or a
            // prior diploma obtained later): it is set aside, so it never hides an earlier attempt.
            if let date = input[index].passDate, date > request.applicationDate {
                if detailed {
                    let record = input[index]
                    setAside.append(.init(code: record.code, name: record.name ?? graph.courses[record.code]?.name, score: record.score,
                                          reason: .init(zh: "合格时间 \(date) 晚于申请日期 \(request.applicationDate)，不计入",
                                                        en: "dated \(date), after the application date \(request.applicationDate); it does not count")))
                }
                continue
            }
            if case .transfer(let province) = input[index].evidence, input[index].score.passes(at: passMark) {
                let record = input[index]
                let course = graph.courses[record.code]
                if course?.kind == .thesis {
                    if detailed {
                        setAside.append(.init(code: record.code, name: record.name ?? course?.name, score: record.score,
                                              reason: .init(zh: "毕业论文成绩不能转考（自\(province)）", en: "a thesis result cannot be transferred (from \(province))")))
                    }
                    continue
                }
                if course?.kind == .practice, let theory = course?.theory?.value {
                    let passed = passedAnywhere ?? Set(input.filter { $0.score.passes(at: passMark) }.map(\.code))
                    passedAnywhere = passed
                    if !passed.contains(theory) {
                        if detailed {
                            setAside.append(.init(code: record.code, name: record.name ?? course?.name, score: record.score,
                                                  reason: .init(zh: "实践课程转考须同时通过理论课程 \(theory)", en: "a transferred practice result needs its theory course \(theory) passed")))
                        }
                        continue
                    }
                }
            }
            eligible.append((index, id))
        }
        // Best attempt per code: passing first, then no review needed, then the higher score, the earlier date,
        // and a fixed order of evidence and names, so the choice never depends on row order.
        var bestOfID = Array(filledWith: -1, count: plan.codes.count)
        var bestOther = OtherCodes()
        for (index, id) in eligible {
            let slot = id >= 0 ? -1 : bestOther.slot(of: input[index].code)
            let current = id >= 0 ? bestOfID[id] : (slot >= 0 ? bestOther.entries[slot].index : -1)
            if current < 0 || Self.isBetter(input[index], than: input[current], passMark: passMark) {
                if id >= 0 { bestOfID[id] = index } else { bestOther.set(input[index].code, index, slot: slot) }
            }
        }
        records.reserveCapacity(eligible.count + 2)
        let failedTexts = plan.failedTexts
        /// Takes the best attempt `index` of the code `id` (-1: a code the plan does not know): a record when it
        /// passes, else set aside. Called in the order of the records (plan codes by id, then the others by code), with
        /// no list of the chosen attempts made first.
        func take(_ id: Int, _ index: Int) {
            guard input[index].score.passes(at: passMark) else {
                if detailed {
                    setAside.append(.init(code: input[index].code, name: input[index].name ?? catalogName(id, input[index].code), score: input[index].score,
                                          reason: failedTexts.text(input[index].score)))
                }
                return
            }
            let code = input[index].code
            let credits: Int
            let name: String
            if id >= 0 {
                credits = plan.codeCredits[id]
                name = detailed ? plan.catalogName[id] ?? input[index].name ?? "" : ""
            } else {
                // One look-up of a course the plan does not know.
                let course = graph.courses[code].map { (name: $0.name, credits: $0.credits) }
                credits = course?.credits ?? 0
                name = detailed ? course?.name ?? input[index].name ?? "" : ""
            }
            let evidence = input[index].evidence
            add(UsableRecord(code: code, name: name, credits: credits, score: input[index].score,
                             source: evidence, needsReview: evidence.needsReview, origin: .transcript(index), codeID: id,
                             passDate: input[index].passDate))
        }
        for id in plan.codes.indices where bestOfID[id] >= 0 { take(id, bestOfID[id]) }
        for entry in bestOther.sortedByCode() { take(-1, entry.index) }
        if detailed {
            for (index, id) in eligible {
                let bestIndex = id >= 0 ? bestOfID[id] : bestOther.index(of: input[index].code)
                guard bestIndex != index, bestIndex >= 0 else { continue }
                let record = input[index]
                let best = input[bestIndex]
                let reason: LocalizedText
                if !record.score.passes(at: passMark) {
                    // A failed attempt is reported as failed, whether or not another attempt passed.
                    reason = failedTexts.text(record.score)
                } else if record.evidence.needsReview && !best.evidence.needsReview {
                    let label = best.evidence.label
                    reason = .init(zh: MessageText("同一课程已有\(label.zh)（\(best.score)）计入，此纸质成绩不再需要").text,
                                   en: MessageText("the \(label.en) of the same course (\(best.score)) counts; this paper record is not needed").text)
                } else {
                    // A common reason (a retaken course), so written as `MessageText` (the same text, at less cost).
                    reason = .init(zh: MessageText("同一课程另有更好的一次成绩（\(best.score)）计入").text,
                                   en: MessageText("a better attempt of the same course (\(best.score)) counts").text)
                }
                setAside.append(.init(code: record.code, name: record.name ?? catalogName(id, record.code), score: record.score, reason: reason))
            }
        }
        // 免考: certificates exempt courses not already passed. A certificate counts only if the candidate holds it
        // on the application date and it was obtained within the exemption's validity dates.
        for exemption in plan.exemptions where !request.candidate.certificates.isEmpty {
            guard let certificate = request.candidate.certificates.first(where: {
                $0.name == exemption.certificate && $0.obtainedOn <= request.applicationDate && exemption.isValid(obtainedOn: $0.obtainedOn)
            }) else {
                if detailed, let later = request.candidate.certificates.first(where: {
                    $0.name == exemption.certificate && $0.obtainedOn > request.applicationDate && exemption.isValid(obtainedOn: $0.obtainedOn)
                }) {
                    let codes = exemption.exempts.map(\.value.rawValue)
                    certificateNotes.append(.init(
                        zh: "证书“\(later.name)”取得日期 \(later.obtainedOn) 晚于申请日期 \(request.applicationDate)，不能免考 \(codes.joined(separator: "、"))",
                        en: "certificate \(later.name) was obtained on \(later.obtainedOn), after the application date \(request.applicationDate); it does not exempt \(codes.joined(separator: ", "))"))
                }
                continue
            }
            for code in exemption.exempts.map(\.value) {
                let id = plan.codeIndex.id(of: code) ?? -1
                if id >= 0 ? recordOfCode[id] >= 0 : records.contains(where: { $0.code == code }) { continue }
                if id < 0 && !keepAll { continue }
                let course = graph.courses[code]
                add(UsableRecord(code: code, name: course?.name ?? "", credits: course?.credits ?? 0, score: nil,
                                 source: nil, needsReview: false, origin: .exemption(id: exemption.id, certificate: certificate.name), codeID: id))
            }
        }
    }

    /// Records whose code is `code` (for office decisions).
    func records(of code: CourseCode) -> [Int] {
        records.indices.filter { records[$0].code == code }
    }

    /// Appends `record`, taken (not copied: a copy retains each of its texts).
    @inline(__always)
    private mutating func add(_ record: consuming UsableRecord) {
        if record.codeID >= 0, recordOfCode[record.codeID] < 0 { recordOfCode[record.codeID] = records.count }
        records.append(record)
    }

    /// Why a failed result does not count: a score below the pass mark, or the grade 不合格.
    static func failed(_ score: Score, passMark: Int) -> LocalizedText {
        switch score {
        case .points(let value): .init(zh: "未达到及格线（\(value) < \(passMark)）", en: "below the pass mark (\(value) < \(passMark))")
        case .grade(let grade): .init(zh: "成绩为\(grade.rawValue)，未合格", en: "graded \(grade.rawValue) (fail)")
        }
    }

    static func isBetter(_ a: CourseRecord, than b: CourseRecord, passMark: Int) -> Bool {
        let aPass = a.score.passes(at: passMark)
        let bPass = b.score.passes(at: passMark)
        if aPass != bPass { return aPass }
        if a.evidence.needsReview != b.evidence.needsReview { return !a.evidence.needsReview }
        if a.score.rank != b.score.rank { return a.score.rank > b.score.rank }
        let aDate = a.passDate ?? .distantPast
        let bDate = b.passDate ?? .distantPast
        if aDate != bDate { return aDate < bDate }
        let aEvidence = a.evidence.kind + Self.province(a.evidence)
        let bEvidence = b.evidence.kind + Self.province(b.evidence)
        if aEvidence != bEvidence { return aEvidence < bEvidence }
        return (a.name ?? "") < (b.name ?? "")
    }

    private static func province(_ evidence: Evidence) -> String {
        if case .transfer(let province) = evidence { return province }
        return ""
    }
}

/// The best attempt of each code the plan does not know (a course of another major), by code: a short list searched
/// in place, since a transcript holds few such codes, with a dictionary once it holds many (a hashed look-up per row
/// costs more than comparing a handful of packed codes).
private struct OtherCodes {
    private(set) var entries: [(code: CourseCode, index: Int)] = []
    /// Slots by code, once there are more than `linearLimit` entries.
    private var slots: [CourseCode: Int]?
    private static let linearLimit = 16

    /// The slot of `code` in `entries`, or -1.
    func slot(of code: CourseCode) -> Int {
        if let slots { return slots[code] ?? -1 }
        for position in entries.indices where entries[position].code == code { return position }
        return -1
    }

    /// The best attempt's row for `code`, or -1.
    func index(of code: CourseCode) -> Int {
        let position = slot(of: code)
        return position >= 0 ? entries[position].index : -1
    }

    /// Records `index` as the best attempt of `code`, whose slot is `slot` (-1: not listed yet).
    mutating func set(_ code: CourseCode, _ index: Int, slot: Int) {
        if slot >= 0 {
            entries[slot].index = index
            return
        }
        entries.append((code, index))
        if slots != nil {
            slots?[code] = entries.count - 1
        } else if entries.count > Self.linearLimit {
            var table: [CourseCode: Int] = [:]
            for position in entries.indices { table[entries[position].code] = position }
            slots = table
        }
    }

    /// The entries in code order (the codes are distinct).
    func sortedByCode() -> [(code: CourseCode, index: Int)] {
        entries.count < 2 ? entries : entries.sorted { $0.code < $1.code }
    }
}
