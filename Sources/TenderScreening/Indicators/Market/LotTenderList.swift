import TenderModel

/// The verdicts the market-level indicators share about a lot's list of tenders: whether
/// the tenderers can be compared with the population at all, and what a lot that shows no
/// pattern is (clear only when every tender received is listed and named).
enum LotTenderList {
    /// The finding for a lot whose tenderers cannot be compared with anyone's, or `nil`.
    static func unusable(_ lot: ProcedureLot, indicator: String) -> Finding? {
        guard let result = lot.result else {
            return Finding(indicator: indicator, lot: lot.id, status: .insufficientData(missing: ["result notice"]),
                           message: "no award notice for this lot: its tenderers are unknown")
        }
        let received = result.tendersReceivedLowerBound ?? result.tenders.count
        switch result.tenders.count {
        case 0:
            if result.tendersReceived?.count.value == 0 {
                return Finding(indicator: indicator, lot: lot.id, status: .notApplicable(reason: "no tender was received"),
                               message: "no tender received")
            }
            return Finding(indicator: indicator, lot: lot.id,
                           status: .insufficientData(missing: ["tenders and tenderers (BT-720, OPT-310)"]),
                           message: "the award notice lists no tender")
        case 1 where received > 1:
            return Finding(indicator: indicator, lot: lot.id,
                           status: .insufficientData(missing: ["losing tenders (1 of at least \(received) listed)"]),
                           message: "only one of at least \(received) tenders is listed")
        case 1 where result.statistic("tenders").value == 1:
            return Finding(indicator: indicator, lot: lot.id, status: .notApplicable(reason: "a single tender"),
                           message: "a single tender: nobody bid beside the winner")
        case 1:
            // Notices often list only the winner: without a count, one listed tender is not one received.
            return Finding(indicator: indicator, lot: lot.id,
                           status: .insufficientData(missing: ["BT-759 tenders received (one tender listed)"]),
                           message: "one tender listed and no count of tenders received")
        default:
            return nil
        }
    }

    /// A lot that shows no pattern: clear when its list of tenders is complete and every
    /// tenderer is named so other notices can find it again; otherwise the pattern could sit
    /// in what is not listed, and the lot is `insufficientData`.
    static func notFlagged(_ lot: ProcedureLot, in procedure: Procedure, indicator: String, message: String,
                           evidence: Evidence = Evidence(), threshold: Threshold? = nil) -> Finding {
        var missing: [String] = []
        if let result = lot.result, !procedure.listsEveryTender(lot) {
            let received = result.tendersReceivedLowerBound ?? result.tenders.count
            missing.append("tenders not listed (\(result.tenders.count) of at least \(received))")
        }
        let unnamed = lot.result?.tenders.flatMap(\.tenderers).filter { !$0.organization.key.isStable }
            .count ?? 0
        if unnamed > 0 {
            missing.append("national id or name (BT-501, BT-500) of \(unnamed.counted("tenderer"))")
        }
        guard missing.isEmpty else {
            return Finding(indicator: indicator, lot: lot.id, status: .insufficientData(missing: missing),
                           message: message + ", but not every tenderer is known", evidence: evidence,
                           threshold: threshold)
        }
        return Finding(indicator: indicator, lot: lot.id, status: .clear, message: message, evidence: evidence,
                       threshold: threshold)
    }

    /// The lot's market (`FRA 45`), or the finding saying which facts are missing.
    static func market(of lot: ProcedureLot, in procedure: Procedure, indicator: String) -> Result<String, MissingMarket> {
        if let market = procedure.market(of: lot) { return .success(market) }
        var missing: [String] = []
        if procedure.leadBuyer?.organization.country == nil { missing.append("buyer country (BT-514)") }
        if procedure.cpv(of: lot) == nil { missing.append("main CPV (BT-262)") }
        if missing.isEmpty { missing.append("main CPV division (BT-262)") }
        return .failure(MissingMarket(finding: Finding(
            indicator: indicator, lot: lot.id, status: .insufficientData(missing: missing),
            message: "market unknown: the lot cannot be compared with its market")))
    }

    struct MissingMarket: Error {
        var finding: Finding
    }
}
