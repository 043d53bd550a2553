import TenderModel

/// `single-bid`: a competitive procedure in which a lot received one tender.
public struct SingleBid: Indicator {
    public static let metadata = IndicatorMetadata(
        id: "single-bid",
        name: "Single bid",
        phase: .award,
        detects: "A lot of a competitive procedure (open, restricted, negotiated with a call, competitive "
            + "dialogue, innovation partnership) that received a single tender.",
        rationale: "Competition is what makes public buying cheap and fair; when an advertised procedure attracts "
            + "one tender, the specifications, deadlines or criteria may have been tailored to one supplier, or "
            + "competitors may have agreed to stay away. Single bidding is the core outcome variable of the "
            + "Corruption Risk Index literature: tailored tenders show up as single bids.",
        method: "For each lot or group of lots with a result: take the number of tenders received from the "
            + "`tenders` row of the received-submissions statistics (BT-759/BT-760). Without that row, count the "
            + "tenders the award notice lists and mark the evidence as estimated (notices often list only the "
            + "winner), unless another count shows more tenders (e.g. `t-esubm`, electronic tenders only, is a "
            + "lower bound, never the count). Flag when the count is at most `maximum-tenders` and the procedure "
            + "type is one of `procedure-types`.",
        evidence: [
            .init("tendersReceived", "tenders received (BT-759), or tenders listed when estimated"),
            .init("source", "`statistics`, or `listedTenders` when estimated"),
            .init("estimated", "true when the count is the number of tenders listed"),
            .init("atLeast", "the most tenders any count of the notice proves"),
            .init("procedureType", "BT-105"),
            .init("resultNotice", "the award notice the count comes from"),
        ],
        settings: [
            .init("weight", default: .number(10), "points a flagged lot adds to the procedure score"),
            .init("maximum-tenders", default: .integer(1), "flag when at most this many tenders were received"),
            .init("procedure-types", default: .list(ProcedureKind.competitive), "BT-105 codes of competitive procedures"),
            .init("estimated-severity", default: .number(0.7), "severity when the count is estimated from listed tenders"),
        ],
        exclusions: [
            "Procedures without a call for competition (neg-wo-call, VEAT): single tenderers are their nature; "
                + "see non-open-procedure.",
            "`oth-single`/`oth-mult` (national procedures) are not judged unless added to `procedure-types`.",
            "Lots closed because no tender was received (BT-144 no-rece): that is not a single bid.",
        ],
        references: [
            .init("OCP R018", "Open Contracting Partnership, Red Flags in Public Procurement (2024): Single bid"),
            .init("Cardinal R018", "open-contracting/cardinal-rs: numberOfTenderers = 1 in open/selective methods"),
            .init("CRI singleb", "Fazekas et al., Government Transparency Institute Corruption Risk Index"),
            .init("opentender INTEGRITY_SINGLE_BID", "DIGIWHIST / opentender.eu, per lot"),
            .init("ProZorro RISK-2-15", "Ukraine State Audit Service risk indicators (2018)"),
            .init("Albania AIS", "Open Procurement Albania 'lack of competition' flag"),
        ],
        example: "An open procedure whose LOT-0002 result has `tenders` = 1 is flagged for LOT-0002 "
            + "(tendersReceived 1, source statistics); its LOT-0001 with `tenders` = 3 is clear."
    )

    let maximumTenders: Int
    let procedureTypes: Set<String>
    let estimatedSeverity: Double

    public init(settings: ScreeningSettings) {
        maximumTenders = settings.integer("maximum-tenders", of: Self.metadata)
        procedureTypes = Set(settings.list("procedure-types", of: Self.metadata))
        estimatedSeverity = settings.number("estimated-severity", of: Self.metadata)
    }

    public func evaluate(_ procedure: Procedure, population: Void) -> [Finding] {
        procedure.awardUnits.map { evaluate(procedure, $0) }
    }

    private func evaluate(_ procedure: Procedure, _ lot: ProcedureLot) -> Finding {
        let id = Self.metadata.id
        var evidence = Evidence(["procedureType": procedure.procedureTypeEvidence])
        guard let type = procedure.procedureType.value else {
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: [procedure.procedureType.missing("BT-105 procedure type")!]),
                           message: "procedure type unknown: cannot tell whether competition was expected",
                           evidence: evidence)
        }
        guard procedureTypes.contains(type) else {
            return Finding(indicator: id, lot: lot.id,
                           status: .notApplicable(reason: "\(type) is not a competitive procedure type"),
                           message: "\(type) procedure: a single tenderer is not a red flag here", evidence: evidence)
        }
        guard let result = lot.result else {
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: ["result notice"]),
                           message: "no award notice for this lot: tenders received unknown", evidence: evidence)
        }
        evidence["resultNotice"] = EvidenceValue(lot.resultNotice)
        guard let received = result.tendersReceived else {
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["BT-759 tenders received"]),
                           message: "the award notice gives no number of tenders and lists none", evidence: evidence)
        }
        evidence["source"] = .text(received.source.rawValue)
        guard case .known(let count) = received.count else {
            evidence["tendersReceived"] = .withheld
            return Finding(indicator: id, lot: lot.id,
                           status: .insufficientData(missing: ["BT-759 tenders received (withheld)"]),
                           message: "the number of tenders received is withheld", evidence: evidence)
        }
        evidence["tendersReceived"] = .integer(count)
        let estimated = received.source == .listedTenders
        evidence["estimated"] = .bool(estimated)
        let atLeast = result.tendersReceivedLowerBound ?? count
        evidence["atLeast"] = .integer(atLeast)
        let threshold = Threshold(.integer(maximumTenders), "<=", source: .setting(key: "single-bid.maximum-tenders"))

        if count == 0 || received.source == .nonAwardReason {
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: "no tender was received"),
                           message: "no tender received", evidence: evidence, threshold: threshold)
        }
        if count <= maximumTenders, atLeast <= maximumTenders {
            let message = estimated
                ? "\(count) tender listed (no tender count published) in a\(article(type)) \(type) procedure"
                : "\(count) tender received in a\(article(type)) \(type) procedure"
            return Finding(indicator: id, lot: lot.id, status: .flagged, message: message, evidence: evidence,
                           threshold: threshold, severity: estimated ? estimatedSeverity : 1)
        }
        let message = atLeast > count
            ? "at least \(atLeast) tenders (\(count) listed)"
            : "\(count) tenders received"
        return Finding(indicator: id, lot: lot.id, status: .clear, message: message, evidence: evidence,
                       threshold: threshold)
    }

    private func article(_ word: String) -> String {
        word.first.map { "aeio".contains($0) } == true ? "n" : ""
    }
}
