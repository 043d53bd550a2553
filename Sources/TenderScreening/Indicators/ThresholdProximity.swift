import TenderModel

/// `threshold-proximity`: an estimated value set just below the EU threshold that applies.
public struct ThresholdProximity: Indicator {
    public static let metadata = IndicatorMetadata(
        id: "threshold-proximity",
        name: "Estimate just below the EU threshold",
        phase: .planning,
        detects: "A procedure whose estimated value (BT-27) lies less than `margin` below the EU threshold that "
            + "applies to it on the day its call was sent: by legal basis (BT-01), nature (BT-23) and, for "
            + "supplies and services under 2014/24/EU, central or sub-central buyer (BT-11).",
        rationale: "Above the threshold a procedure must be advertised across the EU with the directives' "
            + "safeguards. Estimates that land just under it, more often than chance allows, suggest the value was "
            + "shaded (or the purchase cut up) to escape those rules.",
        method: "Value = the procedure's estimated value from the call for competition, else the sum of its lots' "
            + "(all in one currency). The threshold is looked up in the dated table (settings `thresholds`; the EU "
            + "rows cite the Commission Delegated Regulation of each two-year period) for the dispatch date of the "
            + "first notice. Flag when threshold × (1 − margin) ≤ value < threshold. Values not in EUR are not "
            + "converted (the binding national-currency figures are not in the table): insufficient data.",
        evidence: [
            .init("estimatedValue", "BT-27"), .init("estimateLevel", "`procedure` or `sum of lots`"),
            .init("threshold", "the threshold that applies"), .init("category", "the threshold category"),
            .init("date", "the dispatch date used to pick the period"),
            .init("belowBy", "how far below the threshold, as a share of it"),
        ],
        settings: [
            .init("weight", default: .number(10), "points a flagged procedure adds to the score"),
            .init("margin", default: .number(0.05), "flag estimates within this share below the threshold"),
        ],
        exclusions: [
            "Supplies of central authorities in the defence field not listed in Annex III of 2014/24/EU (they use the "
                + "sub-central figure): the table applies the central one.",
            "Estimates in other currencies; placeholders; legal bases without thresholds in the table.",
        ],
        references: [
            .init("OCP R002", "Manipulation of procurement thresholds"),
            .init("ProZorro RISK2-5_1", "purchase close to a threshold (5 % below for goods and services)"),
            .init("Directive 2014/24/EU art. 4-5", "thresholds and the calculation of the estimated value"),
        ],
        example: "Services of a regional authority (BT-11 `ra`) sent on 2024-06-03, estimate 215000 EUR: the "
            + "2024-25 sub-central threshold is 221000 EUR (Commission Delegated Regulation (EU) 2023/2495), "
            + "2.7 % below: flagged. An estimate of 180000 EUR is clear."
    )

    let margin: Double
    let table: ThresholdTable

    public init(settings: ScreeningSettings) {
        margin = settings.number("margin", of: Self.metadata)
        table = settings.thresholds
    }

    public func evaluate(_ procedure: Procedure, population: Void) -> [Finding] {
        [evaluateProcedure(procedure)]
    }

    private func evaluateProcedure(_ procedure: Procedure) -> Finding {
        let id = Self.metadata.id
        var evidence = Evidence()
        guard let legalBasis = procedure.legalBasis else {
            return Finding(indicator: id, status: .insufficientData(missing: ["BT-01 legal basis"]),
                           message: "legal basis unknown")
        }
        guard table.knows(legalBasis: legalBasis) else {
            return Finding(indicator: id, status: .notApplicable(reason: "no thresholds for legal basis \(legalBasis)"),
                           message: "no thresholds known for \(legalBasis)")
        }
        let (value, level) = procedure.thresholdEstimate()
        evidence["estimatedValue"] = EvidenceValue(value)
        evidence["estimateLevel"] = .text(level)
        guard let value, !value.isPlaceholder else {
            return Finding(indicator: id, status: .insufficientData(missing: ["BT-27 estimated value"]),
                           message: "no usable estimated value", evidence: evidence)
        }
        guard value.currency == "EUR" else {
            return Finding(indicator: id, status: .insufficientData(missing: ["estimated value in EUR"]),
                           message: "estimate in \(value.currency ?? "an unknown currency"), thresholds in EUR",
                           evidence: evidence)
        }
        let category: ThresholdCategory
        switch procedure.thresholdCategory(legalBasis: legalBasis) {
        case .success(let found): category = found
        case .failure(let missing):
            return Finding(indicator: id, status: .insufficientData(missing: missing.facts),
                           message: "cannot tell which threshold applies", evidence: evidence)
        }
        guard let date = procedure.thresholdDate else {
            return Finding(indicator: id, status: .insufficientData(missing: ["BT-05 dispatch date"]),
                           message: "dispatch date unknown", evidence: evidence)
        }
        evidence["category"] = .text(category.rawValue)
        evidence["date"] = .date(date)
        guard let rule = table.threshold(legalBasis: legalBasis, category: category, on: date) else {
            return Finding(indicator: id, status: .notApplicable(reason: "no threshold in force on \(date)"),
                           message: "no threshold for \(category.rawValue) on \(date)", evidence: evidence)
        }
        // A jurisdiction's row may be in its own currency: never compare amounts across currencies.
        guard rule.currency == value.currency else {
            return Finding(indicator: id, status: .insufficientData(missing: ["estimated value in \(rule.currency)"]),
                           message: "the threshold that applies is in \(rule.currency), the estimate in EUR",
                           evidence: evidence)
        }
        let threshold = Amount(value: rule.amount, currency: rule.currency)
        evidence["threshold"] = .amount(threshold)
        let shortfall = (rule.amount.doubleValue - value.value.doubleValue) / rule.amount.doubleValue
        evidence["belowBy"] = .ratio(shortfall)
        let limit = Threshold(.amount(threshold), "below, within \(percent(margin)) of",
                              source: .law(table: "thresholds", citation: rule.citation))
        if shortfall > 0, shortfall <= margin {
            return Finding(indicator: id, status: .flagged,
                           message: "estimate \(value) is \(percent(shortfall)) below the \(threshold) threshold",
                           evidence: evidence, threshold: limit)
        }
        let message = shortfall <= 0 ? "estimate at or above the \(threshold) threshold"
            : "estimate \(percent(shortfall)) below the \(threshold) threshold"
        return Finding(indicator: id, status: .clear, message: message, evidence: evidence, threshold: limit)
    }
}
