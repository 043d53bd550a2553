import ArgumentParser
import TenderGenerator

/// `tenderscreen generate`: a synthetic procurement market (to be implemented).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic eForms corpus of a simulated procurement market, with planted risk schemes."
    )

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}
