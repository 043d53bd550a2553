/// The fixed vocabulary of the synthetic market: countries, towns, CPV markets, names.
/// Every name is made up; codes (ISO 3166 alpha-3, NUTS 3, CPV, eForms code lists) are real.

enum Nature: String {
    case works, supplies, services
}

struct Town {
    var name: String
    var nuts: String
    var postcode: String
}

/// How a country writes national registration numbers (BT-501).
enum IdentifierStyle {
    /// `prefix` followed by `digits` random digits, then an optional check letter.
    case digits(prefix: String, count: Int, letter: Bool)
}

struct Country {
    var code: String
    var language: String
    /// Standard-time offset in hours (summer time adds one).
    var offset: Int
    var weight: Double
    var phonePrefix: String
    var webSuffix: String
    var towns: [Town]
    var legalForms: [String]
    var supplierId: IdentifierStyle
    var buyerId: IdentifierStyle
    /// Buyer name templates by legal type; `{T}` is the town.
    var buyerNames: [String: String]
    var departments: [String]
    var reviewBody: String
}

struct CPVCode {
    var code: String
    var title: String
}

/// A market: a CPV division with its nature, value scale and competition.
struct Division {
    var code: String
    var nature: Nature
    var weight: Double
    /// Median procedure estimate, EUR, and log-scale spread.
    var median: Double
    var sigma: Double
    /// Niche markets have few suppliers and one or two bidders per lot as a rule.
    var niche: Bool
    var sectorWords: [String]
    var cpvs: [CPVCode]
}

