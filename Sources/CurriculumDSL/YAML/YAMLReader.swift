import CLibYAML

/// Reads one YAML file into a `YAMLNode` tree with positions, through libyaml's event parser.
///
/// Beyond parsing it enforces what the DSL needs of YAML: one document per file, scalar keys, no duplicate
/// keys (both places reported), merge keys `<<`, aliases bounded by `LoadLimits.maxAliasNodes`, nesting
/// bounded by `LoadLimits.maxDepth`. Problems come back as diagnostics; nothing here traps on input.
public struct YAMLReader {
    public let limits: LoadLimits

    public init(limits: LoadLimits = LoadLimits()) {
        self.limits = limits
    }

    /// Reads `bytes` (the whole file) named `file` in diagnostics.
    public func read(_ bytes: [UInt8], file: String) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
        if bytes.count > limits.maxFileBytes {
            return (nil, [DiagnosticMessages.fileTooLarge(file: file, size: bytes.count, limit: limits.maxFileBytes)])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            let check = ByteCheck(bytes: buffer, file: file)
            guard check.canParse else { return (nil, check.diagnostics) }
            let body = UnsafeBufferPointer(rebasing: buffer[check.prefixLength...])
            var run = ParseRun(file: file, limits: limits)
            run.diagnostics = check.diagnostics
            run.tabLines = check.tabLines
            let root = run.parse(body)
            if root == nil, !run.diagnostics.contains(where: { $0.severity == .error }) {
                run.diagnostics.append(DiagnosticMessages.emptyFile(file: file))
            }
            return (root, run.diagnostics)
        }
    }
}

/// The state of one parse: the stack of open collections, anchors, and the alias budget.
private struct ParseRun {
    let file: String
    let limits: LoadLimits
    var diagnostics: [Diagnostic] = []
    var tabLines: Set<Int> = []

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasNodes = 0
    private var root: YAMLNode?
    private var documents = 0

    init(file: String, limits: LoadLimits) {
        self.file = file
        self.limits = limits
    }

    private struct Frame {
        var isMapping: Bool
        var anchor: String?
        var start: Mark
        var size = 1
        var items: [YAMLNode] = []
        var entries: [YAMLEntry] = []
        var pendingKey: YAMLScalar?
        /// The key slot holds a non-scalar key (already reported); its value is dropped.
        var skipValue = false
        var expectingKey = true
        var merges: [YAMLNode] = []
    }

