import TenderModel

/// An organisation as notices describe it, pre-rendered as escaped UTF-8.
struct OrganizationEntity {
    var name: [UInt8]
    var nationalId: [UInt8]
    var nationalIdText: String
    var country: Int
    var town: Int
    var street: [UInt8]
    var website: [UInt8]
    var email: [UInt8]
    var phone: [UInt8]
}

struct BuyerEntity {
    var organization: OrganizationEntity
    /// BT-11.
    var legalType: String
    /// BT-10 and its list (`authority-activity` or `entity-activity`).
    var activity: String
    var utility: Bool
    /// BT-01: 2014/25/EU for utilities, 2014/24/EU otherwise.
    var legalBasis: String
    /// Prefix of internal references (BT-22).
    var referencePrefix: String
}

struct SupplierEntity {
    var organization: OrganizationEntity
    /// BT-165.
    var size: String
}

/// One market: the suppliers of a CPV division in a country.
struct MarketPool {
    var suppliers: [Int]
    /// How often each supplier bids, relative to the others of its market.
    var weights: [Double]
}

/// The simulated market: who buys, who sells, in which markets. Built sequentially from the
/// seed; read-only (and shared by every worker) afterwards.
struct Market {
    var buyers: [BuyerEntity] = []
    /// Buyers of each country, and their selection weights.
    var buyersByCountry: [[Int]] = []
    var buyerWeightsByCountry: [[Double]] = []
    var suppliers: [SupplierEntity] = []
    /// Indexed by `country * divisions.count + division`.
    var pools: [MarketPool] = []

    func pool(country: Int, division: Int) -> MarketPool {
        pools[country * Catalogue.divisions.count + division]
    }

    static func build(procedures: Int, random: inout Xoshiro256) -> Market {
        var market = Market()
        var usedIds: Set<String> = []
        let countries = Catalogue.countries
        let divisions = Catalogue.divisions

        // Buyers: about one per dozen procedures, capped by the distinct names a country has.
        for (countryIndex, country) in countries.enumerated() {
            var combinations: [(type: String, town: Int, department: Int)] = []
            for (type, _) in Catalogue.legalTypes {
                for town in country.towns.indices {
                    for department in country.departments.indices { combinations.append((type, town, department)) }
                }
            }
            let wanted = min(combinations.count, max(10, Int(Double(procedures) * country.weight / 12)))
            var chosen: [(type: String, town: Int, department: Int)] = []
            var byType: [String: [(type: String, town: Int, department: Int)]] = [:]
            for combination in combinations { byType[combination.type, default: []].append(combination) }
            for key in byType.keys.sorted() { random.shuffle(&byType[key]!) }
            let typeWeights = Catalogue.legalTypes.map(\.weight)
            var attempts = 0
            while chosen.count < wanted, attempts < wanted * 20 {
                attempts += 1
                let type = Catalogue.legalTypes[random.weighted(typeWeights)].code
                guard let next = byType[type]?.popLast() else { continue }
                chosen.append(next)
            }
            var members: [Int] = []
            var weights: [Double] = []
            for (rank, combination) in chosen.enumerated() {
                let town = country.towns[combination.town]
                let template = country.buyerNames[combination.type]!
                let name = template.replacing("{T}", with: town.name)
                    + country.departments[combination.department]
                let id = uniqueIdentifier(country.buyerId, &usedIds, &random)
                let slug = Self.slug(town.name) + "-" + Self.slug(combination.type) + String(rank)
                let organization = OrganizationEntity(
                    name: Text.escaped(name), nationalId: Text.escaped(id), nationalIdText: id,
                    country: countryIndex, town: combination.town,
                    street: Text.escaped(streetName(country: country, &random)),
                    website: Array("https://www.\(slug).example.\(country.webSuffix)".utf8),
                    email: Array("procurement@\(slug).example.\(country.webSuffix)".utf8),
                    phone: Array((country.phonePrefix + digits(9, &random)).utf8))
                let utility = combination.type == "pub-undert"
                let activity = utility ? random.pick(Catalogue.entityActivities)
                    : random.pick(Catalogue.authorityActivities[combination.type]!)
                let prefix = String((0..<3).map { _ in Character(Unicode.Scalar(UInt8(65 + random.below(26)))) })
                // Zipf-like activity: a few buyers publish much more than the rest.
                let weight = 1 / pow(Double(rank + 3), 0.9)
                members.append(market.buyers.count)
                weights.append(weight)
                market.buyers.append(BuyerEntity(
                    organization: organization, legalType: combination.type, activity: activity, utility: utility,
                    legalBasis: utility ? "32014L0025" : "32014L0024", referencePrefix: prefix))
            }
            // Shuffle weights so the busiest buyers are not always the first names built.
            random.shuffle(&weights)
            market.buyersByCountry.append(members)
            market.buyerWeightsByCountry.append(weights)
        }

        // Suppliers: a pool per market, larger where more procedures are expected.
        for (countryIndex, country) in countries.enumerated() {
            for division in divisions {
                let expected = Double(procedures) * country.weight * division.weight
                let count = division.niche ? 2 + random.below(3)
                    : min(40, max(6, Int(5 + expected.squareRoot() * 1.3)))
                var names: Set<String> = []
                var members: [Int] = []
                var weights: [Double] = []
                for _ in 0..<count {
                    var name = ""
                    for _ in 0..<50 {
                        let candidate = random.pick(Catalogue.nameRoots) + " " + random.pick(division.sectorWords) + " "
                            + random.pick(country.legalForms)
                        if names.insert(candidate).inserted {
                            name = candidate
                            break
                        }
                    }
                    if name.isEmpty { name = "\(random.pick(Catalogue.nameRoots)) \(members.count + 2) \(country.legalForms[0])" }
                    let id = uniqueIdentifier(country.supplierId, &usedIds, &random)
                    let town = random.below(country.towns.count)
                    let slug = Self.slug(name)
                    let size = Catalogue.sizes[random.weighted(Catalogue.sizes.map(\.weight))].code
                    let sizeFactor: Double = switch size {
                    case "micro": 0.4
                    case "small": 0.8
                    case "medium": 1.2
                    default: 1.8
                    }
                    let organization = OrganizationEntity(
                        name: Text.escaped(name), nationalId: Text.escaped(id), nationalIdText: id,
                        country: countryIndex, town: town,
                        street: Text.escaped(streetName(country: country, &random)),
                        website: Array("https://www.\(slug).example.\(country.webSuffix)".utf8),
                        email: Array("tenders@\(slug).example.\(country.webSuffix)".utf8),
                        phone: Array((country.phonePrefix + digits(9, &random)).utf8))
                    members.append(market.suppliers.count)
                    weights.append(sizeFactor * random.uniform(0.5, 1.5))
                    market.suppliers.append(SupplierEntity(organization: organization, size: size))
                }
                market.pools.append(MarketPool(suppliers: members, weights: weights))
            }
        }
        return market
    }

