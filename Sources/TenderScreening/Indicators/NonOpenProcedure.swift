import TenderModel

/// `non-open-procedure`: a contract awarded without a call for competition.
public struct NonOpenProcedure: Indicator {
    public static let metadata = IndicatorMetadata(
        id: "non-open-procedure",
        name: "Non-open procedure",
        phase: .tender,
        detects: "A procedure awarded without prior publication of a call for competition: negotiated without "
            + "prior publication (BT-105 `neg-wo-call`), or announced by a voluntary ex-ante transparency notice.",
        rationale: "Skipping the call for competition removes the main safeguard of public procurement: no other "
            + "supplier can bid. The directives allow it only on narrow grounds (extreme urgency, a single possible "
            + "supplier, additional deliveries…), which the buyer must state (BT-136/BT-135). Unjustified or "
            + "weakly justified direct awards are a classic channel for favouritism.",
        method: "Read BT-105. Flag `neg-wo-call`, or any procedure with a VEAT notice (BT-02 `veat`). The "
            + "finding weighs `unjustified-severity` when no justification code (BT-136) is given, "
            + "`justified-severity` otherwise: a stated ground is not proof, but its absence is worse.",
        evidence: [
            .init("procedureType", "BT-105"),
            .init("veatNotice", "the VEAT notice, when there is one"),
            .init("justificationCode", "BT-136 direct-award justification code"),
            .init("justificationText", "BT-135, first 200 characters"),
        ],
        settings: [
            .init("weight", default: .number(10), "points a flagged procedure adds to the score"),
            .init("justified-severity", default: .number(0.6), "severity when a justification code is given"),
            .init("unjustified-severity", default: .number(1.0), "severity when no justification code is given"),
        ],
        exclusions: [
            "The justification itself is not judged: whether urgency or exclusivity really held needs the file.",
            "`oth-single`/`oth-mult` national procedures are not judged.",
        ],
        references: [
            .init("OCP R010", "Unjustified use of a non-competitive procedure"),
            .init("CRI corr_proc", "Government Transparency Institute: non-open procedure type"),
            .init("opentender INTEGRITY_PROCEDURE_TYPE", "DIGIWHIST per-country procedure-type risk table"),
            .init("ProZorro RISK1-1", "negotiated procedure without legal grounds"),
            .init("Albania AIS", "direct negotiation without competition"),
            .init("Directive 2014/24/EU art. 32", "grounds for the negotiated procedure without prior publication"),
        ],
        example: "A VEAT with BT-105 `neg-wo-call` and BT-136 `urgency` is flagged with severity 0.6; the same "
            + "award without BT-136 is flagged with severity 1.0; an open procedure is clear."
    )

    let justifiedSeverity: Double
    let unjustifiedSeverity: Double

    public init(settings: ScreeningSettings) {
        justifiedSeverity = settings.number("justified-severity", of: Self.metadata)
        unjustifiedSeverity = settings.number("unjustified-severity", of: Self.metadata)
    }

    public func evaluate(_ procedure: Procedure, population: Void) -> [Finding] {
        let id = Self.metadata.id
        var evidence = Evidence(["procedureType": procedure.procedureTypeEvidence])
        let veat = procedure.veatNotice
        if let veat { evidence["veatNotice"] = .text(veat.id) }
        let withoutCall = procedure.procedureType.value.map(ProcedureKind.withoutCall.contains) ?? false
        guard withoutCall || veat != nil else {
            if let type = procedure.procedureType.value {
                return [Finding(indicator: id, status: .clear, message: "\(type) procedure with a call for competition",
                                evidence: evidence)]
            }
            return [Finding(indicator: id,
                            status: .insufficientData(missing: [procedure.procedureType.missing("BT-105 procedure type")!]),
                            message: "procedure type unknown", evidence: evidence)]
        }
        evidence["justificationCode"] = EvidenceValue(procedure.directAwardJustification) { .text($0) }
        evidence["justificationText"] = EvidenceValue(procedure.directAwardText) { .text(String($0.prefix(200))) }
        let how = veat != nil && !withoutCall ? "announced by a VEAT notice" : "negotiated without prior publication"
        if let code = procedure.directAwardJustification.value {
            return [Finding(indicator: id, status: .flagged, message: "awarded without a call (\(how)); ground: \(code)",
                            evidence: evidence, severity: justifiedSeverity)]
        }
        let missing = procedure.directAwardJustification.isWithheld ? "justification withheld" : "no justification given"
        return [Finding(indicator: id, status: .flagged, message: "awarded without a call (\(how)); \(missing)",
                        evidence: evidence, severity: unjustifiedSeverity)]
    }
}
