import TenderModel
import TenderScreening

/// The `screen --by buyer|supplier` report for a terminal: 100 columns, a header line per
/// organisation, one line per contributing indicator, its top procedures, and a summary.
public enum EntityTable {
    public static let width = ScreeningTable.width

    /// The column titles and a rule.
    public static func header(role: EntityRole) -> String {
        row(rank: "RANK", score: "SCORE", name: role.rawValue.uppercased(), procedures: "PROCS", mean: "MEAN",
            max: "MAX", value: "VALUE AT STAKE (EUR)") + "\n" + String(repeating: "─", count: width) + "\n"
    }

    /// An organisation's lines.
    public static func block(_ entity: EntityScore) -> String {
        lines(entity).joined(separator: "\n") + "\n"
    }

    /// The closing rule, the procedure summary, the roll-up's counts, the first errors and the legend.
    /// `ranked`: organisations in the roll-up (listed or not).
    public static func footer(summary: ScreeningJSON.Summary, rollUp: EntityRollUp, minimumProcedures: Int,
                              ranked: Int, errors: [Diagnostic], warnings: [Diagnostic] = [], listedNone: Bool,
                              generatorVersion: String? = nil,
                              settings: SettingsProvenance? = nil) -> String {
        let role = rollUp.role.rawValue
        var lines: [String] = []
        if listedNone { lines.append("(no organisation to show)") }
        lines.append(String(repeating: "─", count: width))
        lines.append(ScreeningTable.summaryLine(summary))
        lines.append(fit("\(ranked) \(role)s ranked · \(rollUp.proceduresWithoutOrganisation.counted("procedure")) without an "
                         + "identifiable \(role) · \(rollUp.unidentified) without id or name"))
        if let generatorVersion, let settings {
            lines.append(settings.footerLine(generatorVersion: generatorVersion, width: width))
        }
        lines += ScreeningTable.errorLines(errors)
        lines += ScreeningTable.warningLines(warnings)
        lines.append(fit("SCORE: points one of its procedures is expected to score · ! flagged in n of m procedures checked"))
        lines.append(fit("? never checkable for want of data"
                         + (minimumProcedures > 1 ? " · * fewer than \(minimumProcedures) procedures: ranked last" : "")))
        return lines.joined(separator: "\n") + "\n"
    }

    static func lines(_ entity: EntityScore) -> [String] {
        let value = entity.value.euro.map { total in
            total.sum.amount(currency: nil).map(ScreeningTable.formatted) ?? total.sum.description
        } ?? "—"
        var lines = [row(rank: String(entity.rank), score: ScreeningTable.oneDecimal(entity.composite),
                         name: entity.name ?? entity.key,
                         procedures: String(entity.procedures) + (entity.belowMinimum ? "*" : ""),
                         mean: ScreeningTable.oneDecimal(entity.meanScore),
                         max: ScreeningTable.oneDecimal(entity.maxScore), value: value)]
        var facts = [entity.key]
        if let country = entity.country { facts.append(country) }
        if entity.value.proceduresWithoutValue > 0 {
            facts.append("value unknown for \(entity.value.proceduresWithoutValue) of \(entity.procedures)")
        }
        for other in entity.value.otherCurrencies {
            facts.append("also " + (other.sum.amount(currency: other.currency).map(ScreeningTable.formatted)
                                    ?? other.sum.description))
        }
        lines.append(indent + fit(facts.joined(separator: " · "), width - indent.count))
        for rate in entity.contributing {
            let percent = Int(((rate.share ?? 0) * 100).rounded())
            lines.append(indent + fit("! \(rate.id): \(rate.flagged) of \(rate.checked) (\(percent)%), "
                                      + "\(ScreeningTable.oneDecimal(rate.points)) points", width - indent.count))
        }
        let never = entity.indicators.filter { $0.checked == 0 && $0.insufficientData > 0 }.map(\.id)
        if !never.isEmpty {
            lines.append(indent + fit("? never checkable: " + never.joined(separator: ", "), width - indent.count))
        }
        lines += wrapped(entity.topProcedures, first: "top ", width: width - indent.count).map { indent + $0 }
        return lines
    }

    /// Items joined by two spaces, as many per line as fit; continuation lines are indented
    /// like the first item.
    static func wrapped(_ items: [String], first: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for item in items {
            if !line.isEmpty, line.count + 2 + item.count > width {
                lines.append(line)
                line = ""
            }
            line = line.isEmpty ? (lines.isEmpty ? first : String(repeating: " ", count: first.count)) + item
                : line + "  " + item
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { fit($0, width) }
    }

    private static let indent = String(repeating: " ", count: 12)

    /// RANK(4) SCORE(6) NAME(43) PROCS(5) MEAN(6) MAX(6) VALUE(24), single spaces: 100 columns.
    static func row(rank: String, score: String, name: String, procedures: String, mean: String, max: String,
                    value: String) -> String {
        pad(rank, 4, right: true) + " " + pad(score, 6, right: true) + " " + pad(fit(name, 43), 43) + " "
            + pad(procedures, 5, right: true) + " " + pad(mean, 6, right: true) + " " + pad(max, 6, right: true) + " "
            + pad(fit(value, 24), 24, right: true)
    }

    static func fit(_ text: String, _ width: Int = width) -> String {
        ScreeningTable.fit(text, width)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        ScreeningTable.pad(text, width, right: right)
    }
}
