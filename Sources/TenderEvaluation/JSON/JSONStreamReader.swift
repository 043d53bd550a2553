/// A pull reader of JSON (RFC 8259) over a ``ByteSource``, in a fixed buffer.
///
/// The caller walks the values it wants (``beginObject()``/``nextKey()``,
/// ``beginArray()``/``nextElement()``, ``readString()``, ``readNumber()``) and
/// ``skipValue()``s the rest. Skipping validates the syntax but builds nothing, so a report
/// of hundreds of megabytes costs one pass over its bytes and no memory beyond the buffer:
/// `JSONSerialization` would build the whole tree first.
///
/// Several JSON values may follow each other (JSON Lines); ``nextValueKind()`` says
/// ``ValueKind/end`` after the last. Failures name the line and the byte column.
public final class JSONStreamReader<Source: ByteSource> {
    public enum ValueKind: Sendable, Hashable {
        case object, array, string, number, literal
        /// No more values: the end of the input, or of the container being read.
        case end
    }

    /// `true`, `false` or `null`.
    public enum Literal: Sendable, Hashable {
        case `true`, `false`, null
    }

    private var source: Source
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// The next byte is `buffer[position]`; `buffer[end...]` is not filled.
    private var position = 0
    private var end = 0
    /// Bytes of the input before `buffer[0]`.
    private var consumed = 0
    private var exhausted = false
    private var line = 1
    /// Offset in the input of the current line's first byte.
    private var lineStart = 0
    /// Per container opened by ``beginObject()`` or ``beginArray()``: no element read yet.
    private var firstInContainer: [Bool] = []
    /// The bytes of the string or number being read.
    private var scratch: [UInt8] = []

    /// Deeper nesting is refused, so a hostile input cannot grow the skip stack without end.
    public static var maximumDepth: Int { 10_000 }

