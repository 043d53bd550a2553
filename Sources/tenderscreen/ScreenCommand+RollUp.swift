import ArgumentParser
import TenderEngine
import TenderModel
import TenderReports
import TenderScreening

/// `tenderscreen screen --by buyer|supplier`: organisations ranked by the risk of their
/// procedures (docs/rollups.md).
extension ScreenCommand {
    enum RollUpRole: String, ExpressibleByArgument, CaseIterable {
        case buyer, supplier

        var role: EntityRole {
            switch self {
            case .buyer: return .buyer
            case .supplier: return .supplier
            }
        }
    }

    /// Screens every procedure, rolls them up by organisation as they are screened (no
    /// procedure is kept), and prints the organisations ranked; `--top` and `--min-score`
    /// apply to organisations (composite score).
    func screenOrganisations(by role: EntityRole, settings: ScreeningSettings, provenance: SettingsProvenance,
                             version: String, format: Format, sink: ReportOutput, display: ProgressDisplay) throws {
        let run = try screen(settings: settings, display: display, rollUp: role) { _ in nil }
        let screening = run.screening
        guard let rollUp = run.rollUp else { preconditionFailure("a roll-up was asked for") }

        let summary = screening.summary
        let minimumProcedures = self.minimumProcedures ?? 5
        let ranking = rollUp.ranking(minimumProcedures: minimumProcedures)
        let listed = Array(ranking.filter { minimumScore == nil || $0.composite >= minimumScore! }.prefix(top ?? .max))

        var json = JSONWriter()
        switch format {
        case .table:
            try sink.write(EntityTable.header(role: role))
            for entity in listed { try sink.write(EntityTable.block(entity)) }
            try sink.write(EntityTable.footer(summary: summary, rollUp: rollUp, minimumProcedures: minimumProcedures,
                                              ranked: ranking.count, errors: screening.errors,
                                              warnings: screening.warnings,
                                              listedNone: listed.isEmpty, generatorVersion: version,
                                              settings: provenance))
        case .json:
            EntityJSON.writeDocument(rollUp: rollUp, minimumProcedures: minimumProcedures, ranking: ranking,
                                     listed: listed, populations: screening.populations, summary: summary,
                                     errors: screening.errors, warnings: screening.warnings,
                                     generatorVersion: version,
                                     settings: provenance, to: &json)
        case .jsonl:
            for entity in listed {
                EntityJSON.writeLine(entity, generatorVersion: version, settings: provenance, to: &json)
                json.raw("\n")
            }
        }
        try sink.write(json.bytes)
        try sink.commit()

        try printSummary(screening, format: format,
                         found: "\(ranking.count.counted(role.rawValue)) ranked, \(listed.count) listed")
    }
}
