import Foundation
import Testing

@Suite("tenderscreen evaluate")
struct EvaluateCommandTests {
    static let schemes = ["cartel-rotation", "favoured-supplier", "threshold-splitting", "deadline-abuse", "identical-bids"]

    @Test func generateScreenEvaluate() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let market = folder.appendingPathComponent("market").path
        let truth = folder.appendingPathComponent("truth.json").path
        let report = folder.appendingPathComponent("report.json").path
        let lines = folder.appendingPathComponent("report.jsonl").path

        let generated = try CommandRunner.run(["generate", "--procedures", "300", "--seed", "7", "--out", market,
                                               "--truth", truth, "--quiet"])
        #expect(generated.status == 0)
        let screened = try CommandRunner.run(["screen", "--quiet", "--format", "json", "-o", report, market])
        #expect(screened.status == 0)

        let evaluated = try CommandRunner.run(["evaluate", "--truth", truth, report])
        #expect(evaluated.status == 0)
        #expect(evaluated.standardError.isEmpty)
        let rows = evaluated.lines
        #expect(rows.contains { $0.hasPrefix("overall ") })
        for scheme in Self.schemes {
            #expect(rows.contains { $0.hasPrefix(scheme + " ") }, "no row for \(scheme)")
        }
        #expect(rows.contains("report \(report): 300 procedures listed"))

        // JSON Lines give the same measures; JSON output is an object with every scheme.
        let screenedLines = try CommandRunner.run(["screen", "--quiet", "--format", "jsonl", "-o", lines, market])
        #expect(screenedLines.status == 0)
        let json = try CommandRunner.run(["evaluate", "--truth", truth, "--format", "json", report])
        let jsonFromLines = try CommandRunner.run(["evaluate", "--truth", truth, "--format", "json", lines])
        #expect(json.status == 0 && jsonFromLines.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        let fromLines = try #require(try JSONSerialization.jsonObject(with: jsonFromLines.standardOutput) as? [String: Any])
        #expect((object["schemes"] as? [[String: Any]])?.compactMap { $0["scheme"] as? String } == Self.schemes)
        #expect(NSDictionary(dictionary: object["overall"] as? [String: Any] ?? [:])
            == NSDictionary(dictionary: fromLines["overall"] as? [String: Any] ?? ["differs": true]))

        // A cut report: the missing procedures are counted, with a warning.
        let top = folder.appendingPathComponent("top.json").path
        #expect(try CommandRunner.run(["screen", "--quiet", "--format", "json", "--top", "20", "-o", top, market]).status == 0)
        let cut = try CommandRunner.run(["evaluate", "--truth", truth, top])
        #expect(cut.status == 0)
        #expect(cut.standardError.hasPrefix("warning: "))
        #expect(cut.standardError.contains("rank"))
    }

    @Test func unreadableOrInvalidFilesAreNamed() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let truth = folder.appendingPathComponent("truth.json")
        try Data(#"{"procedures":2,"planted":[{"procedure":"a","schemes":[{"scheme":"x"}]}],"camouflaged":[]}"#.utf8)
            .write(to: truth)
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\"procedures\":[\n{\"id\":\"a\",\"score\":1,}]}".utf8).write(to: broken)

        let invalid = try CommandRunner.run(["evaluate", "--truth", truth.path, broken.path])
        #expect(invalid.status == 1)
        #expect(invalid.standardError == "tenderscreen evaluate: report \(broken.path):2:21: unexpected '}', expected a key\n")

        let missing = try CommandRunner.run(["evaluate", "--truth", folder.appendingPathComponent("none.json").path,
                                             broken.path])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("none.json: cannot open: No such file or directory"))

        let swapped = try CommandRunner.run(["evaluate", "--truth", broken.path, truth.path])
        #expect(swapped.status == 1)
        #expect(swapped.standardError.hasPrefix("tenderscreen evaluate: truth \(broken.path):"))

        let usage = try CommandRunner.run(["evaluate", broken.path])
        #expect(usage.status == 1)
    }
}
