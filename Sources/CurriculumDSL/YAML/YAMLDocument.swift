/// One YAML file as the loader reads it: every node in one flat array in document order (a collection is
/// followed by its subtree), the scalars' bytes in one buffer. Strings are made only for the values a decoder
/// keeps, and the whole file is freed as two buffers.
///
/// Aliases stay references to their anchored node (`resolved(_:)` follows them); merge keys (`<<`) are kept
/// per mapping and applied by `entries(of:)`. `YAMLReader.read` turns a document into the `YAMLNode` tree of
/// the public API, with aliases and merges expanded.
struct YAMLDocument {
    /// A node of the document (an index into `nodes`).
    typealias NodeID = Int32

    enum Kind: UInt8 {
        case scalar, sequence, mapping, alias
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// The scalar has an explicit tag (`!!str`, `!custom`); the tag text is in `tags`.
        static let tagged = Flags(rawValue: 1 << 0)
        /// Stands in for an alias without an anchor (already reported): decoders skip it silently.
        static let placeholder = Flags(rawValue: 1 << 1)
        /// A mapping key whose entry is not part of the mapping (a duplicate, or a non-scalar key; reported).
        static let skippedKey = Flags(rawValue: 1 << 2)
        /// A mapping key `<<`: its value is merged (see `merges`), it is not an entry itself.
        static let mergeKey = Flags(rawValue: 1 << 3)
        /// A mapping with merge keys.
        static let hasMerges = Flags(rawValue: 1 << 4)
        /// A mapping with a non-scalar key (reported): which key it stood for is unknown, so no key is reported
        /// missing from it.
        static let hasComplexKey = Flags(rawValue: 1 << 5)
    }

    struct Node {
        var kind: Kind
        var style: ScalarStyle
        var flags: Flags
        var start: Mark
        var end: Mark
        /// Scalar: offset of its text in `text`. Alias: the anchored node.
        var textStart: Int32
        /// Scalar: length of its text in bytes. Sequence: items. Mapping: entries (key-value pairs, as written).
        var count: Int32
        /// The index just after this node's subtree.
        var next: Int32
    }

    let nodes = NodeStore()
    /// The scalars' bytes, one after the other.
    let text = ByteStore()
    /// Explicit tags of scalars, by node.
    var tags: [NodeID: String] = [:]
    /// The mappings merged into a mapping (aliases resolved, in order), by mapping.
    var merges: [NodeID: [NodeID]] = [:]
    var root: NodeID?

    // MARK: nodes

    /// The node itself, or for an alias the anchored node it stands for.
    @inline(__always)
    func resolved(_ id: NodeID) -> NodeID {
        let node = nodes[Int(id)]
        return node.kind == .alias ? node.textStart : id
    }

    @inline(__always)
    subscript(_ id: NodeID) -> Node { nodes[Int(id)] }

    func isPlaceholder(_ id: NodeID) -> Bool { nodes[Int(id)].flags.contains(.placeholder) }

    /// The text of a scalar as bytes (valid until the document changes).
    @inline(__always)
    func withBytes<R>(_ id: NodeID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let node = nodes[Int(id)]
        return body(text.bytes(from: Int(node.textStart), count: Int(node.count)))
    }

    /// The text of a scalar as a String.
    func string(_ id: NodeID) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    func tag(_ id: NodeID) -> String? {
        nodes[Int(id)].flags.contains(.tagged) ? tags[id] : nil
    }

    /// A plain scalar that YAML 1.1 resolves to null (`~`, `null`, or nothing at all).
    func isNull(_ id: NodeID) -> Bool {
        let node = nodes[Int(id)]
        guard node.kind == .scalar, node.style == .plain, !node.flags.contains(.tagged) else { return false }
        switch node.count {
        case 0: return true
        case 1: return text.bytes(from: Int(node.textStart), count: 1).first == UInt8(ascii: "~")
        case 4: return withBytes(id) { Self.isNullWord($0) }
        default: return false
        }
    }

