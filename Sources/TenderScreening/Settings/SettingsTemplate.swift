import TenderModel

/// The commented settings file `tenderscreen init` writes: every indicator with what it
/// detects, `enabled`, `weight` and each setting with its meaning; the scoring; the full
/// legal tables with their citations. It reads back (``SettingsFile``) to the settings it
/// was written from.
public enum SettingsTemplate {
    /// The file for `settings` (the defaults unless given); `generator` names the program
    /// in the header comment (`tenderscreen 0.1.0`).
    public static func text(settings: ScreeningSettings = .standard, valueAdjustment: ValueAdjustment? = nil,
                            generator: String,
                            catalogue: [IndicatorMetadata] = IndicatorCatalogue.all.map { $0.metadata }) -> String {
        var out = TemplateWriter()
        out.comment("tenderscreen settings, written by `tenderscreen init` (\(generator)).")
        out.blankComment()
        out.comment("Use with `tenderscreen screen --settings FILE <notices>`. Every key is optional: a key, a table "
            + "or a section left out keeps its default. Unknown keys, wrong types and out-of-range values are "
            + "errors naming the file, line and key. Each report records the SHA-256 digest of the effective "
            + "settings: comments, key order and layout do not change it, values do. See docs/settings.md.")
        out.blank()

        out.section("Indicators")
        out.comment("`enabled = false` leaves an indicator out. A flagged finding adds `weight` × its severity to the "
            + "procedure's score; an indicator counts once per procedure (docs/scoring.md). Weights and other "
            + "numbers are at least 0; severities and shares are between 0 and 1.")
        for indicator in catalogue {
            out.blank()
            out.comment("\(indicator.id) — \(indicator.name) (\(indicator.phase.rawValue) phase)")
            out.comment(indicator.detects)
            out.line("[indicators.\(TOMLKey.segment(indicator.id))]")
            out.line("enabled = \(!settings.disabled.contains(indicator.id))")
            for setting in indicator.settings {
                let current = settings.value(setting.key, of: indicator)
                var meaning = setting.meaning
                if setting.allowedRange == 0...1 { meaning += " (0…1)" }
                if case .text(let word) = setting.defaultValue { meaning += " (\"\(word)\" or a number)" }
                if current != setting.defaultValue { meaning += "; default \(tomlValue(setting.defaultValue))" }
                out.comment(meaning)
                out.setting(TOMLKey.segment(setting.key), current)
            }
        }
        out.blank()

        out.section("Scoring")
        out.comment("Scale every contribution by the value at stake (the awarded value, else the estimate, in EUR): "
            + "factor = 1 + strength × log10(max(1, value / reference)). `screen --value-weighting` switches it on "
            + "with the reference and strength below.")
        let adjustment = settings.valueAdjustment ?? valueAdjustment ?? ValueAdjustment()
        out.line("[scoring.value-adjustment]")
        out.line("enabled = \(settings.valueAdjustment != nil)")
        out.line("reference = \(number(adjustment.reference))   # EUR")
        out.line("strength = \(number(adjustment.strength))")
        out.blank()

        out.section("Legal minimum time limits")
        out.comment("These rows are the whole table: with any [[time-limits]] row in the file, the built-in table is "
            + "not used (delete them all to follow the built-in EU table of the version you run). A jurisdiction "
            + "adds its rows at the end; a row replaces an earlier one with the same legal-basis, stage, case and "
            + "procedure-types. Keys: jurisdiction; legal-basis (BT-01 code, e.g. 32014L0024, or a national "
            + "code); procedure-types (BT-105 codes, [] for any); stage (tenders: receipt of tenders, requests: "
            + "receipt of requests to participate); case (standard, electronic-submission, "
            + "prior-information-notice, urgency: the lowest minimum among the cases that hold applies); days "
            + "(calendar days from dispatch of the notice); citation (required: the legal source).")
        for rule in settings.timeLimits.rules {
            out.blank()
            out.line("[[time-limits]]")
            out.assignment("jurisdiction", TOMLString.quoted(rule.jurisdiction))
            out.assignment("legal-basis", TOMLString.quoted(rule.legalBasis))
            out.setting("procedure-types", .list(rule.procedureTypes))
            out.assignment("stage", TOMLString.quoted(rule.stage.rawValue))
            out.assignment("case", TOMLString.quoted(rule.condition.rawValue))
            out.assignment("days", String(rule.days))
            out.assignment("citation", TOMLString.quoted(rule.citation))
        }
        out.blank()

        out.section("Procurement thresholds")
        out.comment("These rows are the whole table, as for the time limits. A row replaces an earlier one with the "
            + "same legal-basis, category and valid-from; rows of one legal-basis and category must not overlap in "
            + "time. Keys: jurisdiction; legal-basis; category ("
            + ThresholdCategory.allCases.map(\.rawValue).joined(separator: ", ") + "); valid-from and valid-until "
            + "(dates, both included); amount (excluding VAT, exact as written); currency (default EUR); citation "
            + "(required).")
        for rule in settings.thresholds.rules {
            out.blank()
            out.line("[[thresholds]]")
            out.assignment("jurisdiction", TOMLString.quoted(rule.jurisdiction))
            out.assignment("legal-basis", TOMLString.quoted(rule.legalBasis))
            out.assignment("category", TOMLString.quoted(rule.category.rawValue))
            out.assignment("valid-from", rule.validFrom.description)
            out.assignment("valid-until", rule.validUntil.description)
            out.assignment("amount", grouped(rule.amount.description))
            out.assignment("currency", TOMLString.quoted(rule.currency))
            out.assignment("citation", TOMLString.quoted(rule.citation))
        }
        return out.text
    }

