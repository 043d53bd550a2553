import Foundation
import Testing

/// `tenderscreen init` and `--settings`, end to end: the file a user edits changes the
/// screening as documented (docs/settings.md), and every report says which settings it used.
@Suite("tenderscreen init and --settings")
struct SettingsCommandTests {
    /// A fresh `tenderscreen.toml` from `init` in a scratch folder.
    func initialised() throws -> (folder: URL, file: URL) {
        let folder = try CommandRunner.temporaryFolder()
        let outcome = try CommandRunner.run(["init"], in: folder)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return (folder, folder.appendingPathComponent("tenderscreen.toml"))
    }

    func head(_ outcome: CommandRunner.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
    }

    /// Score by procedure id, from a JSON Lines report.
    func scores(_ outcome: CommandRunner.Outcome) throws -> [String: Double] {
        var scores: [String: Double] = [:]
        for line in outcome.lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            scores[try #require(object["id"] as? String)] = object["score"] as? Double
        }
        return scores
    }

    static let fixtures = CommandRunner.repository.appendingPathComponent("Fixtures/screening").path
    /// Estimates 2.1 % and 2.7 % below their thresholds (Fixtures/screening/README.md).
    static let laptops = "95fe5375-0897-4444-93c2-76d75399332a"
    static let furniture = "eb73c846-809d-459a-99d5-52abe0a6186e"

    @Test func theInitFileUnchangedScreensExactlyAsTheDefaults() throws {
        let (folder, file) = try initialised()
        defer { try? FileManager.default.removeItem(at: folder) }
        let withFile = try CommandRunner.run(["screen", "--settings", file.path, Self.fixtures])
        let without = try CommandRunner.run(["screen", Self.fixtures])
        #expect(withFile.status == 0 && without.status == 0)
        let settings = try #require(try head(withFile)["settings"] as? [String: Any])
        let defaults = try #require(try head(without)["settings"] as? [String: Any])
        #expect(settings["file"] as? String == file.path)
        #expect(defaults["file"] is NSNull)
        let digest = try #require(settings["digest"] as? String)
        #expect(digest.hasPrefix("sha256:") && digest.count == 71)
        #expect(digest == defaults["digest"] as? String)
        #expect(try head(withFile)["procedures"] as? NSArray == head(without)["procedures"] as? NSArray)
    }

    /// `margin = 0.025`: the estimate 2.7 % below its threshold is no longer flagged, the one
    /// 2.1 % below still is; the digest changes.
    @Test func anEditedMarginChangesTheResults() throws {
        let (folder, file) = try initialised()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\nmargin = 0.05\n"))
        try text.replacingOccurrences(of: "\nmargin = 0.05\n", with: "\nmargin = 0.025  # stricter\n")
            .write(to: file, atomically: true, encoding: .utf8)

        let edited = try CommandRunner.run(["screen", "--format", "jsonl", "--settings", file.path, Self.fixtures])
        let defaults = try CommandRunner.run(["screen", "--format", "jsonl", Self.fixtures])
        #expect(edited.status == 0, "\(edited.standardError)")
        let before = try scores(defaults), after = try scores(edited)
        #expect(before[Self.laptops] == 10 && before[Self.furniture] == 10)
        #expect(after[Self.laptops] == 10)
        #expect(after[Self.furniture] == 0)

        // Every JSON Lines record names the settings it was made with.
        let first = try #require(try JSONSerialization.jsonObject(with: Data(edited.lines[0].utf8)) as? [String: Any])
        let settings = try #require(first["settings"] as? [String: Any])
        let generator = try #require(first["generator"] as? [String: Any])
        #expect(generator["name"] as? String == "tenderscreen")
        #expect(settings["file"] as? String == file.path)
        let defaultFirst = try #require(try JSONSerialization.jsonObject(with: Data(defaults.lines[0].utf8))
            as? [String: Any])
        #expect(settings["digest"] as? String != (defaultFirst["settings"] as? [String: Any])?["digest"] as? String)

        // The table's last lines name the version, the file and the digest.
        let table = try CommandRunner.run(["screen", "--format", "table", "--settings", file.path, Self.fixtures])
        let footer = try #require(table.lines.first { $0.hasPrefix("tenderscreen ") && $0.contains("· sha256:") })
        #expect(footer.contains("tenderscreen.toml"))
        #expect(footer.count <= 100)
    }

    @Test func disablingAnIndicatorRemovesItsFindings() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("off.toml")
        try "[indicators.threshold-proximity]\nenabled = false\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["screen", "--settings", file.path, Self.fixtures])
        #expect(outcome.status == 0)
        let report = try head(outcome)
        let indicators = (report["indicators"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!indicators.isEmpty && !indicators.contains("threshold-proximity"))
        #expect(!outcome.output.contains("\"indicator\":\"threshold-proximity\""))
    }

    @Test func aBadSettingsFileExitsWithOneNamingFileLineAndKey() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.toml")
        try "# weights\n[indicators.single-bid]\nweight = \"high\"\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["screen", "--settings", "bad.toml", Self.fixtures], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("bad.toml:3: indicators.single-bid.weight: expected a number, found a string"))

        try "[indicators.single-bid]\nmaximum-tendrs = 2\n".write(to: file, atomically: true, encoding: .utf8)
        let typo = try CommandRunner.run(["screen", "--settings", "bad.toml", Self.fixtures], in: folder)
        #expect(typo.status == 1)
        #expect(typo.standardError.contains(
            "bad.toml:2: indicators.single-bid.maximum-tendrs: unknown key (did you mean maximum-tenders?)"))

        let missing = try CommandRunner.run(["screen", "--settings", "absent.toml", Self.fixtures], in: folder)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("absent.toml"))
    }

    @Test func initRefusesToOverwriteUnlessForcedAndWritesToStandardOutput() throws {
        let (folder, file) = try initialised()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# mine\n".write(to: file, atomically: true, encoding: .utf8)
        let again = try CommandRunner.run(["init"], in: folder)
        #expect(again.status == 1)
        #expect(again.standardError.contains("--force"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "# mine\n")
        let forced = try CommandRunner.run(["init", "--force"], in: folder)
        #expect(forced.status == 0)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("[indicators.single-bid]"))
        let printed = try CommandRunner.run(["init", "-"], in: folder)
        #expect(printed.status == 0)
        #expect(printed.output == written)
        let named = try CommandRunner.run(["init", "other.toml"], in: folder)
        #expect(named.status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("other.toml"), encoding: .utf8) == written)
    }

    @Test func explainAndIndicatorsShowTheEffectiveValues() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("s.toml")
        try "[indicators.single-bid]\nweight = 0\nmaximum-tenders = 2\n[indicators.decision-period]\nenabled = false\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let explain = try CommandRunner.run(["explain", "single-bid", "--settings", file.path])
        #expect(explain.status == 0)
        #expect(explain.output.contains("maximum-tenders = 2 (default 1)"))
        let list = try CommandRunner.run(["indicators", "--settings", file.path])
        #expect(list.status == 0)
        #expect(list.lines.contains { $0.hasPrefix("single-bid") && $0.contains(" 0.0 ") })
        #expect(list.lines.contains { $0.hasPrefix("decision-period") && $0.hasSuffix("(off)") })
    }
}
