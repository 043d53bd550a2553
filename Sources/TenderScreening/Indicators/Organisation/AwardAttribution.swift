import TenderModel

/// The verdicts the buyer and supplier indicators share when an award cannot be attributed
/// to organisations that other notices name again. Each indicator checks in its own order.
enum AwardAttribution {
    /// A procedure without an awarded lot.
    static func notAwarded(indicator: String) -> Finding {
        Finding(indicator: indicator, status: .notApplicable(reason: "no contract awarded"),
                message: "no contract awarded yet")
    }

    /// A lot without a winner.
    static func noWinner(in lot: ProcedureLot, indicator: String) -> Finding {
        Finding(indicator: indicator, lot: lot.id, status: .notApplicable(reason: "no winner"),
                message: "no contract awarded in this lot")
    }

    /// A lead buyer known only by a notice-local id; for the whole procedure when `lot` is `nil`.
    static func unknownBuyer(in lot: ProcedureLot? = nil, indicator: String) -> Finding {
        Finding(indicator: indicator, lot: lot?.id,
                status: .insufficientData(missing: ["buyer identity (national id or name)"]),
                message: "the buyer cannot be recognised across notices")
    }

    /// A lot whose winners are known only by notice-local ids.
    static func unknownWinner(in lot: ProcedureLot, indicator: String, evidence: Evidence = Evidence()) -> Finding {
        Finding(indicator: indicator, lot: lot.id,
                status: .insufficientData(missing: ["winner identity (national id or name)"]),
                message: "the winner cannot be recognised across notices", evidence: evidence)
    }
}
