import CurriculumDSL

/// One candidate's transcript as read from a file: the candidate (when the file has their data), the course
/// records, office decisions and declared choices.
public struct Transcript: Sendable, Hashable {
    /// The candidate's admission number (准考证号), when known.
    public var admissionNumber: String?
    /// The candidate's data, when the file has any.
    public var candidate: Candidate?
    /// Every result read, failed attempts included.
    public var records: [CourseRecord]
    /// The county office's decisions (YAML and JSON files only).
    public var decisions: [OfficeDecision]
    /// The candidate's declared choices for `alternatives` requirements: requirement id → option id (YAML and JSON only).
    public var choices: [String: String]
    /// Where each declared choice is written (YAML/JSON line:column of its requirement and of its option), by
    /// requirement id: a choice the plan cannot apply is reported there.
    public var choicePlaces: [String: ChoicePlace]
    /// Where each office decision is written (YAML/JSON), parallel to `decisions` (empty when not read from a file):
    /// a decision naming a requirement the plan does not have is reported there.
    public var decisionPlaces: [DecisionPlace]
    /// Where the candidate's rows start (for batch reports).
    public var firstRow: Int
    /// The candidate's rows that were rejected (each reported as an error): a candidate whose every row was
    /// rejected is not audited, but still gets a result row saying so.
    public var rejectedRows = 0

    /// A transcript from its parts.
    public init(admissionNumber: String? = nil, candidate: Candidate? = nil, records: [CourseRecord] = [],
                decisions: [OfficeDecision] = [], choices: [String: String] = [:], choicePlaces: [String: ChoicePlace] = [:],
                decisionPlaces: [DecisionPlace] = [], firstRow: Int = 1) {
        self.admissionNumber = admissionNumber
        self.candidate = candidate
        self.records = records
        self.decisions = decisions
        self.choices = choices
        self.choicePlaces = choicePlaces
        self.decisionPlaces = decisionPlaces
        self.firstRow = firstRow
    }
}

/// A place in a transcript file: the file, the row (CSV) or line (YAML/JSON), and the column.
public struct TranscriptPlace: Sendable, Hashable {
    /// The file name (`<stdin>` for standard input).
    public var file: String
    /// The 1-based row (CSV) or line (YAML, JSON).
    public var row: Int
    /// The 1-based column, when known.
    public var column: Int?

    /// A place in a transcript file.
    public init(file: String, row: Int, column: Int? = nil) {
        self.file = file
        self.row = row
        self.column = column
    }

    /// An error or warning at this place.
    public func issue(_ severity: Severity, _ message: LocalizedText) -> TranscriptIssue {
        TranscriptIssue(file: file, row: row, column: column, severity: severity, message: message)
    }
}

/// Where a declared choice (`choices: {REQUIREMENT: OPTION}`) is written.
public struct ChoicePlace: Sendable, Hashable {
    /// The requirement id (the key).
    public var requirement: TranscriptPlace
    /// The option id (the value).
    public var option: TranscriptPlace

    /// Where a choice's requirement and option were written.
    public init(requirement: TranscriptPlace, option: TranscriptPlace) {
        self.requirement = requirement
        self.option = option
    }
}

/// Where an office decision (`decisions: [{waive: R, …}, {accept: CODE, for: R, …}]`) is written.
public struct DecisionPlace: Sendable, Hashable {
    /// The decision (the start of its mapping).
    public var decision: TranscriptPlace
    /// The requirement id (the value of `waive` or `for`).
    public var requirement: TranscriptPlace

    /// Where a decision and its requirement were written.
    public init(decision: TranscriptPlace, requirement: TranscriptPlace) {
        self.decision = decision
        self.requirement = requirement
    }
}

/// A problem in a transcript file, with its row and column (CSV) or line and column (YAML/JSON).
public struct TranscriptIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name (`<stdin>` for standard input).
    public var file: String
    /// CSV row number (the header is row 1) or YAML/JSON line.
    public var row: Int
    /// 1-based column (CSV field index, or YAML/JSON column).
    public var column: Int?
    /// The column's header name, for CSV.
    public var field: String?
    /// Error (the row or record was rejected), warning or note.
    public var severity: Severity
    /// What is wrong and how to fix it, in Chinese and English.
    public var message: LocalizedText

    /// An issue at a place in a transcript file.
    public init(file: String, row: Int, column: Int? = nil, field: String? = nil, severity: Severity, message: LocalizedText) {
        self.file = file
        self.row = row
        self.column = column
        self.field = field
        self.severity = severity
        self.message = message
    }

    /// The issue in English, as `render(.en)` gives it.
    public var description: String { render(.en) }

    /// A CSV file with a header and nothing under it: an error for `check` and `batch` alike.
    public static func noResultRows(file: String) -> TranscriptIssue {
        TranscriptIssue(file: file, row: 2, severity: .error, message: .init(
            zh: "表头下面没有成绩行；请导出含成绩的文件", en: "there are no result rows under the header; export the file with the results"))
    }

    /// `file:row:column: severity: message` (CSV adds the column's header name). Values quoted from the input are
    /// made safe (`SafeText`): ID numbers masked unless `showIDs`, long values cut, control characters escaped.
    public func render(_ language: Language, showIDs: Bool = false) -> String {
        let place = column.map { "\(file):\(row):\($0)" } ?? "\(file):\(row)"
        let fieldText = field.map { language == .zh ? "（\($0)列）" : " (column \($0))" } ?? ""
        let severityText: String
        switch (severity, language) {
        case (.error, .zh): severityText = "错误"
        case (.warning, .zh): severityText = "警告"
        case (.note, .zh): severityText = "提示"
        default: severityText = severity.rawValue
        }
        return SafeText.clean("\(place): \(severityText): \(message.text(in: language))\(fieldText)", showIDs: showIDs)
    }
}
