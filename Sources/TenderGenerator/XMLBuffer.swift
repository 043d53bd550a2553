import TenderModel

/// A byte buffer that writes XML: tab-indented like the hand-written fixtures, or on one
/// line (as many publishers' systems do). No Foundation, no formatters: numbers, dates and
/// names are written byte by byte.
struct XMLBuffer {
    private(set) var bytes: [UInt8] = []
    let compact: Bool
    private var depth = 0

    init(compact: Bool, capacity: Int = 16 * 1024) {
        self.compact = compact
        bytes.reserveCapacity(capacity)
    }

    // MARK: raw output

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: [UInt8]) {
        bytes.append(contentsOf: text)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// A line break and the indentation of the current depth (nothing when compact).
    mutating func newline() {
        guard !compact else { return }
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x09) }
    }

    // MARK: elements

    /// The XML declaration and the root's start tag with its namespace declarations.
    mutating func start(root: StaticString, namespaces: StaticString) {
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        if !compact { bytes.append(0x0A) }
        byte(0x3C)
        raw(root)
        raw(namespaces)
        byte(0x3E)
        depth = 1
    }

    mutating func end(root: StaticString) {
        depth = 0
        newline()
        raw("</")
        raw(root)
        byte(0x3E)
        bytes.append(0x0A)
    }

    mutating func open(_ tag: StaticString) {
        newline()
        byte(0x3C)
        raw(tag)
        byte(0x3E)
        depth += 1
    }

    mutating func close(_ tag: StaticString) {
        depth -= 1
        newline()
        raw("</")
        raw(tag)
        byte(0x3E)
    }

    /// `<tag attributes>` where `attributes` starts with a space.
    private mutating func startLeaf(_ tag: StaticString, _ attributes: StaticString) {
        newline()
        byte(0x3C)
        raw(tag)
        raw(attributes)
        byte(0x3E)
    }

    private mutating func endLeaf(_ tag: StaticString) {
        raw("</")
        raw(tag)
        byte(0x3E)
    }

    /// A leaf whose text is a literal.
    mutating func leaf(_ tag: StaticString, _ attributes: StaticString = "", _ text: StaticString) {
        startLeaf(tag, attributes)
        raw(text)
        endLeaf(tag)
    }

    /// A leaf whose text is already escaped UTF-8.
    mutating func leaf(_ tag: StaticString, _ attributes: StaticString = "", bytes text: [UInt8]) {
        startLeaf(tag, attributes)
        raw(text)
        endLeaf(tag)
    }

    /// A leaf with a language attribute and already escaped text.
    mutating func leaf(_ tag: StaticString, language: [UInt8], bytes text: [UInt8]) {
        newline()
        byte(0x3C)
        raw(tag)
        raw(" languageID=\"")
        raw(language)
        raw("\">")
        raw(text)
        endLeaf(tag)
    }

    mutating func leaf(_ tag: StaticString, _ attributes: StaticString = "", int value: Int, width: Int = 0) {
        startLeaf(tag, attributes)
        integer(value, width: width)
        endLeaf(tag)
    }

    /// `<tag>2024-03-01+01:00</tag>`.
    mutating func leaf(_ tag: StaticString, date day: Int32, offset: Offset) {
        startLeaf(tag, "")
        date(day)
        offset.write(to: &self)
        endLeaf(tag)
    }

    /// `<tag>14:05:00+01:00</tag>` from minutes after midnight.
    mutating func leaf(_ tag: StaticString, minutes: Int, offset: Offset) {
        startLeaf(tag, "")
        integer(minutes / 60, width: 2)
        byte(0x3A)
        integer(minutes % 60, width: 2)
        raw(":00")
        offset.write(to: &self)
        endLeaf(tag)
    }

    /// An amount in EUR: whole units (`1400000`) or with cents (`1190000.00`).
    mutating func leaf(_ tag: StaticString, cents: Int64, withCents: Bool) {
        startLeaf(tag, " currencyID=\"EUR\"")
        amount(cents, withCents: withCents)
        endLeaf(tag)
    }

    // MARK: values

    mutating func integer(_ value: Int, width: Int = 0) {
        var value = value
        if value < 0 {
            byte(0x2D)
            value = -value
        }
        let start = bytes.count
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
            value /= 10
        } while value > 0
        while bytes.count - start < width { bytes.append(0x30) }
        bytes[start...].reverse()
    }

    mutating func amount(_ cents: Int64, withCents: Bool) {
        integer(Int(cents / 100))
        if withCents {
            byte(0x2E)
            integer(Int(cents % 100), width: 2)
        }
    }

    /// `YYYY-MM-DD`.
    mutating func date(_ day: Int32) {
        let (year, month, dayOfMonth) = CalendarDate(daysSinceEpoch: day).components
        integer(year, width: 4)
        byte(0x2D)
        integer(month, width: 2)
        byte(0x2D)
        integer(dayOfMonth, width: 2)
    }
}

/// A time-zone offset as eForms writes it: `Z` or `+hh:00`.
struct Offset: Equatable {
    var hours: Int

    static let utc = Offset(hours: 0)

    func write(to buffer: inout XMLBuffer) {
        if hours == 0 {
            buffer.byte(0x5A)
        } else {
            buffer.byte(hours > 0 ? 0x2B : 0x2D)
            buffer.integer(abs(hours), width: 2)
            buffer.raw(":00")
        }
    }
}

enum Text {
    /// UTF-8 with the XML special characters escaped.
    static func escaped(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x26: output.append(contentsOf: Array("&amp;".utf8))
            case 0x3C: output.append(contentsOf: Array("&lt;".utf8))
            case 0x3E: output.append(contentsOf: Array("&gt;".utf8))
            case 0x22: output.append(contentsOf: Array("&quot;".utf8))
            default: output.append(byte)
            }
        }
        return output
    }
}

extension XMLBuffer {
    /// `<tag attributes>PREFIX-0001</tag>`: the notice-local identifiers (ORG-, TEN-, LOT-…).
    mutating func leaf(_ tag: StaticString, _ attributes: StaticString, prefix: StaticString, number: Int) {
        startLeaf(tag, attributes)
        raw(prefix)
        integer(number, width: 4)
        endLeaf(tag)
    }

    /// `<tag attributes>` followed by text written by `body`, then `</tag>`.
    mutating func leaf(_ tag: StaticString, _ attributes: StaticString, _ body: (inout XMLBuffer) -> Void) {
        startLeaf(tag, attributes)
        body(&self)
        endLeaf(tag)
    }
}