enum Catalogue {
    static let countries: [Country] = [
        Country(code: "FRA", language: "FRA", offset: 1, weight: 0.20, phonePrefix: "+33 ", webSuffix: "fr",
                towns: [Town(name: "Rennes", nuts: "FRH03", postcode: "35000"),
                        Town(name: "Lyon", nuts: "FRK26", postcode: "69003"),
                        Town(name: "Lille", nuts: "FRE11", postcode: "59000"),
                        Town(name: "Toulouse", nuts: "FRJ23", postcode: "31000"),
                        Town(name: "Nantes", nuts: "FRG01", postcode: "44000"),
                        Town(name: "Strasbourg", nuts: "FRF11", postcode: "67000"),
                        Town(name: "Bordeaux", nuts: "FRI12", postcode: "33000"),
                        Town(name: "Dijon", nuts: "FRC11", postcode: "21000")],
                legalForms: ["SAS", "SARL", "SA"],
                supplierId: .digits(prefix: "", count: 14, letter: false),
                buyerId: .digits(prefix: "2", count: 13, letter: false),
                buyerNames: ["cga": "Préfecture de {T}", "ra": "Conseil départemental – Hôtel du département de {T}",
                             "la": "Ville de {T}", "body-pl": "Centre hospitalier universitaire de {T}",
                             "pub-undert": "Régie des eaux de {T}"],
                departments: ["", " – Direction des achats", " – Service technique", " – Direction des bâtiments",
                              " – Pôle logistique", " – Direction des systèmes d'information", " – Service des marchés",
                              " – Direction de la voirie"],
                reviewBody: "Tribunal administratif de {T}"),
        Country(code: "DEU", language: "DEU", offset: 1, weight: 0.20, phonePrefix: "+49 ", webSuffix: "de",
                towns: [Town(name: "Köln", nuts: "DEA23", postcode: "50667"),
                        Town(name: "Hannover", nuts: "DE929", postcode: "30159"),
                        Town(name: "Leipzig", nuts: "DED51", postcode: "04109"),
                        Town(name: "Stuttgart", nuts: "DE111", postcode: "70173"),
                        Town(name: "Nürnberg", nuts: "DE254", postcode: "90402"),
                        Town(name: "Kiel", nuts: "DEF02", postcode: "24103"),
                        Town(name: "Mainz", nuts: "DEB35", postcode: "55116"),
                        Town(name: "Dresden", nuts: "DED21", postcode: "01067")],
                legalForms: ["GmbH", "AG", "GmbH & Co. KG"],
                supplierId: .digits(prefix: "DE", count: 9, letter: false),
                buyerId: .digits(prefix: "DE", count: 9, letter: false),
                buyerNames: ["cga": "Bundesanstalt für Immobilienaufgaben, Dienststelle {T}",
                             "ra": "Landesbetrieb Bau und Liegenschaften {T}", "la": "Stadt {T}",
                             "body-pl": "Universitätsklinikum {T}", "pub-undert": "Stadtwerke {T}"],
                departments: ["", " – Zentrale Vergabestelle", " – Hochbauamt", " – Tiefbauamt", " – IT-Dienstleistungen",
                              " – Beschaffung", " – Liegenschaften", " – Fuhrpark"],
                reviewBody: "Vergabekammer {T}"),
        Country(code: "ITA", language: "ITA", offset: 1, weight: 0.13, phonePrefix: "+39 ", webSuffix: "it",
                towns: [Town(name: "Torino", nuts: "ITC11", postcode: "10121"),
                        Town(name: "Bologna", nuts: "ITH55", postcode: "40121"),
                        Town(name: "Firenze", nuts: "ITI14", postcode: "50122"),
                        Town(name: "Napoli", nuts: "ITF33", postcode: "80133"),
                        Town(name: "Bari", nuts: "ITF47", postcode: "70121"),
                        Town(name: "Verona", nuts: "ITH31", postcode: "37121"),
                        Town(name: "Genova", nuts: "ITC33", postcode: "16121"),
                        Town(name: "Palermo", nuts: "ITG12", postcode: "90133")],
                legalForms: ["S.r.l.", "S.p.A.", "S.c.a.r.l."],
                supplierId: .digits(prefix: "IT", count: 11, letter: false),
                buyerId: .digits(prefix: "8", count: 10, letter: false),
                buyerNames: ["cga": "Prefettura di {T}", "ra": "Provincia di {T}", "la": "Comune di {T}",
                             "body-pl": "Azienda Ospedaliera Universitaria di {T}",
                             "pub-undert": "Acquedotto di {T} S.p.A."],
                departments: ["", " – Centrale unica di committenza", " – Settore lavori pubblici", " – Ufficio gare",
                              " – Servizi informativi", " – Provveditorato", " – Settore patrimonio", " – Area tecnica"],
                reviewBody: "Tribunale amministrativo regionale di {T}"),
        Country(code: "ESP", language: "SPA", offset: 1, weight: 0.13, phonePrefix: "+34 ", webSuffix: "es",
                towns: [Town(name: "Valladolid", nuts: "ES418", postcode: "47001"),
                        Town(name: "Zaragoza", nuts: "ES243", postcode: "50001"),
                        Town(name: "Valencia", nuts: "ES523", postcode: "46001"),
                        Town(name: "Sevilla", nuts: "ES618", postcode: "41001"),
                        Town(name: "Bilbao", nuts: "ES213", postcode: "48001"),
                        Town(name: "Murcia", nuts: "ES620", postcode: "30001"),
                        Town(name: "Málaga", nuts: "ES617", postcode: "29001"),
                        Town(name: "Oviedo", nuts: "ES120", postcode: "33001")],
                legalForms: ["S.L.", "S.A.", "S.L.U."],
                supplierId: .digits(prefix: "B", count: 8, letter: false),
                buyerId: .digits(prefix: "P", count: 7, letter: true),
                buyerNames: ["cga": "Delegación del Gobierno en {T}", "ra": "Diputación Provincial de {T}",
                             "la": "Ayuntamiento de {T}", "body-pl": "Hospital Universitario de {T}",
                             "pub-undert": "Aguas Municipales de {T} S.A."],
                departments: ["", " – Servicio de Contratación", " – Área de Obras", " – Mesa de Contratación",
                              " – Servicio de Informática", " – Patrimonio", " – Servicios Generales",
                              " – Área de Infraestructuras"],
                reviewBody: "Tribunal Administrativo de Recursos Contractuales de {T}"),
        Country(code: "NLD", language: "NLD", offset: 1, weight: 0.09, phonePrefix: "+31 ", webSuffix: "nl",
                towns: [Town(name: "Utrecht", nuts: "NL310", postcode: "3511 AA"),
                        Town(name: "Groningen", nuts: "NL113", postcode: "9711 LM"),
                        Town(name: "Eindhoven", nuts: "NL414", postcode: "5611 EM"),
                        Town(name: "Zwolle", nuts: "NL211", postcode: "8011 PK"),
                        Town(name: "Leiden", nuts: "NL337", postcode: "2311 EZ"),
                        Town(name: "Arnhem", nuts: "NL226", postcode: "6811 CA")],
                legalForms: ["B.V.", "N.V."],
                supplierId: .digits(prefix: "", count: 8, letter: false),
                buyerId: .digits(prefix: "", count: 8, letter: false),
                buyerNames: ["cga": "Rijkswaterstaat, regio {T}", "ra": "Provincie {T}", "la": "Gemeente {T}",
                             "body-pl": "Universitair Medisch Centrum {T}", "pub-undert": "Waterbedrijf {T} N.V."],
                departments: ["", " – Inkoop", " – Vastgoed", " – Openbare Ruimte", " – ICT", " – Facilitaire Zaken",
                              " – Mobiliteit", " – Beheer en Onderhoud"],
                reviewBody: "Rechtbank {T}"),
        Country(code: "BEL", language: "NLD", offset: 1, weight: 0.09, phonePrefix: "+32 ", webSuffix: "be",
                towns: [Town(name: "Gent", nuts: "BE234", postcode: "9000"),
                        Town(name: "Antwerpen", nuts: "BE211", postcode: "2000"),
                        Town(name: "Brugge", nuts: "BE251", postcode: "8000"),
                        Town(name: "Leuven", nuts: "BE241", postcode: "3000"),
                        Town(name: "Hasselt", nuts: "BE221", postcode: "3500"),
                        Town(name: "Mechelen", nuts: "BE212", postcode: "2800")],
                legalForms: ["NV", "BV", "CV"],
                supplierId: .digits(prefix: "BE0", count: 9, letter: false),
                buyerId: .digits(prefix: "0", count: 9, letter: false),
                buyerNames: ["cga": "FOD Financiën, kantoor {T}", "ra": "Provinciebestuur {T}", "la": "Stad {T}",
                             "body-pl": "AZ Sint-Jan {T}", "pub-undert": "Intercommunale Watergroep {T}"],
                departments: ["", " – Aankoopdienst", " – Patrimonium", " – Openbaar Domein", " – ICT",
                              " – Facility", " – Mobiliteit", " – Technische Dienst"],
                reviewBody: "Raad van State"),
        Country(code: "AUT", language: "DEU", offset: 1, weight: 0.08, phonePrefix: "+43 ", webSuffix: "at",
                towns: [Town(name: "Graz", nuts: "AT221", postcode: "8010"),
                        Town(name: "Linz", nuts: "AT312", postcode: "4020"),
                        Town(name: "Salzburg", nuts: "AT323", postcode: "5020"),
                        Town(name: "Innsbruck", nuts: "AT332", postcode: "6020"),
                        Town(name: "Klagenfurt", nuts: "AT211", postcode: "9020"),
                        Town(name: "St. Pölten", nuts: "AT123", postcode: "3100")],
                legalForms: ["GmbH", "AG", "KG"],
                supplierId: .digits(prefix: "ATU", count: 8, letter: false),
                buyerId: .digits(prefix: "ATU", count: 8, letter: false),
                buyerNames: ["cga": "Bundesimmobiliengesellschaft, Standort {T}", "ra": "Amt der Landesregierung, {T}",
                             "la": "Stadtgemeinde {T}", "body-pl": "Landeskrankenhaus {T}",
                             "pub-undert": "{T} AG für Energie und Wasser"],
                departments: ["", " – Zentraleinkauf", " – Hochbau", " – Straßenbau", " – IT-Services", " – Beschaffung",
                              " – Gebäudemanagement", " – Fuhrpark"],
                reviewBody: "Landesverwaltungsgericht {T}"),
        Country(code: "IRL", language: "ENG", offset: 0, weight: 0.08, phonePrefix: "+353 ", webSuffix: "ie",
                towns: [Town(name: "Cork", nuts: "IE053", postcode: "T12 X70A"),
                        Town(name: "Galway", nuts: "IE042", postcode: "H91 E2K3"),
                        Town(name: "Limerick", nuts: "IE051", postcode: "V94 T9PX"),
                        Town(name: "Dublin", nuts: "IE061", postcode: "D02 F205"),
                        Town(name: "Waterford", nuts: "IE052", postcode: "X91 PK29"),
                        Town(name: "Sligo", nuts: "IE041", postcode: "F91 Y763")],
                legalForms: ["Ltd", "DAC", "Limited"],
                supplierId: .digits(prefix: "IE", count: 7, letter: true),
                buyerId: .digits(prefix: "IE", count: 7, letter: true),
                buyerNames: ["cga": "Office of Public Works, {T}", "ra": "{T} County Council", "la": "{T} City Council",
                             "body-pl": "{T} University Hospital", "pub-undert": "{T} Harbour and Water Company DAC"],
                departments: ["", " – Procurement Unit", " – Property Services", " – Roads Department", " – ICT Services",
                              " – Facilities Management", " – Fleet Services", " – Capital Projects"],
                reviewBody: "The High Court"),
    ]

