import CurriculumDSL

/// Reads transcripts written as YAML or JSON (JSON is read as YAML, so every problem has line:column):
///
/// ```yaml
/// candidate: {name: 张三, id-number: "11010519491231002X", gender: 女, admission-number: "0123",
///             prior-diploma: {level: 专科, field: 行政管理, verified: true, registry-name: 张三, ...},
///             certificates: [{name: 全国计算机等级考试一级, obtained-on: 2023-03-01}]}
/// records:
///   - {code: "03708", name: 中国近现代史纲要, score: 75, date: 2023-04-15, evidence: electronic}
/// decisions: [{waive: "03708", reason: ...}, {accept: "00054", for: electives, reason: ...}]
/// choices: {language-track: without-fl}
/// ```
/// A file may also hold `transcripts:` — a list of such mappings.
public enum StructuredTranscriptReader {
    /// Reads a YAML or JSON transcript file: one candidate, or a list under `transcripts:`, with every issue at its line
    /// and column.
    public static func read(bytes: [UInt8], file: String) -> (transcripts: [Transcript], issues: [TranscriptIssue]) {
        var context = Context(file: file)
        let (root, diagnostics) = YAMLReader().read(bytes, file: file)
        for diagnostic in diagnostics {
            context.issues.append(TranscriptIssue(file: file, row: diagnostic.location?.line ?? 1, column: diagnostic.location?.column,
                                                  severity: diagnostic.severity, message: diagnostic.message))
        }
        guard let root else { return ([], context.issues) }
        var transcripts: [Transcript] = []
        if case .mapping(let entries, _, _) = root, let list = entries.first(where: { $0.key.text == "transcripts" })?.value {
            if case .sequence(let items, _, _) = list {
                transcripts = items.compactMap { context.transcript($0) }
            } else {
                context.fail(list, .init(zh: "transcripts 应为列表", en: "'transcripts' must be a list"))
            }
        } else if let transcript = context.transcript(root) {
            transcripts = [transcript]
        }
        return (transcripts, context.issues)
    }

    private struct Context {
        let file: String
        var issues: [TranscriptIssue] = []

        mutating func fail(_ node: YAMLNode, _ message: LocalizedText, severity: Severity = .error) {
            issues.append(TranscriptIssue(file: file, row: Int(node.start.line), column: Int(node.start.column), severity: severity, message: message))
        }

        mutating func mapping(_ node: YAMLNode, allowed: [String], what: String) -> [String: YAMLNode]? {
            guard case .mapping(let entries, _, _) = node else {
                fail(node, .init(zh: "\(what) 应为映射", en: "\(what) must be a mapping"))
                return nil
            }
            var result: [String: YAMLNode] = [:]
            for entry in entries {
                if allowed.contains(entry.key.text) {
                    result[entry.key.text] = entry.value
                } else {
                    let hint = Suggestion.closest(to: entry.key.text, among: allowed)
                    let zhHint = hint.map { "；是不是 \($0)？" } ?? "；可用的键：\(allowed.joined(separator: ", "))"
                    let enHint = hint.map { "; did you mean '\($0)'?" } ?? "; valid keys: \(allowed.joined(separator: ", "))"
                    fail(.scalar(entry.key), .init(zh: "\(what) 中没有键“\(entry.key.text)”\(zhHint)", en: "unknown key '\(entry.key.text)' in \(what)\(enHint)"))
                }
            }
            return result
        }

        mutating func text(_ node: YAMLNode?, _ key: String) -> String? {
            guard let node else { return nil }
            guard case .scalar(let scalar) = node, !scalar.isNull else {
                fail(node, .init(zh: "\(key) 应为字符串", en: "\(key) must be a string"))
                return nil
            }
            return scalar.text
        }

        mutating func parse<Value>(_ node: YAMLNode?, _ key: String, _ parser: (String) -> FieldParsing.Outcome<Value>) -> Value? {
            guard let node, let raw = text(node, key) else { return nil }
            switch parser(raw) {
            case .value(let value): return value
            case .repaired(let value, let message): fail(node, message, severity: .warning); return value
            case .invalid(let message): fail(node, message); return nil
            }
        }

        mutating func bool(_ node: YAMLNode?, _ key: String, default value: Bool) -> Bool {
            guard let node, let raw = text(node, key) else { return value }
            switch raw {
            case "true": return true
            case "false": return false
            default:
                fail(node, .init(zh: "\(key) 应为 true 或 false", en: "\(key) must be true or false"))
                return value
            }
        }

        mutating func list(_ node: YAMLNode?, _ key: String) -> [YAMLNode] {
            guard let node else { return [] }
            guard case .sequence(let items, _, _) = node else {
                fail(node, .init(zh: "\(key) 应为列表", en: "\(key) must be a list"))
                return []
            }
            return items
        }

