import TenderModel

/// `supplier-share-of-buyer`: one supplier takes a large share of what a buyer awards in a year.
public struct SupplierShareOfBuyer: Indicator {
    public typealias Population = BuyerSpendingPopulation

    public static let metadata = IndicatorMetadata(
        id: "supplier-share-of-buyer",
        name: "Supplier's share of the buyer's spending",
        phase: .award,
        detects: "A lot won by a supplier that took at least `maximum-share` of everything its buyer awarded in "
            + "that year (in that currency), in at least `minimum-supplier-procedures` procedures, from a buyer "
            + "that awarded at least `minimum-contracts` contracts that year.",
        rationale: "A buyer that keeps awarding a large part of its budget to one firm, procedure after procedure, "
            + "is the footprint of a favoured supplier: specifications written for it, competitors discouraged, or "
            + "a kickback relationship. The Corruption Risk Index measures it as the supplier's share of the "
            + "buyer's yearly spending, and opentender scores it the same way.",
        method: "For each lot with a winner: the buyer is the lead buyer, the year the award year (BT-1451, else "
            + "BT-145, else the award notice's dispatch), the value the sum of the winning tenders' BT-720 "
            + "(placeholders of at most one currency unit excluded). Per buyer, year and currency, sum the lots' "
            + "values and count them (contracts), and sum each winner's values (each member of a winning group "
            + "is credited with the whole tender). share = supplier's value / buyer's value. A lot is flagged when "
            + "its winner's share is at least `maximum-share`, won in at least `minimum-supplier-procedures` "
            + "distinct procedures, and the buyer awarded at least `minimum-contracts` contracts that year in that "
            + "currency (GTI uses the share only for buyers with more than 4 contracts a year). The procedure "
            + "minimum asks for a relationship, awards repeated over separate procedures: one large project is "
            + "most of a small buyer's year by nature, and several lots of one procedure are one decision. On the "
            + "synthetic market (seeds 1 and 2) 3 rather than 2 cuts background hits six-fold (2.9 % to 0.45 % of "
            + "procedures) for 2–5 points of favoured-supplier recall, and `maximum-share` 0.15 is the knee there "
            + "(0.10: 65–68 % of favoured-supplier procedures, 0.7–0.8 % of background ones; 0.15: 62–65 %, "
            + "0.45 %; 0.25: 41–51 %, 0.15–0.24 %). A fixed share "
            + "cannot see a favoured supplier of a very large buyer, whose share stays small. With several "
            + "winners, the largest share counts. Sums are exact; currencies are never mixed.",
        evidence: [
            .init("buyer", "the lead buyer's organisation key"),
            .init("supplier", "the winner's organisation key (the largest share among several winners)"),
            .init("year", "the award year"),
            .init("supplierValue", "what the buyer awarded the supplier that year, in the lot's currency"),
            .init("buyerValue", "what the buyer awarded in all that year, in that currency"),
            .init("share", "supplierValue / buyerValue"),
            .init("contracts", "lots the buyer awarded that year in that currency (with a usable value)"),
            .init("supplierContracts", "of which won by the supplier"),
            .init("supplierProcedures", "the distinct procedures of those lots"),
            .init("unvaluedContracts", "lots the buyer awarded that year whose value is unknown, withheld or a "
                + "placeholder (not in buyerValue: the share is over valued lots only)"),
        ],
        settings: [
            .init("weight", default: .number(25), "points a flagged lot adds to the score"),
            .init("maximum-share", default: .number(0.15),
                  "flag when the supplier's share of the buyer's yearly value is at least this"),
            .init("minimum-supplier-procedures", default: .integer(3),
                  "fewest procedures in which the supplier won from the buyer that year for its share to count"),
            .init("minimum-contracts", default: .integer(5),
                  "fewest contracts the buyer awarded that year in that currency (GTI: more than 4)"),
        ],
        exclusions: [
            "Buyers keyed by a notice-local id (no national id, no name): their procedures cannot be joined.",
            "Lots whose value is withheld, missing, a placeholder, or in several currencies: not in the sums, "
                + "not judged; counted as unvaluedContracts.",
            "Framework agreements count at their published winning value, often a maximum: a buyer's one large "
                + "framework can dominate its year. Groups of lots are counted like lots.",
            "Buyers with few contracts a year: one large contract is most of their spending by nature.",
        ],
        references: [
            .init("OCP R040", "Open Contracting Partnership, Red Flags (2024): high share of buyer's contracts"),
            .init("CRI proa_ycsh", "Government Transparency Institute: supplier's share of the buyer's yearly "
                + "spending, used for buyers with more than 4 contracts a year (proa_ycsh4)"),
            .init("opentender SUPPLIER_SHARE_IN_BUYER_SPENDING", "DIGIWHIST / opentender.eu (score 100 − 100·share)"),
            .init("ProZorro RISK-2-2", "Ukraine: supplier working with one buyer only"),
        ],
        example: "A buyer awards six lots in 2024: four to Alpha (100000, 120000, 90000 and 110000 EUR) and two to "
            + "Beta (40000 and 60000 EUR), 520000 EUR in all. Alpha's share is 420000 / 520000 = 0.8077 ≥ 0.15 "
            + "in 4 procedures: its four lots are flagged. Beta's share 0.1923 rests on 2 procedures (fewer than "
            + "3): its two lots are clear."
    )

