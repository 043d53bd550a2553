import TenderModel

/// `recurrent-uncontested-winner`: a buyer keeps awarding one supplier contracts nobody else bid for.
public struct RecurrentUncontestedWinner: Indicator {
    public typealias Population = UncontestedAwardPopulation

    public static let metadata = IndicatorMetadata(
        id: "recurrent-uncontested-winner",
        name: "Recurrent uncontested winner at one buyer",
        phase: .award,
        detects: "A lot won without competition by a supplier that won at least `minimum-wins` of its buyer's "
            + "uncontested procedures, far more than its share of the other buyers' uncontested procedures in "
            + "the country allows (binomial chance at most `significance`).",
        rationale: "A favoured supplier shows less in the value it takes than in how it wins: again and again, "
            + "alone. Specifications written for it, short or hidden calls and discouraged competitors leave the "
            + "same trace, one single-tender award after another from the same buyer. A share of the buyer's "
            + "spending (supplier-share-of-buyer) misses it at large buyers, where five such awards are a few per "
            + "cent of the year; counted against what the supplier wins elsewhere, they stand out.",
        method: "A lot's award is uncontested when its notice counts one tender received (the BT-759 `tenders` "
            + "statistic, no other count above one); one tender listed without a count is not known to be "
            + "uncontested and is not counted. Per buyer (lead buyer, stable key), count its procedures with an "
            + "uncontested award (n) and, per winner, those it won uncontested (k); the same per buyer country. "
            + "The supplier's expected share p is its uncontested wins at the country's other buyers plus one, "
            + "over their uncontested procedures plus one (the added one keeps a supplier seen nowhere else "
            + "from a zero chance). chance = P(X ≥ k) for X ~ Binomial(n, p). A lot awarded without competition "
            + "is flagged when its winner has k ≥ `minimum-wins` and chance ≤ `significance`; with several "
            + "winners, the least likely counts. A lot with one tender listed and no count is flagged the same "
            + "way at severity `estimated-severity`: the pattern is established on counted awards. Counting "
            + "procedures, not lots, keeps one multi-lot decision from looking like a habit. On the synthetic "
            + "market (seeds 1–4, 20,000 procedures each), minimum 3 and significance 0.001 flag 97–100 % of "
            + "favoured-supplier procedures and 5–14 background ones.",
        evidence: [
            .init("buyer", "the lead buyer's organisation key"),
            .init("supplier", "the winner's organisation key (the least likely among several winners)"),
            .init("tendersReceived", "tenders received in this lot (listed when no count is published)"),
            .init("estimated", "true when the count is the tenders listed, not a published count"),
            .init("uncontestedWins", "the buyer's uncontested procedures the supplier won (k)"),
            .init("buyerUncontested", "the buyer's procedures with an uncontested award (n)"),
            .init("winsElsewhere", "uncontested procedures of the country's other buyers the supplier won"),
            .init("uncontestedElsewhere", "uncontested procedures of the country's other buyers"),
            .init("expectedShare", "(winsElsewhere + 1) / (uncontestedElsewhere + 1)"),
            .init("expectedWins", "buyerUncontested × expectedShare"),
            .init("chance", "the binomial chance of at least uncontestedWins"),
        ],
        settings: [
            .init("weight", default: .number(25), "points a flagged lot adds to the score"),
            .init("minimum-wins", default: .integer(3),
                  "fewest uncontested procedures of the buyer the supplier won: twice can be chance or a follow-up"),
            .init("significance", default: .number(0.001),
                  "largest binomial chance of the supplier's uncontested wins (one in a thousand: an input tests "
                      + "thousands of pairs)"),
            .init("estimated-severity", default: .number(0.5),
                  "severity of a flagged lot whose single tender is only the one listed (no count published)"),
        ],
        exclusions: [
            "Buyers keyed by a notice-local id, and winners without a national id or a name: they cannot be "
                + "followed across notices.",
            "Lots whose number of tenders is unknown or withheld (insufficient data), and awards with two or "
                + "more tenders (clear).",
            "A sole supplier (exclusive rights, a unique product) is a legitimate reason for repeated single "
                + "tenders; the evidence shows the count so a reviewer can check the justification.",
        ],
        references: [
            .init("OCP R040", "Open Contracting Partnership, Red Flags (2024): high share of buyer's contracts"),
            .init("OCP R049", "Direct awards below the threshold (to the same supplier)"),
            .init("OCP R018", "Single bid"),
            .init("ProZorro RISK-2-15", "Ukraine: single participant, repeated with the same supplier"),
            .init("DOZORRO 2017", "suppliers who work with one customer only"),
        ],
        example: "Buyer FRA/123 has 6 uncontested procedures: Alpha won 4, Beta and Gamma one each. The country's "
            + "other buyer has 20 uncontested procedures, none won by Alpha. Alpha's expected share is "
            + "(0 + 1) / (20 + 1) = 0.0476; the chance of 4 or more of 6 is 7.1e-5 ≤ 0.001: Alpha's 4 lots are "
            + "flagged. Beta's one win is fewer than 3: clear. A lot of the buyer with 3 tenders is clear."
    )

