import Foundation

extension Language {
    /// Chinese, the users' language, unless the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) is English
    /// (`en`, `en_US.UTF-8` …). `C`, `C.UTF-8` and `POSIX` — what containers and CI set — and no locale give Chinese.
    public static func preferred(in environment: [String: String]) -> Language {
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale == "en" || locale.hasPrefix("en_") || locale.hasPrefix("en.") || locale.hasPrefix("en@") ? .en : .zh
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
