import Foundation
import Testing

@Suite("tenderscreen generate")
struct GenerateCommandTests {
    @Test func aGeneratedMarketIsReadWithoutErrorsAndAFolderInUseIsRefused() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("market").path
        let truth = folder.appendingPathComponent("truth.json").path

        let generated = try CommandRunner.run(["generate", "--procedures", "60", "--seed", "7", "--out", out,
                                               "--truth", truth, "--quiet"])
        #expect(generated.status == 0)
        #expect(generated.standardError.isEmpty)
        let truthJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth)))
        #expect((truthJSON as? [String: Any])?["procedures"] as? Int == 60)

        let extracted = try CommandRunner.run(["extract", "--quiet", out])
        #expect(extracted.status == 0)
        #expect(extracted.standardError.isEmpty)
        #expect(extracted.lines.count == 60)

        let again = try CommandRunner.run(["generate", "--procedures", "60", "--out", out])
        #expect(again.status == 1)
        #expect(again.standardError.contains(out))
        let forced = try CommandRunner.run(["generate", "--procedures", "60", "--seed", "7", "--out", out, "--force",
                                            "--quiet"])
        #expect(forced.status == 0)
    }

    @Test(arguments: [["generate", "--procedures", "0", "--out", "/tmp/never-written"],
                      ["generate", "--procedures", "10"]])
    func invalidOptionsAreUsageErrors(arguments: [String]) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 1)
        #expect(!outcome.standardError.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
    }
}
