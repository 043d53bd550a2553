/// Where in a notice the reader is: the container elements it tracks.
///
/// A start tag either opens a tracked container (a new scope), starts a leaf whose text is
/// captured (an ``EFormsField``), or opens an untracked subtree that is skipped.
/// Scopes make context explicit, so `cbc:ID` means the notice id at the root, a lot id in a
/// lot and a tender reference in `efac:LotTender`, and nested `ext:UBLExtensions` of lots or
/// award criteria never leak into notice-level fields.
enum EFormsScope: UInt8 {
    case ignored, document, root
    case noticeSubType, publication
    case changes, change, changedSection, changeReason
    case modification, modificationChange, modificationReason
    case organizations, organization, company, companyIdentification, companyName
    case companyAddress, companyCountry, companyLegalEntity
    case contractingParty, contractingPartyType, contractingActivity, buyerParty, buyerIdentification
    case procedureProcess, procedureJustification, procedureNoticeReference
    case procedureTerms, lotDistribution, lotsGroup, lotsGroupMember
    case procedureProject, procedureMainClassification, procedureAdditionalClassification
    case procedureRequestedTotal, procedureLocation, procedureLocationAddress, procedureLocationCountry
    case lot, lotProcess, lotSubmissionPeriod, lotRequestsPeriod, lotOpening, lotAuction
    case lotContractingSystem, lotNoticeReference
    case lotProject, lotMainClassification, lotAdditionalClassification, lotRequestedTotal
    case lotLocation, lotLocationAddress
    case noticeResult, lotResult, lotResultTender, lotResultContract, lotResultLot
    case statistics, decisionReason, frameworkValues
    case tender, tenderTotal, tenderParty, tenderLot, tenderReference
    case contract, contractTender, contractReference
    case tenderingParty, tenderer
    case privacy
}

/// A leaf element whose text the reader keeps.
enum EFormsField: UInt8 {
    case none
    // Notice
    case sdkVersion, noticeId, procedureId, dispatchDate, dispatchTime, version, legalBasis
    case noticeType, language, subtype, publicationId, gazetteId, publicationDate
    // Changes and modifications
    case changedNotice, changeDescription, changedSection, changeReasonCode, changeReasonDescription
    case modifiedNotice, modifiedContract, modificationDescription
    case modificationReasonCode, modificationReasonDescription
    // Organisations
    case organizationId, organizationName, organizationTown, organizationNuts, organizationCountry
    case organizationNationalId, organizationSize, organizationNaturalPerson
    // Buyers
    case buyerLegalType, buyerActivity, buyerReference
    // Procedure
    case procedureType, justificationCode, justificationText, previousNotice
    case internalReference, procedureTitle, procedureNature, procedureMainCpv, procedureAdditionalCpv
    case procedureEstimatedValue, procedureFrameworkMaximum, procedureNuts, procedureCountry
    case lotsGroupId, lotsGroupMember
    // Lots
    case lotId, lotTitle, lotNature, lotMainCpv, lotAdditionalCpv, lotEstimatedValue
    case lotFrameworkMaximum, lotNuts, electronicSubmission
    case submissionDate, submissionTime, requestsDate, requestsTime, openingDate, openingTime
    case electronicAuction, contractingSystem, lotPreviousNotice
    // Results
    case noticeTotal, noticeFrameworkMaximum, noticeFrameworkApproximate
    case resultId, resultCode, resultHighest, resultLowest, resultTenderRef, resultContractRef
    case resultLotRef, nonAwardReason, statisticsCode, statisticsCount
    case resultFrameworkMaximum, resultFrameworkReestimated
    case tenderId, tenderRank, tenderRanked, tenderVariant, tenderAmount, tenderPartyRef
    case tenderLotRef, tenderReference
    case contractId, contractAwardDate, contractIssueDate, contractTitle, contractFramework
    case contractTenderRef, contractReference
    case partyId, partyName, partyMemberRef, partyMemberLeader
    // Privacy
    case privacyField, privacyReason, privacyReleaseDate
}

/// What a start tag means in the current scope.
enum EFormsStep {
    case enter(EFormsScope)
    case capture(EFormsField)
    case skip
}

