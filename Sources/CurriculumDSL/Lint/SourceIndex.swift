/// The raw text and YAML trees of the linted files, for what the graph does not keep: where a course's `name`
/// or a plan's `effective-from` is written, the source lines, and which `#` characters start comments.
///
/// Entities in the graph are located by one value (a course by its code, a plan by its id); the index finds the
/// mapping that value belongs to, and from it the place of any sibling key. A file is parsed again only when
/// something is asked of it (mostly when a finding is reported), and then kept: a cache, used by one lint run.
final class SourceIndex {
    struct File {
        let root: YAMLNode?
        /// Mapping entries by the start of one of their scalar values, and by the mapping's own start.
        fileprivate var mappingByValue: [Position: Int] = [:]
        fileprivate var mappingByStart: [Position: Int] = [:]
        fileprivate var mappings: [[YAMLEntry]] = []
        /// Scalars whose text contains `#`: a `#` inside one of them does not start a comment.
        fileprivate var hashScalars: [(start: Position, end: Position)] = []
    }

    struct Position: Hashable, Comparable, Sendable {
        let line: Int
        let column: Int

        init(_ mark: Mark) {
            line = Int(mark.line)
            column = Int(mark.column)
        }

        init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
    }

    let bytes: [String: [UInt8]]
    let paths: [String]
    private let limits: LoadLimits
    private var parsed: [String: File] = [:]

    init(files: [(path: String, bytes: [UInt8])], limits: LoadLimits) {
        var bytes: [String: [UInt8]] = [:]
        for file in files { bytes[file.path] = file.bytes }
        self.bytes = bytes
        paths = files.map(\.path)
        self.limits = limits
    }

    /// The parsed and indexed file (parsed on first use).
    func file(_ path: String) -> File? {
        if let known = parsed[path] { return known }
        guard let bytes = bytes[path] else { return nil }
        let root = YAMLReader(limits: limits).read(bytes, file: path).root
        var entry = File(root: root)
        if let root { entry.index(root) }
        parsed[path] = entry
        return entry
    }

    /// The entries of the mapping in which a value starts at `location` (or which itself starts there).
    func entries(around location: SourceLocation) -> [YAMLEntry]? {
        guard let file = file(location.file) else { return nil }
        let position = Position(line: location.line, column: location.column)
        guard let index = file.mappingByValue[position] ?? file.mappingByStart[position] else { return nil }
        return file.mappings[index]
    }

    /// The node of `key` in the mapping around `location`.
    func value(_ key: String, around location: SourceLocation) -> YAMLNode? {
        entries(around: location)?.first { $0.key.text == key }?.value
    }

    /// Where the value of `key` is written in the mapping around `location`.
    func location(of key: String, around location: SourceLocation) -> SourceLocation? {
        value(key, around: location).map { Self.location(of: $0, file: location.file) }
    }

    /// Where the key `key` itself is written in the mapping around `location`.
    func keyLocation(of key: String, around location: SourceLocation) -> SourceLocation? {
        guard let entry = entries(around: location)?.first(where: { $0.key.text == key }) else { return nil }
        return SourceLocation(file: location.file, line: Int(entry.key.start.line), column: Int(entry.key.start.column),
                              endLine: Int(entry.key.end.line), endColumn: Int(entry.key.end.column))
    }

    static func location(of node: YAMLNode, file: String) -> SourceLocation {
        if case .scalar(let scalar) = node {
            return SourceLocation(file: file, line: Int(scalar.start.line), column: Int(scalar.start.column),
                                  endLine: Int(scalar.end.line), endColumn: Int(scalar.end.column))
        }
        return SourceLocation(file: file, line: Int(node.start.line), column: Int(node.start.column))
    }

    /// Line `number` (1-based) of `file`, without its line end.
    func line(_ number: Int, in file: String) -> String? {
        guard let bytes = bytes[file] else { return nil }
        return SourceLines.line(number, in: bytes)
    }

    /// Whether the `#` at `line`:`column` of `file` is part of a scalar (not a comment).
    func isInsideScalar(file: String, line: Int, column: Int) -> Bool {
        guard let spans = self.file(file)?.hashScalars else { return false }
        let position = Position(line: line, column: column)
        return spans.contains { $0.start <= position && position < $0.end }
    }
}

extension SourceIndex.File {
    fileprivate mutating func index(_ node: YAMLNode) {
        switch node {
        case .scalar(let scalar):
            if scalar.text.contains("#") {
                hashScalars.append((SourceIndex.Position(scalar.start), SourceIndex.Position(scalar.end)))
            }
        case .sequence(let items, _, _):
            for item in items { index(item) }
        case .mapping(let entries, let start, _):
            let number = mappings.count
            mappings.append(entries)
            let startPosition = SourceIndex.Position(start)
            if mappingByStart[startPosition] == nil { mappingByStart[startPosition] = number }
            for entry in entries {
                if case .scalar(let value) = entry.value {
                    let position = SourceIndex.Position(value.start)
                    if mappingByValue[position] == nil { mappingByValue[position] = number }
                }
                if entry.key.text.contains("#") {
                    hashScalars.append((SourceIndex.Position(entry.key.start), SourceIndex.Position(entry.key.end)))
                }
                index(entry.value)
            }
        }
    }
}

extension SourceIndex {
    /// Every institution name written under `majors: … institutions:` in any file, including majors the loader
    /// could not decode (so a broken major does not make its institution look unused).
    var institutionNamesListedByMajors: Set<String> {
        var names: Set<String> = []
        for path in paths {
            guard case .mapping(let top, _, _)? = file(path)?.root,
                  case .sequence(let majors, _, _)? = top.first(where: { $0.key.text == "majors" })?.value
            else { continue }
            for major in majors {
                guard case .mapping(let entries, _, _) = major,
                      let value = entries.first(where: { $0.key.text == "institutions" })?.value
                else { continue }
                switch value {
                case .scalar(let scalar): names.insert(scalar.text)
                case .sequence(let items, _, _):
                    for case .scalar(let scalar) in items { names.insert(scalar.text) }
                case .mapping: continue
                }
            }
        }
        return names
    }
}
