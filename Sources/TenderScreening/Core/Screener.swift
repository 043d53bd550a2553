import TenderModel

/// Runs every enabled indicator over a set of procedures: folds the populations (in
/// parallel, merged in a fixed order), finalises them, evaluates each procedure, scores
/// and ranks. No I/O.
public struct Screener: Sendable {
    public let settings: ScreeningSettings
    public let indicators: [any Indicator]

    public init(settings: ScreeningSettings = .standard, catalogue: [any Indicator.Type] = IndicatorCatalogue.all) {
        self.settings = settings
        indicators = catalogue.filter { !settings.disabled.contains($0.metadata.id) }.map { $0.init(settings: settings) }
    }

    /// Screens `procedures` on `jobs` threads; the result does not depend on `jobs`.
    /// `onScreened` is called (from any thread) after each procedure, for progress.
    public func screen(_ procedures: [Procedure], jobs: Int = 1,
                       onScreened: (@Sendable () -> Void)? = nil) -> ScreeningResult {
        let prepared = indicators.map { prepare($0, over: procedures, jobs: jobs) }
        let scoring = Scoring(settings: settings)
        let screened = Parallel.map(count: procedures.count, jobs: jobs) { index in
            let procedure = procedures[index]
            var findings: [Finding] = []
            for indicator in prepared { findings += indicator.evaluate(procedure) }
            defer { onScreened?() }
            return scoring.score(procedure, findings: findings)
        }
        return ScreeningResult(ranking: Ranking.rank(screened),
                               indicators: prepared.map(\.metadata), populations: prepared.compactMap(\.populationNote))
    }

    private func prepare<I: Indicator>(_ indicator: I, over procedures: [Procedure], jobs: Int) -> any PreparedIndicator {
        if I.Population.self == NoPopulation.self {
            return Prepared(indicator: indicator, summary: I.Population().finalize())
        }
        // Contiguous chunks, one per job, merged below in chunk order.
        let chunks = max(1, jobs)
        let partials = Parallel.map(count: chunks, jobs: jobs) { chunk in
            var population = I.Population()
            for index in procedures.count * chunk / chunks..<procedures.count * (chunk + 1) / chunks {
                indicator.observe(procedures[index], into: &population)
            }
            return population
        }
        var population = I.Population()
        for partial in partials { population.merge(partial) }
        return Prepared(indicator: indicator, summary: population.finalize())
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
