import TenderModel

/// `contract-splitting`: one buyer buys the same thing several times within a year, each
/// purchase under the EU threshold, together over it.
public struct ContractSplitting: Indicator {
    public typealias Population = SplittingPopulation

    public static let metadata = IndicatorMetadata(
        id: "contract-splitting",
        name: "Purchases split under the threshold",
        phase: .planning,
        detects: "A procedure estimated under the EU threshold that applies to it, one of at least "
            + "`minimum-purchases` purchases of the same buyer in the same CPV class (and threshold category) "
            + "whose calls were sent within `window-days` of each other and whose estimates together exceed the "
            + "threshold.",
        rationale: "The directives forbid splitting a purchase to keep it under the thresholds (2014/24/EU art. 5(3)): "
            + "below them no EU-wide call, shorter periods and fewer remedies apply. A buyer that buys the same "
            + "class of works, supplies or services several times in a year, each time just under the threshold, "
            + "while the total is above it, is the classic footprint, all the more when the same supplier wins "
            + "every part.",
        method: "Each procedure with an identified buyer (BT-501 or name, not a notice-local id), a legal basis, an "
            + "estimate in EUR (as in threshold-proximity: the procedure's, else the sum of its lots'), a main CPV "
            + "(BT-262) and a dispatch date is a purchase of the class (buyer, legal basis, threshold category, "
            + "first five CPV digits). Purchases under the threshold in force on their date, and estimated at "
            + "`minimum-share-of-threshold` of it or more, are folded per class. "
            + "After all procedures: within each class, sorted by date, every window of `window-days` holding at "
            + "least `minimum-purchases` purchases whose estimates sum above the highest threshold among them makes "
            + "its purchases part of a series; overlapping windows join into one series. Flag each procedure of a "
            + "series, with severity 1 when one supplier won a lot of every part, else `mixed-suppliers-severity`.",
        evidence: [
            .init("buyer", "the buyer's organisation key"), .init("cpvClass", "first five digits of BT-262"),
            .init("estimatedValue", "this procedure's estimate"), .init("threshold", "the threshold that applies"),
            .init("purchases", "purchases in the series"), .init("seriesTotal", "their estimates summed"),
            .init("first", "dispatch date of the first purchase"), .init("last", "dispatch date of the last purchase"),
            .init("sameSupplier", "the supplier that won a lot of every part, when there is one"),
        ],
        settings: [
            .init("weight", default: .number(30), "points a flagged procedure adds to the score"),
            .init("window-days", default: .integer(365), "days within which purchases count as one need"),
            .init("minimum-purchases", default: .integer(3),
                  "fewest purchases under the threshold that make a series (two may be a legitimate renewal)"),
            .init("minimum-share-of-threshold", default: .number(0.5),
                  "purchases estimated under this share of the threshold do not count (routine repeat buying; "
                      + "0 counts every purchase)"),
            .init("mixed-suppliers-severity", default: .number(0.75),
                  "severity of a series whose parts were won by different suppliers: the split is the breach "
                      + "(art. 5(3)) whoever won; one winner of every part adds favouritism"),
        ],
        exclusions: [
            "Purchases at or above the threshold: they were advertised under the directives.",
            "Estimates not in EUR, buyers known only by a notice-local id, procedures without CPV or date.",
            "Lots of one procedure: the directive adds them up already (threshold-proximity uses the procedure's "
                + "estimate or the sum of its lots).",
        ],
        references: [
            .init("OCP R011", "Splitting purchases to avoid procurement thresholds"),
            .init("OCP R055", "Multiple direct awards above or just below the threshold"),
            .init("Directive 2014/24/EU art. 5(3)", "a purchase may not be subdivided to avoid the directive"),
            .init("ProZorro RISK2-5", "repeated below-threshold purchases with the same CPV"),
        ],
        example: "A regional authority (threshold 221000 EUR) sends calls for cleaning services (CPV 90911) on "
            + "2024-02-01, 2024-03-10 and 2024-04-20 estimated 210000, 215000 and 205000 EUR, each won by the same "
            + "firm: a series of 3 totalling 630000 EUR, all three flagged with severity 1. A fourth purchase of "
            + "the class on 2025-09-01 is more than a year after the series began and clear; one estimated 60000 "
            + "EUR (27 % of the threshold) is not counted."
    )

    let windowDays: Int
    let minimumPurchases: Int
    let minimumShare: Double
    let mixedSuppliersSeverity: Double
    let table: ThresholdTable

    public init(settings: ScreeningSettings) {
        windowDays = settings.integer("window-days", of: Self.metadata)
        minimumPurchases = settings.integer("minimum-purchases", of: Self.metadata)
        minimumShare = settings.number("minimum-share-of-threshold", of: Self.metadata)
        mixedSuppliersSeverity = settings.number("mixed-suppliers-severity", of: Self.metadata)
        table = settings.thresholds
    }

    public func makePopulation() -> SplittingPopulation {
        SplittingPopulation(windowDays: windowDays, minimumPurchases: minimumPurchases)
    }

    public func observe(_ procedure: Procedure, into population: inout SplittingPopulation) {
        guard case .success(let purchase) = Purchase.of(procedure, table: table), purchase.isUnderThreshold,
              purchase.share >= minimumShare else { return }
        population.purchases[purchase.classKey, default: []].append(purchase.entry(of: procedure))
    }

