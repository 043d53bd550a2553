import Testing
import TenderModel

@Suite("OrganizationKey")
struct OrganizationKeyTests {
    private func key(id: String? = nil, name: String? = nil, country: String? = "FRA", town: String? = nil,
                     local: String = "ORG-0001") -> OrganizationKey {
        OrganizationKey(nationalId: id, name: name, country: country, town: town, localId: local)
    }

    // MARK: National id

    @Test("national ids keep letters and digits only, upper case", arguments: [
        ("123 456 789", "FRA/123456789"),
        ("123456789", "FRA/123456789"),
        ("DE-123.456/789", "FRA/DE123456789"),
        ("de-123.456/789", "FRA/DE123456789"),
        ("ab123456789", "FRA/AB123456789"),
        ("  B-12_345 678\n", "FRA/B12345678"),
        ("0123", "FRA/0123"),
    ])
    func nationalIdNormalisation(id: String, expected: String) {
        let key = key(id: id, name: "Ville de Paris")
        #expect(key.value == expected)
        #expect(key.source == .nationalId)
        #expect(key.description == expected)
    }

    @Test("the buyer's own country prefix before an all-digit number is dropped", arguments: [
        ("FR-123.456/789", "FRA", "FRA/123456789"),
        ("fr123456789", "FRA", "FRA/123456789"),
        ("EL 094014201", "GRC", "GRC/094014201"),
        ("UK12345678", "GBR", "GBR/12345678"),
        ("FR1234", "FRA", "FRA/FR1234"),         // too short to be a number after a prefix
        ("FRAB123456", "FRA", "FRA/FRAB123456"), // not all digits after the prefix
        ("BE0243405860", "FRA", "FRA/BE0243405860"), // another country's prefix stays
    ])
    func countryPrefix(id: String, country: String, expected: String) {
        #expect(key(id: id, name: "X", country: country).value == expected)
    }

