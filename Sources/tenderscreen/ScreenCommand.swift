import ArgumentParser
import TenderEngine
import TenderModel
import TenderReports
import TenderScreening

/// `tenderscreen screen`: red flags, scores and a ranked report.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen notices for red flags and print procedures ranked by risk score.",
        discussion: """
            Every procedure is checked by every indicator (`tenderscreen indicators`); each finding is \
            flagged, clear, insufficient-data or not-applicable, with its evidence and the threshold applied. \
            The table (default on a terminal) shows flagged findings; JSON shows all of them.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, jsonl
    }

    @Argument(help: "Notice files or folders.")
    var paths: [String]

    @Option(help: "table (default on a terminal), json (default otherwise) or jsonl (one procedure per line).")
    var format: Format?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Show only the N highest-ranked procedures.")
    var top: Int?

    @Option(name: .customLong("min-score"), help: "Show only procedures scoring at least this.")
    var minimumScore: Double?

    @Flag(name: .shortAndLong, help: "No progress line and no summary on standard error (errors are still printed).")
    var quiet = false

    @Option(name: .shortAndLong, help: "Parallel workers (default: all cores).")
    var jobs: Int = NoticeBatchReader.defaultJobs

    @Flag(name: .customLong("value-weighting"),
          help: "Scale scores by the value at stake: 1 + 0.25 × log10(value / 100,000 EUR).")
    var valueWeighting = false

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let top, top < 0 { throw ValidationError("--top must not be negative") }
    }

    func run() throws {
        var settings = ScreeningSettings.standard
        if valueWeighting { settings.valueAdjustment = ValueAdjustment() }
        let display = ProgressDisplay(quiet: quiet)
        let outcome = ScreenJob(paths: paths, jobs: jobs, settings: settings).run(progress: display.progress)
        display.finish()
        for note in outcome.notes { printError("note: " + note.description) }
        for error in outcome.errors { printError(error.description) }

        var listed = outcome.result.ranking
        if let minimumScore { listed = listed.filter { $0.score >= minimumScore } }
        if let top { listed = Array(listed.prefix(top)) }
        let summary = ScreeningJSON.Summary(files: outcome.fileCount, notices: outcome.noticeCount,
                                            result: outcome.result, errors: outcome.errors.count)

        let sink = try output.map { (path) throws(ReportOutput.Failure) in try ReportOutput(path: path) } ?? ReportOutput()
        let format = format ?? (output == nil && System.isTerminal(1) ? .table : .json)
        switch format {
        case .table:
            try sink.write(ScreeningTable.render(listed: listed, summary: summary, errors: outcome.errors))
        case .json:
            var json = JSONWriter()
            try ScreeningJSON.writeDocument(result: outcome.result, listed: listed, summary: summary,
                                            errors: outcome.errors, generatorVersion: TenderscreenVersion.current,
                                            jobs: jobs, to: &json) { json in
                if json.bytes.count > 1 << 20 {
                    try sink.write(json.bytes)
                    json.discardWrittenBytes()
                }
            }
            try sink.write(json.bytes)
        case .jsonl:
            var json = JSONWriter()
            for screened in listed {
                ScreeningJSON.write(screened, to: &json)
                json.raw("\n")
                if json.bytes.count > 1 << 20 {
                    try sink.write(json.bytes)
                    json.discardWrittenBytes()
                }
            }
            try sink.write(json.bytes)
        }
        try sink.commit()

        if format != .table, !quiet, System.isTerminal(2) || !outcome.errors.isEmpty {
            printError("screen: \(summary.files) files, \(summary.notices) notices, \(summary.procedures) procedures, "
                + "\(summary.flaggedProcedures) flagged, \(summary.notCheckableFindings) checks not possible, "
                + "\(summary.errors) errors")
        }
        if !outcome.errors.isEmpty { throw ExitCode(ExitStatus.inputErrors) }
    }
}