    public init(_ source: Source, chunkSize: Int = 1 << 20) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.source = source
        capacity = chunkSize
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    }

    deinit {
        buffer.deallocate()
    }

    /// The line (1-based) of the next unread byte.
    public var currentLine: Int { line }

    /// The byte column (1-based) of the next unread byte: after ``nextValueKind()``, where
    /// the value starts.
    public var currentColumn: Int { consumed + position - lineStart + 1 }

    /// A failure at the next unread byte.
    public func failure(_ message: String) -> ReadFailure {
        ReadFailure(message, line: line, column: currentColumn)
    }

    // MARK: Values

    /// What the next value is, after any whitespace; ``ValueKind/end`` at the end of the input
    /// or before the `}` or `]` that closes the current container.
    public func nextValueKind() throws(ReadFailure) -> ValueKind {
        try skipWhitespace()
        guard let byte = try peek() else { return .end }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): return .literal
        case UInt8(ascii: "}"), UInt8(ascii: "]"): return .end
        default: throw unexpected(byte, expecting: "a value")
        }
    }

    /// Whether only whitespace is left.
    public func atEndOfInput() throws(ReadFailure) -> Bool {
        try skipWhitespace()
        return try peek() == nil
    }

    /// Reads `{`; then call ``nextKey()`` until it returns `nil`, reading or skipping each value.
    public func beginObject() throws(ReadFailure) {
        try open(UInt8(ascii: "{"), "an object")
    }

    /// The next key of the current object and its `:`, or `nil` after its closing `}`.
    public func nextKey() throws(ReadFailure) -> String? {
        guard try nextMember(closedBy: UInt8(ascii: "}")) else { return nil }
        try skipWhitespace()
        guard try peek() == UInt8(ascii: "\"") else { throw unexpected(try peek(), expecting: "a key") }
        let key = try readString()
        try skipWhitespace()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Reads `[`; then call ``nextElement()`` until it returns `false`, reading each element.
    public func beginArray() throws(ReadFailure) {
        try open(UInt8(ascii: "["), "an array")
    }

    /// Whether the current array has another element (the reader is then before it); `false`
    /// after its closing `]`.
    public func nextElement() throws(ReadFailure) -> Bool {
        try nextMember(closedBy: UInt8(ascii: "]"))
    }

    /// A string, its escapes decoded (a lone surrogate becomes U+FFFD).
    public func readString() throws(ReadFailure) -> String {
        try skipWhitespace()
        try expect(UInt8(ascii: "\""))
        scratch.removeAll(keepingCapacity: true)
        try scanStringBody(capture: true)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// A number as written (`-12.5e3`), checked against the JSON grammar.
    public func readNumberText() throws(ReadFailure) -> String {
        try skipWhitespace()
        try scanNumber(capture: true)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// A number as the nearest `Double` (the same text always gives the same value).
    public func readNumber() throws(ReadFailure) -> Double {
        let text = try readNumberText()
        guard let value = Double(text), value.isFinite else { throw failure("number \(text) is out of range") }
        return value
    }

    /// `true`, `false` or `null`.
    public func readLiteral() throws(ReadFailure) -> Literal {
        try skipWhitespace()
        switch try peek() {
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .true
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .false
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case let byte:
            throw unexpected(byte, expecting: "true, false or null")
        }
    }

    /// Passes over the next value, whatever it is, checking its syntax.
    public func skipValue() throws(ReadFailure) {
        // The closers of the containers opened here, innermost last: no recursion, so
        // nesting depth costs a byte each, never stack.
        var closers: [UInt8] = []
        while true {
            // A value.
            try skipWhitespace()
            guard let byte = try peek() else { throw unexpected(nil, expecting: "a value") }
            switch byte {
            case UInt8(ascii: "{"):
                position += 1
                try skipWhitespace()
                if try peek() == UInt8(ascii: "}") {
                    position += 1
                } else {
                    guard closers.count < Self.maximumDepth else { throw failure("nested too deeply") }
                    closers.append(UInt8(ascii: "}"))
                    try skipKey()
                    continue
                }
            case UInt8(ascii: "["):
                position += 1
                try skipWhitespace()
                if try peek() == UInt8(ascii: "]") {
                    position += 1
                } else {
                    guard closers.count < Self.maximumDepth else { throw failure("nested too deeply") }
                    closers.append(UInt8(ascii: "]"))
                    continue
                }
            case UInt8(ascii: "\""):
                position += 1
                try scanStringBody(capture: false)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try scanNumber(capture: false)
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                _ = try readLiteral()
            default:
                throw unexpected(byte, expecting: "a value")
            }
            // After a value: close containers until one goes on with `,`.
            while let closer = closers.last {
                try skipWhitespace()
                let next = try peek()
                if next == UInt8(ascii: ",") {
                    position += 1
                    if closer == UInt8(ascii: "}") { try skipKey() }
                    break
                }
                guard next == closer else {
                    throw unexpected(next, expecting: closer == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
                }
                position += 1
                closers.removeLast()
            }
            if closers.isEmpty { return }
        }
    }

    // MARK: Containers

    private func open(_ opener: UInt8, _ name: String) throws(ReadFailure) {
        try skipWhitespace()
        guard try peek() == opener else { throw unexpected(try peek(), expecting: name) }
        guard firstInContainer.count < Self.maximumDepth else { throw failure("nested too deeply") }
        position += 1
        firstInContainer.append(true)
    }

    /// Consumes the `,` before a member, or the closer (returning `false`).
    private func nextMember(closedBy closer: UInt8) throws(ReadFailure) -> Bool {
        guard let first = firstInContainer.last else {
            preconditionFailure("nextKey/nextElement outside a container")
        }
        try skipWhitespace()
        let byte = try peek()
        if byte == closer {
            position += 1
            firstInContainer.removeLast()
            return false
        }
        if !first {
            guard byte == UInt8(ascii: ",") else {
                throw unexpected(byte, expecting: closer == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
            }
            position += 1
        }
        firstInContainer[firstInContainer.count - 1] = false
        return true
    }

    /// A key and its `:` inside a skipped object.
    private func skipKey() throws(ReadFailure) {
        try skipWhitespace()
        guard try peek() == UInt8(ascii: "\"") else { throw unexpected(try peek(), expecting: "a key") }
        position += 1
        try scanStringBody(capture: false)
        try skipWhitespace()
        try expect(UInt8(ascii: ":"))
    }

    // MARK: Tokens

    /// The rest of a string after its opening quote, up to and including the closing one;
    /// its decoded bytes go to `scratch` when `capture`.
    private func scanStringBody(capture: Bool) throws(ReadFailure) {
        while true {
            // The fast path: a run of plain bytes inside the buffer.
            var index = position
            while index < end {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            if capture, index > position {
                scratch.append(contentsOf: UnsafeBufferPointer(start: buffer + position, count: index - position))
            }
            position = index
            guard let byte = try peek() else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"):
                position += 1
                try scanEscape(capture: capture)
            case 0x00..<0x20:
                throw failure("control character U+00\(Self.hex(byte)) in a string (must be escaped)")
            default:
                continue  // only after a refill
            }
        }
    }

    private func scanEscape(capture: Bool) throws(ReadFailure) {
        guard let byte = try peek() else { throw failure("unterminated string") }
        let decoded: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = byte
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            position += 1
            try appendEscapedUnit(try hexUnit(), capture: capture)
            return
        default:
            throw failure("invalid escape \\\(Self.printable(byte)) in a string")
        }
        position += 1
        if capture { scratch.append(decoded) }
    }

    /// The UTF-16 unit of a `\u` escape: a high surrogate pairs with a low one in the next
    /// `\u`; an unpaired surrogate becomes U+FFFD, as decoders do.
    private func appendEscapedUnit(_ unit: UInt16, capture: Bool) throws(ReadFailure) {
        let replacement = Unicode.Scalar(0xFFFD as UInt32)!
        guard UTF16.isLeadSurrogate(unit) else {
            if capture { appendScalar(Unicode.Scalar(UInt32(unit)) ?? replacement) }
            return
        }
        guard try peek() == UInt8(ascii: "\\") else {
            if capture { appendScalar(replacement) }
            return
        }
        position += 1
        guard try peek() == UInt8(ascii: "u") else {
            if capture { appendScalar(replacement) }
            try scanEscape(capture: capture)
            return
        }
        position += 1
        let next = try hexUnit()
        guard UTF16.isTrailSurrogate(next) else {
            if capture { appendScalar(replacement) }
            try appendEscapedUnit(next, capture: capture)
            return
        }
        let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(next) - 0xDC00)
        if capture { appendScalar(Unicode.Scalar(value) ?? replacement) }
    }

    private func appendScalar(_ scalar: Unicode.Scalar) {
        scratch.append(contentsOf: UTF8.encode(scalar)!)
    }

    private func hexUnit() throws(ReadFailure) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = try peek(), let digit = Self.hexValue(byte) else {
                throw failure("\\u must be followed by four hexadecimal digits")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`, into `scratch` when `capture`.
    private func scanNumber(capture: Bool) throws(ReadFailure) {
        if capture { scratch.removeAll(keepingCapacity: true) }
        if try peek() == UInt8(ascii: "-") { take(capture) }
        guard let first = try peek(), Self.isDigit(first) else { throw failure("invalid number") }
        take(capture)
        if first != UInt8(ascii: "0") { try takeDigits(capture) }
        if try peek() == UInt8(ascii: ".") {
            take(capture)
            guard let digit = try peek(), Self.isDigit(digit) else { throw failure("invalid number: no digit after '.'") }
            try takeDigits(capture)
        }
        if let byte = try peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            take(capture)
            if let sign = try peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { take(capture) }
            guard let digit = try peek(), Self.isDigit(digit) else { throw failure("invalid number: no exponent digits") }
            try takeDigits(capture)
        }
    }

    @inline(__always)
    private func take(_ capture: Bool) {
        if capture { scratch.append(buffer[position]) }
        position += 1
    }

    private func takeDigits(_ capture: Bool) throws(ReadFailure) {
        while let byte = try peek(), Self.isDigit(byte) { take(capture) }
    }

    private func expectWord(_ word: String) throws(ReadFailure) {
        for expected in word.utf8 {
            guard try peek() == expected else { throw failure("invalid literal (expected \(word))") }
            position += 1
        }
    }

    private func expect(_ byte: UInt8) throws(ReadFailure) {
        let next = try peek()
        guard next == byte else { throw unexpected(next, expecting: "'\(Self.printable(byte))'") }
        position += 1
    }

    // MARK: Bytes

    @inline(__always)
    private func peek() throws(ReadFailure) -> UInt8? {
        if position == end, try !refill() { return nil }
        return buffer[position]
    }

    /// Reads the next chunk over the buffer (nothing before `position` is needed again).
    private func refill() throws(ReadFailure) -> Bool {
        guard !exhausted else { return false }
        consumed += end
        position = 0
        end = 0
        let count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: capacity))
        guard count > 0 else {
            exhausted = true
            return false
        }
        end = count
        return true
    }

    private func skipWhitespace() throws(ReadFailure) {
        while true {
            while position < end {
                switch buffer[position] {
                case 0x20, 0x09, 0x0D:
                    position += 1
                case 0x0A:
                    position += 1
                    line += 1
                    lineStart = consumed + position
                default:
                    return
                }
            }
            guard try refill() else { return }
        }
    }

    private func unexpected(_ byte: UInt8?, expecting what: String) -> ReadFailure {
        guard let byte else { return failure("unexpected end of input, expected \(what)") }
        return failure("unexpected '\(Self.printable(byte))', expected \(what)")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
    }

    /// A byte for a message: itself when printable ASCII, else `\xNN`.
    private static func printable(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + hex(byte)
    }
}
