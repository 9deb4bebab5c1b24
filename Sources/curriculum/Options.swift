import ArgumentParser
import CurriculumData
import Eligibility
import Foundation

/// Where the curricula are: `--curricula`, else $CURRICULUM_CURRICULA, else ./curricula in the working directory, else
/// the bundled curricula. The audit's header names the one used.
struct CurriculaOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Curriculum directory or file (default: $CURRICULUM_CURRICULA, else ./curricula when the working directory has one, else the bundled curricula; the report's header names the one used).",
        valueName: "dir"))
    var curricula: String?

    @Option(help: "Message language: zh or en (default: zh unless the locale is en_*).")
    var lang: Language?

    var language: Language { lang ?? Language.fromEnvironment() }

    /// The curricula shipped with the package.
    static let bundled = CurriculumData.bundledDirectory

    var path: String {
        if let curricula { return curricula }
        if let environment = ProcessInfo.processInfo.environment["CURRICULUM_CURRICULA"], !environment.isEmpty { return environment }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "curricula", isDirectory: &isDirectory), isDirectory.boolValue { return "curricula" }
        return Self.bundled
    }

    /// Which curricula were used, for the report's header: 内置 (bundled) when the path is the package's own, else
    /// the path and where it came from.
    var label: LocalizedText {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        let bundled = URL(fileURLWithPath: Self.bundled).resolvingSymlinksInPath().standardizedFileURL.path
        if resolved == bundled { return .init(zh: "内置", en: "bundled") }
        if curricula != nil { return .init(zh: "\(path)（--curricula）", en: "\(path) (--curricula)") }
        if path != "curricula" { return .init(zh: "\(path)（环境变量 CURRICULUM_CURRICULA）", en: "\(path) ($CURRICULUM_CURRICULA)") }
        return .init(zh: "当前目录下的 curricula（\(resolved)），而非内置课程数据", en: "./curricula in the working directory (\(resolved)), not the bundled ones")
    }

    /// Loads the curricula; errors in them stop the command (exit 2), since audits on a broken plan would be wrong.
    func load() throws -> CurriculumGraph {
        let root = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let limits = LoadLimits()
        let result = CurriculumLoader(limits: limits).load(paths: [root])
        if result.hasErrors {
            // The errors first: a directory whose files cannot be read has no majors either, and the reason is here.
            let errors = result.diagnostics.filter { $0.severity == .error }
            var sources: [String: [UInt8]] = [:]
            for file in Set(errors.compactMap { $0.location?.file }) {
                // Only files the loader would read (never one over the size limit, never a device or FIFO).
                if case .success(let bytes) = CurriculumLoader.readFile(file, limits: limits) { sources[file] = bytes }
            }
            Terminal.error(TextReporter(language: language, sources: sources).render(errors))
            Terminal.error(language == .zh ? "课程数据有错误，无法审核；请先运行 curriculum-lint \(path)\n" : "the curricula have errors; run curriculum-lint \(path) first\n")
            throw ExitCode(2)
        }
        if result.graph.majors.isEmpty {
            Terminal.error(language == .zh ? "\(path) 中没有课程数据（没有专业）\n" : "no curriculum data (no majors) in \(path)\n")
            throw ExitCode(2)
        }
        ProcessLifetime.keep(result.graph)
        return result.graph
    }
}

/// Values kept until the process exits instead of being freed when the command is done with them: every command
/// ends the process, and freeing the curriculum graph (thousands of small objects) took about 2% of a `check`.
enum ProcessLifetime {
    private final class Kept<Value>: Sendable where Value: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Holds one reference to `value` that is never released.
    static func keep<Value: Sendable>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }
}

/// Which major, institution, plan and date an audit is for.
struct TargetOptions: ParsableArguments {
    @Option(help: "Major code, e.g. 120402 or 030101K (a former code such as 630701 also works).")
    var major: String

    @Option(help: "Examining institution (主考院校), e.g. 南京师范大学.")
    var institution: String?

    @Option(help: "Province, when a major code exists in several.")
    var province: String?

    @Option(help: "Plan id (default: of the plans in force on --date, the one with the best verdict; when none is satisfied, the one that leaves the fewest courses to pass; the newest among equals).")
    var plan: String?

    @Option(help: "Application date YYYY-MM-DD (default: today).")
    var date: String?

    func applicationDate() throws -> CivilDate {
        guard let date else { return Clock.today() }
        guard let parsed = CivilDate(date) else {
            throw ValidationError("--date must be YYYY-MM-DD, got \(date)")
        }
        return parsed
    }

