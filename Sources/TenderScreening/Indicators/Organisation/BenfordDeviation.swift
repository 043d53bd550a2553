import TenderModel

/// `benford-deviation`: a buyer's award values whose first digits stray from Benford's law.
public struct BenfordDeviation: Indicator {
    public typealias Population = BuyerDigitsPopulation

    public static let metadata = IndicatorMetadata(
        id: "benford-deviation",
        name: "Award values deviating from Benford's law",
        phase: .award,
        detects: "A procedure of a buyer whose winning tender values have first digits far from Benford's law: "
            + "Nigrini's mean absolute deviation (MAD) above `acceptable` and a χ² test rejecting Benford at "
            + "`significance`, over at least `minimum-values` values.",
        rationale: "Amounts that arise naturally over several orders of magnitude follow Benford's law (a first "
            + "digit 1 three times in ten, 9 less than once in twenty). Values fixed to fit under approval limits, "
            + "invented, or steered towards agreed prices break the pattern. The Corruption Risk Index applies the "
            + "test per buyer. It is a weak, aggregate signal: it points at a buyer whose files deserve a look, "
            + "never at one contract.",
        method: "Per buyer (the lead buyer), count the first significant digit of every winning tender value "
            + "(BT-720; placeholders of at most one currency unit excluded; currencies may be mixed, the law is "
            + "scale-free). With n values: MAD = (1/9) Σ |count(d)/n − log10(1 + 1/d)|, banded as Nigrini does for "
            + "first digits: ≤ `close` close conformity, ≤ `acceptable` acceptable, ≤ `marginal` marginal, above "
            + "nonconformity. The MAD of a small sample is large by chance — about 0.2349/√n for values that do "
            + "follow Benford (0.0235 at n = 100, 0.0105 at 500, 0.0074 at 1000) — so Nigrini's bands, set for "
            + "thousands of values, would condemn nearly every buyer: a band beyond acceptable counts only when "
            + "Pearson's χ² (8 degrees of freedom) also rejects Benford with p < `significance`. A buyer that does "
            + "follow Benford is then flagged with probability below `significance`, whatever n. Every procedure "
            + "of a flagged buyer with a usable winning value is flagged: severity `marginal-severity` in the "
            + "marginal band, 1 beyond (GTI scores 0.5 and 1).",
        evidence: [
            .init("buyer", "the lead buyer's organisation key"),
            .init("values", "n, the buyer's winning tender values counted"),
            .init("mad", "mean absolute deviation from Benford's proportions"),
            .init("band", "`close`, `acceptable`, `marginal` or `nonconformity`"),
            .init("expectedMad", "the MAD a Benford sample of n values has on average"),
            .init("chiSquare", "Pearson's χ² against Benford's counts"),
            .init("pValue", "P(χ²₈ ≥ chiSquare)"),
            .init("digitCounts", "observed counts of first digits 1…9"),
            .init("expectedCounts", "n · log10(1 + 1/d), d = 1…9"),
        ],
        settings: [
            .init("weight", default: .number(5), "points a flagged procedure adds to the score"),
            .init("minimum-values", default: .integer(100),
                  "fewest winning values for a buyer to be tested (at 100 every Benford count is at least 4.6)"),
            .init("close", default: .number(0.006), "Nigrini: MAD up to this is close conformity"),
            .init("acceptable", default: .number(0.012), "Nigrini: up to this acceptable conformity"),
            .init("marginal", default: .number(0.015), "Nigrini: up to this marginally acceptable; above, nonconformity"),
            .init("significance", default: .number(0.001),
                  "the χ² p-value below which the deviation is not put down to chance"),
            .init("marginal-severity", default: .number(0.5), "severity in the marginal band (nonconformity: 1)"),
        ],
        exclusions: [
            "Buyers keyed by a notice-local id, and buyers with fewer than `minimum-values` values.",
            "Estimated values and losing tenders: only what was awarded is tested.",
            "Procedures whose winning values are all unusable are not judged, even for a flagged buyer.",
            "Markets whose prices span less than an order of magnitude do not follow Benford even when clean; the "
                + "χ² test cannot tell that from manipulation, so a flag calls for a look, not a conclusion.",
        ],
        references: [
            .init("OCP R029", "Open Contracting Partnership, Red Flags (2024): Benford's law"),
            .init("CRI corr_ben", "Government Transparency Institute: per-buyer first-digit MAD, marginal 0.5, "
                + "nonconformity 1"),
            .init("opentender BENFORDS_LAW_FOR_BID_PRICES", "DIGIWHIST / opentender.eu"),
            .init("LIT Nigrini", "Nigrini (2012), Benford's Law: first-digit MAD bands 0.006 / 0.012 / 0.015"),
        ],
        example: "A buyer with 200 winning values whose first digits are 1…9 in 38, 30, 25, 20, 17, 16, 18, 20 "
            + "and 16 values (Benford expects 60.2, 35.2, 25.0, 19.4, 15.8, 13.4, 11.6, 10.2, 9.2) has MAD 0.0305 "
            + "(nonconformity; 0.0166 expected by chance) and χ² 27.57 (p 0.0006 < 0.001): each of its "
            + "procedures is flagged with severity 1."
    )

