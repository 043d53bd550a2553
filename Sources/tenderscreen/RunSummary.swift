import TenderEngine
import TenderModel

/// The summary line each command ends with on standard error: what was read, and how many
/// inputs failed and what was done about them, so a reader of the log knows the rest of the
/// batch went through.
enum RunSummary {
    /// `1 file, 3 notices, 2 procedures`.
    static func read(files: Int, notices: Int, procedures: Int) -> String {
        "\(files.counted("file")), \(notices.counted("notice")), \(procedures.counted("procedure"))"
    }

    /// `0 errors`, or `3 errors (inputs not read, listed above; every other input was read)`,
    /// then `, 2 warnings` when there are any.
    static func diagnostics(errors: Int, warnings: Int = 0) -> String {
        var text = errors.counted("error")
        if errors > 0 { text += " (inputs not read, listed above; every other input was read)" }
        if warnings > 0 { text += ", " + warnings.counted("warning") }
        return text
    }
}

/// Each input not read (`file:line:column: message`), then the first `maximumWarnings`
/// warnings (`warning: …`, inputs read but not all used) and how many more, on standard
/// error: a cap keeps a large batch of real notices from burying its errors.
func printDiagnostics(errors: [Diagnostic], warnings: [Diagnostic], maximumWarnings: Int) {
    for error in errors { printError(error.description) }
    for warning in warnings.prefix(maximumWarnings) { printError("warning: " + warning.description) }
    if warnings.count > maximumWarnings {
        printError("warning: \(warnings.count - maximumWarnings) more warnings, all in the report's warnings")
    }
}
