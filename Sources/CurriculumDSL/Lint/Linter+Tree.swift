import Foundation

/// Linting some files of a curricula tree in the context of the whole tree (an editor's save, a pre-commit hook on
/// the changed files): the tree is loaded so that references to other files resolve, and only the named files'
/// findings are reported.
extension Linter {
    /// The curricula root above `path`: the nearest directory (the path itself, if a directory, or an ancestor)
    /// holding `catalog/` or `.curriculum-lint.yml`. Nil when there is none.
    public static func curriculaRoot(above path: String) -> String? {
        var directory = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            directory.deleteLastPathComponent()
        }
        while true {
            var catalogIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("catalog").path, isDirectory: &catalogIsDirectory),
               catalogIsDirectory.boolValue {
                return directory.path
            }
            if LintConfiguration.fileNames.contains(where: { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }) {
                return directory.path
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path || directory.path == "/" { return nil }
            directory = parent
        }
    }

    /// Lints `paths` (files) and `extra` in-memory files (standard input, named by `path`) within the tree at `root`:
    /// every file of the tree is loaded, the named ones in place of their copies on disk, and the findings of the
    /// named files alone are kept.
    public func lint(paths: [String], extra: [(path: String, bytes: [UInt8])] = [], within root: String) -> LintResult {
        let (named, namedDiagnostics) = CurriculumFiles.gather(paths, limits: limits)
        let (tree, _) = CurriculumFiles.gather([root], limits: limits)
        let chosen = named + extra
        let keys = Set(chosen.map { Self.canonical($0.path) })
        let files = tree.filter { !keys.contains(Self.canonical($0.path)) } + chosen
        let whole = lint(files: files, extraDiagnostics: namedDiagnostics)
        let reported = Set(chosen.map(\.path) + paths)
        func mine(_ diagnostic: Diagnostic) -> Bool { diagnostic.location.map { reported.contains($0.file) } ?? true }
        return LintResult(diagnostics: whole.diagnostics.filter(mine), suppressed: whole.suppressed.filter(mine),
                          files: whole.files, sources: whole.sources, failOn: whole.failOn)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
