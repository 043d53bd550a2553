import TenderModel

/// A small TOML reader, enough for settings files and strict where it matters: every error
/// names the line and the key.
///
/// Read: comments; `key = value` with bare (`a-z A-Z 0-9 _ -`), quoted and dotted keys;
/// `[table]` and `[a."b".c]` headers; `[[array-of-tables]]`; basic strings with escapes,
/// literal strings, both also multi-line; integers (decimal with `_`, `0x`/`0o`/`0b`);
/// floats (with exponent, `inf`, `nan`); booleans; local dates (`2024-01-01`); arrays,
/// multi-line with comments and a trailing comma; inline tables. Not read: times and
/// date-times (an error says so). Redefining a key or a table is an error, as in TOML 1.0.
struct TOMLParser {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1

    init(text: String, file: String) {
        bytes = Array(text.utf8)
        self.file = file
    }

    mutating func parseDocument() throws(SettingsError) -> TOMLTable {
        let root = Node(origin: .header, line: 0)
        var current = root
        var currentPath: [String] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }   // a byte-order mark
        while true {
            skipBlanks()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "#"):
                try skipComment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try endOfLine(key: nil)
            case UInt8(ascii: "["):
                let isArray = peek(1) == UInt8(ascii: "[")
                index += isArray ? 2 : 1
                let headerLine = line
                skipBlanks()
                let path = try parseKey(prefix: [])
                skipBlanks()
                guard consume(isArray ? "]]" : "]") else {
                    throw failure(path, "expected '\(isArray ? "]]" : "]")' to close the table header, found \(found())")
                }
                current = isArray ? try appendTable(at: path, in: root, line: headerLine)
                    : try defineTable(at: path, in: root, line: headerLine)
                currentPath = path
                try endOfLine(key: path)
            default:
                let keyLine = line
                let path = try parseKey(prefix: currentPath)
                let local = Array(path.dropFirst(currentPath.count))
                skipBlanks()
                guard consume("=") else { throw failure(path, "expected '=' after the key, found \(found())") }
                skipBlanks()
                let value = try parseValue(key: path)
                try insert(value, at: local, in: current, keyLine: keyLine, fullPath: path)
                try endOfLine(key: path)
            }
        }
        return root.table()
    }

    // MARK: Tables

    /// `[path]`: a table defined once; the tables on its way are created if absent.
    private mutating func defineTable(at path: [String], in root: Node, line: Int) throws(SettingsError) -> Node {
        let parent = try walk(path.dropLast(), from: root, fullPath: path)
        let key = path[path.count - 1]
        guard let position = parent.position(of: key) else {
            let node = Node(origin: .header, line: line)
            parent.entries.append((key, line, .table(node)))
            return node
        }
        let entry = parent.entries[position]
        switch entry.item {
        case .table(let node) where node.origin == .implicit:
            node.origin = .header
            node.line = line
            return node
        case .table(let node):
            throw failure(path, "table already defined on line \(node.line)", line: line)
        case .tableArray:
            throw failure(path, "already an array of tables ([[…]]) since line \(entry.line)", line: line)
        case .value:
            throw failure(path, "already set to a value on line \(entry.line)", line: line)
        }
    }

    /// `[[path]]`: a new table appended to the array.
    private mutating func appendTable(at path: [String], in root: Node, line: Int) throws(SettingsError) -> Node {
        let parent = try walk(path.dropLast(), from: root, fullPath: path)
        let key = path[path.count - 1]
        let node = Node(origin: .header, line: line)
        guard let position = parent.position(of: key) else {
            parent.entries.append((key, line, .tableArray([node])))
            return node
        }
        let entry = parent.entries[position]
        guard case .tableArray(var nodes) = entry.item else {
            throw failure(path, "already defined on line \(entry.line), not as an array of tables", line: line)
        }
        nodes.append(node)
        parent.entries[position].item = .tableArray(nodes)
        return node
    }

    /// The table at `path` below `node`, created (implicitly) where absent; through an array
    /// of tables, its last table.
    private func walk(_ path: ArraySlice<String>, from node: Node, fullPath: [String]) throws(SettingsError) -> Node {
        var node = node
        for key in path {
            if let position = node.position(of: key) {
                let entry = node.entries[position]
                switch entry.item {
                case .table(let child): node = child
                case .tableArray(let children): node = children[children.count - 1]
                case .value: throw failure(fullPath, "\(key) is already a value (line \(entry.line)), not a table")
                }
            } else {
                let child = Node(origin: .implicit, line: line)
                node.entries.append((key, line, .table(child)))
                node = child
            }
        }
        return node
    }

    /// `a.b.c = value` in `table`: `a` and `b` are tables made by dotted keys.
    private func insert(_ value: TOMLValue, at path: [String], in table: Node, keyLine: Int,
                        fullPath: [String]) throws(SettingsError) {
        var node = table
        for key in path.dropLast() {
            if let position = node.position(of: key) {
                let entry = node.entries[position]
                guard case .table(let child) = entry.item, child.origin == .dotted else {
                    throw failure(fullPath, "\(key) was already defined on line \(entry.line)", line: keyLine)
                }
                node = child
            } else {
                let child = Node(origin: .dotted, line: keyLine)
                node.entries.append((key, keyLine, .table(child)))
                node = child
            }
        }
        let key = path[path.count - 1]
        if let position = node.position(of: key) {
            throw failure(fullPath, "set twice (first on line \(node.entries[position].line))", line: keyLine)
        }
        node.entries.append((key, keyLine, .value(value)))
    }

    // MARK: Keys

    /// A dotted key; the segments are appended to `prefix` (the current table), which error
    /// messages show.
    private mutating func parseKey(prefix: [String]) throws(SettingsError) -> [String] {
        var path = prefix
        repeat {
            skipBlanks()
            switch peek() {
            case UInt8(ascii: "\""):
                index += 1
                path.append(try parseBasicString(key: path))
            case UInt8(ascii: "'"):
                index += 1
                path.append(try parseLiteralString(key: path))
            default:
                let start = index
                while let byte = peek(), TOMLKey.isBare(byte) { index += 1 }
                guard index > start else {
                    throw failure(path.isEmpty ? nil : path, "expected a key, found \(found())")
                }
                path.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipBlanks()
        } while consume(".")
        return path
    }

    // MARK: Values

    private mutating func parseValue(key: [String]) throws(SettingsError) -> TOMLValue {
        let startLine = line
        guard let byte = peek() else { throw failure(key, "a value must follow '='") }
        switch byte {
        case UInt8(ascii: "\""):
            if consume("\"\"\"") { return TOMLValue(.string(try parseMultilineBasicString(key: key)), line: startLine) }
            index += 1
            return TOMLValue(.string(try parseBasicString(key: key)), line: startLine)
        case UInt8(ascii: "'"):
            if consume("'''") { return TOMLValue(.string(try parseMultilineLiteralString(key: key)), line: startLine) }
            index += 1
            return TOMLValue(.string(try parseLiteralString(key: key)), line: startLine)
        case UInt8(ascii: "["):
            index += 1
            return TOMLValue(.array(try parseArray(key: key)), line: startLine)
        case UInt8(ascii: "{"):
            index += 1
            return TOMLValue(.table(try parseInlineTable(key: key)), line: startLine)
        default:
            return TOMLValue(try parseScalar(key: key), line: startLine)
        }
    }

    private mutating func parseArray(key: [String]) throws(SettingsError) -> [TOMLValue] {
        var items: [TOMLValue] = []
        while true {
            try skipBlanksCommentsAndNewlines()
            if consume("]") { return items }
            guard peek() != nil else { throw failure(key, "the array is not closed: missing ']'") }
            items.append(try parseValue(key: key))
            try skipBlanksCommentsAndNewlines()
            if consume(",") { continue }
            if consume("]") { return items }
            throw failure(key, "expected ',' or ']' in the array, found \(found())")
        }
    }

    private mutating func parseInlineTable(key: [String]) throws(SettingsError) -> TOMLTable {
        let node = Node(origin: .inline, line: line)
        skipBlanks()
        if consume("}") { return node.table() }
        while true {
            let keyLine = line
            let local = try parseKey(prefix: [])
            skipBlanks()
            guard consume("=") else { throw failure(key + local, "expected '=' after the key, found \(found())") }
            skipBlanks()
            let value = try parseValue(key: key + local)
            try insert(value, at: local, in: node, keyLine: keyLine, fullPath: key + local)
            skipBlanks()
            if consume(",") {
                skipBlanks()
                continue
            }
            if consume("}") { return node.table() }
            throw failure(key, "expected ',' or '}' in the inline table (on one line), found \(found())")
        }
    }

    /// Booleans, numbers and dates: a run of characters that can make them up.
    private mutating func parseScalar(key: [String]) throws(SettingsError) -> TOMLValue.Kind {
        let start = index
        while let byte = peek(), Self.isScalarCharacter(byte) { index += 1 }
        let token = String(decoding: bytes[start..<index], as: UTF8.self)
        switch token {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "":
            throw failure(key, "expected a value (a string in quotes, a number, true/false, a date or an array), "
                + "found \(found())")
        default: break
        }
        if let date = try parseDate(token, key: key) { return .date(date) }
        if let number = TOMLNumber(token) {
            switch number {
            case .integer(let value): return .integer(value)
            case .float(let value, let text): return .float(value, text: text)
            case .outOfRange: throw failure(key, "\(token) does not fit in a 64-bit integer")
            }
        }
        if token.first.map({ $0.isLetter }) == true {
            throw failure(key, "expected a value, found \(token) (strings are written in quotes: \"\(token)\")")
        }
        throw failure(key, "\(token) is not a valid number")
    }

    /// `YYYY-MM-DD`; nil when `token` is not shaped like a date.
    private mutating func parseDate(_ token: String, key: [String]) throws(SettingsError) -> CalendarDate? {
        let utf8 = Array(token.utf8)
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ utf8[$0].isDigit }) else {
            if token.contains(":") { throw failure(key, "times are not supported: write a local date (2024-01-01)") }
            return nil
        }
        let followedByTime = peek() == UInt8(ascii: " ") && peek(1)?.isDigit == true
        guard utf8.count == 10, !followedByTime else {
            throw failure(key, "date-times are not supported: write a local date (2024-01-01)")
        }
        guard let date = CalendarDate(token) else { throw failure(key, "\(token) is not a valid date") }
        return date
    }

    private static func isScalarCharacter(_ byte: UInt8) -> Bool {
        TOMLKey.isBare(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    // MARK: Strings

    /// After the opening `"`.
    private mutating func parseBasicString(key: [String]) throws(SettingsError) -> String {
        var out: [UInt8] = []
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                throw failure(key, "the string is not closed on its line: missing '\"'")
            }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"): out += try parseEscape(key: key)
            case _ where Self.isControl(byte): throw failure(key, "control character in a string: write it as an escape")
            default: out.append(byte)
            }
        }
    }

    /// After the opening `"""`: a newline right after it is dropped, `\` at the end of a line
    /// joins it with the next non-blank text.
    private mutating func parseMultilineBasicString(key: [String]) throws(SettingsError) -> String {
        skipNewline()
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure(key, "the string is not closed: missing '\"\"\"'") }
            if byte == UInt8(ascii: "\""), peek(1) == byte, peek(2) == byte {
                var quotes = 0
                while peek() == UInt8(ascii: "\"") { index += 1; quotes += 1 }
                guard quotes <= 5 else { throw failure(key, "too many quotes closing the string") }
                out += [UInt8](repeating: UInt8(ascii: "\""), count: quotes - 3)
                return String(decoding: out, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                var lookahead = index + 1
                while lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: " ") || bytes[lookahead] == UInt8(ascii: "\t") {
                    lookahead += 1
                }
                if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "\n") || bytes[lookahead] == UInt8(ascii: "\r") {
                    index = lookahead
                    try skipBlanksAndNewlines()
                    continue
                }
                index += 1
                out += try parseEscape(key: key)
                continue
            }
            if byte == UInt8(ascii: "\r") {
                guard peek(1) == UInt8(ascii: "\n") else { throw failure(key, "a lone carriage return in a string") }
                index += 1
                continue
            }
            if Self.isControl(byte), byte != UInt8(ascii: "\n") {
                throw failure(key, "control character in a string: write it as an escape")
            }
            advance()
            out.append(byte)
        }
    }

    /// After the opening `'`: no escapes.
    private mutating func parseLiteralString(key: [String]) throws(SettingsError) -> String {
        let start = index
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                throw failure(key, "the string is not closed on its line: missing \"'\"")
            }
            if byte == UInt8(ascii: "'") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if Self.isControl(byte) { throw failure(key, "control character in a string") }
            index += 1
        }
    }

    /// After the opening `'''`.
    private mutating func parseMultilineLiteralString(key: [String]) throws(SettingsError) -> String {
        skipNewline()
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure(key, "the string is not closed: missing \"'''\"") }
            if byte == UInt8(ascii: "'"), peek(1) == byte, peek(2) == byte {
                var quotes = 0
                while peek() == UInt8(ascii: "'") { index += 1; quotes += 1 }
                guard quotes <= 5 else { throw failure(key, "too many quotes closing the string") }
                out += [UInt8](repeating: UInt8(ascii: "'"), count: quotes - 3)
                return String(decoding: out, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") {
                index += 1
                continue
            }
            if Self.isControl(byte), byte != UInt8(ascii: "\n") { throw failure(key, "control character in a string") }
            advance()
            out.append(byte)
        }
    }

    /// After a `\`: the escaped character's UTF-8 bytes.
    private mutating func parseEscape(key: [String]) throws(SettingsError) -> [UInt8] {
        guard let byte = peek() else { throw failure(key, "the string ends in '\\'") }
        index += 1
        switch byte {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "\""): return [UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): return [UInt8(ascii: "\\")]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            guard index + count <= bytes.count,
                  let value = UInt32(String(decoding: bytes[index..<index + count], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(value) else {
                throw failure(key, "\\\(Character(Unicode.Scalar(byte))) must be followed by \(count) hexadecimal "
                    + "digits of a Unicode scalar value")
            }
            index += count
            return Array(String(Character(scalar)).utf8)
        default:
            throw failure(key, "unknown escape \\\(Character(Unicode.Scalar(byte))) (known: \\b \\t \\n \\f \\r \\\" \\\\ "
                + "\\uXXXX \\UXXXXXXXX)")
        }
    }

    // MARK: Whitespace, comments, line ends

    private mutating func skipBlanks() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    private mutating func skipBlanksAndNewlines() throws(SettingsError) {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                try newline(key: nil)
            } else {
                return
            }
        }
    }

    /// Inside arrays: blanks, comments and newlines.
    private mutating func skipBlanksCommentsAndNewlines() throws(SettingsError) {
        while true {
            try skipBlanksAndNewlines()
            guard peek() == UInt8(ascii: "#") else { return }
            try skipComment()
        }
    }

    /// From `#` to the end of the line (the newline is left).
    private mutating func skipComment() throws(SettingsError) {
        while let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
            if Self.isControl(byte) { throw failure(nil, "control character in a comment") }
            index += 1
        }
    }

    /// Blanks, an optional comment, then a newline or the end of the file.
    private mutating func endOfLine(key: [String]?) throws(SettingsError) {
        skipBlanks()
        if peek() == UInt8(ascii: "#") { try skipComment() }
        guard peek() != nil else { return }
        guard peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r") else {
            throw failure(key, "expected the end of the line, found \(found())")
        }
        try newline(key: key)
    }

    /// `\n` or `\r\n`.
    private mutating func newline(key: [String]?) throws(SettingsError) {
        if peek() == UInt8(ascii: "\r") {
            guard peek(1) == UInt8(ascii: "\n") else { throw failure(key, "a lone carriage return") }
            index += 1
        }
        advance()
    }

    private mutating func skipNewline() {
        if peek() == UInt8(ascii: "\n") {
            advance()
        } else if peek() == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") {
            index += 1
            advance()
        }
    }

    // MARK: Cursor

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// One byte, counting lines.
    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
        index += 1
    }

    private mutating func consume(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// The next character, quoted, for messages.
    private func found() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return "the end of the line" }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'" + String(decoding: bytes[index..<end], as: UTF8.self) + "'"
    }

    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }

    private func failure(_ key: [String]?, _ message: String, line: Int? = nil) -> SettingsError {
        SettingsError(file: file, line: line ?? self.line, key: key.map(TOMLKey.path), message: message)
    }
}

