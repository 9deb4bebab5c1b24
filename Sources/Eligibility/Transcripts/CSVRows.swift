/// Rows of CSV fields with all their bytes in one array, fields as offsets into it: what `CSVParser` appends to and
/// what `batch`'s worker threads decode, without a `[UInt8]` per field. Each field is followed by a line feed in
/// `bytes`, so that two neighbouring fields never join into one multi-byte character: the bytes of a row are valid
/// UTF-8 exactly when each of its fields is.
struct CSVRows: Sendable {
    /// One row: its 1-based line and its fields (indices into `fieldEnds`).
    struct Row: Sendable {
        var line: Int
        var firstField: Int
        var fieldCount: Int
    }

    /// The fields' bytes, each followed by a line feed.
    private(set) var bytes: [UInt8] = []
    /// Where each field ends in `bytes`; the next field starts one byte later (the first at 0).
    private(set) var fieldEnds: [Int] = []
    /// The rows, in input order.
    private(set) var rows: [Row] = []

    var count: Int { rows.count }

    init() {}

    /// Empty, with room for a little more than `other` holds (the next chunk of a stream is about as large as the last).
    init(reservingLike other: CSVRows) {
        bytes.reserveCapacity(other.bytes.count + other.bytes.count / 8)
        fieldEnds.reserveCapacity(other.fieldEnds.count + other.fieldEnds.count / 8)
        rows.reserveCapacity(other.rows.count + other.rows.count / 8)
    }

    /// The start of field `index` (of all fields) in `bytes`.
    func fieldStart(_ index: Int) -> Int { index == 0 ? 0 : fieldEnds[index - 1] + 1 }

    // MARK: Building (the parser)

    /// Where a row being appended starts, to end it or take it back.
    struct Mark {
        fileprivate var bytes: Int
        fileprivate var fields: Int
    }

    var mark: Mark { Mark(bytes: bytes.count, fields: fieldEnds.count) }

    /// The bytes appended since `mark` (the current row's, separators included).
    func byteCount(since mark: Mark) -> Int { bytes.count - mark.bytes }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: run) }

    /// Ends the current field.
    mutating func endField() {
        fieldEnds.append(bytes.count)
        bytes.append(0x0A)
    }

    /// The fields ended since `mark`.
    func fieldCount(since mark: Mark) -> Int { fieldEnds.count - mark.fields }

    /// Whether every field ended since `mark` is empty (a blank line, or `,,,,` as Excel leaves below the data).
    func isBlank(since mark: Mark) -> Bool { bytes.count - mark.bytes == fieldEnds.count - mark.fields }

    /// The bytes of the field being appended so far (since its start).
    func currentFieldLength(since mark: Mark) -> Int {
        bytes.count - (fieldEnds.count > mark.fields ? fieldEnds[fieldEnds.count - 1] + 1 : mark.bytes)
    }

    /// Ends the row begun at `mark`; its fields are those ended since.
    mutating func endRow(line: Int, since mark: Mark) {
        rows.append(Row(line: line, firstField: mark.fields, fieldCount: fieldEnds.count - mark.fields))
    }

    /// Takes back everything appended since `mark` (a blank line, a row lost to an unterminated quote).
    mutating func discard(since mark: Mark) {
        bytes.removeSubrange(mark.bytes...)
        fieldEnds.removeSubrange(mark.fields...)
    }

    /// A copy of row `index` appended at the end (the first row of the next chunk); returns its new index.
    mutating func appendCopy(of index: Int, from other: CSVRows) -> Int {
        let row = other.rows[index]
        let start = mark
        for field in row.firstField..<row.firstField + row.fieldCount {
            let from = other.fieldStart(field)
            let to = other.fieldEnds[field]
            bytes.append(contentsOf: other.bytes[from..<to])
            endField()
        }
        endRow(line: row.line, since: start)
        return rows.count - 1
    }

    // MARK: Reading (the decoders)

    /// Calls `body` with a view of the rows that reads them without copying or reference counting.
    func withView<Result>(_ body: (View) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { bytes in
            try fieldEnds.withUnsafeBufferPointer { ends in
                try rows.withUnsafeBufferPointer { rows in
                    try body(View(bytes: bytes, ends: ends, rows: rows))
                }
            }
        }
    }

    /// The rows' storage for the duration of `withView`.
    struct View {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        fileprivate let ends: UnsafeBufferPointer<Int>
        fileprivate let rows: UnsafeBufferPointer<Row>

        func row(_ index: Int) -> RawRow {
            let row = rows[index]
            return RawRow(line: row.line, first: row.firstField, count: row.fieldCount, bytes: bytes, ends: ends)
        }
    }
}

/// One row of fields as bytes, valid during `CSVRows.withView` (or over a parser's single row).
struct RawRow {
    /// The 1-based line on which the row starts.
    let line: Int
    private let first: Int
    /// The number of fields.
    let count: Int
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ends: UnsafeBufferPointer<Int>

    fileprivate init(line: Int, first: Int, count: Int, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        self.line = line
        self.first = first
        self.count = count
        self.bytes = bytes
        self.ends = ends
    }

    /// The bytes of field `index` (0-based, below `count`).
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = first + index
        let start = field == 0 ? 0 : ends[field - 1] + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[field]])
    }

    /// All the row's bytes: its fields, each followed by a line feed.
    var allBytes: UnsafeBufferPointer<UInt8> {
        guard count > 0 else { return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
        let start = first == 0 ? 0 : ends[first - 1] + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[first + count - 1]])
    }

    /// Whether field `index` has a byte outside ASCII.
    func hasNonASCII(_ index: Int) -> Bool { self[index].contains { $0 >= 0x80 } }
}
