import TenderModel

/// The facts population indicators fold, read the same way by all of them: who bought, who
/// bid, who won, in which market and year, for how much.

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

    /// The distinct organisations that won `lot`, sorted.
    func winners(of lot: ProcedureLot) -> [OrganizationKey] {
        guard let result = lot.result else { return [] }
        return Set(result.winners.flatMap { $0.tenderers.map(\.organization.key) }).sorted()
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
        guard let winners = lot.result?.winners else { return nil }
        return Amount.sum(winners) { price(of: $0) }
    }
}

// MARK: - Tenderers by organisation (co-bidding indicators)

/// One organisation's part in a lot, its tenders merged (variants, or a consortium it joined
/// twice): what the co-bidding indicators compare across lots.
struct LotTenderer: Sendable, Hashable {
    var key: OrganizationKey
    var name: String?
    /// The tender that stands for it: its winning one, else its lowest priced, else its first.
    var tender: String
    var won: Bool
    /// That tender's price (``Procedure/price(of:)``), `nil` when unusable.
    var price: Amount?
}

extension Procedure {
    /// The organisations that tendered for `lot` and that other notices can name again, one
    /// entry each, sorted by key. Keys made from a notice-local id (`ORG-0003`) are left out:
    /// they are numbered afresh in every notice, so they never join two lots.
    func identifiedTenderers(in lot: ProcedureLot) -> [LotTenderer] {
        guard let result = lot.result else { return [] }
        var byKey: [OrganizationKey: LotTenderer] = [:]
        for tender in result.tenders {
            let price = price(of: tender)
            for tenderer in tender.tenderers {
                let key = tenderer.organization.key
                guard key.isStable else { continue }
                let candidate = LotTenderer(key: key, name: tenderer.organization.name, tender: tender.id,
                                            won: tender.isWinner, price: price)
                guard let current = byKey[key] else {
                    byKey[key] = candidate
                    continue
                }
                if candidate.stands(before: current) { byKey[key] = candidate }
            }
        }
        return byKey.values.sorted { $0.key < $1.key }
    }

    /// Whether the lot's result lists every tender it received: at least as many tenders as
    /// the `tenders` count, or, without a count, a losing tender beside the winner (notices
    /// that list only winners are common; their lots would count wins without the losses).
    func listsEveryTender(_ lot: ProcedureLot) -> Bool {
        guard let result = lot.result, !result.tenders.isEmpty else { return false }
        if case .known(let received) = result.statistic("tenders") { return result.tenders.count >= received }
        return result.tenders.contains { !$0.isWinner }
    }

    /// The lot's one winning tender and its usable price; `nil` with no winner, several
    /// winning tenders (frameworks) or no usable price.
    func pricedWinningTender(of lot: ProcedureLot) -> (tender: Tender, price: Amount)? {
        guard let winners = lot.result?.winners, winners.count == 1, let price = price(of: winners[0]) else {
            return nil
        }
        return (winners[0], price)
    }
}

extension LotTenderer {
    /// Which of an organisation's two tenders in one lot represents it: a winning one, else
    /// the lower price, else the first listed.
    fileprivate func stands(before other: LotTenderer) -> Bool {
        if won != other.won { return won }
        guard let price, let otherPrice = other.price, price.currency == otherPrice.currency else {
            return price != nil && other.price == nil
        }
        return price.value < otherPrice.value
    }

    /// How far above `winning` this tender is priced, as a share of it; `nil` when either
    /// price is unusable or the currencies differ.
    func gap(above winning: Amount) -> Double? {
        guard let price, price.currency == winning.currency, !winning.value.isZero else { return nil }
        return (price.value.doubleValue - winning.value.doubleValue) / winning.value.doubleValue
    }
}
