import Foundation
import Testing
import TenderGenerator
@testable import TenderModel
import TenderXML

/// `NoticeCodec` over every notice we can read: the fixtures, the real corpus
/// (`../shared/corpus`, when present) and a generated market; plus a hand-built notice with
/// every field filled, and damaged input that must throw, never trap.
@Suite("NoticeCodec: binary round trip")
struct NoticeCodecTests {
    static let fixtures = CodecTestPaths.fixtures
    static let corpus = CodecTestPaths.corpus
    static let awardNotice = fixtures + "/eforms/multi-lot/award-notice.xml"

    /// Every `.xml` file under `folder` that the eForms reader accepts (invalid fixtures and
    /// other formats are skipped), in path order.
    static func readNotices(under folder: String) throws -> [Notice] {
        let reader = EFormsReader()
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".xml") }.sorted()
        return files.compactMap { try? reader.read(file: folder + "/" + $0) }
    }

    static func encoded(_ notice: Notice) -> [UInt8] {
        var bytes: [UInt8] = []
        NoticeCodec.encode(notice, into: &bytes)
        return bytes
    }

    static func decoded(_ bytes: [UInt8]) throws -> Notice {
        try bytes.withUnsafeBytes { buffer throws(NoticeCodec.Failure) in try NoticeCodec.decode(buffer) }
    }

    /// decode(encode(n)) == n, encode(decode(encode(n))) == encode(n) byte for byte (which
    /// also covers what equality ignores: decimal scales, cached organisation keys), and
    /// every organisation's cached key survives as cached.
    static func checkRoundTrip(_ notice: Notice, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bytes = encoded(notice)
        let decoded = try decoded(bytes)
        #expect(decoded == notice, "\(notice.source.file)", sourceLocation: sourceLocation)
        let again = encoded(decoded)
        // Compared as a flag so that a failure names the offset instead of printing both arrays.
        let identical = again == bytes
        #expect(identical, "\(notice.source.file): re-encoding differs from byte \(firstDifference(again, bytes))",
                sourceLocation: sourceLocation)
        let before = organizations(of: notice)
        let after = organizations(of: decoded)
        #expect(before.map(\.cachedKeyIfAny) == after.map(\.cachedKeyIfAny), sourceLocation: sourceLocation)
        #expect(before.map(\.key) == after.map(\.key), sourceLocation: sourceLocation)
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }

    static func organizations(of notice: Notice) -> [Organization] {
        notice.buyers.map(\.organization)
            + (notice.result?.lotResults ?? []).flatMap { $0.tenders.flatMap { $0.tenderers.map(\.organization) } }
    }

    @Test("every fixture notice round-trips")
    func fixtures() throws {
        let notices = try Self.readNotices(under: Self.fixtures)
        #expect(notices.count >= 30)
        for notice in notices { try Self.checkRoundTrip(notice) }
        // The reader caches keys: the decoded notices must come back with them.
        #expect(notices.flatMap(Self.organizations).allSatisfy { $0.cachedKeyIfAny != nil })
    }

    @Test("every notice of the real corpus round-trips",
          .enabled(if: CodecTestPaths.corpusExists, "../shared/corpus is not present"))
    func corpus() throws {
        let notices = try Self.readNotices(under: Self.corpus)
        #expect(notices.count >= 50)
        for notice in notices { try Self.checkRoundTrip(notice) }
    }

    @Test("every notice of a generated market round-trips")
    func generatedMarket() throws {
        let files = try MarketGenerator.render(GeneratorOptions(procedures: 120, seed: 77), procedures: Array(0..<120))
        let reader = EFormsReader()
        let notices = try files.map { file in
            try file.bytes.withUnsafeBytes { bytes throws(Diagnostic) in try reader.read(bytes: bytes, file: file.name) }
        }
        #expect(notices.count >= 120)
        for notice in notices { try Self.checkRoundTrip(notice) }
    }

    @Test("a notice with every optional filled round-trips exactly")
    func everyFieldFilled() throws {
        let notice = Self.fullNotice()
        try Self.checkRoundTrip(notice)
        let decoded = try Self.decoded(Self.encoded(notice))
        // Equality is numeric for decimals (1.0 == 1.00): check the scale itself survives.
        let amount = decoded.lots[0].estimatedValue!.value
        #expect(amount.significand == 1_500_000 && amount.scale == 2)
        #expect(decoded.procedure.frameworkMaximum!.value.significand == .min)
        #expect(decoded.procedure.frameworkMaximum!.value.scale == 18)
        #expect(decoded.warnings.map(\.kind) == Self.allKinds)
        #expect(decoded.buyers[0].organization.cachedKeyIfAny != nil)
        #expect(decoded.buyers[1].organization.cachedKeyIfAny == nil)
        #expect(decoded.buyers[1].organization.noticeId == nil)
        #expect(decoded.buyers[0].organization.noticeId == notice.id)
        #expect(decoded.result?.lotResults[0].tenders[0].tenderers[1].organization.noticeId
                == "an earlier notice, described again")
        #expect(decoded.result?.lotResults[0].tenders[0].amount == .withheld(Self.withholding))
    }

    @Test("an empty notice round-trips")
    func minimalNotice() throws {
        try Self.checkRoundTrip(Notice(source: NoticeSource(file: "", format: .eForms), id: "", procedureId: ""))
    }

    @Test("truncated at every length: throws, never traps")
    func truncated() throws {
        let notice = try EFormsReader().read(file: Self.awardNotice)
        let bytes = Self.encoded(notice)
        for length in 0..<bytes.count {
            #expect(throws: NoticeCodec.Failure.self, "prefix of \(length) bytes") {
                try Self.decoded(Array(bytes[..<length]))
            }
        }
        #expect(try Self.decoded(bytes) == notice)
        #expect(throws: NoticeCodec.Failure.trailingBytes(offset: bytes.count)) {
            try Self.decoded(bytes + [0])
        }
    }

    @Test("a different format version is refused")
    func wrongVersion() throws {
        var bytes = Self.encoded(Self.fullNotice())
        #expect(bytes[0] == NoticeCodec.formatVersion)
        bytes[0] = NoticeCodec.formatVersion &+ 1
        #expect(throws: NoticeCodec.Failure.unsupportedVersion(found: NoticeCodec.formatVersion &+ 1,
                                                               expected: NoticeCodec.formatVersion)) {
            try Self.decoded(bytes)
        }
        let failure = NoticeCodec.Failure.unsupportedVersion(found: 9, expected: NoticeCodec.formatVersion)
        #expect(failure.description.contains("version 9"))
    }

    @Test("damaged bytes: throws or decodes something, never traps")
    func damaged() throws {
        let bytes = Self.encoded(Self.fullNotice())
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var failures = 0
        for position in 1..<bytes.count {
            for value: UInt8 in [0x00, 0x7F, 0x80, 0xFF, UInt8(truncatingIfNeeded: next())] {
                var damaged = bytes
                damaged[position] = value
                // A changed byte inside a string decodes to another string: only structure fails.
                if let notice = try? Self.decoded(damaged) {
                    _ = Self.encoded(notice)
                } else {
                    failures += 1
                }
            }
        }
        #expect(failures > 0)
        // Garbage of every short length.
        for length in 0..<300 {
            let garbage = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
            _ = try? Self.decoded([NoticeCodec.formatVersion] + garbage)
        }
    }

    // MARK: - A notice with everything

    static let withholding = Withholding(field: "win-ten-val", reasonCode: "oth-int",
                                         releaseDate: CalendarDate(year: 2030, month: 12, day: 31))
    static let allKinds = Diagnostic.Kind.allCases

    static func fullNotice() -> Notice {
        let date = CalendarDate(year: 2024, month: 2, day: 29)!
        var notice = Notice(source: NoticeSource(file: "/tmp/ünïcode path/notice.xml", format: .eForms,
                                                 formatVersion: "eforms-sdk-1.10"),
                            id: "3c4fe992-24f5-4158-8054-09b91c7b7941", procedureId: "b1d5d5b6-proc")
        notice.version = "02"
        notice.publicationId = "00191536-2024"
        notice.gazetteId = "65/2024"
        notice.noticeType = "can-standard"
        notice.formType = "change"
        notice.subtype = "29"
        notice.legalBasis = "32014L0024"
        notice.dispatchDate = date
        notice.dispatchTime = TimeOfDay(hour: 23, minute: 59, second: 59, offsetMinutes: -14 * 60)
        notice.publicationDate = CalendarDate(daysSinceEpoch: .min)
        notice.language = "FRA"
        notice.previousNotices = ["a-01", "", String(repeating: "long ", count: 100)]
        notice.change = NoticeChange(changedNotice: "a-01", reasonCode: "cor-buy", reasonDescription: "Typo",
                                     items: [ChangeItem(description: "Lot 2 deadline", sections: ["LOT-0002", "PROCEDURE"]),
                                             ChangeItem()])
        notice.modifications = [
            ContractModification(modifiedNotice: "n-1", modifiedContract: "CON-0001", reasonCode: "add-wss",
                                 reasonDescription: "More", description: "Extra works"),
            ContractModification(),
        ]
        var facts = ProcedureFacts()
        facts.internalReference = "REF/2024/1"
        facts.title = "Nettoyage des locaux – secteur Sud"
        facts.procedureType = .known("open")
        facts.accelerated = .known(false)
        facts.acceleratedJustification = "Urgence"
        facts.directAwardJustification = .withheld(Withholding(field: "dir-awa-jus"))
        facts.directAwardText = .unknown
        facts.nature = "services"
        facts.mainCpv = "90910000"
        facts.additionalCpvs = ["90911200", "90919200"]
        facts.estimatedValue = Amount(value: DecimalNumber(significand: -1, scale: 0), currency: nil)
        facts.frameworkMaximum = Amount(value: DecimalNumber(significand: .min, scale: 18), currency: "EUR")
        facts.performanceNuts = "FRK26"
        facts.performanceCountry = "FRA"
        notice.procedure = facts

        var cached = organization("ORG-0001", name: "Région Haute-Armorique", nationalId: "FR 213 690 123")
        cached.cacheKey()
        var uncached = organization("ORG-0002", name: nil, nationalId: nil)
        uncached.noticeId = nil
        notice.buyers = [Buyer(organization: cached, legalType: "ra", activity: "gen-pub"),
                         Buyer(organization: uncached)]

        var lot = Lot(id: "LOT-0001", kind: .lot)
        lot.title = "Lot 1"
        lot.nature = "services"
        lot.mainCpv = "90910000"
        lot.additionalCpvs = ["90911200"]
        lot.estimatedValue = Amount(value: DecimalNumber("15000.00")!, currency: "EUR")
        lot.frameworkMaximum = Amount(value: DecimalNumber(significand: .max, scale: 0), currency: "EUR")
        lot.submissionDeadline = DateTime(date: date, time: TimeOfDay(hour: 24, minute: 0))
        lot.requestsDeadline = DateTime(date: date, time: TimeOfDay(hour: 12, minute: 0, offsetMinutes: 0))
        lot.opening = DateTime(date: CalendarDate(daysSinceEpoch: .max))
        lot.electronicSubmission = "required"
        lot.electronicAuction = true
        lot.frameworkAgreement = "fa-wo-rc"
        lot.dynamicPurchasingSystem = "none"
        lot.previousNotices = ["pin-1"]
        lot.memberLots = ["LOT-0002"]
        lot.performanceNuts = "FRK"
        var group = Lot(id: "GLO-0001", kind: .group)
        group.electronicAuction = false
        group.memberLots = ["LOT-0001", "LOT-0002"]
        notice.lots = [lot, group, Lot(id: "PAR-0001", kind: .part)]

        var result = NoticeResult()
        result.totalValue = .known(Amount(value: DecimalNumber(1), currency: "EUR"))
        result.frameworkMaximum = .withheld(withholding)
        result.frameworkApproximate = .unknown
        var lotResult = LotResult()
        lotResult.id = "RES-0001"
        lotResult.lotId = "LOT-0001"
        lotResult.resultCode = .known("selec-w")
        lotResult.nonAwardReason = .withheld(Withholding(field: "no-awa-rea", reasonCode: nil, releaseDate: date))
        lotResult.statistics = [SubmissionStatistic(code: "tenders", count: .known(3)),
                                SubmissionStatistic(code: "t-sme", count: .withheld(withholding)),
                                SubmissionStatistic(code: "t-micro", count: .unknown),
                                SubmissionStatistic(code: "t-neg", count: .known(.min)),
                                SubmissionStatistic(code: "t-max", count: .known(.max))]
        lotResult.lowestTender = .known(Amount(value: DecimalNumber("0.001")!, currency: "EUR"))
        lotResult.highestTender = .withheld(withholding)
        lotResult.frameworkMaximum = .known(Amount(value: DecimalNumber(significand: 5, scale: 18), currency: nil))
        lotResult.frameworkReestimated = .unknown
        var tender = Tender(id: "TEN-0001")
        tender.reference = "T-1"
        tender.lotId = "LOT-0001"
        tender.amount = .withheld(withholding)
        tender.rank = .known(1)
        tender.isRanked = true
        tender.isVariant = false
        tender.isWinner = true
        var leader = organization("ORG-0003", name: "Groupe Clairnet SA", nationalId: nil)
        leader.cacheKey()
        var member = organization("ORG-0004", name: nil, nationalId: "552 081 317 66522")
        member.isNaturalPerson = true
        member.noticeId = "an earlier notice, described again"
        member.cacheKey()
        tender.party = TenderingParty(id: "TPA-0001", name: "Clairnet + Propreté",
                                      tenderers: [Tenderer(organization: leader, isLeader: true),
                                                  Tenderer(organization: member, isLeader: false),
                                                  Tenderer(organization: uncached)])
        var loser = Tender(id: "TEN-0002")
        loser.rank = .withheld(Withholding(field: "ten-ran"))
        loser.party = TenderingParty(id: "TPA-0002")
        lotResult.tenders = [tender, loser, Tender(id: "TEN-0003")]
        var contract = Contract(id: "CON-0001")
        contract.reference = "C-2024-1"
        contract.title = "Marché de nettoyage"
        contract.awardDate = date
        contract.conclusionDate = date.adding(days: 11)
        contract.tenderIds = ["TEN-0001"]
        contract.isFramework = false
        lotResult.contracts = [contract, Contract(id: "CON-0002")]
        result.lotResults = [lotResult, LotResult()]
        notice.result = result

        notice.warnings = allKinds.enumerated().map { index, kind in
            Diagnostic(kind, "warning \(index) – é", at: SourceLocation(file: notice.source.file,
                                                                       line: index == 0 ? nil : index * 1000,
                                                                       column: index < 2 ? nil : -index))
        }
        return notice
    }

    static func organization(_ localId: String, name: String?, nationalId: String?) -> Organization {
        var organization = Organization(localId: localId)
        organization.name = name
        organization.nationalId = nationalId
        organization.country = "FRA"
        organization.town = "Rennes"
        organization.nuts = "FRH03"
        organization.size = "large"
        organization.isNaturalPerson = false
        organization.noticeId = "3c4fe992-24f5-4158-8054-09b91c7b7941"
        return organization
    }
}

/// The repository's fixtures and the optional external corpus beside the repository.
enum CodecTestPaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Fixtures").path
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
    static var corpusExists: Bool { FileManager.default.fileExists(atPath: corpus + "/eforms") }
}
