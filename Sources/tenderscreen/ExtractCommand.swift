import ArgumentParser
import TenderEngine
import TenderModel
import TenderReports

/// `tenderscreen extract`: what the engine understood, one procedure per line.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read notices and print one normalised procedure per line (JSON Lines).",
        discussion: """
            Folders are walked recursively for *.xml. Procedures are joined across files by their \
            procedure identifier (BT-04) and printed sorted by it. Unknown facts are null, withheld \
            ones {"withheld": true}; see docs/extract-format.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json
    }

    @Argument(help: "Notice files or folders.")
    var paths: [String]

    @Option(help: "jsonl: one procedure per line; json: one array.")
    var format: Format = .jsonl

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Flag(name: .shortAndLong, help: "No progress line and no summary on standard error (errors are still printed).")
    var quiet = false

    @Option(name: .shortAndLong, help: "Parallel readers (default: all cores).")
    var jobs: Int = NoticeBatchReader.defaultJobs

    @OptionGroup(title: "Limits against hostile input") var limitOptions: ReaderLimitOptions

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let sink = try output.map { (path) throws(ReportOutput.Failure) in try ReportOutput(path: path) } ?? ReportOutput()
        let display = ProgressDisplay(quiet: quiet)
        defer { display.finish() }
        let job = ExtractJob(paths: paths, jobs: jobs, limits: limitOptions.limits)
        let input: ExtractJob.Input<SpillStorage>
        do {
            input = try job.read(progress: display.progress)
        } catch {
            display.finish()
            printError("tenderscreen: \(error)")
            throw ExitCode(ExitStatus.failed)
        }
        var json = JSONWriter()
        if format == .json { json.beginArray() }
        // A window of procedures at a time: memory holds one window, whatever the input size.
        let count = input.notices.procedureCount
        display.progress?.begin(.assembling, total: count)
        for start in stride(from: 0, to: count, by: 256) {
            for procedure in try job.procedures(start..<min(count, start + 256), of: input, progress: display.progress) {
                if format == .json { json.raw("\n") }
                ProcedureJSON.write(procedure, to: &json)
                if format == .jsonl { json.raw("\n") }
            }
            try sink.write(json.bytes)
            json.discardWrittenBytes()
        }
        // After the progress line is gone, so it never overdraws them.
        display.finish()
        // As `screen` does: inputs not read, then those read but not all used; every warning,
        // as extract has no report to hold those a cap would leave out.
        printDiagnostics(errors: input.errors, warnings: input.notes, maximumWarnings: .max)
        if format == .json {
            json.raw(input.notices.procedureCount == 0 ? "]\n" : "\n]\n")
        }
        try sink.write(json.bytes)
        try sink.commit()

        if !quiet, System.isTerminal(2) || !input.errors.isEmpty {
            printError("extract: " + RunSummary.read(files: input.fileCount, notices: input.noticeCount,
                                                     procedures: input.notices.procedureCount)
                + ", " + RunSummary.diagnostics(errors: input.errors.count))
        }
        if !input.errors.isEmpty { throw ExitCode(ExitStatus.inputErrors) }
    }
}
