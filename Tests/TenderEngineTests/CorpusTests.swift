import Foundation
import Testing
import TenderEngine
import TenderModel

/// `extract` over every real eForms notice of `../shared/corpus` (when present), checked
/// against values verified by reading the XML (Resources/corpus-expectations.json).
@Suite("Real eForms corpus", .enabled(if: TestPaths.corpusExists, "../shared/corpus is not present"))
struct CorpusTests {
    struct Expectations: Decodable, Sendable {
        struct Case: Decodable, Sendable {
            var procedureId: String
            var files: [String]
            var why: String
            var expect: [String: JSONValue]
        }
        struct Invalid: Decodable, Sendable {
            var file: String
            var reason: String
        }
        var procedures: [Case]
        var invalid: [Invalid]
    }

    static let expectations: Expectations = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Resources/corpus-expectations.json")
        return try! JSONDecoder().decode(Expectations.self, from: Data(contentsOf: url))
    }()

    static let folder = TestPaths.corpus.appendingPathComponent("eforms").path
    static let output = ExtractJob(paths: [folder], jobs: 2).run()

    @Test func verifiedValuesMatch() throws {
        let byId = try Self.output.jsonById()
        var checked = 0
        for procedure in Self.expectations.procedures {
            guard let json = byId[procedure.procedureId] else {
                Issue.record("procedure \(procedure.procedureId) (\(procedure.files)) missing from the output")
                continue
            }
            for (path, expected) in procedure.expect.sorted(by: { $0.key < $1.key }) {
                let actual = json.at(path: path)
                #expect(actual == expected, "\(procedure.files.joined(separator: ", ")) \(path)")
                checked += 1
            }
        }
        #expect(checked > 700)
    }

    @Test func everyValidNoticeIsInAProcedureAndInvalidOnesAreErrors() throws {
        let output = Self.output
        let invalid = Set(Self.expectations.invalid.map { Self.folder + "/" + $0.file })
        #expect(Set(output.errors.map(\.location.file)) == invalid)
        for error in output.errors {
            #expect(error.kind == .invalidNotice)
            #expect(error.location.line != nil)
            #expect(error.location.column != nil)
            #expect(error.message.contains("BT-04"))
        }
        let listed = Set(output.procedures.flatMap { $0.notices.map(\.source.file) })
        let all = try FileManager.default.subpathsOfDirectory(atPath: Self.folder)
            .filter { $0.hasSuffix(".xml") }.map { Self.folder + "/" + $0 }
        #expect(listed == Set(all).subtracting(invalid))
        #expect(output.fileCount == all.count)
    }

    @Test func outputIsByteIdenticalWhateverTheNumberOfJobs() {
        let one = ExtractJob(paths: [Self.folder], jobs: 1).run().jsonLines
        let two = Self.output.jsonLines
        let four = ExtractJob(paths: [Self.folder], jobs: 4).run().jsonLines
        #expect(one == two)
        #expect(two == four)
    }

    @Test func hundredLotNoticeIsReadWhole() throws {
        let reader = TenderXMLReaderForTests()
        let notice = try reader.read(Self.folder + "/sdk-examples-1.15.1/cn_24_maximal_100_lots.xml")
        #expect(notice.lots.filter { $0.kind == .lot }.count == 100)
        #expect(Set(notice.lots.map(\.id)).count == notice.lots.count)
    }
}
