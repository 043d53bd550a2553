import TenderModel

/// What a roll-up keeps of one organisation: counts and sums over its procedures, never the
/// procedures. Every part adds up the same whatever the order (integers, exact decimals,
/// maxima, a best-three list with a total order), so partial tallies merge in any split.
struct EntityTally: Sendable, Hashable {
    var label: Label
    var procedures = 0
    /// Σ procedure score, in hundredths (scores are rounded to 2 decimals).
    var scoreHundredths = 0
    var maxScore = 0.0
    /// Per indicator, in the roll-up's indicator order.
    var indicators: [IndicatorTally]
    /// Value at stake per currency (`""`: none stated), with the procedures that gave it.
    var values: [String: CurrencyTally] = [:]
    var withoutValue = 0
    /// Its highest-scoring procedures, best first, at most ``topCount``.
    var top: [TopProcedure] = []

    static let topCount = 3

    init(label: Label, indicatorCount: Int) {
        self.label = label
        indicators = Array(repeating: IndicatorTally(), count: indicatorCount)
    }

    /// Counts one procedure.
    mutating func add(_ outcome: ProcedureOutcome) {
        procedures += 1
        scoreHundredths += outcome.scoreHundredths
        maxScore = max(maxScore, outcome.score)
        for index in indicators.indices { indicators[index].add(outcome.verdicts[index]) }
        if let amounts = outcome.value {
            var currencies: Set<String> = []
            for amount in amounts {
                let currency = amount.currency ?? ""
                values[currency, default: CurrencyTally()].sum.add(amount.value)
                if currencies.insert(currency).inserted { values[currency]!.procedures += 1 }
            }
        } else {
            withoutValue += 1
        }
        insertTop(TopProcedure(score: outcome.score, id: outcome.id))
    }

    mutating func merge(_ other: EntityTally) {
        if other.label.isBetter(than: label) { label = other.label }
        procedures += other.procedures
        scoreHundredths += other.scoreHundredths
        maxScore = max(maxScore, other.maxScore)
        for index in indicators.indices { indicators[index].add(other.indicators[index]) }
        for (currency, tally) in other.values { values[currency, default: CurrencyTally()].add(tally) }
        withoutValue += other.withoutValue
        for procedure in other.top { insertTop(procedure) }
    }

    private mutating func insertTop(_ procedure: TopProcedure) {
        let position = top.firstIndex { procedure.precedes($0) } ?? top.count
        guard position < Self.topCount else { return }
        top.insert(procedure, at: position)
        if top.count > Self.topCount { top.removeLast() }
    }

    /// The name and country shown for the organisation: those of the first procedure (by
    /// id) that names it, so the choice does not depend on the order procedures come in.
    struct Label: Sendable, Hashable {
        var procedure: String
        var name: String?
        var country: String?

        func isBetter(than other: Label) -> Bool {
            if (name != nil) != (other.name != nil) { return name != nil }
            return procedure < other.procedure
        }
    }

    struct TopProcedure: Sendable, Hashable {
        var score: Double
        var id: String

        func precedes(_ other: TopProcedure) -> Bool {
            Ranking.precedes((score, id), (other.score, other.id))
        }
    }
}

/// The value at stake in one currency, summed exactly, and how many procedures gave it.
struct CurrencyTally: Sendable, Hashable {
    var sum = DecimalSum()
    var procedures = 0

    mutating func add(_ other: CurrencyTally) {
        sum.add(other.sum)
        procedures += other.procedures
    }
}

/// What one screened procedure adds to each organisation it counts for.
struct ProcedureOutcome {
    var id: String
    var score: Double
    var scoreHundredths: Int
    /// Per indicator, its verdict on the organisation's part of the procedure.
    var verdicts: [IndicatorTally]
    /// The organisation's value at stake; `nil` when unknown.
    var value: [Amount]?
}