    let maximumShare: Double
    let minimumSupplierProcedures: Int
    let minimumContracts: Int

    public init(settings: ScreeningSettings) {
        maximumShare = settings.number("maximum-share", of: Self.metadata)
        minimumSupplierProcedures = settings.integer("minimum-supplier-procedures", of: Self.metadata)
        minimumContracts = settings.integer("minimum-contracts", of: Self.metadata)
    }

    public func observe(_ procedure: Procedure, into population: inout BuyerSpendingPopulation) {
        population.add(procedure)
    }

    public func evaluate(_ procedure: Procedure, population: BuyerSpendingPopulation) -> [Finding] {
        procedure.awardUnits.compactMap { lot in
            lot.result == nil ? nil : evaluate(lot, of: procedure, spending: population)
        }
    }

    private func evaluate(_ lot: ProcedureLot, of procedure: Procedure, spending: BuyerSpendingPopulation) -> Finding {
        let id = Self.metadata.id
        func insufficient(_ missing: String, _ message: String, _ evidence: Evidence = Evidence()) -> Finding {
            Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: [missing]), message: message,
                    evidence: evidence)
        }
        let winners = procedure.winners(of: lot)
        guard !winners.isEmpty else { return AwardAttribution.noWinner(in: lot, indicator: id) }
        guard let buyer = procedure.stableBuyerKey else { return AwardAttribution.unknownBuyer(in: lot, indicator: id) }
        var evidence = Evidence(["buyer": .text(buyer.value)])
        guard let year = procedure.awardYear(of: lot) else {
            return insufficient("award year (BT-1451, BT-145 or the award notice's dispatch date)",
                                "the year of the award is unknown", evidence)
        }
        guard let value = procedure.awardedValue(of: lot), let currency = value.currency else {
            return insufficient("BT-720 awarded value", "the value awarded in this lot is not usable", evidence)
        }
        let suppliers = winners.filter(\.isStable)
        guard !suppliers.isEmpty else { return AwardAttribution.unknownWinner(in: lot, indicator: id, evidence: evidence) }
        let buyerYear = spending.years[BuyerYear(buyer: buyer.value, year: year)]
        guard let yearSpending = buyerYear?.currencies[currency], let buyerValue = yearSpending.value.doubleValue,
              buyerValue > 0 else {
            return insufficient("buyer's yearly value (sum overflowed)", "the buyer's yearly value cannot be summed",
                                evidence)
        }
        // The winner with the largest share (ties: the smaller key), read once.
        var best: (supplier: OrganizationKey, takings: SupplierTakings, share: Double)?
        for supplier in suppliers {
            guard let takings = yearSpending.suppliers[supplier.value], let taken = takings.value.doubleValue else {
                continue
            }
            let share = taken / buyerValue
            if let current = best, share <= current.share { continue }
            best = (supplier, takings, share)
        }
        guard let best else {
            return insufficient("supplier's yearly value (sum overflowed)", "the supplier's yearly value cannot be summed",
                                evidence)
        }
        evidence["supplier"] = .text(best.supplier.value)
        evidence["year"] = .integer(year)
        evidence["supplierValue"] = best.takings.value.evidence(currency: currency)
        evidence["buyerValue"] = yearSpending.value.evidence(currency: currency)
        evidence["share"] = .ratio(best.share)
        evidence["contracts"] = .integer(yearSpending.contracts)
        evidence["supplierContracts"] = .integer(best.takings.contracts)
        evidence["supplierProcedures"] = .integer(best.takings.procedures)
        evidence["unvaluedContracts"] = .integer(buyerYear?.unvalued ?? 0)
        guard yearSpending.contracts >= minimumContracts else {
            return Finding(indicator: id, lot: lot.id,
                           status: .notApplicable(reason: "the buyer awarded \(yearSpending.contracts.counted("contract")) in "
                               + "\(year) (\(currency)), fewer than \(minimumContracts)"),
                           message: "too few contracts that year to weigh a supplier's share", evidence: evidence)
        }
        let threshold = Threshold(.ratio(maximumShare), ">=", source: .setting(key: "\(id).maximum-share"))
        let summary = "\(percent(best.share)) of the buyer's \(year) awards in \(currency) "
            + "(\(best.takings.contracts) of \(yearSpending.contracts.counted("contract")))"
        guard best.share >= maximumShare else {
            return Finding(indicator: id, lot: lot.id, status: .clear, message: "the winner took " + summary,
                           evidence: evidence, threshold: threshold)
        }
        guard best.takings.procedures >= minimumSupplierProcedures else {
            return Finding(indicator: id, lot: lot.id, status: .clear,
                           message: "the winner took " + summary + " in \(best.takings.procedures.counted("procedure")), "
                               + "fewer than \(minimumSupplierProcedures)",
                           evidence: evidence, threshold: threshold)
        }
        return Finding(indicator: id, lot: lot.id, status: .flagged, message: "the winner took " + summary,
                       evidence: evidence, threshold: threshold)
    }
}
