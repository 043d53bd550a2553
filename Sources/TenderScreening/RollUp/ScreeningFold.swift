/// What a screening pass gathers besides the ranking, one screened procedure at a time.
///
/// The engine folds contiguous chunks of procedures into partial states and merges them in
/// chunk order, so a fold must give the same result for any split of the same sequence.
public protocol ScreeningFold: Sendable {
    /// Adds one screened procedure.
    mutating func add(_ screened: ScreenedProcedure)

    /// Adds what `other` gathered from the procedures that follow this fold's.
    mutating func merge(_ other: Self)
}

/// No fold asked for: `nil` gathers nothing.
extension Optional: ScreeningFold where Wrapped: ScreeningFold {
    public mutating func add(_ screened: ScreenedProcedure) {
        self?.add(screened)
    }

    public mutating func merge(_ other: Wrapped?) {
        guard let other else { return }
        self?.merge(other)
    }
}
