import Foundation

/// The result of loading a curriculum: the graph (always built from every valid declaration) and every
/// diagnostic, sorted by place.
public struct LoadResult: Sendable {
    /// The compiled graph; with errors, it holds what could be compiled.
    public let graph: CurriculumGraph
    /// Every problem found, sorted by file and position.
    public let diagnostics: [Diagnostic]
    /// The files that were read, in load order.
    public let files: [String]

    /// Whether any diagnostic is an error (the graph is then incomplete).
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Loads curriculum files and directory trees into one `CurriculumGraph`.
///
/// ```swift
/// let result = CurriculumLoader().load(paths: ["curricula"])
/// for diagnostic in result.diagnostics { print(diagnostic.location!, diagnostic.message.en) }
/// let law = result.graph.majors(code: "030101K")
/// ```
public struct CurriculumLoader: Sendable {
    /// Bounds on file size, nesting, aliases and the number of files.
    public let limits: LoadLimits
    /// How many threads read and decode files at once, and check plans at once; linking the files into the graph
    /// is one thread. nil (the default): one per core, when there is enough input to be worth it. 1: everything on
    /// the calling thread. The result is the same either way, diagnostics included, in the same order.
    public var threads: Int?

    /// A loader with `limits`; `threads` nil picks from the number of cores and files.
    public init(limits: LoadLimits = LoadLimits(), threads: Int? = nil) {
        self.limits = limits
        self.threads = threads
    }

    /// Loads files and directories (every `.yaml` / `.yml` below a directory, sorted by path).
    public func load(paths: [String]) -> LoadResult {
        let (files, diagnostics) = CurriculumFiles.gather(paths, limits: limits)
        return load(files: files, extraDiagnostics: diagnostics)
    }

    /// Loads in-memory files (editors, tests). `path` is used in diagnostics.
    public func load(files: [(path: String, bytes: [UInt8])]) -> LoadResult {
        load(files: files, extraDiagnostics: [])
    }

    /// Loads one in-memory YAML text.
    public func load(text: String, path: String = "<input>") -> LoadResult {
        load(files: [(path, Array(text.utf8))])
    }

    /// Loads `files`; `extraDiagnostics` are the problems met finding and reading them (kept first).
    func load(files: [(path: String, bytes: [UInt8])], extraDiagnostics: [Diagnostic]) -> LoadResult {
        var diagnostics = extraDiagnostics
        var declarations: [FileDeclarations] = []
        declarations.reserveCapacity(files.count)
        let limits = self.limits
        // Files are independent until they are compiled: read and decode them on several threads, then take the
        // results in file order, so that nothing depends on which thread finished first.
        let decoded = Parallel.map(count: files.count, threads: threadCount(for: files)) { index in
            Self.decode(files[index], limits: limits)
        }
        // The first error that kept a file (or all of it) from being read: what that file declares is missing, so
        // references to it would all be unknown. They are not reported while it is so; this error says how many.
        var unread: Int? = extraDiagnostics.firstIndex { $0.rule == "load.unreadable" || $0.rule == "yaml.file-too-large" }
        for file in decoded {
            if file.declarations == nil, unread == nil, let error = file.diagnostics.firstIndex(where: { $0.severity == .error }) {
                unread = diagnostics.count + error
            }
            diagnostics += file.diagnostics
            if let fileDeclarations = file.declarations { declarations.append(fileDeclarations) }
        }
        var compiler = CurriculumCompiler()
        compiler.threads = threadCount(for: files)
        compiler.inputIncomplete = unread != nil
        let graph = compiler.compile(declarations)
        diagnostics += compiler.diagnostics
        if let unread, compiler.uncheckedReferences > 0, diagnostics.indices.contains(unread) {
            let count = compiler.uncheckedReferences
            diagnostics[unread].notes.append(.init(
                .init(zh: "在此文件能读取之前，其他文件中有 \(count) 处引用（课程、院校、来源、计划、省份）未作检查",
                      en: "until this file can be read, \(count) reference\(count == 1 ? "" : "s") to courses, institutions, sources, plans or provinces in other files \(count == 1 ? "is" : "are") not checked"),
                at: nil))
        }
        return LoadResult(graph: graph, diagnostics: diagnostics.sorted(), files: files.map(\.path))
    }
}

extension CurriculumLoader {
    /// One file read and decoded: its declarations (nil when it could not be read) and its diagnostics.
    struct DecodedFile: Sendable {
        var declarations: FileDeclarations?
        var diagnostics: [Diagnostic]
    }

    static func decode(_ file: (path: String, bytes: [UInt8]), limits: LoadLimits) -> DecodedFile {
        let (document, yamlDiagnostics) = YAMLReader(limits: limits).readDocument(file.bytes, file: file.path)
        guard let document, let root = document.root else { return DecodedFile(declarations: nil, diagnostics: yamlDiagnostics) }
        var decoder = NodeDecoder(file: file.path, document: document)
        let declarations = decoder.declarations(root)
        return DecodedFile(declarations: declarations, diagnostics: yamlDiagnostics + decoder.diagnostics)
    }

    /// Threads `load(files:)` uses to decode `files`: as asked, or one per core (at most 8) when there are
    /// several files and enough bytes that starting threads pays (about 64 KiB per thread).
    public func threadCount(for files: [(path: String, bytes: [UInt8])]) -> Int {
        if let threads { return max(1, min(threads, files.count)) }
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return max(1, min(cores, 8, files.count, bytes / 65_536))
    }
}

extension CurriculumLoader {
    /// The bytes of one curriculum file as the loader reads it (a regular file or a link to one, within the size
    /// limit), or the diagnostic that says why not: for snippets, so that nothing else is ever read whole.
    public static func readFile(_ path: String, limits: LoadLimits = LoadLimits()) -> Result<[UInt8], Diagnostic> {
        CurriculumFiles.read(path, limits: limits)
    }
}

extension Diagnostic: Error {}
