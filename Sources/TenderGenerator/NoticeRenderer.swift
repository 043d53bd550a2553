import TenderModel

/// One file to write.
struct RenderedNotice {
    var fileName: [UInt8]
    var bytes: [UInt8]
}

/// Strings of the catalogue as escaped UTF-8, computed once.
struct CatalogueBytes {
    var languages: [[UInt8]]
    var countryCodes: [[UInt8]]
    var towns: [[[UInt8]]]
    var nuts: [[[UInt8]]]
    var postcodes: [[[UInt8]]]
    var reviewBodies: [[[UInt8]]]
    var sdks: [[UInt8]]

    init() {
        let countries = Catalogue.countries
        languages = countries.map { Array($0.language.utf8) }
        countryCodes = countries.map { Array($0.code.utf8) }
        towns = countries.map { $0.towns.map { Text.escaped($0.name) } }
        nuts = countries.map { $0.towns.map { Array($0.nuts.utf8) } }
        postcodes = countries.map { $0.towns.map { Text.escaped($0.postcode) } }
        reviewBodies = countries.map { country in
            country.towns.map { Text.escaped(country.reviewBody.replacing("{T}", with: $0.name)) }
        }
        sdks = Catalogue.sdkVersions.map { Array($0.utf8) }
    }
}

private let contractNamespaces: StaticString = """
     xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2" \
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" \
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" \
    xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1" \
    xmlns:efbc="http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1" \
    xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1" \
    xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    """

private let awardNamespaces: StaticString = """
     xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2" \
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" \
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" \
    xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1" \
    xmlns:efbc="http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1" \
    xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1" \
    xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    """

/// Writes a procedure's notices as eForms XML, following the structure of the hand-written
/// fixtures (`Fixtures/screening/clean/`, `Fixtures/eforms/*`).
struct NoticeRenderer {
    let plan: MarketPlan
    let strings: CatalogueBytes
    let spec: ProcedureSpec
    let buyer: BuyerEntity

    init(plan: MarketPlan, strings: CatalogueBytes, spec: ProcedureSpec) {
        self.plan = plan
        self.strings = strings
        self.spec = spec
        buyer = plan.market.buyers[spec.buyer]
    }

    /// Every notice of the procedure: contract notice, change notice, award notice (or only
    /// the award notice / VEAT of a direct award).
    func render() -> [RenderedNotice] {
        var notices: [RenderedNotice] = []
        func add(kind: Int, dispatch: Int32, _ bytes: (_ published: Int32) -> [UInt8]) {
            let published = publicationDay(kind: kind, dispatch: dispatch)
            notices.append(RenderedNotice(fileName: fileName(kind: kind, published: published), bytes: bytes(published)))
        }
        if spec.hasContractNotice {
            add(kind: 0, dispatch: spec.contractNoticeDay) { contractNotice(change: false, published: $0) }
            if spec.hasChangeNotice {
                add(kind: 1, dispatch: spec.changeNoticeDay!) { contractNotice(change: true, published: $0) }
            }
        }
        add(kind: 2, dispatch: spec.awardNoticeDay) { awardNotice(published: $0) }
        return notices
    }

    // MARK: identifiers and dates

    /// OJ S publication number: unique per notice (`kind` 0 contract, 1 change, 2 award notice).
    func publicationNumber(kind: Int) -> Int {
        100_000 + spec.index * 3 + kind
    }

    func publicationDay(kind: Int, dispatch: Int32) -> Int32 {
        let delay = 2 + SplitMix64.hash(plan.seed, UInt64(spec.index), UInt64(kind), 0x7075) % 4
        return followingWorkday(dispatch + Int32(delay))
    }

    /// The OJ S identifier of notice `kind` published on `published`: `00100003-2024`.
    func publicationId(_ buffer: inout XMLBuffer, kind: Int, published: Int32) {
        buffer.integer(publicationNumber(kind: kind), width: 8)
        buffer.byte(0x2D)
        buffer.integer(CalendarDate(daysSinceEpoch: published).year)
    }

