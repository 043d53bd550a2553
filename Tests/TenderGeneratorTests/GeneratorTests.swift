import Foundation
import Testing
import TenderEngine
import TenderGenerator
import TenderModel
import TenderXML

/// A temporary folder removed when the value is released.
final class TemporaryFolder: Sendable {
    let path: String

    init(_ label: String) {
        path = NSTemporaryDirectory() + "tenderscreen-generator-\(label)-\(UUID().uuidString)"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Every regular file under the folder, relative paths sorted.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var result: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + next, isDirectory: &isFolder), !isFolder.boolValue {
                result.append(next)
            }
        }
        return result.sorted()
    }

    func contents(_ relative: String) -> Data? {
        FileManager.default.contents(atPath: path + "/" + relative)
    }
}

@Suite("generate: determinism and output")
struct GeneratorOutputTests {
    @Test("same seed and count: byte-identical files and truth, with 1 or 2 jobs")
    func determinism() throws {
        let one = TemporaryFolder("one")
        let two = TemporaryFolder("two")
        let first = try MarketGenerator.generate(GeneratorOptions(procedures: 400, seed: 11, jobs: 1), into: one.path)
        let second = try MarketGenerator.generate(GeneratorOptions(procedures: 400, seed: 11, jobs: 2), into: two.path)
        #expect(first.truth.json() == second.truth.json())
        #expect(first.files == second.files)
        #expect(first.bytes == second.bytes)
        let names = one.files()
        #expect(names == two.files())
        #expect(names.count == first.files)
        for name in names {
            #expect(one.contents(name) == two.contents(name), "\(name) differs between 1 and 2 jobs")
        }
        // The truth alone (no files) is the same too.
        let truthOnly = try MarketGenerator.truth(GeneratorOptions(procedures: 400, seed: 11))
        #expect(truthOnly.json() == first.truth.json())
    }

    @Test("different seeds give different corpora")
    func seedsDiffer() throws {
        let a = try MarketGenerator.render(GeneratorOptions(procedures: 50, seed: 1), procedures: [0, 1, 2])
        let b = try MarketGenerator.render(GeneratorOptions(procedures: 50, seed: 2), procedures: [0, 1, 2])
        #expect(a.map(\.bytes) != b.map(\.bytes))
        let truthA = try MarketGenerator.truth(GeneratorOptions(procedures: 500, seed: 1))
        let truthB = try MarketGenerator.truth(GeneratorOptions(procedures: 500, seed: 2))
        #expect(truthA.json() != truthB.json())
        #expect(truthA.planted.map(\.procedure) != truthB.planted.map(\.procedure))
    }

    @Test("at most 1000 files a folder, named by publication number")
    func layout() throws {
        let folder = TemporaryFolder("layout")
        let summary = try MarketGenerator.generate(GeneratorOptions(procedures: 700, seed: 3, jobs: 2), into: folder.path)
        let files = folder.files()
        #expect(files.count == summary.files)
        let byFolder = Dictionary(grouping: files) { $0.split(separator: "/").first.map(String.init) ?? "" }
        #expect(byFolder.keys.sorted() == ["0000", "0001", "0002"])
        #expect(byFolder.values.allSatisfy { $0.count <= 1000 })
        let pattern = /^\d{4}\/\d{8}-20\d\d\.xml$/
        #expect(files.allSatisfy { $0.wholeMatch(of: pattern) != nil })
    }

    @Test("a folder that is not empty is refused, unless forced")
    func refusesNonEmptyFolder() throws {
        let folder = TemporaryFolder("refuse")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder.path + "/notes.txt", contents: Data("keep".utf8)))
        let options = GeneratorOptions(procedures: 20, seed: 5)
        #expect {
            _ = try MarketGenerator.generate(options, into: folder.path)
        } throws: { error in
            (error as? GeneratorError)?.kind == .outputRefused
        }
        let first = try MarketGenerator.generate(options, into: folder.path, force: true)
        // Forced again with fewer procedures: the earlier notices go, other files stay.
        let second = try MarketGenerator.generate(GeneratorOptions(procedures: 10, seed: 5), into: folder.path,
                                                  force: true)
        #expect(second.files < first.files)
        #expect(folder.files().count == second.files + 1)
        #expect(folder.contents("notes.txt") == Data("keep".utf8))
    }

    @Test("options are validated")
    func validation() {
        #expect(throws: GeneratorError.self) { try MarketGenerator.validate(GeneratorOptions(procedures: 0, seed: 1)) }
        #expect(throws: GeneratorError.self) {
            try MarketGenerator.validate(GeneratorOptions(procedures: 10, seed: 1, jobs: 0))
        }
        var rates = SchemeRates()
        rates.cartelRotation = 0.9
        #expect(throws: GeneratorError.self) {
            try MarketGenerator.validate(GeneratorOptions(procedures: 10, seed: 1, rates: rates))
        }
    }

    @Test("well-formed namespaced XML: xmllint --noout accepts a sample",
          .enabled(if: Xmllint.path != nil, "xmllint not installed (apt-get install libxml2-utils)"))
    func xmllint() throws {
        let folder = TemporaryFolder("xmllint")
        _ = try MarketGenerator.generate(GeneratorOptions(procedures: 300, seed: 9, jobs: 2), into: folder.path)
        let sample = folder.files().enumerated().filter { $0.offset % 7 == 0 }.map { folder.path + "/" + $0.element }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Xmllint.path!)
        process.arguments = ["--noout", "--nonet"] + sample
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: output, as: UTF8.self).prefix(2000))")
        #expect(sample.count > 50)
    }

    @Test("truth file: sorted, counts match the lists, UUID-shaped procedure ids")
    func truthFile() throws {
        let truth = try MarketGenerator.truth(GeneratorOptions(procedures: 1000, seed: 21))
        let json = try JSONSerialization.jsonObject(with: Data(truth.json())) as! [String: Any]
        let planted = json["planted"] as! [[String: Any]]
        let camouflaged = json["camouflaged"] as! [[String: Any]]
        let ids = planted.map { $0["procedure"] as! String }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        let uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        #expect(ids.allSatisfy { $0.wholeMatch(of: uuid) != nil })
        let schemes = json["schemes"] as! [String: Int]
        for kind in SchemeKind.allCases {
            let listed = planted.flatMap { $0["schemes"] as! [[String: Any]] }.filter { $0["scheme"] as? String == kind.rawValue }
            #expect(schemes[kind.rawValue] == listed.count, "\(kind.rawValue)")
        }
        let camouflage = json["camouflage"] as! [String: Int]
        for kind in CamouflageKind.allCases {
            #expect(camouflage[kind.rawValue] == camouflaged.filter { $0["kind"] as? String == kind.rawValue }.count)
        }
        #expect(json["seed"] as? Int == 21)
        #expect(json["procedures"] as? Int == 1000)
        let generator = json["generator"] as! [String: String]
        #expect(generator["name"] == "tenderscreen generate")
        // Every group lists procedures that carry its scheme and its id.
        let groups = json["groups"] as! [[String: Any]]
        #expect(!groups.isEmpty)
        let byId = Dictionary(uniqueKeysWithValues: planted.map { ($0["procedure"] as! String, $0) })
        for group in groups {
            for procedure in group["procedures"] as! [String] {
                let schemes = byId[procedure]?["schemes"] as? [[String: Any]] ?? []
                #expect(schemes.contains { $0["group"] as? String == group["group"] as? String })
            }
        }
    }
}

enum Xmllint {
    static let path: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
