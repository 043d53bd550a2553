import TenderModel

/// How contested a lot's award was, as far as its result notice tells.
enum AwardCompetition: Sendable, Hashable {
    /// One tender received, by the `tenders` statistic (BT-759).
    case uncontested
    /// One tender listed and no count published: probably uncontested, not known to be.
    case oneListed
    /// At least this many tenders (two or more).
    case contested(Int)
    /// No tender came in.
    case noTender
    /// The notice does not tell; `missing` names the fact.
    case unknown(missing: String)
}

extension LotResult {
    /// How many tenders competed for this award, from the best count the notice gives.
    var competition: AwardCompetition {
        if let atLeast = tendersReceivedLowerBound, atLeast >= 2 { return .contested(atLeast) }
        guard let received = tendersReceived else { return .unknown(missing: "BT-759 tenders received") }
        switch (received.count, received.source) {
        case (.withheld, _): return .unknown(missing: "BT-759 tenders received (withheld)")
        case (.unknown, _): return .unknown(missing: "BT-759 tenders received")
        case (_, .nonAwardReason), (.known(0), _): return .noTender
        case (.known, .listedTenders): return .oneListed
        case (.known, .statistics): return .uncontested
        }
    }
}

/// Uncontested procedures of one buyer, or of all buyers of one country: how many, and how
/// many each supplier won.
struct UncontestedTally: Sendable, Hashable {
    var procedures = 0
    /// By supplier key (stable keys only).
    var suppliers: [String: Int] = [:]

    mutating func merge(_ other: UncontestedTally) {
        procedures += other.procedures
        suppliers.merge(other.suppliers, uniquingKeysWith: +)
    }
}

/// `recurrent-uncontested-winner`'s fold: per buyer and per buyer country, the procedures with
/// an award that met no competition (one tender received, by the count the notice gives) and
/// who won them. Counts only, so any split of the input merges to the same totals.
public struct UncontestedAwardPopulation: SettingsFreePopulation, PopulationDescribing {
    var buyers: [String: UncontestedTally] = [:]
    var countries: [String: UncontestedTally] = [:]

    public init() {}

    mutating func add(_ procedure: Procedure) {
        guard let buyer = procedure.stableBuyerKey else { return }
        var uncontested = false
        var winners: Set<String> = []
        for lot in procedure.awardUnits {
            guard let result = lot.result, result.competition == .uncontested else { continue }
            let lotWinners = procedure.winners(of: lot)
            guard !lotWinners.isEmpty else { continue }
            uncontested = true
            winners.formUnion(lotWinners.filter(\.isStable).map(\.value))
        }
        guard uncontested else { return }
        // A procedure counts once per supplier, however many of its lots the supplier won.
        var tally = UncontestedTally(procedures: 1)
        for winner in winners { tally.suppliers[winner] = 1 }
        buyers[buyer.value, default: UncontestedTally()].merge(tally)
        countries[procedure.leadBuyer?.organization.country ?? "", default: UncontestedTally()].merge(tally)
    }

    public mutating func merge(_ other: UncontestedAwardPopulation) {
        for (buyer, tally) in other.buyers { buyers[buyer, default: UncontestedTally()].merge(tally) }
        for (country, tally) in other.countries { countries[country, default: UncontestedTally()].merge(tally) }
    }

    public func finalize() -> UncontestedAwardPopulation { self }

    /// What `supplier` won of `buyer`'s uncontested procedures, and of the other buyers' of `country`.
    func record(buyer: String, supplier: String, country: String) -> UncontestedRecord {
        let atBuyer = buyers[buyer] ?? UncontestedTally()
        let inCountry = countries[country] ?? UncontestedTally()
        let wins = atBuyer.suppliers[supplier] ?? 0
        return UncontestedRecord(wins: wins, procedures: atBuyer.procedures,
                                 winsElsewhere: (inCountry.suppliers[supplier] ?? 0) - wins,
                                 proceduresElsewhere: inCountry.procedures - atBuyer.procedures)
    }

    public var description: Evidence {
        Evidence(["buyers": .integer(buyers.count),
                  "uncontestedProcedures": .integer(countries.values.reduce(0) { $0 + $1.procedures })])
    }
}

/// One supplier's uncontested wins at one buyer, against the rest of the buyer's country.
struct UncontestedRecord: Sendable, Hashable {
    /// The buyer's uncontested procedures the supplier won.
    let wins: Int
    /// The buyer's uncontested procedures.
    let procedures: Int
    /// The other buyers' (same country) uncontested procedures the supplier won.
    let winsElsewhere: Int
    /// The other buyers' uncontested procedures.
    let proceduresElsewhere: Int
    /// The supplier's share of uncontested procedures elsewhere, counting one more win and one more
    /// procedure, so a supplier never seen elsewhere is not given a zero chance.
    let expectedShare: Double
    /// The binomial chance of winning at least `wins` of `procedures` at `expectedShare`: worked
    /// out once, as a finding reads it several times (choosing the winner, evidence, verdict).
    let chance: Double

    init(wins: Int, procedures: Int, winsElsewhere: Int, proceduresElsewhere: Int) {
        self.wins = wins
        self.procedures = procedures
        self.winsElsewhere = winsElsewhere
        self.proceduresElsewhere = proceduresElsewhere
        expectedShare = Double(winsElsewhere + 1) / Double(proceduresElsewhere + 1)
        chance = binomialUpperTail(wins, of: procedures, rate: expectedShare)
    }
}
