import Foundation
import Testing
@testable import CurriculumDSL

/// The walk of a curricula directory (`CurriculumFiles.expand`, on `opendir`/`readdir`) finds what FileManager's
/// enumerator found, with the same diagnostics: links, hidden names, directories named like files, other extensions.
@Suite struct DirectoryWalkTests {
    /// A tree with one of each kind of entry; the root is `tree/root`, `tree/outside` is outside it.
    static func hostileTree() throws -> URL {
        let tree = try Fixture.temporaryDirectory()
        let manager = FileManager.default
        for directory in ["root/a", "root/.hidden", "root/dir.yaml/inner", "root/b", "outside"] {
            try manager.createDirectory(at: tree.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for file in ["root/a/one.yaml", "root/.hidden/h.yaml", "root/dir.yaml/inner/deep.yml", "outside/o.yaml",
                     "root/b/.dot.yaml", "root/b/UP.YAML", "root/b/noext", "root/b/x.yaml.bak", "root/b/y.yml"] {
            try Data("sources: []\n".utf8).write(to: tree.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: tree.appendingPathComponent("root/linkdir").path, withDestinationPath: "../outside")
        try manager.createSymbolicLink(atPath: tree.appendingPathComponent("root/linkdir.yaml").path, withDestinationPath: "../outside")
        try manager.createSymbolicLink(atPath: tree.appendingPathComponent("root/b/link.yaml").path, withDestinationPath: "../../outside/o.yaml")
        try manager.createSymbolicLink(atPath: tree.appendingPathComponent("root/b/dangling.yaml").path, withDestinationPath: "nowhere")
        try manager.createSymbolicLink(atPath: tree.appendingPathComponent("rootlink").path, withDestinationPath: "root")
        return tree
    }

    static func expand(_ path: String, maxFiles: Int = 100_000) -> (files: [String], diagnostics: [String]) {
        var diagnostics: [Diagnostic] = []
        let files = CurriculumFiles.expand(path, limits: LoadLimits(maxFiles: maxFiles), diagnostics: &diagnostics)
        return (files, diagnostics.map { "\($0.rule.rawValue) \($0.location?.file ?? "")" })
    }

    /// What the loader did before the walk, with FileManager's enumerator: the oracle.
    static func enumeratorExpand(_ path: String) -> (files: [String], diagnostics: [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return ([], ["load.not-found \(path)"]) }
        guard isDirectory.boolValue, let enumerator = FileManager.default.enumerator(atPath: path) else { return ([path], []) }
        var found: [String] = []
        var diagnostics: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard CurriculumFiles.isCurriculumFileName(name) else { continue }
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            var childIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                diagnostics.append("load.not-a-file \(full)")
                continue
            }
            found.append(full)
        }
        if found.isEmpty { diagnostics.append("load.no-curriculum-files \(path)") }
        return (found.sorted(), diagnostics)
    }

    @Test func theWalkFindsWhatFileManagersEnumeratorFound() throws {
        let tree = try Self.hostileTree()
        for path in ["root", "root/", "root/a", "root/a/one.yaml", "rootlink", "missing"].map({ tree.path + "/" + $0 }) {
            let walk = Self.expand(path)
            let oracle = Self.enumeratorExpand(path)
            #expect(walk.files == oracle.files, "\(path)")
            #expect(walk.diagnostics == oracle.diagnostics, "\(path)")
        }
    }

    @Test func linksToFilesAreFollowedLinksToDirectoriesAreNot() throws {
        let root = try Self.hostileTree().path + "/root"
        let (files, diagnostics) = Self.expand(root)
        #expect(files.map { String($0.dropFirst(root.count + 1)) }
            == ["a/one.yaml", "b/dangling.yaml", "b/link.yaml", "b/y.yml", "dir.yaml/inner/deep.yml"])
        // A directory (or a link to one) named like a file is reported; only a real directory is walked into.
        #expect(diagnostics == ["load.not-a-file \(root)/linkdir.yaml", "load.not-a-file \(root)/dir.yaml"]
            || diagnostics == ["load.not-a-file \(root)/dir.yaml", "load.not-a-file \(root)/linkdir.yaml"])
    }

    @Test func aDirectoryGivenAsALinkIsNotWalked() throws {
        let link = try Self.hostileTree().path + "/rootlink"
        #expect(Self.expand(link) == ([], ["load.no-curriculum-files \(link)"]))
    }

    @Test func theWalkStopsPastTheFileLimit() throws {
        let root = try Self.hostileTree().path + "/root"
        let (files, diagnostics) = Self.expand(root, maxFiles: 2)
        #expect(files.count == 2)
        #expect(diagnostics.last == "load.too-many-files \(root)")
    }

    @Test func filesAreReadWhole() throws {
        let file = try Fixture.temporaryDirectory().appendingPathComponent("big.yaml")
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        try Data(bytes).write(to: file)
        #expect(try CurriculumFiles.read(file.path, limits: LoadLimits()).get() == bytes)
        let empty = file.deletingLastPathComponent().appendingPathComponent("empty.yaml")
        try Data().write(to: empty)
        #expect(try CurriculumFiles.read(empty.path, limits: LoadLimits()).get() == [])
    }
}
