/// A setting's value, typed.
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case flag(Bool)
    case text(String)
    case list([String])

    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .flag(let value): return String(value)
        case .text(let value): return "\"\(value)\""
        case .list(let values): return "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
    }

    public var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }
}

/// What can be configured: which indicators run, their weights, their settings and the
/// legal tables. Defaults live in each indicator's metadata, so documentation and
/// behaviour cannot drift apart; `overrides` holds only what a user changed.
///
/// A settings file (``SettingsFile``, docs/settings.md) fills them in; ``digest`` fingerprints
/// the effective values for reports. Two settings are equal when their effective values are
/// (``canonicalForm(catalogue:)``), whatever was written to reach them.
public struct ScreeningSettings: Sendable, Equatable {
    /// Indicators switched off by id.
    public var disabled: Set<String> = []
    /// Per indicator id, per setting key: the value replacing the default.
    public var overrides: [String: [String: SettingValue]] = [:]
    /// Legal minimum time limits (EU directives, plus jurisdictions' own rows).
    public var timeLimits: TimeLimitTable = .eu
    /// Procurement thresholds by period.
    public var thresholds: ThresholdTable = .eu
    /// Scale each procedure's score by the value at stake.
    public var valueAdjustment: ValueAdjustment? = nil

    public init() {}

    public static let standard = ScreeningSettings()

    /// The value of `key` for `indicator`: the override, else the metadata default.
    public func value(_ key: String, of indicator: IndicatorMetadata) -> SettingValue {
        if let value = overrides[indicator.id]?[key] { return value }
        guard let setting = indicator.settings.first(where: { $0.key == key }) else {
            preconditionFailure("\(indicator.id) reads undeclared setting \(key)")
        }
        return setting.defaultValue
    }

    public func number(_ key: String, of indicator: IndicatorMetadata) -> Double {
        guard let number = value(key, of: indicator).number else {
            preconditionFailure("\(indicator.id).\(key) is not a number")
        }
        return number
    }

    public func integer(_ key: String, of indicator: IndicatorMetadata) -> Int {
        Int(number(key, of: indicator))
    }

    public func list(_ key: String, of indicator: IndicatorMetadata) -> [String] {
        guard case .list(let values) = value(key, of: indicator) else {
            preconditionFailure("\(indicator.id).\(key) is not a list")
        }
        return values
    }

    public func flag(_ key: String, of indicator: IndicatorMetadata) -> Bool {
        guard case .flag(let value) = value(key, of: indicator) else {
            preconditionFailure("\(indicator.id).\(key) is not true/false")
        }
        return value
    }

    /// Whether `key` was set by the user rather than left at its default.
    public func isOverridden(_ key: String, of indicator: IndicatorMetadata) -> Bool {
        overrides[indicator.id]?[key] != nil
    }

    /// The weight of an indicator in the score (its `weight` setting).
    public func weight(of indicator: IndicatorMetadata) -> Double {
        number("weight", of: indicator)
    }

    public static func == (lhs: ScreeningSettings, rhs: ScreeningSettings) -> Bool {
        lhs.canonicalForm() == rhs.canonicalForm()
    }
}

/// Optional scaling of a procedure's score by the value at stake:
/// `factor = 1 + strength · log10(max(1, value / reference))`, for values in EUR.
public struct ValueAdjustment: Sendable, Hashable {
    public var reference: Double
    public var strength: Double

    public init(reference: Double = 100_000, strength: Double = 0.25) {
        self.reference = reference
        self.strength = strength
    }
}
