/// The result section of a notice (eForms `efac:NoticeResult`), references resolved.
public struct NoticeResult: Sendable, Hashable {
    /// BT-161: the value of all contracts awarded in this notice.
    public var totalValue: Reported<Amount> = .unknown
    /// BT-118: the maximum value of the framework agreements.
    public var frameworkMaximum: Reported<Amount> = .unknown
    /// BT-1118: the approximate value of the framework agreements.
    public var frameworkApproximate: Reported<Amount> = .unknown
    /// One per lot or group of lots the notice reports on.
    public var lotResults: [LotResult] = []

    public init() {}
}

/// The outcome for one lot (or group of lots) in one notice.
public struct LotResult: Sendable, Hashable {
    /// OPT-322: `RES-0001`.
    public var id: String?
    /// BT-13713: the lot or group the result is for.
    public var lotId: String?
    /// BT-142: `selec-w` (winner chosen), `clos-nw` (closed, no winner), `open-nw` (still open).
    public var resultCode: Reported<String> = .unknown
    /// BT-144: why no winner (`no-rece`, `one-admis`, `all-rej`…).
    public var nonAwardReason: Reported<String> = .unknown
    /// BT-759 / BT-760, every code as written, in document order.
    public var statistics: [SubmissionStatistic] = []
    /// BT-710.
    public var lowestTender: Reported<Amount> = .unknown
    /// BT-711.
    public var highestTender: Reported<Amount> = .unknown
    /// BT-709.
    public var frameworkMaximum: Reported<Amount> = .unknown
    /// BT-660.
    public var frameworkReestimated: Reported<Amount> = .unknown
    /// The tenders this result covers (often only the winners).
    public var tenders: [Tender] = []
    /// The contracts concluded for this lot.
    public var contracts: [Contract] = []

    public init() {}

    /// The count for one statistics code (`tenders`, `t-sme`, `t-esubm`…).
    public func statistic(_ code: String) -> Reported<Int> {
        statistics.first(where: { $0.code == code })?.count ?? .unknown
    }

    /// Tenders received, from the best source available, with that source.
    ///
    /// The `tenders` statistic when given; else the number of tenders listed (often only
    /// winners: an estimate, and said to be one); else 0 when the lot was closed because no
    /// tender came in (BT-144 `no-rece`). `t-esubm` alone is never used: it counts
    /// electronic submissions only.
    public var tendersReceived: TendersReceived? {
        switch statistic("tenders") {
        case .known(let count):
            return TendersReceived(count: .known(count), source: .statistics)
        case .withheld(let withholding):
            return TendersReceived(count: .withheld(withholding), source: .statistics)
        case .unknown:
            break
        }
        // Tenders listed outweigh a "no tender received" code that contradicts them.
        if !tenders.isEmpty {
            return TendersReceived(count: .known(tenders.count), source: .listedTenders)
        }
        if nonAwardReason.value == "no-rece" {
            return TendersReceived(count: .known(0), source: .nonAwardReason)
        }
        return nil
    }

    /// The fewest tenders the lot can have received, from every count the notice gives:
    /// the `tenders` row, any `t-…` category (each counts a subset of the tenders, e.g.
    /// `t-esubm` electronic ones) and the tenders listed. `nil` when the notice gives none.
    public var tendersReceivedLowerBound: Int? {
        var bound: Int? = tenders.isEmpty ? nil : tenders.count
        for statistic in statistics where statistic.code == "tenders" || statistic.code.hasPrefix("t-") {
            if let count = statistic.count.value { bound = max(bound ?? 0, count) }
        }
        if bound == nil, nonAwardReason.value == "no-rece" { bound = 0 }
        return bound
    }

    /// Winning tenders: those a concluded contract refers to.
    public var winners: [Tender] { tenders.filter(\.isWinner) }