    /// A setting's value as TOML.
    static func tomlValue(_ value: SettingValue) -> String {
        switch value {
        case .integer(let integer): return grouped(String(integer))
        case .number(let value): return number(value)
        case .flag(let flag): return String(flag)
        case .text(let text): return TOMLString.quoted(text)
        case .list(let items): return "[" + items.map(TOMLString.quoted).joined(separator: ", ") + "]"
        }
    }

    /// Whole numbers without a point (`20`, read back as the same number), others as Swift
    /// prints them (shortest exact form: `0.05`, `1e-05`, `inf`).
    static func number(_ value: Double) -> String {
        grouped(value.settingText)
    }

    /// `5_538_000`: digits of the integer part grouped by thousands when there are five or more.
    static func grouped(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = text.dropFirst(sign.count)
        let integerEnd = unsigned.firstIndex { !$0.isNumber } ?? unsigned.endIndex
        var integer = String(unsigned[..<integerEnd])
        guard integer.count >= 5 else { return text }
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer = String(integer.dropLast(3))
        }
        groups.insert(integer, at: 0)
        return sign + groups.joined(separator: "_") + unsigned[integerEnd...]
    }
}

/// Lines of a commented TOML file, comments wrapped at 100 columns.
private struct TemplateWriter {
    private(set) var text = ""

    mutating func line(_ line: String) {
        text += line + "\n"
    }

    mutating func blank() {
        text += "\n"
    }

    mutating func blankComment() {
        text += "#\n"
    }

    mutating func section(_ title: String) {
        line("# ── \(title) " + String(repeating: "─", count: max(3, 94 - title.count)))
    }

    mutating func comment(_ words: String) {
        var current = "#"
        for word in words.split(separator: " ") {
            if current.count + 1 + word.count > 100, current != "#" {
                line(current)
                current = "#"
            }
            current += " " + word
        }
        line(current)
    }

    mutating func assignment(_ key: String, _ value: String) {
        line("\(key) = \(value)")
    }

    /// `key = [items]`, one item a line (with a trailing comma) when too long for one line.
    mutating func array(_ key: String, _ items: [String]) {
        let single = "\(key) = [" + items.joined(separator: ", ") + "]"
        guard single.count > 100 else {
            line(single)
            return
        }
        line("\(key) = [")
        for item in items { line("    \(item),") }
        line("]")
    }

    /// A setting's `key = value`.
    mutating func setting(_ key: String, _ value: SettingValue) {
        if case .list(let items) = value {
            array(key, items.map(TOMLString.quoted))
        } else {
            assignment(key, SettingsTemplate.tomlValue(value))
        }
    }
}
