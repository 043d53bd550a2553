import TenderModel

/// Which share of a buyer's procedures `buyer-noncompetitive-share` weighs.
enum ShareBasis: String, Sendable, Hashable {
    /// Procedures awarded without competition / procedures awarded.
    case count
    /// Their value / the value of all procedures awarded (one currency only).
    case value
}

/// The value of a buyer's awarded procedures in one currency, in all and without competition.
struct ProcedureValues: Sendable, Hashable {
    var procedures = 0
    var total = DecimalSum()
    var nonCompetitive = DecimalSum()

    mutating func merge(_ other: ProcedureValues) {
        procedures += other.procedures
        total.add(other.total)
        nonCompetitive.add(other.nonCompetitive)
    }
}

/// One buyer's awarded procedures: how many, how many without competition, and their values.
struct BuyerProcedures: Sendable, Hashable {
    /// Procedures with an awarded lot whose kind is known.
    var procedures = 0
    var nonCompetitive = 0
    /// Procedures with an awarded lot whose BT-105 is unknown (counted in neither share).
    var unknownType = 0
    /// Per currency, the procedures whose awarded value is usable.
    var values: [String: ProcedureValues] = [:]

    mutating func merge(_ other: BuyerProcedures) {
        procedures += other.procedures
        nonCompetitive += other.nonCompetitive
        unknownType += other.unknownType
        for (currency, value) in other.values { values[currency, default: ProcedureValues()].merge(value) }
    }

    typealias ValueShare = (currency: String, values: ProcedureValues, share: Double)

    /// The value share when every valued procedure is in one currency.
    var valueShare: ValueShare? {
        guard values.count == 1, let (currency, value) = values.first, let total = value.total.doubleValue,
              total > 0, let part = value.nonCompetitive.doubleValue else { return nil }
        return (currency, value, part / total)
    }

    /// The share on `basis` and the procedures it is computed over; `nil` when unknown.
    func share(_ basis: ShareBasis) -> (share: Double, procedures: Int)? {
        share(basis, valueShare: basis == .value ? valueShare : nil)
    }

    /// ``share(_:)`` from the ``valueShare`` already worked out.
    func share(_ basis: ShareBasis, valueShare: ValueShare?) -> (share: Double, procedures: Int)? {
        switch basis {
        case .count:
            return procedures > 0 ? (Double(nonCompetitive) / Double(procedures), procedures) : nil
        case .value:
            return valueShare.map { ($0.share, $0.values.procedures) }
        }
    }
}

extension Procedure {
    /// Whether a contract was awarded without competition: BT-105 `neg-wo-call`, or announced by a
    /// VEAT notice (as `non-open-procedure` reads it). `nil` when the type is unknown and no VEAT says so.
    var awardedWithoutCompetition: Bool? {
        if veatNotice != nil { return true }
        return procedureType.value.map(ProcedureKind.withoutCall.contains)
    }

    /// Whether any lot or group was awarded (has a winner).
    var hasAward: Bool {
        awardUnits.contains { $0.result?.winners.isEmpty == false }
    }

    /// The value awarded in the whole procedure, when every awarded lot has a usable value in one currency.
    var totalAwardedValue: Amount? {
        Amount.sum(awardUnits.lazy.filter { $0.result?.winners.isEmpty == false }) { awardedValue(of: $0) }
    }
}

/// `buyer-noncompetitive-share`'s fold: per buyer, procedures and values awarded, with and without
/// competition. It carries the two settings `finalize` needs, since the fence is computed over the
/// buyers with enough procedures only.
public struct BuyerProcedurePopulation: IndicatorPopulation {
    let basis: ShareBasis
    let minimumProcedures: Int
    var buyers: [String: BuyerProcedures] = [:]

    init(basis: ShareBasis, minimumProcedures: Int) {
        self.basis = basis
        self.minimumProcedures = minimumProcedures
    }

    mutating func add(_ procedure: Procedure) {
        guard procedure.hasAward, let buyer = procedure.stableBuyerKey else { return }
        var entry = BuyerProcedures()
        if let nonCompetitive = procedure.awardedWithoutCompetition {
            entry.procedures = 1
            entry.nonCompetitive = nonCompetitive ? 1 : 0
            if let value = procedure.totalAwardedValue, let currency = value.currency {
                entry.values[currency] = ProcedureValues(procedures: 1, total: DecimalSum(value.value),
                                                         nonCompetitive: nonCompetitive ? DecimalSum(value.value) : DecimalSum())
            }
        } else {
            entry.unknownType = 1
        }
        buyers[buyer.value, default: BuyerProcedures()].merge(entry)
    }

    public mutating func merge(_ other: BuyerProcedurePopulation) {
        for (buyer, procedures) in other.buyers { buyers[buyer, default: BuyerProcedures()].merge(procedures) }
    }

    public func finalize() -> BuyerProcedureSummary {
        let shares = buyers.values.compactMap { $0.share(basis) }
            .filter { $0.procedures >= minimumProcedures }
            .map(\.share)
        return BuyerProcedureSummary(buyers: buyers, quartiles: Quartiles(shares))
    }
}

/// The buyers' procedures and the quartiles of the eligible buyers' shares.
public struct BuyerProcedureSummary: Sendable, PopulationDescribing {
    var buyers: [String: BuyerProcedures]
    var quartiles: Quartiles?

    public var description: Evidence {
        Quartiles.evidence(quartiles, entities: "buyers", count: buyers.count)
    }
}
