import TenderModel

/// The attributes of a captured leaf element that give its text meaning.
struct LeafAttributes {
    var schemeName: String?
    var listName: String?
    var currencyID: String?
    var languageID: String?
}

/// Collects the facts of one eForms notice as the SAX walk opens scopes, closes them and
/// finishes leaf elements. It knows eForms semantics, not libxml2.
struct EFormsCollector {
    let file: String
    var raw = EFormsRawNotice()
    private var privacy = Withholding(field: "")
    private var privacyOwner = EFormsScope.ignored

    init(file: String) {
        self.file = file
    }

    // MARK: Scopes

    /// A tracked container starts: create the object it describes.
    mutating func open(_ scope: EFormsScope, parent: EFormsScope) {
        switch scope {
        case .organization: raw.organizations.append(RawOrganization())
        case .contractingParty: raw.buyers.append(RawBuyer())
        case .lot: raw.lots.append(RawLot())
        case .lotsGroup: raw.lotsGroups.append((id: "", members: []))
        case .procedureJustification: raw.justification = RawJustification()
        case .changes: raw.change = raw.change ?? RawChange()
        case .change:
            updateChange {
                $0.change.items.append(ChangeItem())
                $0.descriptions.append([])
            }
        case .modification: raw.modifications.append(RawModification())
        case .noticeResult: raw.hasResult = true
        case .lotResult: raw.lotResults.append(RawLotResult())
        case .statistics:
            guard !raw.lotResults.isEmpty else { return }
            raw.lotResults[raw.lotResults.count - 1].result.statistics.append(
                SubmissionStatistic(code: "", count: .unknown))
            raw.lotResults[raw.lotResults.count - 1].statisticsWithheld.append([])
        case .tender: raw.tenders.append(RawTender())
        case .contract: raw.contracts.append(RawContract())
        case .tenderingParty: raw.parties.append(RawParty())
        case .privacy:
            privacy = Withholding(field: "")
            privacyOwner = parent
        default: break
        }
    }

    /// A tracked container ends: settle what needed all of its children.
    mutating func close(_ scope: EFormsScope) {
        switch scope {
        case .procedureJustification: applyJustification()
        case .privacy: applyPrivacy()
        default: break
        }
    }

    private mutating func applyJustification() {
        let justification = raw.justification
        switch justification.listName {
        case "accelerated-procedure":
            if let code = justification.code, let flag = Self.bool(code) {
                raw.procedure.accelerated = .known(flag)
            }
            if let text = justification.texts.resolved(in: raw.language) {
                raw.procedure.acceleratedJustification = text
            }
        case "direct-award-justification":
            if let code = justification.code { raw.procedure.directAwardJustification = .known(code) }
            raw.justificationTexts += justification.texts
        default:
            break
        }
    }

    private mutating func applyPrivacy() {
        guard !privacy.field.isEmpty else { return }
        switch privacyOwner {
        case .procedureProcess, .procedureJustification: raw.procedureWithheld.append(privacy)
        case .noticeResult: raw.resultWithheld.append(privacy)
        case .lotResult, .frameworkValues, .decisionReason:
            // BT-709/BT-660 and BT-144 declare their privacy inside their own containers.
            if !raw.lotResults.isEmpty { raw.lotResults[raw.lotResults.count - 1].withheld.append(privacy) }
        case .statistics:
            if let last = raw.lotResults.indices.last, !raw.lotResults[last].statisticsWithheld.isEmpty {
                raw.lotResults[last].statisticsWithheld[raw.lotResults[last].statisticsWithheld.count - 1]
                    .append(privacy)
            }
        case .tender:
            if !raw.tenders.isEmpty { raw.tenders[raw.tenders.count - 1].withheld.append(privacy) }
        default: break
        }
    }

    // MARK: Leaves

