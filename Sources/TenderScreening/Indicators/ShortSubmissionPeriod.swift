import TenderModel

/// `short-submission-period`: less time to bid than the law allows, or a deadline moved earlier.
public struct ShortSubmissionPeriod: Indicator {
    public static let metadata = IndicatorMetadata(
        id: "short-submission-period",
        name: "Submission period under the legal minimum",
        phase: .tender,
        detects: "A lot whose deadline (BT-131 for tenders; BT-1311 for requests to participate in restricted-type "
            + "procedures) falls fewer calendar days after the contract notice was sent (BT-05) than the legal "
            + "minimum for its legal basis, procedure type and case, or whose deadline a corrigendum moved earlier.",
        rationale: "Time to prepare a tender is what lets firms other than the insider compete. A deadline under "
            + "the legal minimum is a breach that favours whoever knew in advance; moving a published deadline "
            + "earlier hurts exactly the firms that planned on it.",
        method: "days = current deadline − dispatch date of the contract notice, on calendar dates. The minimum is "
            + "looked up in the legal table (settings `time-limits`; the EU rows cite Directive 2014/24/EU arts. "
            + "27–31, 2014/25/EU arts. 45–49, 2014/23/EU art. 39, 2009/81/EC art. 33) for BT-01, BT-105 and the "
            + "stage; the reductions are alternatives: electronic submission (BT-17 not `not-allowed`; assumed "
            + "when unknown, as it is mandatory since 2018), a prior information notice (BT-125 present), urgency "
            + "(BT-106 true). The lowest applicable minimum is used, so a flag is a breach in every reading. When "
            + "urgency is unknown and only the urgency minimum is met, the result is insufficient-data. A "
            + "deadline moved earlier by a change notice is flagged too (`moved-earlier-severity` when the "
            + "period still meets the minimum).",
        evidence: [
            .init("dispatchDate", "BT-05 of the contract notice"),
            .init("deadline", "the current deadline (after corrigenda)"),
            .init("stage", "`tenders` (BT-131) or `requests` (BT-1311)"),
            .init("days", "calendar days from dispatch to deadline"),
            .init("accelerated", "BT-106: whether urgency was invoked"),
            .init("cases", "the reductions that applied: electronic-submission, prior-information-notice, urgency"),
            .init("rule", "the legal rule applied"),
            .init("movedEarlier", "`from → to` of a deadline moved earlier, when one was"),
        ],
        settings: [
            .init("weight", default: .number(35), "points a flagged lot adds to the score"),
            .init("moved-earlier-severity", default: .number(0.5),
                  "severity of a deadline moved earlier when the period still meets the minimum"),
        ],
        exclusions: [
            "Second-stage tender deadlines (restricted-type procedures): they run from the invitation to tender, "
                + "which notices do not date.",
            "Light-regime notices (cn-social): the directives set no minimum.",
            "Legal bases without a row in the table (national procedures) and `oth-single`/`oth-mult` procedures.",
            "Whether a referenced prior information notice met the conditions for the reduction is not checked: "
                + "the reduction is granted.",
        ],
        references: [
            .init("OCP R003", "Submission period too short"),
            .init("Cardinal R003", "open-contracting/cardinal-rs: days below a threshold per procurement method"),
            .init("CRI corr_submp", "Government Transparency Institute advertisement period"),
            .init("opentender INTEGRITY_ADVERTISEMENT_PERIOD", "DIGIWHIST"),
            .init("Albania AIS", "deadline shorter than the legal minimum (restricted procedure 9 days vs 20)"),
            .init("Kosovo D+ 'Deadlines'", "shorter than the legal deadline"),
        ],
        example: "Open procedure under 2014/24/EU, notice sent 2024-04-02, e-submission required, deadline moved by a "
            + "corrigendum to 2024-05-03: 31 days ≥ 30 (art. 27(4)), but the deadline was moved earlier "
            + "(2024-05-24 → 2024-05-03): flagged with severity 0.5. Sent 2024-03-01 with deadline 2024-03-25: "
            + "24 days < 30, flagged."
    )

    let movedEarlierSeverity: Double
    let table: TimeLimitTable

    public init(settings: ScreeningSettings) {
        movedEarlierSeverity = settings.number("moved-earlier-severity", of: Self.metadata)
        table = settings.timeLimits
    }

    public func evaluate(_ procedure: Procedure, population: Void) -> [Finding] {
        guard let notice = procedure.contractNotice else { return [] }
        return procedure.awardUnits.compactMap { lot in
            guard !lot.deadlineHistory.isEmpty || lot.callNotice == notice.id else { return nil }
            return evaluate(procedure, notice, lot)
        }
    }

