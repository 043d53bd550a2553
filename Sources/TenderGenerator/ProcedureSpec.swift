import TenderModel

struct TenderSpec {
    var supplier: Int
    /// The tender's price in cents.
    var cents: Int64
    var withCents: Bool
    /// Published as `0` or `1` instead of the price.
    var placeholder: Int?
    /// BT-720 withheld (`win-ten-val`), a dummy value written instead.
    var withheld = false
    var rank: Int = 0
    var listed = true
}

struct LotSpec {
    var number: Int
    var cpv: String
    var title: [UInt8]
    /// The buyer's estimate in whole EUR; nil when not published.
    var estimate: Int64?
    var framework = false
    /// BT-271 in the call, BT-709 in the result.
    var frameworkMaximum: Int64?
    var electronicSubmission: ElectronicSubmission = .required
    /// BT-131 and BT-1311 as first published.
    var deadline: Int32?
    var requestsDeadline: Int32?
    /// The deadline a change notice sets instead.
    var changedDeadline: Int32?
    var deadlineMinutes = 12 * 60
    /// Tenders sorted by price; `winner` indexes the winning one.
    var tenders: [TenderSpec] = []
    var winner = 0
    /// `tenders` row of the statistics (nil: the row is missing).
    var statistics: Int?
    var lowerHigher = false
    var awardDate: Int32 = 0
    var conclusionDate: Int32?
}

/// Everything needed to write one procedure's notices, and its truth.
struct ProcedureSpec {
    var index: Int
    var id: [UInt8]
    var contractNoticeId: [UInt8]
    var changeNoticeId: [UInt8]
    var awardNoticeId: [UInt8]
    var buyer: Int
    var country: Int
    var nature: Nature
    var type: ProcedureType
    var accelerated = false
    var urgencyText: [UInt8]?
    var directJustification: String?
    var veat = false
    var title: [UInt8]
    var reference: [UInt8]
    var mainCpv: String
    var lots: [LotSpec] = []
    var durationMonths: Int
    var sdk: Int
    var contractNoticeDay: Int32 = 0
    var contractNoticeMinutes = 600
    var changeNoticeDay: Int32?
    var changeReason: [UInt8] = []
    var awardNoticeDay: Int32 = 0
    var awardNoticeMinutes = 600
    var compactContractNotice = false
    var compactChangeNotice = false
    var compactAwardNotice = false
    var ranks = true
    var withheldTotal = false
    var planted: [PlantedScheme] = []
    var camouflaged: [CamouflagedEntry] = []

    var hasContractNotice: Bool { type != .negotiatedWithoutCall }
    var hasChangeNotice: Bool { changeNoticeDay != nil }
}

/// One planted scheme in one procedure (truth).
struct PlantedScheme {
    var scheme: SchemeKind
    var lots: [String]
    var group: String?
    var detail: String
}

struct CamouflagedEntry {
    var kind: CamouflageKind
    var lots: [String]
    var detail: String
}

/// A UUID-shaped identifier (version 4 layout) derived from the seed, the procedure index and a salt.
func derivedUUID(seed: UInt64, index: Int, salt: UInt64) -> [UInt8] {
    let high = SplitMix64.hash(seed, UInt64(index), salt, 0x7575_6964)
    let low = SplitMix64.hash(seed, UInt64(index), salt, 0x6C6F_7721)
    var value = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
    let tail = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(36)
    for position in 0..<16 {
        if position == 8 || position == 12 { output.append(0x2D) }
        output.append(hex[Int(value >> 60)])
        value <<= 4
    }
    var rest = tail
    for position in 0..<16 {
        if position == 0 || position == 4 { output.append(0x2D) }
        output.append(hex[Int(rest >> 60)])
        rest <<= 4
    }
    return output
}

/// `value` in decimal, zero-padded to at least `width` digits.
func padded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

func lotId(_ number: Int) -> String {
    "LOT-" + padded(number, width: 4)
}

/// Truth group names: `ring-0001`, `pair-0001`, `split-0001`.
func groupId(_ prefix: String, _ id: Int) -> String {
    prefix + "-" + padded(id, width: 4)
}

/// BT-17.
enum ElectronicSubmission {
    case required, allowed, notAllowed

    var code: StaticString {
        switch self {
        case .required: "required"
        case .allowed: "allowed"
        case .notAllowed: "not-allowed"
        }
    }
}
