/// The evaluation as a plain-text table: one row overall, one per scheme.
public enum EvaluationTable {
    /// What the columns mean, printed under the table (and in `evaluate --help`).
    public static let legend = """
        k = planted procedures of the row. P@k, R@k: precision and recall among the first k (and 2k); \
        AP: average precision; AUC: area under the ROC curve; camo@k: share of the first k that are \
        camouflage (legitimate look-alikes). Overall: any planted scheme against every other procedure. \
        Per scheme: that scheme's procedures against the procedures with no planted scheme (one-vs-background; \
        other schemes left out). Tied scores count as every order of the tie at once (expected values; \
        a tie counts 1/2 in AUC); procedures missing from the report rank last, tied. "-": undefined \
        (nothing planted).
        """

    public static func render(_ evaluation: Evaluation, report: String, truth: String, seed: String?) -> String {
        let coverage = evaluation.coverage
        var lines: [String] = []
        lines.append("report \(report): \(coverage.listed) procedures listed")
        lines.append("truth \(truth)\(seed.map { " (seed \($0))" } ?? ""): \(coverage.corpus) procedures, "
            + "\(coverage.planted) planted, \(coverage.camouflaged) camouflaged")
        lines.append("")
        let header = ["scheme", "planted", "P@k", "R@k", "P@2k", "R@2k", "AP", "AUC", "camo@k", "camo@2k"]
        var rows = [row("overall", evaluation.overall)]
        rows += evaluation.schemes.map { row($0.scheme, $0.metrics) }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        for cells in [header] + rows {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            lines.append(padded.joined(separator: "  "))
        }
        lines.append("")
        lines += wrapped(legend, width: 100)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Words into lines of at most `width` characters.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private static func row(_ name: String, _ metrics: RankingMetrics) -> [String] {
        [name, String(metrics.positives),
         cell(metrics.atPlanted?.precision), cell(metrics.atPlanted?.recall),
         cell(metrics.atTwicePlanted?.precision), cell(metrics.atTwicePlanted?.recall),
         cell(metrics.averagePrecision), cell(metrics.rocAUC),
         cell(metrics.atPlanted?.camouflageShare), cell(metrics.atTwicePlanted?.camouflageShare)]
    }

    private static func cell(_ value: Double?) -> String {
        value.map { Decimals.fixed($0, places: 3) } ?? "-"
    }
}
