import ArgumentParser
import TenderEngine
import TenderGenerator
import TenderReports

/// `tenderscreen generate`: a synthetic procurement market with planted risk schemes.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic eForms corpus of a simulated procurement market, with planted risk schemes.",
        discussion: """
            Each procedure gets a contract notice and an award notice (a direct award only an award \
            notice or a VEAT), joined by the procedure id (BT-04), in folders of at most 1000 files. \
            Cartels, favoured suppliers, split purchases, deadline abuse and identical bids are planted \
            at low rates, next to legitimate look-alikes; --truth writes what was planted (JSON). The \
            same seed and count give byte-identical files and truth whatever --jobs. An --out folder \
            that is not empty is refused (exit code 1) unless --force. See docs/generator.md.
            """
    )

    @Option(help: "Number of procedures to simulate (at least 1).")
    var procedures: Int

    @Option(help: "Seed of the simulation: the same seed and count give the same corpus.")
    var seed: UInt64 = 1

    @Option(help: "Folder to write the notices into (created if absent; must be empty unless --force).")
    var out: String

    @Option(help: "Write the ground truth (JSON) to this file.")
    var truth: String?

    @Option(name: .shortAndLong, help: "Parallel writers (default: all cores); the output does not depend on it.")
    var jobs: Int = NoticeBatchReader.defaultJobs

    @Flag(help: "Write into a folder that is not empty, replacing the notices generated there before.")
    var force = false

    @Flag(help: "No summary line on standard error.")
    var quiet = false

    var options: GeneratorOptions {
        GeneratorOptions(procedures: procedures, seed: seed, jobs: jobs)
    }

    func validate() throws {
        do {
            try MarketGenerator.validate(options)
        } catch {
            throw ValidationError(error.description)
        }
        guard !out.isEmpty else { throw ValidationError("--out must name a folder") }
        if let truth, truth.isEmpty { throw ValidationError("--truth must name a file") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let summary: GenerationSummary
        do {
            summary = try MarketGenerator.generate(options, into: out, force: force)
        } catch {
            printError("tenderscreen generate: \(error.description)")
            // A folder that is not empty (or not a folder) is refused before anything is written.
            throw ExitCode(ExitStatus.failed)
        }
        if let truth {
            do {
                try MarketGenerator.writeTruth(summary.truth, to: truth)
            } catch {
                printError("tenderscreen generate: \(error.description)")
                throw ExitCode(ExitStatus.failed)
            }
        }
        let elapsed = clock.now - start
        if !quiet {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            printError("generate: \(summary.files) files, \(summary.procedures) procedures, "
                + "\(ScreeningTable.oneDecimal(Double(summary.bytes) / 1_000_000)) MB, "
                + "\(ScreeningTable.oneDecimal(seconds)) s")
        }
    }
}