    func fileName(kind: Int, published: Int32) -> [UInt8] {
        var buffer = XMLBuffer(compact: true, capacity: 24)
        publicationId(&buffer, kind: kind, published: published)
        buffer.raw(".xml")
        return buffer.bytes
    }

    /// The buyer's local offset on `day`: standard time, plus one hour from the last Sunday of
    /// March to the last Sunday of October.
    func offset(_ day: Int32) -> Offset {
        let base = Catalogue.countries[spec.country].offset
        let year = CalendarDate(daysSinceEpoch: day).year
        let march = CalendarDate(year: year, month: 3, day: 31)!.daysSinceEpoch
        let october = CalendarDate(year: year, month: 10, day: 31)!.daysSinceEpoch
        let start = march - Int32(weekday(march))
        let end = october - Int32(weekday(october))
        return Offset(hours: base + (day >= start && day < end ? 1 : 0))
    }

    var language: [UInt8] { strings.languages[spec.country] }

    // MARK: shared parts

    func openExtension(_ x: inout XMLBuffer) {
        x.open("ext:UBLExtensions")
        x.open("ext:UBLExtension")
        x.open("ext:ExtensionContent")
        x.open("efext:EformsExtension")
    }

    func closeExtension(_ x: inout XMLBuffer) {
        x.close("efext:EformsExtension")
        x.close("ext:ExtensionContent")
        x.close("ext:UBLExtension")
        x.close("ext:UBLExtensions")
    }

    func subtype(_ x: inout XMLBuffer, _ code: StaticString) {
        x.open("efac:NoticeSubType")
        x.leaf("cbc:SubTypeCode", " listName=\"notice-subtype\"", code)
        x.close("efac:NoticeSubType")
    }

    func organization(_ x: inout XMLBuffer, _ entity: OrganizationEntity, number: Int, size: String?, website: Bool) {
        let country = entity.country
        x.open("efac:Organization")
        x.open("efac:Company")
        if website { x.leaf("cbc:WebsiteURI", bytes: entity.website) }
        if let size {
            x.leaf("efbc:CompanySizeCode", " listName=\"economic-operator-size\"") { $0.raw(Array(size.utf8)) }
        }
        x.open("cac:PartyIdentification")
        x.leaf("cbc:ID", " schemeName=\"organization\"", prefix: "ORG-", number: number)
        x.close("cac:PartyIdentification")
        x.open("cac:PartyName")
        x.leaf("cbc:Name", language: language, bytes: entity.name)
        x.close("cac:PartyName")
        x.open("cac:PostalAddress")
        x.leaf("cbc:StreetName", bytes: entity.street)
        x.leaf("cbc:CityName", bytes: strings.towns[country][entity.town])
        x.leaf("cbc:PostalZone", bytes: strings.postcodes[country][entity.town])
        x.leaf("cbc:CountrySubentityCode", " listName=\"nuts\"", bytes: strings.nuts[country][entity.town])
        x.open("cac:Country")
        x.leaf("cbc:IdentificationCode", " listName=\"country\"", bytes: strings.countryCodes[country])
        x.close("cac:Country")
        x.close("cac:PostalAddress")
        x.open("cac:PartyLegalEntity")
        x.leaf("cbc:CompanyID", bytes: entity.nationalId)
        x.close("cac:PartyLegalEntity")
        x.open("cac:Contact")
        x.leaf("cbc:Telephone", bytes: entity.phone)
        x.leaf("cbc:ElectronicMail", bytes: entity.email)
        x.close("cac:Contact")
        x.close("efac:Company")
        x.close("efac:Organization")
    }

    /// The buyer (ORG-0001) and the review body (ORG-0002).
    func authorityOrganizations(_ x: inout XMLBuffer) {
        organization(&x, buyer.organization, number: 1, size: nil, website: true)
        let town = buyer.organization.town
        x.open("efac:Organization")
        x.open("efac:Company")
        x.open("cac:PartyIdentification")
        x.leaf("cbc:ID", " schemeName=\"organization\"", prefix: "ORG-", number: 2)
        x.close("cac:PartyIdentification")
        x.open("cac:PartyName")
        x.leaf("cbc:Name", language: language, bytes: strings.reviewBodies[spec.country][town])
        x.close("cac:PartyName")
        x.open("cac:PostalAddress")
        x.leaf("cbc:CityName", bytes: strings.towns[spec.country][town])
        x.leaf("cbc:CountrySubentityCode", " listName=\"nuts\"", bytes: strings.nuts[spec.country][town])
        x.open("cac:Country")
        x.leaf("cbc:IdentificationCode", " listName=\"country\"", bytes: strings.countryCodes[spec.country])
        x.close("cac:Country")
        x.close("cac:PostalAddress")
        x.close("efac:Company")
        x.close("efac:Organization")
    }

