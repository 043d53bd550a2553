/// How well a screening ranking finds what the generator planted.
///
/// * Overall: positives are the procedures carrying any planted scheme; every other
///   procedure (background and camouflage) is negative.
/// * Per scheme (one-vs-background): positives are the procedures carrying that scheme;
///   negatives are the procedures with no planted scheme; procedures of the other schemes
///   are left out of that scheme's ranking, so finding one scheme is not penalised for
///   ranking another scheme's procedures high.
/// * Procedures of the corpus the report does not list (a report cut with `--top` or
///   `--min-score`) rank below every listed one, tied with each other.
public struct Evaluation: Sendable, Hashable {
    public struct SchemeMetrics: Sendable, Hashable {
        public var scheme: String
        public var metrics: RankingMetrics
    }

    public var overall: RankingMetrics
    /// In the truth's scheme order, every scheme listed.
    public var schemes: [SchemeMetrics]
    public var coverage: Coverage

    /// `report` holds each procedure once (``ScreenReportReader`` checks this).
    public init(report: [ScoredProcedure], truth: PlantedTruth) {
        let schemeIndex = Dictionary(uniqueKeysWithValues: truth.schemes.enumerated().map { ($1, $0) })
        // Per procedure only its score and what it is: indices of its schemes, or camouflage.
        var entries: [Entry] = []
        entries.reserveCapacity(max(report.count, truth.procedures))
        var listedPlanted = 0, listedCamouflaged = 0, listedBackground = 0
        for procedure in report {
            if let schemes = truth.planted[procedure.id] {
                entries.append(Entry(score: procedure.score, schemes: schemes.compactMap { schemeIndex[$0] }))
                listedPlanted += 1
            } else if truth.camouflaged.contains(procedure.id) {
                entries.append(Entry(score: procedure.score, camouflage: true))
                listedCamouflaged += 1
            } else {
                entries.append(Entry(score: procedure.score))
                listedBackground += 1
            }
        }
        if listedPlanted < truth.planted.count || listedCamouflaged < truth.camouflaged.count {
            let listed = Set(report.map(\.id))
            for (id, schemes) in truth.planted where !listed.contains(id) {
                entries.append(Entry(score: -.infinity, schemes: schemes.compactMap { schemeIndex[$0] }))
            }
            for id in truth.camouflaged where !listed.contains(id) {
                entries.append(Entry(score: -.infinity, camouflage: true))
            }
        }
        let missingBackground = max(0, truth.background - listedBackground)
        entries.append(contentsOf: repeatElement(Entry(score: -.infinity), count: missingBackground))

        coverage = Coverage(
            listed: report.count, corpus: truth.procedures, planted: truth.planted.count,
            camouflaged: truth.camouflaged.count, missingPlanted: truth.planted.count - listedPlanted,
            missingCamouflaged: truth.camouflaged.count - listedCamouflaged, missingBackground: missingBackground,
            unaccounted: max(0, listedBackground - truth.background))
        overall = RankingMetrics(TiedRanking(entries.lazy.map { ($0.score, $0.relevance) }))
        schemes = truth.schemes.indices.map { scheme in
            let ranking = TiedRanking(entries.lazy.compactMap { entry -> (score: Double, relevance: Relevance)? in
                if entry.schemes.isEmpty { return (entry.score, entry.relevance) }
                return entry.schemes.contains(scheme) ? (entry.score, .positive) : nil
            })
            return SchemeMetrics(scheme: truth.schemes[scheme], metrics: RankingMetrics(ranking))
        }
    }

    /// Warnings on how the report covers the corpus.
    public var warnings: [String] { coverage.warnings }

    private struct Entry {
        var score: Double
        var schemes: [Int] = []
        var camouflage = false

        /// In the overall ranking.
        var relevance: Relevance {
            !schemes.isEmpty ? .positive : camouflage ? .camouflage : .background
        }
    }
}