    @Test("the same id written differently gives one key, whatever the name")
    func sameIdDifferentSpelling() {
        let a = key(id: "123 456 789", name: "Ministère de l'Intérieur")
        let b = key(id: "123-456-789", name: "Ministry of the Interior", town: "Paris", local: "ORG-0007")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test("the country is part of a national-id key, case-folded")
    func countryInNationalIdKey() {
        #expect(key(id: "123", country: "fra").value == "FRA/123")
        #expect(key(id: "123", country: "BEL") != key(id: "123", country: "FRA"))
        #expect(key(id: "123", country: nil).value == "/123")
    }

    @Test("ids that only say 'unknown' count as absent", arguments: [
        "N/A", "n/a", "NA", "n.a.", "0000", "0", "000-000", "not available", "Not Applicable", "NONE",
        "none", "unknown", "nil", "NULL", "x", "XX", "xxx", "TBD", "-", "", "   ", "./-",
    ])
    func placeholderIds(id: String) {
        let withName = key(id: id, name: "Ville de Paris", town: "Paris")
        #expect(withName.source == .name)
        #expect(withName.value == "FRA/PARIS/VILLEDEPARIS")
        let withoutName = key(id: id, local: "ORG-0003")
        #expect(withoutName.source == .noticeLocalId)
        #expect(withoutName.value == "local/ORG-0003")
    }

    @Test("ids that merely contain placeholder words or zeros are real", arguments: [
        ("NA123", "FRA/NA123"),
        ("0001", "FRA/0001"),
        ("1000", "FRA/1000"),
        ("XXXX", "FRA/XXXX"),
    ])
    func nearPlaceholders(id: String, expected: String) {
        #expect(key(id: id, name: "Ville de Paris").value == expected)
    }

    // MARK: Precedence and source

    @Test("precedence is national id, then name, then notice-local id")
    func precedence() {
        let all = key(id: "123", name: "Ville de Paris", town: "Paris", local: "ORG-0001")
        #expect(all.source == .nationalId)
        #expect(all.value == "FRA/123")

        let noId = key(id: nil, name: "Ville de Paris", town: "Paris", local: "ORG-0001")
        #expect(noId.source == .name)
        #expect(noId.value == "FRA/PARIS/VILLEDEPARIS")

        let nothing = key(id: nil, name: nil, town: "Paris", local: "ORG-0001")
        #expect(nothing.source == .noticeLocalId)
        #expect(nothing.value == "local/ORG-0001")
    }

    @Test("a name with no letters or digits counts as absent", arguments: ["", "   ", "-", "…", "—/—", "\u{301}"])
    func emptyNames(name: String) {
        let key = key(name: name, local: "ORG-0002")
        #expect(key.source == .noticeLocalId)
        #expect(key.value == "local/ORG-0002")
    }

    @Test("source raw values are the extract-format keySource values")
    func sourceRawValues() {
        #expect(OrganizationKey.Source.nationalId.rawValue == "nationalId")
        #expect(OrganizationKey.Source.name.rawValue == "name")
        #expect(OrganizationKey.Source.noticeLocalId.rawValue == "noticeLocalId")
    }

    // MARK: Name keys

    @Test("a name key is country, town and name, folded")
    func nameKeyShape() {
        #expect(key(name: "Société Générale S.A.", country: "FRA", town: "Paris").value == "FRA/PARIS/SOCIETEGENERALESA")
        #expect(key(name: "Gemeente Utrecht", country: nil, town: nil).value == "//GEMEENTEUTRECHT")
        #expect(key(name: "Stadt Köln", country: "deu", town: "Köln").value == "DEU/KOLN/STADTKOLN")
    }

    @Test("names that differ only in case, accents, punctuation or spacing fold together", arguments: [
        ("Société Générale S.A.", "SOCIETE GENERALE SA"),
        ("Société Générale S.A.", "Societe Generale S. A."),
        ("Société Générale S.A.", "société  générale   s.a"),
        ("Ville de Saint-Étienne", "VILLE DE SAINT ETIENNE"),
        ("Ministère de l'Intérieur", "MINISTERE DE L INTERIEUR"),
        ("Ministère de l’Intérieur", "Ministère de l'Intérieur"),
        ("  Hôpital\tNord\n", "HOPITAL NORD"),
        ("Straße GmbH", "STRASSE GMBH"),
        ("ČEZ, a. s.", "CEZ as"),
        ("Région Île-de-France", "region ile de france"),
        // Decomposed (NFD) input folds like composed (NFC).
        ("Re\u{301}gion", "R\u{E9}gion"),
    ])
    func nameFolding(first: String, second: String) {
        let a = key(name: first, town: "Paris")
        let b = key(name: second, town: "Paris")
        #expect(a.source == .name)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test("different names, countries or towns give different keys")
    func differentNamesDiffer() {
        let base = key(name: "Ville de Paris", country: "FRA", town: "Paris")
        #expect(base != key(name: "Ville de Lyon", country: "FRA", town: "Paris"))
        #expect(base != key(name: "Ville de Paris", country: "BEL", town: "Paris"))
        #expect(base != key(name: "Ville de Paris", country: "FRA", town: "Lyon"))
        #expect(base != key(name: "Ville de Paris", country: nil, town: "Paris"))
        #expect(base != key(name: "Ville de Paris", country: "FRA", town: nil))
        #expect(key(name: "Lot 12") != key(name: "Lot 13"))
    }

    @Test("town names fold like organisation names")
    func townFolding() {
        #expect(key(name: "Mairie", town: "Saint-Étienne") == key(name: "MAIRIE", town: "saint etienne"))
        #expect(key(name: "Mairie", town: "Saint-Étienne").value == "FRA/SAINTETIENNE/MAIRIE")
    }

    @Test("ORG-0001 of two notices is two organisations when the names differ")
    func localIdsAreNotIdentities() {
        let inContractNotice = key(name: "Ville de Paris", town: "Paris", local: "ORG-0001")
        let inAwardNotice = key(name: "Entreprise Dupont SARL", town: "Lyon", local: "ORG-0001")
        #expect(inContractNotice != inAwardNotice)
        #expect(inContractNotice.value == "FRA/PARIS/VILLEDEPARIS")
        #expect(inAwardNotice.value == "FRA/LYON/ENTREPRISEDUPONTSARL")

        // And the same organisation numbered differently in two notices is one.
        let again = key(name: "VILLE DE PARIS", town: "PARIS", local: "ORG-0004")
        #expect(inContractNotice == again)
    }

    // MARK: Organization, ordering

    @Test("Organization.key uses its fields")
    func organizationKey() {
        var organization = Organization(localId: "ORG-0005")
        #expect(organization.key.value == "local/ORG-0005")
        #expect(organization.key.source == .noticeLocalId)
        organization.name = "Ville de Paris"
        organization.town = "Paris"
        organization.country = "FRA"
        #expect(organization.key.value == "FRA/PARIS/VILLEDEPARIS")
        organization.nationalId = "217 500 016"
        #expect(organization.key.value == "FRA/217500016")
        #expect(organization.key.source == .nationalId)
    }

    @Test("a cached key is the computed one, is forgotten when an input changes, and leaves equality alone")
    func cachedKey() {
        var organization = Organization(localId: "ORG-0001")
        organization.name = "Ville de Paris"
        organization.country = "FRA"
        let uncached = organization
        organization.cacheKey()
        #expect(organization.key == uncached.key)
        #expect(organization == uncached)
        #expect(Set([organization, uncached]).count == 1)
        organization.nationalId = "217 500 016"
        #expect(organization.key.value == "FRA/217500016")
        organization.cacheKey()
        organization.noticeId = "n-1"
        organization.nationalId = nil
        #expect(organization.key.value == "FRA//VILLEDEPARIS")
        organization.name = nil
        #expect(organization.key.value == "local/n-1/ORG-0001")
    }

    @Test("keys order by value")
    func ordering() {
        let keys = [
            key(id: "2", country: "FRA"),
            key(id: "1", country: "BEL"),
            key(name: "Ville de Paris", town: "Paris"),
            key(local: "ORG-0001"),
        ]
        #expect(keys.sorted().map(\.value) == ["BEL/1", "FRA/2", "FRA/PARIS/VILLEDEPARIS", "local/ORG-0001"])
        #expect(key(id: "1", country: "BEL") < key(id: "1", country: "FRA"))
        #expect(!(key(id: "1") < key(id: "1")))
    }
}
