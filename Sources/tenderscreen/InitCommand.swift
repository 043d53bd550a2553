import ArgumentParser
import TenderEngine
import TenderScreening

/// `tenderscreen init`: a commented settings file with every default.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented settings file with every default, to edit and use with `screen --settings`.",
        discussion: """
            The file lists every indicator (what it detects, enabled, weight and each setting with its \
            meaning), the scoring, and the full EU time-limit and threshold tables with their citations. \
            It reads back to the defaults: `screen --settings` with it unchanged screens exactly as \
            without it (the reports' settings digest is the same). An existing file is refused unless \
            --force. See docs/settings.md.
            """
    )

    @Argument(help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
    var file: String = "tenderscreen.toml"

    @Flag(help: "Replace an existing file.")
    var force = false

    func validate() throws {
        guard !file.isEmpty else { throw ValidationError("name a file, or - for standard output") }
    }

    func run() throws {
        let text = SettingsTemplate.text(generator: "tenderscreen \(TenderscreenVersion.current)")
        if file == "-" {
            let output = ReportOutput()
            try output.write(text)
            try output.commit()
            return
        }
        guard force || !TextFile.exists(file) else {
            printError("tenderscreen init: \(file) already exists; use --force to replace it")
            throw ExitCode(ExitStatus.failed)
        }
        let output = try ReportOutput(path: file)
        try output.write(text)
        try output.commit()
        printError("init: wrote \(file); use it with `tenderscreen screen --settings \(file) <notices>`")
    }
}
