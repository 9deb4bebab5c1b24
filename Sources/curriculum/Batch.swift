import ArgumentParser
import Eligibility
import Foundation

/// `curriculum batch`: a whole export of candidates, streamed, on every core.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: "Audit every candidate of a CSV export against one major. 批量审核。")

    @Argument(help: "CSV with 准考证号 and the course columns (rows of one candidate together), UTF-8 or GB18030; - reads standard input.")
    var candidates: String

    @OptionGroup var target: TargetOptions
    @OptionGroup var curricula: CurriculaOptions
    @OptionGroup var display: DisplayOptions

    @Option(help: "Result format: csv or jsonl.") var format: Format = .csv
    @Option(help: "Write results here (default: standard output).") var output: String?
    @Option(help: "Worker threads (default: the number of cores).") var jobs: Int?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl
    }

    func run() throws {
        let language = curricula.language
        let graph = try curricula.load()
        let major = try target.resolve(in: graph, language: language)
        // The application date once for the whole run (results are the candidates' own: check them one by one).
        Clock.warnAboutFutureDates(applicationDate: try target.applicationDate(), language: language)
        if target.plan == nil, graph.plans(of: major).isEmpty {
            // Said once, before reading the file, rather than once per candidate.
            let message = MajorWithoutPlanData(major: major, graph: graph).message
            throw CLIError(language, zh: message.zh, en: message.en)
        }
        var reader: CSVTranscriptReader
        do {
            reader = candidates == "-"
                ? try CSVTranscriptReader(bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()), file: TranscriptFiles.standardInputName)
                : try CSVTranscriptReader(path: candidates)
        } catch {
            switch error {
            case .problem(let issue): Terminal.error(issue.render(language, showIDs: display.showIDs) + "\n")
            case .unreadable(let path): Terminal.error((language == .zh ? "无法读取 " : "cannot read ") + path + "\n")
            }
            throw ExitCode(2)
        }
        guard reader.hasAdmissionNumbers else {
            Terminal.error(language == .zh ? "\(candidates)：batch 需要“准考证号”列来区分考生\n" : "\(candidates): batch needs a 准考证号 (admission-number) column to tell candidates apart\n")
            throw ExitCode(2)
        }
        let runner = BatchRunner(engine: AuditEngine(graph: graph), major: major.key, institution: target.institution,
                                 planID: target.plan, date: try target.applicationDate(), language: language, showIDs: display.showIDs)
        let sink: OutputSink
        do {
            sink = try OutputSink(path: output, inputs: [candidates])
        } catch {
            Terminal.error("error: " + (language == .zh ? error.message.zh : error.message.en) + "\n")
            throw ExitCode(2)
        }
        if format == .csv { sink.write(BatchRow.csvHeader + "\n") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let showProgress = isatty(STDERR_FILENO) == 1
        let start = Date()
        let summary = runner.run(&reader, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            emit: { row in
                switch format {
                case .csv: sink.write(row.csvLine() + "\n")
                case .jsonl: sink.write(((try? encoder.encode(row)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n")
                }
            },
            report: { issue in Terminal.error(issue.render(language, showIDs: display.showIDs) + "\n") },
            progress: { done in
                if showProgress {
                    let rate = Double(done) / max(0.001, Date().timeIntervalSince(start))
                    Terminal.error("\r\(done) " + (language == .zh ? "名考生" : "candidates") + String(format: " (%.0f/s)", rate))
                }
            })
        reader.close()
        do {
            try sink.close()
        } catch {
            // Nothing partial is left behind as if it were complete (a regular file is only renamed into place whole).
            Terminal.error("error: " + (language == .zh ? error.message.zh : error.message.en) + "\n")
            throw ExitCode(2)
        }
        if showProgress { Terminal.error("\n") }
        let seconds = Date().timeIntervalSince(start)
        Terminal.error(language == .zh
            ? "共 \(summary.candidates) 名考生：符合 \(summary.eligible)，待人工审核 \(summary.pendingReview)，不符合 \(summary.notEligible)，无法审核 \(summary.notAudited)；输入问题 \(summary.issues) 个（错误 \(summary.errors)）；用时 \(String(format: "%.1f", seconds)) 秒\n"
            : "\(summary.candidates) candidate\(summary.candidates == 1 ? "" : "s"): \(summary.eligible) eligible, \(summary.pendingReview) pending review, \(summary.notEligible) not eligible, \(summary.notAudited) not audited; \(summary.issues) input issue\(summary.issues == 1 ? "" : "s") (\(summary.errors) error\(summary.errors == 1 ? "" : "s")); \(String(format: "%.1f", seconds)) s\n")
        if summary.errors > 0 || summary.notAudited > 0 { throw ExitCode(2) }
    }
}

/// Buffered output to a file (`OutputFile`: never replaces a device, FIFO or symlink; a regular file appears whole or
/// not at all) or standard output.
final class OutputSink {
    private let file: OutputFile?
    private var buffer: [UInt8] = []

    init(path: String?, inputs: [String]) throws(OutputFile.Failure) {
        if let path {
            file = try OutputFile(path: path, inputs: inputs)
        } else {
            file = nil
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        if let file { file.write(text); return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(OutputFile.Failure) {
        if let file { try file.close() } else { flush() }
    }
}
