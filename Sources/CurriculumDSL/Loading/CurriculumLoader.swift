import Foundation

/// The result of loading a curriculum: the graph (always built from every valid declaration) and every
/// diagnostic, sorted by place.
public struct LoadResult: Sendable {
    public let graph: CurriculumGraph
    public let diagnostics: [Diagnostic]
    /// The files that were read, in load order.
    public let files: [String]

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
    public let limits: LoadLimits

    public init(limits: LoadLimits = LoadLimits()) {
        self.limits = limits
    }

    /// Loads files and directories (every `.yaml` / `.yml` below a directory, sorted by path).
    public func load(paths: [String]) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        var files: [(path: String, bytes: [UInt8])] = []
        for path in paths {
            for file in CurriculumFiles.expand(path, limits: limits, diagnostics: &diagnostics) {
                switch CurriculumFiles.read(file, limits: limits) {
                case .success(let bytes): files.append((file, bytes))
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
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

    private func load(files: [(path: String, bytes: [UInt8])], extraDiagnostics: [Diagnostic]) -> LoadResult {
        var diagnostics = extraDiagnostics
        var declarations: [FileDeclarations] = []
        declarations.reserveCapacity(files.count)
        let reader = YAMLReader(limits: limits)
        for file in files {
            let (root, yamlDiagnostics) = reader.read(file.bytes, file: file.path)
            diagnostics += yamlDiagnostics
            guard let root else { continue }
            var decoder = NodeDecoder(file: file.path)
            declarations.append(decoder.declarations(root))
            diagnostics += decoder.diagnostics
        }
        var compiler = CurriculumCompiler()
        let graph = compiler.compile(declarations)
        diagnostics += compiler.diagnostics
        return LoadResult(graph: graph, diagnostics: diagnostics.sorted(), files: files.map(\.path))
    }
}

/// Finding and reading curriculum files on disk.
enum CurriculumFiles {
    static let extensions = ["yaml", "yml"]

    /// The curriculum files a path stands for: itself if a file, the sorted `.yaml`/`.yml` files below it if a directory.
    static func expand(_ path: String, limits: LoadLimits, diagnostics: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.append(DiagnosticMessages.notFound(path))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            diagnostics.append(DiagnosticMessages.unreadable(path, reason: "cannot list directory"))
            return []
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard let dot = name.lastIndex(of: "."), extensions.contains(String(name[name.index(after: dot)...])) else { continue }
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            var childIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                diagnostics.append(DiagnosticMessages.notAFile(full))
                continue
            }
            found.append(full)
            if found.count > limits.maxFiles {
                diagnostics.append(DiagnosticMessages.tooManyFiles(directory: path, limit: limits.maxFiles))
                found.removeLast()
                break
            }
        }
        if found.isEmpty { diagnostics.append(DiagnosticMessages.noCurriculumFiles(directory: path)) }
        return found.sorted()
    }

    /// The bytes of a regular file within the size limit, or the diagnostic that says why not.
    static func read(_ path: String, limits: LoadLimits) -> Result<[UInt8], Diagnostic> {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            return .failure(DiagnosticMessages.unreadable(path, reason: "\(error.localizedDescription)"))
        }
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            return .failure(DiagnosticMessages.notAFile(path))
        }
        if let size = attributes[.size] as? Int, size > limits.maxFileBytes {
            return .failure(DiagnosticMessages.fileTooLarge(file: path, size: size, limit: limits.maxFileBytes))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(DiagnosticMessages.unreadable(path, reason: "permission denied or I/O error"))
        }
        return .success([UInt8](data))
    }
}

extension Diagnostic: Error {}
