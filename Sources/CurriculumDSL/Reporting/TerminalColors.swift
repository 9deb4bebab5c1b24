import Foundation

extension Language {
    /// Chinese when the locale says so (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), otherwise English.
    public static func preferred(in environment: [String: String]) -> Language {
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("zh") ? .zh : .en
    }
}

/// Whether to color text output on a terminal.
public enum TerminalColors {
    /// Colors only on a terminal, and never with `NO_COLOR` set or `TERM=dumb`.
    public static func wanted(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        guard isatty(fileDescriptor) == 1 else { return false }
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        return environment["TERM"] != "dumb"
    }
}
