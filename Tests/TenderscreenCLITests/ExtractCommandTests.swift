import Foundation
import Testing

/// `tenderscreen extract` end to end: exit codes, standard streams, formats, files.
@Suite("tenderscreen extract")
struct ExtractCommandTests {
    private func objects(_ outcome: CommandRunner.Outcome) throws -> [[String: Any]] {
        try outcome.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func extractsTheBundledExamplesWithExitCodeZero() throws {
        let outcome = try CommandRunner.run(["extract", "Fixtures/eforms"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        let procedures = try objects(outcome)
        #expect(procedures.count >= 9)
        let ids = procedures.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        // A procedure joined from a contract notice and an award notice in separate files.
        let joined = procedures.filter { ($0["notices"] as? [Any])?.count ?? 0 >= 2 }
        #expect(!joined.isEmpty)
    }

    @Test func badFilesAreListedWithLineAndColumnAndTheRestIsStillExtracted() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = CommandRunner.repository.appendingPathComponent("Fixtures/eforms/multi-lot")
        try FileManager.default.copyItem(at: good, to: folder.appendingPathComponent("good"))
        let root = "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2\">"
        try "<?xml version=\"1.0\"?>\n\(root)\n<a></b>\n</ContractNotice>\n"
            .write(to: folder.appendingPathComponent("broken.xml"), atomically: true, encoding: .utf8)

        let outcome = try CommandRunner.run(["extract", folder.path])
        #expect(outcome.status == 2)
        let brokenLine = outcome.standardError.split(separator: "\n")
            .first { $0.hasPrefix(folder.path + "/broken.xml:3:") }
        #expect(brokenLine?.contains("mismatch") == true, "stderr: \(outcome.standardError)")
        #expect(outcome.standardError.contains("1 error (inputs not read, listed above; every other input was read)"))
        let procedures = try objects(outcome)
        #expect(procedures.count == 1)
        #expect((procedures.first?["notices"] as? [Any])?.count == 2)
    }

    @Test func missingInputIsReportedWithExitCodeTwo() throws {
        let outcome = try CommandRunner.run(["extract", "Fixtures/eforms/multi-lot", "no/such/folder"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("no/such/folder: cannot read input"))
        #expect(outcome.lines.count == 1)
    }

    @Test func jsonFormatIsOneArrayOfTheSameProcedures() throws {
        let lines = try CommandRunner.run(["extract", "Fixtures/eforms"])
        let array = try CommandRunner.run(["extract", "--format", "json", "Fixtures/eforms"])
        #expect(array.status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: array.standardOutput) as? [[String: Any]])
        #expect(parsed.count == lines.lines.count)
        #expect(parsed.compactMap { $0["id"] as? String } == (try objects(lines)).compactMap { $0["id"] as? String })
    }

    @Test func outputFileIsWrittenWholeAndNothingElseIsLeft() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("procedures.jsonl")
        let outcome = try CommandRunner.run(["extract", "Fixtures/eforms", "--output", target.path])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.isEmpty)
        let written = try Data(contentsOf: target)
        #expect(written == (try CommandRunner.run(["extract", "Fixtures/eforms"])).standardOutput)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["procedures.jsonl"])
    }

    @Test func unwritableOutputIsAFatalErrorWithExitCodeOne() throws {
        let outcome = try CommandRunner.run(["extract", "Fixtures/eforms", "--output", "/no/such/dir/out.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("cannot write /no/such/dir/out.jsonl"))
    }

    @Test func oneAndTwoJobsGiveIdenticalBytes() throws {
        let one = try CommandRunner.run(["extract", "--jobs", "1", "Fixtures/eforms"])
        let two = try CommandRunner.run(["extract", "--jobs", "2", "Fixtures/eforms"])
        #expect(one.status == 0)
        #expect(one.standardOutput == two.standardOutput)
    }

    @Test(arguments: [["extract"], ["extract", "--jobs", "0", "Fixtures"], ["extract", "--format", "xml", "Fixtures"],
                      ["frobnicate"]])
    func usageErrorsExitWithOne(arguments: [String]) throws {
        let outcome = try CommandRunner.run(arguments)
        #expect(outcome.status == 1)
        #expect(!outcome.standardError.isEmpty)
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func helpExitsWithZero() throws {
        let outcome = try CommandRunner.run(["extract", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("--format"))
    }
}