    /// A captured leaf ends with `text` (untrimmed bytes) at `line`.
    mutating func store(_ field: EFormsField, _ text: UnsafeBufferPointer<UInt8>, _ attributes: LeafAttributes,
                        line: Int, column: Int) {
        let bytes = Self.trimmed(text)
        if field == .procedureId { raw.procedureIdPosition = (line, column) }
        if field == .noticeId { raw.noticeIdPosition = (line, column) }
        guard !bytes.isEmpty else { return }
        var value: String { String(decoding: bytes, as: UTF8.self) }
        var localized: LocalizedText { LocalizedText(language: attributes.languageID, text: value) }

        switch field {
        case .none: break
        // Notice
        case .sdkVersion: raw.sdkVersion = raw.sdkVersion ?? value
        case .noticeId:
            if attributes.schemeName == nil || attributes.schemeName == "notice-id" {
                if let first = raw.noticeId, first != value {
                    warn(.badValue, "a second notice identifier (BT-701) '\(Self.quoted(bytes))' differs from '\(first)'; "
                         + "the first is kept", line, column)
                }
                raw.noticeId = raw.noticeId ?? value
            }
        case .procedureId:
            if let first = raw.procedureId, first != value {
                warn(.badValue, "a second procedure identifier (BT-04) '\(Self.quoted(bytes))' differs from '\(first)'; "
                     + "the first is kept", line, column)
            }
            raw.procedureId = raw.procedureId ?? value
        case .dispatchDate: raw.dispatchDate = raw.dispatchDate ?? date(bytes, "BT-05 dispatch date", line, column)
        case .dispatchTime: raw.dispatchTime = raw.dispatchTime ?? time(bytes, "BT-05 dispatch time", line, column)
        case .version: raw.version = raw.version ?? value
        case .legalBasis: raw.legalBasis = raw.legalBasis ?? value
        case .noticeType:
            raw.noticeType = raw.noticeType ?? value
            raw.formType = raw.formType ?? attributes.listName
        case .language: raw.language = raw.language ?? value
        case .subtype: raw.subtype = raw.subtype ?? value
        case .publicationId:
            if attributes.schemeName == nil || attributes.schemeName == "ojs-notice-id" {
                raw.publicationId = raw.publicationId ?? value
            }
        case .gazetteId: raw.gazetteId = raw.gazetteId ?? value
        case .publicationDate:
            raw.publicationDate = raw.publicationDate ?? date(bytes, "OPP-012 publication date", line, column)

        // Changes and modifications
        case .changedNotice: updateChange { $0.change.changedNotice = $0.change.changedNotice ?? value }
        case .changeDescription:
            updateChange { change in
                if let last = change.descriptions.indices.last { change.descriptions[last].append(localized) }
            }
        case .changedSection:
            updateChange { change in
                if let last = change.change.items.indices.last { change.change.items[last].sections.append(value) }
            }
        case .changeReasonCode: updateChange { $0.change.reasonCode = $0.change.reasonCode ?? value }
        case .changeReasonDescription: updateChange { $0.reasonDescriptions.append(localized) }
        case .modifiedNotice:
            updateModification { $0.modification.modifiedNotice = $0.modification.modifiedNotice ?? value }
        case .modifiedContract:
            updateModification { $0.modification.modifiedContract = $0.modification.modifiedContract ?? value }
        case .modificationDescription: updateModification { $0.descriptions.append(localized) }
        case .modificationReasonCode:
            updateModification { $0.modification.reasonCode = $0.modification.reasonCode ?? value }
        case .modificationReasonDescription: updateModification { $0.reasonDescriptions.append(localized) }

        // Organisations
        case .organizationId: updateOrganization { $0.organization.localId = value }
        case .organizationName: updateOrganization { $0.names.append(localized) }
        case .organizationTown: updateOrganization { $0.organization.town = $0.organization.town ?? value }
        case .organizationNuts: updateOrganization { $0.organization.nuts = $0.organization.nuts ?? value }
        case .organizationCountry: updateOrganization { $0.organization.country = $0.organization.country ?? value }
        case .organizationNationalId:
            updateOrganization { $0.organization.nationalId = $0.organization.nationalId ?? value }
        case .organizationSize: updateOrganization { $0.organization.size = $0.organization.size ?? value }
        case .organizationNaturalPerson:
            let flag = bool(bytes, "natural person indicator", line, column)
            updateOrganization { $0.organization.isNaturalPerson = flag }

        // Buyers
        case .buyerLegalType:
            if attributes.listName == nil || attributes.listName == "buyer-legal-type" {
                updateBuyer { $0.legalType = $0.legalType ?? value }
            }
        case .buyerActivity: updateBuyer { $0.activity = $0.activity ?? value }
        case .buyerReference: updateBuyer { $0.reference = $0.reference ?? value }

        // Procedure
        case .procedureType:
            if raw.procedure.procedureType.isUnknown { raw.procedure.procedureType = .known(value) }
        case .justificationCode:
            raw.justification.code = value
            raw.justification.listName = attributes.listName
        case .justificationText: raw.justification.texts.append(localized)
        case .previousNotice: raw.previousNotices.append(value)
        case .internalReference:
            if attributes.schemeName == nil || attributes.schemeName == "InternalID" {
                raw.procedure.internalReference = raw.procedure.internalReference ?? value
            }
        case .procedureTitle: raw.procedureTitle.append(localized)
        case .procedureNature:
            if attributes.listName == nil || attributes.listName == "contract-nature" {
                raw.procedure.nature = raw.procedure.nature ?? value
            }
        case .procedureMainCpv: raw.procedure.mainCpv = raw.procedure.mainCpv ?? value
        case .procedureAdditionalCpv: raw.procedure.additionalCpvs.append(value)
        case .procedureEstimatedValue:
            raw.procedure.estimatedValue = raw.procedure.estimatedValue
                ?? amount(bytes, attributes, "BT-27 estimated value", line, column)
        case .procedureFrameworkMaximum:
            raw.procedure.frameworkMaximum = raw.procedure.frameworkMaximum
                ?? amount(bytes, attributes, "BT-271 framework maximum value", line, column)
        case .procedureNuts: raw.procedure.performanceNuts = raw.procedure.performanceNuts ?? value
        case .procedureCountry: raw.procedure.performanceCountry = raw.procedure.performanceCountry ?? value
        case .lotsGroupId:
            if let last = raw.lotsGroups.indices.last { raw.lotsGroups[last].id = value }
        case .lotsGroupMember:
            if let last = raw.lotsGroups.indices.last { raw.lotsGroups[last].members.append(value) }

        // Lots
        case .lotId:
            updateLot {
                $0.lot.id = value
                $0.lot.kind = attributes.schemeName.flatMap(LotKind.init(schemeName:)) ?? .lot
            }
        case .lotTitle: updateLot { $0.titles.append(localized) }
        case .lotNature:
            if attributes.listName == nil || attributes.listName == "contract-nature" {
                updateLot { $0.lot.nature = $0.lot.nature ?? value }
            }
        case .lotMainCpv: updateLot { $0.lot.mainCpv = $0.lot.mainCpv ?? value }
        case .lotAdditionalCpv: updateLot { $0.lot.additionalCpvs.append(value) }
        case .lotEstimatedValue:
            let amount = amount(bytes, attributes, "BT-27 lot estimated value", line, column)
            updateLot { $0.lot.estimatedValue = $0.lot.estimatedValue ?? amount }
        case .lotFrameworkMaximum:
            let amount = amount(bytes, attributes, "BT-271 lot framework maximum", line, column)
            updateLot { $0.lot.frameworkMaximum = $0.lot.frameworkMaximum ?? amount }
        case .lotNuts: updateLot { $0.lot.performanceNuts = $0.lot.performanceNuts ?? value }
        case .electronicSubmission:
            if attributes.listName == nil || attributes.listName == "esubmission" {
                updateLot { $0.lot.electronicSubmission = $0.lot.electronicSubmission ?? value }
            }
        case .submissionDate:
            if let date = date(bytes, "BT-131 submission deadline", line, column) {
                updateLot { $0.lot.submissionDeadline = DateTime(date: date, time: $0.lot.submissionDeadline?.time) }
            }
        case .submissionTime:
            let time = time(bytes, "BT-131 submission deadline time", line, column)
            updateLot { $0.lot.submissionDeadline?.time = time }
        case .requestsDate:
            if let date = date(bytes, "BT-1311 requests deadline", line, column) {
                updateLot { $0.lot.requestsDeadline = DateTime(date: date, time: $0.lot.requestsDeadline?.time) }
            }
        case .requestsTime:
            let time = time(bytes, "BT-1311 requests deadline time", line, column)
            updateLot { $0.lot.requestsDeadline?.time = time }
        case .openingDate:
            if let date = date(bytes, "BT-132 opening date", line, column) {
                updateLot { $0.lot.opening = DateTime(date: date, time: $0.lot.opening?.time) }
            }
        case .openingTime:
            let time = time(bytes, "BT-132 opening time", line, column)
            updateLot { $0.lot.opening?.time = time }
        case .electronicAuction:
            let flag = bool(bytes, "BT-767 electronic auction", line, column)
            updateLot { $0.lot.electronicAuction = $0.lot.electronicAuction ?? flag }
        case .contractingSystem:
            switch attributes.listName {
            case "framework-agreement": updateLot { $0.lot.frameworkAgreement = $0.lot.frameworkAgreement ?? value }
            case "dps-usage": updateLot { $0.lot.dynamicPurchasingSystem = $0.lot.dynamicPurchasingSystem ?? value }
            default: break
            }
        case .lotPreviousNotice: updateLot { $0.lot.previousNotices.append(value) }

        // Notice result
        case .noticeTotal:
            if raw.result.totalValue.isUnknown {
                raw.result.totalValue = Reported(amount(bytes, attributes, "BT-161 notice value", line, column))
            }
        case .noticeFrameworkMaximum:
            if raw.result.frameworkMaximum.isUnknown {
                raw.result.frameworkMaximum = Reported(
                    amount(bytes, attributes, "BT-118 framework maximum", line, column))
            }
        case .noticeFrameworkApproximate:
            if raw.result.frameworkApproximate.isUnknown {
                raw.result.frameworkApproximate = Reported(
                    amount(bytes, attributes, "BT-1118 framework approximate value", line, column))
            }

        // Lot results
        case .resultId: updateLotResult { $0.result.id = $0.result.id ?? value }
        case .resultCode: updateLotResult { if $0.result.resultCode.isUnknown { $0.result.resultCode = .known(value) } }
        case .resultHighest:
            let amount = amount(bytes, attributes, "BT-711 highest tender value", line, column)
            updateLotResult { if $0.result.highestTender.isUnknown { $0.result.highestTender = Reported(amount) } }
        case .resultLowest:
            let amount = amount(bytes, attributes, "BT-710 lowest tender value", line, column)
            updateLotResult { if $0.result.lowestTender.isUnknown { $0.result.lowestTender = Reported(amount) } }
        case .resultTenderRef: updateLotResult { $0.tenderRefs.append(value) }
        case .resultContractRef: updateLotResult { $0.contractRefs.append(value) }
        case .resultLotRef: updateLotResult { $0.result.lotId = $0.result.lotId ?? value }
        case .nonAwardReason:
            updateLotResult { if $0.result.nonAwardReason.isUnknown { $0.result.nonAwardReason = .known(value) } }
        case .statisticsCode: updateStatistic { $0.code = value }
        case .statisticsCount:
            let count = integer(bytes, "BT-759 received submissions count", line, column)
            updateStatistic { $0.count = Reported(count) }
        case .resultFrameworkMaximum:
            let amount = amount(bytes, attributes, "BT-709 framework maximum value", line, column)
            updateLotResult {
                if $0.result.frameworkMaximum.isUnknown { $0.result.frameworkMaximum = Reported(amount) }
            }
        case .resultFrameworkReestimated:
            let amount = amount(bytes, attributes, "BT-660 framework re-estimated value", line, column)
            updateLotResult {
                if $0.result.frameworkReestimated.isUnknown { $0.result.frameworkReestimated = Reported(amount) }
            }

        // Tenders
        case .tenderId: updateTender { $0.tender.id = value }
        case .tenderRank:
            let rank = integer(bytes, "BT-171 tender rank", line, column)
            updateTender { if $0.tender.rank.isUnknown { $0.tender.rank = Reported(rank) } }
        case .tenderRanked:
            let flag = bool(bytes, "BT-1711 tender ranked", line, column)
            updateTender { $0.tender.isRanked = $0.tender.isRanked ?? flag }
        case .tenderVariant:
            let flag = bool(bytes, "BT-193 tender variant", line, column)
            updateTender { $0.tender.isVariant = $0.tender.isVariant ?? flag }
        case .tenderAmount:
            let amount = amount(bytes, attributes, "BT-720 tender value", line, column)
            updateTender { if $0.tender.amount.isUnknown { $0.tender.amount = Reported(amount) } }
        case .tenderPartyRef: updateTender { $0.partyRef = $0.partyRef ?? value }
        case .tenderLotRef: updateTender { $0.tender.lotId = $0.tender.lotId ?? value }
        case .tenderReference: updateTender { $0.tender.reference = $0.tender.reference ?? value }

        // Contracts
        case .contractId: updateContract { $0.contract.id = value }
        case .contractAwardDate:
            let date = date(bytes, "BT-1451 winner decision date", line, column)
            updateContract { $0.contract.awardDate = $0.contract.awardDate ?? date }
        case .contractIssueDate:
            let date = date(bytes, "BT-145 contract conclusion date", line, column)
            updateContract { $0.contract.conclusionDate = $0.contract.conclusionDate ?? date }
        case .contractTitle: updateContract { $0.titles.append(localized) }
        case .contractFramework:
            let flag = bool(bytes, "BT-768 framework contract", line, column)
            updateContract { $0.contract.isFramework = $0.contract.isFramework ?? flag }
        case .contractTenderRef: updateContract { $0.contract.tenderIds.append(value) }
        case .contractReference: updateContract { $0.contract.reference = $0.contract.reference ?? value }

        // Tendering parties
        case .partyId: updateParty { $0.id = value }
        case .partyName: updateParty { $0.names.append(localized) }
        case .partyMemberRef: updateParty { $0.members.append((reference: value, isLeader: nil)) }
        case .partyMemberLeader:
            let flag = bool(bytes, "OPT-170 group leader", line, column)
            updateParty { party in
                if let last = party.members.indices.last { party.members[last].isLeader = flag }
            }

        // Withheld fields
        case .privacyField: privacy.field = value
        case .privacyReason: privacy.reasonCode = value
        case .privacyReleaseDate: privacy.releaseDate = date(bytes, "BT-198 release date", line, column)
        }
    }