    private static func uniqueIdentifier(_ style: IdentifierStyle, _ used: inout Set<String>,
                                         _ random: inout Xoshiro256) -> String {
        while true {
            switch style {
            case .digits(let prefix, let count, let letter):
                var id = prefix + digits(count, &random)
                if letter { id.append(Character(Unicode.Scalar(UInt8(65 + random.below(26))))) }
                if used.insert(id).inserted { return id }
            }
        }
    }

    private static func digits(_ count: Int, _ random: inout Xoshiro256) -> String {
        var text = ""
        for position in 0..<count {
            // No leading zero: ids are compared as written.
            let digit = position == 0 ? 1 + random.below(9) : random.below(10)
            text.append(Character(Unicode.Scalar(UInt8(48 + digit))))
        }
        return text
    }

    private static func streetName(country: Country, _ random: inout Xoshiro256) -> String {
        let number = 1 + random.below(180)
        let streets: [String] = switch country.language {
        case "FRA": ["rue de la Gare", "avenue de la République", "boulevard Victor Hugo", "rue des Tanneurs"]
        case "DEU": ["Bahnhofstraße", "Hauptstraße", "Industriestraße", "Am Markt"]
        case "ITA": ["Via Roma", "Corso Garibaldi", "Via dell'Industria", "Piazza Municipio"]
        case "SPA": ["Calle Mayor", "Avenida de la Constitución", "Polígono Industrial Norte", "Plaza de España"]
        case "NLD": ["Stationsstraat", "Industrieweg", "Marktplein", "Kerkstraat"]
        default: ["Main Street", "Business Park", "Harbour Road", "Church Street"]
        }
        let street = random.pick(streets)
        switch country.language {
        case "FRA", "ITA", "SPA": return "\(number) \(street)"
        default: return "\(street) \(number)"
        }
    }

    /// Lower-case ASCII for web addresses.
    static func slug(_ text: String) -> String {
        var output = ""
        for character in text.lowercased() {
            switch character {
            case "a"..."z", "0"..."9": output.append(character)
            case "ä", "à", "á", "â": output.append("a")
            case "é", "è", "ê", "ë": output.append("e")
            case "í", "ì", "î": output.append("i")
            case "ö", "ó", "ò", "ô": output.append("o")
            case "ü", "ú", "ù": output.append("u")
            case "ñ": output.append("n")
            case "ç": output.append("c")
            case "ß": output.append("ss")
            case " ", "-", "&", ".": if !output.hasSuffix("-"), !output.isEmpty { output.append("-") }
            default: break
            }
        }
        while output.hasSuffix("-") { output.removeLast() }
        return output
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
