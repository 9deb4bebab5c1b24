/// Every key of the DSL. A mapping's keys are identified once, from their bytes, when the decoder reads the
/// mapping (`NodeDecoder.fields`); lookups then compare these small numbers instead of strings.
enum Key: UInt8, CaseIterable, Sendable {
    case province, provinces, sources, courses, courseRenames, equivalences, institutions, majors, mappings, exemptions
    case name, passMark, maxInstitutionsPerApplication, stoppedMajorRule, note, notes, source
    case id, document, url, confidence
    case code, credits, kind, theory, formerNames
    case from, to, codes
    case certificate, exempts, obtainedBefore, obtainedFrom
    case level, status, stoppedSince, formerCodes, prerequisite, catalogs, plans
    case priorDiploma, nationalEducationSeriesOnly, verified
    case version, effectiveFrom, effectiveUntil, supersedes, totalCredits, minCourses, graduationRule
    case requirements, substitutions, additionalCourses
    case ref, locator
    case course, allOf, oneOf, choose, pool, alternatives, title, when, shared, of, minCredits, maxCredits
    case replaces, rules, old, need, new, fromPlan
    case whenPriorFieldIn, whenPriorFieldNotIn
    case onlyIf, choice, requirement, option, plan, attribute, passedFrom, passedUntil, examinedFrom, examinedUntil
    case creditsOnly, whenPriorCategoryIn, whenPriorCategoryNotIn, exceptFields, fieldCategories, candidateAttributes
    case fields, parent, catalog, keepsOld
    case graduationApplication, resubmissionsAfterRejection, windows, term, opens, closes, handInUntil
    case evidenceScans, evidenceOriginals, fee, photo, formats, maxMegabytes, registrationForm, copies
    case selfAppraisalMinCharacters, minResumeRows

    /// The key as written in a file.
    var name: String {
        switch self {
        case .province: "province"
        case .provinces: "provinces"
        case .sources: "sources"
        case .courses: "courses"
        case .courseRenames: "course-renames"
        case .equivalences: "equivalences"
        case .institutions: "institutions"
        case .majors: "majors"
        case .mappings: "mappings"
        case .exemptions: "exemptions"
        case .name: "name"
        case .passMark: "pass-mark"
        case .maxInstitutionsPerApplication: "max-institutions-per-application"
        case .stoppedMajorRule: "stopped-major-rule"
        case .note: "note"
        case .notes: "notes"
        case .source: "source"
        case .id: "id"
        case .document: "document"
        case .url: "url"
        case .confidence: "confidence"
        case .code: "code"
        case .credits: "credits"
        case .kind: "kind"
        case .theory: "theory"
        case .formerNames: "former-names"
        case .from: "from"
        case .to: "to"
        case .codes: "codes"
        case .certificate: "certificate"
        case .exempts: "exempts"
        case .obtainedBefore: "obtained-before"
        case .obtainedFrom: "obtained-from"
        case .level: "level"
        case .status: "status"
        case .stoppedSince: "stopped-since"
        case .formerCodes: "former-codes"
        case .prerequisite: "prerequisite"
        case .catalogs: "catalogs"
        case .plans: "plans"
        case .priorDiploma: "prior-diploma"
        case .nationalEducationSeriesOnly: "national-education-series-only"
        case .verified: "verified"
        case .version: "version"
        case .effectiveFrom: "effective-from"
        case .effectiveUntil: "effective-until"
        case .supersedes: "supersedes"
        case .totalCredits: "total-credits"
        case .minCourses: "min-courses"
        case .graduationRule: "graduation-rule"
        case .requirements: "requirements"
        case .substitutions: "substitutions"
        case .additionalCourses: "additional-courses"
        case .ref: "ref"
        case .locator: "locator"
        case .course: "course"
        case .allOf: "all-of"
        case .oneOf: "one-of"
        case .choose: "choose"
        case .pool: "pool"
        case .alternatives: "alternatives"
        case .title: "title"
        case .when: "when"
        case .shared: "shared"
        case .of: "of"
        case .minCredits: "min-credits"
        case .maxCredits: "max-credits"
        case .replaces: "replaces"
        case .rules: "rules"
        case .old: "old"
        case .need: "need"
        case .new: "new"
        case .fromPlan: "from-plan"
        case .whenPriorFieldIn: "when-prior-field-in"
        case .whenPriorFieldNotIn: "when-prior-field-not-in"
        case .onlyIf: "only-if"
        case .choice: "choice"
        case .requirement: "requirement"
        case .option: "option"
        case .plan: "plan"
        case .attribute: "attribute"
        case .passedFrom: "passed-from"
        case .passedUntil: "passed-until"
        case .examinedFrom: "examined-from"
        case .examinedUntil: "examined-until"
        case .creditsOnly: "credits-only"
        case .whenPriorCategoryIn: "when-prior-category-in"
        case .whenPriorCategoryNotIn: "when-prior-category-not-in"
        case .exceptFields: "except-fields"
        case .fieldCategories: "field-categories"
        case .candidateAttributes: "candidate-attributes"
        case .fields: "fields"
        case .parent: "parent"
        case .catalog: "catalog"
        case .keepsOld: "keeps-old"
        case .graduationApplication: "graduation-application"
        case .resubmissionsAfterRejection: "resubmissions-after-rejection"
        case .windows: "windows"
        case .term: "term"
        case .opens: "opens"
        case .closes: "closes"
        case .handInUntil: "hand-in-until"
        case .evidenceScans: "evidence-scans"
        case .evidenceOriginals: "evidence-originals"
        case .fee: "fee"
        case .photo: "photo"
        case .formats: "formats"
        case .maxMegabytes: "max-megabytes"
        case .registrationForm: "registration-form"
        case .copies: "copies"
        case .selfAppraisalMinCharacters: "self-appraisal-min-characters"
        case .minResumeRows: "min-resume-rows"
        }
    }

