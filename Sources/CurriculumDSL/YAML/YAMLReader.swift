import CLibYAML

/// Reads one YAML file into a `YAMLNode` tree with positions, through libyaml's event parser.
///
/// Beyond parsing it enforces what the DSL needs of YAML: one document per file, scalar keys, no duplicate
/// keys (both places reported), merge keys `<<`, aliases bounded by `LoadLimits.maxAliasNodes` and
/// `LoadLimits.maxAliasBytes`, nesting
/// bounded by `LoadLimits.maxDepth`. Problems come back as diagnostics; nothing here traps on input.
public struct YAMLReader {
    /// The bounds on size, nesting and aliases.
    public let limits: LoadLimits

    /// A reader with `limits`.
    public init(limits: LoadLimits = LoadLimits()) {
        self.limits = limits
    }

    /// Reads `bytes` (the whole file) named `file` in diagnostics.
    public func read(_ bytes: [UInt8], file: String) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
        let (document, diagnostics) = readDocument(bytes, file: file)
        guard let document, let root = document.root else { return (nil, diagnostics) }
        return (document.tree(root), diagnostics)
    }

    /// Reads `bytes` into the flat document the loader decodes (see `YAMLDocument`); nil when nothing could be
    /// read. The diagnostics are the same as `read`'s.
    func readDocument(_ bytes: [UInt8], file: String) -> (YAMLDocument?, [Diagnostic]) {
        if bytes.count > limits.maxFileBytes {
            return (nil, [DiagnosticMessages.fileTooLarge(file: file, size: bytes.count, limit: limits.maxFileBytes)])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            let check = ByteCheck.quick(bytes: buffer, file: file)
            guard check.canParse else { return (nil, check.diagnostics) }
            let body = UnsafeBufferPointer(rebasing: buffer[check.prefixLength...])
            var run = ParseRun(file: file, limits: limits, bytes: body)
            let parsed = run.parse()
            if !parsed {
                // Invalid UTF-8 or a control character is the root cause of anything that went wrong (libyaml
                // stops on them with a reader error at no useful place); the full scan finds them precisely, and
                // the tabs that may explain libyaml's error.
                let full = ByteCheck(bytes: buffer, file: file)
                guard full.canParse else { return (nil, full.diagnostics) }
                run.reportParserError(tabLines: full.tabLines)
            }
            var document = run.document
            if !parsed { document.root = nil }
            if let root = document.root {
                let node = document[root]
                if node.kind == .scalar, node.style == .plain, !node.flags.contains(.tagged), node.count == 0 {
                    document.root = nil  // `---` alone, or a document of nothing but comments: an empty file
                }
            }
            var diagnostics = check.diagnostics + run.diagnostics
            if document.root == nil, !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(DiagnosticMessages.emptyFile(file: file))
            }
            return (document.root == nil ? nil : document, diagnostics)
        }
    }
}

/// The state of one parse: the document being built, the stack of open collections, anchors, and the alias budget.
private struct ParseRun {
    typealias NodeID = YAMLDocument.NodeID

    let file: String
    let limits: LoadLimits
    let bytes: UnsafeBufferPointer<UInt8>
    var diagnostics: [Diagnostic] = []
    var document = YAMLDocument()
    /// libyaml's error, when it stopped on one (reported by `reportParserError` once the tabs are known).
    private var parserError: ParserError?

    private struct ParserError {
        var kind: yaml_error_type_t
        var problem: String
        var context: String?
        var problemMark: yaml_mark_t
        var contextMark: yaml_mark_t
        var offset: Int
    }

    /// The innermost open collection (the root pseudo-frame, `node == -1`, at the top level) and the ones around it.
    private var current = Frame(node: -1, isMapping: false, anchor: nil, keyBase: 0)
    private var stack: [Frame] = []
    /// The keys of the open mappings (each frame owns the part from its `keyBase`), for duplicate detection.
    private var keys: [(hash: UInt64, node: NodeID)] = []
    private var anchors: [String: (node: NodeID, size: Int, bytes: Int)] = [:]
    private var aliasNodes = 0
    private var aliasBytes = 0
    private var documents = 0