    func publication(_ x: inout XMLBuffer, kind: Int, published day: Int32) {
        let date = CalendarDate(daysSinceEpoch: day)
        let dayOfYear = Int(day - CalendarDate(year: date.year, month: 1, day: 1)!.daysSinceEpoch)
        x.open("efac:Publication")
        x.leaf("efbc:NoticePublicationID", " schemeName=\"ojs-notice-id\"") {
            publicationId(&$0, kind: kind, published: day)
        }
        x.leaf("efbc:GazetteID", " schemeName=\"ojs-id\"") { buffer in
            buffer.integer(1 + dayOfYear * 250 / 366)
            buffer.byte(0x2F)
            buffer.integer(date.year)
        }
        x.leaf("efbc:PublicationDate", date: day, offset: .utc)
        x.close("efac:Publication")
    }

    func header(_ x: inout XMLBuffer, noticeId: [UInt8], day: Int32, minutes: Int) {
        x.leaf("cbc:UBLVersionID", "", "2.3")
        x.leaf("cbc:CustomizationID", bytes: strings.sdks[spec.sdk])
        x.leaf("cbc:ID", " schemeName=\"notice-id\"", bytes: noticeId)
        x.leaf("cbc:ContractFolderID", bytes: spec.id)
        x.leaf("cbc:IssueDate", date: day, offset: offset(day))
        x.leaf("cbc:IssueTime", minutes: minutes, offset: offset(day))
        x.leaf("cbc:VersionID", "", "01")
        x.leaf("cbc:RegulatoryDomain", bytes: Array(buyer.legalBasis.utf8))
    }

    func contractingParty(_ x: inout XMLBuffer) {
        x.open("cac:ContractingParty")
        x.leaf("cbc:BuyerProfileURI", bytes: buyer.organization.website)
        x.open("cac:ContractingPartyType")
        x.leaf("cbc:PartyTypeCode", " listName=\"buyer-legal-type\"", bytes: Array(buyer.legalType.utf8))
        x.close("cac:ContractingPartyType")
        x.open("cac:ContractingActivity")
        if buyer.utility {
            x.leaf("cbc:ActivityTypeCode", " listName=\"entity-activity\"", bytes: Array(buyer.activity.utf8))
        } else {
            x.leaf("cbc:ActivityTypeCode", " listName=\"authority-activity\"", bytes: Array(buyer.activity.utf8))
        }
        x.close("cac:ContractingActivity")
        x.open("cac:Party")
        x.open("cac:PartyIdentification")
        x.leaf("cbc:ID", " schemeName=\"organization\"", prefix: "ORG-", number: 1)
        x.close("cac:PartyIdentification")
        x.close("cac:Party")
        x.close("cac:ContractingParty")
    }

    func natureCode(_ x: inout XMLBuffer) {
        switch spec.nature {
        case .works: x.leaf("cbc:ProcurementTypeCode", " listName=\"contract-nature\"", "works")
        case .supplies: x.leaf("cbc:ProcurementTypeCode", " listName=\"contract-nature\"", "supplies")
        case .services: x.leaf("cbc:ProcurementTypeCode", " listName=\"contract-nature\"", "services")
        }
    }

    func cpv(_ x: inout XMLBuffer, _ code: String) {
        x.open("cac:MainCommodityClassification")
        x.leaf("cbc:ItemClassificationCode", " listName=\"cpv\"", bytes: Array(code.utf8))
        x.close("cac:MainCommodityClassification")
    }