    /// BT-11 buyer legal types and their shares.
    static let legalTypes: [(code: String, weight: Double)] = [
        ("cga", 0.14), ("ra", 0.16), ("la", 0.38), ("body-pl", 0.24), ("pub-undert", 0.08),
    ]

    /// BT-10 main activities of contracting authorities (`authority-activity`).
    static let authorityActivities: [String: [String]] = [
        "cga": ["gen-pub", "pub-os", "econ", "env"],
        "ra": ["gen-pub", "env", "educ", "hc-am"],
        "la": ["gen-pub", "educ", "hc-am", "env", "rcr"],
        "body-pl": ["health", "educ", "soc-pro"],
    ]

    /// BT-10 activities of utilities (`entity-activity`): procurement under 2014/25/EU.
    static let entityActivities = ["water", "electricity", "urttb"]

    /// BT-105 procedure types of the background market and their shares.
    static let procedureTypes: [(type: ProcedureType, weight: Double)] = [
        (.open, 0.74), (.restricted, 0.08), (.negotiatedWithCall, 0.06), (.competitiveDialogue, 0.015),
        (.negotiatedWithoutCall, 0.065),
    ]

    /// BT-136 direct-award justifications.
    static let directAwardJustifications = ["urgency", "technical", "exclusive", "additional", "repetition", "no-tenders"]

