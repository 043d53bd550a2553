/// A settings file (TOML, see docs/settings.md) read and checked against the indicator
/// catalogue: every key must be known, every value of the right type and in range.
///
/// ```toml
/// [indicators.single-bid]
/// enabled = true
/// weight = 20
/// maximum-tenders = 1
///
/// [scoring.value-adjustment]
/// enabled = false
///
/// [[time-limits]]   # when present, the rows are the whole table
/// [[thresholds]]    # likewise
/// ```
///
/// Nothing here is specific to an indicator: the keys of `[indicators.<id>]` are `enabled`
/// and the settings its ``IndicatorMetadata`` declares, typed by their defaults.
public struct SettingsFile: Sendable {
    /// The settings to screen with (keys the file leaves out keep their defaults).
    public var settings: ScreeningSettings
    /// `[scoring.value-adjustment]`'s reference and strength as written, even with
    /// `enabled = false`, so `--value-weighting` can switch it on with them.
    public var valueAdjustment: ValueAdjustment

    public init(settings: ScreeningSettings, valueAdjustment: ValueAdjustment = ValueAdjustment()) {
        self.settings = settings
        self.valueAdjustment = valueAdjustment
    }

    /// Reads `text`; `file` is the name errors give.
    public static func parse(_ text: String, file: String,
                             catalogue: [IndicatorMetadata] = IndicatorCatalogue.all.map { $0.metadata })
        throws(SettingsError) -> SettingsFile {
        let document = try TOMLDocument.parse(text, file: file)
        return try SettingsReader(file: file, catalogue: catalogue).read(document.root)
    }

    /// The top-level tables a settings file may have.
    public static let sections = ["indicators", "scoring", "time-limits", "thresholds"]
}

/// Walks a parsed document into ``ScreeningSettings``.
struct SettingsReader {
    let file: String
    let catalogue: [IndicatorMetadata]

    func read(_ root: TOMLTable) throws(SettingsError) -> SettingsFile {
        var result = SettingsFile(settings: ScreeningSettings())
        for entry in root.entries {
            switch entry.key {
            case "indicators":
                try readIndicators(table(entry, path: "indicators"), into: &result.settings)
            case "scoring":
                try readScoring(table(entry, path: "scoring"), into: &result)
            case "time-limits":
                result.settings.timeLimits = try LegalTableReader(reader: self).timeLimits(entry)
            case "thresholds":
                result.settings.thresholds = try LegalTableReader(reader: self).thresholds(entry)
            default:
                throw unknown(entry, path: [], what: entry.value.isTable ? "table" : "key",
                              known: SettingsFile.sections)
            }
        }
        return result
    }

    // MARK: [indicators.<id>]

    private func readIndicators(_ indicators: TOMLTable, into settings: inout ScreeningSettings) throws(SettingsError) {
        for entry in indicators.entries {
            guard let metadata = catalogue.first(where: { $0.id == entry.key }) else {
                throw error(entry.line, TOMLKey.path(["indicators", entry.key]),
                            "unknown indicator" + Suggestion.hint(for: entry.key, in: catalogue.map(\.id)))
            }
            let path = ["indicators", metadata.id]
            for setting in try table(entry, path: TOMLKey.path(path)).entries {
                let key = TOMLKey.path(path + [setting.key])
                if setting.key == "enabled" {
                    guard case .boolean(let enabled) = setting.value.kind else {
                        throw typeError(setting.value, key, expected: "true or false")
                    }
                    if enabled { settings.disabled.remove(metadata.id) } else { settings.disabled.insert(metadata.id) }
                    continue
                }
                guard let declared = metadata.settings.first(where: { $0.key == setting.key }) else {
                    throw unknown(setting, path: path, what: "key", known: ["enabled"] + metadata.settings.map(\.key))
                }
                let value = try settingValue(setting.value, for: declared, key: key)
                // Only changes are kept, so a file restating the defaults equals the defaults.
                settings.overrides[metadata.id, default: [:]][declared.key] = value == declared.defaultValue ? nil : value
                if settings.overrides[metadata.id]?.isEmpty == true { settings.overrides[metadata.id] = nil }
            }
        }
    }