    let minimumValues: Int
    let bands: (close: Double, acceptable: Double, marginal: Double)
    let significance: Double
    let marginalSeverity: Double

    public init(settings: ScreeningSettings) {
        let metadata = Self.metadata
        minimumValues = settings.integer("minimum-values", of: metadata)
        bands = (settings.number("close", of: metadata), settings.number("acceptable", of: metadata),
                 settings.number("marginal", of: metadata))
        significance = settings.number("significance", of: metadata)
        marginalSeverity = settings.number("marginal-severity", of: metadata)
    }

    public func observe(_ procedure: Procedure, into population: inout BuyerDigitsPopulation) {
        population.add(procedure)
    }

    public func evaluate(_ procedure: Procedure, population: BuyerDigitsPopulation) -> [Finding] {
        let id = Self.metadata.id
        guard procedure.hasAward else { return [AwardAttribution.notAwarded(indicator: id)] }
        guard let buyer = procedure.stableBuyerKey else { return [AwardAttribution.unknownBuyer(indicator: id)] }
        var evidence = Evidence(["buyer": .text(buyer.value)])
        guard BuyerDigitsPopulation.hasWinningValue(procedure) else {
            return [Finding(indicator: id, status: .insufficientData(missing: ["BT-720 winning tender values"]),
                            message: "no usable winning value in this procedure", evidence: evidence)]
        }
        let digits = population.buyers[buyer.value] ?? FirstDigits()
        let n = digits.total
        evidence["values"] = .integer(n)
        guard n >= minimumValues else {
            return [Finding(indicator: id, status: .notApplicable(reason: "the buyer has \(n) winning values "
                                + "(fewer than \(minimumValues))"),
                            message: "too few values to test the buyer against Benford's law", evidence: evidence)]
        }
        let mad = digits.meanAbsoluteDeviation
        let band = mad <= bands.close ? "close" : mad <= bands.acceptable ? "acceptable"
            : mad <= bands.marginal ? "marginal" : "nonconformity"
        let chiSquare = digits.chiSquare
        let pValue = FirstDigits.chiSquarePValue(chiSquare)
        evidence["mad"] = .ratio(mad)
        evidence["band"] = .text(band)
        evidence["expectedMad"] = .ratio(FirstDigits.expectedMeanAbsoluteDeviation(n))
        evidence["chiSquare"] = .number(Scoring.rounded(chiSquare))
        evidence["pValue"] = .ratio(pValue)
        evidence["digitCounts"] = .list(digits.counts.map { .integer($0) })
        evidence["expectedCounts"] = .list(FirstDigits.benford.map { .number((Double(n) * $0 * 10).rounded() / 10) })
        let threshold = Threshold(.ratio(bands.acceptable), ">", source: .setting(key: "\(id).acceptable"))
        let summary = "the buyer's \(n) winning values have a first-digit MAD of \(rounded(mad)) (\(band))"
        guard mad > bands.acceptable else {
            return [Finding(indicator: id, status: .clear, message: summary, evidence: evidence, threshold: threshold)]
        }
        guard pValue < significance else {
            return [Finding(indicator: id, status: .clear,
                            message: summary + ", within chance for \(n) values (χ² p \(rounded(pValue)))",
                            evidence: evidence, threshold: threshold)]
        }
        return [Finding(indicator: id, status: .flagged,
                        message: summary + ", beyond chance (χ² p \(rounded(pValue)))", evidence: evidence,
                        threshold: threshold, severity: band == "marginal" ? marginalSeverity : 1)]
    }
}

/// `benford-deviation`'s fold: the first digits of each buyer's winning tender values.
public struct BuyerDigitsPopulation: SettingsFreePopulation, PopulationDescribing {
    var buyers: [String: FirstDigits] = [:]

    public init() {}

    /// The usable price of every winning tender of every lot.
    static func winningValues(of procedure: Procedure) -> [DecimalNumber] {
        var values: [DecimalNumber] = []
        for lot in procedure.awardUnits {
            for winner in lot.result?.winners ?? [] {
                if let price = procedure.price(of: winner) { values.append(price.value) }
            }
        }
        return values
    }

    /// Whether any winning tender of `procedure` has a usable price (``winningValues(of:)`` not empty).
    static func hasWinningValue(_ procedure: Procedure) -> Bool {
        procedure.awardUnits.contains { lot in
            lot.result?.winners.contains { procedure.price(of: $0) != nil } ?? false
        }
    }

    mutating func add(_ procedure: Procedure) {
        guard let buyer = procedure.stableBuyerKey else { return }
        let values = Self.winningValues(of: procedure)
        guard !values.isEmpty else { return }
        var digits = FirstDigits()
        for value in values { digits.add(value) }
        buyers[buyer.value, default: FirstDigits()].merge(digits)
    }

    public mutating func merge(_ other: BuyerDigitsPopulation) {
        for (buyer, digits) in other.buyers { buyers[buyer, default: FirstDigits()].merge(digits) }
    }

    public func finalize() -> BuyerDigitsPopulation { self }

    public var description: Evidence {
        Evidence(["buyers": .integer(buyers.count), "values": .integer(buyers.values.reduce(0) { $0 + $1.total })])
    }
}
