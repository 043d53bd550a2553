import TenderModel

/// What decides which threshold applies to a procedure, shared by the indicators that
/// compare values with it (`threshold-proximity`, `contract-splitting`).
extension Procedure {
    /// The facts that are missing to pick a threshold category.
    struct MissingThresholdFacts: Error {
        var facts: [String]
    }

    /// The estimate the threshold is compared with: the procedure's (BT-27), else the sum of
    /// its lots' when every lot has one in one currency; with where it came from.
    func thresholdEstimate() -> (value: Amount?, level: String) {
        if let value = estimatedValue { return (value, "procedure") }
        let lots = lots.filter { $0.kind == .lot }
        let values = lots.compactMap { $0.call?.estimatedValue }
        guard !lots.isEmpty, values.count == lots.count, let currency = values.first?.currency,
              values.allSatisfy({ $0.currency == currency }) else { return (nil, "procedure") }
        var total = DecimalNumber(0)
        for value in values {
            guard let sum = total + value.value else { return (nil, "sum of lots") }
            total = sum
        }
        return (Amount(value: total, currency: currency), "sum of lots")
    }

    /// The threshold category: light regime, concessions, works, or supplies and services
    /// (for 2014/24/EU, of a central or a sub-central buyer).
    func thresholdCategory(legalBasis: String) -> Result<ThresholdCategory, MissingThresholdFacts> {
        if notices.contains(where: \.isLightRegime) {
            return .success(.socialServices)
        }
        if legalBasis == "32014L0023" { return .success(.concessions) }
        guard let nature else { return .failure(MissingThresholdFacts(facts: ["BT-23 main nature"])) }
        if nature == "works" { return .success(.works) }
        guard legalBasis == "32014L0024" else { return .success(.suppliesServices) }
        let types = buyers.compactMap(\.legalType)
        guard !types.isEmpty else { return .failure(MissingThresholdFacts(facts: ["BT-11 buyer legal type"])) }
        // Joint procurement with a central authority among the buyers: the central (lower) figure.
        return .success(types.contains("cga") ? .suppliesServicesCentral : .suppliesServicesSubCentral)
    }

    /// The date that picks the threshold period: the dispatch of the call (else the first notice).
    var thresholdDate: CalendarDate? {
        (contractNotice ?? notices.first)?.dispatchDate
    }
}