    /// The value awarded in this lot: the sum of the winning tenders' values (BT-720).
    /// Withheld if any winning value is withheld; unknown if any is missing, if there is no
    /// winner, or if the winners' currencies differ.
    public var awardedValue: Reported<Amount> {
        // The sum stops at the first value it cannot add: withheld there means withheld.
        var unusable: Reported<Amount> = .unknown
        let total = Amount.sum(winners) { winner in
            if case .withheld = winner.amount { unusable = winner.amount }
            return winner.amount.value
        }
        return total.map(Reported.known) ?? unusable
    }
}

/// One row of received-submissions statistics.
public struct SubmissionStatistic: Sendable, Hashable {
    /// BT-760: `tenders`, `t-sme`, `t-micro`, `t-small`, `t-med`, `t-large`, `t-oth-eea`,
    /// `t-no-eea`, `t-esubm`, `part-req`, `t-verif-inad`, `t-verif-inad-low`, `t-no-verif`…
    public var code: String
    /// BT-759.
    public var count: Reported<Int>

    public init(code: String, count: Reported<Int>) {
        self.code = code
        self.count = count
    }
}

/// A count of tenders received and where it came from.
public struct TendersReceived: Sendable, Hashable {
    public var count: Reported<Int>
    public var source: Source

    public init(count: Reported<Int>, source: Source) {
        self.count = count
        self.source = source
    }

    public enum Source: String, Sendable, Hashable {
        /// The `tenders` row of the received-submissions statistics (BT-759/BT-760).
        case statistics
        /// No statistics; the tenders the notice lists were counted (a lower bound).
        case listedTenders
        /// No statistics; the lot was closed because no tender was received (BT-144 `no-rece`).
        case nonAwardReason
    }
}

/// A tender (eForms `efac:LotTender`).
public struct Tender: Sendable, Hashable {
    /// OPT-321: `TEN-0001`.
    public var id: String
    /// BT-3201: the buyer's own tender identifier.
    public var reference: String?
    /// BT-13714: the lot or group the tender is for.
    public var lotId: String?
    /// BT-720.
    public var amount: Reported<Amount> = .unknown
    /// BT-171.
    public var rank: Reported<Int> = .unknown
    /// BT-1711.
    public var isRanked: Bool?
    /// BT-193.
    public var isVariant: Bool?
    /// True when a concluded contract refers to this tender (BT-3202).
    public var isWinner: Bool = false
    /// The tendering party (OPT-210), resolved to its organisations.
    public var party: TenderingParty?

    public init(id: String) {
        self.id = id
    }

    public var tenderers: [Tenderer] { party?.tenderers ?? [] }
}

/// A tendering party: one organisation, or a group of them (consortium).
public struct TenderingParty: Sendable, Hashable {
    /// OPT-210: `TPA-0001`.
    public var id: String
    /// OPT-211: the group's name.
    public var name: String?
    public var tenderers: [Tenderer] = []

    public init(id: String, name: String? = nil, tenderers: [Tenderer] = []) {
        self.id = id
        self.name = name
        self.tenderers = tenderers
    }

    public var isGroup: Bool { tenderers.count > 1 }
}

/// A member of a tendering party.
public struct Tenderer: Sendable, Hashable {
    public var organization: Organization
    /// OPT-170: the group leader.
    public var isLeader: Bool?

    public init(organization: Organization, isLeader: Bool? = nil) {
        self.organization = organization
        self.isLeader = isLeader
    }
}

/// A concluded contract (eForms `efac:SettledContract`).
public struct Contract: Sendable, Hashable {
    /// OPT-316: `CON-0001`.
    public var id: String
    /// BT-150.
    public var reference: String?
    /// BT-721.
    public var title: String?
    /// BT-1451: the winner decision date (never the dummy `cac:TenderResult/cbc:AwardDate`).
    public var awardDate: CalendarDate?
    /// BT-145: the contract conclusion date.
    public var conclusionDate: CalendarDate?
    /// BT-3202: the tenders this contract was concluded on.
    public var tenderIds: [String] = []
    /// BT-768.
    public var isFramework: Bool?

    public init(id: String) {
        self.id = id
    }
}
