import TenderModel
import TenderScreening

/// The `screen` report for a terminal: 100 columns, a header line per procedure, one line
/// per flag with its reason, and a summary at the end.
public enum ScreeningTable {
    public static let width = 100

    /// The column titles and a rule.
    public static var header: String {
        row(rank: "RANK", score: "SCORE", procedure: "PROCEDURE", buyer: "BUYER", value: "VALUE AT STAKE") + "\n"
            + String(repeating: "─", count: width) + "\n"
    }

    /// A procedure's lines rendered before its rank is known (the rank column left blank):
    /// ``ranked(rank:fragment:)`` fills it in.
    public static func fragment(_ screened: ScreenedProcedure) -> [UInt8] {
        Array((block(screened).joined(separator: "\n") + "\n").utf8)
    }

    /// A procedure's lines from its ``fragment(_:)`` and its rank.
    public static func ranked(rank: Int, fragment: [UInt8]) -> [UInt8] {
        Array(pad(String(rank), rankWidth, right: true).utf8) + fragment.dropFirst(rankWidth)
    }

    /// The closing rule, the summary, the program and settings (when given), the first
    /// errors and the legend.
    public static func footer(summary: ScreeningJSON.Summary, errors: [Diagnostic], warnings: [Diagnostic] = [],
                              listedNone: Bool, generatorVersion: String? = nil,
                              settings: SettingsProvenance? = nil) -> String {
        var lines: [String] = []
        if listedNone { lines.append("(no procedure to show)") }
        lines.append(String(repeating: "─", count: width))
        lines.append(summaryLine(summary))
        if let generatorVersion, let settings {
            lines.append(settings.footerLine(generatorVersion: generatorVersion, width: width))
        }
        lines += errorLines(errors)
        lines += warningLines(warnings)
        lines.append(fit("! flagged   ? not checkable for want of data   how a check works: tenderscreen explain <id>",
                         width))
        return lines.joined(separator: "\n") + "\n"
    }

    static func block(_ screened: ScreenedProcedure) -> [String] {
        let procedure = screened.procedure
        let buyer = procedure.buyers.first.map { buyer in
            [buyer.organization.name, buyer.organization.country].compactMap { $0 }.joined(separator: " ")
        } ?? "—"
        let value = ValueAtStake.of(procedure).map(formatted) ?? "—"
        var lines = [row(rank: "", score: oneDecimal(screened.score),
                         procedure: procedure.title ?? "(untitled)", buyer: buyer, value: value)]
        let lots = procedure.awardUnits.count
        let type = procedure.procedureType.value ?? (procedure.procedureType.isWithheld ? "type withheld" : "type unknown")
        lines.append(indent + fit("\(procedure.id) · \(type) · \(lots.counted("lot")) · "
                                  + procedure.notices.count.counted("notice"),
                                  width - indent.count))
        for finding in screened.flagged {
            let lot = finding.lot.map { " " + $0 } ?? ""
            lines.append(indent + fit("! \(finding.indicator)\(lot): \(finding.message)", width - indent.count))
        }
        let missing = screened.notCheckable
        if !missing.isEmpty {
            let names = Set(missing.map(\.indicator)).sorted().joined(separator: ", ")
            lines.append(indent + fit("? \(missing.count.counted("check")) not possible: \(names)",
                                      width - indent.count))
        }
        return lines
    }

    private static let indent = String(repeating: " ", count: 12)

    private static let rankWidth = 4

    /// RANK(4) SCORE(6) PROCEDURE(42) BUYER(26) VALUE(18), single spaces: 100 columns.
    static func row(rank: String, score: String, procedure: String, buyer: String, value: String) -> String {
        pad(rank, rankWidth, right: true) + " " + pad(score, 6, right: true) + " " + pad(fit(procedure, 42), 42) + " "
            + pad(fit(buyer, 26), 26) + " " + pad(fit(value, 18), 18, right: true)
    }

    /// `12.3`: one decimal, rounded (scores; also `generate`'s megabytes and seconds).
    public static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `1,020,300.00 EUR`: digits grouped by thousands, decimals as written.
    static func formatted(_ amount: Amount) -> String {
        let text = amount.value.description
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        if parts.count > 1 { grouped += "." + parts[1] }
        return (negative ? "-" : "") + grouped + (amount.currency.map { " " + $0 } ?? "")
    }

    /// `24 files · 24 notices · 12 procedures · …`: what the run read and found.
    static func summaryLine(_ summary: ScreeningJSON.Summary) -> String {
        fit("\(summary.files.counted("file")) · \(summary.notices.counted("notice")) · "
            + "\(summary.procedures.counted("procedure")) · \(summary.flaggedProcedures) flagged · "
            + "\(summary.notCheckableFindings.counted("check")) not possible · \(summary.errors.counted("error"))", width)
    }

    /// The first 20 inputs not read, and how many more the JSON report lists.
    static func errorLines(_ errors: [Diagnostic]) -> [String] {
        diagnosticLines(errors, title: "errors (inputs not read):")
    }

    static func warningLines(_ warnings: [Diagnostic]) -> [String] {
        diagnosticLines(warnings, title: "warnings (inputs read, not all used):")
    }

    private static func diagnosticLines(_ diagnostics: [Diagnostic], title: String) -> [String] {
        guard !diagnostics.isEmpty else { return [] }
        var lines = [title]
        for diagnostic in diagnostics.prefix(20) { lines.append(fit("  " + diagnostic.description, width)) }
        if diagnostics.count > 20 { lines.append("  … and \(diagnostics.count - 20) more (see the JSON report)") }
        return lines
    }

    /// At most `width` characters, cutting with an ellipsis.
    static func fit(_ text: String, _ width: Int) -> String {
        let flat = text.replacingNewlines()
        guard flat.count > width else { return flat }
        return String(flat.prefix(width - 1)) + "…"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let space = String(repeating: " ", count: max(0, width - text.count))
        return right ? space + text : text + space
    }
}

extension String {
    /// Line breaks and tabs as spaces: one finding, one line.
    func replacingNewlines() -> String {
        String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
