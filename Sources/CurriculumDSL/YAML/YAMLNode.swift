/// How a scalar was written. Only plain scalars are subject to YAML's implicit typing.
public enum ScalarStyle: Sendable, Hashable {
    /// Unquoted: subject to YAML's implicit typing.
    case plain
    /// `'single-quoted'`.
    case singleQuoted
    /// `"double-quoted"`.
    case doubleQuoted
    /// A literal block scalar (`|`).
    case literal
    /// A folded block scalar (`>`).
    case folded
}

/// A scalar exactly as written: its raw text (never converted to a number), style, explicit tag and extent.
public struct YAMLScalar: Sendable, Hashable {
    /// The raw text, never converted.
    public var text: String
    /// Plain, quoted, literal or folded.
    public var style: ScalarStyle
    /// The explicit tag (`!!str`), if any.
    public var tag: String?
    /// Where the scalar starts.
    public var start: Mark
    /// Where the scalar ends.
    public var end: Mark
    /// Stands in for an alias without an anchor (already reported): decoders skip it without a diagnostic.
    var isAliasPlaceholder = false

    /// A scalar from its parts.
    public init(text: String, style: ScalarStyle, tag: String? = nil, start: Mark, end: Mark) {
        self.text = text
        self.style = style
        self.tag = tag
        self.start = start
        self.end = end
    }

    /// A plain scalar that YAML 1.1 resolves to null (`~`, `null`, or nothing at all).
    public var isNull: Bool {
        style == .plain && tag == nil && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

/// One `key: value` pair of a mapping. Keys are always scalars (the reader rejects others).
public struct YAMLEntry: Sendable {
    /// The key.
    public var key: YAMLScalar
    /// The value.
    public var value: YAMLNode
}

/// A YAML node with its position. Built once by `YAMLReader`; aliases are expanded (bounded by `LoadLimits`).
public enum YAMLNode: Sendable {
    /// A scalar.
    case scalar(YAMLScalar)
    /// A sequence, with the positions of its start and end.
    case sequence([YAMLNode], start: Mark, end: Mark)
    /// A mapping, entries in the order written, with the positions of its start and end.
    case mapping([YAMLEntry], start: Mark, end: Mark)

    /// Where the node starts.
    public var start: Mark {
        switch self {
        case .scalar(let scalar): scalar.start
        case .sequence(_, let start, _), .mapping(_, let start, _): start
        }
    }

    /// Where the node ends.
    public var end: Mark {
        switch self {
        case .scalar(let scalar): scalar.end
        case .sequence(_, _, let end), .mapping(_, _, let end): end
        }
    }

    /// The stand-in for an undefined alias: its error is reported, decoders skip it silently.
    var isAliasPlaceholder: Bool {
        if case .scalar(let scalar) = self { return scalar.isAliasPlaceholder }
        return false
    }

    /// What a reader calls this kind of node, for "expected a list, found a string".
    var kindName: LocalizedText {
        switch self {
        case .scalar(let scalar) where scalar.isNull: .init(zh: "空值", en: "nothing (null)")
        case .scalar: .init(zh: "标量", en: "a scalar")
        case .sequence: .init(zh: "列表", en: "a list")
        case .mapping: .init(zh: "映射", en: "a mapping")
        }
    }
}
