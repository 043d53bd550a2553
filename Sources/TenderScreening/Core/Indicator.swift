import TenderModel

/// A red-flag indicator, in the shape of cardinal-rs: made from settings, it folds what
/// each procedure tells about the population, the partial states merge (so folding runs in
/// parallel, and later across machines), the population is finalised once, and then every
/// procedure is evaluated against it.
///
/// Most indicators judge a procedure on its own facts and need no population
/// (``NoPopulation``); those comparing a procedure with all the others (Tukey fences) fold.
public protocol Indicator: Sendable {
    associatedtype Population: IndicatorPopulation = NoPopulation

    static var metadata: IndicatorMetadata { get }

    init(settings: ScreeningSettings)

    /// An empty population, carrying the settings `finalize` needs.
    func makePopulation() -> Population

    /// Fold: what one procedure adds to the population.
    func observe(_ procedure: Procedure, into population: inout Population)

    /// Every finding for one procedure (per lot where the fact is per lot).
    func evaluate(_ procedure: Procedure, population: Population.Summary) -> [Finding]
}

extension Indicator where Population: SettingsFreePopulation {
    public func makePopulation() -> Population { Population() }
}

extension Indicator where Population == NoPopulation {
    public func observe(_ procedure: Procedure, into population: inout NoPopulation) {}
}

/// The state an indicator folds over all procedures.
public protocol IndicatorPopulation: Sendable {
    associatedtype Summary: Sendable

    /// Combines two partial states; the result must not depend on how work was split.
    mutating func merge(_ other: Self)

    /// The population statistics evaluation needs (fences, quartiles…).
    func finalize() -> Summary
}

/// A population whose `finalize` needs no settings, so it starts empty from `init()`.
public protocol SettingsFreePopulation: IndicatorPopulation {
    init()
}

/// For indicators that judge each procedure on its own.
public struct NoPopulation: SettingsFreePopulation {
    public init() {}
    public mutating func merge(_ other: NoPopulation) {}
    public func finalize() {}
}