    // MARK: In-place updates of the object being built

    private mutating func updateChange(_ update: (inout RawChange) -> Void) {
        if raw.change != nil { update(&raw.change!) }
    }

    private mutating func updateModification(_ update: (inout RawModification) -> Void) {
        if let last = raw.modifications.indices.last { update(&raw.modifications[last]) }
    }

    private mutating func updateOrganization(_ update: (inout RawOrganization) -> Void) {
        if let last = raw.organizations.indices.last { update(&raw.organizations[last]) }
    }

    private mutating func updateBuyer(_ update: (inout RawBuyer) -> Void) {
        if let last = raw.buyers.indices.last { update(&raw.buyers[last]) }
    }

    private mutating func updateLot(_ update: (inout RawLot) -> Void) {
        if let last = raw.lots.indices.last { update(&raw.lots[last]) }
    }

    private mutating func updateLotResult(_ update: (inout RawLotResult) -> Void) {
        if let last = raw.lotResults.indices.last { update(&raw.lotResults[last]) }
    }

    private mutating func updateStatistic(_ update: (inout SubmissionStatistic) -> Void) {
        guard let result = raw.lotResults.indices.last,
              let last = raw.lotResults[result].result.statistics.indices.last else { return }
        update(&raw.lotResults[result].result.statistics[last])
    }

