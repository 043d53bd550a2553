import Foundation
import Testing
import TenderAssembly
import TenderGenerator
@testable import TenderModel
import TenderXML

/// `ProcedureCodec` over every procedure we can assemble: from the fixtures (one folder, one
/// scenario), the real corpus (`../shared/corpus`, when present) and a generated market;
/// plus a hand-built procedure with every field filled, damaged input that must throw,
/// never trap, and notice bytes that must never pass for a procedure (or the reverse).
@Suite("ProcedureCodec: binary round trip")
struct ProcedureCodecTests {
    typealias Notices = NoticeCodecTests

    static func encoded(_ procedure: Procedure) -> [UInt8] {
        var bytes: [UInt8] = []
        ProcedureCodec.encode(procedure, into: &bytes)
        return bytes
    }

    static func decoded(_ bytes: [UInt8]) throws -> Procedure {
        try bytes.withUnsafeBytes { buffer throws(NoticeCodec.Failure) in try ProcedureCodec.decode(buffer) }
    }

    /// The notices under `folder`, assembled folder by folder (each fixture folder is one
    /// scenario; procedure ids may repeat across scenarios), in path order.
    static func assembledByFolder(under folder: String) throws -> [Procedure] {
        let notices = try Notices.readNotices(under: folder)
        var byFolder: [String: [Notice]] = [:]
        for notice in notices {
            let file = notice.source.file
            byFolder[String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)]), default: []].append(notice)
        }
        return byFolder.keys.sorted().flatMap { ProcedureAssembler.assemble(byFolder[$0]!) }
    }

    /// decode(encode(p)) == p, encode(decode(encode(p))) == encode(p) byte for byte (which
    /// also covers what equality ignores: decimal scales, cached organisation keys), and
    /// every organisation's cached key survives as cached.
    static func checkRoundTrip(_ procedure: Procedure, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bytes = encoded(procedure)
        let decoded = try decoded(bytes)
        #expect(decoded == procedure, "\(procedure.id)", sourceLocation: sourceLocation)
        let again = encoded(decoded)
        // Compared as a flag so that a failure names the offset instead of printing both arrays.
        let identical = again == bytes
        #expect(identical, "\(procedure.id): re-encoding differs from byte \(Notices.firstDifference(again, bytes))",
                sourceLocation: sourceLocation)
        let before = organizations(of: procedure)
        let after = organizations(of: decoded)
        #expect(before.map(\.cachedKeyIfAny) == after.map(\.cachedKeyIfAny), sourceLocation: sourceLocation)
        #expect(before.map(\.key) == after.map(\.key), sourceLocation: sourceLocation)
        #expect(before.map(\.noticeId) == after.map(\.noticeId), sourceLocation: sourceLocation)
    }

    static func organizations(of procedure: Procedure) -> [Organization] {
        procedure.buyers.map(\.organization)
            + procedure.lots.flatMap { ($0.result?.tenders ?? []).flatMap { $0.tenderers.map(\.organization) } }
    }

    @Test("every procedure assembled from the fixtures round-trips")
    func fixtures() throws {
        let procedures = try Self.assembledByFolder(under: CodecTestPaths.fixtures)
        #expect(procedures.count >= 10)
        for procedure in procedures { try Self.checkRoundTrip(procedure) }
        // Assembled from read notices, whose keys the reader cached: they must come back cached.
        let organizations = procedures.flatMap(Self.organizations)
        #expect(!organizations.isEmpty)
        #expect(organizations.allSatisfy { $0.cachedKeyIfAny != nil })
        // The fixtures exercise what a notice alone has not: several notices, deadline
        // history with its changes, superseded notices, results, modifications.
        #expect(procedures.contains { $0.notices.count >= 3 })
        #expect(procedures.contains { $0.lots.contains { $0.deadlineHistory.contains { $0.change != nil } } })
        #expect(procedures.contains { $0.notices.contains { $0.supersededBy != nil } })
        #expect(procedures.contains { $0.lots.contains { $0.result != nil } })
        // Everything at once, as mixed as it gets.
        for procedure in ProcedureAssembler.assemble(try Notices.readNotices(under: CodecTestPaths.fixtures)) {
            try Self.checkRoundTrip(procedure)
        }
    }

    @Test("every procedure of the real corpus round-trips",
          .enabled(if: CodecTestPaths.corpusExists, "../shared/corpus is not present"))
    func corpus() throws {
        let procedures = ProcedureAssembler.assemble(try Notices.readNotices(under: CodecTestPaths.corpus))
        #expect(procedures.count >= 20)
        for procedure in procedures { try Self.checkRoundTrip(procedure) }
    }

    @Test("every procedure of a generated market round-trips")
    func generatedMarket() throws {
        let files = try MarketGenerator.render(GeneratorOptions(procedures: 120, seed: 77), procedures: Array(0..<120))
        let reader = EFormsReader()
        let notices = try files.map { file in
            try file.bytes.withUnsafeBytes { bytes throws(Diagnostic) in try reader.read(bytes: bytes, file: file.name) }
        }
        let procedures = ProcedureAssembler.assemble(notices)
        #expect(procedures.count >= 100)
        for procedure in procedures { try Self.checkRoundTrip(procedure) }
    }

    @Test("a procedure with every field filled round-trips exactly")
    func everyFieldFilled() throws {
        let procedure = Self.fullProcedure()
        try Self.checkRoundTrip(procedure)
        let decoded = try Self.decoded(Self.encoded(procedure))
        #expect(decoded.notices.count > 16)  // the writer looks notice ids up by dictionary
        #expect(decoded.frameworkMaximum!.value.significand == .min && decoded.frameworkMaximum!.value.scale == 18)
        #expect(decoded.lots[0].call!.estimatedValue!.value.scale == 2)
        #expect(decoded.lots[0].deadlineHistory.map(\.change) == [nil, .later, .earlier])
        #expect(decoded.lots[0].deadlineHistory[2].notice == "unknown-notice")
        #expect(decoded.notices[0].supersededBy == decoded.notices[1].id)
        #expect(decoded.notices[1].previousNotices == [decoded.notices[0].id, "elsewhere"])
        #expect(decoded.modifications.map(\.notice) == [decoded.notices[2].id, ""])
        #expect(decoded.warnings.map(\.kind) == Notices.allKinds)
        #expect(decoded.noticeValue == procedure.noticeValue)
        #expect(decoded.accelerated == .known(true))
        let organizations = Self.organizations(of: decoded)
        #expect(organizations.map { $0.cachedKeyIfAny != nil } == Self.organizations(of: procedure).map { $0.cachedKeyIfAny != nil })
        #expect(organizations.contains { $0.cachedKeyIfAny == nil })
        #expect(organizations.contains { $0.noticeId == "not a notice of this procedure" })
    }

    @Test("few notices or none: every reference form round-trips")
    func smallProcedures() throws {
        try Self.checkRoundTrip(Procedure(id: ""))
        var procedure = Self.fullProcedure()
        procedure.notices = Array(procedure.notices.prefix(3))
        try Self.checkRoundTrip(procedure)
        procedure.notices = []
        try Self.checkRoundTrip(procedure)
    }

    @Test("truncated at every length: throws, never traps")
    func truncated() throws {
        let procedure = try Self.multiLotProcedure()
        let bytes = Self.encoded(procedure)
        for length in 0..<bytes.count {
            #expect(throws: NoticeCodec.Failure.self, "prefix of \(length) bytes") {
                try Self.decoded(Array(bytes[..<length]))
            }
        }
        #expect(try Self.decoded(bytes) == procedure)
        #expect(throws: NoticeCodec.Failure.trailingBytes(offset: bytes.count)) {
            try Self.decoded(bytes + [0])
        }
    }

    @Test("a notice never decodes as a procedure, nor a procedure as a notice")
    func kindsDoNotMix() throws {
        #expect(NoticeCodec.formatVersion != ProcedureCodec.tag)
        let notices = [Notices.fullNotice()] + (try Notices.readNotices(under: CodecTestPaths.fixtures + "/eforms/multi-lot"))
        for notice in notices {
            let bytes = Notices.encoded(notice)
            #expect(throws: NoticeCodec.Failure.invalidValue("leading byte: not the encoding of a procedure", offset: 0)) {
                try Self.decoded(bytes)
            }
        }
        for procedure in [Self.fullProcedure(), try Self.multiLotProcedure(), Procedure(id: "")] {
            let bytes = Self.encoded(procedure)
            #expect(throws: NoticeCodec.Failure.invalidValue("leading byte: the encoding of a procedure, not of a notice",
                                                             offset: 0)) {
                try Notices.decoded(bytes)
            }
        }
    }

    @Test("a different format version is refused")
    func wrongVersion() throws {
        var bytes = Self.encoded(Self.fullProcedure())
        #expect(bytes[0] == ProcedureCodec.tag && bytes[1] == NoticeCodec.formatVersion)
        bytes[1] = NoticeCodec.formatVersion &+ 1
        #expect(throws: NoticeCodec.Failure.unsupportedVersion(found: NoticeCodec.formatVersion &+ 1,
                                                               expected: NoticeCodec.formatVersion)) {
            try Self.decoded(bytes)
        }
    }

    @Test("damaged bytes: throws or decodes something, never traps")
    func damaged() throws {
        // Four notices keep every reference form and the run short (each decode is a whole procedure).
        var procedure = Self.fullProcedure()
        procedure.notices = Array(procedure.notices.prefix(4))
        let bytes = Self.encoded(procedure)
        var state: UInt64 = 0x8765_4321
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var failures = 0
        for position in 2..<bytes.count {
            for value: UInt8 in [0x00, 0xFF, UInt8(truncatingIfNeeded: next())] {
                var damaged = bytes
                damaged[position] = value
                // A changed byte inside a string decodes to another string: only structure fails.
                if let procedure = try? Self.decoded(damaged) {
                    _ = Self.encoded(procedure)
                } else {
                    failures += 1
                }
            }
        }
        #expect(failures > 0)
        for length in 0..<300 {
            let garbage = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
            _ = try? Self.decoded([ProcedureCodec.tag, NoticeCodec.formatVersion] + garbage)
        }
    }

    // MARK: - Procedures

    /// The multi-lot fixture: a contract notice and its award notice (the benchmarked one).
    static func multiLotProcedure() throws -> Procedure {
        let procedures = ProcedureAssembler.assemble(try Notices.readNotices(under: CodecTestPaths.fixtures + "/eforms/multi-lot"))
        try #require(procedures.count == 1)
        return procedures[0]
    }

    /// The fully filled notice assembled, then every procedure-level field set by hand: 20
    /// notices, references to known and unknown notices, deadline changes, modifications.
    static func fullProcedure() -> Procedure {
        let notice = Notices.fullNotice()
        var procedure = ProcedureAssembler.procedure(id: notice.procedureId, notices: [notice])
        let date = CalendarDate(year: 2024, month: 3, day: 1)!
        var records = procedure.notices
        for index in 1..<20 {
            var record = NoticeRecord(notice: notice, phase: NoticePhase.allCases[index % NoticePhase.allCases.count])
            record.id = "notice-\(index)"
            record.version = index.isMultiple(of: 2) ? nil : "0\(index)"
            record.dispatchDate = date.adding(days: index)
            records.append(record)
        }
        records[0].supersededBy = records[1].id
        records[1].previousNotices = [records[0].id, "elsewhere"]
        records[19].supersededBy = "not in this procedure"
        procedure.notices = records
        procedure.title = "Nettoyage – lot unique"
        procedure.internalReference = "REF-1"
        procedure.procedureType = .withheld(Notices.withholding)
        procedure.accelerated = .known(true)
        procedure.acceleratedJustification = "Urgence impérieuse"
        procedure.directAwardJustification = .known("technical")
        procedure.directAwardText = .withheld(Withholding(field: "dir-awa-tex"))
        procedure.nature = "services"
        procedure.mainCpv = "90910000"
        procedure.additionalCpvs = ["90911200", ""]
        procedure.legalBasis = "32014L0024"
        procedure.estimatedValue = Amount(value: DecimalNumber(significand: 1, scale: 3), currency: "EUR")
        procedure.frameworkMaximum = Amount(value: DecimalNumber(significand: .min, scale: 18), currency: nil)
        procedure.noticeValue = .known(Amount(value: DecimalNumber("1200.50")!, currency: "EUR"))

        // Buyers named by another notice of the procedure, and by none of them.
        var other = Notices.organization("ORG-0009", name: "Ville de Quimper", nationalId: nil)
        other.noticeId = records[7].id
        other.cacheKey()
        var foreign = Notices.organization("ORG-0010", name: nil, nationalId: "123")
        foreign.noticeId = "not a notice of this procedure"
        procedure.buyers += [Buyer(organization: other, legalType: "la"), Buyer(organization: foreign)]

        let deadline = DateTime(date: date, time: TimeOfDay(hour: 12, minute: 0, offsetMinutes: 60))
        var lots = procedure.lots
        if lots.isEmpty { lots = [ProcedureLot(id: "LOT-0001", kind: .lot)] }
        lots[0].call = notice.lots[0]
        lots[0].result = notice.result?.lotResults[0]
        lots[0].callNotice = records[0].id
        lots[0].resultNotice = "unknown-notice"
        lots[0].deadlineHistory = [
            DeadlineRecord(notice: records[0].id, dispatchDate: date, submissionDeadline: deadline, requestsDeadline: nil),
            DeadlineRecord(notice: records[3].id, dispatchDate: nil, submissionDeadline: nil,
                           requestsDeadline: DateTime(date: date.adding(days: 30)), change: .later),
            DeadlineRecord(notice: "unknown-notice", dispatchDate: date.adding(days: 2),
                           submissionDeadline: DateTime(date: date.adding(days: 20)), requestsDeadline: deadline,
                           change: .earlier),
        ]
        lots.append(ProcedureLot(id: "PAR-0009", kind: .part))
        procedure.lots = lots
        procedure.modifications = [
            ModificationRecord(notice: records[2].id, dispatchDate: date,
                               modification: ContractModification(modifiedNotice: records[0].id, modifiedContract: "CON-0001",
                                                                  reasonCode: "add-wss", reasonDescription: "More",
                                                                  description: "Extra works")),
            ModificationRecord(notice: "", dispatchDate: nil, modification: ContractModification()),
        ]
        procedure.warnings = Notices.allKinds.enumerated().map { index, kind in
            Diagnostic(kind, "assembly warning \(index)", at: SourceLocation(file: notice.source.file,
                                                                            line: index == 0 ? nil : index,
                                                                            column: index < 2 ? nil : index))
        }
        return procedure
    }
}
