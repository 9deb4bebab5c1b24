import Foundation

/// Paths as tools that consume the linter's output expect them.
enum PathURI {
    /// `path` relative to `workingDirectory` (`/`-separated, no `./`), or nil when it lies outside.
    static func relative(_ path: String, to workingDirectory: String) -> String? {
        let absolute = URL(fileURLWithPath: path.hasPrefix("/") ? path : workingDirectory + "/" + path).standardizedFileURL.path
        let root = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
    }

    /// The absolute, standardized form of `path`.
    static func absolute(_ path: String, workingDirectory: String) -> String {
        URL(fileURLWithPath: path.hasPrefix("/") ? path : workingDirectory + "/" + path).standardizedFileURL.path
    }

    /// The path as it should be shown: relative when below the working directory, else as given.
    static func display(_ path: String, workingDirectory: String) -> String {
        relative(path, to: workingDirectory) ?? path
    }

    /// RFC 3986 percent-encoding of a path (segments kept apart by `/`); non-ASCII is encoded as UTF-8.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