    func location(_ x: inout XMLBuffer) {
        x.open("cac:RealizedLocation")
        x.open("cac:Address")
        x.leaf("cbc:CountrySubentityCode", " listName=\"nuts\"", bytes: strings.nuts[spec.country][buyer.organization.town])
        x.open("cac:Country")
        x.leaf("cbc:IdentificationCode", " listName=\"country\"", bytes: strings.countryCodes[spec.country])
        x.close("cac:Country")
        x.close("cac:Address")
        x.close("cac:RealizedLocation")
    }

    /// BT-27 (and BT-271 for frameworks in the call).
    func requestedTotal(_ x: inout XMLBuffer, estimate: Int64?, frameworkMaximum: Int64?) {
        guard estimate != nil || frameworkMaximum != nil else { return }
        x.open("cac:RequestedTenderTotal")
        if let frameworkMaximum {
            openExtension(&x)
            x.leaf("efbc:FrameworkMaximumAmount", cents: frameworkMaximum * 100, withCents: false)
            closeExtension(&x)
        }
        if let estimate { x.leaf("cbc:EstimatedOverallContractAmount", cents: estimate * 100, withCents: false) }
        x.close("cac:RequestedTenderTotal")
    }

    /// The procedure's estimate: the sum of the lots', when every lot has one.
    var procedureEstimate: Int64? {
        var total: Int64 = 0
        for lot in spec.lots {
            guard let estimate = lot.estimate else { return nil }
            total += estimate
        }
        return total
    }

    func procurementProject(_ x: inout XMLBuffer, withEstimate: Bool) {
        x.open("cac:ProcurementProject")
        x.leaf("cbc:ID", " schemeName=\"InternalID\"", bytes: spec.reference)
        x.leaf("cbc:Name", language: language, bytes: spec.title)
        natureCode(&x)
        if withEstimate { requestedTotal(&x, estimate: procedureEstimate, frameworkMaximum: nil) }
        cpv(&x, spec.mainCpv)
        location(&x)
        x.close("cac:ProcurementProject")
    }

    func lotIdentifier(_ x: inout XMLBuffer, _ number: Int) {
        x.leaf("cbc:ID", " schemeName=\"Lot\"", prefix: "LOT-", number: number)
    }

    func appealTerms(_ x: inout XMLBuffer) {
        x.open("cac:AppealTerms")
        x.open("cac:AppealReceiverParty")
        x.open("cac:PartyIdentification")
        x.leaf("cbc:ID", " schemeName=\"organization\"", prefix: "ORG-", number: 2)
        x.close("cac:PartyIdentification")
        x.close("cac:AppealReceiverParty")
        x.close("cac:AppealTerms")
    }

    func contractingSystems(_ x: inout XMLBuffer, framework: Bool) {
        x.open("cac:ContractingSystem")
        if framework {
            x.leaf("cbc:ContractingSystemTypeCode", " listName=\"framework-agreement\"", "fa-wo-rc")
        } else {
            x.leaf("cbc:ContractingSystemTypeCode", " listName=\"framework-agreement\"", "none")
        }
        x.close("cac:ContractingSystem")
        x.open("cac:ContractingSystem")
        x.leaf("cbc:ContractingSystemTypeCode", " listName=\"dps-usage\"", "none")
        x.close("cac:ContractingSystem")
    }

    /// The buyer's internal reference of a lot (`<reference>-L<n>`), as in contract and award notices.
    func lotInternalId(_ x: inout XMLBuffer, _ lot: LotSpec) {
        x.leaf("cbc:ID", " schemeName=\"InternalID\"") { buffer in
            buffer.raw(spec.reference)
            buffer.raw("-L")
            buffer.integer(lot.number)
        }
    }

    func lotTitle(_ lot: LotSpec) -> [UInt8] {
        lot.title.isEmpty ? spec.title : lot.title
    }

    // MARK: contract notice

