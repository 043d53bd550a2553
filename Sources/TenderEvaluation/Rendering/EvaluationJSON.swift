/// The evaluation as one JSON object (keys in a fixed order, measures to 6 decimals, `null`
/// when undefined): what `Benchmarks/detection.sh` reads.
public enum EvaluationJSON {
    public static func render(_ evaluation: Evaluation, report: String, truth: String, seed: String?) -> String {
        let coverage = evaluation.coverage
        var out = "{\"report\":\(string(report)),\"truth\":\(string(truth)),\"seed\":\(seed ?? "null"),\n"
        out += "\"coverage\":{\"listed\":\(coverage.listed),\"corpus\":\(coverage.corpus),"
            + "\"planted\":\(coverage.planted),\"camouflaged\":\(coverage.camouflaged),"
            + "\"missingPlanted\":\(coverage.missingPlanted),\"missingCamouflaged\":\(coverage.missingCamouflaged),"
            + "\"missingBackground\":\(coverage.missingBackground),\"unaccounted\":\(coverage.unaccounted)},\n"
        out += "\"overall\":" + metrics(evaluation.overall) + ",\n\"schemes\":["
        for (position, scheme) in evaluation.schemes.enumerated() {
            out += (position > 0 ? ",\n" : "\n") + "{\"scheme\":\(string(scheme.scheme)),"
            out += metrics(scheme.metrics).dropFirst()
        }
        out += "],\n\"warnings\":[" + evaluation.warnings.map(string).joined(separator: ",") + "]}\n"
        return out
    }

    private static func metrics(_ metrics: RankingMetrics) -> String {
        "{\"planted\":\(metrics.positives),\"negatives\":\(metrics.negatives),\"camouflage\":\(metrics.camouflage),"
            + "\"atPlanted\":\(atK(metrics.atPlanted)),\"atTwicePlanted\":\(atK(metrics.atTwicePlanted)),"
            + "\"averagePrecision\":\(number(metrics.averagePrecision)),\"rocAUC\":\(number(metrics.rocAUC))}"
    }

    private static func atK(_ measures: RankingMetrics.AtK?) -> String {
        guard let measures else { return "null" }
        return "{\"k\":\(measures.k),\"precision\":\(number(measures.precision)),\"recall\":\(number(measures.recall)),"
            + "\"camouflageShare\":\(number(measures.camouflageShare))}"
    }

    private static func number(_ value: Double?) -> String {
        value.map { Decimals.trimmed($0, places: 6) } ?? "null"
    }

    /// A JSON string (RFC 8259 escapes).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
