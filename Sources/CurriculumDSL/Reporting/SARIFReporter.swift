/// SARIF 2.1.0 with what GitHub code scanning reads: every rule with its descriptions, help and default level;
/// results with `ruleId`/`ruleIndex`, a level, the message, one physical location (URI relative to the
/// working directory, `uriBaseId` `%SRCROOT%`, a region) and related locations for the notes. Columns count
/// Unicode scalars (`columnKind: unicodeCodePoints`); `endColumn` is exclusive, as in SARIF.
public struct SARIFReporter: Sendable {
    /// The SARIF 2.1.0 schema the output follows.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The language of the messages.
    public var language: Language
    /// `artifactLocation.uri` values are made relative to this directory.
    public var workingDirectory: String
    /// The rules described in the run's tool component.
    public var rules: [Rule]

    /// A reporter; by default describing every rule of the catalog.
    public init(language: Language, workingDirectory: String, rules: [Rule] = RuleCatalog.all) {
        self.language = language
        self.workingDirectory = workingDirectory
        self.rules = rules.sorted { $0.id < $1.id }
    }

    /// The result as one SARIF 2.1.0 log.
    public func render(_ result: LintResult) -> String {
        var ruleIndex: [RuleID: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        let run: JSONValue = .object([
            .init("tool", .object([.init("driver", .object([
                .init("name", .string(LintTool.name)),
                .init("version", .string(LintTool.version)),
                .init("semanticVersion", .string(LintTool.version)),
                .init("rules", .array(rules.map(descriptor))),
            ]))])),
            .init("columnKind", "unicodeCodePoints"),
            .init("results", .array(result.diagnostics.map { self.result($0, ruleIndex: ruleIndex[$0.rule]) })),
        ])
        return JSONValue.object([
            .init("$schema", .string(Self.schemaURI)),
            .init("version", "2.1.0"),
            .init("runs", .array([run])),
        ]).pretty()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    func descriptor(_ rule: Rule) -> JSONValue {
        let summary = rule.summary.text(in: language)
        let help = rule.help.text(in: language)
        let reference = LintTool.rulesDocument + "#" + LintTool.anchor(of: rule.id)
        let see = language == .zh ? "详见" : "See"
        return .object([
            .init("id", .string(rule.id.rawValue)),
            .init("name", .string(Self.name(of: rule.id))),
            .init("shortDescription", .object([.init("text", .string(summary))])),
            .init("fullDescription", .object([.init("text", .string(help))])),
            .init("help", .object([
                .init("text", .string("\(help)\n\n\(see) \(reference)")),
                .init("markdown", .string("**\(summary)** (`\(rule.id)`)\n\n\(help)\n\n\(see) `\(reference)`")),
            ])),
            .init("defaultConfiguration", .object([.init("level", .string(Self.level(rule.defaultSeverity)))])),
            .init("properties", .object([.init("tags", .array([.string(String(rule.id.rawValue.prefix { $0 != "." }))]))])),
        ])
    }

    /// `lint.thesis-with-credits` → `LintThesisWithCredits`.
    static func name(of rule: RuleID) -> String {
        rule.rawValue.split(whereSeparator: { $0 == "." || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    func result(_ diagnostic: Diagnostic, ruleIndex: Int?) -> JSONValue {
        var text = diagnostic.message.text(in: language)
        // Notes with a place become related locations; the others are part of the message.
        for note in diagnostic.notes where note.location == nil {
            text += "\n" + (language == .zh ? "附注" : "note") + ": " + note.message.text(in: language)
        }
        if let remedy = diagnostic.remedy { text += "\n" + (language == .zh ? "修改建议" : "help") + ": " + remedy.text(in: language) }
        var members: [JSONValue.Member] = [.init("ruleId", .string(diagnostic.rule.rawValue))]
        if let ruleIndex { members.append(.init("ruleIndex", .int(ruleIndex))) }
        members.append(.init("level", .string(Self.level(diagnostic.severity))))
        members.append(.init("message", .object([.init("text", .string(text))])))
        if let location = diagnostic.location {
            members.append(.init("locations", .array([.object([.init("physicalLocation",
                                                                      physicalLocation(location, region: !diagnostic.isAboutAPath))])])))
        }
        let related = diagnostic.notes.compactMap { note in note.location.map { (note, $0) } }
        if !related.isEmpty {
            members.append(.init("relatedLocations", .array(related.enumerated().map { index, pair in
                .object([
                    .init("id", .int(index + 1)),
                    .init("physicalLocation", physicalLocation(pair.1)),
                    .init("message", .object([.init("text", .string(pair.0.message.text(in: language)))])),
                ])
            })))
        }
        return .object(members)
    }

    /// The artifact and, unless `region` is false (a finding about a path, not about text in a file), the region.
    func physicalLocation(_ location: SourceLocation, region hasRegion: Bool = true) -> JSONValue {
        var artifact: [JSONValue.Member]
        if let relative = PathURI.relative(location.file, to: workingDirectory) {
            artifact = [.init("uri", .string(PathURI.percentEncoded(relative))), .init("uriBaseId", "%SRCROOT%")]
        } else {
            artifact = [.init("uri", .string("file://" + PathURI.percentEncoded(PathURI.absolute(location.file, workingDirectory: workingDirectory))))]
        }
        var region: [JSONValue.Member] = [.init("startLine", .int(location.line)), .init("startColumn", .int(location.column))]
        if location.endLine > location.line || location.endColumn > location.column {
            region += [.init("endLine", .int(location.endLine)), .init("endColumn", .int(location.endColumn))]
        }
        guard hasRegion else { return .object([.init("artifactLocation", .object(artifact))]) }
        return .object([
            .init("artifactLocation", .object(artifact)),
            .init("region", .object(region)),
        ])
    }
}
