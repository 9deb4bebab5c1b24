/// A place in a curriculum file: 1-based line and column, columns counted in Unicode scalars
/// (what libyaml reports; a CJK character is one column). `endLine`/`endColumn` mark the end
/// of the value (exclusive); a point has them equal to the start.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The file's path as given to the loader.
    public var file: String
    /// The 1-based line of the start.
    public var line: Int
    /// The 1-based column of the start, in Unicode scalars.
    public var column: Int
    /// The 1-based line of the end.
    public var endLine: Int
    /// The 1-based column just after the end, in Unicode scalars.
    public var endColumn: Int

    /// A location; without an end it covers the one position.
    public init(file: String, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
        self.endColumn = endColumn ?? column
    }

    /// `path:line:column`, the form editors and terminals link.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders locations by file, line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A position inside one file as the YAML reader keeps it (compact: the file is known from context).
public struct Mark: Sendable, Hashable {
    /// The 0-based line, as libyaml counts.
    public var line: Int32
    /// The 0-based column in Unicode scalars, as libyaml counts.
    public var column: Int32

    /// A position as libyaml reports it.
    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }
}
