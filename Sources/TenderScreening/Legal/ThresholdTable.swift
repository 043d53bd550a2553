import TenderModel

/// What a threshold applies to.
public enum ThresholdCategory: String, Sendable, Hashable, CaseIterable {
    case works
    /// Supplies and services of central government authorities (2014/24 Annex I).
    case suppliesServicesCentral = "supplies-services-central"
    /// Supplies and services of sub-central contracting authorities.
    case suppliesServicesSubCentral = "supplies-services-sub-central"
    /// Supplies and services (utilities, defence).
    case suppliesServices = "supplies-services"
    case concessions
    /// Social and other specific services (light regime).
    case socialServices = "social-services"
}

/// One EU (or national) procurement threshold for a period, in EUR excluding VAT.
public struct ThresholdRule: Sendable, Hashable {
    public var jurisdiction: String
    public var legalBasis: String
    public var category: ThresholdCategory
    public var validFrom: CalendarDate
    public var validUntil: CalendarDate
    public var amount: DecimalNumber
    public var currency: String
    public var citation: String

    public init(jurisdiction: String = "EU", legalBasis: String, category: ThresholdCategory, validFrom: CalendarDate,
                validUntil: CalendarDate, amount: DecimalNumber, currency: String = "EUR", citation: String) {
        self.jurisdiction = jurisdiction
        self.legalBasis = legalBasis
        self.category = category
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.amount = amount
        self.currency = currency
        self.citation = citation
    }
}

/// Thresholds by period (docs/legal/eu-thresholds.md gives the sources). Rows added later
/// replace earlier ones for the same legal basis, category and start date.
public struct ThresholdTable: Sendable, Hashable {
    public private(set) var rules: [ThresholdRule]

    public init(rules: [ThresholdRule]) {
        self.rules = rules
    }

    public mutating func add(_ rule: ThresholdRule) {
        rules.removeAll { $0.legalBasis == rule.legalBasis && $0.category == rule.category && $0.validFrom == rule.validFrom }
        rules.append(rule)
    }

    /// The threshold in force on `date`.
    public func threshold(legalBasis: String, category: ThresholdCategory, on date: CalendarDate) -> ThresholdRule? {
        rules.last { $0.legalBasis == legalBasis && $0.category == category && $0.validFrom <= date && date <= $0.validUntil }
    }

    public func knows(legalBasis: String) -> Bool {
        rules.contains { $0.legalBasis == legalBasis }
    }

    public static let eu = ThresholdTable(rules: euRules)

    /// One period: (first year, the regulations setting it, 2014/24 works, central S&S, sub-central
    /// S&S, 2014/25 S&S; concessions and defence works equal 2014/24 works, defence S&S equals 2014/25).
    private struct Period {
        var year: Int
        var classic: String, utilities: String, concessions: String, defence: String
        var works: Int, central: Int, subCentral: Int, utilitiesSupplies: Int
        /// Defence figures not read in a source but derived from the rule that they follow 2014/25.
        var defenceWorksDerived: Bool, defenceSuppliesDerived: Bool
    }