    /// The one major meant by --major (with --province / --institution to disambiguate).
    func resolve(in graph: CurriculumGraph, language: Language) throws -> Major {
        if let institution, graph.institutions[institution] == nil {
            throw unknownInstitution(institution, in: graph, language: language)
        }
        var majors = graph.majors(code: major)
        let everywhere = majors
        let province = graph.province(named: self.province)
        if let province { majors = majors.filter { $0.province == province } }
        if majors.isEmpty, let province, !everywhere.isEmpty {
            let places = everywhere.map { "\($0.province) \($0.code) \($0.name)" }.joined(separator: language == .zh ? "；" : "; ")
            throw CLIError(language, zh: "\(province)没有专业 \(major)；该代码属于：\(places)", en: "no major \(major) in \(province); the code belongs to: \(places)")
        }
        let beforeInstitution = majors
        if let institution { majors = majors.filter { $0.institutions.contains { $0.value == institution } } }
        if majors.count > 1, let preferred = preferCurrent(majors, in: graph, language: language) { return preferred }
        if majors.count == 1, let only = majors.first {
            if only.code != major, only.formerCodes.contains(where: { $0.value == major }) {
                Terminal.error(language == .zh ? "提示：\(major) 是旧专业代码，现为 \(only.code) \(only.name)（\(only.province)）\n"
                                               : "note: \(major) is a former code; the major is now \(only.code) \(only.name) (\(only.province))\n")
            }
            return only
        }
        if majors.isEmpty, let institution, !beforeInstitution.isEmpty {
            let examiners = beforeInstitution.map { "\($0.institutions.map(\.value).joined(separator: "、"))（\($0.province)）" }.joined(separator: language == .zh ? "；" : "; ")
            throw CLIError(language, zh: "\(institution) 不主考专业 \(major)；主考院校为：\(examiners)", en: "\(institution) does not examine major \(major); it is examined by: \(examiners)")
        }
        if majors.isEmpty {
            let codes = graph.majors.keys.map(\.code)
            let suggestion = Suggestion.closest(to: major, among: codes)
            let scope = [province, institution].compactMap { $0 }.joined(separator: " ")
            throw CLIError(language,
                zh: "没有专业 \(major)\(scope.isEmpty ? "" : "（\(scope)）")" + (suggestion.map { "；是不是 \($0)？" } ?? "；curriculum majors 列出所有专业"),
                en: "no major \(major)\(scope.isEmpty ? "" : " (\(scope))")" + (suggestion.map { "; did you mean \($0)?" } ?? "; curriculum majors lists every major"))
        }
        let options = majors.map { "\($0.province) \($0.code) \($0.name) (\($0.institutions.map(\.value).joined(separator: ", ")))" }
        throw CLIError(language, zh: "专业代码 \(major) 对应多个专业，请用 --province 或 --institution 指定：\n  " + options.joined(separator: "\n  "),
                       en: "major code \(major) matches several majors; add --province or --institution:\n  " + options.joined(separator: "\n  "))
    }
}

extension TargetOptions {
    /// `--major OLD` where OLD is both a major of its own (the old major, kept while it graduates its candidates) and a
    /// former code of the major that replaced it, in one province: the current major is meant, with a note. With
    /// `--plan` naming a plan of the old major, the old major. Nil when the matches are not such a pair.
    func preferCurrent(_ majors: [Major], in graph: CurriculumGraph, language: Language) -> Major? {
        guard Set(majors.map(\.province)).count == 1 else { return nil }
        let old = majors.filter { $0.code == major }
        let current = majors.filter { $0.code != major && $0.formerCodes.contains { $0.value == major } }
        guard old.count == 1, current.count == 1, let oldMajor = old.first, let new = current.first, old.count + current.count == majors.count else { return nil }
        if let plan, oldMajor.planIDs.contains(plan) { return oldMajor }
        let how = oldMajor.planIDs.isEmpty
            ? LocalizedText(zh: "原专业暂无考试计划数据", en: "the old major has no plan data")
            : LocalizedText(zh: "如需按原专业审核，请用 --plan 指定其计划（\(oldMajor.planIDs.joined(separator: "、"))）",
                            en: "to audit the old major, name its plan with --plan (\(oldMajor.planIDs.joined(separator: ", ")))")
        Terminal.error(language == .zh
            ? "提示：\(major) 是 \(new.code) \(new.name)（\(new.province)）的旧专业代码，按现专业 \(new.code) 审核；原专业 \(major) \(oldMajor.name) 仍在专业目录中，\(how.zh)\n"
            : "note: \(major) is a former code of \(new.code) \(new.name) (\(new.province)); the current major \(new.code) is audited. The old major \(major) \(oldMajor.name) is still listed; \(how.en)\n")
        return new
    }
}

extension CurriculumGraph {
    /// The curricula's spelling of the province the user named (江苏省, 苏, Jiangsu → 江苏); the name itself when no
    /// province of the curricula matches, so that the error shows what was typed.
    func province(named name: String?) -> String? {
        name.map { ProvinceName.resolve($0, among: Set(majors.values.map(\.province))) ?? $0 }
    }
}

/// Output settings shared by the audit commands.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .customLong("show-ids"), help: "Show full ID numbers (masked by default: 1401**********123X).")
    var showIDs = false
}

enum Clock {
    /// Today's date in China (UTC+8).
    static func today() -> CivilDate {
        let seconds = Int(Date().timeIntervalSince1970) + 8 * 3600
        var days = seconds / 86_400
        // Civil-from-days (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CivilDate(year: year, month: month, day: day) ?? .distantPast
    }
}

extension Clock {
    /// Warns (stderr) about dates after today — an application date, results, certificates: likely typos.
    static func warnAboutFutureDates(applicationDate: CivilDate, records: [CourseRecord] = [], certificates: [Certificate] = [],
                                     language: Language) {
        for warning in DateChecks.warnings(applicationDate: applicationDate, records: records, certificates: certificates, today: today()) {
            Terminal.error((language == .zh ? "警告：" : "warning: ") + warning.text(in: language) + "\n")
        }
    }
}

enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var colors: Bool { isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

extension Language: ExpressibleByArgument {
    /// Chinese unless the locale is English (`Language.preferred(in:)`).
    static func fromEnvironment() -> Language { preferred(in: ProcessInfo.processInfo.environment) }
}
