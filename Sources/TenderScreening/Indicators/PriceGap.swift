import TenderModel

/// The relative gap between a lot's winning tender and the next-lowest one:
/// d = (second-lowest − winning) / winning. The basis of `price-close-to-winner` (cover
/// bidding: a suspiciously small gap) and `heavily-discounted-bid` (a suspiciously large one).
struct PriceGap {
    var value: Double
    var winner: Tender
    var second: Tender

    enum Unusable {
        case notApplicable(String)
        case insufficient([String])
    }

    /// Cardinal R024/R058 conditions: one winning tender, at least two tenders priced in one
    /// currency (placeholders excluded), the winner the lowest, the runner-up from another tenderer.
    static func of(_ lot: ProcedureLot, in procedure: Procedure) -> Result<PriceGap, UnusableGap> {
        guard let result = lot.result else { return .failure(.insufficient(["result notice"])) }
        let winners = result.winners
        guard winners.count == 1, let winner = winners.first else {
            return .failure(winners.isEmpty ? .notApplicable("no winning tender") : .notApplicable("several winning tenders"))
        }
        guard let winningAmount = procedure.price(of: winner) else {
            let problem = procedure.priceProblem(of: winner) ?? "not published"
            return .failure(.insufficient(["BT-720 winning tender value (\(problem))"]))
        }
        let winnerKeys = Set(winner.tenderers.map(\.organization.key))
        // The lowest other price in the winner's currency (ties: the smaller tender id), each
        // price read once.
        var lowest: (tender: Tender, amount: Amount)?
        for tender in result.tenders where tender.id != winner.id {
            guard let amount = procedure.price(of: tender), amount.currency == winningAmount.currency else { continue }
            if !winnerKeys.isEmpty, Set(tender.tenderers.map(\.organization.key)) == winnerKeys { continue }
            if let current = lowest, amount.value > current.amount.value
                || (amount.value == current.amount.value && tender.id >= current.tender.id) { continue }
            lowest = (tender, amount)
        }
        guard let (second, secondAmount) = lowest else {
            let received = result.tendersReceivedLowerBound ?? result.tenders.count
            if received <= 1 { return .failure(.notApplicable("a single tender")) }
            return .failure(.insufficient(["BT-720 values of the losing tenders"]))
        }
        guard secondAmount.value >= winningAmount.value else {
            return .failure(.notApplicable("the winner is not the lowest tender (award on quality, not price)"))
        }
        let d = (secondAmount.value.doubleValue - winningAmount.value.doubleValue) / winningAmount.value.doubleValue
        return .success(PriceGap(value: d, winner: winner, second: second))
    }

    var evidence: Evidence {
        var evidence = Evidence()
        evidence["winningTender"] = .text(winner.id)
        evidence["winningAmount"] = EvidenceValue(winner.amount) { .amount($0) }
        evidence["secondTender"] = .text(second.id)
        evidence["secondAmount"] = EvidenceValue(second.amount) { .amount($0) }
        evidence["difference"] = .ratio(value)
        return evidence
    }
}

typealias UnusableGap = PriceGap.Unusable

extension PriceGap.Unusable: Error {}

/// Every price gap of the input, folded for the fences.
public struct PriceGapPopulation: SettingsFreePopulation {
    var gaps: [Double] = []

    public init() {}

    /// The gap of every lot of `procedure` that has one.
    mutating func add(_ procedure: Procedure) {
        for lot in procedure.awardUnits {
            if case .success(let gap) = PriceGap.of(lot, in: procedure) { gaps.append(gap.value) }
        }
    }

    public mutating func merge(_ other: PriceGapPopulation) {
        gaps += other.gaps
    }

    public func finalize() -> Quartiles? {
        Quartiles(gaps)
    }
}