    let minimumWins: Int
    let significance: Double
    let estimatedSeverity: Double

    public init(settings: ScreeningSettings) {
        minimumWins = settings.integer("minimum-wins", of: Self.metadata)
        significance = settings.number("significance", of: Self.metadata)
        estimatedSeverity = settings.number("estimated-severity", of: Self.metadata)
    }

    public func observe(_ procedure: Procedure, into population: inout UncontestedAwardPopulation) {
        population.add(procedure)
    }

    public func evaluate(_ procedure: Procedure, population: UncontestedAwardPopulation) -> [Finding] {
        procedure.awardUnits.compactMap { lot in
            lot.result.map { evaluate(lot, result: $0, of: procedure, awards: population) }
        }
    }

    private func evaluate(_ lot: ProcedureLot, result: LotResult, of procedure: Procedure,
                          awards: UncontestedAwardPopulation) -> Finding {
        let id = Self.metadata.id
        func finding(_ status: FindingStatus, _ message: String, _ evidence: Evidence = Evidence(),
                     threshold: Threshold? = nil, severity: Double = 1) -> Finding {
            Finding(indicator: id, lot: lot.id, status: status, message: message, evidence: evidence,
                    threshold: threshold, severity: severity)
        }
        let winners = procedure.winners(of: lot)
        guard !winners.isEmpty else { return AwardAttribution.noWinner(in: lot, indicator: id) }
        guard let buyer = procedure.stableBuyerKey else { return AwardAttribution.unknownBuyer(in: lot, indicator: id) }
        var evidence = Evidence(["buyer": .text(buyer.value)])
        let estimated: Bool
        switch result.competition {
        case .contested(let count):
            evidence["tendersReceived"] = .integer(count)
            return finding(.clear, "\(count) tenders: the award was contested", evidence)
        case .noTender:
            return finding(.notApplicable(reason: "no tender was received"), "no tender received", evidence)
        case .unknown(let missing):
            return finding(.insufficientData(missing: [missing]), "how many tenders competed is unknown", evidence)
        case .uncontested: estimated = false
        case .oneListed: estimated = true
        }
        evidence["tendersReceived"] = .integer(1)
        evidence["estimated"] = .bool(estimated)
        let suppliers = winners.filter(\.isStable)
        guard !suppliers.isEmpty else { return AwardAttribution.unknownWinner(in: lot, indicator: id, evidence: evidence) }
        let country = procedure.leadBuyer?.organization.country ?? ""
        // The least likely winner (ties: the smaller key).
        let (supplier, record) = suppliers.map {
            ($0, awards.record(buyer: buyer.value, supplier: $0.value, country: country))
        }.min { ($0.1.chance, $0.0) < ($1.1.chance, $1.0) }!
        evidence["supplier"] = .text(supplier.value)
        evidence["uncontestedWins"] = .integer(record.wins)
        evidence["buyerUncontested"] = .integer(record.procedures)
        evidence["winsElsewhere"] = .integer(record.winsElsewhere)
        evidence["uncontestedElsewhere"] = .integer(record.proceduresElsewhere)
        evidence["expectedShare"] = .ratio(record.expectedShare)
        evidence["expectedWins"] = .ratio(Double(record.procedures) * record.expectedShare)
        evidence["chance"] = .text(chance(record.chance))
        let threshold = Threshold(.number(significance), "<=", source: .setting(key: "\(id).significance"))
        let summary = "the winner won \(record.wins) of the buyer's \(record.procedures) uncontested procedures"
        guard record.wins >= minimumWins else {
            return finding(.clear, summary + " (fewer than \(minimumWins))", evidence, threshold: threshold)
        }
        let expected = "expected \(rounded(Double(record.procedures) * record.expectedShare)) from its share elsewhere"
        guard record.chance <= significance else {
            return finding(.clear, summary + ", \(expected): within chance", evidence, threshold: threshold)
        }
        return finding(.flagged, summary + ", \(expected)" + (estimated ? " (this lot: one tender listed, no count)" : ""),
                       evidence, threshold: threshold, severity: estimated ? estimatedSeverity : 1)
    }

}