    /// The key whose name is `bytes`, if any.
    @inline(__always)
    static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        keyTable.key(bytes)
    }
}

/// Built once, never freed, read-only afterwards: safe to share between threads.
nonisolated(unsafe) private let keyTable = KeyTable()

/// An open-addressing hash table from key bytes to `Key`: one hash and one comparison per key read.
private struct KeyTable {
    private static let size = 256
    /// Per slot: `Key.rawValue + 1`, 0 for an empty slot.
    private let slots: UnsafeMutablePointer<UInt8>
    /// The names, concatenated; `Key` n's name is at `starts[n]` with length `lengths[n]`.
    private let names: UnsafeMutablePointer<UInt8>
    private let starts: UnsafeMutablePointer<Int32>
    private let lengths: UnsafeMutablePointer<Int32>

    init() {
        let all = Key.allCases.map { Array($0.name.utf8) }
        slots = .allocate(capacity: Self.size)
        slots.initialize(repeating: 0, count: Self.size)
        let total = all.reduce(0) { $0 + $1.count }
        names = .allocate(capacity: max(total, 1))
        starts = .allocate(capacity: all.count)
        lengths = .allocate(capacity: all.count)
        var offset = 0
        for (index, name) in all.enumerated() {
            starts[index] = Int32(offset)
            lengths[index] = Int32(name.count)
            for byte in name {
                names[offset] = byte
                offset += 1
            }
            var slot = name.withUnsafeBufferPointer { Self.hash($0) } & (Self.size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (Self.size - 1) }
            slots[slot] = UInt8(index + 1)
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash ^ (hash >> 16))
    }

    @inline(__always)
    func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard bytes.count >= 2, bytes.count <= 32, let base = bytes.baseAddress else { return nil }
        var slot = Self.hash(bytes) & (Self.size - 1)
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if Int(lengths[entry - 1]) == bytes.count {
                let name = names + Int(starts[entry - 1])
                var index = 0
                while index < bytes.count, name[index] == base[index] { index += 1 }
                if index == bytes.count { return Key(rawValue: UInt8(entry - 1)) }
            }
            slot = (slot + 1) & (Self.size - 1)
        }
    }
}

/// The keys one kind of mapping allows, in the order messages list them.
struct KeySet: Sendable, ExpressibleByArrayLiteral {
    let keys: [Key]
    private let low: UInt64
    private let high: UInt64

    init(_ keys: [Key]) {
        self.keys = keys
        var low: UInt64 = 0
        var high: UInt64 = 0
        for key in keys {
            if key.rawValue < 64 { low |= 1 << UInt64(key.rawValue) } else { high |= 1 << UInt64(key.rawValue - 64) }
        }
        self.low = low
        self.high = high
    }

    init(arrayLiteral keys: Key...) { self.init(keys) }

    @inline(__always)
    func contains(_ key: Key) -> Bool {
        key.rawValue < 64 ? low & (1 << UInt64(key.rawValue)) != 0 : high & (1 << UInt64(key.rawValue - 64)) != 0
    }

    var names: [String] { keys.map(\.name) }

    static func + (lhs: KeySet, rhs: KeySet) -> KeySet { KeySet(lhs.keys + rhs.keys) }
}
