import Foundation
import Testing

/// A value a notice gets wrong is left unknown (missing is not zero), and the report says so:
/// in `warnings` with file, line and column, and on standard error, capped there at 100 lines.
@Suite("data-quality warnings")
struct DataQualityWarningTests {
    /// Fixtures/eforms/multi-lot with its first tender value written the European way, and
    /// `extra` more values that are not numbers at all.
    static func notices(extraBadValues extra: Int) throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        for name in ["contract-notice.xml", "award-notice.xml"] {
            var xml = try String(contentsOfFile: "Fixtures/eforms/multi-lot/" + name, encoding: .utf8)
            if name == "award-notice.xml" {
                let value = "<cbc:PayableAmount currencyID=\"EUR\">548000.00</cbc:PayableAmount>"
                let range = try #require(xml.range(of: value))
                xml.replaceSubrange(range, with: "<cbc:PayableAmount currencyID=\"EUR\">548.000,00</cbc:PayableAmount>"
                    + String(repeating: "<cbc:PayableAmount currencyID=\"EUR\">n/a</cbc:PayableAmount>", count: extra))
            }
            try xml.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aValueThatIsNotANumberIsLeftUnknownAndReported() throws {
        let folder = try Self.notices(extraBadValues: 0)
        defer { try? FileManager.default.removeItem(at: folder) }
        let award = folder.appendingPathComponent("award-notice.xml").path
        let (outcome, report) = try HostileInputTests.screen([folder.path])
        #expect(outcome.status == 0, "a warning is not a failed input")
        let warnings = HostileInputTests.diagnostics(report, "warnings")
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning["file"] as? String == award)
        #expect(warning["line"] as? Int == 75)
        #expect(warning["kind"] as? String == "badValue")
        #expect(warning["message"] as? String == "BT-720 tender value '548.000,00' is not a decimal number; left unknown")
        #expect(outcome.standardError.contains("warning: \(award):75:"))
        #expect(HostileInputTests.procedures(report) == [HostileInputTests.goodProcedure])
    }

    @Test func standardErrorShowsTheFirstHundredWarningsAndTheReportAll() throws {
        let folder = try Self.notices(extraBadValues: 120)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (outcome, report) = try HostileInputTests.screen([folder.path])
        #expect(outcome.status == 0)
        #expect(HostileInputTests.diagnostics(report, "warnings").count == 121)
        let lines = outcome.standardError.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(lines.count == 101)
        #expect(lines.last == "warning: 21 more warnings, all in the report's warnings")
    }
}
