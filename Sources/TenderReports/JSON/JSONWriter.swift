/// A streaming JSON writer into UTF-8 bytes, with keys in the order written.
///
/// Hand-written rather than `JSONEncoder`: output must be byte-identical run to run (key
/// order is part of the contract) and reports for hundreds of thousands of procedures
/// should cost little next to parsing.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Per open container: whether it already holds an element.
    private var hasElements: [Bool] = []
    private var afterKey = false

    public init(reservingCapacity capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Forgets the bytes written so far, once the caller has flushed them, but not the
    /// open containers: the document goes on where it was.
    public mutating func discardWrittenBytes() {
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Containers

    public mutating func beginObject() {
        prepareValue()
        bytes.append(UInt8(ascii: "{"))
        hasElements.append(false)
    }

    public mutating func endObject() {
        hasElements.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        prepareValue()
        bytes.append(UInt8(ascii: "["))
        hasElements.append(false)
    }

    public mutating func endArray() {
        hasElements.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func key(_ key: String) {
        if !hasElements.isEmpty { separateElement() }
        appendString(key)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: Values

    public mutating func string(_ value: String) {
        prepareValue()
        appendString(value)
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func integer(_ value: Int) {
        prepareValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func number(_ value: Double) {
        prepareValue()
        if value.isFinite {
            bytes.append(contentsOf: String(value).utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    public mutating func bool(_ value: Bool) {
        prepareValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func bool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }

    public mutating func null() {
        prepareValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// An object whose first fields are written by `leading` and whose other fields are
    /// those of `rendered`, an object (`{…}`) rendered earlier: e.g. a rank known only
    /// after the rest was rendered.
    /// `trailing` writes fields after those of `rendered`.
    public mutating func object(rendered: [UInt8], leading: (inout JSONWriter) -> Void,
                                trailing: (inout JSONWriter) -> Void = { _ in }) {
        beginObject()
        leading(&self)
        let fields = rendered.dropFirst().dropLast()
        if !fields.isEmpty {
            separateElement()
            bytes.append(contentsOf: fields)
        }
        trailing(&self)
        endObject()
    }

    /// Raw bytes between values, e.g. a newline between JSON Lines records.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    // MARK: Internals

    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard !hasElements.isEmpty else { return }
        separateElement()
    }

    /// A comma before every element of the open container but its first.
    private mutating func separateElement() {
        if hasElements[hasElements.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasElements[hasElements.count - 1] = true
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ value: String) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape are appended in one go.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else {
                    continue
                }
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                appendEscape(byte)
                runStart = index + 1
            }
            if utf8.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
        }
    }
}

extension JSONWriter {
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: Int?) {
        key(name)
        if let value { integer(value) } else { null() }
    }

    public mutating func field(_ name: String, _ value: Bool?) {
        key(name)
        bool(value)
    }

    public mutating func field(_ name: String, strings: [String]) {
        key(name)
        beginArray()
        for value in strings { string(value) }
        endArray()
    }
}
