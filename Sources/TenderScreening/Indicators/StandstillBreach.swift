import TenderModel

/// `standstill-breach`: a contract concluded within the standstill period.
public struct StandstillBreach: Indicator {
    public static let metadata = IndicatorMetadata(
        id: "standstill-breach",
        name: "Contract signed inside the standstill period",
        phase: .contract,
        detects: "A contract concluded (BT-145) less than `minimum-days` calendar days after the award decision "
            + "(BT-1451), in a procedure where the standstill period applies.",
        rationale: "The Remedies Directives make buyers wait at least 10 calendar days between telling tenderers "
            + "who won and signing, so that losers can challenge the decision while it can still be undone. "
            + "Signing earlier deprives them of that remedy; it is a breach that can make the contract "
            + "ineffective, and it protects a questionable award from review.",
        method: "For each contract of a lot: days = conclusion date − award decision date. Flag when days < "
            + "`minimum-days`. The lot is not judged where the directives exempt it from the standstill: no prior "
            + "call for competition (neg-wo-call, VEAT: the VEAT has its own 10-day wait), a single tender "
            + "received, or a dynamic purchasing system.",
        evidence: [
            .init("contract", "the contract (CON id) concluded earliest after its decision"),
            .init("awardDate", "BT-1451"),
            .init("conclusionDate", "BT-145"),
            .init("days", "calendar days between them"),
        ],
        settings: [
            .init("weight", default: .number(35), "points a flagged lot adds to the score"),
            .init("minimum-days", default: .integer(10), "the standstill period, in calendar days"),
        ],
        exclusions: [
            "Procedures without a prior call for competition; a single tender received (no other tenderer "
                + "concerned); contracts under a dynamic purchasing system (Directive 89/665/EEC art. 2b).",
            "Where the decision was sent by non-electronic means the period is 15 days; notices do not say how it "
                + "was sent, so the 10-day minimum is applied.",
        ],
        references: [
            .init("Directive 89/665/EEC art. 2a(2)", "as amended by Directive 2007/66/EC: 10 calendar days"),
            .init("Directive 92/13/EEC art. 2a(2)", "utilities, as amended by Directive 2007/66/EC"),
            .init("OCP R060", "Long (or premature) time between award and signature"),
            .init("ProZorro RISK1-8_1", "contract concluded before the end of the standstill"),
        ],
        example: "Award decision 2024-03-28 and contract concluded 2024-04-03: 6 days, flagged; concluded "
            + "2024-04-09: 12 days, clear."
    )

    let minimumDays: Int

    public init(settings: ScreeningSettings) {
        minimumDays = settings.integer("minimum-days", of: Self.metadata)
    }

    public func evaluate(_ procedure: Procedure, population: Void) -> [Finding] {
        procedure.awardUnits.compactMap { lot in
            guard let result = lot.result, !result.contracts.isEmpty || result.resultCode.value == "selec-w" else {
                return nil
            }
            return evaluate(procedure, lot, result)
        }
    }

    private func evaluate(_ procedure: Procedure, _ lot: ProcedureLot, _ result: LotResult) -> Finding {
        let id = Self.metadata.id
        var evidence = Evidence()
        if procedure.procedureType.isUnknown, procedure.veatNotice == nil {
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: ["BT-105 procedure type"]),
                           message: "procedure type unknown: cannot tell whether a standstill applies", evidence: evidence)
        }
        if let exemption = exemption(procedure, lot, result) {
            return Finding(indicator: id, lot: lot.id, status: .notApplicable(reason: exemption),
                           message: "no standstill: \(exemption)", evidence: evidence)
        }
        let dated = result.contracts.compactMap { contract -> (Contract, Int)? in
            guard let award = contract.awardDate, let conclusion = contract.conclusionDate else { return nil }
            return (contract, award.days(to: conclusion))
        }
        guard let (contract, days) = dated.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.id < $1.0.id) }) else {
            var missing: [String] = []
            if result.contracts.allSatisfy({ $0.awardDate == nil }) { missing.append("BT-1451 award decision date") }
            if result.contracts.allSatisfy({ $0.conclusionDate == nil }) { missing.append("BT-145 conclusion date") }
            if result.contracts.isEmpty { missing = ["concluded contract"] }
            return Finding(indicator: id, lot: lot.id, status: .insufficientData(missing: missing),
                           message: "award or conclusion date not published", evidence: evidence)
        }
        evidence["contract"] = .text(contract.id)
        evidence["awardDate"] = EvidenceValue(contract.awardDate)
        evidence["conclusionDate"] = EvidenceValue(contract.conclusionDate)
        evidence["days"] = .integer(days)
        let threshold = Threshold(.integer(minimumDays), "<",
                                  source: .law(table: "EU remedies", citation: Self.citation(procedure.legalBasis)))
        if days < minimumDays {
            return Finding(indicator: id, lot: lot.id, status: .flagged,
                           message: "contract \(contract.id) signed \(days.counted("day")) after the award decision "
                               + "(standstill \(minimumDays))",
                           evidence: evidence, threshold: threshold)
        }
        return Finding(indicator: id, lot: lot.id, status: .clear,
                       message: "contract signed \(days.counted("day")) after the award decision", evidence: evidence,
                       threshold: threshold)
    }

    private func exemption(_ procedure: Procedure, _ lot: ProcedureLot, _ result: LotResult) -> String? {
        if let type = procedure.procedureType.value, ProcedureKind.withoutCall.contains(type) {
            return "no prior call for competition (\(type))"
        }
        if procedure.veatNotice != nil { return "awarded after a VEAT notice" }
        if let dps = lot.call?.dynamicPurchasingSystem, dps != "none" { return "dynamic purchasing system" }
        if case .known(1) = result.tendersReceived?.count, result.tendersReceived?.source == .statistics {
            return "a single tender: no other tenderer concerned"
        }
        return nil
    }

    static func citation(_ legalBasis: String?) -> String {
        legalBasis == "32014L0025"
            ? "Directive 92/13/EEC art. 2a(2), as amended by Directive 2007/66/EC"
            : "Directive 89/665/EEC art. 2a(2), as amended by Directive 2007/66/EC"
    }
}
