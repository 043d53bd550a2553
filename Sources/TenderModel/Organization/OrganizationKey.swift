internal import Foundation

/// A stable identity for an organisation across notices and files.
///
/// eForms numbers organisations `ORG-0001`, `ORG-0002`… afresh in every notice, so the
/// same ministry has different ids in its contract notice and its award notice. The key is
/// made, in order of preference, from:
/// 1. country + national registration id (BT-514 + BT-501), normalised
///    (`FRA/123456789` for `123 456 789`);
/// 2. country + town + name, normalised (case and accents folded, punctuation and spaces dropped);
/// 3. the notice-local id, when a notice gives neither (stable only within that notice).
public struct OrganizationKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String
    public let source: Source

    public enum Source: String, Sendable, Hashable {
        case nationalId
        case name
        case noticeLocalId
    }

    public init(nationalId: String?, name: String?, country: String?, town: String?, localId: String) {
        let country = country.map(OrganizationKey.fold) ?? ""
        if let id = nationalId.map({ OrganizationKey.normaliseNationalId($0, country: country) }), !id.isEmpty {
            value = country + "/" + id
            source = .nationalId
        } else if let name = name.map(OrganizationKey.fold), !name.isEmpty {
            value = country + "/" + (town.map(OrganizationKey.fold) ?? "") + "/" + name
            source = .name
        } else {
            value = "local/" + localId
            source = .noticeLocalId
        }
    }

    public var description: String { value }

    public static func < (lhs: OrganizationKey, rhs: OrganizationKey) -> Bool {
        lhs.value < rhs.value
    }

    /// Letters and digits only, upper case. Values that only say "unknown" count as absent.
    /// A country prefix before an all-digit number is dropped (`FR-213690123` is
    /// `213 690 123` in France).
    static func normaliseNationalId(_ raw: String, country: String = "") -> String {
        var folded = asciiAlphanumericsUppercased(raw) ?? String(String.UnicodeScalarView(raw.unicodeScalars.lazy
            .filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            .flatMap { $0.properties.uppercaseMapping.unicodeScalars }))
        if folded.allSatisfy({ $0 == "0" }) || placeholderIds.contains(folded) { return "" }
        for prefix in countryPrefixes[country] ?? [] where folded.hasPrefix(prefix) {
            let rest = folded.dropFirst(prefix.count)
            if rest.count >= 5, rest.allSatisfy({ $0.isASCII && $0.isNumber }) {
                folded = String(rest)
                break
            }
        }
        return folded
    }

    /// The fast path of both normalisations for ASCII text (nearly all identifiers, most
    /// names and codes): letters and digits upper-cased, nothing else; `nil` when `text` is
    /// not ASCII and needs the Unicode path.
    private static func asciiAlphanumericsUppercased(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): out.append(byte - 32)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(byte)
                case 0x80...: return nil
                default: break
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ISO alpha-3 (eForms) to the alpha-2 prefixes used before national numbers in Europe,
    /// with the EU's conventions (`EL` for Greece, `UK` beside `GB`).
    private static let countryPrefixes: [String: [String]] = [
        "AUT": ["AT"], "BEL": ["BE"], "BGR": ["BG"], "HRV": ["HR"], "CYP": ["CY"], "CZE": ["CZ"],
        "DNK": ["DK"], "EST": ["EE"], "FIN": ["FI"], "FRA": ["FR"], "DEU": ["DE"], "GRC": ["EL", "GR"],
        "HUN": ["HU"], "IRL": ["IE"], "ITA": ["IT"], "LVA": ["LV"], "LTU": ["LT"], "LUX": ["LU"],
        "MLT": ["MT"], "NLD": ["NL"], "POL": ["PL"], "PRT": ["PT"], "ROU": ["RO"], "SVK": ["SK"],
        "SVN": ["SI"], "ESP": ["ES"], "SWE": ["SE"], "NOR": ["NO"], "ISL": ["IS"], "LIE": ["LI"],
        "CHE": ["CH"], "GBR": ["GB", "UK"], "ALB": ["AL"], "MKD": ["MK"], "MNE": ["ME"], "SRB": ["RS"],
        "UKR": ["UA"], "MDA": ["MD"], "BIH": ["BA"], "TUR": ["TR"],
    ]

    private static let placeholderIds: Set<String> = [
        "NA", "ND", "NONE", "NOTAVAILABLE", "NOTAPPLICABLE", "UNKNOWN", "NIL", "NULL", "X", "XX", "XXX", "TBD",
    ]

    /// Letters and digits only, upper case, accents removed.
    ///
    /// Spaces go with the punctuation: publishers write `S.A.`, `S. A.` and `SA`, or
    /// `Saint-Étienne` and `Saint Etienne`, for the same name, so no separator may count.
    static func fold(_ raw: String) -> String {
        if let ascii = asciiAlphanumericsUppercased(raw) { return ascii }
        var result = String.UnicodeScalarView()
        for scalar in raw.decomposedScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                result.append(contentsOf: properties.uppercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }
}

extension String {
    /// Canonical decomposition (NFD), so accents become separate combining marks.
    var decomposedScalars: String.UnicodeScalarView {
        decomposedStringWithCanonicalMapping.unicodeScalars
    }
}
