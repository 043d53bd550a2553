import TenderModel

/// One indicator's verdict on one procedure or lot, with the evidence behind it.
public struct Finding: Sendable, Hashable {
    /// The indicator id (`single-bid`…).
    public var indicator: String
    /// The lot the finding is about, `nil` when it is about the whole procedure.
    public var lot: String?
    public var status: FindingStatus
    /// One line an auditor can read: what was seen, against what.
    public var message: String
    /// The observed values, in the order they explain the verdict.
    public var evidence: Evidence
    /// The limit applied and where it comes from, when there is one.
    public var threshold: Threshold?
    /// How strongly the finding counts when flagged, 0…1 (1 unless the indicator says why).
    public var severity: Double
    /// Points this finding adds to the procedure's score (set by scoring).
    public var contribution: Double = 0

    public init(indicator: String, lot: String? = nil, status: FindingStatus, message: String,
                evidence: Evidence = Evidence(), threshold: Threshold? = nil, severity: Double = 1) {
        self.indicator = indicator
        self.lot = lot
        self.status = status
        self.message = message
        self.evidence = evidence
        self.threshold = threshold
        self.severity = severity
    }

    public var isFlagged: Bool { status == .flagged }
}

/// The four outcomes of an evaluation. *Missing is not zero*: a fact the notices do not
/// give makes the indicator `insufficientData`, never `clear`.
public enum FindingStatus: Sendable, Hashable {
    case flagged
    case clear
    /// The facts named are unknown or withheld.
    case insufficientData(missing: [String])
    /// The indicator does not apply here, and why.
    case notApplicable(reason: String)

    /// `flagged`, `clear`, `insufficient-data`, `not-applicable`.
    public var code: String {
        switch self {
        case .flagged: return "flagged"
        case .clear: return "clear"
        case .insufficientData: return "insufficient-data"
        case .notApplicable: return "not-applicable"
        }
    }
}

/// Observed values, kept in insertion order so reports read like the reasoning.
public struct Evidence: Sendable, Hashable, Sequence {
    public private(set) var items: [(key: String, value: EvidenceValue)] = []

    public init() {}

    public init(_ items: KeyValuePairs<String, EvidenceValue>) {
        for (key, value) in items { self.items.append((key, value)) }
    }

    public subscript(key: String) -> EvidenceValue? {
        get { items.first { $0.key == key }?.value }
        set {
            if let index = items.firstIndex(where: { $0.key == key }) {
                if let newValue { items[index].value = newValue } else { items.remove(at: index) }
            } else if let newValue {
                items.append((key, newValue))
            }
        }
    }

    public var isEmpty: Bool { items.isEmpty }

    public func makeIterator() -> IndexingIterator<[(key: String, value: EvidenceValue)]> {
        items.makeIterator()
    }

    public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for item in items {
            hasher.combine(item.key)
            hasher.combine(item.value)
        }
    }
}

/// A value in evidence: typed, so reports can render dates as dates and money as money.
public indirect enum EvidenceValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral {
    case text(String)
    case integer(Int)
    /// A ratio or statistic; reports round it to 4 decimals.
    case number(Double)
    case bool(Bool)
    case date(CalendarDate)
    case amount(Amount)
    case list([EvidenceValue])
    case withheld
    case unknown

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    public init(_ value: String?) { self = value.map(EvidenceValue.text) ?? .unknown }
    public init(_ value: CalendarDate?) { self = value.map(EvidenceValue.date) ?? .unknown }
    public init(_ value: Amount?) { self = value.map(EvidenceValue.amount) ?? .unknown }
    public init(_ value: Int?) { self = value.map(EvidenceValue.integer) ?? .unknown }

    public init<Value>(_ reported: Reported<Value>, _ transform: (Value) -> EvidenceValue) {
        switch reported {
        case .known(let value): self = transform(value)
        case .withheld: self = .withheld
        case .unknown: self = .unknown
        }
    }
}

/// The limit a value was compared with, and its provenance.
public struct Threshold: Sendable, Hashable {
    /// The limit itself (days, a ratio, an amount…).
    public var value: EvidenceValue
    /// How the observed value relates to the limit when flagged (`<`, `>=`, `>`…).
    public var comparison: String
    public var source: ThresholdSource

    public init(_ value: EvidenceValue, _ comparison: String, source: ThresholdSource) {
        self.value = value
        self.comparison = comparison
        self.source = source
    }
}

/// Where a threshold comes from.
public enum ThresholdSource: Sendable, Hashable {
    /// A legal table row: the table's id and the citation (act, article, paragraph).
    case law(table: String, citation: String)
    /// A setting (its key; the default when not overridden).
    case setting(key: String)
    /// A Tukey fence computed over the input: `lower` is Q1 − 1.5·IQR, `upper` Q3 + 1.5·IQR.
    case fence(Fence)
}

/// A fence computed from the population of values an indicator observed.
public struct Fence: Sendable, Hashable {
    public enum Side: String, Sendable, Hashable {
        case lower, upper
    }

    public var side: Side
    public var count: Int
    public var q1: Double
    public var q3: Double

    public init(side: Side, count: Int, q1: Double, q3: Double) {
        self.side = side
        self.count = count
        self.q1 = q1
        self.q3 = q3
    }

    public var iqr: Double { q3 - q1 }
    public var value: Double { side == .lower ? q1 - 1.5 * iqr : q3 + 1.5 * iqr }
}