    private static func isNullWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (n, u, l1, l2) = (bytes[0], bytes[1], bytes[2], bytes[3])
        return (n == UInt8(ascii: "n") || n == UInt8(ascii: "N"))
            && ((u == UInt8(ascii: "u") && l1 == UInt8(ascii: "l") && l2 == UInt8(ascii: "l"))
                || (n == UInt8(ascii: "N") && u == UInt8(ascii: "U") && l1 == UInt8(ascii: "L") && l2 == UInt8(ascii: "L")))
    }

    /// Whether two scalars have the same text.
    func sameText(_ a: NodeID, _ b: NodeID) -> Bool {
        let x = nodes[Int(a)]
        let y = nodes[Int(b)]
        guard x.count == y.count else { return false }
        let a = text.bytes(from: Int(x.textStart), count: Int(x.count))
        let b = text.bytes(from: Int(y.textStart), count: Int(y.count))
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    // MARK: collections

    /// The items of a sequence (as written: aliases are not resolved).
    func items(_ sequence: NodeID) -> Children {
        Children(nodes: nodes, current: sequence + 1, end: nodes[Int(sequence)].next)
    }

    /// Direct children in order: for a mapping, key and value alternately.
    struct Children: Sequence, IteratorProtocol {
        let nodes: NodeStore
        var current: Int32
        let end: Int32

        mutating func next() -> NodeID? {
            guard current < end else { return nil }
            let id = current
            current = nodes[Int(id)].next
            return id
        }
    }

    /// One entry of a mapping: the key (a scalar, resolved) and the value (as written).
    struct Entry {
        var key: NodeID
        var value: NodeID
    }

    /// The entries of a mapping: its own (without skipped duplicates and `<<`), then those of merged mappings
    /// whose keys it does not have, earlier merges first.
    func entries(of mapping: NodeID) -> [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(Int(nodes[Int(mapping)].count))
        appendOwnEntries(of: mapping, to: &result)
        guard nodes[Int(mapping)].flags.contains(.hasMerges), let sources = merges[mapping] else { return result }
        for source in sources {
            for entry in entries(of: source) where !result.contains(where: { sameText($0.key, entry.key) }) {
                result.append(entry)
            }
        }
        return result
    }

    /// Calls `body` with each own entry of a mapping (merged entries excluded); for mappings without merges
    /// this is every entry, without building an array.
    @inline(__always)
    func forEachOwnEntry(of mapping: NodeID, _ body: (Entry) -> Void) {
        let end = nodes[Int(mapping)].next
        var key = mapping + 1
        while key < end {
            let keyNode = nodes[Int(key)]
            let value = keyNode.next
            if !keyNode.flags.contains(.skippedKey), !keyNode.flags.contains(.mergeKey) {
                body(Entry(key: resolved(key), value: value))
            }
            key = nodes[Int(value)].next
        }
    }

    /// The entries of a mapping whose scalar key repeats an earlier key (yaml.duplicate-key, reported): not part
    /// of the mapping, but a loader may still read them.
    func duplicateEntries(of mapping: NodeID) -> [Entry] {
        var result: [Entry] = []
        let end = nodes[Int(mapping)].next
        var key = mapping + 1
        while key < end {
            let keyNode = nodes[Int(key)]
            let value = keyNode.next
            if keyNode.flags.contains(.skippedKey), nodes[Int(resolved(key))].kind == .scalar {
                result.append(Entry(key: resolved(key), value: value))
            }
            key = nodes[Int(value)].next
        }
        return result
    }

    private func appendOwnEntries(of mapping: NodeID, to result: inout [Entry]) {
        forEachOwnEntry(of: mapping) { result.append($0) }
    }

    // MARK: the public tree

    /// The `YAMLNode` tree of `id`, aliases and merges expanded.
    func tree(_ id: NodeID) -> YAMLNode {
        var cache: [NodeID: YAMLNode] = [:]
        return tree(id, cache: &cache)
    }

    private func tree(_ id: NodeID, cache: inout [NodeID: YAMLNode]) -> YAMLNode {
        let target = resolved(id)
        if target != id, let done = cache[target] { return done }
        let node = nodes[Int(target)]
        let result: YAMLNode
        switch node.kind {
        case .scalar, .alias:
            result = .scalar(scalar(target))
        case .sequence:
            result = .sequence(items(target).map { tree($0, cache: &cache) }, start: node.start, end: node.end)
        case .mapping:
            result = .mapping(entries(of: target).map { YAMLEntry(key: scalar($0.key), value: tree($0.value, cache: &cache)) },
                              start: node.start, end: node.end)
        }
        if target != id { cache[target] = result }
        return result
    }

    func scalar(_ id: NodeID) -> YAMLScalar {
        let node = nodes[Int(id)]
        var scalar = YAMLScalar(text: string(id), style: node.style, tag: tag(id), start: node.start, end: node.end)
        scalar.isAliasPlaceholder = node.flags.contains(.placeholder)
        return scalar
    }
}

/// A growable byte buffer that appends without the generic machinery of `Array` (one `memcpy` per scalar).
final class ByteStore {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { grow(to: minimum) }
    }

    @inline(__always)
    func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        if count + length > capacity { grow(to: max(capacity * 2, count + length)) }
        (base + count).initialize(from: bytes, count: length)
        count += length
    }

    private func grow(to newCapacity: Int) {
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// `count` bytes from `offset` (both within what was appended; valid while the store lives and grows no more).
    @inline(__always)
    func bytes(from offset: Int, count length: Int) -> UnsafeBufferPointer<UInt8> {
        guard offset >= 0, length >= 0, offset + length <= count else { return UnsafeBufferPointer(start: base, count: 0) }
        return UnsafeBufferPointer(start: base + offset, count: length)
    }
}

/// The nodes of a document: a growable buffer of plain structs, appended and read without the uniqueness and
/// capacity checks of a mutable `Array` in a struct (one per event of the parse). Reads out of range give an
/// empty scalar, never a trap (ids come from the parse itself, so that does not happen).
final class NodeStore {
    typealias Node = YAMLDocument.Node

    private var base: UnsafeMutablePointer<Node>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { grow(to: minimum) }
    }

    @inline(__always)
    func append(_ node: Node) {
        if count == capacity { grow(to: capacity * 2) }
        (base + count).initialize(to: node)
        count += 1
    }

    private func grow(to newCapacity: Int) {
        let newBase = UnsafeMutablePointer<Node>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    private static let outOfRange = Node(kind: .scalar, style: .plain, flags: [], start: Mark(line: 1, column: 1),
                                         end: Mark(line: 1, column: 1), textStart: 0, count: 0, next: Int32.max)

    @inline(__always)
    subscript(_ index: Int) -> Node {
        get { index >= 0 && index < count ? base[index] : Self.outOfRange }
        set { if index >= 0 && index < count { base[index] = newValue } }
    }
}