    private mutating func updateTender(_ update: (inout RawTender) -> Void) {
        if let last = raw.tenders.indices.last { update(&raw.tenders[last]) }
    }

    private mutating func updateContract(_ update: (inout RawContract) -> Void) {
        if let last = raw.contracts.indices.last { update(&raw.contracts[last]) }
    }

    private mutating func updateParty(_ update: (inout RawParty) -> Void) {
        if let last = raw.parties.indices.last { update(&raw.parties[last]) }
    }

    // MARK: Typed values; a value that cannot be read stays unknown and says so

    private mutating func date(_ bytes: UnsafeBufferPointer<UInt8>, _ what: String, _ line: Int, _ column: Int)
        -> CalendarDate? {
        if let date = CalendarDate.parse(bytes) { return date }
        warn(.badValue, "\(what) '\(Self.quoted(bytes))' is not a date (YYYY-MM-DD with optional offset); left unknown",
             line, column)
        return nil
    }

    private mutating func time(_ bytes: UnsafeBufferPointer<UInt8>, _ what: String, _ line: Int, _ column: Int)
        -> TimeOfDay? {
        if let time = TimeOfDay.parse(bytes) { return time }
        warn(.badValue, "\(what) '\(Self.quoted(bytes))' is not a time (hh:mm:ss with optional offset); left unknown",
             line, column)
        return nil
    }