    func contractNotice(change: Bool, published: Int32) -> [UInt8] {
        var x = XMLBuffer(compact: change ? spec.compactChangeNotice : spec.compactContractNotice)
        let day = change ? spec.changeNoticeDay! : spec.contractNoticeDay
        x.start(root: "ContractNotice", namespaces: contractNamespaces)
        openExtension(&x)
        if change { changes(&x) }
        subtype(&x, "16")
        x.open("efac:Organizations")
        authorityOrganizations(&x)
        x.close("efac:Organizations")
        publication(&x, kind: change ? 1 : 0, published: published)
        closeExtension(&x)
        header(&x, noticeId: change ? spec.changeNoticeId : spec.contractNoticeId, day: day,
               minutes: change ? (spec.contractNoticeMinutes + 97) % (17 * 60) : spec.contractNoticeMinutes)
        x.leaf("cbc:NoticeTypeCode", " listName=\"competition\"", "cn-standard")
        x.leaf("cbc:NoticeLanguageCode", bytes: language)
        contractingParty(&x)
        x.open("cac:TenderingProcess")
        x.leaf("cbc:ProcedureCode", " listName=\"procurement-procedure-type\"", spec.type.code)
        x.open("cac:ProcessJustification")
        if spec.accelerated {
            x.leaf("cbc:ProcessReasonCode", " listName=\"accelerated-procedure\"", "true")
            if let text = spec.urgencyText { x.leaf("cbc:ProcessReason", language: Array("ENG".utf8), bytes: text) }
        } else {
            x.leaf("cbc:ProcessReasonCode", " listName=\"accelerated-procedure\"", "false")
        }
        x.close("cac:ProcessJustification")
        x.close("cac:TenderingProcess")
        procurementProject(&x, withEstimate: true)
        for lot in spec.lots { contractLot(&x, lot, change: change) }
        x.end(root: "ContractNotice")
        return x.bytes
    }

    func changes(_ x: inout XMLBuffer) {
        x.open("efac:Changes")
        x.leaf("efbc:ChangedNoticeIdentifier", "") { buffer in
            buffer.raw(spec.contractNoticeId)
            buffer.raw("-01")
        }
        x.open("efac:Change")
        x.leaf("efbc:ChangeDescription", language: Array("ENG".utf8),
               bytes: Array("The time limit for receipt of tenders is changed.".utf8))
        for lot in spec.lots {
            x.open("efac:ChangedSection")
            x.leaf("efbc:ChangedSectionIdentifier", "", prefix: "LOT-", number: lot.number)
            x.close("efac:ChangedSection")
        }
        x.close("efac:Change")
        x.open("efac:ChangeReason")
        x.leaf("cbc:ReasonCode", " listName=\"change-corrig-justification\"", "cor-buy")
        x.leaf("efbc:ReasonDescription", language: Array("ENG".utf8), bytes: spec.changeReason)
        x.close("efac:ChangeReason")
        x.close("efac:Changes")
    }

    func contractLot(_ x: inout XMLBuffer, _ lot: LotSpec, change: Bool) {
        x.open("cac:ProcurementProjectLot")
        lotIdentifier(&x, lot.number)
        x.open("cac:TenderingTerms")
        appealTerms(&x)
        x.open("cac:Language")
        x.leaf("cbc:ID", bytes: language)
        x.close("cac:Language")
        x.close("cac:TenderingTerms")
        x.open("cac:TenderingProcess")
        x.leaf("cbc:SubmissionMethodCode", " listName=\"esubmission\"", lot.electronicSubmission.code)
        x.leaf("cbc:GovernmentAgreementConstraintIndicator", "", "true")
        if let requests = lot.requestsDeadline {
            x.open("cac:ParticipationRequestReceptionPeriod")
            x.leaf("cbc:EndDate", date: requests, offset: offset(requests))
            x.leaf("cbc:EndTime", minutes: lot.deadlineMinutes, offset: offset(requests))
            x.close("cac:ParticipationRequestReceptionPeriod")
        }
        if let first = lot.deadline {
            let deadline = change ? lot.changedDeadline ?? first : first
            x.open("cac:TenderSubmissionDeadlinePeriod")
            x.leaf("cbc:EndDate", date: deadline, offset: offset(deadline))
            x.leaf("cbc:EndTime", minutes: lot.deadlineMinutes, offset: offset(deadline))
            x.close("cac:TenderSubmissionDeadlinePeriod")
            x.open("cac:OpenTenderEvent")
            x.leaf("cbc:OccurrenceDate", date: deadline, offset: offset(deadline))
            x.leaf("cbc:OccurrenceTime", minutes: lot.deadlineMinutes + 120, offset: offset(deadline))
            x.close("cac:OpenTenderEvent")
        }
        x.open("cac:AuctionTerms")
        x.leaf("cbc:AuctionConstraintIndicator", "", "false")
        x.close("cac:AuctionTerms")
        contractingSystems(&x, framework: lot.framework)
        x.close("cac:TenderingProcess")
        x.open("cac:ProcurementProject")
        lotInternalId(&x, lot)
        x.leaf("cbc:Name", language: language, bytes: lotTitle(lot))
        natureCode(&x)
        requestedTotal(&x, estimate: lot.estimate, frameworkMaximum: lot.frameworkMaximum)
        cpv(&x, lot.cpv)
        location(&x)
        x.open("cac:PlannedPeriod")
        x.leaf("cbc:DurationMeasure", " unitCode=\"MONTH\"", int: spec.durationMonths)
        x.close("cac:PlannedPeriod")
        x.close("cac:ProcurementProject")
        x.close("cac:ProcurementProjectLot")
    }

