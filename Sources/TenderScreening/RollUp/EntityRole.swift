import TenderModel

/// Whose risk a roll-up ranks: the organisations that buy, or those that win.
public enum EntityRole: String, Sendable, Hashable, CaseIterable {
    /// Every buyer of a procedure (joint procurement counts for each of its buyers).
    case buyer
    /// Every organisation that won a lot of a procedure (each member of a winning consortium).
    case supplier

    /// The organisations `procedure` counts for in this role, each once (by key), in the
    /// order the procedure names them. Organisations without a stable key are included:
    /// the roll-up counts them apart.
    public func participations(in procedure: Procedure) -> [Participation] {
        var positions: [String: Int] = [:]
        var found: [Participation] = []
        switch self {
        case .buyer:
            for buyer in procedure.buyers where positions[buyer.organization.key.value] == nil {
                positions[buyer.organization.key.value] = found.count
                found.append(Participation(organization: buyer.organization))
            }
        case .supplier:
            var winningTenders = 0
            for lot in procedure.awardUnits {
                for tender in lot.result?.winners ?? [] {
                    winningTenders += 1
                    for tenderer in tender.tenderers {
                        let key = tenderer.organization.key.value
                        if positions[key] == nil {
                            positions[key] = found.count
                            found.append(Participation(organization: tenderer.organization, lots: [], tenders: []))
                        }
                        let position = positions[key]!
                        found[position].lots?.insert(lot.id)
                        if found[position].tenders.last != tender { found[position].tenders.append(tender) }
                    }
                }
            }
            for index in found.indices { found[index].wonEveryTender = found[index].tenders.count == winningTenders }
        }
        return found
    }
}

/// How one organisation takes part in a procedure, in a role.
public struct Participation: Sendable, Hashable {
    public var organization: Organization
    /// The lots (and groups of lots) it won, for a supplier; `nil` for a buyer, whose is the
    /// whole procedure.
    public var lots: Set<String>?
    /// Its winning tenders (alone or in a group), for a supplier.
    public var tenders: [Tender] = []
    /// A supplier that won every winning tender of the procedure: the whole procedure is its.
    public var wonEveryTender = false

    init(organization: Organization, lots: Set<String>? = nil, tenders: [Tender] = []) {
        self.organization = organization
        self.lots = lots
        self.tenders = tenders
    }

    /// Whether `finding` is about this organisation's part: every finding for a buyer; for
    /// a supplier, those about the whole procedure and those about a lot it won.
    public func concerns(_ finding: Finding) -> Bool {
        guard let lots, let lot = finding.lot else { return true }
        return lots.contains(lot)
    }

    /// The value this organisation has at stake in `procedure`, per amount (several
    /// currencies stay apart); `nil` when unknown (missing is not zero). A buyer, or a
    /// supplier that won every winning tender: the procedure's ``ValueAtStake``. Another
    /// supplier: the prices of the tenders it won (BT-720), when every one is known.
    public func value(in procedure: Procedure) -> [Amount]? {
        if lots == nil || wonEveryTender { return ValueAtStake.of(procedure).map { [$0] } }
        var amounts: [Amount] = []
        for tender in tenders {
            guard let price = procedure.price(of: tender) else { return nil }
            amounts.append(price)
        }
        return amounts.isEmpty ? nil : amounts
    }
}
