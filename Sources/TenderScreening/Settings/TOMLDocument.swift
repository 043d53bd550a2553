import TenderModel

/// A parsed TOML document: the root table, every key with the line it was written on, so
/// errors found later (an unknown key, a wrong type) can point at the line.
///
/// The subset read is what a settings file needs (see ``TOMLParser``): comments, tables,
/// arrays of tables, dotted and quoted keys, strings, integers, floats, booleans, local
/// dates, arrays and inline tables.
public struct TOMLDocument: Sendable, Hashable {
    public var root: TOMLTable

    /// Parses `text`; errors name `file`, the line and the key.
    public static func parse(_ text: String, file: String) throws(SettingsError) -> TOMLDocument {
        var parser = TOMLParser(text: text, file: file)
        return TOMLDocument(root: try parser.parseDocument())
    }
}

/// A table: its entries in the order written.
public struct TOMLTable: Sendable, Hashable {
    public var entries: [TOMLEntry]
    /// The line of its `[header]`, or of its first key (0 for the root).
    public var line: Int

    public init(entries: [TOMLEntry] = [], line: Int) {
        self.entries = entries
        self.line = line
    }

    public subscript(key: String) -> TOMLEntry? {
        entries.first { $0.key == key }
    }
}

/// A key, its value and the line the key was written on.
public struct TOMLEntry: Sendable, Hashable {
    public var key: String
    public var value: TOMLValue
    public var line: Int

    public init(key: String, value: TOMLValue, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}

/// A value with the line it starts on.
public struct TOMLValue: Sendable, Hashable {
    public var kind: Kind
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    public indirect enum Kind: Sendable, Hashable {
        case string(String)
        case integer(Int)
        /// The number and its text without `_`, so amounts can be read exactly as written.
        case float(Double, text: String)
        case boolean(Bool)
        /// A TOML local date (`2024-01-01`).
        case date(CalendarDate)
        /// An array, or an array of tables (`[[name]]`: each element a table).
        case array([TOMLValue])
        case table(TOMLTable)
    }

    /// What the value is, in words for error messages: `a string`, `an integer`…
    public var typeDescription: String {
        switch kind {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .date: return "a date"
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}

/// Dotted key paths as written in TOML: bare segments plain, others quoted.
public enum TOMLKey {
    public static func path(_ segments: [String]) -> String {
        segments.map(segment).joined(separator: ".")
    }

    public static func segment(_ key: String) -> String {
        !key.isEmpty && key.utf8.allSatisfy(isBare) ? key : TOMLString.quoted(key)
    }

    /// `A-Z a-z 0-9 _ -`.
    static func isBare(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}

/// TOML basic strings, for writing.
public enum TOMLString {
    /// `"…"` with `\` `"` and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
