import ArgumentParser
import TenderReports
import TenderScreening

/// `tenderscreen indicators`: the catalogue.
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "List the red-flag indicators with their phase and weight (from --settings when given)."
    )

    @OptionGroup var settingsOptions: SettingsOptions

    func run() throws {
        let settings = try settingsOptions.load().settings
        print(IndicatorDocumentation.list(IndicatorCatalogue.all.map { $0.metadata }, settings: settings), terminator: "")
    }
}

/// `tenderscreen explain`: one indicator in full.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain an indicator: method, rationale, evidence, settings and references."
    )

    @Argument(help: "An indicator id (see `tenderscreen indicators`).")
    var indicator: String?

    @Flag(help: "Every indicator.")
    var all = false

    @Flag(help: "Markdown (as in docs/indicators.md) instead of plain text.")
    var markdown = false

    @OptionGroup var settingsOptions: SettingsOptions

    func validate() throws {
        guard all || indicator != nil else { throw ValidationError("name an indicator, or use --all") }
        if let indicator, IndicatorCatalogue.indicator(id: indicator) == nil {
            let known = IndicatorCatalogue.all.map { $0.metadata.id }.joined(separator: ", ")
            throw ValidationError("unknown indicator '\(indicator)'; known: \(known)")
        }
    }

    func run() throws {
        let settings = try settingsOptions.load().settings
        let chosen = all ? IndicatorCatalogue.all.map { $0.metadata }
            : [IndicatorCatalogue.indicator(id: indicator!)!.metadata]
        if markdown {
            print(IndicatorDocumentation.markdown(chosen), terminator: "")
        } else {
            print(chosen.map { IndicatorDocumentation.text($0, settings: settings) }.joined(separator: "\n\n" + String(repeating: "─", count: 100) + "\n\n"))
        }
    }
}
