import TenderModel

/// The facts population indicators fold, read the same way by all of them: who bought, who
/// bid, who won, in which market and year, for how much.

/// One organisation's part in one tender of a lot.
struct LotBid: Sendable, Hashable {
    var bidder: OrganizationKey
    var tender: String
    var won: Bool
    /// The tender's price (``Procedure/price(of:)``), `nil` when unusable.
    var price: Amount?
}

extension Procedure {
    /// The buyer the procedure is attributed to: the first listed (the lead buyer in joint
    /// procurement).
    var leadBuyer: Buyer? { buyers.first }

    /// The lot's main CPV (BT-262), else the procedure's.
    func cpv(of lot: ProcedureLot) -> String? {
        lot.call?.mainCpv ?? mainCpv
    }

    /// The market a lot belongs to: the lead buyer's country and the lot's CPV division
    /// (`FRA 45`). `nil` when either is unknown.
    func market(of lot: ProcedureLot) -> String? {
        guard let country = leadBuyer?.organization.country, let cpv = cpv(of: lot), cpv.utf8.count >= 2 else {
            return nil
        }
        return country + " " + String(cpv.prefix(2))
    }

    /// The year a lot was awarded: its winner decision (BT-1451), else its contract
    /// conclusion (BT-145), else the dispatch of the notice reporting the result.
    func awardYear(of lot: ProcedureLot) -> Int? {
        if let date = lot.awardDate ?? lot.conclusionDate { return date.year }
        guard let noticeId = lot.resultNotice else { return nil }
        return notices.first { $0.id == noticeId }?.dispatchDate?.year
    }

    /// Every organisation that tendered for `lot`, one entry per tenderer of each tender
    /// (each member of a group), in tender order.
    func bids(in lot: ProcedureLot) -> [LotBid] {
        guard let result = lot.result else { return [] }
        var bids: [LotBid] = []
        for tender in result.tenders {
            let price = price(of: tender)
            for tenderer in tender.tenderers {
                bids.append(LotBid(bidder: tenderer.organization.key, tender: tender.id, won: tender.isWinner,
                                   price: price))
            }
        }
        return bids
    }

    /// The distinct organisations that won `lot`, sorted.
    func winners(of lot: ProcedureLot) -> [OrganizationKey] {
        guard let result = lot.result else { return [] }
        return Set(result.winners.flatMap { $0.tenderers.map(\.organization.key) }).sorted()
    }
}

extension ProcedureKind {
    /// Whether a BT-105 code means the contract was awarded without competition (no call,
    /// or a procedure type outside the competitive ones).
    static func isNonCompetitive(_ type: String) -> Bool {
        withoutCall.contains(type)
    }
}

extension OrganizationKey {
    /// Whether the key names the same organisation in every notice (a national id or a name).
    /// A notice-local id (`ORG-0001`) is renumbered in each notice: never aggregate on it.
    var isStable: Bool { source != .noticeLocalId }
}

extension Procedure {
    /// The lead buyer's key when it is stable across notices (``OrganizationKey/isStable``).
    var stableBuyerKey: OrganizationKey? {
        guard let key = leadBuyer?.organization.key, key.isStable else { return nil }
        return key
    }

    /// The value awarded in `lot`: the sum of its winning tenders' prices (``price(of:)``:
    /// placeholders and repeated notice totals excluded). `nil` when there is no winner, when
    /// any winner's price is unusable, or when the winners' currencies differ.
    func awardedValue(of lot: ProcedureLot) -> Amount? {
        guard let winners = lot.result?.winners, !winners.isEmpty else { return nil }
        var total: Amount?
        for winner in winners {
            guard let price = price(of: winner) else { return nil }
            guard let sum = total else {
                total = price
                continue
            }
            guard sum.currency == price.currency, let value = sum.value + price.value else { return nil }
            total = Amount(value: value, currency: sum.currency)
        }
        return total
    }
}