extension EFormsScope {
    /// The meaning of `element` as a child of `self`.
    // One switch over (scope, element): long, but every path the reader follows is here,
    // in the order of xml-formats.md §1.1.
    func step(_ element: EFormsElement) -> EFormsStep {
        if element == .other { return .skip }
        if element.isTransparent, self != .document, self != .ignored { return .enter(self) }
        switch (self, element) {
        // Notice root
        case (.root, .customizationID): return .capture(.sdkVersion)
        case (.root, .id): return .capture(.noticeId)
        case (.root, .contractFolderID): return .capture(.procedureId)
        case (.root, .issueDate): return .capture(.dispatchDate)
        case (.root, .issueTime): return .capture(.dispatchTime)
        case (.root, .versionID): return .capture(.version)
        case (.root, .regulatoryDomain): return .capture(.legalBasis)
        case (.root, .noticeTypeCode): return .capture(.noticeType)
        case (.root, .noticeLanguageCode): return .capture(.language)
        case (.root, .contractingParty): return .enter(.contractingParty)
        case (.root, .tenderingTerms): return .enter(.procedureTerms)
        case (.root, .tenderingProcess): return .enter(.procedureProcess)
        case (.root, .procurementProject): return .enter(.procedureProject)
        case (.root, .procurementProjectLot): return .enter(.lot)
        case (.root, .noticeSubType): return .enter(.noticeSubType)
        case (.root, .publication): return .enter(.publication)
        case (.root, .changes): return .enter(.changes)
        case (.root, .contractModification): return .enter(.modification)
        case (.root, .organizations): return .enter(.organizations)
        case (.root, .noticeResult): return .enter(.noticeResult)

        case (.noticeSubType, .subTypeCode): return .capture(.subtype)
        case (.publication, .noticePublicationID): return .capture(.publicationId)
        case (.publication, .gazetteID): return .capture(.gazetteId)
        case (.publication, .publicationDate): return .capture(.publicationDate)

        // Changes (BT-758…) and modifications (BT-1501…)
        case (.changes, .changedNoticeIdentifier): return .capture(.changedNotice)
        case (.changes, .change): return .enter(.change)
        case (.changes, .changeReason): return .enter(.changeReason)
        case (.change, .changeDescription): return .capture(.changeDescription)
        case (.change, .changedSection): return .enter(.changedSection)
        case (.changedSection, .changedSectionIdentifier): return .capture(.changedSection)
        case (.changeReason, .reasonCode): return .capture(.changeReasonCode)
        case (.changeReason, .reasonDescription): return .capture(.changeReasonDescription)
        case (.modification, .changedNoticeIdentifier): return .capture(.modifiedNotice)
        case (.modification, .modifiedContractIdentifier): return .capture(.modifiedContract)
        case (.modification, .change): return .enter(.modificationChange)
        case (.modification, .changeReason): return .enter(.modificationReason)
        case (.modificationChange, .changeDescription): return .capture(.modificationDescription)
        case (.modificationReason, .reasonCode): return .capture(.modificationReasonCode)
        case (.modificationReason, .reasonDescription): return .capture(.modificationReasonDescription)

        // Organisations
        case (.organizations, .organization): return .enter(.organization)
        case (.organization, .company): return .enter(.company)
        case (.organization, .naturalPersonIndicator): return .capture(.organizationNaturalPerson)
        case (.company, .partyIdentification): return .enter(.companyIdentification)
        case (.company, .partyName): return .enter(.companyName)
        case (.company, .postalAddress): return .enter(.companyAddress)
        case (.company, .partyLegalEntity): return .enter(.companyLegalEntity)
        case (.company, .companySizeCode): return .capture(.organizationSize)
        case (.companyIdentification, .id): return .capture(.organizationId)
        case (.companyName, .name): return .capture(.organizationName)
        case (.companyAddress, .cityName): return .capture(.organizationTown)
        case (.companyAddress, .countrySubentityCode): return .capture(.organizationNuts)
        case (.companyAddress, .country): return .enter(.companyCountry)
        case (.companyCountry, .identificationCode): return .capture(.organizationCountry)
        case (.companyLegalEntity, .companyID): return .capture(.organizationNationalId)

        // Buyers
        case (.contractingParty, .contractingPartyType): return .enter(.contractingPartyType)
        case (.contractingParty, .contractingActivity): return .enter(.contractingActivity)
        case (.contractingParty, .party): return .enter(.buyerParty)
        case (.contractingPartyType, .partyTypeCode): return .capture(.buyerLegalType)
        case (.contractingActivity, .activityTypeCode): return .capture(.buyerActivity)
        case (.buyerParty, .partyIdentification): return .enter(.buyerIdentification)
        case (.buyerIdentification, .id): return .capture(.buyerReference)

        // Procedure
        case (.procedureProcess, .procedureCode): return .capture(.procedureType)
        case (.procedureProcess, .processJustification): return .enter(.procedureJustification)
        case (.procedureProcess, .noticeDocumentReference): return .enter(.procedureNoticeReference)
        case (.procedureJustification, .processReasonCode): return .capture(.justificationCode)
        case (.procedureJustification, .processReason): return .capture(.justificationText)
        case (.procedureNoticeReference, .id): return .capture(.previousNotice)
        case (.procedureTerms, .lotDistribution): return .enter(.lotDistribution)
        case (.lotDistribution, .lotsGroup): return .enter(.lotsGroup)
        case (.lotsGroup, .lotsGroupID): return .capture(.lotsGroupId)
        case (.lotsGroup, .procurementProjectLotReference): return .enter(.lotsGroupMember)
        case (.lotsGroupMember, .id): return .capture(.lotsGroupMember)
        case (.procedureProject, .id): return .capture(.internalReference)
        case (.procedureProject, .name): return .capture(.procedureTitle)
        case (.procedureProject, .procurementTypeCode): return .capture(.procedureNature)
        case (.procedureProject, .mainCommodityClassification): return .enter(.procedureMainClassification)
        case (.procedureProject, .additionalCommodityClassification):
            return .enter(.procedureAdditionalClassification)
        case (.procedureProject, .requestedTenderTotal): return .enter(.procedureRequestedTotal)
        case (.procedureProject, .realizedLocation): return .enter(.procedureLocation)
        case (.procedureMainClassification, .itemClassificationCode): return .capture(.procedureMainCpv)
        case (.procedureAdditionalClassification, .itemClassificationCode):
            return .capture(.procedureAdditionalCpv)
        case (.procedureRequestedTotal, .estimatedOverallContractAmount):
            return .capture(.procedureEstimatedValue)
        case (.procedureRequestedTotal, .frameworkMaximumAmount): return .capture(.procedureFrameworkMaximum)
        case (.procedureLocation, .address): return .enter(.procedureLocationAddress)
        case (.procedureLocationAddress, .countrySubentityCode): return .capture(.procedureNuts)
        case (.procedureLocationAddress, .country): return .enter(.procedureLocationCountry)
        case (.procedureLocationCountry, .identificationCode): return .capture(.procedureCountry)

        // Lots, groups of lots, parts
        case (.lot, .id): return .capture(.lotId)
        case (.lot, .tenderingProcess): return .enter(.lotProcess)
        case (.lot, .procurementProject): return .enter(.lotProject)
        case (.lotProcess, .submissionMethodCode): return .capture(.electronicSubmission)
        case (.lotProcess, .tenderSubmissionDeadlinePeriod): return .enter(.lotSubmissionPeriod)
        case (.lotProcess, .participationRequestReceptionPeriod): return .enter(.lotRequestsPeriod)
        case (.lotProcess, .openTenderEvent): return .enter(.lotOpening)
        case (.lotProcess, .auctionTerms): return .enter(.lotAuction)
        case (.lotProcess, .contractingSystem): return .enter(.lotContractingSystem)
        case (.lotProcess, .noticeDocumentReference): return .enter(.lotNoticeReference)
        case (.lotSubmissionPeriod, .endDate): return .capture(.submissionDate)
        case (.lotSubmissionPeriod, .endTime): return .capture(.submissionTime)
        case (.lotRequestsPeriod, .endDate): return .capture(.requestsDate)
        case (.lotRequestsPeriod, .endTime): return .capture(.requestsTime)
        case (.lotOpening, .occurrenceDate): return .capture(.openingDate)
        case (.lotOpening, .occurrenceTime): return .capture(.openingTime)
        case (.lotAuction, .auctionConstraintIndicator): return .capture(.electronicAuction)
        case (.lotContractingSystem, .contractingSystemTypeCode): return .capture(.contractingSystem)
        case (.lotNoticeReference, .id): return .capture(.lotPreviousNotice)
        case (.lotProject, .name): return .capture(.lotTitle)
        case (.lotProject, .procurementTypeCode): return .capture(.lotNature)
        case (.lotProject, .mainCommodityClassification): return .enter(.lotMainClassification)
        case (.lotProject, .additionalCommodityClassification): return .enter(.lotAdditionalClassification)
        case (.lotProject, .requestedTenderTotal): return .enter(.lotRequestedTotal)
        case (.lotProject, .realizedLocation): return .enter(.lotLocation)
        case (.lotMainClassification, .itemClassificationCode): return .capture(.lotMainCpv)
        case (.lotAdditionalClassification, .itemClassificationCode): return .capture(.lotAdditionalCpv)
        case (.lotRequestedTotal, .estimatedOverallContractAmount): return .capture(.lotEstimatedValue)
        case (.lotRequestedTotal, .frameworkMaximumAmount): return .capture(.lotFrameworkMaximum)
        case (.lotLocation, .address): return .enter(.lotLocationAddress)
        case (.lotLocationAddress, .countrySubentityCode): return .capture(.lotNuts)

        // Results (the eForms result graph, xml-formats.md §1.2)
        case (.noticeResult, .totalAmount): return .capture(.noticeTotal)
        case (.noticeResult, .overallMaximumFrameworkContractsAmount): return .capture(.noticeFrameworkMaximum)
        case (.noticeResult, .overallApproximateFrameworkContractsAmount):
            return .capture(.noticeFrameworkApproximate)
        case (.noticeResult, .lotResult): return .enter(.lotResult)
        case (.noticeResult, .lotTender): return .enter(.tender)
        case (.noticeResult, .settledContract): return .enter(.contract)
        case (.noticeResult, .tenderingParty): return .enter(.tenderingParty)
        case (.lotResult, .id): return .capture(.resultId)
        case (.lotResult, .tenderResultCode): return .capture(.resultCode)
        case (.lotResult, .higherTenderAmount): return .capture(.resultHighest)
        case (.lotResult, .lowerTenderAmount): return .capture(.resultLowest)
        case (.lotResult, .lotTender): return .enter(.lotResultTender)
        case (.lotResult, .settledContract): return .enter(.lotResultContract)
        case (.lotResult, .tenderLot): return .enter(.lotResultLot)
        case (.lotResult, .receivedSubmissionsStatistics): return .enter(.statistics)
        case (.lotResult, .decisionReason): return .enter(.decisionReason)
        case (.lotResult, .frameworkAgreementValues): return .enter(.frameworkValues)
        case (.lotResultTender, .id): return .capture(.resultTenderRef)
        case (.lotResultContract, .id): return .capture(.resultContractRef)
        case (.lotResultLot, .id): return .capture(.resultLotRef)
        case (.statistics, .statisticsCode): return .capture(.statisticsCode)
        case (.statistics, .statisticsNumeric): return .capture(.statisticsCount)
        case (.decisionReason, .decisionReasonCode): return .capture(.nonAwardReason)
        case (.frameworkValues, .maximumValueAmount): return .capture(.resultFrameworkMaximum)
        case (.frameworkValues, .reestimatedValueAmount): return .capture(.resultFrameworkReestimated)
        case (.tender, .id): return .capture(.tenderId)
        case (.tender, .rankCode): return .capture(.tenderRank)
        case (.tender, .tenderRankedIndicator): return .capture(.tenderRanked)
        case (.tender, .tenderVariantIndicator): return .capture(.tenderVariant)
        case (.tender, .legalMonetaryTotal): return .enter(.tenderTotal)
        case (.tender, .tenderingParty): return .enter(.tenderParty)
        case (.tender, .tenderLot): return .enter(.tenderLot)
        case (.tender, .tenderReference): return .enter(.tenderReference)
        case (.tenderTotal, .payableAmount): return .capture(.tenderAmount)
        case (.tenderParty, .id): return .capture(.tenderPartyRef)
        case (.tenderLot, .id): return .capture(.tenderLotRef)
        case (.tenderReference, .id): return .capture(.tenderReference)
        case (.contract, .id): return .capture(.contractId)
        case (.contract, .awardDate): return .capture(.contractAwardDate)
        case (.contract, .issueDate): return .capture(.contractIssueDate)
        case (.contract, .title): return .capture(.contractTitle)
        case (.contract, .contractFrameworkIndicator): return .capture(.contractFramework)
        case (.contract, .lotTender): return .enter(.contractTender)
        case (.contract, .contractReference): return .enter(.contractReference)
        case (.contractTender, .id): return .capture(.contractTenderRef)
        case (.contractReference, .id): return .capture(.contractReference)
        case (.tenderingParty, .id): return .capture(.partyId)
        case (.tenderingParty, .name): return .capture(.partyName)
        case (.tenderingParty, .tenderer): return .enter(.tenderer)
        case (.tenderer, .id): return .capture(.partyMemberRef)
        case (.tenderer, .groupLeadIndicator): return .capture(.partyMemberLeader)

        // Withheld fields: the declaration sits inside the element whose field it withholds.
        case (_, .fieldsPrivacy) where EFormsScope.privacyOwners.contains(self): return .enter(.privacy)
        case (.privacy, .fieldIdentifierCode): return .capture(.privacyField)
        case (.privacy, .reasonCode): return .capture(.privacyReason)
        case (.privacy, .publicationDate): return .capture(.privacyReleaseDate)

        default: return .skip
        }
    }

    /// Scopes whose fields can be withheld (eForms non-publication identifiers).
    static let privacyOwners: Set<EFormsScope> = [
        .procedureProcess, .procedureJustification, .noticeResult, .lotResult, .frameworkValues, .decisionReason,
        .statistics, .tender,
    ]
}
