/// The measures of one ranking, with `k` the number of positives (what was planted).
public struct RankingMetrics: Sendable, Hashable {
    /// Measures over the first `k` procedures.
    public struct AtK: Sendable, Hashable {
        public var k: Int
        public var precision: Double
        public var recall: Double
        /// Share of the first `k` that are camouflage procedures.
        public var camouflageShare: Double

        public init(k: Int, precision: Double, recall: Double, camouflageShare: Double) {
            self.k = k
            self.precision = precision
            self.recall = recall
            self.camouflageShare = camouflageShare
        }
    }

    /// Planted procedures (positives): also `k`.
    public var positives: Int
    public var negatives: Int
    /// Camouflage procedures among the negatives.
    public var camouflage: Int
    /// At `k` = positives; `nil` when nothing is planted.
    public var atPlanted: AtK?
    /// At `k` = 2 × positives; `nil` when nothing is planted.
    public var atTwicePlanted: AtK?
    /// `nil` when nothing is planted.
    public var averagePrecision: Double?
    /// `nil` unless there are positives and negatives.
    public var rocAUC: Double?

    public init(_ ranking: TiedRanking) {
        positives = ranking.positives
        negatives = ranking.negatives
        camouflage = ranking.camouflage
        atPlanted = Self.measures(ranking, atTop: ranking.positives)
        atTwicePlanted = Self.measures(ranking, atTop: 2 * ranking.positives)
        averagePrecision = ranking.averagePrecision
        rocAUC = ranking.rocAUC
    }

    private static func measures(_ ranking: TiedRanking, atTop k: Int) -> AtK? {
        guard let precision = ranking.precision(atTop: k), let recall = ranking.recall(atTop: k),
              let camouflageShare = ranking.camouflageShare(atTop: k)
        else { return nil }
        return AtK(k: k, precision: precision, recall: recall, camouflageShare: camouflageShare)
    }
}
