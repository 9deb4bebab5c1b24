#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
private let systemClose = Glibc.close
#elseif canImport(Musl)
import Musl
private let systemWrite = Musl.write
private let systemClose = Musl.close
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
private let systemClose = Darwin.close
#endif

/// A report or result file the tools write (`--output`), written so that nothing is lost or clobbered:
///
/// - a regular file (or a path that does not exist yet) is written to a temporary file in the same directory and
///   renamed over the path only when everything was written — a failed write (disk full, file-size limit) leaves the
///   old file as it was and no partial file behind;
/// - anything else — a symlink, a FIFO, a character device such as `/dev/null` or a terminal — is opened and written
///   in place, never replaced by a regular file (as root, a rename over `/dev/null` would replace the device node for
///   the whole machine);
/// - a path that is one of the inputs (the same file by device and inode, through any link) is refused.
///
/// Errors are thrown as `OutputFile.Failure` with a message in Chinese and English; callers report it and exit 2.
public final class OutputFile {
    /// Why the file cannot be written.
    public struct Failure: Error, Sendable {
        /// What is wrong, in Chinese and English.
        public let message: LocalizedText
    }

    /// The path written to.
    public let path: String
    private var descriptor: Int32
    /// The temporary file renamed over `path` on `close()`, for a regular file; nil when writing in place.
    private var temporary: String?
    private var buffer: [UInt8] = []
    private var failed: Failure?

    /// Opens `path` for writing. `inputs`: files this run reads, which must not be overwritten.
    public init(path: String, inputs: [String] = []) throws(Failure) {
        self.path = path
        // Over a file-size limit a write then fails with EFBIG (reported, exit 2) instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        var info = stat()
        let exists = lstat(path, &info) == 0
        if exists {
            for input in inputs where Self.sameFile(path, input) {
                throw Failure(message: .init(zh: "拒绝写入 \(path)：它是本次读取的输入文件 \(input)，写入会覆盖它；请指定另一个输出文件",
                                             en: "refusing to write \(path): it is the input file \(input) of this run and would be overwritten; choose another output file"))
            }
        }
        let regular = !exists || (info.st_mode & S_IFMT) == S_IFREG
        if regular {
            // Same directory, so the rename stays on one file system; O_EXCL never follows or reuses another file.
            let directory = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) : "."
            let name = path.split(separator: "/").last.map(String.init) ?? path
            var attempt = 0
            var descriptor: Int32 = -1
            var temporary = ""
            repeat {
                temporary = "\(directory.isEmpty ? "/" : directory)/.\(name).\(getpid()).\(attempt).tmp"
                descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                attempt += 1
            } while descriptor < 0 && errno == EEXIST && attempt < 100
            guard descriptor >= 0 else { throw Self.failure(path, errno) }
            if exists { _ = fchmod(descriptor, info.st_mode & 0o7777) }
            self.descriptor = descriptor
            self.temporary = temporary
        } else {
            // A symlink is followed; a FIFO, device or terminal is written as it is.
            let descriptor = open(path, O_WRONLY | O_CLOEXEC | ((info.st_mode & S_IFMT) == S_IFLNK ? O_TRUNC : 0))
            guard descriptor >= 0 else { throw Self.failure(path, errno) }
            var target = stat()
            if fstat(descriptor, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG {
                for input in inputs where Self.sameFile(path, input) {
                    _ = systemClose(descriptor)
                    throw Failure(message: .init(zh: "拒绝写入 \(path)：它指向本次读取的输入文件 \(input)", en: "refusing to write \(path): it points to the input file \(input) of this run"))
                }
                _ = ftruncate(descriptor, 0)
            }
            self.descriptor = descriptor
            temporary = nil
        }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
        if let temporary { unlink(temporary) }
    }

    /// Whether two paths name the same file (device and inode, links followed).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    static func failure(_ path: String, _ code: Int32) -> Failure {
        let reason = String(cString: strerror(code))
        return Failure(message: .init(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)"))
    }

    /// Appends `text` (buffered).
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends `bytes` (buffered).
    public func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes the buffer; the first error is kept and reported by `close()`.
    public func flush() {
        guard failed == nil, descriptor >= 0 else { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                failed = Self.failure(path, errno)
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the file: for a regular file, renames the complete temporary file over the path. Throws the first
    /// write error instead (and leaves the path as it was).
    public func close() throws(Failure) {
        flush()
        let descriptor = self.descriptor
        self.descriptor = -1
        if let failed {
            _ = systemClose(descriptor)
            if let temporary { unlink(temporary) }
            self.temporary = nil
            throw failed
        }
        if let temporary {
            guard fsync(descriptor) == 0 || errno == EINVAL else {
                let failure = Self.failure(path, errno)
                _ = systemClose(descriptor)
                unlink(temporary)
                self.temporary = nil
                throw failure
            }
            guard systemClose(descriptor) == 0 else {
                let failure = Self.failure(path, errno)
                unlink(temporary)
                self.temporary = nil
                throw failure
            }
            guard rename(temporary, path) == 0 else {
                let failure = Self.failure(path, errno)
                unlink(temporary)
                throw failure
            }
            self.temporary = nil
        } else {
            _ = systemClose(descriptor)
        }
    }

    /// Writes `text` to `path` as one file (see the type's rules).
    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(Failure) {
        let file = try OutputFile(path: path, inputs: inputs)
        file.write(text)
        try file.close()
    }
}
