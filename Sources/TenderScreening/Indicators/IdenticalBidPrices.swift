import TenderModel

/// `identical-bid-prices`: two tenders in one lot from different tenderers at the same price.
public struct IdenticalBidPrices: Indicator {
    public static let metadata = IndicatorMetadata(
        id: "identical-bid-prices",
        name: "Identical bid prices",
        phase: .award,
        detects: "Two tenders for the same lot, from different tenderers, with exactly the same amount and currency.",
        rationale: "Independent firms pricing their own costs almost never arrive at the same figure to the cent. "
            + "Identical prices suggest that the tenders were prepared together: cover bidding or a shared price list "
            + "in a cartel.",
        method: "For each lot, take the tenders whose value (BT-720) is known and not a placeholder (at most one "
            + "currency unit). Two tenders are identical when amount and currency are equal and their tenderers "
            + "(by organisation key) differ. A tenderer repeating its own price (variants) does not count.",
        evidence: [
            .init("amount", "the shared price"),
            .init("tenders", "the tenders (TEN ids) with that price"),
            .init("tenderers", "their tenderers' names"),
            .init("pricedTenders", "tenders with a usable price in the lot"),
        ],
        settings: [
            .init("weight", default: .number(40), "points a flagged lot adds to the score"),
        ],
        exclusions: [
            "Placeholder amounts (0, 1) published for losing tenders, and the notice's total value repeated as a "
                + "tender value in a notice of several lots.",
            "Lots where fewer than two tenders have a published price: insufficient data when more tenders were "
                + "received than priced, not applicable when only one was.",
        ],
        references: [
            .init("OCP R028", "Identical bid prices"),
            .init("Cardinal R028", "open-contracting/cardinal-rs"),
            .init("OECD BR-24", "OECD Guidelines for Fighting Bid Rigging (2025): prices become identical"),
        ],
        example: "Two tenders of 250000.00 EUR from two different companies in LOT-0001 flag LOT-0001; the same "
            + "company bidding 250000.00 EUR twice (a variant) does not."
    )

    public init(settings: ScreeningSettings) {}

    public func evaluate(_ procedure: Procedure, population: Void) -> [Finding] {
        procedure.awardUnits.compactMap { lot in
            guard let result = lot.result else { return nil }
            return evaluate(procedure, lot, result)
        }
    }

    private func evaluate(_ procedure: Procedure, _ lot: ProcedureLot, _ result: LotResult) -> Finding {
        let id = Self.metadata.id
        let priced = result.tenders.filter { procedure.price(of: $0) != nil }
        var evidence = Evidence(["pricedTenders": .integer(priced.count)])
        guard priced.count >= 2 else {
            let received = result.tendersReceivedLowerBound ?? result.tenders.count
            if received <= 1 {
                return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: "fewer than two tenders"),
                               message: "fewer than two tenders", evidence: evidence)
            }
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["BT-720 values of the other tenders"]),
                           message: "\(priced.count) of at least \(received) tenders have a published price",
                           evidence: evidence)
        }
        // Runs of one exact amount (numeric equality across scales) and currency, found by
        // sorting rather than hashing: most lots have none, and this runs for every lot.
        let sorted = priced.map { tender -> (amount: Amount, tender: Tender) in
            let amount = tender.amount.value!
            return (Amount(value: amount.value.normalized, currency: amount.currency), tender)
        }.sorted { ($0.amount.value, $0.amount.currency ?? "") < ($1.amount.value, $1.amount.currency ?? "") }
        var collision: (amount: Amount, tenders: [Tender])?
        var start = 0
        while start < sorted.count, collision == nil {
            var end = start + 1
            while end < sorted.count, sorted[end].amount == sorted[start].amount { end += 1 }
            let run = sorted[start..<end].map(\.tender)
            if run.count > 1, Set(run.map { Set($0.tenderers.map(\.organization.key)) }).count > 1 {
                collision = (sorted[start].amount, run)
            }
            start = end
        }
        guard let (amount, tenders) = collision else {
            return Finding(indicator: id, lot: lot.id, status: .clear,
                           message: "\(priced.count) priced tenders, all prices different", evidence: evidence)
        }
        evidence["amount"] = .amount(tenders[0].amount.value!)
        evidence["tenders"] = .list(tenders.map { .text($0.id) })
        evidence["tenderers"] = .list(tenders.map { tender in
            .text(tender.tenderers.compactMap(\.organization.name).joined(separator: " + "))
        })
        return Finding(indicator: id, lot: lot.id, status: .flagged,
                       message: "\(tenders.count) tenders from different tenderers at exactly \(amount)",
                       evidence: evidence)
    }
}
