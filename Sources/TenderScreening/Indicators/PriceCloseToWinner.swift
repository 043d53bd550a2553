import TenderModel

/// `price-close-to-winner`: the runner-up priced suspiciously close to the winner.
public struct PriceCloseToWinner: Indicator {
    public typealias Population = PriceGapPopulation

    public static let metadata = IndicatorMetadata(
        id: "price-close-to-winner",
        name: "Second price close to the winner",
        phase: .award,
        detects: "A lot where the second-lowest tender is unusually close to the winning one: the relative "
            + "difference d is below the lower Tukey fence of all lots of the input (or a fixed `threshold`).",
        rationale: "Cover bids are written to lose by a little: a runner-up just above the winner, lot after lot, "
            + "is the footprint of a cartel agreeing who wins and making the competition look real.",
        method: "For each lot with one winning tender priced lowest and at least one other priced tender from "
            + "another tenderer: d = (second-lowest − winning) / winning. Over all such lots of the input, "
            + "Q1 and Q3 (linear interpolation) give the lower fence Q1 − 1.5·IQR. Flag d below the fence. With "
            + "fewer than `minimum-lots` lots, or when Q1 ≤ 0 or the fence ≤ 0 (then a quarter of all lots would "
            + "look alike), no fence is used and lots are not judged, unless `threshold` fixes one.",
        evidence: [
            .init("winningTender", "the winning tender"), .init("winningAmount", "its value (BT-720)"),
            .init("secondTender", "the next-lowest tender"), .init("secondAmount", "its value"),
            .init("difference", "d = (second − winning) / winning"),
        ],
        settings: [
            .init("weight", default: .number(10), "points a flagged lot adds to the score"),
            .init("threshold", default: .text("fence"), "a fixed d below which to flag, instead of the fence"),
            .init("minimum-lots", default: .integer(20), "fewest priced lots for a fence"),
        ],
        exclusions: [
            "Lots whose winner is not the lowest tender (awards on quality): the gap means nothing there.",
            "Several winners (frameworks), placeholder or withheld prices, other currencies.",
        ],
        references: [
            .init("OCP R024", "Price close to winning bid"),
            .init("Cardinal R024", "open-contracting/cardinal-rs, with its Q1 ≤ 0 / fence ≤ 0 guards"),
            .init("LIT DIFFP", "Imhof (2017), Huber & Imhof (2019): difference between the two lowest bids"),
        ],
        example: "With fences from 40 lots (Q1 0.05, Q3 0.25, lower fence −0.25) no lot is judged: the fence is "
            + "degenerate. With `threshold` 0.005, a lot won at 100000 EUR with the runner-up at 100400 EUR "
            + "(d 0.004) is flagged."
    )

    let fixedThreshold: Double?
    let minimumLots: Int

    public init(settings: ScreeningSettings) {
        fixedThreshold = settings.value("threshold", of: Self.metadata).number
        minimumLots = settings.integer("minimum-lots", of: Self.metadata)
    }

    public func observe(_ procedure: Procedure, into population: inout PriceGapPopulation) {
        population.add(procedure)
    }

    public func evaluate(_ procedure: Procedure, population: Quartiles?) -> [Finding] {
        let cutoff = PriceGapCutoff(indicator: Self.metadata.id, side: .lower, fixed: fixedThreshold,
                                    minimumLots: minimumLots, quartiles: population)
        return procedure.awardUnits.compactMap { lot in
            cutoff.evaluate(lot, in: procedure) { gap, limit in
                gap.value < limit ? "runner-up only \(percent(gap.value)) above the winner" : nil
            }
        }
    }
}

/// `heavily-discounted-bid`: the winner priced far below every other tender.
public struct HeavilyDiscountedBid: Indicator {
    public typealias Population = PriceGapPopulation

    public static let metadata = IndicatorMetadata(
        id: "heavily-discounted-bid",
        name: "Heavily discounted winning bid",
        phase: .award,
        detects: "A lot where the winning tender is unusually far below the next-lowest one: d is above the upper "
            + "Tukey fence of all lots of the input (or a fixed `threshold`).",
        rationale: "An abnormally low winning price can mean the winner knows it will recover the difference "
            + "through later modifications or lax supervision, or that the other tenders were inflated covers.",
        method: "d as for price-close-to-winner; flag d above Q3 + 1.5·IQR over all lots of the input. With fewer "
            + "than `minimum-lots` lots, or when the upper fence ≤ 0, lots are not judged, unless `threshold` "
            + "fixes one.",
        evidence: [
            .init("winningTender", "the winning tender"), .init("winningAmount", "its value (BT-720)"),
            .init("secondTender", "the next-lowest tender"), .init("secondAmount", "its value"),
            .init("difference", "d = (second − winning) / winning"),
        ],
        settings: [
            .init("weight", default: .number(5), "points a flagged lot adds to the score"),
            .init("threshold", default: .text("fence"), "a fixed d above which to flag, instead of the fence"),
            .init("minimum-lots", default: .integer(20), "fewest priced lots for a fence"),
        ],
        exclusions: [
            "Lots whose winner is not the lowest tender, several winners, placeholder or withheld prices, "
                + "other currencies.",
        ],
        references: [
            .init("OCP R058", "Heavily discounted bid"),
            .init("Cardinal R058", "open-contracting/cardinal-rs, with its upper fence ≤ 0 guard"),
        ],
        example: "With fences from 40 lots (Q1 0.05, Q3 0.25, upper fence 0.55), a lot won at 100000 EUR with the "
            + "runner-up at 180000 EUR (d 0.8) is flagged."
    )

