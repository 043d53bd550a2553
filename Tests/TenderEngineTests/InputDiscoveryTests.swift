import Foundation
import Testing
import TenderEngine

/// Walking folders: sorted, recursive, safe against link loops; only real problems are errors.
@Suite("Input discovery")
struct InputDiscoveryTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenderscreen-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        for name in ["b/c/z.xml", "b/a.XML", "a.xml", "notes.txt"] {
            try Data("<x/>".utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    @Test func foldersAreWalkedInNameOrderForXMLFilesOnly() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let discovery = InputDiscovery(paths: [root.path])
        #expect(discovery.files == [root.path + "/a.xml", root.path + "/b/a.XML", root.path + "/b/c/z.xml"])
        #expect(discovery.errors.isEmpty && discovery.notes.isEmpty)
        // A file named explicitly is read whatever its extension.
        #expect(InputDiscovery(paths: [root.path + "/notes.txt"]).files == [root.path + "/notes.txt"])
    }

    @Test func linkLoopsAndFoldersReachedTwiceAreNotesNotErrors() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/b/c/loop", withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/dangling-README", withDestinationPath: "/nonexistent")
        let discovery = InputDiscovery(paths: [root.path, root.path + "/b"])
        #expect(discovery.errors.isEmpty)
        #expect(discovery.files.count == 3)
        #expect(discovery.notes.count == 2)
        #expect(discovery.notes.allSatisfy { $0.message.contains("folder already read") })
    }

    @Test func aFolderWithNoNoticeFileIsAWarningNotASilentSkip() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("gz/2024"), withIntermediateDirectories: true)
        try Data([0x1F, 0x8B]).write(to: root.appendingPathComponent("gz/2024/notices.xml.gz"))
        let discovery = InputDiscovery(paths: [root.path + "/gz", root.path + "/b"])
        #expect(discovery.files == [root.path + "/b/a.XML", root.path + "/b/c/z.xml"])
        #expect(discovery.errors.isEmpty)
        #expect(discovery.notes.map(\.description) == [root.path + "/gz: no *.xml file in this folder or below; "
            + "nothing read from it (name a file to read it whatever its extension)"])
        #expect(discovery.notes.first?.kind == .noNotices)
    }

    @Test func aDanglingLinkNamedXMLAndAMissingInputAreErrors() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/gone.xml", withDestinationPath: "/nonexistent")
        let discovery = InputDiscovery(paths: [root.path, root.path + "/missing"])
        #expect(discovery.errors.map(\.location.file) == [root.path + "/gone.xml", root.path + "/missing"])
        #expect(discovery.errors[1].message.hasPrefix("cannot read input"))
    }

    @Test func aFileNameThatIsNotUTF8IsReportedNotMisread() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var path = Array(root.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".xml".utf8) + [0]
        let descriptor = path.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let discovery = InputDiscovery(paths: [root.path])
        #expect(discovery.files.count == 3)
        #expect(discovery.errors.count == 1)
        #expect(discovery.errors.first?.message == "file name is not valid UTF-8; rename it to have it read")
    }
}
