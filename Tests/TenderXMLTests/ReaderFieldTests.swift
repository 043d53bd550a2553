import Testing
import TenderModel
import TenderXML

/// Field semantics the reader must get right on any notice: withheld values, the notice
/// language, the real award date, namespaces, scopes.
@Suite("Reader fields")
struct ReaderFieldTests {
    let reader = EFormsReader()

    private func lotResult(_ notice: Notice) throws -> LotResult {
        try #require(notice.result?.lotResults.first)
    }

    @Test func withheldValuesAreWithheldNotTheDummyBesideThem() throws {
        let privacy = { (code: String) in
            """
            <efac:FieldsPrivacy>
            <efbc:FieldIdentifierCode listName="non-publication-identifier">\(code)</efbc:FieldIdentifierCode>
            <cbc:ReasonCode listName="non-publication-justification">oth-int</cbc:ReasonCode>
            <efbc:PublicationDate>2026-12-31Z</efbc:PublicationDate>
            </efac:FieldsPrivacy>
            """
        }
        var result = NoticeXML.singleAward(amount: "9.99", extraTender: privacy("win-ten-val"), extraResult: """
            <efac:ReceivedSubmissionsStatistics>\(privacy("rec-sub-cou"))
            <efbc:StatisticsCode listName="received-submission-type">tenders</efbc:StatisticsCode>
            <efbc:StatisticsNumeric>1</efbc:StatisticsNumeric>
            </efac:ReceivedSubmissionsStatistics>
            """)
        result = result.replacingOccurrences(of: "<efac:NoticeResult>", with: """
            <efac:NoticeResult>\(privacy("not-val"))<cbc:TotalAmount currencyID="GBP">9.99</cbc:TotalAmount>
            """)
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: result))
        let lot = try lotResult(notice)
        let tender = try #require(lot.tenders.first)
        #expect(tender.amount == .withheld(Withholding(field: "win-ten-val", reasonCode: "oth-int",
                                                      releaseDate: CalendarDate("2026-12-31"))))
        #expect(lot.statistic("tenders").isWithheld)
        #expect(lot.tendersReceived?.count.isWithheld == true)
        #expect(lot.tendersReceived?.source == .statistics)
        #expect(notice.result?.totalValue.isWithheld == true)
        #expect(tender.isWinner)
    }

    @Test func keepsTheNoticeLanguageTextEvenWhenAnotherComesFirst() throws {
        let organizations = "<efac:Organizations>"
            + NoticeXML.organization("ORG-0001", name: "", names: [("ENG", "City of Munich"), ("DEU", "Stadt München")])
            + "</efac:Organizations>"
        let body = NoticeXML.buyer + """
            <cac:ProcurementProject>
            <cbc:Name languageID="ENG">Road works</cbc:Name><cbc:Name languageID="DEU">Straßenbau</cbc:Name>
            </cac:ProcurementProject>
            """
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: organizations, body: body, language: "DEU"))
        #expect(notice.procedure.title == "Straßenbau")
        #expect(notice.buyers.first?.organization.name == "Stadt München")
        #expect(notice.buyers.first?.legalType == "ra")
    }

    @Test func awardDateIsTheSettledContractsNeverTheDummyRoot() throws {
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: NoticeXML.singleAward()))
        let contract = try #require(try lotResult(notice).contracts.first)
        #expect(contract.awardDate == CalendarDate("2024-02-20"))
        #expect(contract.conclusionDate == CalendarDate("2024-02-28"))
    }

    @Test func offsetsNeverMoveADateAcrossMidnight() throws {
        let xml = NoticeXML.awardNotice().replacingOccurrences(
            of: "<cbc:IssueDate>2024-03-01+01:00</cbc:IssueDate>",
            with: "<cbc:IssueDate>2024-03-01+14:00</cbc:IssueDate><cbc:IssueTime>23:30:00.0000000-11:00</cbc:IssueTime>")
        let notice = try reader.read(xml: xml)
        #expect(notice.dispatchDate?.description == "2024-03-01")
        #expect(notice.dispatchTime?.description == "23:30:00-11:00")
    }

    @Test func elementsInAnotherNamespaceAreNotEForms() throws {
        let xml = NoticeXML.awardNotice(body: """
            <x:ContractFolderID xmlns:x="urn:example">not-the-procedure</x:ContractFolderID>
            """)
        let notice = try reader.read(xml: xml)
        #expect(notice.procedureId == "11111111-2222-3333-4444-555555555555")
    }

    @Test func nestedExtensionsOfALotDoNotLeakIntoNoticeFields() throws {
        let body = """
            <cac:ProcurementProjectLot>
            <cbc:ID schemeName="Lot">LOT-0001</cbc:ID>
            <cac:TenderingTerms><cac:AwardingTerms><cac:AwardingCriterion><cac:SubordinateAwardingCriterion>
            <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>
            <efac:NoticeSubType><cbc:SubTypeCode>99</cbc:SubTypeCode></efac:NoticeSubType>
            </efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
            </cac:SubordinateAwardingCriterion></cac:AwardingCriterion></cac:AwardingTerms></cac:TenderingTerms>
            <cac:ProcurementProject>
            <cac:RequestedTenderTotal>
            <cbc:EstimatedOverallContractAmount currencyID="EUR">250000</cbc:EstimatedOverallContractAmount>
            <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>
            <efbc:FrameworkMaximumAmount currencyID="EUR">400000</efbc:FrameworkMaximumAmount>
            </efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
            </cac:RequestedTenderTotal>
            </cac:ProcurementProject>
            </cac:ProcurementProjectLot>
            """
        let notice = try reader.read(xml: NoticeXML.awardNotice(body: body))
        #expect(notice.subtype == "29")
        let lot = try #require(notice.lots.first)
        #expect(lot.id == "LOT-0001")
        #expect(lot.estimatedValue == Amount(value: DecimalNumber("250000")!, currency: "EUR"))
        #expect(lot.frameworkMaximum?.value.description == "400000")
        #expect(notice.procedure.estimatedValue == nil)
    }

    @Test func oneLineFileReadsTheSame() throws {
        let xml = NoticeXML.awardNotice(extensions: NoticeXML.singleAward())
        let oneLine = xml.split(separator: "\n").joined()
        #expect(try reader.read(xml: oneLine).result == (try reader.read(xml: xml).result))
    }

    @Test func zeroAndOneUnitAmountsArePlaceholders() throws {
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: NoticeXML.singleAward(amount: "0")))
        let amount = try #require(try lotResult(notice).tenders.first?.amount.value)
        #expect(amount.isPlaceholder)
        #expect(amount.value.description == "0")
    }

    @Test func tendersReceivedFallsBackToListedTendersButNeverToESubmissionsAlone() throws {
        let statistics = """
            <efac:ReceivedSubmissionsStatistics>
            <efbc:StatisticsCode listName="received-submission-type">t-esubm</efbc:StatisticsCode>
            <efbc:StatisticsNumeric>3</efbc:StatisticsNumeric>
            </efac:ReceivedSubmissionsStatistics>
            """
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: NoticeXML.singleAward(extraResult: statistics)))
        let lot = try lotResult(notice)
        #expect(lot.tendersReceived == TendersReceived(count: .known(1), source: .listedTenders))
        #expect(lot.tendersReceivedLowerBound == 3)
        #expect(lot.statistic("t-esubm") == .known(3))
    }

    @Test func noTenderReceivedComesFromTheNonAwardReason() throws {
        let extensions = """
            <efac:NoticeResult><efac:LotResult>
            <cbc:ID schemeName="result">RES-0001</cbc:ID>
            <cbc:TenderResultCode listName="winner-selection-status">clos-nw</cbc:TenderResultCode>
            <efac:DecisionReason><efbc:DecisionReasonCode listName="non-award-justification">no-rece</efbc:DecisionReasonCode></efac:DecisionReason>
            <efac:TenderLot><cbc:ID schemeName="Lot">LOT-0001</cbc:ID></efac:TenderLot>
            </efac:LotResult></efac:NoticeResult>
            """
        let lot = try lotResult(try reader.read(xml: NoticeXML.awardNotice(extensions: extensions)))
        #expect(lot.resultCode == .known("clos-nw"))
        #expect(lot.nonAwardReason == .known("no-rece"))
        #expect(lot.tendersReceived == TendersReceived(count: .known(0), source: .nonAwardReason))
        #expect(lot.tenders.isEmpty)
    }

    @Test func listedTendersOutweighAContradictingNoTenderCode() throws {
        let reason = """
            <efac:DecisionReason><efbc:DecisionReasonCode listName="non-award-justification">no-rece</efbc:DecisionReasonCode></efac:DecisionReason>
            """
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: NoticeXML.singleAward(extraResult: reason)))
        #expect(try lotResult(notice).tendersReceived == TendersReceived(count: .known(1), source: .listedTenders))
    }

    @Test func withheldFrameworkValuesAndNonAwardReasonsInTheirOwnContainers() throws {
        let privacy = { (code: String) in
            """
            <efac:FieldsPrivacy><efbc:FieldIdentifierCode listName="non-publication-identifier">\(code)</efbc:FieldIdentifierCode>
            <cbc:ReasonCode listName="non-publication-justification">oth-int</cbc:ReasonCode></efac:FieldsPrivacy>
            """
        }
        let extensions = """
            <efac:NoticeResult><efac:LotResult>
            <cbc:ID schemeName="result">RES-0001</cbc:ID>
            <cbc:TenderResultCode listName="winner-selection-status">clos-nw</cbc:TenderResultCode>
            <efac:DecisionReason>\(privacy("no-awa-rea"))<efbc:DecisionReasonCode listName="non-award-justification">no-rece</efbc:DecisionReasonCode></efac:DecisionReason>
            <efac:FrameworkAgreementValues>\(privacy("max-val"))\(privacy("ree-val"))
            <cbc:MaximumValueAmount currencyID="EUR">1.00</cbc:MaximumValueAmount>
            <efbc:ReestimatedValueAmount currencyID="EUR">5</efbc:ReestimatedValueAmount>
            </efac:FrameworkAgreementValues>
            <efac:TenderLot><cbc:ID schemeName="Lot">LOT-0001</cbc:ID></efac:TenderLot>
            </efac:LotResult></efac:NoticeResult>
            """
        let lot = try lotResult(try reader.read(xml: NoticeXML.awardNotice(extensions: extensions)))
        #expect(lot.nonAwardReason.isWithheld)
        #expect(lot.frameworkMaximum.isWithheld)
        #expect(lot.frameworkReestimated.isWithheld)
        // A withheld "no tender received" is not 0 tenders received.
        #expect(lot.tendersReceived == nil)
    }

    @Test func everyContractModificationIsKept() throws {
        let modification = { (contract: String, reason: String) in
            """
            <efac:ContractModification>
            <efbc:ChangedNoticeIdentifier schemeName="ojs-notice-id">342558-2018</efbc:ChangedNoticeIdentifier>
            <efbc:ModifiedContractIdentifier schemeName="contract">\(contract)</efbc:ModifiedContractIdentifier>
            <efac:ChangeReason><cbc:ReasonCode listName="modification-justification">\(reason)</cbc:ReasonCode></efac:ChangeReason>
            </efac:ContractModification>
            """
        }
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: modification("CON-0001", "add-wss")
            + modification("CON-0002", "unfore-cir")))
        #expect(notice.modifications.map(\.modifiedContract) == ["CON-0001", "CON-0002"])
        #expect(notice.modifications.map(\.reasonCode) == ["add-wss", "unfore-cir"])
    }

    @Test func groupTenderersResolveToTheirOrganisationsWithTheLeader() throws {
        var extensions = NoticeXML.singleAward().replacingOccurrences(
            of: "<efac:Tenderer><cbc:ID schemeName=\"organization\">ORG-0002</cbc:ID></efac:Tenderer>",
            with: """
                <cbc:Name languageID="ENG">Bridge Builders JV</cbc:Name>
                <efac:Tenderer><cbc:ID schemeName="organization">ORG-0002</cbc:ID><efbc:GroupLeadIndicator>true</efbc:GroupLeadIndicator></efac:Tenderer>
                <efac:Tenderer><cbc:ID schemeName="organization">ORG-0003</cbc:ID><efbc:GroupLeadIndicator>false</efbc:GroupLeadIndicator></efac:Tenderer>
                """)
        extensions += "<efac:Organizations>"
            + NoticeXML.organization("ORG-0002", name: "Alpha Bau GmbH", country: "DEU", nationalId: "HRB 1234")
            + NoticeXML.organization("ORG-0003", name: "Beta Beton AG", country: "AUT")
            + "</efac:Organizations>"
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: extensions))
        let party = try #require(try lotResult(notice).tenders.first?.party)
        #expect(party.name == "Bridge Builders JV")
        #expect(party.isGroup)
        #expect(party.tenderers.map(\.organization.name) == ["Alpha Bau GmbH", "Beta Beton AG"])
        #expect(party.tenderers.map(\.isLeader) == [true, false])
        #expect(party.tenderers[0].organization.key.value == "DEU/HRB1234")
        #expect(party.tenderers[0].organization.key.source == .nationalId)
        #expect(party.tenderers[1].organization.key.source == .name)
    }

    @Test func unreadableValuesStayUnknownWithAWarningThatSaysWhere() throws {
        let xml = NoticeXML.awardNotice(extensions: NoticeXML.singleAward(amount: "12,50"))
            .replacingOccurrences(of: "2024-03-01+01:00", with: "2024-13-45")
        let notice = try reader.read(xml: xml)
        #expect(notice.dispatchDate == nil)
        #expect(try lotResult(notice).tenders.first?.amount == .unknown)
        let messages = notice.warnings.map(\.message)
        #expect(messages.contains { $0.contains("BT-05") && $0.contains("2024-13-45") })
        #expect(messages.contains { $0.contains("BT-720") && $0.contains("12,50") })
        #expect(notice.warnings.filter { $0.kind == .badValue }.allSatisfy { ($0.location.line ?? 0) > 0 })
    }

    @Test func danglingReferencesAreReported() throws {
        let notice = try reader.read(xml: NoticeXML.awardNotice(extensions: NoticeXML.singleAward()))
        // ORG-0002 (the tenderer) is never described in efac:Organizations.
        #expect(notice.warnings.contains { $0.kind == .danglingReference && $0.message.contains("ORG-0002") })
        let tenderer = try #require(try lotResult(notice).tenders.first?.tenderers.first)
        #expect(tenderer.organization.key.source == .noticeLocalId)
    }
}