    private mutating func amount(_ bytes: UnsafeBufferPointer<UInt8>, _ attributes: LeafAttributes, _ what: String,
                                 _ line: Int, _ column: Int) -> Amount? {
        guard let value = DecimalNumber.parse(bytes) else {
            warn(.badValue, "\(what) '\(Self.quoted(bytes))' is not a decimal number; left unknown", line, column)
            return nil
        }
        if attributes.currencyID == nil {
            warn(.badValue, "\(what) \(value) has no currencyID", line, column)
        }
        return Amount(value: value, currency: attributes.currencyID)
    }

    private mutating func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ what: String, _ line: Int, _ column: Int)
        -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), value < 100_000_000 else {
                warn(.badValue, "\(what) '\(Self.quoted(bytes))' is not a whole number; left unknown", line, column)
                return nil
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private mutating func bool(_ bytes: UnsafeBufferPointer<UInt8>, _ what: String, _ line: Int, _ column: Int)
        -> Bool? {
        if let flag = Self.bool(String(decoding: bytes, as: UTF8.self)) { return flag }
        warn(.badValue, "\(what) '\(Self.quoted(bytes))' is not true or false; left unknown", line, column)
        return nil
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    mutating func warn(_ kind: Diagnostic.Kind, _ message: String, _ line: Int, _ column: Int) {
        raw.warnings.append(Diagnostic(kind, message, at: SourceLocation(file: file, line: line, column: column)))
    }

    private static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = text.baseAddress else { return text }
        var start = 0
        var end = text.count
        while start < end, text[start].isXMLWhitespace { start += 1 }
        while end > start, text[end - 1].isXMLWhitespace { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// The value for a message: at most 60 characters.
    private static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
