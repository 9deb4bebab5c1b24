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
    var evidence: LocalizedText
    /// `electronic`, `old-plan-certificate`, `practice-card`, `transfer`, `exemption`.
    var evidenceKind: String
    var needsReview: Bool
    var origin: Origin
}

/// The candidate's results prepared for one plan: best attempts, exemptions, and what was set aside and why.
struct RecordTable: Sendable {
    var records: [UsableRecord] = []
    var byCode: [CourseCode: [Int]] = [:]
    var setAside: [Audit.UnusedRecord] = []

    init(request: AuditRequest, plan: CompiledPlan, graph: CurriculumGraph) {
        let passMark = plan.passMark
        // Best attempt per code: passing first, then no review needed, then the higher score, then the earlier date.
        var bestByCode: [CourseCode: Int] = [:]
        for (index, record) in request.records.enumerated() {
            guard let current = bestByCode[record.code] else {
                bestByCode[record.code] = index
                continue
            }
            if Self.isBetter(record, than: request.records[current], passMark: passMark) {
                bestByCode[record.code] = index
            }
        }
        let passedCodes = Set(bestByCode.compactMap { code, index in request.records[index].score.passes(at: passMark) ? code : nil })
        for code in bestByCode.keys.sorted() {
            guard let index = bestByCode[code] else { continue }
            let record = request.records[index]
            let course = graph.courses[code]
            let name = course?.name ?? record.name ?? ""
            guard record.score.passes(at: passMark) else {
                setAside.append(.init(code: code, name: record.name ?? course?.name, score: record.score,
                                      reason: .init(zh: "未达到及格线（\(record.score) < \(passMark)）", en: "below the pass mark (\(record.score) < \(passMark))")))
                continue
            }
            if case .transfer(let province) = record.evidence {
                if course?.kind == .thesis {
                    setAside.append(.init(code: code, name: name, score: record.score,
                                          reason: .init(zh: "毕业论文成绩不能转考（自\(province)）", en: "a thesis result cannot be transferred (from \(province))")))
                    continue
                }
                if course?.kind == .practice, let theory = course?.theory?.value, !passedCodes.contains(theory) {
                    setAside.append(.init(code: code, name: name, score: record.score,
                                          reason: .init(zh: "实践课程转考须同时通过理论课程 \(theory)", en: "a transferred practice result needs its theory course \(theory) passed")))
                    continue
                }
            }
            add(UsableRecord(code: code, name: name, credits: course?.credits ?? 0, score: record.score,
                             evidence: record.evidence.label, evidenceKind: record.evidence.kind, needsReview: record.evidence.needsReview, origin: .transcript(index)))
        }
        for (index, record) in request.records.enumerated() where bestByCode[record.code] != index {
            setAside.append(.init(code: record.code, name: record.name, score: record.score,
                                  reason: .init(zh: "同一课程另有更好的一次成绩", en: "a better attempt of the same course counts")))
        }
        // 免考: certificates exempt courses not already passed.
        for exemption in graph.exemptions.sorted(by: { $0.id < $1.id }) {
            if let province = exemption.province?.value, province != plan.major.province { continue }
            guard let certificate = request.candidate.certificates.first(where: {
                $0.name == exemption.certificate && exemption.isValid(obtainedOn: $0.obtainedOn)
            }) else { continue }
            for code in exemption.exempts.map(\.value) where byCode[code] == nil {
                let course = graph.courses[code]
                add(UsableRecord(code: code, name: course?.name ?? "", credits: course?.credits ?? 0, score: nil,
                                 evidence: .init(zh: "免考（\(certificate.name)）", en: "exemption (\(certificate.name))"),
                                 evidenceKind: "exemption", needsReview: false, origin: .exemption(id: exemption.id, certificate: certificate.name)))
            }
        }
    }

    private mutating func add(_ record: UsableRecord) {
        byCode[record.code, default: []].append(records.count)
        records.append(record)
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
        return (a.name ?? "") < (b.name ?? "")
    }
}
