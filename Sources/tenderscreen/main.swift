import ArgumentParser
import TenderEngine

// A synchronous entry point (valgrind cannot follow dispatchMain) that maps usage errors
// to exit code 1, as documented, instead of ArgumentParser's 64.
Interruption.install()
do {
    var command = try Tenderscreen.parseAsRoot()
    try command.run()
} catch let error as ReportOutput.Failure {
    printError("tenderscreen: \(error.description)")
    Tenderscreen.exit(withError: ExitCode(ExitStatus.failed))
} catch {
    let code = Tenderscreen.exitCode(for: error)
    if code == .success || code.rawValue == ExitStatus.inputErrors {
        Tenderscreen.exit(withError: error)
    }
    if code == .validationFailure {
        printError(Tenderscreen.fullMessage(for: error))
        Tenderscreen.exit(withError: ExitCode(ExitStatus.failed))
    }
    Tenderscreen.exit(withError: error)
}