/// A table while the document is read: a class, so headers can reopen it.
private final class Node {
    enum Origin {
        /// Made on the way to a `[a.b]` header; `[a]` may still define it.
        case implicit
        /// Defined by a `[header]` or `[[header]]`.
        case header
        /// Made by a dotted key (`a.b = 1`).
        case dotted
        /// An inline table `{ … }`.
        case inline
    }

    enum Item {
        case value(TOMLValue)
        case table(Node)
        case tableArray([Node])
    }

    var origin: Origin
    var line: Int
    var entries: [(key: String, line: Int, item: Item)] = []

    init(origin: Origin, line: Int) {
        self.origin = origin
        self.line = line
    }

    func position(of key: String) -> Int? {
        entries.firstIndex { $0.key == key }
    }

    func table() -> TOMLTable {
        TOMLTable(entries: entries.map { entry in
            switch entry.item {
            case .value(let value):
                return TOMLEntry(key: entry.key, value: value, line: entry.line)
            case .table(let node):
                return TOMLEntry(key: entry.key, value: TOMLValue(.table(node.table()), line: node.line), line: entry.line)
            case .tableArray(let nodes):
                let tables = nodes.map { TOMLValue(.table($0.table()), line: $0.line) }
                return TOMLEntry(key: entry.key, value: TOMLValue(.array(tables), line: entry.line), line: entry.line)
            }
        }, line: line)
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
