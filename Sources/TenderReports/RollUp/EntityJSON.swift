import TenderModel
import TenderScreening

/// The `screen --by buyer|supplier` report as JSON (one document) or JSON Lines (one
/// organisation per line); docs/rollup-report.schema.json.
public enum EntityJSON {
    public static let schemaVersion = 1

    /// The whole report: ``writeHead(rollUp:minimumProcedures:ranking:populations:summary:generatorVersion:to:)``,
    /// each listed organisation, ``ScreeningJSON/writeTail(errors:warnings:to:)``.
    public static func writeDocument(rollUp: EntityRollUp, minimumProcedures: Int, ranking: [EntityScore],
                                     listed: [EntityScore], populations: [PopulationNote],
                                     summary: ScreeningJSON.Summary, errors: [Diagnostic], warnings: [Diagnostic] = [],
                                     generatorVersion: String,
                                     settings: SettingsProvenance = .standard,
                                     to json: inout JSONWriter) {
        writeHead(rollUp: rollUp, minimumProcedures: minimumProcedures, ranking: ranking, populations: populations,
                  summary: summary, generatorVersion: generatorVersion, settings: settings, to: &json)
        for entity in listed {
            json.raw("\n")
            write(entity, to: &json)
        }
        ScreeningJSON.writeTail(errors: errors, warnings: warnings, to: &json)
    }

    /// Everything before the first organisation: generator, the role, the procedure summary,
    /// the roll-up's own counts, the indicators with their weights, populations, and the
    /// opening of the `organisations` array. `ranking` is every organisation (for the counts).
    public static func writeHead(rollUp: EntityRollUp, minimumProcedures: Int, ranking: [EntityScore],
                                 populations: [PopulationNote], summary: ScreeningJSON.Summary,
                                 generatorVersion: String, settings: SettingsProvenance = .standard,
                                 to json: inout JSONWriter) {
        json.beginObject()
        json.field("schemaVersion", schemaVersion)
        ScreeningJSON.writeGenerator(version: generatorVersion, to: &json)
        settings.write(to: &json)
        json.field("by", rollUp.role.rawValue)
        json.key("summary")
        ScreeningJSON.writeSummary(summary, to: &json)
        json.key("rollUp")
        json.beginObject()
        json.field("minimumProcedures", minimumProcedures)
        json.field("organisations", ranking.count)
        json.field("belowMinimum", ranking.count { $0.belowMinimum })
        json.field("proceduresWithoutOrganisation", rollUp.proceduresWithoutOrganisation)
        json.field("unidentifiedOrganisations", rollUp.unidentified)
        json.endObject()
        json.key("indicators")
        json.beginArray()
        for (indicator, weight) in zip(rollUp.indicators, rollUp.weights) {
            json.beginObject()
            json.field("id", indicator.id)
            json.field("name", indicator.name)
            json.field("phase", indicator.phase.rawValue)
            json.key("weight")
            json.number(weight)
            json.endObject()
        }
        json.endArray()
        ScreeningJSON.writePopulations(populations, to: &json)
        json.key("organisations")
        json.beginArray()
    }

    /// One JSON Lines record: the organisation ending with the `generator` and `settings` of
    /// the run, as the procedure records do (``ScreeningJSON/writeLine(rank:fragment:generatorVersion:settings:to:)``).
    public static func writeLine(_ entity: EntityScore, generatorVersion: String, settings: SettingsProvenance,
                                 to json: inout JSONWriter) {
        write(entity, closing: false, to: &json)
        ScreeningJSON.writeGenerator(version: generatorVersion, to: &json)
        settings.write(to: &json)
        json.endObject()
    }

    /// One ranked organisation: the object of the `organisations` array.
    public static func write(_ entity: EntityScore, to json: inout JSONWriter) {
        write(entity, closing: true, to: &json)
    }

    private static func write(_ entity: EntityScore, closing: Bool, to json: inout JSONWriter) {
        json.beginObject()
        json.field("rank", entity.rank)
        json.field("key", entity.key)
        json.field("name", entity.name)
        json.field("country", entity.country)
        json.field("procedures", entity.procedures)
        json.field("belowMinimum", entity.belowMinimum)
        json.key("value")
        write(entity.value, to: &json)
        json.key("composite")
        json.number(entity.composite)
        json.key("meanScore")
        json.number(entity.meanScore)
        json.key("maxScore")
        json.number(entity.maxScore)
        json.key("indicators")
        json.beginArray()
        for rate in entity.indicators {
            json.beginObject()
            json.field("id", rate.id)
            json.field("flagged", rate.flagged)
            json.field("checked", rate.checked)
            json.field("insufficientData", rate.insufficientData)
            json.key("share")
            if let share = rate.share { json.number(EvidenceRounding.ratio(share)) } else { json.null() }
            json.key("points")
            json.number(rate.points)
            json.endObject()
        }
        json.endArray()
        json.field("topProcedures", strings: entity.topProcedures)
        if closing { json.endObject() }
    }

    private static func write(_ value: EntityValue, to json: inout JSONWriter) {
        json.beginObject()
        json.field("currency", "EUR")
        json.field("amount", value.euro?.sum.text)
        json.field("procedures", value.euro?.procedures ?? 0)
        json.key("otherCurrencies")
        json.beginArray()
        for total in value.otherCurrencies {
            json.beginObject()
            json.field("currency", total.currency)
            json.field("amount", total.sum.text)
            json.field("procedures", total.procedures)
            json.endObject()
        }
        json.endArray()
        json.field("proceduresWithoutValue", value.proceduresWithoutValue)
        json.endObject()
    }
}