    static let directAwardTexts: [String: String] = [
        "urgency": "Extreme urgency brought about by events unforeseeable by the contracting authority; the time limits of an open procedure could not be complied with.",
        "technical": "The works, supplies or services can be supplied only by a particular economic operator for technical reasons: no reasonable alternative exists.",
        "exclusive": "Protection of exclusive rights, including intellectual property rights, held by the contractor.",
        "additional": "Additional deliveries by the original supplier intended as a partial replacement or extension of existing installations.",
        "repetition": "New services consisting in the repetition of similar services entrusted to the contractor of the original contract.",
        "no-tenders": "No suitable tenders were submitted in response to an earlier open procedure.",
    ]

    static let urgencyTexts = [
        "Duly substantiated urgency: the previous contract was terminated for serious breach and the service must continue without interruption.",
        "Duly substantiated urgency following storm damage to public buildings that must be made safe before the winter.",
        "Duly substantiated urgency: funding under the recovery programme must be committed before the end of the financial year.",
        "Duly substantiated urgency: the supplier of the current contract became insolvent and deliveries stopped.",
    ]

    static let changeReasons = [
        "Correction of the time limit for receipt of tenders.",
        "The procurement documents were updated; the time limit is adjusted accordingly.",
        "Clarification of the time limits after questions from economic operators.",
    ]

