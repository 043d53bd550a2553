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

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let display = ProgressDisplay(quiet: quiet)
        let result = ExtractJob(paths: paths, jobs: jobs).run(progress: display.progress)
        display.finish()
        for note in result.notes { printError("note: " + note.description) }
        for error in result.errors { printError(error.description) }

        let sink = try output.map { (path) throws(ReportOutput.Failure) in try ReportOutput(path: path) } ?? ReportOutput()
        var json = JSONWriter()
        if format == .json { json.beginArray() }
        for procedure in result.procedures {
            if format == .json { json.raw("\n") }
            ProcedureJSON.write(procedure, to: &json)
            if format == .jsonl { json.raw("\n") }
            if json.bytes.count > 1 << 20 {
                try sink.write(json.bytes)
                json.discardWrittenBytes()
            }
        }
        if format == .json {
            json.raw(result.procedures.isEmpty ? "]\n" : "\n]\n")
        }
        try sink.write(json.bytes)
        try sink.commit()

        if System.isTerminal(2) || !result.errors.isEmpty {
            printError("extract: \(result.fileCount) files, \(result.noticeCount) notices, "
                + "\(result.procedures.count) procedures, \(result.errors.count) errors")
        }
        if !result.errors.isEmpty { throw ExitCode(ExitStatus.inputErrors) }
    }
}

