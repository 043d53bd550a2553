import TenderModel

/// A buyer in one award year.
struct BuyerYear: Sendable, Hashable {
    var buyer: String
    var year: Int
}

/// What one supplier was awarded by one buyer in one year and currency.
struct SupplierTakings: Sendable, Hashable {
    /// Lots won.
    var contracts = 0
    /// Distinct procedures those lots belong to.
    var procedures = 0
    var value = DecimalSum()

    mutating func merge(_ other: SupplierTakings) {
        contracts += other.contracts
        procedures += other.procedures
        value.add(other.value)
    }
}

/// What one buyer awarded in one year and currency, in all and per supplier.
struct YearSpending: Sendable, Hashable {
    var contracts = 0
    var value = DecimalSum()
    /// By supplier key (stable keys only).
    var suppliers: [String: SupplierTakings] = [:]

    mutating func merge(_ other: YearSpending) {
        contracts += other.contracts
        value.add(other.value)
        for (supplier, takings) in other.suppliers { suppliers[supplier, default: SupplierTakings()].merge(takings) }
    }
}

/// A buyer's year: its spending per currency, and the lots whose value could not be used.
struct BuyerYearSpending: Sendable, Hashable {
    var currencies: [String: YearSpending] = [:]
    var unvalued = 0

    mutating func merge(_ other: BuyerYearSpending) {
        unvalued += other.unvalued
        for (currency, spending) in other.currencies { currencies[currency, default: YearSpending()].merge(spending) }
    }
}

/// A supplier credited in one award year and currency (to count its procedures once).
private struct SupplierIn: Hashable {
    var supplier: String
    var year: Int
    var currency: String
}

/// `supplier-share-of-buyer`'s fold: per buyer and award year, the value awarded in all and to
/// each supplier. Exact sums, so any split of the input merges to the same totals.
public struct BuyerSpendingPopulation: SettingsFreePopulation, PopulationDescribing {
    var years: [BuyerYear: BuyerYearSpending] = [:]

    public init() {}

    /// Every awarded lot of `procedure` whose lead buyer has a stable key and whose award year is known.
    mutating func add(_ procedure: Procedure) {
        guard let buyer = procedure.stableBuyerKey else { return }
        // Each procedure is observed once: the suppliers it credits count one procedure each.
        var credited: Set<SupplierIn> = []
        for lot in procedure.awardUnits {
            let winners = procedure.winners(of: lot)
            guard !winners.isEmpty, let year = procedure.awardYear(of: lot) else { continue }
            let key = BuyerYear(buyer: buyer.value, year: year)
            guard let value = procedure.awardedValue(of: lot), let currency = value.currency else {
                years[key, default: BuyerYearSpending()].unvalued += 1
                continue
            }
            var spending = YearSpending(contracts: 1, value: DecimalSum(value.value))
            // Each winning tender's price goes to each of its members (a group's members share the contract).
            for winner in lot.result?.winners ?? [] {
                guard let price = procedure.price(of: winner) else { continue }
                for supplier in Set(winner.tenderers.map(\.organization.key)) where supplier.isStable {
                    spending.suppliers[supplier.value, default: SupplierTakings()]
                        .merge(SupplierTakings(contracts: 0, value: DecimalSum(price.value)))
                }
            }
            for supplier in spending.suppliers.keys {
                spending.suppliers[supplier]?.contracts = 1
                if credited.insert(SupplierIn(supplier: supplier, year: year, currency: currency)).inserted {
                    spending.suppliers[supplier]?.procedures = 1
                }
            }
            years[key, default: BuyerYearSpending()].currencies[currency, default: YearSpending()].merge(spending)
        }
    }

    public mutating func merge(_ other: BuyerSpendingPopulation) {
        for (key, spending) in other.years { years[key, default: BuyerYearSpending()].merge(spending) }
    }

    public func finalize() -> BuyerSpendingPopulation { self }

    public var description: Evidence {
        var buyerYears = 0
        var contracts = 0
        var unvalued = 0
        for spending in years.values {
            buyerYears += spending.currencies.count
            contracts += spending.currencies.values.reduce(0) { $0 + $1.contracts }
            unvalued += spending.unvalued
        }
        return Evidence(["buyerYears": .integer(buyerYears), "contracts": .integer(contracts),
                         "unvaluedContracts": .integer(unvalued)])
    }
}