    static let divisions: [Division] = [
        Division(code: "45", nature: .works, weight: 0.20, median: 950_000, sigma: 1.15, niche: false,
                 sectorWords: ["Construction", "Bau", "Civil Works", "Building", "Infra"],
                 cpvs: [CPVCode(code: "45233140", title: "Road works"),
                        CPVCode(code: "45210000", title: "Building construction works"),
                        CPVCode(code: "45453000", title: "Overhaul and refurbishment works"),
                        CPVCode(code: "45232400", title: "Sewer construction work"),
                        CPVCode(code: "45261000", title: "Roof works"),
                        CPVCode(code: "45331000", title: "Heating, ventilation and air-conditioning installation work")]),
        Division(code: "33", nature: .supplies, weight: 0.09, median: 260_000, sigma: 1.1, niche: false,
                 sectorWords: ["Medical", "Healthcare", "Pharma", "Medtech"],
                 cpvs: [CPVCode(code: "33140000", title: "Medical consumables"),
                        CPVCode(code: "33600000", title: "Pharmaceutical products"),
                        CPVCode(code: "33190000", title: "Miscellaneous medical devices and products"),
                        CPVCode(code: "33696000", title: "Reagents and contrast media")]),
        Division(code: "30", nature: .supplies, weight: 0.07, median: 160_000, sigma: 1.0, niche: false,
                 sectorWords: ["Office", "Computing", "Data Systems", "IT Supply"],
                 cpvs: [CPVCode(code: "30213000", title: "Personal computers"),
                        CPVCode(code: "30192000", title: "Office supplies"),
                        CPVCode(code: "30232000", title: "Peripheral equipment"),
                        CPVCode(code: "30125000", title: "Parts and accessories of photocopying apparatus")]),
        Division(code: "34", nature: .supplies, weight: 0.05, median: 380_000, sigma: 1.0, niche: false,
                 sectorWords: ["Vehicles", "Fleet", "Mobility", "Automotive"],
                 cpvs: [CPVCode(code: "34144000", title: "Special-purpose motor vehicles"),
                        CPVCode(code: "34121000", title: "Buses and coaches"),
                        CPVCode(code: "34110000", title: "Passenger cars"),
                        CPVCode(code: "34136000", title: "Vans")]),
        Division(code: "09", nature: .supplies, weight: 0.03, median: 520_000, sigma: 1.1, niche: false,
                 sectorWords: ["Energy", "Fuels", "Power"],
                 cpvs: [CPVCode(code: "09310000", title: "Electricity"),
                        CPVCode(code: "09134100", title: "Diesel oil"),
                        CPVCode(code: "09123000", title: "Natural gas")]),
        Division(code: "15", nature: .supplies, weight: 0.04, median: 210_000, sigma: 0.9, niche: false,
                 sectorWords: ["Food", "Foods", "Catering Supply"],
                 cpvs: [CPVCode(code: "15800000", title: "Miscellaneous food products"),
                        CPVCode(code: "15500000", title: "Dairy products"),
                        CPVCode(code: "15110000", title: "Meat")]),
        Division(code: "72", nature: .services, weight: 0.08, median: 280_000, sigma: 1.1, niche: false,
                 sectorWords: ["Software", "Digital", "IT Services", "Informatics"],
                 cpvs: [CPVCode(code: "72262000", title: "Software development services"),
                        CPVCode(code: "72253000", title: "Helpdesk and support services"),
                        CPVCode(code: "72300000", title: "Data services"),
                        CPVCode(code: "72611000", title: "Technical computer support services")]),
        Division(code: "79", nature: .services, weight: 0.07, median: 190_000, sigma: 1.0, niche: false,
                 sectorWords: ["Services", "Consulting", "Security", "Partners"],
                 cpvs: [CPVCode(code: "79710000", title: "Security services"),
                        CPVCode(code: "79340000", title: "Advertising and marketing services"),
                        CPVCode(code: "79530000", title: "Translation services"),
                        CPVCode(code: "79410000", title: "Business and management consultancy services")]),
        Division(code: "90", nature: .services, weight: 0.08, median: 330_000, sigma: 1.0, niche: false,
                 sectorWords: ["Cleaning", "Environmental Services", "Facility", "Waste"],
                 cpvs: [CPVCode(code: "90910000", title: "Cleaning services"),
                        CPVCode(code: "90511000", title: "Refuse collection services"),
                        CPVCode(code: "90620000", title: "Snow-clearing services"),
                        CPVCode(code: "90470000", title: "Sewer cleaning services")]),
        Division(code: "71", nature: .services, weight: 0.07, median: 210_000, sigma: 1.0, niche: false,
                 sectorWords: ["Engineering", "Ingenieure", "Architects", "Design"],
                 cpvs: [CPVCode(code: "71320000", title: "Engineering design services"),
                        CPVCode(code: "71240000", title: "Architectural, engineering and planning services"),
                        CPVCode(code: "71520000", title: "Construction supervision services"),
                        CPVCode(code: "71351000", title: "Geological and geophysical services")]),
        Division(code: "50", nature: .services, weight: 0.05, median: 160_000, sigma: 0.9, niche: false,
                 sectorWords: ["Maintenance", "Technical Services", "Repair"],
                 cpvs: [CPVCode(code: "50700000", title: "Repair and maintenance services of building installations"),
                        CPVCode(code: "50110000", title: "Repair and maintenance services of motor vehicles"),
                        CPVCode(code: "50232000", title: "Maintenance services of public-lighting installations")]),
        Division(code: "55", nature: .services, weight: 0.04, median: 360_000, sigma: 0.9, niche: false,
                 sectorWords: ["Catering", "Restauration", "Food Services"],
                 cpvs: [CPVCode(code: "55524000", title: "School catering services"),
                        CPVCode(code: "55520000", title: "Catering services"),
                        CPVCode(code: "55321000", title: "Meal-preparation services")]),
        Division(code: "60", nature: .services, weight: 0.04, median: 420_000, sigma: 1.0, niche: false,
                 sectorWords: ["Transport", "Travel", "Bus Services"],
                 cpvs: [CPVCode(code: "60130000", title: "Special-purpose road passenger-transport services"),
                        CPVCode(code: "60112000", title: "Public road transport services"),
                        CPVCode(code: "60140000", title: "Non-scheduled passenger transport")]),
        Division(code: "38", nature: .supplies, weight: 0.03, median: 320_000, sigma: 0.9, niche: true,
                 sectorWords: ["Instruments", "Analytical", "Scientific"],
                 cpvs: [CPVCode(code: "38433000", title: "Spectrometers"),
                        CPVCode(code: "38510000", title: "Microscopes"),
                        CPVCode(code: "38434000", title: "Analysers")]),
        Division(code: "73", nature: .services, weight: 0.03, median: 360_000, sigma: 0.9, niche: true,
                 sectorWords: ["Research", "Labs", "Institute"],
                 cpvs: [CPVCode(code: "73110000", title: "Research services"),
                        CPVCode(code: "73120000", title: "Experimental development services"),
                        CPVCode(code: "73210000", title: "Research consultancy services")]),
    ]

