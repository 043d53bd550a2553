import ArgumentParser
import TenderEngine
import TenderScreening

/// `--settings FILE`, shared by `screen`, `indicators` and `explain`.
struct SettingsOptions: ParsableArguments {
    @Option(name: .customLong("settings"), help: ArgumentHelp(
        "Read the settings from this TOML file (indicators, weights, scoring, legal tables); "
            + "`tenderscreen init` writes one with every default. See docs/settings.md.",
        valueName: "file"))
    var file: String?

    /// The file's settings, or the defaults without `--settings`. A file that cannot be read
    /// or is wrong is reported on standard error (`file:line: key: message`) and exits with 1,
    /// before anything is screened.
    func load() throws -> SettingsFile {
        guard let file else { return SettingsFile(settings: .standard) }
        let text: String
        do {
            text = try TextFile.read(file)
        } catch {
            printError("tenderscreen: \(error.description)")
            throw ExitCode(ExitStatus.failed)
        }
        do {
            return try SettingsFile.parse(text, file: file)
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.failed)
        }
    }
}
