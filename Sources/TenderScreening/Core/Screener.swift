import TenderModel

/// Runs every enabled indicator over a set of procedures. No I/O.
///
/// Two passes, so procedures can be streamed from anywhere: ``observe(_:into:)`` folds what
/// each procedure tells the population indicators (partial ``Populations`` merge, in a fixed
/// order, whatever the number of threads), then ``prepared(with:)`` finalises them, and the
/// ``PreparedScreener`` evaluates, scores and can be used from any thread.
public struct Screener: Sendable {
    public let settings: ScreeningSettings
    public let indicators: [any Indicator]

    public init(settings: ScreeningSettings = .standard, catalogue: [any Indicator.Type] = IndicatorCatalogue.all) {
        self.settings = settings
        indicators = catalogue.filter { !settings.disabled.contains($0.metadata.id) }.map { $0.init(settings: settings) }
    }

    /// Whether any enabled indicator compares procedures with the population (if none,
    /// the observation pass can be skipped).
    public var needsPopulations: Bool {
        emptyPopulations().folds.contains { $0.observes }
    }

    /// Nothing observed yet.
    public func emptyPopulations() -> Populations {
        Populations(folds: indicators.map { Self.fold($0) })
    }

    /// Folds what `procedure` tells each population indicator.
    public func observe(_ procedure: Procedure, into populations: inout Populations) {
        for index in populations.folds.indices where populations.folds[index].observes {
            populations.folds[index].observe(procedure)
        }
    }

    /// Ready to evaluate procedures against the finalised `populations`.
    public func prepared(with populations: Populations) -> PreparedScreener {
        PreparedScreener(indicators: populations.folds.map { $0.prepared() }, scoring: Scoring(settings: settings))
    }

    /// Screens `procedures` in memory on `jobs` threads; the result does not depend on `jobs`.
    /// (The engine screens in bounded passes instead: `ScreenJob` in TenderEngine.)
    public func screen(_ procedures: [Procedure], jobs: Int = 1) -> ScreeningResult {
        // Contiguous chunks, merged below in chunk order.
        let chunks = max(1, jobs)
        let partials = Parallel.map(count: chunks, jobs: jobs) { chunk in
            var populations = emptyPopulations()
            for index in procedures.count * chunk / chunks..<procedures.count * (chunk + 1) / chunks {
                observe(procedures[index], into: &populations)
            }
            return populations
        }
        var populations = emptyPopulations()
        for partial in partials { populations.merge(partial) }
        let screener = prepared(with: populations)
        let screened = Parallel.map(count: procedures.count, jobs: jobs) { screener.screen(procedures[$0]) }
        return ScreeningResult(ranking: Ranking.rank(screened), indicators: screener.indicators,
                               populations: screener.populations)
    }

    private static func fold<I: Indicator>(_ indicator: I) -> any PopulationFold {
        Fold(indicator: indicator, population: indicator.makePopulation())
    }
}

/// What the population indicators have observed: a partial state until every procedure
/// has been observed and the partials merged.
public struct Populations: Sendable {
    fileprivate var folds: [any PopulationFold]

    /// Adds `other`'s observations; merge partials in a fixed order for a fixed result.
    public mutating func merge(_ other: Populations) {
        for index in folds.indices where folds[index].observes {
            folds[index].merge(other.folds[index])
        }
    }
}

/// Indicators with their populations finalised: evaluates and scores procedures, from
/// any thread.
public struct PreparedScreener: Sendable {
    fileprivate let prepared: [any PreparedIndicator]
    fileprivate let scoring: Scoring

    fileprivate init(indicators: [any PreparedIndicator], scoring: Scoring) {
        prepared = indicators
        self.scoring = scoring
    }

    /// The indicators that run, in catalogue order.
    public var indicators: [IndicatorMetadata] { prepared.map(\.metadata) }

    /// What the population indicators computed over the input (fences…).
    public var populations: [PopulationNote] { prepared.compactMap(\.populationNote) }

    /// Every finding for `procedure`, scored (its rank is set by ``Ranking``).
    public func screen(_ procedure: Procedure) -> ScreenedProcedure {
        var findings: [Finding] = []
        for indicator in prepared { findings += indicator.evaluate(procedure) }
        return scoring.score(procedure, findings: findings)
    }
}

/// One indicator's partial population, type-erased so ``Populations`` can hold them all.
private protocol PopulationFold: Sendable {
    /// False for indicators without a population: nothing to fold.
    var observes: Bool { get }
    mutating func observe(_ procedure: Procedure)
    mutating func merge(_ other: any PopulationFold)
    func prepared() -> any PreparedIndicator
}

private struct Fold<I: Indicator>: PopulationFold {
    let indicator: I
    var population: I.Population

    var observes: Bool { I.Population.self != NoPopulation.self }

    mutating func observe(_ procedure: Procedure) {
        indicator.observe(procedure, into: &population)
    }

    mutating func merge(_ other: any PopulationFold) {
        // Folds sit at the same index in every `Populations` made by one screener.
        guard let other = other as? Fold<I> else { preconditionFailure("populations of different screeners merged") }
        population.merge(other.population)
    }

    func prepared() -> any PreparedIndicator {
        Prepared(indicator: indicator, summary: population.finalize())
    }
}

/// An indicator with its population finalised: ready to evaluate procedures.
protocol PreparedIndicator: Sendable {
    var metadata: IndicatorMetadata { get }
    var populationNote: PopulationNote? { get }
    func evaluate(_ procedure: Procedure) -> [Finding]
}

private struct Prepared<I: Indicator>: PreparedIndicator {
    let indicator: I
    let summary: I.Population.Summary

    var metadata: IndicatorMetadata { I.metadata }

    var populationNote: PopulationNote? {
        (summary as? any PopulationDescribing).map { PopulationNote(indicator: I.metadata.id, facts: $0.description) }
    }

    func evaluate(_ procedure: Procedure) -> [Finding] {
        indicator.evaluate(procedure, population: summary)
    }
}

/// A population summary that reports what it computed (fences, counts), for the report.
public protocol PopulationDescribing: Sendable {
    var description: Evidence { get }
}

/// What an indicator computed over the whole input.
public struct PopulationNote: Sendable, Hashable {
    public var indicator: String
    public var facts: Evidence
}