    /// Made-up name roots for suppliers.
    static let nameRoots = [
        "Altena", "Borealis", "Castellan", "Deltamar", "Euronord", "Fjordan", "Granvik", "Helvion", "Iberica",
        "Juralis", "Kestrel", "Lumeva", "Meridian", "Nordwerk", "Orvana", "Pallas", "Quadra", "Rivola", "Solvay Park",
        "Tarvos", "Ulmen", "Valdor", "Westrand", "Xantia", "Yserbrug", "Zephyra", "Ambrosi", "Bellavista",
        "Corvina", "Danubia", "Elbtal", "Faro", "Gironde", "Hohenfels", "Ilvana", "Kastell", "Lagune", "Montalto",
        "Nervion", "Oderland", "Pirin", "Rheinblick", "Sarmiento", "Tejo", "Urbino", "Vesta", "Weserland",
        "Aurelia", "Brenner", "Calder", "Dunmore", "Erne", "Foyle", "Glenbeigh", "Liffey", "Moyola", "Nore",
        "Shannonside", "Tolka", "Vartry",
    ]

    /// BT-165 sizes and their shares among suppliers.
    static let sizes: [(code: String, weight: Double)] = [
        ("micro", 0.18), ("small", 0.34), ("medium", 0.30), ("large", 0.18),
    ]

    static let sdkVersions = ["eforms-sdk-1.9", "eforms-sdk-1.10", "eforms-sdk-1.11", "eforms-sdk-1.12", "eforms-sdk-1.13"]
}