    private enum Stop: Error { case abort }

    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        guard bytes.count > 0, let base = bytes.baseAddress else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                reportParserError(parser)
                return nil
            }
            let type = event.type
            do {
                try handle(&event)
            } catch {
                yaml_event_delete(&event)
                return nil
            }
            yaml_event_delete(&event)
            if type == YAML_STREAM_END_EVENT { break }
        }
        return root
    }

    private func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int32(truncatingIfNeeded: m.line + 1), column: Int32(truncatingIfNeeded: m.column + 1))
    }

    private func location(_ m: Mark) -> SourceLocation {
        SourceLocation(file: file, line: Int(m.line), column: Int(m.column))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private mutating func handle(_ event: inout yaml_event_t) throws(Stop) {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                diagnostics.append(DiagnosticMessages.multipleDocuments(location(mark(event.start_mark))))
                throw .abort
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let style: ScalarStyle =
                switch data.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
            let scalar = YAMLScalar(
                text: Self.string(data.value, length: data.length),
                style: style,
                tag: Self.cString(data.tag),
                start: mark(event.start_mark),
                end: mark(event.end_mark))
            try add(.scalar(scalar), size: 1, anchor: Self.cString(data.anchor))
        case YAML_SEQUENCE_START_EVENT:
            try open(isMapping: false, anchor: Self.cString(event.data.sequence_start.anchor), at: mark(event.start_mark))
        case YAML_MAPPING_START_EVENT:
            try open(isMapping: true, anchor: Self.cString(event.data.mapping_start.anchor), at: mark(event.start_mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard var frame = stack.popLast() else { return }
            let end = mark(event.end_mark)
            let node: YAMLNode
            if frame.isMapping {
                applyMerges(&frame)
                node = .mapping(frame.entries, start: frame.start, end: end)
            } else {
                node = .sequence(frame.items, start: frame.start, end: end)
            }
            try add(node, size: frame.size, anchor: frame.anchor)
        case YAML_ALIAS_EVENT:
            let name = Self.cString(event.data.alias.anchor) ?? ""
            let at = mark(event.start_mark)
            guard let target = anchors[name] else {
                diagnostics.append(DiagnosticMessages.undefinedAlias(name, at: location(at)))
                try add(.scalar(YAMLScalar(text: "", style: .plain, start: at, end: mark(event.end_mark))), size: 1, anchor: nil)
                return
            }
            aliasNodes += target.size
            if aliasNodes > limits.maxAliasNodes {
                diagnostics.append(DiagnosticMessages.aliasLimit(limit: limits.maxAliasNodes, at: location(at)))
                throw .abort
            }
            try add(target.node, size: target.size, anchor: nil)
        default:
            break
        }
    }

    private mutating func open(isMapping: Bool, anchor: String?, at start: Mark) throws(Stop) {
        if stack.count >= limits.maxDepth {
            diagnostics.append(DiagnosticMessages.tooDeep(limit: limits.maxDepth, at: location(start)))
            throw .abort
        }
        stack.append(Frame(isMapping: isMapping, anchor: anchor, start: start))
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) throws(Stop) {
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        if stack[top].expectingKey {
            stack[top].expectingKey = false
            guard case .scalar(let key) = node else {
                diagnostics.append(DiagnosticMessages.complexKey(location(node.start)))
                stack[top].skipValue = true
                return
            }
            stack[top].pendingKey = key
            return
        }
        stack[top].expectingKey = true
        if stack[top].skipValue {
            stack[top].skipValue = false
            return
        }
        guard let key = stack[top].pendingKey else { return }
        stack[top].pendingKey = nil
        if key.style == .plain, key.text == "<<" {
            stack[top].merges.append(node)
            return
        }
        if let first = stack[top].entries.first(where: { $0.key.text == key.text }) {
            diagnostics.append(DiagnosticMessages.duplicateKey(
                key.text, at: location(key.start), firstAt: location(first.key.start)))
            return
        }
        stack[top].entries.append(YAMLEntry(key: key, value: node))
    }

    /// YAML merge keys: entries of the merged mappings that the mapping does not set itself, earlier merges first.
    private mutating func applyMerges(_ frame: inout Frame) {
        guard !frame.merges.isEmpty else { return }
        var sources: [[YAMLEntry]] = []
        for merge in frame.merges {
            switch merge {
            case .mapping(let entries, _, _):
                sources.append(entries)
            case .sequence(let items, _, _):
                for item in items {
                    if case .mapping(let entries, _, _) = item {
                        sources.append(entries)
                    } else {
                        diagnostics.append(DiagnosticMessages.invalidMerge(location(item.start)))
                    }
                }
            case .scalar:
                diagnostics.append(DiagnosticMessages.invalidMerge(location(merge.start)))
            }
        }
        var present = Set(frame.entries.map(\.key.text))
        for entries in sources {
            for entry in entries where !present.contains(entry.key.text) {
                present.insert(entry.key.text)
                frame.entries.append(entry)
            }
        }
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        let at: Mark
        if parser.error == YAML_READER_ERROR {
            at = Mark(line: 1, column: 1)
        } else {
            at = mark(parser.problem_mark)
        }
        if tabLines.contains(Int(at.line)) || (parser.error == YAML_SCANNER_ERROR && tabLines.contains(Int(at.line) - 1)) {
            return  // the tab-indent diagnostic on this line is the root cause
        }
        var notes: [Diagnostic.Note] = []
        if let context, parser.context_mark.line != parser.problem_mark.line || parser.context_mark.column != parser.problem_mark.column {
            let contextAt = location(mark(parser.context_mark))
            notes.append(.init(.init(zh: "出错的结构从这里开始（\(context)）", en: "the construct started here (\(context))"), at: contextAt))
        }
        diagnostics.append(DiagnosticMessages.syntax(problem: problem, context: context, at: location(at), notes: notes))
    }
}
