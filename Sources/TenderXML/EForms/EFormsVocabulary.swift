/// The XML namespaces of eForms notices (UBL 2.3 plus the eForms extensions).
enum EFormsNamespace: UInt8, CaseIterable {
    case cbc, cac, ext, efext, efac, efbc

    var uri: String {
        switch self {
        case .cbc: return "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
        case .cac: return "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
        case .ext: return "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
        case .efext: return "http://data.europa.eu/p27/eforms-ubl-extensions/1"
        case .efac: return "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"
        case .efbc: return "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"
        }
    }
}

/// The root elements of eForms notices, in the namespace of their document type.
enum EFormsRoot: String, CaseIterable {
    case contractNotice = "ContractNotice"
    case contractAwardNotice = "ContractAwardNotice"
    case priorInformationNotice = "PriorInformationNotice"
    case businessRegistrationInformationNotice = "BusinessRegistrationInformationNotice"

    var namespaceURI: String {
        "urn:oasis:names:specification:ubl:schema:xsd:\(rawValue)-2"
    }
}

/// Every element the eForms reader looks at. Anything else is `.other` and its whole
/// subtree is skipped without work. Names are matched by interned pointer *and* namespace.
enum EFormsElement: UInt8, CaseIterable {
    case other = 0
    // ext / efext: transparent wrappers.
    case ublExtensions, ublExtension, extensionContent, eformsExtension
    // cbc
    case id, contractFolderID, customizationID, issueDate, issueTime, versionID, regulatoryDomain
    case noticeTypeCode, noticeLanguageCode, partyTypeCode, activityTypeCode, procedureCode
    case processReasonCode, processReason, name, procurementTypeCode, itemClassificationCode
    case estimatedOverallContractAmount, countrySubentityCode, identificationCode, cityName, companyID
    case submissionMethodCode, endDate, endTime, occurrenceDate, occurrenceTime
    case auctionConstraintIndicator, contractingSystemTypeCode, lotsGroupID, totalAmount
    case tenderResultCode, higherTenderAmount, lowerTenderAmount, maximumValueAmount, rankCode
    case payableAmount, awardDate, title, reasonCode, subTypeCode
    // cac
    case contractingParty, contractingPartyType, contractingActivity, party, partyIdentification
    case tenderingProcess, processJustification, noticeDocumentReference, procurementProject
    case mainCommodityClassification, additionalCommodityClassification, requestedTenderTotal
    case realizedLocation, address, country, procurementProjectLot, tenderingTerms, lotDistribution
    case lotsGroup, procurementProjectLotReference, tenderSubmissionDeadlinePeriod
    case participationRequestReceptionPeriod, openTenderEvent, auctionTerms, contractingSystem
    case partyName, postalAddress, partyLegalEntity, legalMonetaryTotal
    // efac
    case noticeSubType, publication, changes, change, changedSection, changeReason
    case contractModification, organizations, organization, company, noticeResult, lotResult
    case lotTender, settledContract, tenderLot, receivedSubmissionsStatistics, decisionReason
    case frameworkAgreementValues, tenderingParty, tenderer, tenderReference, contractReference
    case fieldsPrivacy
    // efbc
    case changedNoticeIdentifier, changeDescription, changedSectionIdentifier, reasonDescription
    case modifiedContractIdentifier, noticePublicationID, gazetteID, publicationDate
    case fieldIdentifierCode, statisticsCode, statisticsNumeric, decisionReasonCode
    case reestimatedValueAmount, overallMaximumFrameworkContractsAmount
    case overallApproximateFrameworkContractsAmount, tenderRankedIndicator, tenderVariantIndicator
    case groupLeadIndicator, contractFrameworkIndicator, companySizeCode, naturalPersonIndicator
    case frameworkMaximumAmount

    /// The element's local name as written in XML: the case name with its first letter upper-cased,
    /// except where UBL spells it otherwise.
    var localName: String {
        switch self {
        case .other: return ""
        case .ublExtensions: return "UBLExtensions"
        case .ublExtension: return "UBLExtension"
        case .eformsExtension: return "EformsExtension"
        case .id: return "ID"
        case .contractFolderID: return "ContractFolderID"
        case .customizationID: return "CustomizationID"
        case .versionID: return "VersionID"
        case .companyID: return "CompanyID"
        case .lotsGroupID: return "LotsGroupID"
        case .noticePublicationID: return "NoticePublicationID"
        case .gazetteID: return "GazetteID"
        default:
            let name = String(describing: self)
            return name.prefix(1).uppercased() + name.dropFirst()
        }
    }

    var namespace: EFormsNamespace {
        switch rawValue {
        case EFormsElement.ublExtensions.rawValue...EFormsElement.extensionContent.rawValue: return .ext
        case EFormsElement.eformsExtension.rawValue: return .efext
        case EFormsElement.id.rawValue...EFormsElement.subTypeCode.rawValue: return .cbc
        case EFormsElement.contractingParty.rawValue...EFormsElement.legalMonetaryTotal.rawValue: return .cac
        case EFormsElement.noticeSubType.rawValue...EFormsElement.fieldsPrivacy.rawValue: return .efac
        default: return .efbc
        }
    }

    /// Wrappers that carry no meaning of their own: an `ext:UBLExtensions` block is read as
    /// part of the element that holds it (e.g. BT-271 inside `cac:RequestedTenderTotal`).
    var isTransparent: Bool {
        rawValue >= EFormsElement.ublExtensions.rawValue && rawValue <= EFormsElement.eformsExtension.rawValue
    }
}

/// The attributes the reader needs.
enum EFormsAttribute: UInt8, CaseIterable {
    case schemeName, listName, currencyID, languageID
}
