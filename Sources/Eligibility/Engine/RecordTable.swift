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

    /// `electronic`, `old-plan-certificate`, `practice-card`, `transfer`, `exemption`.
    var evidenceKind: String { source?.kind ?? "exemption" }

    var evidence: LocalizedText {
        if let source { return source.label }
        if case .exemption(_, let certificate) = origin { return .init(zh: "免考（\(certificate)）", en: "exemption (\(certificate))") }
        return .init(zh: "免考", en: "exemption")
    }
}

/// The candidate's results prepared for one plan: best attempts, exemptions, and what was set aside and why.
struct RecordTable: Sendable {
    var records: [UsableRecord] = []
    var byCode: [CourseCode: [Int]] = [:]
    /// The record of each plan code id, or -1.
    var recordOfCode: [Int] = []
    var setAside: [Audit.UnusedRecord] = []

    init(request: AuditRequest, plan: CompiledPlan, graph: CurriculumGraph) {
        let passMark = plan.passMark
        recordOfCode = Array(repeating: -1, count: plan.codes.count)
        self.codeIDs = plan.codeID
        // Attempts that cannot count whatever else passes: transferred theses; transferred practice components
        // whose theory course is not passed. They are set aside first, so a valid attempt is never hidden by them.
        let passedAnywhere = Set(request.records.filter { $0.score.passes(at: passMark) }.map(\.code))
        var eligible: [Int] = []
        for (index, record) in request.records.enumerated() {
            let course = graph.courses[record.code]
            if case .transfer(let province) = record.evidence, record.score.passes(at: passMark) {
                if course?.kind == .thesis {
                    setAside.append(.init(code: record.code, name: record.name ?? course?.name, score: record.score,
                                          reason: .init(zh: "毕业论文成绩不能转考（自\(province)）", en: "a thesis result cannot be transferred (from \(province))")))
                    continue
                }
                if course?.kind == .practice, let theory = course?.theory?.value, !passedAnywhere.contains(theory) {
                    setAside.append(.init(code: record.code, name: record.name ?? course?.name, score: record.score,
                                          reason: .init(zh: "实践课程转考须同时通过理论课程 \(theory)", en: "a transferred practice result needs its theory course \(theory) passed")))
                    continue
                }
            }
            eligible.append(index)
        }
        // Best attempt per code: passing first, then no review needed, then the higher score, the earlier date,
        // and a fixed order of evidence and names, so the choice never depends on row order.
        var bestByCode: [CourseCode: Int] = [:]
        for index in eligible {
            let record = request.records[index]
            guard let current = bestByCode[record.code] else {
                bestByCode[record.code] = index
                continue
            }
            if Self.isBetter(record, than: request.records[current], passMark: passMark) {
                bestByCode[record.code] = index
            }
        }
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
            add(UsableRecord(code: code, name: name, credits: course?.credits ?? 0, score: record.score,
                             source: record.evidence, needsReview: record.evidence.needsReview, origin: .transcript(index)))
        }
        for index in eligible where bestByCode[request.records[index].code] != index {
            let record = request.records[index]
            setAside.append(.init(code: record.code, name: record.name, score: record.score,
                                  reason: .init(zh: "同一课程另有更好的一次成绩", en: "a better attempt of the same course counts")))
        }
        // 免考: certificates exempt courses not already passed.
        for exemption in plan.exemptions where !request.candidate.certificates.isEmpty {
            guard let certificate = request.candidate.certificates.first(where: {
                $0.name == exemption.certificate && exemption.isValid(obtainedOn: $0.obtainedOn)
            }) else { continue }
            for code in exemption.exempts.map(\.value) where byCode[code] == nil {
                let course = graph.courses[code]
                add(UsableRecord(code: code, name: course?.name ?? "", credits: course?.credits ?? 0, score: nil,
                                 source: nil, needsReview: false, origin: .exemption(id: exemption.id, certificate: certificate.name)))
            }
        }
    }

    private let codeIDs: [CourseCode: Int]

    private mutating func add(_ record: UsableRecord) {
        var record = record
        byCode[record.code, default: []].append(records.count)
        if let id = codeIDs[record.code] {
            record.codeID = id
            if recordOfCode[id] < 0 { recordOfCode[id] = records.count }
        }
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
