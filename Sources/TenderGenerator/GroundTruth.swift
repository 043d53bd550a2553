/// What the generator planted: the truth file's content.
public struct GroundTruth: Sendable, Hashable {
    public struct Scheme: Sendable, Hashable {
        public var scheme: SchemeKind
        public var lots: [String]
        /// Ring, buyer–supplier pair or split series the procedure belongs to.
        public var group: String?
        public var detail: String
    }

    public struct PlantedProcedure: Sendable, Hashable {
        public var procedure: String
        public var schemes: [Scheme]
    }

    public struct Camouflaged: Sendable, Hashable {
        public var procedure: String
        public var kind: CamouflageKind
        public var lots: [String]
        public var detail: String
    }

    /// A group of procedures planted together, for per-group evaluation.
    public struct Group: Sendable, Hashable {
        public var group: String
        public var scheme: SchemeKind
        /// `FRA 45`: country and CPV division, for cartels.
        public var market: String?
        public var buyer: String?
        public var supplier: String?
        public var members: [String] = []
        public var cpvClass: String?
        public var threshold: Int64?
        public var total: Int64?
        /// Procedure ids, sorted.
        public var procedures: [String]
    }

    public var seed: UInt64
    public var procedures: Int
    public var rates: SchemeRates
    /// Sorted by procedure id.
    public var planted: [PlantedProcedure]
    /// Sorted by procedure id, then kind.
    public var camouflaged: [Camouflaged]
    /// Sorted by group id.
    public var groups: [Group]

    /// Procedures carrying each scheme (every kind listed, zero included).
    public var schemeCounts: [SchemeKind: Int] {
        var counts: [SchemeKind: Int] = [:]
        for kind in SchemeKind.allCases { counts[kind] = 0 }
        for procedure in planted {
            for scheme in procedure.schemes { counts[scheme.scheme, default: 0] += 1 }
        }
        return counts
    }

    /// Procedures carrying each camouflage kind.
    public var camouflageCounts: [CamouflageKind: Int] {
        var counts: [CamouflageKind: Int] = [:]
        for kind in CamouflageKind.allCases { counts[kind] = 0 }
        for entry in camouflaged { counts[entry.kind, default: 0] += 1 }
        return counts
    }

    /// The truth file: JSON, one planted procedure, camouflaged procedure or group per line,
    /// byte-identical for the same seed and count.
    public func json() -> [UInt8] {
        var out = JSONText()
        out.raw("{\"generator\":{\"name\":\"tenderscreen generate\",\"version\":")
        out.string(MarketGenerator.version)
        out.raw("},\"seed\":")
        out.raw(String(seed))
        out.raw(",\"procedures\":")
        out.raw(String(procedures))
        out.raw(",\n\"rates\":{")
        for (position, (key, value)) in rates.entries.enumerated() {
            if position > 0 { out.raw(",") }
            out.string(key)
            out.raw(":")
            out.raw(Self.decimal(value))
        }
        out.raw("},\n\"schemes\":{")
        let schemes = schemeCounts
        for (position, kind) in SchemeKind.allCases.enumerated() {
            if position > 0 { out.raw(",") }
            out.string(kind.rawValue)
            out.raw(":" + String(schemes[kind] ?? 0))
        }
        out.raw("},\n\"camouflage\":{")
        let camouflage = camouflageCounts
        for (position, kind) in CamouflageKind.allCases.enumerated() {
            if position > 0 { out.raw(",") }
            out.string(kind.rawValue)
            out.raw(":" + String(camouflage[kind] ?? 0))
        }
        out.raw("},\n\"planted\":[")
        for (position, procedure) in planted.enumerated() {
            out.raw(position > 0 ? ",\n" : "\n")
            out.raw("{\"procedure\":")
            out.string(procedure.procedure)
            out.raw(",\"schemes\":[")
            for (index, scheme) in procedure.schemes.enumerated() {
                if index > 0 { out.raw(",") }
                out.raw("{\"scheme\":")
                out.string(scheme.scheme.rawValue)
                out.raw(",\"lots\":")
                out.strings(scheme.lots)
                if let group = scheme.group {
                    out.raw(",\"group\":")
                    out.string(group)
                }
                out.raw(",\"detail\":")
                out.string(scheme.detail)
                out.raw("}")
            }
            out.raw("]}")
        }
        out.raw("],\n\"camouflaged\":[")
        for (position, entry) in camouflaged.enumerated() {
            out.raw(position > 0 ? ",\n" : "\n")
            out.raw("{\"procedure\":")
            out.string(entry.procedure)
            out.raw(",\"kind\":")
            out.string(entry.kind.rawValue)
            out.raw(",\"lots\":")
            out.strings(entry.lots)
            out.raw(",\"detail\":")
            out.string(entry.detail)
            out.raw("}")
        }
        out.raw("],\n\"groups\":[")
        for (position, group) in groups.enumerated() {
            out.raw(position > 0 ? ",\n" : "\n")
            out.raw("{\"group\":")
            out.string(group.group)
            out.raw(",\"scheme\":")
            out.string(group.scheme.rawValue)
            if let market = group.market {
                out.raw(",\"market\":")
                out.string(market)
            }
            if let buyer = group.buyer {
                out.raw(",\"buyer\":")
                out.string(buyer)
            }
            if let supplier = group.supplier {
                out.raw(",\"supplier\":")
                out.string(supplier)
            }
            if !group.members.isEmpty {
                out.raw(",\"members\":")
                out.strings(group.members)
            }
            if let cpvClass = group.cpvClass {
                out.raw(",\"cpvClass\":")
                out.string(cpvClass)
            }
            if let threshold = group.threshold {
                out.raw(",\"threshold\":" + String(threshold))
            }
            if let total = group.total {
                out.raw(",\"total\":" + String(total))
            }
            out.raw(",\"procedures\":")
            out.strings(group.procedures)
            out.raw("}")
        }
        out.raw("]}\n")
        return out.bytes
    }

    /// A rate as a short decimal (`0.015`).
    static func decimal(_ value: Double) -> String {
        let scaled = Int((value * 1_000_000).rounded())
        var fraction = String(scaled % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return String(scaled / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
    }
}

/// Minimal JSON output (no Foundation): strings escaped per RFC 8259.
struct JSONText {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ text: String) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    mutating func strings(_ texts: [String]) {
        bytes.append(0x5B)
        for (position, text) in texts.enumerated() {
            if position > 0 { bytes.append(0x2C) }
            string(text)
        }
        bytes.append(0x5D)
    }
}