    let fixedThreshold: Double?
    let minimumLots: Int

    public init(settings: ScreeningSettings) {
        fixedThreshold = settings.value("threshold", of: Self.metadata).number
        minimumLots = settings.integer("minimum-lots", of: Self.metadata)
    }

    public func observe(_ procedure: Procedure, into population: inout PriceGapPopulation) {
        population.add(procedure)
    }

    public func evaluate(_ procedure: Procedure, population: Quartiles?) -> [Finding] {
        let cutoff = PriceGapCutoff(indicator: Self.metadata.id, side: .upper, fixed: fixedThreshold,
                                    minimumLots: minimumLots, quartiles: population)
        return procedure.awardUnits.compactMap { lot in
            cutoff.evaluate(lot, in: procedure) { gap, limit in
                gap.value > limit ? "winner \(percent(gap.value)) below the next tender" : nil
            }
        }
    }
}

/// The shared evaluation of both price-gap indicators against a fence or a fixed threshold.
struct PriceGapCutoff {
    let indicator: String
    let side: Fence.Side
    let fixed: Double?
    let minimumLots: Int
    let quartiles: Quartiles?

    /// `flag` returns the message when the gap crosses the limit.
    func evaluate(_ lot: ProcedureLot, in procedure: Procedure, flag: (PriceGap, Double) -> String?) -> Finding? {
        guard lot.result != nil else { return nil }
        let gap: PriceGap
        switch PriceGap.of(lot, in: procedure) {
        case .success(let value): gap = value
        case .failure(.notApplicable(let reason)):
            return Finding(indicator: indicator, lot: lot.id, status: .notApplicable(reason: reason), message: reason)
        case .failure(.insufficient(let missing)):
            return Finding(indicator: indicator, lot: lot.id, status: .insufficientData(missing: missing),
                           message: "prices of the two lowest tenders not both published")
        }
        let comparison = side == .lower ? "<" : ">"
        let threshold: Threshold
        if let fixed {
            threshold = Threshold(.ratio(fixed), comparison, source: .setting(key: "\(indicator).threshold"))
        } else {
            guard let quartiles, quartiles.count >= minimumLots else {
                let count = quartiles?.count ?? 0
                return Finding(indicator: indicator, lot: lot.id,
                               status: .notApplicable(reason: "only \(count) priced lots in the input (fewer than \(minimumLots))"),
                               message: "too few priced lots for a fence", evidence: gap.evidence)
            }
            let fence = quartiles.fence(side)
            let degenerate = side == .lower ? (quartiles.q1 <= 0 || fence.value <= 0) : fence.value <= 0
            guard !degenerate else {
                return Finding(indicator: indicator, lot: lot.id,
                               status: .notApplicable(reason: "the \(side.rawValue) fence is degenerate "
                                   + "(Q1 \(rounded(quartiles.q1)), Q3 \(rounded(quartiles.q3)))"),
                               message: "fence degenerate", evidence: gap.evidence,
                               threshold: Threshold(.ratio(fence.value), comparison, source: .fence(fence)))
            }
            threshold = Threshold(.ratio(fence.value), comparison, source: .fence(fence))
        }
        let limit: Double
        switch threshold.value {
        case .number(let value): limit = value
        default: limit = 0
        }
        if let message = flag(gap, limit) {
            return Finding(indicator: indicator, lot: lot.id, status: .flagged, message: message, evidence: gap.evidence,
                           threshold: threshold)
        }
        return Finding(indicator: indicator, lot: lot.id, status: .clear,
                       message: "gap \(percent(gap.value)) between the two lowest tenders", evidence: gap.evidence,
                       threshold: threshold)
    }
}

/// `4.2 %`.
func percent(_ ratio: Double) -> String {
    let tenths = Int((ratio * 1000).rounded())
    return "\(tenths / 10).\(abs(tenths % 10)) %"
}

func rounded(_ value: Double) -> String {
    String((value * 10_000).rounded() / 10_000)
}
