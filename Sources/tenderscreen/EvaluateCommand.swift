import ArgumentParser
import TenderEngine
import TenderEvaluation

/// `tenderscreen evaluate`: how well a screening ranking finds the schemes `generate` planted.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure how well a screen report ranks the schemes planted by `tenderscreen generate`.",
        discussion: """
            REPORT is the output of `tenderscreen screen --format json` or `--format jsonl` (`-`: standard \
            input); only each procedure's id and score are read, streaming, so reports of any size fit in \
            little memory. TRUTH is the file of `tenderscreen generate --truth`.

            Printed overall and per planted scheme: the planted count k, precision and recall among the \
            first k and 2k procedures (P@k, R@k, P@2k, R@2k), average precision (AP), the area under the \
            ROC curve (AUC) and the share of camouflage procedures (legitimate look-alikes) among the first \
            k and 2k (camo@k, camo@2k).

            Overall, the positives are the procedures with any planted scheme and every other procedure \
            is negative. Per scheme (one-vs-background), the positives are that scheme's procedures and the \
            negatives the procedures with no planted scheme (background and camouflage); procedures of the \
            other schemes are left out of that scheme's ranking.

            Procedures with equal scores are tied, whatever order the report gives them: P@k, R@k and \
            camo@k are expected values over the orders of a tie straddling k, AP its exact expectation \
            over all orders (McSherry & Najork 2008), and AUC counts a tie as 1/2. Procedures of the truth's \
            corpus missing from the report (cut with --top or --min-score) rank below every listed \
            procedure, tied with each other; a warning says so. "-" (null in JSON): undefined, nothing \
            planted. See docs/evaluate.md.

            Exit codes: 0 done; 1 usage error, or a file that cannot be read or is not a report or a truth.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "The report of `tenderscreen screen --format json` or `--format jsonl` (`-`: standard input).")
    var report: String

    @Option(help: "The ground truth written by `tenderscreen generate --truth`.")
    var truth: String

    @Option(help: "What to print: a table, or the same measures as JSON.")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        guard !report.isEmpty else { throw ValidationError("REPORT must name a file (or - for standard input)") }
        guard !truth.isEmpty else { throw ValidationError("--truth must name a file") }
    }

    func run() throws {
        let plantedTruth: PlantedTruth
        let procedures: [ScoredProcedure]
        do {
            plantedTruth = try TruthReader.truth(atPath: truth)
        } catch {
            printError("tenderscreen evaluate: truth \(error.description)")
            throw ExitCode(ExitStatus.failed)
        }
        do {
            procedures = try ScreenReportReader.procedures(atPath: report)
        } catch {
            printError("tenderscreen evaluate: report \(error.description)")
            throw ExitCode(ExitStatus.failed)
        }
        let evaluation = Evaluation(report: procedures, truth: plantedTruth)
        for warning in evaluation.warnings { printError("warning: " + warning) }

        let reportName = report == "-" ? "(standard input)" : report
        let text = switch format {
        case .table: EvaluationTable.render(evaluation, report: reportName, truth: truth, seed: plantedTruth.seed)
        case .json: EvaluationJSON.render(evaluation, report: reportName, truth: truth, seed: plantedTruth.seed)
        }
        let sink = try output.map { (path) throws(ReportOutput.Failure) in try ReportOutput(path: path) } ?? ReportOutput()
        try sink.write(text)
        try sink.commit()
    }
}
