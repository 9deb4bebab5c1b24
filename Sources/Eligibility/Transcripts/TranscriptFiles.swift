import CurriculumDSL
import Foundation

/// Reads a transcript file of any supported kind: CSV/TSV by extension, otherwise YAML or JSON.
public enum TranscriptFiles {
    /// What a transcript file holds.
    public struct Contents: Sendable {
        /// The transcripts read (one per candidate).
        public var transcripts: [Transcript]
        /// Every issue, in file order.
        public var issues: [TranscriptIssue]
        /// The encoding of a CSV file; nil for YAML and JSON, and when the file could not be read.
        public var encoding: TextDecoding.Encoding?
    }

    /// Whether `path` is read as CSV: its extension is `.csv`, `.tsv` or `.txt`.
    public static func isCSV(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt")
    }

    /// Reads the whole file (for `check`, `explain`, `whatif`; `batch` streams CSV instead).
    public static func read(path: String) -> Contents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return Contents(transcripts: [], issues: [fileIssue(path, .init(zh: "找不到文件", en: "file not found"))], encoding: nil)
        }
        guard !isDirectory.boolValue else {
            return Contents(transcripts: [], issues: [fileIssue(path, .init(zh: "这是目录，不是成绩文件", en: "this is a directory, not a transcript file"))], encoding: nil)
        }
        switch readBounded(path: path, limit: maximumBytes) {
        case .bytes(let bytes):
            return read(bytes: bytes, path: path)
        case .tooLarge:
            return Contents(transcripts: [], issues: [fileIssue(path, .init(
                zh: "文件超过 \(maximumBytes >> 20) MiB，未读取（整个导出请用 curriculum batch）",
                en: "the file is larger than \(maximumBytes >> 20) MiB and was not read (use curriculum batch for a whole export)"))], encoding: nil)
        case .unreadable:
            return Contents(transcripts: [], issues: [fileIssue(path, .init(zh: "无法读取文件", en: "cannot read the file"))], encoding: nil)
        }
    }

    /// The most `read(path:)` reads of one file (a candidate's transcript is a few kilobytes).
    public static let maximumBytes = 64 << 20

    enum BoundedRead {
        case bytes([UInt8])
        case tooLarge
        case unreadable
    }

    /// The file's bytes, read as a stream (a FIFO or `<(…)` works), but never more than `limit`: a device that never
    /// ends (`/dev/zero`) or a huge file is refused after `limit` bytes.
    static func readBounded(path: String, limit: Int) -> BoundedRead {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .unreadable }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                return .unreadable
            }
            guard let chunk, !chunk.isEmpty else { return .bytes(bytes) }
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { return .tooLarge }
        }
    }

    /// How standard input is named in messages (`<stdin>:3:5: error: …`).
    public static let standardInputName = "<stdin>"

    /// Reads the transcript from standard input (`-` on the command line): CSV, YAML or JSON, told apart by content.
    public static func readStandardInput() -> Contents {
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        return read(bytes: bytes, path: standardInputName, csv: !looksStructured(bytes))
    }

    /// Whether text without a file name is YAML or JSON rather than CSV: it opens with `{`, `[`, `---`, a comment, or
    /// a `key:` line (CSV headers have no colon before their first comma or tab).
    public static func looksStructured(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        while let first = body.first, first == 0x20 || first == 0x0A || first == 0x0D || first == 0x09 { body = body.dropFirst() }
        guard let first = body.first else { return false }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "#") || body.starts(with: Array("---".utf8)) { return true }
        let line = body.prefix { $0 != 0x0A }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return !line[..<colon].contains { $0 == UInt8(ascii: ",") || $0 == 0x09 }
    }

    /// Reads bytes already in memory as the file at `path` (CSV by `path`'s extension, otherwise YAML or JSON).
    public static func read(bytes: [UInt8], path: String) -> Contents {
        read(bytes: bytes, path: path, csv: isCSV(path))
    }

    static func read(bytes: [UInt8], path: String, csv: Bool) -> Contents {
        if csv {
            do {
                var reader = try CSVTranscriptReader(bytes: bytes, file: path)
                var transcripts: [Transcript] = []
                var issues = reader.drainIssues()
                while let transcript = reader.next() {
                    transcripts.append(transcript)
                    issues += reader.drainIssues()
                }
                issues += reader.drainIssues()
                if transcripts.isEmpty, !issues.contains(where: { $0.severity == .error }) {
                    issues.append(.noResultRows(file: path))
                }
                return Contents(transcripts: transcripts, issues: issues, encoding: reader.encoding)
            } catch {
                switch error {
                case .problem(let issue): return Contents(transcripts: [], issues: [issue], encoding: nil)
                case .unreadable(let file): return Contents(transcripts: [], issues: [fileIssue(file, .init(zh: "无法读取文件", en: "cannot read the file"))], encoding: nil)
                }
            }
        }
        switch TextDecoding.decode(bytes) {
        case .success(let (text, encoding)):
            let result = StructuredTranscriptReader.read(bytes: Array(text.utf8), file: path)
            return Contents(transcripts: result.transcripts, issues: result.issues, encoding: encoding)
        case .failure(.utf16):
            return Contents(transcripts: [], issues: [fileIssue(path, .init(zh: "文件是 UTF-16 编码；请另存为 UTF-8", en: "the file is UTF-16; save it as UTF-8"))], encoding: nil)
        case .failure(.undecodable(let line, let column, let byte)):
            return Contents(transcripts: [], issues: [TranscriptIssue(file: path, row: line, column: column, severity: .error, message: .init(
                zh: "字节 0x\(String(byte, radix: 16, uppercase: true)) 既不是 UTF-8 也不是 GB18030；请另存为 UTF-8",
                en: "byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor GB18030; save the file as UTF-8"))], encoding: nil)
        }
    }

    static func fileIssue(_ path: String, _ message: LocalizedText) -> TranscriptIssue {
        TranscriptIssue(file: path, row: 1, severity: .error, message: message)
    }
}
