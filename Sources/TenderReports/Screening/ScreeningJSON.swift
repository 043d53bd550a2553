import TenderModel
import TenderScreening

/// The `screen` report as JSON (one document) or JSON Lines (one procedure per line).
public enum ScreeningJSON {
    public static let schemaVersion = 1

    /// Counts over the whole run, for the summary.
    public struct Summary: Sendable {
        public var files: Int
        public var notices: Int
        public var procedures: Int
        public var flaggedProcedures: Int
        public var notCheckableFindings: Int
        public var errors: Int

        public init(files: Int, notices: Int, procedures: Int, flaggedProcedures: Int, notCheckableFindings: Int,
                    errors: Int) {
            self.files = files
            self.notices = notices
            self.procedures = procedures
            self.flaggedProcedures = flaggedProcedures
            self.notCheckableFindings = notCheckableFindings
            self.errors = errors
        }

        public init(files: Int, notices: Int, result: ScreeningResult, errors: Int) {
            self.init(files: files, notices: notices, procedures: result.ranking.count,
                      flaggedProcedures: result.ranking.filter { $0.score > 0 }.count,
                      notCheckableFindings: result.ranking.reduce(0) { $0 + $1.notCheckable.count }, errors: errors)
        }
    }

    /// The whole report from a result in memory: ``writeHead(indicators:populations:summary:generatorVersion:settings:to:)``,
    /// each listed procedure (`flush` is called after each), ``writeTail(errors:to:)``.
    public static func writeDocument(result: ScreeningResult, listed: [ScreenedProcedure], summary: Summary,
                                     errors: [Diagnostic], warnings: [Diagnostic] = [], generatorVersion: String,
                                     settings: SettingsProvenance = .standard, to json: inout JSONWriter,
                                     flush: (inout JSONWriter) throws -> Void = { _ in }) rethrows {
        writeHead(indicators: result.indicators, populations: result.populations, summary: summary,
                  generatorVersion: generatorVersion, settings: settings, to: &json)
        for screened in listed {
            json.raw("\n")
            write(screened, to: &json)
            try flush(&json)
        }
        writeTail(errors: errors, warnings: warnings, to: &json)
    }

    /// Everything before the first procedure: generator, settings, summary, indicators,
    /// populations, and the opening of the `procedures` array.
    public static func writeHead(indicators: [IndicatorMetadata], populations: [PopulationNote], summary: Summary,
                                 generatorVersion: String, settings: SettingsProvenance = .standard,
                                 to json: inout JSONWriter) {
        json.beginObject()
        json.field("schemaVersion", schemaVersion)
        writeGenerator(version: generatorVersion, to: &json)
        settings.write(to: &json)
        json.key("summary")
        writeSummary(summary, to: &json)
        json.key("indicators")
        json.beginArray()
        for indicator in indicators {
            json.beginObject()
            json.field("id", indicator.id)
            json.field("name", indicator.name)
            json.field("phase", indicator.phase.rawValue)
            json.endObject()
        }
        json.endArray()
        writePopulations(populations, to: &json)
        json.key("procedures")
        json.beginArray()
    }

    /// Everything after the last procedure: the `errors` array (inputs not read), the `warnings`
    /// array (inputs read but not all used: duplicates, superseded versions, folders reached
    /// twice) and the end of the document.
    public static func writeTail(errors: [Diagnostic], warnings: [Diagnostic] = [], to json: inout JSONWriter) {
        json.endArray()
        json.key("errors")
        json.beginArray()
        for error in errors { json.diagnostic(error) }
        json.endArray()
        json.key("warnings")
        json.beginArray()
        for warning in warnings { json.diagnostic(warning) }
        json.endArray()
        json.endObject()
        json.raw("\n")
    }

    /// `"generator": {"name": "tenderscreen", "version": …}`.
    static func writeGenerator(version: String, to json: inout JSONWriter) {
        json.key("generator")
        json.beginObject()
        json.field("name", "tenderscreen")
        json.field("version", version)
        json.endObject()
    }