    // MARK: award notice

    /// Tendering parties in order of first listing: TPA-n is organisation ORG-(n+2).
    func parties() -> [Int] {
        var order: [Int] = []
        for lot in spec.lots {
            for tender in lot.tenders where tender.listed && !order.contains(tender.supplier) {
                order.append(tender.supplier)
            }
        }
        return order
    }

    func writtenAmount(_ tender: TenderSpec) -> Int64 {
        tender.placeholder.map { Int64($0) * 100 } ?? tender.cents
    }

    /// BT-161: the winning values as written; omitted when it would equal one tender's value in a
    /// notice of several lots (the engine would read that as a copied total).
    func noticeTotal() -> Int64? {
        var total: Int64 = 0
        for lot in spec.lots where !lot.tenders.isEmpty { total += writtenAmount(lot.tenders[lot.winner]) }
        if spec.lots.count > 1 {
            for lot in spec.lots {
                for tender in lot.tenders where tender.listed && writtenAmount(tender) == total { return nil }
            }
        }
        return total
    }

    func amount(_ x: inout XMLBuffer, _ tag: StaticString, _ tender: TenderSpec) {
        if let placeholder = tender.placeholder {
            x.leaf(tag, " currencyID=\"EUR\"", int: placeholder)
        } else {
            x.leaf(tag, cents: tender.cents, withCents: tender.withCents)
        }
    }

    func privacy(_ x: inout XMLBuffer, field: StaticString, until day: Int32) {
        x.open("efac:FieldsPrivacy")
        x.leaf("efbc:FieldIdentifierCode", " listName=\"non-publication-identifier\"", field)
        x.leaf("cbc:ReasonCode", " listName=\"non-publication-justification\"", "oth-int")
        x.leaf("efbc:ReasonDescription", language: Array("ENG".utf8),
               bytes: Array("Commercially sensitive until the contract has been performed.".utf8))
        x.leaf("efbc:PublicationDate", date: day, offset: .utc)
        x.close("efac:FieldsPrivacy")
    }

