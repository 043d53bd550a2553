import TenderModel

/// `buyer-noncompetitive-share`: a buyer that awards an unusual share of its procedures without competition.
public struct BuyerNoncompetitiveShare: Indicator {
    public typealias Population = BuyerProcedurePopulation

    public static let metadata = IndicatorMetadata(
        id: "buyer-noncompetitive-share",
        name: "Buyer's high share of non-competitive procedures",
        phase: .tender,
        detects: "A procedure awarded without competition by a buyer that does so far more often than the other "
            + "buyers of the input: its share of procedures (or of value) awarded without a call is above the "
            + "upper Tukey fence of all buyers' shares, or above `fallback-share` when the fence is degenerate.",
        rationale: "Each direct award may have a lawful ground, but a buyer that habitually avoids competition "
            + "keeps choosing its suppliers itself. Albania's monitoring flags limited procedures above a quarter "
            + "of a buyer's annual value; OCP and the Corruption Risk Index aggregate the procedure type per buyer "
            + "for the same reason. Single bids in advertised procedures are a different risk (see `single-bid`) "
            + "and are not counted here.",
        method: "Per buyer (the lead buyer), over the procedures with at least one awarded lot: count them, and "
            + "those awarded without competition (BT-105 `neg-wo-call`, or a VEAT notice); sum their awarded values "
            + "(BT-720 of the winners, placeholders excluded; a procedure with an unusable value is left out of "
            + "the value sums only). share = non-competitive / all, by count or, with `basis` \"value\", by value "
            + "(buyers whose values are in one currency). Over buyers with at least `minimum-procedures` counted "
            + "procedures, Q1 and Q3 give the upper fence Q3 + 1.5·IQR. With fewer than `minimum-buyers` such "
            + "buyers, or when IQR is 0 (most buyers never award without a call: the fence would be their common "
            + "share), `fallback-share` applies; `threshold` fixes a limit instead of either. The buyer is above "
            + "the limit when its share is strictly greater. Its non-competitive procedures are then flagged; its "
            + "competitive ones are clear (their evidence shows the buyer's share): the risk lies in the direct "
            + "awards, and scoring a buyer's open procedures would drown them.",
        evidence: [
            .init("buyer", "the lead buyer's organisation key"),
            .init("basis", "`count` or `value`"),
            .init("procedures", "the buyer's awarded procedures on that basis"),
            .init("nonCompetitive", "of which awarded without competition (count basis)"),
            .init("share", "the buyer's non-competitive share on that basis"),
            .init("totalValue", "value of the buyer's awarded procedures (one currency), when known"),
            .init("nonCompetitiveValue", "of which awarded without competition"),
            .init("valueShare", "nonCompetitiveValue / totalValue"),
            .init("unknownType", "the buyer's awarded procedures whose BT-105 is unknown (not counted)"),
            .init("procedureType", "this procedure's BT-105"),
            .init("withoutCompetition", "whether this procedure was awarded without competition"),
        ],
        settings: [
            .init("weight", default: .number(5), "points a flagged procedure adds to the score"),
            .init("basis", default: .text("count"), "`count` of procedures, or `value` awarded"),
            .init("minimum-procedures", default: .integer(10), "fewest counted procedures for a buyer to be judged"),
            .init("minimum-buyers", default: .integer(20), "fewest judged buyers for a fence"),
            .init("threshold", default: .text("fence"), "a fixed share above which to flag, instead of the fence"),
            .init("fallback-share", default: .number(0.25),
                  "the limit when there is no usable fence (Albania: limited procedures above 25 % of value)"),
        ],
        exclusions: [
            "Buyers keyed by a notice-local id: their procedures cannot be joined.",
            "Procedures without an awarded lot, or whose BT-105 is unknown (unless a VEAT says it).",
            "Single-bid competitive procedures count as competitive: the call was published.",
            "Whether each direct award was justified is not judged here (see `non-open-procedure`).",
        ],
        references: [
            .init("OCP R013", "Open Contracting Partnership, Red Flags (2024): high use of non-competitive methods"),
            .init("Albania AIS", "Open Procurement Albania: limited procedure in over 25 % of annual tender value"),
            .init("CRI corr_proc", "Government Transparency Institute: non-open procedure type, aggregated per buyer"),
            .init("Directive 2014/24/EU art. 32", "grounds for the negotiated procedure without prior publication"),
        ],
        example: "Among 25 buyers with 10 awarded procedures each, 19 award none without a call, 5 award one and "
            + "one awards four: Q1 = Q3 = 0, the fence is degenerate and `fallback-share` 0.25 applies. The buyer "
            + "with 4 `neg-wo-call` procedures out of 10 (share 0.4 > 0.25) has those 4 flagged and its 6 open "
            + "procedures clear; the buyers at 0.1 are clear."
    )

    let basis: ShareBasis
    let minimumProcedures: Int
    let minimumBuyers: Int
    let fixedThreshold: Double?
    let fallbackShare: Double

