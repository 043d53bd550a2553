/// A lot, group of lots or part, as the call side of one notice describes it.
public struct Lot: Sendable, Hashable {
    /// BT-137 / BT-330 / BT-13710: `LOT-0001`, `GLO-0001`, `PAR-0001`.
    public var id: String
    public var kind: LotKind
    /// BT-21.
    public var title: String?
    /// BT-23.
    public var nature: String?
    /// BT-262.
    public var mainCpv: String?
    /// BT-263.
    public var additionalCpvs: [String] = []
    /// BT-27.
    public var estimatedValue: Amount?
    /// BT-271.
    public var frameworkMaximum: Amount?
    /// BT-131: deadline for receipt of tenders.
    public var submissionDeadline: DateTime?
    /// BT-1311: deadline for receipt of requests to participate (restricted-type procedures).
    public var requestsDeadline: DateTime?
    /// BT-132: tender opening.
    public var opening: DateTime?
    /// BT-17: `required`, `allowed` or `not-allowed`.
    public var electronicSubmission: String?
    /// BT-767.
    public var electronicAuction: Bool?
    /// BT-765: `none`, `fa-wo-rc`, `fa-w-rc`, `fa-mix`.
    public var frameworkAgreement: String?
    /// BT-766: `none`, `dps-list`, `dps-nlist`.
    public var dynamicPurchasingSystem: String?
    /// BT-125: earlier notices (prior information) this lot refers to.
    public var previousNotices: [String] = []
    /// For a group of lots (BT-330): its member lots (BT-1375).
    public var memberLots: [String] = []
    /// BT-5071.
    public var performanceNuts: String?

    public init(id: String, kind: LotKind) {
        self.id = id
        self.kind = kind
    }

    /// True when the lot belongs to a framework agreement.
    public var isFramework: Bool? {
        frameworkAgreement.map { $0 != "none" }
    }
}

public enum LotKind: String, Sendable, Hashable {
    case lot
    case group
    case part

    /// From the `schemeName` of the lot's `cbc:ID`: `Lot`, `LotsGroup`, `Part`.
    public init?(schemeName: String) {
        switch schemeName {
        case "Lot": self = .lot
        case "LotsGroup": self = .group
        case "Part": self = .part
        default: return nil
        }
    }
}

/// A date with an optional time, both as written.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CalendarDate
    public var time: TimeOfDay?

    public init(date: CalendarDate, time: TimeOfDay? = nil) {
        self.date = date
        self.time = time
    }

    /// By date, then a date without time before one with a time, then by time.
    public static func < (lhs: DateTime, rhs: DateTime) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        switch (lhs.time, rhs.time) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (left?, right?): return left < right
        }
    }

    public var description: String {
        time.map { "\(date)T\($0)" } ?? date.description
    }
}
