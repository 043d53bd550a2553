/// Whether a market-level indicator's population was large enough to judge lots against.
enum PopulationJudgement: Sendable, Hashable {
    case judged
    /// Why not (too few tenderers, too few priced lots…): lots are then not applicable.
    case notJudged(String)

    /// The reason lots are not judged, `nil` when they are.
    var reason: String? {
        if case .notJudged(let reason) = self { return reason }
        return nil
    }
}
