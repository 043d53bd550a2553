extension IndicatorMetadata.Setting {
    /// The values a settings file may give this setting when it is a number.
    ///
    /// The declared ``range`` when there is one. Otherwise inferred from the metadata, so
    /// indicators need no code for it: a severity (`severity`, `…-severity`) and a setting
    /// whose meaning speaks of a share are 0…1 (severities are 0…1 by definition, see
    /// ``Finding/severity``); any other number is at least 0 (weights, counts, days, ratios).
    /// An inferred range that would exclude the default is dropped: the default is always valid.
    public var allowedRange: ClosedRange<Double> {
        if let range { return range }
        let isShare = key == "severity" || key.hasSuffix("-severity") || meaning.split(separator: " ").contains("share")
        let inferred: ClosedRange<Double> = isShare ? 0...1 : 0...Double.infinity
        if let number = defaultValue.number, !inferred.contains(number) { return -Double.infinity...Double.infinity }
        return inferred
    }
}

extension ClosedRange where Bound == Double {
    /// `must not be negative`, `must be a share between 0 and 1`…, for error messages.
    var requirement: String {
        switch (lowerBound, upperBound) {
        case (0, .infinity): return "must not be negative"
        case (0, 1): return "must be a share between 0 and 1"
        case (-.infinity, let upper): return "must be at most \(upper.settingText)"
        case (let lower, .infinity): return "must be at least \(lower.settingText)"
        default: return "must be between \(lowerBound.settingText) and \(upperBound.settingText)"
        }
    }
}