    private static let periods: [Period] = [
        Period(year: 2016, classic: "Commission Delegated Regulation (EU) 2015/2170",
               utilities: "Commission Delegated Regulation (EU) 2015/2171",
               concessions: "Commission Delegated Regulation (EU) 2015/2172",
               defence: "Commission Regulation (EU) 2015/2340",
               works: 5_225_000, central: 135_000, subCentral: 209_000, utilitiesSupplies: 418_000,
               defenceWorksDerived: true, defenceSuppliesDerived: false),
        Period(year: 2018, classic: "Commission Delegated Regulation (EU) 2017/2365",
               utilities: "Commission Delegated Regulation (EU) 2017/2364",
               concessions: "Commission Delegated Regulation (EU) 2017/2366",
               defence: "Commission Regulation (EU) 2017/2367",
               works: 5_548_000, central: 144_000, subCentral: 221_000, utilitiesSupplies: 443_000,
               defenceWorksDerived: true, defenceSuppliesDerived: true),
        Period(year: 2020, classic: "Commission Delegated Regulation (EU) 2019/1828",
               utilities: "Commission Delegated Regulation (EU) 2019/1829",
               concessions: "Commission Delegated Regulation (EU) 2019/1827",
               defence: "Commission Delegated Regulation (EU) 2019/1830",
               works: 5_350_000, central: 139_000, subCentral: 214_000, utilitiesSupplies: 428_000,
               defenceWorksDerived: true, defenceSuppliesDerived: false),
        Period(year: 2022, classic: "Commission Delegated Regulation (EU) 2021/1952",
               utilities: "Commission Delegated Regulation (EU) 2021/1953",
               concessions: "Commission Delegated Regulation (EU) 2021/1951",
               defence: "Commission Delegated Regulation (EU) 2021/1950",
               works: 5_382_000, central: 140_000, subCentral: 215_000, utilitiesSupplies: 431_000,
               defenceWorksDerived: false, defenceSuppliesDerived: false),
        Period(year: 2024, classic: "Commission Delegated Regulation (EU) 2023/2495",
               utilities: "Commission Delegated Regulation (EU) 2023/2496",
               concessions: "Commission Delegated Regulation (EU) 2023/2497",
               defence: "Commission Delegated Regulation (EU) 2023/2510",
               works: 5_538_000, central: 143_000, subCentral: 221_000, utilitiesSupplies: 443_000,
               defenceWorksDerived: false, defenceSuppliesDerived: false),
        Period(year: 2026, classic: "Commission Delegated Regulation (EU) 2025/2152",
               utilities: "Commission Delegated Regulation (EU) 2025/2150",
               concessions: "Commission Delegated Regulation (EU) 2025/2151",
               defence: "Commission Delegated Regulation (EU) 2025/2487",
               works: 5_404_000, central: 140_000, subCentral: 216_000, utilitiesSupplies: 432_000,
               defenceWorksDerived: true, defenceSuppliesDerived: true),
    ]

    private static let euRules: [ThresholdRule] = periods.flatMap { period -> [ThresholdRule] in
        let from = CalendarDate(year: period.year, month: 1, day: 1)!
        let until = CalendarDate(year: period.year + 1, month: 12, day: 31)!
        let derived = " (value derived from the utilities figure, unverified)"
        let defenceWorksNote = period.defenceWorksDerived ? derived : ""
        let defenceSuppliesNote = period.defenceSuppliesDerived ? derived : ""
        func rule(_ basis: String, _ category: ThresholdCategory, _ amount: Int, _ citation: String) -> ThresholdRule {
            ThresholdRule(legalBasis: basis, category: category, validFrom: from, validUntil: until,
                          amount: DecimalNumber(amount), citation: citation)
        }
        return [
            rule("32014L0024", .works, period.works, "Directive 2014/24/EU art. 4(a), \(period.classic)"),
            rule("32014L0024", .suppliesServicesCentral, period.central, "Directive 2014/24/EU art. 4(b), \(period.classic)"),
            rule("32014L0024", .suppliesServicesSubCentral, period.subCentral,
                 "Directive 2014/24/EU art. 4(c), \(period.classic)"),
            rule("32014L0024", .socialServices, 750_000, "Directive 2014/24/EU art. 4(d)"),
            rule("32014L0025", .works, period.works, "Directive 2014/25/EU art. 15(b), \(period.utilities)"),
            rule("32014L0025", .suppliesServices, period.utilitiesSupplies,
                 "Directive 2014/25/EU art. 15(a), \(period.utilities)"),
            rule("32014L0025", .socialServices, 1_000_000, "Directive 2014/25/EU art. 15(c)"),
            rule("32014L0023", .concessions, period.works, "Directive 2014/23/EU art. 8(1), \(period.concessions)"),
            rule("32009L0081", .works, period.works, "Directive 2009/81/EC art. 8(b), \(period.defence)\(defenceWorksNote)"),
            rule("32009L0081", .suppliesServices, period.utilitiesSupplies,
                 "Directive 2009/81/EC art. 8(a), \(period.defence)\(defenceSuppliesNote)"),
        ]
    }
}
