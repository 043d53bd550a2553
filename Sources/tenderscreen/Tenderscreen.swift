import ArgumentParser
import TenderEngine

/// `tenderscreen`: public-procurement tender screening.
struct Tenderscreen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenderscreen",
        abstract: "Screen public-procurement notices (EU eForms XML) for red flags.",
        discussion: """
            Exit codes: 0 done; 1 usage or fatal error; 2 done, but some inputs could not be read \
            (listed on standard error as file:line:column: message).
            """,
        version: TenderscreenVersion.current,
        subcommands: [ScreenCommand.self, ExtractCommand.self, IndicatorsCommand.self, ExplainCommand.self,
                      InitCommand.self, GenerateCommand.self, EvaluateCommand.self]
    )
}

enum TenderscreenVersion {
    static let current = "0.1.0"
}

/// Exit codes shared by every command.
enum ExitStatus {
    static let done: Int32 = 0
    static let failed: Int32 = 1
    static let inputErrors: Int32 = 2
}

/// The progress line of a long run: drawn on standard error only when it is a terminal
/// and the user did not ask for `--quiet`.
struct ProgressDisplay {
    let progress: Progress?
    private let line: ProgressLine?

    init(quiet: Bool) {
        if !quiet, System.isTerminal(2) {
            let progress = Progress()
            self.progress = progress
            line = ProgressLine(progress)
        } else {
            progress = nil
            line = nil
        }
    }

    func finish() {
        line?.finish()
    }
}
