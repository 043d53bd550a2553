/// How one indicator judged an organisation's procedures: each procedure counts once, by
/// its strongest finding (flagged over clear over insufficient data; not applicable is not
/// counted), as scoring counts an indicator once per procedure.
struct IndicatorTally: Sendable, Hashable {
    var flagged = 0
    var clear = 0
    var insufficientData = 0
    /// Σ severity of the flagged procedures' strongest finding, in ten-thousandths: integers,
    /// so the total does not depend on the order procedures are added in.
    var severity = 0

    static let severityUnit = 10_000.0

    /// One procedure's verdict from the indicator's findings on it.
    init(findings: some Sequence<Finding>) {
        var strongest: Double?
        var anyClear = false
        var anyInsufficient = false
        for finding in findings {
            switch finding.status {
            case .flagged: strongest = max(strongest ?? 0, finding.severity)
            case .clear: anyClear = true
            case .insufficientData: anyInsufficient = true
            case .notApplicable: break
            }
        }
        if let strongest {
            flagged = 1
            severity = Int((strongest * Self.severityUnit).rounded())
        } else if anyClear {
            clear = 1
        } else if anyInsufficient {
            insufficientData = 1
        }
    }

    init() {}

    /// Procedures where the indicator could judge: flagged or clear.
    var checked: Int { flagged + clear }

    mutating func add(_ other: IndicatorTally) {
        flagged += other.flagged
        clear += other.clear
        insufficientData += other.insufficientData
        severity += other.severity
    }
}