    init(file: String, limits: LoadLimits, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.limits = limits
        self.bytes = bytes
    }

    private struct Frame {
        var node: NodeID
        var isMapping: Bool
        var anchor: String?
        /// Nodes in the subtree, aliases counted as the nodes they stand for (the alias budget).
        var size = 1
        /// Scalar bytes in the subtree, aliases counted as the bytes they stand for (the alias byte budget).
        var bytes = 0
        var count: Int32 = 0
        var expectingKey = true
        /// The key waiting for its value; -1 when the key is not a scalar (its value is dropped).
        var pendingKey: NodeID = -1
        var keyBase: Int
        /// Keys by hash, once a mapping has too many keys for a linear scan.
        var keyIndex: [UInt64: [NodeID]]?
        var merges: [NodeID] = []
    }

    private enum Stop: Error { case abort }

    /// Parses the whole input; false when it stopped on an error (the document is then not usable).
    mutating func parse() -> Bool {
        guard bytes.count > 0, let base = bytes.baseAddress else { return true }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return false }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        document.nodes.reserveCapacity(bytes.count / 12 + 16)
        document.text.reserveCapacity(bytes.count + 16)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                parserError = ParserError(
                    kind: parser.error, problem: parser.problem.map { String(cString: $0) } ?? "unknown error",
                    context: parser.context.map { String(cString: $0) }, problemMark: parser.problem_mark,
                    contextMark: parser.context_mark, offset: parser.problem_offset)
                return false
            }
            let type = event.type
            do {
                try handle(&event)
            } catch {
                yaml_event_delete(&event)
                return false
            }
            yaml_event_delete(&event)
            if type == YAML_STREAM_END_EVENT { break }
        }
        return true
    }

    @inline(__always)
    private func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int32(truncatingIfNeeded: m.line + 1), column: Int32(truncatingIfNeeded: m.column + 1))
    }

    private func location(_ m: Mark) -> SourceLocation {
        SourceLocation(file: file, line: Int(m.line), column: Int(m.column))
    }

    private static func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private mutating func handle(_ event: inout yaml_event_t) throws(Stop) {
        switch event.type {
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
            let id = NodeID(truncatingIfNeeded: document.nodes.count)
            let textStart = Int32(truncatingIfNeeded: document.text.count)
            if let value = data.value, data.length > 0 {
                document.text.append(value, count: data.length)
            }
            var flags: YAMLDocument.Flags = []
            if let tag = Self.cString(data.tag) {
                flags.insert(.tagged)
                document.tags[id] = tag
            }
            document.nodes.append(YAMLDocument.Node(
                kind: .scalar, style: style, flags: flags, start: mark(event.start_mark), end: mark(event.end_mark),
                textStart: textStart, count: Int32(truncatingIfNeeded: data.length), next: id + 1))
            if let anchor = Self.cString(data.anchor) { anchors[anchor] = (id, 1, data.length) }
            try attach(id, size: 1, bytes: data.length)
        case YAML_MAPPING_START_EVENT:
            try open(isMapping: true, anchor: Self.cString(event.data.mapping_start.anchor), at: mark(event.start_mark))
        case YAML_SEQUENCE_START_EVENT:
            try open(isMapping: false, anchor: Self.cString(event.data.sequence_start.anchor), at: mark(event.start_mark))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let parent = stack.popLast() else { return }
            let frame = current
            current = parent
            let index = Int(frame.node)
            document.nodes[index].end = mark(event.end_mark)
            document.nodes[index].count = frame.count
            document.nodes[index].next = NodeID(truncatingIfNeeded: document.nodes.count)
            if frame.isMapping {
                keys.removeSubrange(frame.keyBase...)
                if !frame.merges.isEmpty { applyMerges(frame.merges, to: frame.node) }
            }
            if let anchor = frame.anchor { anchors[anchor] = (frame.node, frame.size, frame.bytes) }
            try attach(frame.node, size: frame.size, bytes: frame.bytes)
        case YAML_ALIAS_EVENT:
            let name = Self.cString(event.data.alias.anchor) ?? ""
            let start = mark(event.start_mark)
            let id = NodeID(truncatingIfNeeded: document.nodes.count)
            guard let target = anchors[name] else {
                diagnostics.append(DiagnosticMessages.undefinedAlias(name, at: location(start)))
                // A placeholder that decoders skip: the alias error is the only one reported here.
                document.nodes.append(YAMLDocument.Node(
                    kind: .scalar, style: .plain, flags: .placeholder, start: start, end: mark(event.end_mark),
                    textStart: 0, count: 0, next: id + 1))
                try attach(id, size: 1, bytes: 0)
                return
            }
            aliasNodes += target.size
            if aliasNodes > limits.maxAliasNodes {
                diagnostics.append(DiagnosticMessages.aliasLimit(limit: limits.maxAliasNodes, at: location(start)))
                throw .abort
            }
            aliasBytes += target.bytes
            if aliasBytes > limits.maxAliasBytes {
                diagnostics.append(DiagnosticMessages.aliasByteLimit(limit: limits.maxAliasBytes, at: location(start)))
                throw .abort
            }
            document.nodes.append(YAMLDocument.Node(
                kind: .alias, style: .plain, flags: [], start: start, end: mark(event.end_mark),
                textStart: target.node, count: 0, next: id + 1))
            try attach(id, size: target.size, bytes: target.bytes)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                diagnostics.append(DiagnosticMessages.multipleDocuments(location(mark(event.start_mark))))
                throw .abort
            }
        default:
            break
        }
    }

    private mutating func open(isMapping: Bool, anchor: String?, at start: Mark) throws(Stop) {
        if stack.count >= limits.maxDepth {
            diagnostics.append(DiagnosticMessages.tooDeep(limit: limits.maxDepth, at: location(start)))
            throw .abort
        }
        let id = NodeID(truncatingIfNeeded: document.nodes.count)
        document.nodes.append(YAMLDocument.Node(
            kind: isMapping ? .mapping : .sequence, style: .plain, flags: [], start: start, end: start,
            textStart: 0, count: 0, next: id + 1))
        stack.append(current)
        current = Frame(node: id, isMapping: isMapping, anchor: anchor, keyBase: keys.count)
    }

    /// Makes the node just completed (`id`, standing for `size` nodes and `bytes` scalar bytes) a child of the open collection, or the root.
    private mutating func attach(_ id: NodeID, size: Int, bytes: Int) throws(Stop) {
        guard current.node >= 0 else {
            document.root = id
            return
        }
        current.size += size
        current.bytes += bytes
        if !current.isMapping {
            current.count += 1
            return
        }
        if current.expectingKey {
            current.expectingKey = false
            let key = document.resolved(id)
            guard document[key].kind == .scalar else {
                diagnostics.append(DiagnosticMessages.complexKey(location(document[key].start)))
                document.nodes[Int(id)].flags.insert(.skippedKey)
                document.nodes[Int(current.node)].flags.insert(.hasComplexKey)
                current.pendingKey = -1
                return
            }
            current.pendingKey = id
            return
        }
        current.expectingKey = true
        current.count += 1
        let keyID = current.pendingKey
        guard keyID >= 0 else { return }
        let key = document.resolved(keyID)
        let keyNode = document[key]
        let bytes = document.text.bytes(from: Int(keyNode.textStart), count: Int(keyNode.count))
        if keyNode.style == .plain, bytes.count == 2, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "<") {
            document.nodes[Int(keyID)].flags.insert(.mergeKey)
            current.merges.append(id)
            return
        }
        let hash = Self.hash(bytes)
        // The earlier key with this text, if any: a scan of the hashes of the (small) mapping's keys; past 16
        // keys, a hash index.
        var earlier: NodeID?
        if current.keyIndex == nil {
            var position = current.keyBase
            while position < keys.count {
                if keys[position].hash == hash, document.sameText(keys[position].node, key) {
                    earlier = keys[position].node
                    break
                }
                position += 1
            }
        } else {
            earlier = current.keyIndex?[hash]?.first { document.sameText($0, key) }
        }
        if let first = earlier {
            diagnostics.append(DiagnosticMessages.duplicateKey(
                document.string(key), at: location(keyNode.start), firstAt: location(document[first].start)))
            document.nodes[Int(keyID)].flags.insert(.skippedKey)
            return
        }
        keys.append((hash, key))
        if current.keyIndex != nil {
            current.keyIndex?[hash, default: []].append(key)
        } else if keys.count - current.keyBase > 16 {
            var index: [UInt64: [NodeID]] = [:]
            for (hash, node) in keys[current.keyBase...] { index[hash, default: []].append(node) }
            current.keyIndex = index
        }
    }

    /// FNV-1a over the key's bytes.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// YAML merge keys: the mappings of `values` (a mapping or a list of mappings each) are merged into
    /// `mapping`, earlier ones first; anything else is reported.
    private mutating func applyMerges(_ values: [NodeID], to mapping: NodeID) {
        var sources: [NodeID] = []
        for value in values {
            let target = document.resolved(value)
            switch document[target].kind {
            case .mapping:
                sources.append(target)
            case .sequence:
                for item in document.items(target) {
                    let resolved = document.resolved(item)
                    if document[resolved].kind == .mapping {
                        sources.append(resolved)
                    } else if !document.isPlaceholder(resolved) {
                        diagnostics.append(DiagnosticMessages.invalidMerge(location(document[resolved].start)))
                    }
                }
            case .scalar, .alias:
                if !document.isPlaceholder(target) {
                    diagnostics.append(DiagnosticMessages.invalidMerge(location(document[target].start)))
                }
            }
        }
        guard !sources.isEmpty else { return }
        document.merges[mapping] = sources
        document.nodes[Int(mapping)].flags.insert(.hasMerges)
    }

    /// Line and column (in Unicode scalars) of a byte offset, for reader errors, which carry only the offset.
    /// The column of the first full-width colon `：` of line `line` before any comment, or nil.
    static func fullWidthColon(line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var current = 1
        var index = 0
        while index < bytes.count, current < line {
            if bytes[index] == 0x0A { current += 1 }
            index += 1
        }
        guard current == line else { return nil }
        var end = index
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        guard let text = String(validating: bytes[index..<end], as: UTF8.self) else { return nil }
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "#" { return nil }
            if scalar == "\u{FF1A}" { return column }
            column += 1
        }
        return nil
    }

    /// A block `key: value` line indented deeper than the key of the content line above, which has a value of its
    /// own: what a stray space or two makes of `min-courses` under `total-credits: 70`. Nil for anything else.
    static func overIndentedKey(line: Int, in bytes: UnsafeBufferPointer<UInt8>)
        -> (key: String, column: Int, above: String, aboveLine: Int, aboveColumn: Int)? {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            lines.append(ArraySlice(bytes[start..<index]))
            start = index + 1
            if lines.count >= line { break }
        }
        if lines.count < line, start <= bytes.count { lines.append(ArraySlice(bytes[start..<bytes.count])) }
        guard line >= 2, lines.count >= line, let current = keyLine(lines[line - 1]), current.value != nil else { return nil }
        var aboveLine = line - 1
        while aboveLine >= 1 {
            let text = lines[aboveLine - 1]
            let content = text.drop { $0 == 0x20 || $0 == 0x0D }
            if !content.isEmpty && content.first != UInt8(ascii: "#") { break }
            aboveLine -= 1
        }
        guard aboveLine >= 1, let above = keyLine(lines[aboveLine - 1]), above.value?.isEmpty == false,
              current.column > above.column
        else { return nil }
        return (current.key, current.column, above.key, aboveLine, above.column)
    }

    /// `[spaces][- ]key: value` with a plain ASCII-or-UTF-8 key: the key, its column (the line's indentation is
    /// spaces, so bytes before it are columns), and the value after `: ` (empty when none; nil when the line
    /// has no `: `).
    private static func keyLine(_ text: ArraySlice<UInt8>) -> (key: String, column: Int, value: String?)? {
        var index = text.startIndex
        while index < text.endIndex, text[index] == 0x20 { index += 1 }
        if index + 1 < text.endIndex, text[index] == UInt8(ascii: "-"), text[index + 1] == 0x20 {
            index += 2
            while index < text.endIndex, text[index] == 0x20 { index += 1 }
        }
        let column = index - text.startIndex + 1
        guard index < text.endIndex else { return nil }
        let first = text[index]
        guard first != UInt8(ascii: "#"), first != UInt8(ascii: "{"), first != UInt8(ascii: "["), first != UInt8(ascii: "\""),
              first != UInt8(ascii: "'"), first != UInt8(ascii: "-")
        else { return nil }
        var colon = index
        while colon < text.endIndex, !(text[colon] == UInt8(ascii: ":") && (colon + 1 == text.endIndex || text[colon + 1] == 0x20 || text[colon + 1] == 0x0D)) {
            colon += 1
        }
        guard colon < text.endIndex, colon > index, let key = String(validating: text[index..<colon], as: UTF8.self) else { return nil }
        var rest = text[(colon + 1)...].drop { $0 == 0x20 }
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")), hash == rest.startIndex { rest = rest[rest.startIndex..<rest.startIndex] }
        while let last = rest.last, last == 0x0D || last == 0x20 { rest = rest.dropLast() }
        let value = String(decoding: rest, as: UTF8.self)
        return (key, column, value)
    }

    private static func mark(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark {
        var line: Int32 = 1
        var column: Int32 = 1
        var index = 0
        while index < min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return Mark(line: line, column: column)
    }

    /// Reports libyaml's error, if the parse stopped on one: as a tab indent when a tab in the indentation of
    /// its line (or, for a scanner error, the line before) explains it.
    mutating func reportParserError(tabLines: [Int: Int]) {
        guard let error = parserError else { return }
        let problem = error.problem
        let context = error.context
        let at: Mark
        if error.kind == YAML_READER_ERROR {
            at = Self.mark(ofOffset: error.offset, in: bytes)
        } else {
            at = mark(error.problemMark)
        }
        let line = Int(at.line)
        if let column = tabLines[line] {
            // A tab in this line's indentation is the root cause.
            diagnostics.append(DiagnosticMessages.tabIndent(SourceLocation(file: file, line: line, column: column)))
            return
        }
        if error.kind == YAML_SCANNER_ERROR, let column = tabLines[line - 1] {
            diagnostics.append(DiagnosticMessages.tabIndent(SourceLocation(file: file, line: line - 1, column: column)))
            return
        }
        if problem.hasPrefix("mapping values are not allowed"), let over = Self.overIndentedKey(line: line, in: bytes) {
            // `key: value` indented deeper than the `key: value` above: YAML reads the line as more of that value.
            diagnostics.append(DiagnosticMessages.overIndentedKey(
                key: over.key, above: over.above,
                at: SourceLocation(file: file, line: line, column: over.column),
                aboveAt: SourceLocation(file: file, line: over.aboveLine, column: over.aboveColumn)))
            return
        }
        let keyLine = Int(mark(error.contextMark).line)
        if problem.hasPrefix("could not find expected ':'"), let column = Self.fullWidthColon(line: keyLine, in: bytes) {
            // `key：value`: a full-width colon (Chinese input) does not end a key.
            diagnostics.append(DiagnosticMessages.fullWidthColon(SourceLocation(file: file, line: keyLine, column: column,
                                                                                endColumn: column + 1)))
            return
        }
        var notes: [Diagnostic.Note] = []
        if let context, error.contextMark.line != error.problemMark.line || error.contextMark.column != error.problemMark.column {
            let contextAt = location(mark(error.contextMark))
            notes.append(.init(.init(zh: "出错的结构从这里开始（\(context)）", en: "the construct started here (\(context))"), at: contextAt))
        }
        diagnostics.append(DiagnosticMessages.syntax(problem: problem, context: context, at: location(at), notes: notes))
    }
}
