@_exported import CurriculumDSL
import Foundation

/// The curricula shipped with the package (`curricula/` at its root: every Jiangsu 2024 major with its plans, the
/// Shanxi catalog and plan), for programs that embed the libraries:
///
/// ```swift
/// import CurriculumData
///
/// let graph = try CurriculumData.load()            // or CurriculumLoader().load(paths: [CurriculumData.bundledDirectory])
/// let law = graph.majors(code: "030101K")
/// ```
///
/// The directory is the package's own checkout (where SwiftPM keeps a dependency's sources), found from this file's
/// path at build time — the same place `curriculum` reads when no other curricula are given.
public enum CurriculumData {
    /// The absolute path of the bundled `curricula/` directory.
    public static let bundledDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("curricula").path

    /// Why the bundled curricula could not be used.
    public enum LoadError: Error, Sendable {
        /// The directory is not there (the package's sources were moved or deleted after the build).
        case missing(String)
        /// The curricula have errors (every diagnostic is in the result).
        case invalid(LoadResult)
    }

    /// Loads the bundled curricula; errors in them (there are none in a released package) are thrown, not ignored.
    public static func load() throws(LoadError) -> CurriculumGraph {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: bundledDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missing(bundledDirectory)
        }
        let result = CurriculumLoader().load(paths: [bundledDirectory])
        guard !result.hasErrors else { throw .invalid(result) }
        return result.graph
    }
}
