/// A forward reader over UTF-8 bytes for the hand-written date and time parsers
/// (Foundation's ISO 8601 formatters cost ~40 µs a value and mishandle eForms offsets).
struct ByteCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        index = 0
        end = bytes.count
        while index < end, bytes[index].isXMLWhitespace { index += 1 }
        while end > index, bytes[end - 1].isXMLWhitespace { end -= 1 }
    }

    var isAtEnd: Bool { index == end }

    /// Exactly `count` ASCII digits as an integer.
    mutating func digits(_ count: Int) -> Int? {
        guard end - index >= count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    /// Skips a run of digits, returning how many there were.
    mutating func skipDigits() -> Int {
        let start = index
        while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return index - start
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// An optional `Z` or `±hh:mm` offset that must end the input.
    /// Returns `nil` on a malformed offset or trailing bytes; `.some(nil)` when there is no offset.
    mutating func timeZoneThenEnd() -> Offset? {
        if isAtEnd { return Offset(minutes: nil) }
        if take(UInt8(ascii: "Z")) { return isAtEnd ? Offset(minutes: 0) : nil }
        let negative: Bool
        if take(UInt8(ascii: "+")) {
            negative = false
        } else if take(UInt8(ascii: "-")) {
            negative = true
        } else {
            return nil
        }
        guard let hours = digits(2), take(UInt8(ascii: ":")), let minutes = digits(2),
              minutes <= 59, isAtEnd
        else { return nil }
        let total = hours * 60 + minutes
        guard total <= 14 * 60 else { return nil }  // XML Schema: -14:00...+14:00
        return Offset(minutes: negative ? -total : total)
    }

    struct Offset {
        var minutes: Int?
    }
}
