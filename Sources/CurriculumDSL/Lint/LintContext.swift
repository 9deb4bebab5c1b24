/// What the lint checks read (the compiled graph, the raw files, the loader's findings) and what they report.
struct LintContext {
    let graph: CurriculumGraph
    let index: SourceIndex
    /// The loader's diagnostics, to skip findings the loader already reported (cascades).
    let loaderFindings: Set<Finding>
    private(set) var diagnostics: [Diagnostic] = []
    /// Loader findings a lint finding replaces with a more precise one.
    private(set) var replaced: Set<Finding> = []
    /// Findings that follow from another finding: they still use up a suppression that names them, but are not
    /// shown (the root cause is).
    private(set) var consequences: Set<Finding> = []

    /// A diagnostic reduced to its rule and where it starts.
    struct Finding: Hashable {
        var rule: RuleID
        var file: String
        var line: Int
        var column: Int

        init(_ rule: RuleID, at location: SourceLocation) {
            self.rule = rule
            file = location.file
            line = location.line
            column = location.column
        }
    }

    init(graph: CurriculumGraph, index: SourceIndex, loaderDiagnostics: [Diagnostic]) {
        self.graph = graph
        self.index = index
        loaderFindings = Set(loaderDiagnostics.compactMap { diagnostic in diagnostic.location.map { Finding(diagnostic.rule, at: $0) } })
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Reports `diagnostic` in place of the loader's finding `rule` at `location`.
    mutating func report(_ diagnostic: Diagnostic, replacing rule: RuleID, at location: SourceLocation) {
        diagnostics.append(diagnostic)
        replaced.insert(Finding(rule, at: location))
    }

    /// Reports `diagnostic` as the consequence of another finding (see `consequences`).
    mutating func reportConsequence(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        if let location = diagnostic.location { consequences.insert(Finding(diagnostic.rule, at: location)) }
    }

    /// Whether the loader reported `rule` at `location`.
    func loaderReported(_ rule: RuleID, at location: SourceLocation) -> Bool {
        loaderFindings.contains(Finding(rule, at: location))
    }

    /// Whether the loader reported anything on the line of `location`, at or after its column (in the value that
    /// starts there).
    func loaderReported(onLineOf location: SourceLocation) -> Bool {
        loaderFindings.contains { $0.file == location.file && $0.line == location.line && $0.column >= location.column }
    }

    // MARK: lookups

    func course(_ code: CourseCode) -> Course? { graph.courses[code] }

    func credits(_ codes: some Sequence<CourseCode>) -> Int {
        codes.reduce(0) { $0 + (graph.courses[$1]?.credits ?? 0) }
    }

    /// Majors sorted by where they are written.
    var majors: [Major] { graph.majors.values.sorted { $0.location < $1.location } }

    /// Plans sorted by where they are written.
    var plans: [Plan] { graph.plans.values.sorted { $0.location < $1.location } }

    /// The plans the loader decoded entirely, sorted by where they are written: the requirement and replacement
    /// checks reason about a whole plan, and a part the loader reported as unreadable is missing from the others.
    var completePlans: [Plan] { plans.filter { !graph.incompletePlans.contains($0.id) } }
}