    /// `"populations": [{"indicator": …, "statistics": {…}}]`: what population indicators computed.
    static func writePopulations(_ populations: [PopulationNote], to json: inout JSONWriter) {
        json.key("populations")
        json.beginArray()
        for note in populations {
            json.beginObject()
            json.field("indicator", note.indicator)
            json.key("statistics")
            json.evidence(note.facts)
            json.endObject()
        }
        json.endArray()
    }

    static func writeSummary(_ summary: Summary, to json: inout JSONWriter) {
        json.beginObject()
        json.field("files", summary.files)
        json.field("notices", summary.notices)
        json.field("procedures", summary.procedures)
        json.field("flaggedProcedures", summary.flaggedProcedures)
        json.field("notCheckableFindings", summary.notCheckableFindings)
        json.field("errors", summary.errors)
        json.endObject()
    }

    /// One ranked procedure: the object of the `procedures` array and of each JSON Lines line.
    public static func write(_ screened: ScreenedProcedure, to json: inout JSONWriter) {
        write(rank: screened.rank, fragment: fragment(screened), to: &json)
    }

    /// A procedure rendered before its rank is known: ``write(rank:fragment:to:)`` completes it.
    public static func fragment(_ screened: ScreenedProcedure) -> [UInt8] {
        var json = JSONWriter(reservingCapacity: 16_384)
        writeUnranked(screened, to: &json)
        return json.bytes
    }

    /// A procedure's object from its ``fragment(_:)`` and its rank.
    public static func write(rank: Int, fragment: [UInt8], to json: inout JSONWriter) {
        json.object(rendered: fragment) { $0.field("rank", rank) }
    }

    /// One JSON Lines record: the procedure's object (as ``write(rank:fragment:to:)``) ending
    /// with the head's `generator` and `settings`, so every line says how it was made, even
    /// cut from its file or mixed with lines of other runs (a header line would break readers
    /// that take every line for a procedure).
    public static func writeLine(rank: Int, fragment: [UInt8], generatorVersion: String, settings: SettingsProvenance,
                                 to json: inout JSONWriter) {
        json.object(rendered: fragment, leading: { $0.field("rank", rank) }, trailing: { json in
            writeGenerator(version: generatorVersion, to: &json)
            settings.write(to: &json)
        })
    }

    private static func writeUnranked(_ screened: ScreenedProcedure, to json: inout JSONWriter) {
        let procedure = screened.procedure
        json.beginObject()
        json.field("id", procedure.id)
        json.key("score")
        json.number(screened.score)
        if let factor = screened.valueFactor {
            json.key("valueFactor")
            json.number(factor)
        }
        json.field("title", procedure.title)
        json.field("procedureType", reported: procedure.procedureType)
        json.field("valueAtStake", amount: ValueAtStake.of(procedure))
        json.key("buyers")
        json.beginArray()
        for buyer in procedure.buyers {
            json.beginObject()
            json.field("key", buyer.organization.key.value)
            json.field("name", buyer.organization.name)
            json.field("country", buyer.organization.country)
            json.endObject()
        }
        json.endArray()
        json.key("notices")
        json.beginArray()
        for notice in procedure.notices {
            json.beginObject()
            json.field("id", notice.id)
            json.field("noticeType", notice.noticeType)
            json.field("publicationId", notice.publicationId)
            json.field("file", notice.source.file)
            json.endObject()
        }
        json.endArray()
        json.key("checks")
        json.beginObject()
        json.field("flagged", screened.findings.filter(\.isFlagged).count)
        json.field("clear", screened.findings.filter { $0.status == .clear }.count)
        json.field("insufficientData", screened.notCheckable.count)
        json.field("notApplicable", screened.findings.filter {
            if case .notApplicable = $0.status { return true } else { return false }
        }.count)
        json.endObject()
        json.key("findings")
        json.beginArray()
        for finding in screened.findings { json.finding(finding) }
        json.endArray()
        json.endObject()
    }
}
