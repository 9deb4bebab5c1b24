#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding and reading curriculum files on disk, with the C library's directory and file calls: `opendir`/`readdir`
/// with the entry types the directory gives, a `stat` only for names that look like curriculum files, and one
/// `read` into the byte array per file. (FileManager's enumerator took most of the time of gathering the bundled
/// curricula, about a thirtieth of a whole `curriculum check`.) What is found, and every diagnostic, is what the
/// enumerator gave: see `walk`.
enum CurriculumFiles {
    /// The bytes of every curriculum file the paths stand for, and the problems met on the way.
    static func gather(_ paths: [String], limits: LoadLimits) -> (files: [(path: String, bytes: [UInt8])], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var files: [(path: String, bytes: [UInt8])] = []
        for path in paths {
            for file in expand(path, limits: limits, diagnostics: &diagnostics) {
                switch read(file, limits: limits) {
                case .success(let bytes): files.append((file, bytes))
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        return (files, diagnostics)
    }

    static let extensions = ["yaml", "yml"]

    /// The curriculum files a path stands for: itself if a file, the sorted `.yaml`/`.yml` files below it if a directory.
    static func expand(_ path: String, limits: LoadLimits, diagnostics: inout [Diagnostic]) -> [String] {
        var info = stat()
        // A link is followed here (a dangling link or a loop of links does not exist).
        guard stat(path, &info) == 0 else {
            diagnostics.append(DiagnosticMessages.notFound(path))
            return []
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return [path] }
        var walk = Walk(limit: limits.maxFiles)
        // The directory itself given as a symbolic link is not walked (nothing is found), as with FileManager.
        if !isSymbolicLink(path) {
            walk.visit(directory: path, prefix: path.hasSuffix("/") ? path : path + "/", rootDevice: nil)
        }
        diagnostics += walk.diagnostics
        if walk.stopped { diagnostics.append(DiagnosticMessages.tooManyFiles(directory: path, limit: limits.maxFiles)) }
        if walk.found.isEmpty { diagnostics.append(DiagnosticMessages.noCurriculumFiles(directory: path)) }
        return walk.found.sorted()
    }

    /// Whether `path` (trailing slashes aside) is a symbolic link.
    private static func isSymbolicLink(_ path: String) -> Bool {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        var info = stat()
        return lstat(String(trimmed), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Whether a file name ends in `.yaml` or `.yml`.
    static func isCurriculumFileName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(String(name[name.index(after: dot)...]))
    }
}

extension CurriculumFiles {
    /// A depth-first walk of a directory tree in the order the system lists each directory, as FileManager's
    /// enumerator (fts with `FTS_PHYSICAL | FTS_XDEV`) walks it: names starting with `.` are skipped with what is
    /// below them; a symbolic link is never walked into, nor a directory on another file system; a directory that
    /// cannot be listed is passed over. A `.yaml`/`.yml` name is a curriculum file unless it is (or links to) a
    /// directory, which is reported (and, if a real directory, walked into).
    struct Walk {
        let limit: Int
        private(set) var found: [String] = []
        private(set) var diagnostics: [Diagnostic] = []
        /// More than `limit` files were found; the walk stopped there.
        private(set) var stopped = false

        init(limit: Int) { self.limit = limit }

        /// Walks `directory`, whose entries' paths are `prefix` + name.
        mutating func visit(directory: String, prefix: String, rootDevice: dev_t?) {
            guard let stream = opendir(directory) else { return }
            var info = stat()
            let device: dev_t? = fstat(dirfd(stream), &info) == 0 ? info.st_dev : nil
            if let rootDevice, device != rootDevice {
                closedir(stream)
                return
            }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                entries.append((name, entry.pointee.d_type))
            }
            closedir(stream)
            for (name, type) in entries where !name.hasPrefix(".") {
                let path = prefix + name
                if CurriculumFiles.isCurriculumFileName(name) {
                    var target = stat()
                    if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFDIR {
                        diagnostics.append(DiagnosticMessages.notAFile(path))
                    } else {
                        found.append(path)
                        if found.count > limit {
                            found.removeLast()
                            stopped = true
                            return
                        }
                    }
                }
                if Self.isDirectory(path, type: type) {
                    visit(directory: path, prefix: path + "/", rootDevice: rootDevice ?? device)
                    if stopped { return }
                }
            }
        }

        /// Whether an entry is a directory itself (not a link to one): from the type the directory listing gave,
        /// else from `lstat`.
        private static func isDirectory(_ path: String, type: UInt8) -> Bool {
            if Int(type) == Int(DT_DIR) { return true }
            guard Int(type) == Int(DT_UNKNOWN) else { return false }
            var info = stat()
            return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
    }
}

extension CurriculumFiles {
    /// The bytes of a regular file within the size limit, or the diagnostic that says why not. A symbolic link is
    /// followed (a loop of links is reported, not followed forever); a file over the limit is never read.
    static func read(_ path: String, limits: LoadLimits) -> Result<[UInt8], Diagnostic> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ELOOP ? "too many levels of symbolic links (a link loop)" : String(cString: strerror(errno))
            return .failure(DiagnosticMessages.unreadable(path, reason: reason))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(DiagnosticMessages.notAFile(path)) }
        if Int(info.st_size) > limits.maxFileBytes {
            return .failure(DiagnosticMessages.fileTooLarge(file: path, size: Int(info.st_size), limit: limits.maxFileBytes))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(DiagnosticMessages.unreadable(path, reason: "permission denied"))
        }
        defer { close(descriptor) }
        // At most one byte past the limit, even if the file grew since `stat`.
        guard let bytes = readAll(descriptor, expected: Int(info.st_size), limit: limits.maxFileBytes + 1) else {
            return .failure(DiagnosticMessages.unreadable(path, reason: "I/O error"))
        }
        if bytes.count > limits.maxFileBytes {
            return .failure(DiagnosticMessages.fileTooLarge(file: path, size: bytes.count, limit: limits.maxFileBytes))
        }
        return .success(bytes)
    }

    /// Everything up to the end of the file or `limit` bytes, whichever comes first; nil on a read error. The array
    /// is sized for `expected` bytes (the size `stat` gave) and grows only if the file did.
    private static func readAll(_ descriptor: Int32, expected: Int, limit: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: min(max(expected, 0) + 1, limit))
        var count = 0
        while count < limit {
            if count == bytes.count { bytes += repeatElement(0, count: min(max(bytes.count, 4096), limit - count)) }
            let result = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemRead(descriptor, base + count, buffer.count - count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if result == 0 { break }
            count += result
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}

/// `read(2)` (named apart from `CurriculumFiles.read`).
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
