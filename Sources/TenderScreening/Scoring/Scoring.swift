#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TenderModel

/// A procedure with its findings and score.
public struct ScreenedProcedure: Sendable, Hashable {
    public var procedure: Procedure
    /// Every finding of every enabled indicator, in catalogue order.
    public var findings: [Finding]
    /// The sum of the findings' contributions.
    public var score: Double
    /// The value-at-stake factor applied to the contributions, when enabled.
    public var valueFactor: Double?
    /// 1-based position in the ranking.
    public var rank: Int = 0

    public var flagged: [Finding] { findings.filter(\.isFlagged) }

    /// Findings that could not be checked for want of data.
    public var notCheckable: [Finding] {
        findings.filter { if case .insufficientData = $0.status { return true } else { return false } }
    }
}

/// Turns findings into points.
///
/// Each indicator has a weight (points, setting `weight`). A flagged finding contributes
/// `weight × severity`; an indicator counts once per procedure (its strongest finding), so a
/// procedure with ten single-bid lots is not ten times as suspect as one with a single one
/// — its other lots are listed with contribution 0. `insufficient-data`, `clear` and
/// `not-applicable` contribute nothing. With a value adjustment every contribution is
/// multiplied by the procedure's value factor, so the score is still their sum.
struct Scoring: Sendable {
    let settings: ScreeningSettings
    private let weights: [String: Double]

    init(settings: ScreeningSettings) {
        self.settings = settings
        weights = Dictionary(uniqueKeysWithValues: IndicatorCatalogue.all.map {
            ($0.metadata.id, settings.weight(of: $0.metadata))
        })
    }

    func score(_ procedure: Procedure, findings: [Finding]) -> ScreenedProcedure {
        var findings = findings
        let factor = settings.valueAdjustment.map { valueFactor(procedure, $0) }
        var strongest: [String: Int] = [:]
        for index in findings.indices where findings[index].isFlagged {
            let finding = findings[index]
            if let current = strongest[finding.indicator], findings[current].severity >= finding.severity { continue }
            strongest[finding.indicator] = index
        }
        var score = 0.0
        for (indicator, index) in strongest {
            let points = (weights[indicator] ?? 0) * findings[index].severity * (factor ?? 1)
            findings[index].contribution = Self.rounded(points)
        }
        for finding in findings { score += finding.contribution }
        return ScreenedProcedure(procedure: procedure, findings: findings, score: Self.rounded(score), valueFactor: factor)
    }

    /// 1 + strength · log10(max(1, value / reference)) for a EUR value; 1 otherwise.
    private func valueFactor(_ procedure: Procedure, _ adjustment: ValueAdjustment) -> Double {
        guard let value = ValueAtStake.of(procedure), value.currency == "EUR" else { return 1 }
        let ratio = value.value.doubleValue / adjustment.reference
        return Self.rounded(1 + adjustment.strength * log10(max(1, ratio)))
    }

    /// Scores are shown and compared at 2 decimals, so sums never differ by float noise.
    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}

/// The value a procedure puts at stake: the awarded value when known, else the estimate.
public enum ValueAtStake {
    public static func of(_ procedure: Procedure) -> Amount? {
        if let awarded = procedure.noticeValue.value, !awarded.isPlaceholder { return awarded }
        if let estimate = procedure.estimatedValue, !estimate.isPlaceholder { return estimate }
        return nil
    }
}

/// Orders screened procedures: highest score first, then by procedure id.
public enum Ranking {
    /// Whether a procedure scoring `lhs` ranks before one scoring `rhs`.
    public static func precedes(_ lhs: (score: Double, id: String), _ rhs: (score: Double, id: String)) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : lhs.id < rhs.id
    }

    static func rank(_ procedures: [ScreenedProcedure]) -> [ScreenedProcedure] {
        var ranked = procedures.sorted { precedes(($0.score, $0.procedure.id), ($1.score, $1.procedure.id)) }
        for index in ranked.indices { ranked[index].rank = index + 1 }
        return ranked
    }
}

/// The outcome of a screening run.
public struct ScreeningResult: Sendable {
    /// Every procedure, ranked.
    public var ranking: [ScreenedProcedure]
    /// The indicators that ran, in catalogue order.
    public var indicators: [IndicatorMetadata]
    /// What population indicators computed over the input (fences…).
    public var populations: [PopulationNote]

    public init(ranking: [ScreenedProcedure], indicators: [IndicatorMetadata], populations: [PopulationNote]) {
        self.ranking = ranking
        self.indicators = indicators
        self.populations = populations
    }
}