        mutating func transcript(_ node: YAMLNode) -> Transcript? {
            guard let fields = mapping(node, allowed: ["candidate", "records", "decisions", "choices", "admission-number"], what: "transcript") else { return nil }
            var transcript = Transcript(firstRow: Int(node.start.line))
            if let candidateNode = fields["candidate"] { transcript.candidate = candidate(candidateNode) }
            transcript.admissionNumber = text(fields["admission-number"], "admission-number") ?? transcript.candidate?.admissionNumber
            transcript.records = list(fields["records"], "records").compactMap { record($0) }
            for node in list(fields["decisions"], "decisions") {
                guard let decision = decision(node) else { continue }
                transcript.decisions.append(decision)
                var requirementPlace = place(node)
                if case .mapping(let entries, _, _) = node,
                   let entry = entries.first(where: { $0.key.text == (decision.isWaive ? "waive" : "for") }) {
                    requirementPlace = place(entry.value)
                }
                transcript.decisionPlaces.append(DecisionPlace(decision: place(node), requirement: requirementPlace))
            }
            if let choicesNode = fields["choices"] { choices(choicesNode, into: &transcript) }
            if fields["records"] == nil {
                fail(node, .init(zh: "缺少 records（成绩列表）", en: "missing 'records' (the list of results)"))
            }
            return transcript
        }

        /// A null or empty scalar (`date:`, `date: ~`, `date: ""`), like an empty CSV cell.
        static func isEmpty(_ node: YAMLNode) -> Bool {
            if case .scalar(let scalar) = node { return scalar.isNull || scalar.text.isEmpty }
            return false
        }

        func place(_ node: YAMLNode) -> TranscriptPlace {
            TranscriptPlace(file: file, row: Int(node.start.line), column: Int(node.start.column))
        }

        /// `choices: {REQUIREMENT: OPTION}` — the option each `alternatives` requirement takes, with the place of
        /// each (the plan is checked when the audit runs: an unknown requirement or option is reported there).
        mutating func choices(_ node: YAMLNode, into transcript: inout Transcript) {
            guard case .mapping(let entries, _, _) = node else {
                fail(node, .init(zh: "choices 应为映射，每项为“选择项要求编号: 选项编号”，如 language-track: without-fl",
                                 en: "'choices' must be a mapping of REQUIREMENT: OPTION, e.g. language-track: without-fl"))
                return
            }
            for entry in entries {
                let key = entry.key.text
                guard case .scalar(let scalar) = entry.value, !scalar.isNull, !scalar.text.isEmpty else {
                    // An empty value has no place of its own: point at the requirement.
                    var isEmpty = false
                    if case .scalar(let scalar) = entry.value { isEmpty = scalar.isNull || scalar.text.isEmpty }
                    fail(isEmpty ? .scalar(entry.key) : entry.value, .init(zh: "choices 中 \(key) 须写明所选选项的编号（如 \(key): without-fl）",
                                            en: "choices: '\(key)' needs the id of the option taken (e.g. \(key): without-fl)"))
                    continue
                }
                transcript.choices[key] = scalar.text
                transcript.choicePlaces[key] = ChoicePlace(requirement: place(.scalar(entry.key)), option: place(entry.value))
            }
        }

        mutating func record(_ node: YAMLNode) -> CourseRecord? {
            guard let fields = mapping(node, allowed: ["code", "name", "score", "date", "evidence", "from-province"], what: "record") else { return nil }
            guard fields["code"] != nil, fields["score"] != nil else {
                fail(node, .init(zh: "成绩记录须有 code 和 score", en: "a record needs 'code' and 'score'"))
                return nil
            }
            if let scoreNode = fields["score"], case .scalar(let scalar) = scoreNode, !scalar.isNull,
               let (severity, message) = FieldParsing.noResult(scalar.text) {
                // 缺考 or an empty score: no result, as in CSV files.
                fail(scoreNode, message, severity: severity)
                return nil
            }
            let code = parse(fields["code"], "code", FieldParsing.courseCode)
            let score = parse(fields["score"], "score", FieldParsing.score)
            // As in CSV files: no date (absent, empty or null) is no date; a date that cannot be read rejects the record
            // (reported with the expected formats) — a pass date decides whether a result counts on the application date.
            var date: CivilDate?
            var dateRejected = false
            if let dateNode = fields["date"], !Self.isEmpty(dateNode) {
                date = parse(dateNode, "date", FieldParsing.date)
                dateRejected = date == nil
            }
            let province = text(fields["from-province"], "from-province")
            let evidence = fields["evidence"] == nil ? .electronic : parse(fields["evidence"], "evidence") { FieldParsing.evidence($0, province: province) }
            guard let code, let score, let evidence, !dateRejected else { return nil }
            return CourseRecord(code: code, name: text(fields["name"], "name"), score: score, passDate: date, evidence: evidence)
        }

