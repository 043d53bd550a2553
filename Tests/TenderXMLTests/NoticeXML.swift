/// Small eForms documents for reader tests, built from parts so each test shows only
/// what it is about.
enum NoticeXML {
    static let namespaces = """
        xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2" \
        xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" \
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" \
        xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" \
        xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1" \
        xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1" \
        xmlns:efbc="http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"
        """

    /// A contract award notice: `extensions` goes inside efext:EformsExtension, `body` after
    /// the notice-level cbc elements.
    static func awardNotice(extensions: String = "", body: String = "", language: String = "ENG",
                            procedureId: String = "11111111-2222-3333-4444-555555555555") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ContractAwardNotice \(namespaces)>
        <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>
        \(extensions)
        <efac:NoticeSubType><cbc:SubTypeCode listName="notice-subtype">29</cbc:SubTypeCode></efac:NoticeSubType>
        </efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
        <cbc:UBLVersionID>2.3</cbc:UBLVersionID>
        <cbc:CustomizationID>eforms-sdk-1.10</cbc:CustomizationID>
        <cbc:ID schemeName="notice-id">aaaaaaaa-0000-4000-8000-000000000001</cbc:ID>
        <cbc:ContractFolderID>\(procedureId)</cbc:ContractFolderID>
        <cbc:IssueDate>2024-03-01+01:00</cbc:IssueDate>
        <cbc:VersionID>01</cbc:VersionID>
        <cbc:RegulatoryDomain>32014L0024</cbc:RegulatoryDomain>
        <cbc:NoticeTypeCode listName="result">can-standard</cbc:NoticeTypeCode>
        <cbc:NoticeLanguageCode>\(language)</cbc:NoticeLanguageCode>
        \(body)
        <cac:TenderResult><cbc:AwardDate>2000-01-01Z</cbc:AwardDate></cac:TenderResult>
        </ContractAwardNotice>
        """
    }

    /// One lot result with one winning tender of `amount` EUR, and its organisation.
    static func singleAward(amount: String = "1000.00", extraTender: String = "",
                            extraResult: String = "") -> String {
        """
        <efac:NoticeResult>
        <efac:LotResult>
        <cbc:ID schemeName="result">RES-0001</cbc:ID>
        <cbc:TenderResultCode listName="winner-selection-status">selec-w</cbc:TenderResultCode>
        \(extraResult)
        <efac:LotTender><cbc:ID schemeName="tender">TEN-0001</cbc:ID></efac:LotTender>
        <efac:SettledContract><cbc:ID schemeName="contract">CON-0001</cbc:ID></efac:SettledContract>
        <efac:TenderLot><cbc:ID schemeName="Lot">LOT-0001</cbc:ID></efac:TenderLot>
        </efac:LotResult>
        <efac:LotTender>
        <cbc:ID schemeName="tender">TEN-0001</cbc:ID>
        \(extraTender)
        <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">\(amount)</cbc:PayableAmount></cac:LegalMonetaryTotal>
        <efac:TenderingParty><cbc:ID schemeName="tendering-party">TPA-0001</cbc:ID></efac:TenderingParty>
        <efac:TenderLot><cbc:ID schemeName="Lot">LOT-0001</cbc:ID></efac:TenderLot>
        </efac:LotTender>
        <efac:SettledContract>
        <cbc:ID schemeName="contract">CON-0001</cbc:ID>
        <cbc:AwardDate>2024-02-20+01:00</cbc:AwardDate>
        <cbc:IssueDate>2024-02-28+01:00</cbc:IssueDate>
        <efac:LotTender><cbc:ID schemeName="tender">TEN-0001</cbc:ID></efac:LotTender>
        </efac:SettledContract>
        <efac:TenderingParty>
        <cbc:ID schemeName="tendering-party">TPA-0001</cbc:ID>
        <efac:Tenderer><cbc:ID schemeName="organization">ORG-0002</cbc:ID></efac:Tenderer>
        </efac:TenderingParty>
        </efac:NoticeResult>
        """
    }

    static func organization(_ id: String, name: String, country: String = "FRA", nationalId: String? = nil,
                             names: [(String, String)] = []) -> String {
        let nameElements = names.isEmpty
            ? "<cbc:Name languageID=\"ENG\">\(name)</cbc:Name>"
            : names.map { "<cbc:Name languageID=\"\($0.0)\">\($0.1)</cbc:Name>" }.joined()
        return """
            <efac:Organization><efac:Company>
            <cac:PartyIdentification><cbc:ID schemeName="organization">\(id)</cbc:ID></cac:PartyIdentification>
            <cac:PartyName>\(nameElements)</cac:PartyName>
            <cac:PostalAddress><cbc:CityName>Lyon</cbc:CityName>
            <cac:Country><cbc:IdentificationCode listName="country">\(country)</cbc:IdentificationCode></cac:Country>
            </cac:PostalAddress>
            \(nationalId.map { "<cac:PartyLegalEntity><cbc:CompanyID>\($0)</cbc:CompanyID></cac:PartyLegalEntity>" } ?? "")
            </efac:Company></efac:Organization>
            """
    }

    static let buyer = """
        <cac:ContractingParty>
        <cac:ContractingPartyType><cbc:PartyTypeCode listName="buyer-legal-type">ra</cbc:PartyTypeCode></cac:ContractingPartyType>
        <cac:Party><cac:PartyIdentification><cbc:ID schemeName="organization">ORG-0001</cbc:ID></cac:PartyIdentification></cac:Party>
        </cac:ContractingParty>
        """
}
