/// Resource limits for reading curriculum input. Each limit that is hit is reported as a diagnostic,
/// never as a crash. Programs that embed the library may raise them.
public struct LoadLimits: Sendable, Hashable {
    /// Largest file read, in bytes.
    public var maxFileBytes: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int
    /// Nodes that aliases may add to one file (the "billion laughs" guard).
    public var maxAliasNodes: Int
    /// Scalar bytes that aliases may add to one file: a file that repeats a large scalar through aliases is
    /// refused, however few nodes it adds.
    public var maxAliasBytes: Int
    /// Most curriculum files in one tree.
    public var maxFiles: Int

    /// Limits; the defaults suit any real curriculum.
    public init(maxFileBytes: Int = 64 << 20, maxDepth: Int = 64, maxAliasNodes: Int = 100_000,
                maxAliasBytes: Int = 16 << 20, maxFiles: Int = 100_000) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
        self.maxAliasBytes = maxAliasBytes
        self.maxFiles = maxFiles
    }
}
