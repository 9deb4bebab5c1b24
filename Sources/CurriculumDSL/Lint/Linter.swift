import Foundation

/// Lints curriculum files: everything the loader reports, the lint checks on the compiled graph, then the
/// configuration (severities, ignores) and inline suppressions.
///
/// ```swift
/// let configuration = try LintConfiguration.find(from: "curricula").map { try LintConfiguration.load(path: $0) }
/// let result = Linter(configuration: configuration ?? LintConfiguration()).lint(paths: ["curricula"])
/// print(TextReporter(language: .en, sources: result.sources).render(result.diagnostics), terminator: "")
/// exit(result.exitCode.rawValue)
/// ```
public struct Linter: Sendable {
    /// Per-rule severities, ignores and the failing severity.
    public var configuration: LintConfiguration
    /// Bounds on file size, nesting and aliases.
    public var limits: LoadLimits
    /// Where relative paths in diagnostics are relative to (for `ignore` paths); the current directory by default.
    public var workingDirectory: String

    /// A linter with `configuration`, relative paths taken from `workingDirectory`.
    public init(configuration: LintConfiguration = LintConfiguration(), limits: LoadLimits = LoadLimits(),
                workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.configuration = configuration
        self.limits = limits
        self.workingDirectory = workingDirectory
    }

    /// Lints files and directories (every `.yaml` / `.yml` below a directory), and `extra` in-memory files (standard
    /// input) named by their `path`.
    public func lint(paths: [String], extra: [(path: String, bytes: [UInt8])] = []) -> LintResult {
        let (files, diagnostics) = CurriculumFiles.gather(paths, limits: limits)
        return lint(files: files + extra, extraDiagnostics: diagnostics)
    }

    /// Lints in-memory files (editors, tests); `path` names each file in diagnostics.
    public func lint(files: [(path: String, bytes: [UInt8])]) -> LintResult {
        lint(files: files, extraDiagnostics: [])
    }

    // MARK: the pipeline

    /// Load, check, suppress, configure.
    func lint(files: [(path: String, bytes: [UInt8])], extraDiagnostics: [Diagnostic]) -> LintResult {
        let loaded = CurriculumLoader(limits: limits).load(files: files, extraDiagnostics: extraDiagnostics)
        let index = SourceIndex(files: files, limits: limits)
        var context = LintContext(graph: loaded.graph, index: index, loaderDiagnostics: loaded.diagnostics)
        LintChecks.run(&context)
        let replaced = context.replaced
        let findings = loaded.diagnostics.filter { diagnostic in
            guard let location = diagnostic.location else { return true }
            return !replaced.contains(LintContext.Finding(diagnostic.rule, at: location))
        } + context.diagnostics
        let (kept, suppressed) = suppress(findings, in: files, index: index, consequences: context.consequences,
                                          reportUnused: !loaded.graph.inputIncomplete)
        var sources: [String: [UInt8]] = [:]
        for file in files { sources[file.path] = file.bytes }
        return LintResult(diagnostics: Self.ordered(Array(Set(configure(kept)))), suppressed: Self.ordered(suppressed),
                          files: files.map(\.path), sources: sources, failOn: configuration.failOn)
    }

    /// Inline suppressions apply to every finding, before the configuration turns rules off. Consequences of
    /// other findings use up suppressions but are then dropped. Returns what is kept (with the suppressions'
    /// own findings) and what was suppressed.
    /// With `reportUnused` false (a file could not be read, so some checks did not run), a suppression that
    /// suppressed nothing is not reported.
    private func suppress(_ findings: [Diagnostic], in files: [(path: String, bytes: [UInt8])], index: SourceIndex,
                          consequences: Set<LintContext.Finding>, reportUnused: Bool) -> (kept: [Diagnostic], suppressed: [Diagnostic]) {
        var scanner = SuppressionScanner()
        for file in files { scanner.scan(file: file.path, bytes: file.bytes, index: index) }
        var suppressions = scanner.suppressions
        var kept: [Diagnostic] = []
        var suppressed: [Diagnostic] = []
        for diagnostic in findings {
            if Suppressions.apply(to: diagnostic, suppressions: &suppressions) {
                suppressed.append(diagnostic)
            } else if !(diagnostic.location.map { consequences.contains(LintContext.Finding(diagnostic.rule, at: $0)) } ?? false) {
                kept.append(diagnostic)
            }
        }
        let problems = Suppressions.problems(suppressions).filter { reportUnused || $0.rule != "lint.suppression-unused" }
        return (kept + scanner.diagnostics + problems, suppressed)
    }

    /// The configured severities (`off` drops the finding) and per-path ignores.
    private func configure(_ findings: [Diagnostic]) -> [Diagnostic] {
        findings.compactMap { finding in
            guard case .severity(let severity) = configuration.setting(for: finding.rule, default: finding.severity) else { return nil }
            if let file = finding.location?.file, configuration.isIgnored(file: file, rule: finding.rule, workingDirectory: workingDirectory) {
                return nil
            }
            var diagnostic = finding
            diagnostic.severity = severity
            return diagnostic
        }
    }

    /// By place and rule (`Diagnostic.<`), then by message: the same order on every run.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            if lhs < rhs { return true }
            if rhs < lhs { return false }
            return (lhs.message.en, lhs.severity.rawValue) < (rhs.message.en, rhs.severity.rawValue)
        }
    }
}

/// Every lint check, in a fixed order.
enum LintChecks {
    static func run(_ context: inout LintContext) {
        CatalogChecks.run(&context)
        NameDriftCheck.run(&context)
        VersionChecks.run(&context)
        RequirementChecks.run(&context)
        ReplacementChecks.run(&context)
    }
}

/// Matching findings against inline suppressions.
enum Suppressions {
    /// Whether a suppression with a reason covers `diagnostic`; marks the matching suppressions used.
    static func apply(to diagnostic: Diagnostic, suppressions: inout [Suppression]) -> Bool {
        guard let location = diagnostic.location, !diagnostic.rule.rawValue.hasPrefix("lint.suppression-") else { return false }
        var covered = false
        for index in suppressions.indices {
            let suppression = suppressions[index]
            guard suppression.file == location.file, suppression.rule == diagnostic.rule, suppression.scope.covers(location.line) else { continue }
            if suppression.reason != nil {
                suppressions[index].used = true
                covered = true
            }
        }
        return covered
    }

    /// A suppression without a reason (it has no effect) and a suppression that suppressed nothing.
    static func problems(_ suppressions: [Suppression]) -> [Diagnostic] {
        suppressions.compactMap { suppression in
            if suppression.reason == nil { return DiagnosticMessages.suppressionWithoutReason(suppression.rule, at: suppression.commentLocation) }
            if !suppression.used { return DiagnosticMessages.suppressionUnused(suppression.rule, at: suppression.location) }
            return nil
        }
    }
}
