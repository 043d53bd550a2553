import TenderModel

extension EFormsRawNotice {
    /// Resolves notice-local references and languages into a ``Notice``.
    ///
    /// Throws when the notice lacks what it cannot be used without: BT-701 (notice id) or
    /// BT-04 (procedure id, the join key). `root` locates the error when the element
    /// is absent altogether.
    func resolved(file: String, root: (line: Int, column: Int)) throws(Diagnostic) -> Notice {
        var planningWithoutProcedure = false
        if procedureId == nil, noticeId != nil,
           NoticePhase(formType: formType, noticeType: noticeType) == .planning {
            // Prior information notices may precede any procedure: they stand on their own.
            planningWithoutProcedure = true
        }
        guard let procedureId = procedureId ?? (planningWithoutProcedure ? noticeId : nil) else {
            let found = procedureIdPosition.line > 0
            let (line, column) = found ? procedureIdPosition : root
            throw Diagnostic(.invalidNotice, "not a usable eForms notice: the procedure identifier "
                                 + "(BT-04 cbc:ContractFolderID) \(found ? "is empty" : "is missing")",
                             at: SourceLocation(file: file, line: line, column: column))
        }
        guard let noticeId else {
            let found = noticeIdPosition.line > 0
            let (line, column) = found ? noticeIdPosition : root
            throw Diagnostic(.invalidNotice, "not a usable eForms notice: the notice identifier "
                                 + "(BT-701 cbc:ID) \(found ? "is empty" : "is missing")",
                             at: SourceLocation(file: file, line: line, column: column))
        }

        var notice = Notice(source: NoticeSource(file: file, format: .eForms, formatVersion: sdkVersion),
                            id: noticeId, procedureId: procedureId)
        notice.version = version
        notice.publicationId = publicationId
        notice.gazetteId = gazetteId
        notice.noticeType = noticeType
        notice.formType = formType
        notice.subtype = subtype
        notice.legalBasis = legalBasis
        notice.dispatchDate = dispatchDate
        notice.dispatchTime = dispatchTime
        notice.publicationDate = publicationDate
        notice.language = language
        notice.previousNotices = previousNotices
        notice.warnings = warnings
        if planningWithoutProcedure {
            notice.warnings.append(Diagnostic(
                .badValue, "planning notice without a procedure identifier (BT-04): listed on its own, under its notice id",
                at: SourceLocation(file: file, line: root.line, column: root.column)))
        }
        let references = ReferenceChecker(file: file, noticeId: noticeId)

        if let change {
            var resolved = change.change
            for index in resolved.items.indices where index < change.descriptions.count {
                resolved.items[index].description = change.descriptions[index].resolved(in: language)
            }
            resolved.reasonDescription = change.reasonDescriptions.resolved(in: language)
            notice.change = resolved
        }
        notice.modifications = modifications.map { modification in
            var resolved = modification.modification
            resolved.description = modification.descriptions.resolved(in: language)
            resolved.reasonDescription = modification.reasonDescriptions.resolved(in: language)
            return resolved
        }

        notice.procedure = procedure
        notice.procedure.title = procedureTitle.resolved(in: language)
        if let text = justificationTexts.resolved(in: language) {
            notice.procedure.directAwardText = .known(text)
        }
        for withholding in procedureWithheld {
            switch withholding.field {
            case "pro-typ": notice.procedure.procedureType = .withheld(withholding)
            case "pro-acc": notice.procedure.accelerated = .withheld(withholding)
            case "dir-awa-jus": notice.procedure.directAwardJustification = .withheld(withholding)
            case "dir-awa-tex": notice.procedure.directAwardText = .withheld(withholding)
            default: break
            }
        }

        var organizationsById: [String: Organization] = [:]
        for raw in organizations where !raw.organization.localId.isEmpty {
            var organization = raw.organization
            organization.name = raw.names.resolved(in: language)
            organization.noticeId = noticeId
            organization.cacheKey()
            if organizationsById[organization.localId] == nil { organizationsById[organization.localId] = organization }
        }
        func organization(_ reference: String, _ role: String) -> Organization {
            if let found = organizationsById[reference] { return found }
            references.dangling(reference, role)
            var unknown = Organization(localId: reference)
            unknown.noticeId = noticeId
            unknown.cacheKey()
            return unknown
        }

        notice.buyers = buyers.compactMap { buyer in
            guard let reference = buyer.reference else { return nil }
            return Buyer(organization: organization(reference, "buyer"), legalType: buyer.legalType,
                         activity: buyer.activity)
        }

        let membersByGroup = Dictionary(lotsGroups.map { ($0.id, $0.members) }, uniquingKeysWith: { first, _ in first })
        notice.lots = lots.compactMap { raw in
            guard !raw.lot.id.isEmpty else { return nil }
            var lot = raw.lot
            lot.title = raw.titles.resolved(in: language)
            if lot.kind == .group { lot.memberLots = membersByGroup[lot.id] ?? [] }
            return lot
        }

        if hasResult {
            notice.result = resolvedResult(language: language, organization: organization, references: references)
        }
        notice.warnings += references.warnings
        return notice
    }

