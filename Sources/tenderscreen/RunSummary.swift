/// The end of each command's summary line on standard error: how many inputs failed and what
/// was done about them, so a reader of the log knows the rest of the batch went through.
enum RunSummary {
    /// `0 errors`, or `3 errors (inputs not read, listed above; every other input was read)`,
    /// then `, 2 warnings` when there are any.
    static func diagnostics(errors: Int, warnings: Int = 0) -> String {
        var text = errors == 0 ? "0 errors"
            : "\(errors) \(errors == 1 ? "error" : "errors") (inputs not read, listed above; every other input was read)"
        if warnings > 0 { text += ", \(warnings) \(warnings == 1 ? "warning" : "warnings")" }
        return text
    }
}
