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
            The table (default on a terminal) shows flagged findings; JSON shows all of them. \
            --settings reads indicators, weights, scoring and legal tables from a TOML file (see \
            `tenderscreen init` and docs/settings.md); every report records the SHA-256 digest of the \
            settings used and the tenderscreen version. \
            With --by buyer or --by supplier, organisations are ranked instead (docs/rollups.md).
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

    @Option(help: "Show only the N highest-ranked procedures (with --by: organisations).")
    var top: Int?

    @Option(name: .customLong("min-score"), help: "Show only procedures (with --by: organisations) scoring at least this.")
    var minimumScore: Double?

    @Flag(name: .shortAndLong, help: "No progress line and no summary on standard error (errors are still printed).")
    var quiet = false

    @Option(name: .shortAndLong, help: "Parallel workers (default: all cores).")
    var jobs: Int = NoticeBatchReader.defaultJobs

    @Option(help: "Rank organisations instead of procedures: buyer or supplier (docs/rollups.md).")
    var by: RollUpRole?

    @Option(name: .customLong("min-procedures"),
            help: "With --by: organisations with fewer procedures are ranked after the others (default: 5).")
    var minimumProcedures: Int?

    @Flag(name: .customLong("value-weighting"),
          help: ArgumentHelp("Scale scores by the value at stake: 1 + 0.25 × log10(value / 100,000 EUR) "
              + "(reference and strength from --settings when given)."))
    var valueWeighting = false

    @OptionGroup var settingsOptions: SettingsOptions

    @OptionGroup(title: "Limits against hostile input") var limitOptions: ReaderLimitOptions

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let top, top < 0 { throw ValidationError("--top must not be negative") }
        if let minimumProcedures {
            guard by != nil else { throw ValidationError("--min-procedures goes with --by buyer|supplier") }
            guard minimumProcedures >= 0 else { throw ValidationError("--min-procedures must not be negative") }
        }
    }

    func run() throws {
        let settingsFile = try settingsOptions.load()
        var settings = settingsFile.settings
        if valueWeighting { settings.valueAdjustment = settingsFile.valueAdjustment }
        let provenance = SettingsProvenance(settings, file: settingsOptions.file)
        let version = TenderscreenVersion.current
        let format = format ?? (output == nil && System.isTerminal(1) ? .table : .json)
        let sink = try output.map { (path) throws(ReportOutput.Failure) in try ReportOutput(path: path) } ?? ReportOutput()
        let display = ProgressDisplay(quiet: quiet)
        if let by {
            return try screenOrganisations(by: by.role, settings: settings, provenance: provenance, version: version,
                                           format: format, sink: sink, display: display)
        }
        // Notices wait on disk between reading and assembly, and each procedure's part of
        // the report waits on disk until the ranking is known: memory holds neither.
        let minimumScore = self.minimumScore
        let run = try screen(settings: settings, display: display) { screened in
            if let minimumScore, screened.score < minimumScore { return nil }
            return format == .table ? ScreeningTable.fragment(screened) : ScreeningJSON.fragment(screened)
        }
        let screening = run.screening

        let summary = screening.summary

        var bytes: [UInt8] = []
        var json = JSONWriter()
        switch format {
        case .table:
            try sink.write(ScreeningTable.header)
        case .json:
            ScreeningJSON.writeHead(indicators: screening.indicators, populations: screening.populations,
                                    summary: summary, generatorVersion: version, settings: provenance, to: &json)
        case .jsonl:
            break
        }
        var listedCount = 0
        for ranked in screening.ranking where listedCount < top ?? .max {
            guard let range = ranked.kept else { continue }
            listedCount += 1
            let rank = ranked.rank
            try run.fragments.read(range, into: &bytes)
            switch format {
            case .table:
                try sink.write(ScreeningTable.ranked(rank: rank, fragment: bytes))
            case .json:
                json.raw("\n")
                ScreeningJSON.write(rank: rank, fragment: bytes, to: &json)
            case .jsonl:
                ScreeningJSON.writeLine(rank: rank, fragment: bytes, generatorVersion: version, settings: provenance,
                                        to: &json)
                json.raw("\n")
            }
            if json.bytes.count > 1 << 20 {
                try sink.write(json.bytes)
                json.discardWrittenBytes()
            }
        }
        switch format {
        case .table:
            try sink.write(ScreeningTable.footer(summary: summary, errors: screening.errors,
                                                 warnings: screening.warnings, listedNone: listedCount == 0,
                                                 generatorVersion: version, settings: provenance))
        case .json:
            ScreeningJSON.writeTail(errors: screening.errors, warnings: screening.warnings, to: &json)
        case .jsonl:
            break
        }
        try sink.write(json.bytes)
        try sink.commit()

        try printSummary(screening, format: format, found: "\(summary.flaggedProcedures) flagged, "
                             + "\(summary.notCheckableFindings.counted("check")) not possible")
    }

    /// Runs the job, with `rollUp` and `render` as ``ScreenJob/run(spillingTo:progress:rollUp:render:)``
    /// takes them, then prints its diagnostics. A failure of the run itself (not of an input)
    /// ends the command.
    func screen(settings: ScreeningSettings, display: ProgressDisplay, rollUp: EntityRole? = nil,
                render: @escaping @Sendable (ScreenedProcedure) -> [UInt8]?) throws -> ScreenJob.SpilledScreening {
        let run: ScreenJob.SpilledScreening
        do {
            run = try ScreenJob(paths: paths, jobs: jobs, limits: limitOptions.limits, settings: settings)
                .run(progress: display.progress, rollUp: rollUp, render: render)
        } catch {
            display.finish()
            printError("tenderscreen: \(error)")
            throw ExitCode(ExitStatus.failed)
        }
        display.finish()
        printDiagnostics(errors: run.screening.errors, warnings: run.screening.warnings, maximumWarnings: 100)
        return run
    }

    /// The `screen: …` summary line, with `found` between what was read and the diagnostics
    /// (JSON formats only: the table has its own), then exit code 2 if any input was not read.
    func printSummary(_ screening: ScreenJob.Screening<SpillRange?>, format: Format, found: String) throws {
        let summary = screening.summary
        if format != .table, !quiet, System.isTerminal(2) || !screening.errors.isEmpty {
            printError("screen: " + RunSummary.read(files: summary.files, notices: summary.notices,
                                                    procedures: summary.procedures)
                + ", \(found), " + RunSummary.diagnostics(errors: summary.errors, warnings: screening.warnings.count))
        }
        if !screening.errors.isEmpty { throw ExitCode(ExitStatus.inputErrors) }
    }
}

extension ScreenJob.Screening {
    /// The report's summary counts: files, notices, procedures, flagged, checks not possible, errors.
    var summary: ScreeningJSON.Summary {
        ScreeningJSON.Summary(
            files: fileCount, notices: noticeCount, procedures: ranking.count,
            flaggedProcedures: ranking.count { $0.score > 0 },
            notCheckableFindings: ranking.reduce(0) { $0 + $1.notCheckable }, errors: errors.count)
    }
}
