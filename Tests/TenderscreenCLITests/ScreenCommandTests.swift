import Foundation
import Testing

/// `tenderscreen screen`, `indicators` and `explain` end to end.
@Suite("tenderscreen screen")
struct ScreenCommandTests {
    @Test func theTableFitsOneHundredColumnsAndEndsWithASummary() throws {
        let outcome = try CommandRunner.run(["screen", "--format", "table", "Fixtures/eforms"])
        #expect(outcome.status == 0)
        let lines = outcome.lines
        #expect(lines.allSatisfy { $0.count <= 100 }, "\(lines.filter { $0.count > 100 })")
        #expect(lines.first?.hasPrefix("RANK  SCORE PROCEDURE") == true)
        #expect(lines.contains { $0.contains("! single-bid LOT-0002: 1 tender received in an open procedure") })
        #expect(lines.contains { $0.hasPrefix("14 files · 14 notices · 10 procedures · ") && $0.hasSuffix("· 0 errors") })
    }

    @Test func jsonIsTheDefaultWhenPipedAndJSONLinesHasOneProcedurePerLine() throws {
        let json = try CommandRunner.run(["screen", "Fixtures/eforms"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let lines = try CommandRunner.run(["screen", "--format", "jsonl", "Fixtures/eforms"])
        #expect(lines.lines.count == 10)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines.lines[0].utf8)) as? [String: Any])
        #expect(first["rank"] as? Int == 1)
    }

    @Test func topAndMinimumScoreLimitWhatIsListed() throws {
        let top = try CommandRunner.run(["screen", "--format", "jsonl", "--top", "3", "Fixtures/eforms"])
        #expect(top.lines.count == 3)
        let scored = try CommandRunner.run(["screen", "--format", "jsonl", "--min-score", "0.01", "Fixtures/eforms"])
        let scores = try scored.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["score"] as? Double
        }
        #expect(!scores.isEmpty)
        #expect(scores.allSatisfy { ($0 ?? 0) >= 0.01 })
    }

    @Test func unreadableInputsGiveExitCodeTwoAndAreInTheReport() throws {
        let outcome = try CommandRunner.run(["screen", "Fixtures/eforms", "Fixtures/invalid"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("Fixtures/invalid/mismatched-tags.xml:39:49: Opening and ending tag mismatch"))
        let document = try #require(try JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
        #expect((document["errors"] as? [Any])?.count == 6)
        #expect((document["procedures"] as? [Any])?.count == 10)
    }

    /// Progress is drawn only on a terminal: a script reading standard error sees errors and
    /// the summary, never control characters; `--quiet` leaves only the errors.
    @Test func pipedRunsShowNoProgressAndQuietKeepsOnlyErrors() throws {
        let loud = try CommandRunner.run(["screen", "--format", "json", "Fixtures/eforms", "Fixtures/invalid"])
        #expect(loud.status == 2)
        #expect(!loud.standardError.contains("\r") && !loud.standardError.contains("\u{1B}"))
        #expect(loud.standardError.contains("screen: "))
        let quiet = try CommandRunner.run(["screen", "--quiet", "--format", "json", "Fixtures/eforms", "Fixtures/invalid"])
        #expect(quiet.status == 2)
        #expect(!quiet.standardError.contains("screen: "))
        let errorLines = quiet.standardError.split(separator: "\n")
        #expect(errorLines.count == 6)
        #expect(errorLines.allSatisfy { $0.hasPrefix("Fixtures/invalid/") })
        #expect(quiet.standardOutput == loud.standardOutput)
    }

    @Test func oneAndTwoJobsGiveIdenticalBytes() throws {
        let one = try CommandRunner.run(["screen", "--jobs", "1", "Fixtures/eforms"])
        let two = try CommandRunner.run(["screen", "--jobs", "2", "Fixtures/eforms"])
        #expect(one.standardOutput == two.standardOutput)
    }

    @Test(arguments: [["screen"], ["screen", "--top", "-1", "Fixtures"], ["screen", "--format", "csv", "Fixtures"],
                      ["explain"], ["explain", "no-such-indicator"]])
    func usageErrorsExitWithOne(arguments: [String]) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 1)
        #expect(!outcome.standardError.isEmpty)
    }

    @Test func indicatorsListsEveryIndicatorAndExplainTellsHowOneWorks() throws {
        let list = try CommandRunner.run(["indicators"])
        #expect(list.status == 0)
        #expect(list.lines.count == 22) // header, twenty indicators, a hint
        // The id column is as wide as the longest id: match around it.
        #expect(list.lines.contains { $0.hasPrefix("single-bid ") && $0.hasSuffix(" award     10.0    Single bid") })
        let explain = try CommandRunner.run(["explain", "short-submission-period"])
        #expect(explain.status == 0)
        for section in ["What it detects", "Why it is a red flag", "Method", "Evidence", "Settings (current value, default)",
                        "Not judged", "References", "Worked example"] {
            #expect(explain.lines.contains(section), "\(section)")
        }
        #expect(explain.output.contains("Directive 2014/24/EU"))
        #expect(explain.lines.allSatisfy { $0.count <= 100 })
    }
}

/// Temporary space: notices and report fragments wait in `$TMPDIR` during a run.
@Suite("temporary space")
struct TemporarySpaceTests {
    @Test(arguments: ["screen", "extract"])
    func unusableTemporarySpaceIsAClearFatalErrorAndLeavesNoReport(command: String) throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let outcome = try CommandRunner.run([command, "Fixtures/eforms", "-o", report.path],
                                            environment: ["TMPDIR": "/nonexistent-tenderscreen-tmp"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("cannot make a temporary file in /nonexistent-tenderscreen-tmp"),
                "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: report.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func nothingIsLeftInTheTemporaryFolderAfterARun() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CommandRunner.run(["screen", "Fixtures/eforms"], environment: ["TMPDIR": folder.path])
        #expect(outcome.status == 0)
        #expect(!outcome.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
