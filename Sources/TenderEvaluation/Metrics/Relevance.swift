/// What one procedure is in one ranking: what the ranking should find, or a negative.
public enum Relevance: Sendable, Hashable {
    /// Carries what the ranking looks for (any planted scheme, or one scheme).
    case positive
    /// A legitimate look-alike (the truth's `camouflaged`): a negative a naive rule would flag.
    case camouflage
    /// Any other negative.
    case background
}