    private func evaluate(_ procedure: Procedure, _ notice: NoticeRecord, _ lot: ProcedureLot) -> Finding {
        let id = Self.metadata.id
        var evidence = Evidence()
        if notice.isLightRegime {
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: "light regime: no EU minimum"),
                           message: "light regime (\(notice.noticeType!))")
        }
        guard let legalBasis = procedure.legalBasis else {
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: ["BT-01 legal basis"]),
                           message: "legal basis unknown")
        }
        guard table.knows(legalBasis: legalBasis) else {
            return Finding(indicator: id, lot: lot.id,
                           status: .notApplicable(reason: "no minimum time limits for legal basis \(legalBasis)"),
                           message: "no legal minimum known for \(legalBasis)")
        }
        let type = procedure.procedureType.value
        if type == nil, legalBasis != "32014L0023" {
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: [procedure.procedureType.missing("BT-105 procedure type")!]),
                           message: "procedure type unknown")
        }
        let twoStage = type.map(ProcedureKind.twoStage.contains) ?? (lot.call?.requestsDeadline != nil)
        let stage: DeadlineStage = twoStage ? .requests : .tenders
        guard let deadline = stage == .requests ? lot.call?.requestsDeadline : lot.call?.submissionDeadline else {
            if twoStage, lot.call?.submissionDeadline != nil {
                return Finding(indicator: id, lot: lot.id,
                               status: .notApplicable(reason: "tenders run from the invitation, which notices do not date"),
                               message: "only a second-stage deadline is published")
            }
            let field = stage == .requests ? "BT-1311 deadline for requests to participate" : "BT-131 deadline for tenders"
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: [field]),
                           message: "deadline not published")
        }
        if notice.change != nil {
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["BT-05 dispatch date of the original contract notice"]),
                           message: "only a change notice of the call is in the input: the period started earlier")
        }
        let dispatch = lot.deadlineHistory.first?.dispatchDate ?? notice.dispatchDate
        guard let dispatch else {
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: ["BT-05 dispatch date"]),
                           message: "dispatch date of the contract notice unknown")
        }
        let days = dispatch.days(to: deadline.date)
        evidence["dispatchDate"] = .date(dispatch)
        evidence["deadline"] = .date(deadline.date)
        evidence["stage"] = .text(stage.rawValue)
        evidence["days"] = .integer(days)

        var cases: Set<TimeLimitCase> = []
        if lot.call?.electronicSubmission != "not-allowed" { cases.insert(.electronicSubmission) }
        if !(lot.call?.previousNotices.isEmpty ?? true) || !notice.previousNotices.isEmpty {
            cases.insert(.priorInformationNotice)
        }
        let urgency = procedure.accelerated
        if urgency.value == true { cases.insert(.urgency) }
        evidence["accelerated"] = EvidenceValue(urgency) { .bool($0) }
        guard let rule = table.minimum(legalBasis: legalBasis, procedureType: type, stage: stage, cases: cases) else {
            return Finding(indicator: id, lot: lot.id,
                           status: .notApplicable(reason: "no minimum for \(type ?? "this procedure") at the \(stage.rawValue) stage"),
                           message: "no legal minimum for \(type ?? "this procedure")", evidence: evidence)
        }
        evidence["cases"] = .list(TimeLimitCase.allCases.filter(cases.contains).map { .text($0.rawValue) })
        evidence["rule"] = .text(rule.citation)
        let threshold = Threshold(.integer(rule.days), "<", source: .law(table: "time-limits", citation: rule.citation))
        let moved = lot.deadlineHistory.last { $0.change == .earlier }
        if let moved, let index = lot.deadlineHistory.firstIndex(of: moved), index > 0,
           let before = lot.deadlineHistory[index - 1].governingDeadline?.date, let after = moved.governingDeadline?.date {
            evidence["movedEarlier"] = .text("\(before) → \(after)")
        }

        // Urgency unknown: only a period below even the urgency minimum is a breach in every reading.
        let lenient = urgency.isUnknown
            ? table.minimum(legalBasis: legalBasis, procedureType: type, stage: stage, cases: cases.union([.urgency])) ?? rule
            : rule
        if days < lenient.days {
            evidence["rule"] = .text(lenient.citation)
            return Finding(indicator: id, lot: lot.id, status: .flagged,
                           message: "\(days.counted("day")) to submit \(stage.rawValue), legal minimum \(lenient.days) "
                               + "(\(lenient.citation))",
                           evidence: evidence,
                           threshold: Threshold(.integer(lenient.days), "<",
                                                source: .law(table: "time-limits", citation: lenient.citation)))
        }
        if days < rule.days {
            evidence["rule"] = .text(rule.citation + "; \(lenient.days) days if urgency (\(lenient.citation))")
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["BT-106 accelerated procedure"]),
                           message: "\(days.counted("day")): lawful only under urgency, and whether urgency was invoked is unknown",
                           evidence: evidence, threshold: threshold)
        }
        if moved != nil {
            return Finding(indicator: id, lot: lot.id, status: .flagged,
                           message: "deadline moved earlier by a corrigendum; \(days.counted("day")) left from the notice",
                           evidence: evidence, threshold: threshold, severity: movedEarlierSeverity)
        }
        return Finding(indicator: id, lot: lot.id, status: .clear,
                       message: "\(days.counted("day")) to submit \(stage.rawValue) (minimum \(rule.days))", evidence: evidence,
                       threshold: threshold)
    }
}
