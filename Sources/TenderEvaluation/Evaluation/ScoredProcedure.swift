/// All that evaluation keeps of a procedure in a screening report.
public struct ScoredProcedure: Sendable, Hashable {
    public var id: String
    public var score: Double

    public init(id: String, score: Double) {
        self.id = id
        self.score = score
    }
}
