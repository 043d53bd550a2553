import TenderModel

/// Screening results rolled up by organisation, CRI-style: folded one screened procedure at
/// a time into compact per-organisation tallies (never the procedures), merged across
/// partial folds, and ranked by ``ranking(minimumProcedures:)``. No I/O.
///
/// A procedure counts for every organisation ``EntityRole/participations(in:)`` gives: a
/// buyer with every finding, a supplier with the findings about the procedure as a whole
/// and about the lots it won (its procedure scores are those of its part: see ``EntityScore/meanScore``).
/// Organisations keyed by a notice-local id (no national id, no name) cannot be followed
/// from one notice to the next: they are not ranked, only counted (``unidentified``).
public struct EntityRollUp: ScreeningFold, Sendable {
    public let role: EntityRole
    /// The indicators that ran, in catalogue order.
    public let indicators: [IndicatorMetadata]
    /// Their weights (setting `weight`), in the same order.
    public let weights: [Double]
    private let positions: [String: Int]
    private var tallies: [String: EntityTally] = [:]
    /// Procedures folded.
    public private(set) var procedures = 0
    /// Procedures that counted for no ranked organisation (no buyer or no winner named, or
    /// only organisations without a stable key).
    public private(set) var proceduresWithoutOrganisation = 0
    /// Procedure–organisation pairs left out because the organisation has no stable key.
    public private(set) var unidentified = 0

    /// Nothing folded yet, for the indicators `settings` enables.
    public init(role: EntityRole, settings: ScreeningSettings) {
        self.role = role
        indicators = Screener(settings: settings).indicators.map { type(of: $0).metadata }
        weights = indicators.map { settings.weight(of: $0) }
        positions = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($1.id, $0) })
    }

    /// Organisations with at least one procedure.
    public var organisationCount: Int { tallies.count }

    public mutating func add(_ screened: ScreenedProcedure) {
        procedures += 1
        var counted = false
        var wholeProcedure: [IndicatorTally]?
        for participation in role.participations(in: screened.procedure) {
            let organization = participation.organization
            let key = organization.key
            guard key.isStable else {
                unidentified += 1
                continue
            }
            // A buyer's verdicts are the whole procedure's: worked out once for all its buyers.
            let checks = participation.lots == nil
                ? wholeProcedure ?? verdicts(screened.findings) : verdicts(screened.findings.lazy.filter(participation.concerns))
            if participation.lots == nil { wholeProcedure = checks }
            let score = participation.lots == nil || participation.wonEveryTender
                ? screened.score : partScore(checks, valueFactor: screened.valueFactor)
            let outcome = ProcedureOutcome(id: screened.procedure.id, score: score,
                                           scoreHundredths: Int((score * 100).rounded()),
                                           verdicts: checks, value: participation.value(in: screened.procedure))
            let label = EntityTally.Label(procedure: screened.procedure.id, name: organization.name,
                                          country: organization.country)
            if tallies[key.value] == nil {
                tallies[key.value] = EntityTally(label: label, indicatorCount: indicators.count)
            } else if label.isBetter(than: tallies[key.value]!.label) {
                tallies[key.value]!.label = label
            }
            tallies[key.value]!.add(outcome)
            counted = true
        }
        if !counted { proceduresWithoutOrganisation += 1 }
    }

    public mutating func merge(_ other: EntityRollUp) {
        precondition(other.role == role && other.indicators == indicators, "roll-ups of different runs merged")
        procedures += other.procedures
        proceduresWithoutOrganisation += other.proceduresWithoutOrganisation
        unidentified += other.unidentified
        for (key, tally) in other.tallies {
            if tallies[key] == nil { tallies[key] = tally } else { tallies[key]!.merge(tally) }
        }
    }

    /// Every organisation, ranked: those with at least `minimumProcedures` procedures first,
    /// then the others (``EntityScore/belowMinimum``); within each, composite score
    /// descending, then more procedures, then key.
    public func ranking(minimumProcedures: Int) -> [EntityScore] {
        var scores = tallies.map { key, tally in score(key: key, tally, minimumProcedures: minimumProcedures) }
        scores.sort { lhs, rhs in
            if lhs.belowMinimum != rhs.belowMinimum { return !lhs.belowMinimum }
            if lhs.composite != rhs.composite { return lhs.composite > rhs.composite }
            if lhs.procedures != rhs.procedures { return lhs.procedures > rhs.procedures }
            return lhs.key < rhs.key
        }
        for index in scores.indices { scores[index].rank = index + 1 }
        return scores
    }

    /// A supplier's part of a procedure scored as ``Scoring`` scores procedures: per
    /// indicator, weight × its strongest flag's severity (× the value factor), summed.
    private func partScore(_ checks: [IndicatorTally], valueFactor: Double?) -> Double {
        var score = 0.0
        for (index, check) in checks.enumerated() where check.flagged > 0 {
            score += Scoring.rounded(weights[index] * Double(check.severity) / IndicatorTally.severityUnit
                                     * (valueFactor ?? 1))
        }
        return Scoring.rounded(score)
    }

    /// Per indicator, its verdict on a procedure from `findings` (those about the organisation's part).
    private func verdicts(_ findings: some Sequence<Finding>) -> [IndicatorTally] {
        var grouped = Array(repeating: [Finding](), count: indicators.count)
        for finding in findings {
            if let position = positions[finding.indicator] { grouped[position].append(finding) }
        }
        return grouped.map { IndicatorTally(findings: $0) }
    }

    private func score(key: String, _ tally: EntityTally, minimumProcedures: Int) -> EntityScore {
        var rates: [IndicatorRate] = []
        for (index, indicator) in indicators.enumerated() {
            let counts = tally.indicators[index]
            let checked = counts.checked
            let points = checked == 0 ? 0
                : Scoring.rounded(weights[index] * Double(counts.severity) / IndicatorTally.severityUnit / Double(checked))
            rates.append(IndicatorRate(id: indicator.id, flagged: counts.flagged, checked: checked,
                                       insufficientData: counts.insufficientData,
                                       share: checked == 0 ? nil : Double(counts.flagged) / Double(checked),
                                       points: points))
        }
        let composite = Scoring.rounded(rates.reduce(0) { $0 + $1.points })
        // Largest points first; the sort is stable, so ties keep catalogue order.
        let ordered = rates.enumerated().sorted { lhs, rhs in
            if lhs.element.points != rhs.element.points { return lhs.element.points > rhs.element.points }
            if lhs.element.flagged != rhs.element.flagged { return lhs.element.flagged > rhs.element.flagged }
            return lhs.offset < rhs.offset
        }.map(\.element)
        var value = EntityValue(proceduresWithoutValue: tally.withoutValue)
        for currency in tally.values.keys.sorted() {
            let total = tally.values[currency]!
            let entry = CurrencyTotal(currency: currency.isEmpty ? nil : currency, sum: total.sum,
                                      procedures: total.procedures)
            if currency == "EUR" { value.euro = entry } else { value.otherCurrencies.append(entry) }
        }
        return EntityScore(
            rank: 0, key: key, name: tally.label.name, country: tally.label.country, procedures: tally.procedures,
            belowMinimum: tally.procedures < minimumProcedures, composite: composite,
            meanScore: Scoring.rounded(Double(tally.scoreHundredths) / Double(tally.procedures) / 100),
            maxScore: tally.maxScore, indicators: ordered, value: value, topProcedures: tally.top.map(\.id))
    }
}