    private func resolvedResult(language: String?, organization: (String, String) -> Organization,
                                references: ReferenceChecker) -> NoticeResult {
        var result = self.result
        for withholding in resultWithheld {
            switch withholding.field {
            case "not-val": result.totalValue = .withheld(withholding)
            case "not-max-val": result.frameworkMaximum = .withheld(withholding)
            case "not-app-val": result.frameworkApproximate = .withheld(withholding)
            default: break
            }
        }

        var partiesById: [String: TenderingParty] = [:]
        for raw in parties where !raw.id.isEmpty && partiesById[raw.id] == nil {
            let tenderers = raw.members.map {
                Tenderer(organization: organization($0.reference, "tenderer"), isLeader: $0.isLeader)
            }
            partiesById[raw.id] = TenderingParty(id: raw.id, name: raw.names.resolved(in: language), tenderers: tenderers)
        }

        var contractsById: [String: Contract] = [:]
        var contractOrder: [String] = []
        var winningTenderIds: Set<String> = []
        for raw in contracts where !raw.contract.id.isEmpty && contractsById[raw.contract.id] == nil {
            var contract = raw.contract
            contract.title = raw.titles.resolved(in: language)
            contractsById[contract.id] = contract
            contractOrder.append(contract.id)
            winningTenderIds.formUnion(contract.tenderIds)
        }

        var tendersById: [String: Tender] = [:]
        var tenderOrder: [String] = []
        for raw in tenders where !raw.tender.id.isEmpty && tendersById[raw.tender.id] == nil {
            var tender = raw.tender
            if let reference = raw.partyRef {
                if let party = partiesById[reference] {
                    tender.party = party
                } else {
                    references.dangling(reference, "tendering party")
                }
            }
            tender.isWinner = winningTenderIds.contains(tender.id)
            for withholding in raw.withheld {
                switch withholding.field {
                case "win-ten-val": tender.amount = .withheld(withholding)
                case "ten-ran": tender.rank = .withheld(withholding)
                default: break
                }
            }
            tendersById[tender.id] = tender
            tenderOrder.append(tender.id)
        }

        // Indexes built once: a result must never scan every tender and contract (hostile
        // notices with 10,000 results would take minutes).
        var claimedTenders: Set<String> = []
        for raw in lotResults { claimedTenders.formUnion(raw.tenderRefs) }
        var unclaimedByLot: [String: [String]] = [:]
        for id in tenderOrder where !claimedTenders.contains(id) {
            if let lotId = tendersById[id]?.lotId { unclaimedByLot[lotId, default: []].append(id) }
        }
        var contractsByTender: [String: [String]] = [:]
        var contractPosition: [String: Int] = [:]
        for (position, id) in contractOrder.enumerated() {
            contractPosition[id] = position
            for tenderId in contractsById[id]!.tenderIds { contractsByTender[tenderId, default: []].append(id) }
        }

        result.lotResults = lotResults.map { raw in
            var lotResult = raw.result
            for (index, withheld) in raw.statisticsWithheld.enumerated() where index < lotResult.statistics.count {
                if let withholding = withheld.first(where: { $0.field == "rec-sub-cou" }) {
                    lotResult.statistics[index].count = .withheld(withholding)
                }
            }
            lotResult.statistics.removeAll { $0.code.isEmpty }
            for withholding in raw.withheld {
                switch withholding.field {
                case "win-cho": lotResult.resultCode = .withheld(withholding)
                case "no-awa-rea": lotResult.nonAwardReason = .withheld(withholding)
                case "ten-val-low": lotResult.lowestTender = .withheld(withholding)
                case "ten-val-hig": lotResult.highestTender = .withheld(withholding)
                case "max-val": lotResult.frameworkMaximum = .withheld(withholding)
                case "ree-val": lotResult.frameworkReestimated = .withheld(withholding)
                default: break
                }
            }

            // The result's own list of tenders, then tenders that name its lot and no result lists.
            var tenderIds: [String] = []
            var seenTenders: Set<String> = []
            for reference in raw.tenderRefs where seenTenders.insert(reference).inserted {
                if tendersById[reference] != nil { tenderIds.append(reference) } else {
                    references.dangling(reference, "tender")
                }
            }
            if let lotId = lotResult.lotId {
                for id in unclaimedByLot[lotId] ?? [] where seenTenders.insert(id).inserted { tenderIds.append(id) }
            }
            lotResult.tenders = tenderIds.compactMap { tendersById[$0] }

            // Its own contracts, then the contracts concluded on its tenders, in document order.
            var contractIds: [String] = []
            var seenContracts: Set<String> = []
            for reference in raw.contractRefs where seenContracts.insert(reference).inserted {
                if contractsById[reference] != nil { contractIds.append(reference) } else {
                    references.dangling(reference, "contract")
                }
            }
            let concluded = tenderIds.flatMap { contractsByTender[$0] ?? [] }.filter { seenContracts.insert($0).inserted }
            contractIds += concluded.sorted { contractPosition[$0]! < contractPosition[$1]! }
            lotResult.contracts = contractIds.compactMap { contractsById[$0] }
            return lotResult
        }
        return result
    }
}

/// Collects references to identifiers a notice never defines, once each.
/// A class: the organisation lookup that reports through it is shared by several closures.
private final class ReferenceChecker {
    let file: String
    let noticeId: String
    private(set) var warnings: [Diagnostic] = []
    private var seen: Set<String> = []

    init(file: String, noticeId: String) {
        self.file = file
        self.noticeId = noticeId
    }

    func dangling(_ reference: String, _ role: String) {
        guard seen.insert(role + " " + reference).inserted else { return }
        warnings.append(Diagnostic(.danglingReference,
                                   "notice \(noticeId) refers to \(role) \(reference), which it does not define",
                                   at: SourceLocation(file: file)))
    }
}
