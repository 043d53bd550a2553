import TenderModel

extension ScreeningSettings {
    /// `sha256:` and the SHA-256 of ``canonicalForm(catalogue:)`` in hexadecimal: what a
    /// report records, so two reports can be told apart by the settings they were made with.
    /// Comments, key order and layout of a settings file do not change it; any value does.
    public var digest: String {
        "sha256:" + SHA256.hexDigest(canonicalForm())
    }

    /// The effective settings as text, one fact a line: every indicator of `catalogue` in its
    /// order, enabled or not, with every setting's value (the default when not overridden);
    /// the value adjustment; the legal tables' rows, each as one line, sorted (the order of
    /// rows does not change what a table answers, see ``SettingsFile``).
    public func canonicalForm(catalogue: [IndicatorMetadata] = IndicatorCatalogue.all.map { $0.metadata }) -> String {
        var lines = ["tenderscreen settings, canonical form 1"]
        for indicator in catalogue {
            lines.append("indicator \(TOMLString.quoted(indicator.id)) enabled=\(!disabled.contains(indicator.id))")
            for setting in indicator.settings {
                let effective = Self.canonical(value(setting.key, of: indicator), default: setting.defaultValue)
                lines.append("  \(TOMLString.quoted(setting.key)) = \(Self.typed(effective))")
            }
        }
        if let valueAdjustment {
            lines.append("value-adjustment reference=\(valueAdjustment.reference) strength=\(valueAdjustment.strength)")
        } else {
            lines.append("value-adjustment off")
        }
        lines += timeLimits.rules.map(Self.line).sorted()
        lines += thresholds.rules.map(Self.line).sorted()
        return lines.joined(separator: "\n") + "\n"
    }

    /// A whole number given to a number setting is that number.
    private static func canonical(_ value: SettingValue, default defaultValue: SettingValue) -> SettingValue {
        if case .number = defaultValue, case .integer(let integer) = value { return .number(Double(integer)) }
        return value
    }

    /// The value with its type, so `1` and `1.0`, `"1"` and `1` differ.
    private static func typed(_ value: SettingValue) -> String {
        switch value {
        case .integer(let integer): return "integer \(integer)"
        case .number(let number): return "number \(number)"
        case .flag(let flag): return "flag \(flag)"
        case .text(let text): return "text \(TOMLString.quoted(text))"
        case .list(let items): return "list [" + items.map(TOMLString.quoted).joined(separator: ", ") + "]"
        }
    }

    /// The key fields first (legal basis, stage, case, procedure types), so sorted lines are
    /// in key order.
    private static func line(_ rule: TimeLimitRule) -> String {
        "time-limit legal-basis=\(TOMLString.quoted(rule.legalBasis)) stage=\(rule.stage.rawValue) "
            + "case=\(rule.condition.rawValue) procedure-types=["
            + rule.procedureTypes.sorted().map(TOMLString.quoted).joined(separator: ",") + "] "
            + "days=\(rule.days) jurisdiction=\(TOMLString.quoted(rule.jurisdiction)) "
            + "citation=\(TOMLString.quoted(rule.citation))"
    }

    private static func line(_ rule: ThresholdRule) -> String {
        "threshold legal-basis=\(TOMLString.quoted(rule.legalBasis)) category=\(rule.category.rawValue) "
            + "valid-from=\(rule.validFrom) valid-until=\(rule.validUntil) amount=\(rule.amount.normalized) "
            + "currency=\(TOMLString.quoted(rule.currency)) jurisdiction=\(TOMLString.quoted(rule.jurisdiction)) "
            + "citation=\(TOMLString.quoted(rule.citation))"
    }
}