    /// The value typed by the setting's default: an integer setting takes an integer, a
    /// number setting an integer or a float, a word (`"fence"`) a string or a number.
    private func settingValue(_ value: TOMLValue, for setting: IndicatorMetadata.Setting,
                              key: String) throws(SettingsError) -> SettingValue {
        let range = setting.allowedRange
        switch (setting.defaultValue, value.kind) {
        case (.integer, .integer(let integer)):
            try check(Double(integer), in: range, value, key)
            return .integer(integer)
        case (.integer, _):
            throw typeError(value, key, expected: "an integer")
        case (.number, .integer(let integer)), (.text, .integer(let integer)):
            try check(Double(integer), in: range, value, key)
            return .number(Double(integer))
        case (.number, .float(let number, _)), (.text, .float(let number, _)):
            try check(number, in: range, value, key)
            return .number(number)
        case (.number, _):
            throw typeError(value, key, expected: "a number")
        case (.flag, .boolean(let flag)):
            return .flag(flag)
        case (.flag, _):
            throw typeError(value, key, expected: "true or false")
        case (.text, .string(let text)):
            return .text(text)
        case (.text, _):
            throw typeError(value, key, expected: "a string or a number")
        case (.list, _):
            return .list(try strings(value, key))
        }
    }

    /// An array of strings: a `.list` setting, a list in a legal table row.
    func strings(_ value: TOMLValue, _ key: String) throws(SettingsError) -> [String] {
        guard case .array(let items) = value.kind else { throw typeError(value, key, expected: "an array of strings") }
        var strings: [String] = []
        for item in items {
            guard case .string(let text) = item.kind else {
                throw error(item.line, key, "expected an array of strings, found \(item.typeDescription) in it")
            }
            strings.append(text)
        }
        return strings
    }

    // MARK: [scoring]

    private func readScoring(_ scoring: TOMLTable, into result: inout SettingsFile) throws(SettingsError) {
        for entry in scoring.entries {
            guard entry.key == "value-adjustment" else {
                throw unknown(entry, path: ["scoring"], what: "key", known: ["value-adjustment"])
            }
            let path = ["scoring", "value-adjustment"]
            var enabled = false
            for field in try table(entry, path: TOMLKey.path(path)).entries {
                let key = TOMLKey.path(path + [field.key])
                switch field.key {
                case "enabled":
                    guard case .boolean(let flag) = field.value.kind else {
                        throw typeError(field.value, key, expected: "true or false")
                    }
                    enabled = flag
                case "reference":
                    let reference = try number(field.value, key)
                    guard reference > 0 else { throw error(field.value.line, key, "must be more than 0 (EUR)") }
                    result.valueAdjustment.reference = reference
                case "strength":
                    let strength = try number(field.value, key)
                    try check(strength, in: 0...Double.infinity, field.value, key)
                    result.valueAdjustment.strength = strength
                default:
                    throw unknown(field, path: path, what: "key", known: ["enabled", "reference", "strength"])
                }
            }
            result.settings.valueAdjustment = enabled ? result.valueAdjustment : nil
        }
    }

    // MARK: Helpers shared with the legal tables

    func table(_ entry: TOMLEntry, path: String) throws(SettingsError) -> TOMLTable {
        guard case .table(let table) = entry.value.kind else {
            throw error(entry.line, path, "expected a table, found \(entry.value.typeDescription)")
        }
        return table
    }

    func number(_ value: TOMLValue, _ key: String) throws(SettingsError) -> Double {
        switch value.kind {
        case .integer(let integer): return Double(integer)
        case .float(let number, _):
            guard number.isFinite else { throw error(value.line, key, "must be a finite number") }
            return number
        default: throw typeError(value, key, expected: "a number")
        }
    }

    func check(_ number: Double, in range: ClosedRange<Double>, _ value: TOMLValue, _ key: String) throws(SettingsError) {
        guard number.isFinite else { throw error(value.line, key, "must be a finite number") }
        guard range.contains(number) else { throw error(value.line, key, "\(range.requirement), found \(number.settingText)") }
    }

    func typeError(_ value: TOMLValue, _ key: String, expected: String) -> SettingsError {
        error(value.line, key, "expected \(expected), found \(value.typeDescription)")
    }

    func unknown(_ entry: TOMLEntry, path: [String], what: String, known: [String]) -> SettingsError {
        error(entry.line, TOMLKey.path(path + [entry.key]), "unknown \(what)" + Suggestion.hint(for: entry.key, in: known))
    }

    func error(_ line: Int, _ key: String?, _ message: String) -> SettingsError {
        SettingsError(file: file, line: line, key: key, message: message)
    }
}

extension TOMLValue {
    var isTable: Bool {
        if case .table = kind { return true }
        return false
    }
}

extension Double {
    /// `20` rather than `20.0` when whole, for messages and the settings file.
    var settingText: String {
        if isFinite, self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