    func awardNotice(published: Int32) -> [UInt8] {
        var x = XMLBuffer(compact: spec.compactAwardNotice)
        let day = spec.awardNoticeDay
        let parties = parties()
        func partyNumber(_ supplier: Int) -> Int { (parties.firstIndex(of: supplier) ?? 0) + 1 }

        x.start(root: "ContractAwardNotice", namespaces: awardNamespaces)
        openExtension(&x)
        x.open("efac:NoticeResult")
        if spec.withheldTotal { privacy(&x, field: "not-val", until: day + 730) }
        if let total = noticeTotal() { x.leaf("cbc:TotalAmount", cents: total, withCents: true) }

        var tenderNumbers: [[Int]] = []
        var next = 1
        for lot in spec.lots {
            var numbers: [Int] = []
            for tender in lot.tenders {
                numbers.append(tender.listed ? next : 0)
                if tender.listed { next += 1 }
            }
            tenderNumbers.append(numbers)
        }

        for (position, lot) in spec.lots.enumerated() {
            x.open("efac:LotResult")
            x.leaf("cbc:ID", " schemeName=\"result\"", prefix: "RES-", number: position + 1)
            if lot.lowerHigher {
                let listed = lot.tenders.filter(\.listed)
                x.leaf("cbc:HigherTenderAmount", cents: listed.map(\.cents).max()!, withCents: true)
                x.leaf("cbc:LowerTenderAmount", cents: listed.map(\.cents).min()!, withCents: true)
            }
            x.leaf("cbc:TenderResultCode", " listName=\"winner-selection-status\"", "selec-w")
            if let maximum = lot.frameworkMaximum {
                x.open("efac:FrameworkAgreementValues")
                x.leaf("cbc:MaximumValueAmount", cents: maximum * 100, withCents: false)
                x.close("efac:FrameworkAgreementValues")
            }
            for (tender, number) in zip(lot.tenders, tenderNumbers[position]) where tender.listed {
                x.open("efac:LotTender")
                x.leaf("cbc:ID", " schemeName=\"tender\"", prefix: "TEN-", number: number)
                x.close("efac:LotTender")
            }
            if let statistics = lot.statistics {
                x.open("efac:ReceivedSubmissionsStatistics")
                x.leaf("efbc:StatisticsCode", " listName=\"received-submission-type\"", "tenders")
                x.leaf("efbc:StatisticsNumeric", int: statistics)
                x.close("efac:ReceivedSubmissionsStatistics")
            }
            x.open("efac:SettledContract")
            x.leaf("cbc:ID", " schemeName=\"contract\"", prefix: "CON-", number: position + 1)
            x.close("efac:SettledContract")
            x.open("efac:TenderLot")
            lotIdentifier(&x, lot.number)
            x.close("efac:TenderLot")
            x.close("efac:LotResult")
        }

        for (position, lot) in spec.lots.enumerated() {
            for (tender, number) in zip(lot.tenders, tenderNumbers[position]) where tender.listed {
                x.open("efac:LotTender")
                if tender.withheld { privacy(&x, field: "win-ten-val", until: day + 730) }
                x.leaf("cbc:ID", " schemeName=\"tender\"", prefix: "TEN-", number: number)
                if spec.ranks {
                    x.leaf("cbc:RankCode", int: tender.rank)
                    x.leaf("efbc:TenderRankedIndicator", "", "true")
                }
                x.leaf("efbc:TenderVariantIndicator", "", "false")
                x.open("cac:LegalMonetaryTotal")
                amount(&x, "cbc:PayableAmount", tender)
                x.close("cac:LegalMonetaryTotal")
                x.open("efac:TenderingParty")
                x.leaf("cbc:ID", " schemeName=\"tendering-party\"", prefix: "TPA-", number: partyNumber(tender.supplier))
                x.close("efac:TenderingParty")
                x.open("efac:TenderLot")
                lotIdentifier(&x, lot.number)
                x.close("efac:TenderLot")
                x.open("efac:TenderReference")
                x.leaf("cbc:ID", "") { buffer in
                    buffer.raw(spec.reference)
                    buffer.raw("-T")
                    buffer.integer(number)
                }
                x.close("efac:TenderReference")
                x.close("efac:LotTender")
            }
        }

        for (position, lot) in spec.lots.enumerated() where !lot.tenders.isEmpty {
            x.open("efac:SettledContract")
            x.leaf("cbc:ID", " schemeName=\"contract\"", prefix: "CON-", number: position + 1)
            x.leaf("cbc:AwardDate", date: lot.awardDate, offset: offset(lot.awardDate))
            if let conclusion = lot.conclusionDate {
                x.leaf("cbc:IssueDate", date: conclusion, offset: offset(conclusion))
            }
            x.leaf("cbc:Title", language: language, bytes: lotTitle(lot))
            x.leaf("efbc:ContractFrameworkIndicator", "", lot.framework ? "true" : "false")
            x.open("efac:ContractReference")
            x.leaf("cbc:ID", "") { buffer in
                buffer.raw(spec.reference)
                buffer.raw("-C")
                buffer.integer(position + 1)
            }
            x.close("efac:ContractReference")
            x.open("efac:LotTender")
            x.leaf("cbc:ID", " schemeName=\"tender\"", prefix: "TEN-", number: tenderNumbers[position][lot.winner])
            x.close("efac:LotTender")
            x.close("efac:SettledContract")
        }

        for position in parties.indices {
            x.open("efac:TenderingParty")
            x.leaf("cbc:ID", " schemeName=\"tendering-party\"", prefix: "TPA-", number: position + 1)
            x.open("efac:Tenderer")
            x.leaf("cbc:ID", " schemeName=\"organization\"", prefix: "ORG-", number: position + 3)
            x.close("efac:Tenderer")
            x.close("efac:TenderingParty")
        }
        x.close("efac:NoticeResult")
        subtype(&x, spec.veat ? "25" : "29")
        x.open("efac:Organizations")
        authorityOrganizations(&x)
        for (position, supplier) in parties.enumerated() {
            let entity = plan.market.suppliers[supplier]
            organization(&x, entity.organization, number: position + 3, size: entity.size, website: false)
        }
        x.close("efac:Organizations")
        publication(&x, kind: 2, published: published)
        closeExtension(&x)

        header(&x, noticeId: spec.awardNoticeId, day: day, minutes: spec.awardNoticeMinutes)
        if spec.veat {
            x.leaf("cbc:NoticeTypeCode", " listName=\"dir-awa-pre\"", "veat")
        } else {
            x.leaf("cbc:NoticeTypeCode", " listName=\"result\"", "can-standard")
        }
        x.leaf("cbc:NoticeLanguageCode", bytes: language)
        contractingParty(&x)
        x.open("cac:TenderingProcess")
        x.leaf("cbc:ProcedureCode", " listName=\"procurement-procedure-type\"", spec.type.code)
        if spec.hasContractNotice {
            x.open("cac:NoticeDocumentReference")
            x.leaf("cbc:ID", " schemeName=\"ojs-notice-id\"") {
                publicationId(&$0, kind: 0, published: publicationDay(kind: 0, dispatch: spec.contractNoticeDay))
            }
            x.close("cac:NoticeDocumentReference")
            x.open("cac:ProcessJustification")
            x.leaf("cbc:ProcessReasonCode", " listName=\"accelerated-procedure\"", spec.accelerated ? "true" : "false")
            x.close("cac:ProcessJustification")
        } else if let code = spec.directJustification {
            x.open("cac:ProcessJustification")
            x.leaf("cbc:ProcessReasonCode", " listName=\"direct-award-justification\"", bytes: Array(code.utf8))
            x.leaf("cbc:ProcessReason", language: Array("ENG".utf8),
                   bytes: Text.escaped(Catalogue.directAwardTexts[code] ?? ""))
            x.close("cac:ProcessJustification")
        }
        x.close("cac:TenderingProcess")
        procurementProject(&x, withEstimate: !spec.hasContractNotice || spec.lots.count == 1)
        for lot in spec.lots {
            x.open("cac:ProcurementProjectLot")
            lotIdentifier(&x, lot.number)
            x.open("cac:TenderingTerms")
            appealTerms(&x)
            x.close("cac:TenderingTerms")
            x.open("cac:TenderingProcess")
            x.leaf("cbc:GovernmentAgreementConstraintIndicator", "", "true")
            contractingSystems(&x, framework: lot.framework)
            x.close("cac:TenderingProcess")
            x.open("cac:ProcurementProject")
            lotInternalId(&x, lot)
            x.leaf("cbc:Name", language: language, bytes: lotTitle(lot))
            natureCode(&x)
            cpv(&x, lot.cpv)
            x.close("cac:ProcurementProject")
            x.close("cac:ProcurementProjectLot")
        }
        x.open("cac:TenderResult")
        x.leaf("cbc:AwardDate", "", "2000-01-01Z")
        x.close("cac:TenderResult")
        x.end(root: "ContractAwardNotice")
        return x.bytes
    }
}