        mutating func candidate(_ node: YAMLNode) -> Candidate? {
            guard let fields = mapping(node, allowed: ["name", "id-number", "gender", "admission-number", "prior-diploma", "certificates", "attributes"], what: "candidate") else { return nil }
            guard let name = text(fields["name"], "name"), let id = text(fields["id-number"], "id-number") else {
                fail(node, .init(zh: "考生须有 name 和 id-number", en: "a candidate needs 'name' and 'id-number'"))
                return nil
            }
            if !IDNumber.isValid(id), let idNode = fields["id-number"] {
                fail(idNode, .init(zh: "身份证号 \(IDNumber.masked(id)) 校验位不符（GB 11643）", en: "ID number \(IDNumber.masked(id)) fails the GB 11643 check digit"), severity: .warning)
            }
            var candidate = Candidate(name: name, idNumber: id, gender: parse(fields["gender"], "gender", FieldParsing.gender),
                                      admissionNumber: text(fields["admission-number"], "admission-number"))
            if let diplomaNode = fields["prior-diploma"] { candidate.priorDiploma = diploma(diplomaNode) }
            candidate.certificates = list(fields["certificates"], "certificates").compactMap { certificate($0) }
            candidate.attributes = list(fields["attributes"], "attributes").compactMap { text($0, "attributes") }
            return candidate
        }

        mutating func diploma(_ node: YAMLNode) -> PriorDiploma? {
            guard let fields = mapping(node, allowed: ["level", "field", "institution", "graduation-date", "verified", "national-education-series",
                                                       "registry-name", "registry-id-number", "registry-gender"], what: "prior-diploma") else { return nil }
            guard let levelText = text(fields["level"], "level") else {
                fail(node, .init(zh: "前置学历须有 level", en: "a prior diploma needs 'level'"))
                return nil
            }
            guard let level = DiplomaLevel(rawValue: levelText) else {
                fail(fields["level"] ?? node, .init(zh: "前置学历层次“\(levelText)”无效：应为 专科/本科/研究生/本科结业", en: "invalid level '\(levelText)': expected 专科/本科/研究生/本科结业"))
                return nil
            }
            return PriorDiploma(level: level, field: text(fields["field"], "field") ?? "", institution: text(fields["institution"], "institution"),
                                graduationDate: parse(fields["graduation-date"], "graduation-date", FieldParsing.date),
                                verified: bool(fields["verified"], "verified", default: false),
                                nationalEducationSeries: bool(fields["national-education-series"], "national-education-series", default: true),
                                registryName: text(fields["registry-name"], "registry-name"),
                                registryIDNumber: text(fields["registry-id-number"], "registry-id-number"),
                                registryGender: parse(fields["registry-gender"], "registry-gender", FieldParsing.gender))
        }

        mutating func certificate(_ node: YAMLNode) -> Certificate? {
            guard let fields = mapping(node, allowed: ["name", "obtained-on"], what: "certificate"),
                  let name = text(fields["name"], "name"), let date = parse(fields["obtained-on"], "obtained-on", FieldParsing.date)
            else {
                fail(node, .init(zh: "证书须有 name 和 obtained-on", en: "a certificate needs 'name' and 'obtained-on'"))
                return nil
            }
            return Certificate(name: name, obtainedOn: date)
        }

        mutating func decision(_ node: YAMLNode) -> OfficeDecision? {
            guard let fields = mapping(node, allowed: ["waive", "accept", "pin", "for", "reason"], what: "decision") else { return nil }
            guard let reason = text(fields["reason"], "reason"), !reason.isEmpty else {
                fail(node, .init(zh: "县（市、区）自考部门的决定须写明 reason", en: "an office decision needs a 'reason'"))
                return nil
            }
            if let requirement = text(fields["waive"], "waive") { return .waive(requirement: requirement, reason: reason) }
            let target = text(fields["for"], "for")
            if let code = parse(fields["accept"], "accept", FieldParsing.courseCode), let target { return .accept(course: code, requirement: target, reason: reason) }
            if let code = parse(fields["pin"], "pin", FieldParsing.courseCode), let target { return .pin(course: code, requirement: target, reason: reason) }
            fail(node, .init(zh: "决定应为 waive: 要求编号，或 accept/pin: 课程代码 加 for: 要求编号", en: "a decision is 'waive: REQUIREMENT' or 'accept'/'pin': CODE with 'for': REQUIREMENT"))
            return nil
        }
    }
}