    public init(settings: ScreeningSettings) {
        let metadata = Self.metadata
        guard case .text(let basisName) = settings.value("basis", of: metadata), let basis = ShareBasis(rawValue: basisName)
        else { preconditionFailure("\(metadata.id).basis must be \"count\" or \"value\"") }
        self.basis = basis
        minimumProcedures = settings.integer("minimum-procedures", of: metadata)
        minimumBuyers = settings.integer("minimum-buyers", of: metadata)
        fixedThreshold = settings.value("threshold", of: metadata).number
        fallbackShare = settings.number("fallback-share", of: metadata)
    }

    public func makePopulation() -> BuyerProcedurePopulation {
        BuyerProcedurePopulation(basis: basis, minimumProcedures: minimumProcedures)
    }

    public func observe(_ procedure: Procedure, into population: inout BuyerProcedurePopulation) {
        population.add(procedure)
    }

    public func evaluate(_ procedure: Procedure, population: BuyerProcedureSummary) -> [Finding] {
        let id = Self.metadata.id
        guard procedure.hasAward else { return [AwardAttribution.notAwarded(indicator: id)] }
        guard let buyerKey = procedure.stableBuyerKey else { return [AwardAttribution.unknownBuyer(indicator: id)] }
        var evidence = Evidence(["buyer": .text(buyerKey.value), "basis": .text(basis.rawValue)])
        let buyer = population.buyers[buyerKey.value] ?? BuyerProcedures()
        let valueShare = buyer.valueShare
        let shareOnBasis = buyer.share(basis, valueShare: valueShare)
        describe(buyer, share: shareOnBasis, valueShare: valueShare, into: &evidence)
        evidence["procedureType"] = procedure.procedureTypeEvidence
        guard let withoutCompetition = procedure.awardedWithoutCompetition else {
            return [Finding(indicator: id,
                            status: .insufficientData(missing: [procedure.procedureType.missing("BT-105 procedure type")!]),
                            message: "procedure type unknown", evidence: evidence)]
        }
        evidence["withoutCompetition"] = .bool(withoutCompetition)
        guard let (share, procedures) = shareOnBasis else {
            return [Finding(indicator: id, status: .insufficientData(missing: ["awarded values in one currency"]),
                            message: "the buyer's procedures have no usable value in one currency", evidence: evidence)]
        }
        guard procedures >= minimumProcedures else {
            return [Finding(indicator: id,
                            status: .notApplicable(reason: "the buyer has \(procedures) counted procedures "
                                + "(fewer than \(minimumProcedures))"),
                            message: "too few procedures to weigh the buyer's share", evidence: evidence)]
        }
        let (limit, threshold) = self.limit(population.quartiles)
        let shareText = "the buyer awarded \(percent(share)) of its procedures\(basis == .value ? " (by value)" : "") "
            + "without competition"
        guard share > limit else {
            return [Finding(indicator: id, status: .clear, message: shareText, evidence: evidence, threshold: threshold)]
        }
        guard withoutCompetition else {
            return [Finding(indicator: id, status: .clear, message: shareText + "; this procedure was competitive",
                            evidence: evidence, threshold: threshold)]
        }
        return [Finding(indicator: id, status: .flagged, message: shareText + ", this procedure among them",
                        evidence: evidence, threshold: threshold)]
    }

    private func describe(_ buyer: BuyerProcedures, share: (share: Double, procedures: Int)?,
                          valueShare: BuyerProcedures.ValueShare?, into evidence: inout Evidence) {
        if let (share, procedures) = share {
            evidence["procedures"] = .integer(procedures)
            if basis == .count { evidence["nonCompetitive"] = .integer(buyer.nonCompetitive) }
            evidence["share"] = .ratio(share)
        }
        if let value = valueShare {
            evidence["totalValue"] = value.values.total.evidence(currency: value.currency)
            evidence["nonCompetitiveValue"] = value.values.nonCompetitive.evidence(currency: value.currency)
            evidence["valueShare"] = .ratio(value.share)
        }
        evidence["unknownType"] = .integer(buyer.unknownType)
    }

    /// The fixed threshold, else the fence, else the fallback share.
    private func limit(_ quartiles: Quartiles?) -> (Double, Threshold) {
        let id = Self.metadata.id
        if let fixedThreshold {
            return (fixedThreshold, Threshold(.ratio(fixedThreshold), ">", source: .setting(key: "\(id).threshold")))
        }
        if let quartiles, quartiles.count >= minimumBuyers, quartiles.q3 > quartiles.q1 {
            let fence = quartiles.fence(.upper)
            return (fence.value, Threshold(.ratio(fence.value), ">", source: .fence(fence)))
        }
        return (fallbackShare, Threshold(.ratio(fallbackShare), ">", source: .setting(key: "\(id).fallback-share")))
    }
}
