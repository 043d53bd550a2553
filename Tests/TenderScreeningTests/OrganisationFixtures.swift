import Testing
import TenderModel
import TenderScreening

/// Procedures for the organisation-level indicators: buyers, suppliers and markets are what they
/// compare, so each procedure states only those.
enum OrganisationFixtures {
    /// A procedure of `buyer` with one lot won by `supplier` at `amount` EUR, awarded on `awarded`,
    /// `received` tenders by the notice's count (the winner is the only one listed).
    static func award(_ id: String, buyer: String = "123", supplier: String = "Alpha", amount: String? = "90000",
                      type: String = "open", cpv: String = "45233000", awarded: String = "2024-05-10",
                      received: Reported<Int>? = .known(3)) -> Procedure {
        var factory = ProcedureFactory()
        factory.id = id
        factory.buyer = buyer
        factory.procedureType = .known(type)
        factory.withCallNotice = type != "neg-wo-call"
        factory.cpv = cpv
        factory.lots = [LotFactory(tendersStatistic: received, tenders: [(amount, supplier)], awardDate: awarded)]
        return factory.build()
    }

    /// A procedure of `buyer` with one lot per amount, each won by `supplier`.
    static func awards(_ id: String, buyer: String = "123", supplier: String = "Alpha", amounts: [String]) -> Procedure {
        var factory = ProcedureFactory()
        factory.id = id
        factory.buyer = buyer
        factory.lots = amounts.enumerated().map { index, amount in
            LotFactory(id: "LOT-\(index + 1)", tenders: [(amount, supplier)])
        }
        return factory.build()
    }

    /// The same procedure with its buyer known only by its notice-local id.
    static func withAnonymousBuyer(_ procedure: Procedure) -> Procedure {
        var procedure = procedure
        procedure.buyers[0].organization.nationalId = nil
        procedure.buyers[0].organization.name = nil
        return procedure
    }

    static func settings(_ indicator: String, _ overrides: [String: SettingValue]) -> ScreeningSettings {
        var settings = ScreeningSettings()
        settings.overrides[indicator] = overrides
        return settings
    }
}

/// Folding in 1, 2 or 3 merged parts gives the findings of a single fold.
func expectMergeIndependent<I: Indicator>(_ type: I.Type, _ procedures: [Procedure],
                                          settings: ScreeningSettings = .standard) {
    let whole = findings(type, procedures, settings: settings)
    for parts in 1...3 {
        #expect(findingsMerged(type, procedures, parts: parts, settings: settings) == whole)
    }
}
