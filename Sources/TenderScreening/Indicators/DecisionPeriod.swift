import TenderModel

/// `decision-period`: the time from the submission deadline to the award decision.
public struct DecisionPeriod: Indicator {
    public static let metadata = IndicatorMetadata(
        id: "decision-period",
        name: "Decision period",
        phase: .award,
        detects: "A lot whose award decision (BT-1451) came more than `maximum-days` after the deadline for "
            + "tenders (BT-131), or on or before that deadline.",
        rationale: "A decision taken the day tenders close, or before, means tenders were not (or could not have "
            + "been) evaluated: the outcome was settled in advance. A very long evaluation leaves room for "
            + "negotiation with a favoured bidder and for pressure on others; both tails go with single bidding "
            + "in the CRI regressions.",
        method: "Days = award decision date (earliest BT-1451 of the lot's contracts) − the lot's current "
            + "submission deadline (BT-131, after any corrigendum), in calendar days. Flag when days < "
            + "`minimum-days` or days > `maximum-days`.",
        evidence: [
            .init("submissionDeadline", "BT-131 (current)"),
            .init("awardDate", "BT-1451, earliest contract of the lot"),
            .init("days", "calendar days between them"),
        ],
        settings: [
            .init("weight", default: .number(30), "points a flagged lot adds to the score"),
            .init("maximum-days", default: .integer(180), "longest acceptable decision period"),
            .init("minimum-days", default: .integer(1), "shortest acceptable decision period (1: not the same day)"),
        ],
        exclusions: [
            "Procedures without a submission deadline (direct awards).",
            "Lots without a winner (BT-142 clos-nw/open-nw).",
        ],
        references: [
            .init("OCP R061", "Decision period extremely short"),
            .init("OCP R062", "Decision period extremely long"),
            .init("CRI corr_decp", "Government Transparency Institute decision period"),
            .init("opentender INTEGRITY_DECISION_PERIOD", "DIGIWHIST"),
        ],
        example: "Deadline 2024-02-16, award decision 2024-03-28: 41 days, clear. Award decision 2024-02-16: "
            + "0 days, flagged (short). Award decision 2024-09-30: 227 days, flagged (long)."
    )

    let maximumDays: Int
    let minimumDays: Int

    public init(settings: ScreeningSettings) {
        maximumDays = settings.integer("maximum-days", of: Self.metadata)
        minimumDays = settings.integer("minimum-days", of: Self.metadata)
    }

    public func evaluate(_ procedure: Procedure, population: Void) -> [Finding] {
        procedure.awardUnits.compactMap { lot in
            guard lot.result != nil || lot.call?.submissionDeadline != nil else { return nil }
            return evaluate(lot)
        }
    }

    private func evaluate(_ lot: ProcedureLot) -> Finding {
        let id = Self.metadata.id
        let deadline = lot.call?.submissionDeadline?.date
        var evidence = Evidence(["submissionDeadline": EvidenceValue(deadline)])
        guard let result = lot.result else {
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: ["result notice"]),
                           message: "no award notice for this lot", evidence: evidence)
        }
        if let code = result.resultCode.value, code != "selec-w" {
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: "no winner chosen (\(code))"),
                           message: "no award decision (\(code))", evidence: evidence)
        }
        guard let deadline else {
            if lot.deadlineHistory.isEmpty, lot.call?.requestsDeadline == nil {
                return Finding(indicator: id, lot: lot.id,
                               status: .insufficientData(missing: ["BT-131 submission deadline (no contract notice)"]),
                               message: "submission deadline unknown", evidence: evidence)
            }
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: ["BT-131 submission deadline"]),
                           message: "submission deadline unknown", evidence: evidence)
        }
        guard let award = lot.awardDate else {
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: ["BT-1451 award decision date"]),
                           message: "award decision date unknown", evidence: evidence)
        }
        let days = deadline.days(to: award)
        evidence["awardDate"] = .date(award)
        evidence["days"] = .integer(days)
        if days < minimumDays {
            return Finding(indicator: id, lot: lot.id, status: .flagged,
                           message: days < 0 ? "award decided \((-days).counted("day")) before the submission deadline"
                               : "award decided on the day of the submission deadline",
                           evidence: evidence,
                           threshold: Threshold(.integer(minimumDays), "<", source: .setting(key: "decision-period.minimum-days")))
        }
        let threshold = Threshold(.integer(maximumDays), ">", source: .setting(key: "decision-period.maximum-days"))
        if days > maximumDays {
            return Finding(indicator: id, lot: lot.id, status: .flagged,
                           message: "award decided \(days.counted("day")) after the submission deadline (over \(maximumDays))",
                           evidence: evidence, threshold: threshold)
        }
        return Finding(indicator: id, lot: lot.id, status: .clear, message: "\(days.counted("day")) from deadline to decision",
                       evidence: evidence, threshold: threshold)
    }
}