    public func evaluate(_ procedure: Procedure, population: SplittingPopulation.Summary) -> [Finding] {
        let id = Self.metadata.id
        let purchase: Purchase
        switch Purchase.of(procedure, table: table) {
        case .success(let found): purchase = found
        case .failure(.insufficient(let missing, let message)):
            return [Finding(indicator: id, status: .insufficientData(missing: missing), message: message)]
        case .failure(.notApplicable(let reason)):
            return [Finding(indicator: id, status: .notApplicable(reason: reason), message: reason)]
        }
        var evidence = Evidence(["buyer": .text(purchase.buyer), "cpvClass": .text(purchase.cpvClass),
                                 "estimatedValue": .amount(purchase.estimate), "threshold": .amount(purchase.threshold)])
        guard purchase.isUnderThreshold else {
            return [Finding(indicator: id, status: .notApplicable(reason: "estimate at or above the threshold"),
                            message: "estimate \(purchase.estimate) at or above the \(purchase.threshold) threshold: "
                                + "advertised under the directives", evidence: evidence)]
        }
        let limit = Threshold(.amount(purchase.threshold), "sum above, within \(windowDays) days,",
                              source: .law(table: "thresholds", citation: purchase.citation))
        guard purchase.share >= minimumShare else {
            return [Finding(indicator: id, status: .clear,
                            message: "estimate under \(percent(minimumShare)) of the \(purchase.threshold) threshold: "
                                + "not counted as part of a split purchase", evidence: evidence, threshold: limit)]
        }
        guard let series = population.series[procedure.id] else {
            return [Finding(indicator: id, status: .clear,
                            message: "no series of \(minimumPurchases) purchases of CPV class \(purchase.cpvClass) "
                                + "by this buyer within \(windowDays) days above the threshold",
                            evidence: evidence, threshold: limit)]
        }
        evidence["purchases"] = .integer(series.purchases)
        evidence["seriesTotal"] = .amount(Amount(value: DecimalNumber(Int(series.total.rounded())), currency: "EUR"))
        evidence["first"] = .date(series.first)
        evidence["last"] = .date(series.last)
        evidence["sameSupplier"] = EvidenceValue(series.sameSupplier)
        let supplierNote = series.sameSupplier.map { ", each won by \($0)" } ?? ""
        return [Finding(indicator: id, status: .flagged,
                        message: "one of \(series.purchases) purchases of CPV class \(purchase.cpvClass) between "
                            + "\(series.first) and \(series.last), each under the \(purchase.threshold) threshold, "
                            + "together \(Int64(series.total.rounded())) EUR\(supplierNote)",
                        evidence: evidence, threshold: limit,
                        severity: series.sameSupplier == nil ? mixedSuppliersSeverity : 1)]
    }
}

/// One procedure as a purchase of a class, with the threshold that applies to it.
struct Purchase {
    var buyer: String
    var legalBasis: String
    var category: ThresholdCategory
    var cpvClass: String
    var estimate: Amount
    var threshold: Amount
    var citation: String
    var date: CalendarDate

    enum Unusable: Error {
        case insufficient([String], String)
        case notApplicable(String)
    }

    var isUnderThreshold: Bool { estimate.value < threshold.value }

    /// The estimate as a share of the threshold.
    var share: Double { estimate.value.doubleValue / threshold.value.doubleValue }

    /// The class whose purchases may add up to a split one.
    var classKey: String { buyer + "|" + legalBasis + "|" + category.rawValue + "|" + cpvClass }

    /// What the population keeps of `procedure`, the purchase's own procedure.
    func entry(of procedure: Procedure) -> SplittingPopulation.Entry {
        var suppliers = Set<String>()
        for lot in procedure.awardUnits {
            for winner in procedure.winners(of: lot) where winner.isStable { suppliers.insert(winner.value) }
        }
        return SplittingPopulation.Entry(date: date, value: estimate.value.doubleValue,
                                         threshold: threshold.value.doubleValue, procedure: procedure.id,
                                         suppliers: suppliers.sorted())
    }

    static func of(_ procedure: Procedure, table: ThresholdTable) -> Result<Purchase, Unusable> {
        guard let buyer = procedure.stableBuyerKey else {
            return .failure(.insufficient(["BT-501 buyer registration number or BT-500 name"], "buyer not identified"))
        }
        guard let legalBasis = procedure.legalBasis else {
            return .failure(.insufficient(["BT-01 legal basis"], "legal basis unknown"))
        }
        guard table.knows(legalBasis: legalBasis) else {
            return .failure(.notApplicable("no thresholds known for \(legalBasis)"))
        }
        guard let cpv = procedure.mainCpv, cpv.utf8.count >= 5 else {
            return .failure(.insufficient(["BT-262 main CPV"], "main CPV unknown"))
        }
        guard let estimate = procedure.thresholdEstimate().value, !estimate.isPlaceholder else {
            return .failure(.insufficient(["BT-27 estimated value"], "no usable estimated value"))
        }
        guard estimate.currency == "EUR" else {
            return .failure(.insufficient(["estimated value in EUR"], "estimate not in EUR, thresholds in EUR"))
        }
        let category: ThresholdCategory
        switch procedure.thresholdCategory(legalBasis: legalBasis) {
        case .success(let found): category = found
        case .failure(let missing): return .failure(.insufficient(missing.facts, "cannot tell which threshold applies"))
        }
        guard let date = procedure.thresholdDate else {
            return .failure(.insufficient(["BT-05 dispatch date"], "dispatch date unknown"))
        }
        guard let rule = table.threshold(legalBasis: legalBasis, category: category, on: date) else {
            return .failure(.notApplicable("no \(category.rawValue) threshold in force on \(date)"))
        }
        guard rule.currency == estimate.currency else {
            return .failure(.insufficient(["estimated value in \(rule.currency)"], "threshold and estimate in other currencies"))
        }
        return .success(Purchase(
            buyer: buyer.value, legalBasis: legalBasis, category: category, cpvClass: String(cpv.prefix(5)),
            estimate: estimate, threshold: Amount(value: rule.amount, currency: rule.currency), citation: rule.citation,
            date: date))
    }
}
