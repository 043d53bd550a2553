import TenderModel

/// `[[time-limits]]` and `[[thresholds]]` rows. When a file has the section, its rows are
/// the whole table (`tenderscreen init` writes the EU rows): they are added in order with
/// the tables' `add`, so a later row replaces an earlier one with the same key, which is how
/// a jurisdiction overrides an EU row.
struct LegalTableReader {
    let reader: SettingsReader

    static let timeLimitKeys = ["jurisdiction", "legal-basis", "procedure-types", "stage", "case", "days", "citation"]
    static let thresholdKeys = ["jurisdiction", "legal-basis", "category", "valid-from", "valid-until", "amount",
                                "currency", "citation"]

    func timeLimits(_ entry: TOMLEntry) throws(SettingsError) -> TimeLimitTable {
        var table = TimeLimitTable(rules: [])
        for (number, row) in try rows(entry).enumerated() {
            let fields = Row(table: row.table, line: row.line, path: "time-limits[\(number + 1)]", reader: reader)
            try fields.checkKeys(Self.timeLimitKeys)
            let stages = ["tenders", "requests"]
            table.add(TimeLimitRule(
                jurisdiction: try fields.text("jurisdiction"),
                legalBasis: try fields.text("legal-basis"),
                procedureTypes: try fields.strings("procedure-types"),
                stage: DeadlineStage(rawValue: try fields.choice("stage", stages))!,
                condition: TimeLimitCase(rawValue: try fields.choice("case", TimeLimitCase.allCases.map(\.rawValue)))!,
                days: try fields.days("days"),
                citation: try fields.text("citation")))
        }
        return table
    }

    func thresholds(_ entry: TOMLEntry) throws(SettingsError) -> ThresholdTable {
        var table = ThresholdTable(rules: [])
        var lines: [ThresholdRule: (line: Int, path: String)] = [:]
        for (number, row) in try rows(entry).enumerated() {
            let path = "thresholds[\(number + 1)]"
            let fields = Row(table: row.table, line: row.line, path: path, reader: reader)
            try fields.checkKeys(Self.thresholdKeys)
            let rule = ThresholdRule(
                jurisdiction: try fields.text("jurisdiction"),
                legalBasis: try fields.text("legal-basis"),
                category: ThresholdCategory(rawValue: try fields.choice("category",
                                                                        ThresholdCategory.allCases.map(\.rawValue)))!,
                validFrom: try fields.date("valid-from"),
                validUntil: try fields.date("valid-until"),
                amount: try fields.amount("amount"),
                currency: try fields.text("currency", default: "EUR"),
                citation: try fields.text("citation"))
            guard rule.validFrom <= rule.validUntil else {
                throw reader.error(row.line, path, "valid-from \(rule.validFrom) is after valid-until \(rule.validUntil)")
            }
            table.add(rule)
            lines[rule] = (row.line, path)
        }
        // The table takes the last row in force on a date: overlapping periods would make the
        // result depend on the order of the rows, which the digest does not record.
        let rules = table.rules
        for (later, rule) in rules.enumerated() {
            for earlier in rules[..<later] where earlier.legalBasis == rule.legalBasis && earlier.category == rule.category
                && earlier.validFrom <= rule.validUntil && rule.validFrom <= earlier.validUntil {
                let (line, path) = lines[rule]!
                throw reader.error(line, path, "\(rule.validFrom)…\(rule.validUntil) overlaps the row on line "
                    + "\(lines[earlier]!.line) (\(earlier.legalBasis) \(earlier.category.rawValue) "
                    + "\(earlier.validFrom)…\(earlier.validUntil)); give it the same valid-from to replace it, "
                    + "or periods that do not overlap")
            }
        }
        return table
    }

    /// The section's tables: `[[name]]` rows (or an array of inline tables).
    private func rows(_ entry: TOMLEntry) throws(SettingsError) -> [(table: TOMLTable, line: Int)] {
        guard case .array(let items) = entry.value.kind else {
            throw reader.error(entry.line, entry.key, "expected rows ([[\(entry.key)]]), found \(entry.value.typeDescription)")
        }
        var rows: [(table: TOMLTable, line: Int)] = []
        for (number, item) in items.enumerated() {
            guard case .table(let table) = item.kind else {
                throw reader.error(item.line, "\(entry.key)[\(number + 1)]", "expected a table, found \(item.typeDescription)")
            }
            rows.append((table, item.line))
        }
        return rows
    }
}

/// One row's fields, read by name and type.
private struct Row {
    let table: TOMLTable
    let line: Int
    let path: String
    let reader: SettingsReader

    func checkKeys(_ known: [String]) throws(SettingsError) {
        for entry in table.entries where !known.contains(entry.key) {
            throw reader.error(entry.line, path + "." + TOMLKey.segment(entry.key),
                               "unknown key" + Suggestion.hint(for: entry.key, in: known))
        }
    }

    /// A required string that is not empty (a default for optional ones).
    func text(_ key: String, default defaultValue: String? = nil) throws(SettingsError) -> String {
        guard let entry = table[key] else {
            if let defaultValue { return defaultValue }
            throw missing(key)
        }
        guard case .string(let text) = entry.value.kind else {
            throw reader.typeError(entry.value, field(key), expected: "a string")
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw reader.error(entry.line, field(key), "must not be empty") }
        return text
    }

    /// An optional array of strings (empty when absent).
    func strings(_ key: String) throws(SettingsError) -> [String] {
        guard let entry = table[key] else { return [] }
        return try reader.strings(entry.value, field(key))
    }

    func choice(_ key: String, _ choices: [String]) throws(SettingsError) -> String {
        let value = try text(key)
        guard choices.contains(value) else {
            throw reader.error(table[key]!.line, field(key), "expected one of \(choices.joined(separator: ", ")), "
                + "found \"\(value)\"" + (Suggestion.closest(to: value, in: choices).map { " (did you mean \($0)?)" } ?? ""))
        }
        return value
    }

    func days(_ key: String) throws(SettingsError) -> Int {
        guard let entry = table[key] else { throw missing(key) }
        guard case .integer(let days) = entry.value.kind else {
            throw reader.typeError(entry.value, field(key), expected: "an integer (calendar days)")
        }
        guard days >= 0 else { throw reader.error(entry.line, field(key), "must not be negative, found \(days)") }
        return days
    }

    func date(_ key: String) throws(SettingsError) -> CalendarDate {
        guard let entry = table[key] else { throw missing(key) }
        guard case .date(let date) = entry.value.kind else {
            throw reader.typeError(entry.value, field(key), expected: "a date (2024-01-01, without quotes)")
        }
        return date
    }

    /// An exact decimal amount, as written.
    func amount(_ key: String) throws(SettingsError) -> DecimalNumber {
        guard let entry = table[key] else { throw missing(key) }
        let amount: DecimalNumber?
        switch entry.value.kind {
        case .integer(let integer): amount = DecimalNumber(integer)
        case .float(let number, let text): amount = number.isFinite ? DecimalNumber(text) : nil
        default: throw reader.typeError(entry.value, field(key), expected: "a number")
        }
        guard let amount else {
            throw reader.error(entry.line, field(key), "must be a decimal amount of at most 18 digits, without exponent")
        }
        guard !amount.isNegative else { throw reader.error(entry.line, field(key), "must not be negative") }
        return amount
    }

    private func field(_ key: String) -> String {
        path + "." + key
    }

    private func missing(_ key: String) -> SettingsError {
        let why = key == "citation" ? ": every row names its legal source" : ""
        return reader.error(line, field(key), "missing\(why)")
    }
}
