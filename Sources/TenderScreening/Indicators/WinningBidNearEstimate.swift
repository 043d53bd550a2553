import TenderModel

/// `winning-bid-near-estimate`: the awarded value at or above the estimate.
public struct WinningBidNearEstimate: Indicator {
    public static let metadata = IndicatorMetadata(
        id: "winning-bid-near-estimate",
        name: "Winning bid at or above the estimate",
        phase: .award,
        detects: "A lot whose awarded value (the winning tenders, BT-720) is at least `minimum-ratio` of its "
            + "estimated value (BT-27), or above it.",
        rationale: "Under competition, winning prices scatter below the buyer's estimate. A winner pricing at "
            + "the estimate to the euro suggests the estimate leaked, or was written for that bidder's offer; "
            + "a price above the estimate means the buyer accepted to pay more than it had planned. Albania's "
            + "monitors track the winning bid against the 'limit fund' for this reason.",
        method: "ratio = awarded value / estimated value, in the same currency. The estimate is the lot's "
            + "(from the call for competition); for a procedure with a single lot, the procedure's. Flag when "
            + "ratio ≥ `minimum-ratio` (default 0.98, i.e. within 2 %), or > 1.",
        evidence: [
            .init("awardedValue", "sum of the winning tenders' values (BT-720)"),
            .init("estimatedValue", "BT-27"),
            .init("estimateLevel", "`lot` or `procedure`"),
            .init("ratio", "awarded / estimated"),
        ],
        settings: [
            .init("weight", default: .number(5), "points a flagged lot adds to the score"),
            .init("minimum-ratio", default: .number(0.98), "flag when awarded / estimated is at least this"),
        ],
        exclusions: [
            "Placeholder amounts (at most one currency unit), withheld values and the notice's total value repeated "
                + "as a tender value in a notice of several lots: insufficient data.",
            "Different currencies: not converted, insufficient data.",
            "Framework agreements where the awarded value is the framework maximum may sit at the estimate by design.",
        ],
        references: [
            .init("OCP R031", "Winning bid very close to or higher than the estimate"),
            .init("opentender INTEGRITY_COST_OVERRUN", "DIGIWHIST: winning bid vs estimated price"),
            .init("Albania AIS/ODA", "winning bid equal to the limit fund"),
            .init("OECD BR-28", "winning bid substantially above the estimate"),
        ],
        example: "Estimate 480000 EUR, winning tender 472300.00 EUR: ratio 0.984, flagged; estimate 620000 EUR, "
            + "winner 548000.00 EUR: 0.8839, clear."
    )

    let minimumRatio: Double

    public init(settings: ScreeningSettings) {
        minimumRatio = settings.number("minimum-ratio", of: Self.metadata)
    }

    public func evaluate(_ procedure: Procedure, population: Void) -> [Finding] {
        let singleLot = procedure.awardUnits.count == 1
        return procedure.awardUnits.filter { $0.result?.winners.isEmpty == false }
            .map { evaluate(procedure, $0, singleLot: singleLot) }
    }

    private func evaluate(_ procedure: Procedure, _ lot: ProcedureLot, singleLot: Bool) -> Finding {
        let id = Self.metadata.id
        var evidence = Evidence()
        let result = lot.result!
        let value = result.awardedValue
        evidence["awardedValue"] = EvidenceValue(value) { .amount($0) }
        var estimate = lot.call?.estimatedValue
        var level = "lot"
        if estimate == nil, singleLot {
            estimate = procedure.estimatedValue
            level = "procedure"
        }
        evidence["estimatedValue"] = EvidenceValue(estimate)
        evidence["estimateLevel"] = .text(level)
        let unusable = result.winners.compactMap { procedure.priceProblem(of: $0) }.first
        guard let awarded = value.value, unusable == nil else {
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["BT-720 winning tender value (\(unusable ?? "not published"))"]),
                           message: "awarded value not usable", evidence: evidence)
        }
        guard let estimate, !estimate.isPlaceholder else {
            let why = estimate?.isPlaceholder == true ? "BT-27 estimated value (placeholder)" : "BT-27 estimated value"
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: [why]),
                           message: "estimated value not published", evidence: evidence)
        }
        guard awarded.currency == estimate.currency else {
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["values in one currency"]),
                           message: "awarded in \(awarded.currency ?? "?"), estimated in \(estimate.currency ?? "?")",
                           evidence: evidence)
        }
        let ratio = awarded.value.doubleValue / estimate.value.doubleValue
        evidence["ratio"] = .ratio(ratio)
        let threshold = Threshold(.number(minimumRatio), ">=", source: .setting(key: "winning-bid-near-estimate.minimum-ratio"))
        let percent = percent(ratio)
        if ratio > 1 {
            return Finding(indicator: id, lot: lot.id, status: .flagged,
                           message: "awarded \(percent) of the estimate: above it", evidence: evidence, threshold: threshold)
        }
        if ratio >= minimumRatio {
            return Finding(indicator: id, lot: lot.id, status: .flagged,
                           message: "awarded \(percent) of the estimate", evidence: evidence, threshold: threshold)
        }
        return Finding(indicator: id, lot: lot.id, status: .clear, message: "awarded \(percent) of the estimate",
                       evidence: evidence, threshold: threshold)
    }
}
