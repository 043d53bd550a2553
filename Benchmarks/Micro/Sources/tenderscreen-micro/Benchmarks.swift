#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TenderAssembly
import TenderModel
import TenderReports
import TenderScreening
import TenderXML

struct Benchmark {
    var name: String
    /// Input bytes per operation, for MB/s.
    var bytesPerOperation: Int?
    var run: (Int) -> Void
}

enum Fixtures {
    /// The repository root, found upwards from the executable (…/Benchmarks/Micro/.build/…).
    static func repository(from executable: String) -> String {
        var path = executable.hasPrefix("/") ? executable : String(cString: getcwd(nil, 0)) + "/" + executable
        while !path.isEmpty {
            path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
            if access(path + "/Fixtures/eforms", F_OK) == 0 { return path }
        }
        return "."
    }

    static func bytes(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { fatalError("cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}

struct Benchmarks {
    let repository: String

    var all: [Benchmark] {
        let awardPath = repository + "/Fixtures/eforms/multi-lot/award-notice.xml"
        let award = Fixtures.bytes(awardPath)
        let contract = Fixtures.bytes(repository + "/Fixtures/eforms/multi-lot/contract-notice.xml")
        let reader = EFormsReader()
        let notices = [award, contract].map { bytes in
            bytes.withUnsafeBytes { buffer in
                do { return try reader.read(bytes: buffer, file: "fixture") } catch { fatalError("\(error)") }
            }
        }
        let procedure = ProcedureAssembler.assemble(notices)[0]
        let screener = Screener()
        let screened = screener.screen([procedure])
        // Eight inputs, picked by the loop index, so the work cannot be hoisted out of the loop.
        let dates = (1...8).map { Array("2024-03-0\($0)+01:00".utf8) }
        let amounts = (1...8).map { Array("123456\($0).89".utf8) }
        let hundred = [Procedure](repeating: procedure, count: 100)
        let awardNotice = notices[0]
        var encodedAward: [UInt8] = []
        NoticeCodec.encode(awardNotice, into: &encodedAward)
        var encodedProcedure: [UInt8] = []
        ProcedureCodec.encode(procedure, into: &encodedProcedure)
        return [
            Benchmark(name: "read-award-notice-in-memory", bytesPerOperation: award.count) { count in
                award.withUnsafeBytes { bytes in
                    for _ in 0..<count { consume(try? reader.read(bytes: bytes, file: "award")) }
                }
            },
            Benchmark(name: "read-award-notice-from-file", bytesPerOperation: award.count) { count in
                for _ in 0..<count { consume(try? reader.read(file: awardPath)) }
            },
            Benchmark(name: "encode-award-notice") { count in
                var bytes: [UInt8] = []
                for _ in 0..<count {
                    bytes.removeAll(keepingCapacity: true)
                    NoticeCodec.encode(awardNotice, into: &bytes)
                }
                consume(bytes.count)
            },
            Benchmark(name: "decode-award-notice", bytesPerOperation: encodedAward.count) { count in
                encodedAward.withUnsafeBytes { bytes in
                    for _ in 0..<count { consume(try? NoticeCodec.decode(bytes)) }
                }
            },
            Benchmark(name: "assemble-procedure") { count in
                for _ in 0..<count { consume(ProcedureAssembler.assemble(notices)) }
            },
            Benchmark(name: "encode-procedure") { count in
                var bytes: [UInt8] = []
                for _ in 0..<count {
                    bytes.removeAll(keepingCapacity: true)
                    ProcedureCodec.encode(procedure, into: &bytes)
                }
                consume(bytes.count)
            },
            Benchmark(name: "decode-procedure", bytesPerOperation: encodedProcedure.count) { count in
                encodedProcedure.withUnsafeBytes { bytes in
                    for _ in 0..<count { consume(try? ProcedureCodec.decode(bytes)) }
                }
            },
            Benchmark(name: "screen-100-procedures") { count in
                for _ in 0..<count { consume(screener.screen(hundred)) }
            },
            Benchmark(name: "render-procedure-json") { count in
                var json = JSONWriter()
                for _ in 0..<count {
                    json.discardWrittenBytes()
                    ScreeningJSON.write(screened.ranking[0], to: &json)
                }
                consume(json.bytes.count)
            },
            Benchmark(name: "parse-date") { count in
                for index in 0..<count {
                    dates[index & 7].withUnsafeBufferPointer { consume(CalendarDate.parse($0)) }
                }
            },
            Benchmark(name: "parse-amount") { count in
                for index in 0..<count {
                    amounts[index & 7].withUnsafeBufferPointer { consume(DecimalNumber.parse($0)) }
                }
            },
            Benchmark(name: "organisation-key") { count in
                for index in 0..<count {
                    consume(OrganizationKey(nationalId: nil, name: "Stadtwerke Musterstadt GmbH \(index & 7)",
                                            country: "DEU", town: "Musterstadt", localId: "ORG-0001"))
                }
            },
        ]
    }
}
