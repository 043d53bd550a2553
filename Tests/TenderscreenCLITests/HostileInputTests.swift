import Foundation
import Testing

/// Issue 6: every hostile case of `Fixtures/hostile/` (and the large or system-dependent ones
/// made here) screened in a batch with a good procedure. Each must give its message on
/// standard error and in the report, the right exit code, and leave the good procedure screened.
@Suite("hostile input")
struct HostileInputTests {
    /// The good procedure of every batch (Fixtures/eforms/multi-lot).
    static let good = "Fixtures/eforms/multi-lot"
    static let goodProcedure = "3c4fe992-24f5-4158-8054-09b91c7b7941"
    /// The start of an eForms notice, so the reader goes past the root element.
    static let noticeRoot = "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2\">"

    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var kind: String
        var message: String
        var line: Int?
        var testDescription: String { file }
    }

    static let refused: [Case] = [
        Case(file: "xxe-local-file.xml", kind: "malformedXML", message: "DOCTYPE declarations are refused", line: 2),
        Case(file: "xxe-network-dtd.xml", kind: "malformedXML", message: "DOCTYPE declarations are refused", line: 2),
        Case(file: "billion-laughs.xml", kind: "malformedXML", message: "DOCTYPE declarations are refused", line: 2),
        Case(file: "quadratic-blowup.xml", kind: "malformedXML", message: "DOCTYPE declarations are refused", line: 2),
        Case(file: "invalid-utf8.xml", kind: "malformedXML", message: "not proper UTF-8", line: 2),
        Case(file: "truncated.xml", kind: "malformedXML", message: "the file looks truncated", line: 2),
        Case(file: "binary-garbage.xml", kind: "malformedXML", message: "not XML: the file starts with byte 0x29",
             line: 1),
        Case(file: "empty.xml", kind: "malformedXML", message: "empty file: no XML in it"),
        Case(file: "whitespace-only.xml", kind: "malformedXML", message: "empty file: no XML in it"),
        Case(file: "xhtml-page.xml", kind: "unsupportedDocument", message: "not an eForms notice", line: 2),
        Case(file: "rss-feed.xml", kind: "unsupportedDocument", message: "the root element is rss", line: 2),
        Case(file: "ubl-invoice.xml", kind: "unsupportedDocument", message: "Invoice-2}Invoice", line: 2),
        Case(file: "ted-legacy-r209.xml", kind: "unsupportedDocument", message: "legacy TED XML", line: 2),
        Case(file: "missing-procedure-id.xml", kind: "invalidNotice", message: "procedure identifier (BT-04", line: 2),
    ]

    @Test(arguments: refused)
    func eachRefusedFileIsReportedAndTheBatchGoesOn(_ hostile: Case) throws {
        let path = "Fixtures/hostile/" + hostile.file
        let (outcome, report) = try Self.screen([path, Self.good])
        #expect(outcome.status == 2)
        let error = try #require(Self.diagnostics(report, "errors").first)
        #expect(error["file"] as? String == path)
        #expect(error["kind"] as? String == hostile.kind)
        #expect((error["message"] as? String)?.contains(hostile.message) == true, "\(error)")
        #expect(error["line"] as? Int == hostile.line)
        #expect(outcome.standardError.contains(path + (hostile.line.map { ":\($0)" } ?? "")))
        #expect(outcome.standardError.contains(hostile.message))
        #expect(Self.procedures(report) == [Self.goodProcedure])
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        let (outcome, report) = try Self.screen(["Fixtures/hostile/utf16-bom.xml", Self.good])
        #expect(outcome.status == 0)
        #expect(Self.diagnostics(report, "errors").isEmpty)
        #expect(Set(Self.procedures(report)) == [Self.goodProcedure, "7a1c0e1e-1006-4000-8000-000000000006"])
    }

    /// Found by the fuzzer: libxml2 wrote "encoding error : input conversion failed…" straight
    /// to stderr for bad UTF-16. Now the one error line is ours, with the offset of the bytes.
    @Test func badUTF16IsOneErrorOfOursAndLibxml2PrintsNothing() throws {
        let path = "Fixtures/hostile/fuzz/utf16-unpaired-surrogates-stderr.fuzz"
        let (outcome, report) = try Self.screen([path, Self.good])
        #expect(outcome.status == 2)
        let error = try #require(Self.diagnostics(report, "errors").first)
        #expect(error["kind"] as? String == "malformedXML")
        #expect((error["message"] as? String)?.hasPrefix("character encoding error at byte offset 8: ") == true)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix(path + ": character encoding error at byte offset 8") }.count == 1)
        #expect(!outcome.standardError.contains("encoding error :"))
        #expect(!outcome.standardError.contains("I/O error"))
        #expect(Self.procedures(report) == [Self.goodProcedure])
    }

    @Test func theSameNoticeTwiceIsReadOnceWithAWarning() throws {
        let (outcome, report) = try Self.screen(["Fixtures/hostile/duplicate", Self.good])
        #expect(outcome.status == 0)
        let warning = try #require(Self.diagnostics(report, "warnings").first)
        #expect(warning["file"] as? String == "Fixtures/hostile/duplicate/notice.xml")
        #expect(warning["kind"] as? String == "duplicate")
        #expect(warning["message"] as? String == "notice 7a1c0e1e-0012-4000-8000-000000000012 is also in "
            + "Fixtures/hostile/duplicate/notice-copy.xml; this copy is ignored")
        #expect(outcome.standardError.contains("warning: Fixtures/hostile/duplicate/notice.xml: notice"))
        #expect(Self.notices(report, of: "7a1c0e1e-1012-4000-8000-000000000012")
            == ["Fixtures/hostile/duplicate/notice-copy.xml"])
    }

    @Test func aCorrectedVersionSupersedesTheFirst() throws {
        // Either order of the arguments: the higher version wins.
        for paths in [["Fixtures/hostile/conflicting/version-01.xml", "Fixtures/hostile/conflicting/version-02.xml"],
                      ["Fixtures/hostile/conflicting/version-02.xml", "Fixtures/hostile/conflicting/version-01.xml"]] {
            let (outcome, report) = try Self.screen(paths + [Self.good])
            #expect(outcome.status == 0)
            let warning = try #require(Self.diagnostics(report, "warnings").first)
            #expect(warning["file"] as? String == "Fixtures/hostile/conflicting/version-01.xml")
            #expect((warning["message"] as? String)?.contains("version 01 is superseded by version 02") == true)
            #expect(Self.notices(report, of: "7a1c0e1e-1013-4000-8000-000000000013")
                == ["Fixtures/hostile/conflicting/version-02.xml"])
        }
    }

    @Test func nestingOneHundredThousandDeepStopsAtTheDepthLimit() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deep.xml").path
        let depth = 100_000
        try Data(("<?xml version=\"1.0\"?>\n" + Self.noticeRoot + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</ContractNotice>").utf8).write(to: URL(fileURLWithPath: path))
        let (outcome, report) = try Self.screen([path, Self.good])
        #expect(outcome.status == 2)
        let error = try #require(Self.diagnostics(report, "errors").first)
        #expect(error["kind"] as? String == "limitExceeded")
        #expect(error["message"] as? String == "elements nested deeper than 256 levels (--max-depth)")
        #expect(Self.procedures(report) == [Self.goodProcedure])
        let deeper = try Self.screen([path, Self.good, "--max-depth", "300"]).report
        #expect(Self.diagnostics(deeper, "errors").first?["message"] as? String
            == "elements nested deeper than 300 levels (--max-depth)")
    }

    @Test func aTwoHundredMegabyteTextNodeMeetsTheFileThenTheTextLimit() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge-text.xml").path
        try Self.write(path, head: "<?xml version=\"1.0\"?>\n" + Self.noticeRoot + "<note>", fill: 200_000_000,
                       tail: "</note></ContractNotice>\n")
        let (outcome, report) = try Self.screen([path, Self.good])
        #expect(outcome.status == 2)
        let error = try #require(Self.diagnostics(report, "errors").first)
        #expect(error["kind"] as? String == "limitExceeded")
        #expect((error["message"] as? String)?.hasSuffix("over the limit of 100000000 (--max-file-size); not read")
            == true)
        #expect(Self.procedures(report) == [Self.goodProcedure])
        // Allowed by size, the text node itself is refused at 10 MB, without reading the rest.
        let larger = try Self.screen([path, Self.good, "--max-file-size", "300MB"]).report
        #expect(Self.diagnostics(larger, "errors").first?["message"] as? String
            == "a text node is longer than 10000000 bytes (--max-text-size)")
        #expect(Self.procedures(larger) == [Self.goodProcedure])
    }

    @Test func aHugeAttributeValueIsRefused() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge-attribute.xml").path
        try Self.write(path, head: "<?xml version=\"1.0\"?>\n<ContractNotice note=\"", fill: 2_000_000,
                       tail: "\"/>\n")
        let (outcome, report) = try Self.screen([path, Self.good, "--max-text-size", "1MB"])
        #expect(outcome.status == 2)
        let error = try #require(Self.diagnostics(report, "errors").first)
        #expect(error["kind"] as? String == "limitExceeded")
        #expect(error["message"] as? String == "an attribute value is longer than 1000000 bytes (--max-text-size)")
        #expect(Self.procedures(report) == [Self.goodProcedure])
    }

    @Test func anUnreadableFileIsReported() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("unreadable.xml").path
        if geteuid() == 0 {
            // Permissions do not stop root; reading this file fails for anyone (EIO).
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/proc/self/mem")
        } else {
            try Data("<a/>".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0)
        }
        let (outcome, report) = try Self.screen([folder.path, Self.good])
        #expect(outcome.status == 2)
        let error = try #require(Self.diagnostics(report, "errors").first)
        #expect(error["kind"] as? String == "unreadable")
        #expect((error["message"] as? String)?.hasPrefix("cannot ") == true)
        #expect(outcome.standardError.contains(path + ": cannot "))
        #expect(Self.procedures(report) == [Self.goodProcedure])
    }

    @Test func aSymbolicLinkLoopIsWalkedOnceAndADanglingLinkReported() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: CommandRunner.repository.path + "/" + Self.good,
                                         toPath: folder.appendingPathComponent("notices").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("notices/loop").path,
                                                   withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("notices/gone.xml").path,
                                                   withDestinationPath: "nowhere.xml")
        let (outcome, report) = try Self.screen([folder.path])
        #expect(outcome.status == 2)
        let error = try #require(Self.diagnostics(report, "errors").first)
        #expect(error["file"] as? String == folder.path + "/notices/gone.xml")
        #expect(error["message"] as? String == "cannot read: No such file or directory")
        let warning = try #require(Self.diagnostics(report, "warnings").first)
        #expect((warning["message"] as? String)?.hasPrefix("folder already read") == true)
        #expect(Self.procedures(report) == [Self.goodProcedure])
    }

    /// A folder with nothing to read (a wrong path, compressed notices) is said, not skipped in
    /// silence; an empty day's folder is possible, so it is a warning and the exit code is 0.
    @Test func aFolderWithNoNoticeFileIsAWarning() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x1F, 0x8B]).write(to: folder.appendingPathComponent("notices.xml.gz"))
        let (outcome, report) = try Self.screen([folder.path, Self.good])
        #expect(outcome.status == 0)
        let warning = try #require(Self.diagnostics(report, "warnings").first)
        #expect(warning["file"] as? String == folder.path)
        #expect(warning["kind"] as? String == "noNotices")
        #expect(outcome.standardError.contains("warning: \(folder.path): no *.xml file in this folder or below"))
        #expect(Self.procedures(report) == [Self.goodProcedure])
        let extract = try CommandRunner.run(["extract", folder.path])
        #expect(extract.status == 0)
        #expect(extract.standardError.contains("warning: \(folder.path): no *.xml file in this folder or below"))
    }

    @Test func nothingIsFetchedOverTheNetwork() throws {
        let server = try LocalListener()
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("fetch.xml").path
        let url = "http://127.0.0.1:\(server.port)"
        try Data("""
            <?xml version="1.0"?>
            <!DOCTYPE ContractNotice SYSTEM "\(url)/evil.dtd" [
              <!ENTITY % remote SYSTEM "\(url)/remote.ent"> %remote;
              <!ENTITY external SYSTEM "\(url)/external.txt">
            ]>
            <ContractNotice>&external;</ContractNotice>
            """.utf8).write(to: URL(fileURLWithPath: path))
        let (outcome, report) = try Self.screen([path, Self.good])
        #expect(outcome.status == 2)
        #expect(Self.diagnostics(report, "errors").count == 1)
        #expect(!server.wasContacted)
    }

    /// A file listed, then removed before it is read: seen through the real binary by watching
    /// its open files (Linux's /proc) until it reads the market, then removing the file it will
    /// read last (one reader reads in the order listed).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func aFileThatDisappearsDuringTheRunIsReportedAndTheOthersScreened() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let market = folder.appendingPathComponent("market").path
        #expect(try CommandRunner.run(["generate", "--procedures", "200", "--seed", "7", "--out", market,
                                       "--quiet"]).status == 0)
        let vanishing = folder.appendingPathComponent("vanishing.xml").path
        try FileManager.default.copyItem(atPath: Self.good + "/award-notice.xml", toPath: vanishing)
        let output = folder.appendingPathComponent("report.json").path
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["screen", "--format", "json", "--jobs", "1", "-o", output, market, vanishing]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        var removed = false
        while process.isRunning, !removed {
            let descriptors = "/proc/\(process.processIdentifier)/fd"
            let open = (try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? []
            // A notice of the market open (not the folder, which discovery opens to list it).
            if open.contains(where: {
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: descriptors + "/" + $0)
                return target.map { $0.hasPrefix(market) && $0.hasSuffix(".xml") } == true
            }) {
                try FileManager.default.removeItem(atPath: vanishing)
                removed = true
            }
        }
        let standardError = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(removed, "the run ended before it was seen reading the market")
        #expect(process.terminationStatus == 2)
        #expect(standardError.contains(vanishing + ": cannot open: No such file or directory"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output)))
            as? [String: Any])
        let error = try #require(Self.diagnostics(report, "errors").first)
        #expect(error["file"] as? String == vanishing)
        #expect(error["kind"] as? String == "unreadable")
        #expect(Self.diagnostics(report, "errors").count == 1)
        #expect(Self.procedures(report).count == 200)
    }

    @Test func ctrlCStopsPromptlyWithoutLeavingAReport() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Enough work to be interrupted: a generated market.
        let market = folder.appendingPathComponent("market").path
        #expect(try CommandRunner.run(["generate", "--procedures", "3000", "--seed", "6", "--out", market,
                                       "--quiet"]).status == 0)
        let report = folder.appendingPathComponent("report.json").path
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["screen", "--quiet", "--jobs", "1", "-o", report, market]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        usleep(300_000)
        let sent = Date()
        process.interrupt()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(sent) < 2)
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .contains("interrupted; no report written"))
        // Neither the report nor its temporary file is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["market"])
    }

    // MARK: Helpers

    static func screen(_ arguments: [String]) throws -> (outcome: CommandRunner.Outcome, report: [String: Any]) {
        let outcome = try CommandRunner.run(["screen", "--format", "json"] + arguments)
        let report = try #require(try JSONSerialization.jsonObject(with: outcome.standardOutput) as? [String: Any])
        return (outcome, report)
    }

    static func diagnostics(_ report: [String: Any], _ key: String) -> [[String: Any]] {
        report[key] as? [[String: Any]] ?? []
    }

    static func procedures(_ report: [String: Any]) -> [String] {
        (report["procedures"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    static func notices(_ report: [String: Any], of procedure: String) -> [String] {
        let entry = (report["procedures"] as? [[String: Any]] ?? []).first { $0["id"] as? String == procedure }
        return (entry?["notices"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
    }

    /// `head`, `fill` bytes of `x`, `tail`, written a megabyte at a time.
    static func write(_ path: String, head: String, fill: Int, tail: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        var left = fill
        while left > 0 {
            try handle.write(contentsOf: left >= block.count ? block : block.prefix(left))
            left -= min(left, block.count)
        }
        try handle.write(contentsOf: Data(tail.utf8))
    }
}

/// A TCP socket listening on 127.0.0.1 (port chosen by the system), to prove nobody connects.
final class LocalListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socketDescriptor, generic, length) == 0 && listen(socketDescriptor, 8) == 0
                    && getsockname(socketDescriptor, generic, &length) == 0
            }
        }
        guard socketDescriptor >= 0, bound else {
            if socketDescriptor >= 0 { close(socketDescriptor) }
            throw POSIXError(.EADDRNOTAVAIL)
        }
        descriptor = socketDescriptor
        port = UInt16(bigEndian: address.sin_port)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(descriptor) }

    /// Whether a connection is waiting (none was accepted, so any attempt is still queued).
    var wasContacted: Bool {
        let client = accept(descriptor, nil, nil)
        if client >= 0 { close(client) }
        return client >= 0
    }
}
