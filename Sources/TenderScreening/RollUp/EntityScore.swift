/// One organisation of a roll-up, ranked: how risky its procedures are, and why.
public struct EntityScore: Sendable, Hashable {
    /// 1-based position in the roll-up ranking.
    public var rank: Int
    /// The organisation key (``OrganizationKey``): `FRA/123456789` or `FRA/PARIS/VILLEDEPARIS`.
    public var key: String
    /// As written in the first procedure (by id) that names it.
    public var name: String?
    public var country: String?
    public var procedures: Int
    /// Fewer procedures than the minimum sample: ranked after every organisation with enough.
    public var belowMinimum: Bool
    /// Σ of the indicators' ``IndicatorRate/points``: what one of its procedures is expected
    /// to score where each indicator could judge (value factor left out).
    public var composite: Double
    /// The mean score of its procedures (value factor included, when enabled). For a
    /// supplier, a procedure's score is that of its part: the findings about the procedure
    /// as a whole and about the lots it won (the whole score when it won every lot).
    public var meanScore: Double
    /// The highest score of its procedures (for a supplier, of its part).
    public var maxScore: Double
    /// Every indicator that ran, largest points first (ties: more flags, then catalogue order).
    public var indicators: [IndicatorRate]
    public var value: EntityValue
    /// Ids of its highest-scoring procedures (at most 3; for a supplier, by the score of its
    /// part), best first, ties by id.
    public var topProcedures: [String]

    /// The indicators that add points, largest first.
    public var contributing: [IndicatorRate] { indicators.filter { $0.flagged > 0 } }
}

/// One indicator over an organisation's procedures.
public struct IndicatorRate: Sendable, Hashable {
    public var id: String
    /// Procedures where it flagged.
    public var flagged: Int
    /// Procedures where it could judge: flagged or clear.
    public var checked: Int
    /// Procedures where it could not judge for want of data (missing is not zero).
    public var insufficientData: Int
    /// flagged / checked; `nil` when it could never judge.
    public var share: Double?
    /// weight × Σ severity / checked, rounded to 2 decimals: weight × share when every
    /// flag has severity 1.
    public var points: Double
}

/// The value at stake of an organisation's procedures (awarded value, else the estimate;
/// ``ValueAtStake``), summed per currency. Whole procedures count: a supplier that won one lot
/// of ten is credited with the value of the ten.
public struct EntityValue: Sendable, Hashable {
    /// In EUR; `nil` when none of its procedures gave a value in EUR.
    public var euro: CurrencyTotal?
    /// Other currencies (and amounts without a currency, `currency == nil`), by code.
    public var otherCurrencies: [CurrencyTotal] = []
    /// Procedures with no value at stake (not counted as zero).
    public var proceduresWithoutValue: Int
}

public struct CurrencyTotal: Sendable, Hashable {
    public var currency: String?
    public var sum: DecimalSum
    /// Procedures whose value is in this sum.
    public var procedures: Int
}
