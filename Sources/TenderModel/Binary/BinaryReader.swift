/// Reads ``BinaryWriter``'s encoding from raw bytes, checking every bound: corrupt or
/// truncated input throws ``NoticeCodec/Failure``, never reads outside the buffer.
struct BinaryReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var offset = 0
    /// The ids of the notices being read, once read: see ``BinaryWriter/noticeIds``.
    var noticeIds: [String] = []

    init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    var isAtEnd: Bool { offset == buffer.count }

    private var remaining: Int { buffer.count &- offset }

    @inline(__always)
    mutating func byte() throws(NoticeCodec.Failure) -> UInt8 {
        guard offset < buffer.count else { throw .truncated(offset: offset) }
        let value = buffer[offset]
        offset &+= 1
        return value
    }

    /// One byte inline (most counts, lengths and small numbers); longer ones out of line.
    @inline(__always)
    mutating func varint() throws(NoticeCodec.Failure) -> UInt64 {
        guard offset < buffer.count else { throw .truncated(offset: offset) }
        let first = buffer[offset]
        if first < 0x80 {
            offset &+= 1
            return UInt64(first)
        }
        return try longVarint()
    }

    @inline(never)
    private mutating func longVarint() throws(NoticeCodec.Failure) -> UInt64 {
        let start = offset
        var value = UInt64(try byte() & 0x7F)
        var shift: UInt64 = 7
        while true {
            let next = try byte()
            // The tenth byte holds the 64th bit only.
            if shift == 63, next > 1 { throw .invalidValue("varint", offset: start) }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift &+= 7
        }
    }

    /// A count of items still to read; at most the bytes left (every item takes at least
    /// one byte), so a corrupt count cannot make the decoder reserve gigabytes.
    @inline(__always)
    mutating func count() throws(NoticeCodec.Failure) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(remaining) else { throw .truncated(offset: start) }
        return Int(value)
    }

    @inline(__always)
    mutating func int64() throws(NoticeCodec.Failure) -> Int64 {
        Self.unzigzag(try varint())
    }

    /// The inverse of ``BinaryWriter/zigzag(_:)``.
    @inline(__always)
    static func unzigzag(_ zigzag: UInt64) -> Int64 {
        Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }

    @inline(__always)
    mutating func int() throws(NoticeCodec.Failure) -> Int {
        let start = offset
        guard let value = Int(exactly: try int64()) else { throw .invalidValue("integer", offset: start) }
        return value
    }

    mutating func int32() throws(NoticeCodec.Failure) -> Int32 {
        let start = offset
        guard let value = Int32(exactly: try int64()) else { throw .invalidValue("32-bit integer", offset: start) }
        return value
    }

    mutating func bool() throws(NoticeCodec.Failure) -> Bool {
        try flag("Bool")
    }

    mutating func optionalBool() throws(NoticeCodec.Failure) -> Bool? {
        switch try byte() {
        case 0: return nil
        case 1: return false
        case 2: return true
        default: throw .invalidValue("Bool?", offset: offset &- 1)
        }
    }

    /// A presence byte: whether an optional value follows.
    mutating func isPresent() throws(NoticeCodec.Failure) -> Bool {
        try flag("presence byte")
    }

    /// One byte, 0 or 1; `what` names it in the error.
    private mutating func flag(_ what: String) throws(NoticeCodec.Failure) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw .invalidValue(what, offset: offset &- 1)
        }
    }

    mutating func string() throws(NoticeCodec.Failure) -> String {
        let length = try count()
        return text(length)
    }

    mutating func optionalString() throws(NoticeCodec.Failure) -> String? {
        let start = offset
        let lengthPlusOne = try varint()
        if lengthPlusOne == 0 { return nil }
        guard lengthPlusOne &- 1 <= UInt64(remaining) else { throw .truncated(offset: start) }
        return text(Int(lengthPlusOne &- 1))
    }

    /// See ``BinaryWriter/noticeReference(_:)``. The known ids come back as the very
    /// strings of ``noticeIds``, shared rather than copied.
    mutating func noticeReference() throws(NoticeCodec.Failure) -> String? {
        let start = offset
        let tag = try varint()
        if tag == 0 { return nil }
        let known = UInt64(noticeIds.count)
        if tag <= known { return noticeIds[Int(tag &- 1)] }
        let length = tag &- known &- 1
        guard length <= UInt64(remaining) else { throw .truncated(offset: start) }
        return text(Int(length))
    }

    /// A reference that must name a notice: never `nil`.
    mutating func requiredNoticeReference() throws(NoticeCodec.Failure) -> String {
        let start = offset
        guard let id = try noticeReference() else { throw .invalidValue("notice reference", offset: start) }
        return id
    }

    /// See ``BinaryWriter/noticeReferences(_:)``.
    mutating func noticeReferences() throws(NoticeCodec.Failure) -> [String] {
        let count = try count()
        if count == 0 { return [] }
        var ids: [String] = []
        ids.reserveCapacity(count)
        for _ in 0..<count { ids.append(try requiredNoticeReference()) }
        return ids
    }

    /// `length` bytes as UTF-8; the caller has checked that `length <= remaining`.
    @inline(__always)
    private mutating func text(_ length: Int) -> String {
        if length == 0 { return "" }
        let start = offset
        offset &+= length
        return UnsafeRawBufferPointer(rebasing: buffer[start..<start &+ length])
            .withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always)
    mutating func value<Value: BinaryCodable>(_: Value.Type = Value.self) throws(NoticeCodec.Failure) -> Value {
        try Value(from: &self)
    }

    mutating func optional<Value: BinaryCodable>(_: Value.Type = Value.self) throws(NoticeCodec.Failure) -> Value? {
        guard try isPresent() else { return nil }
        return try Value(from: &self)
    }

    mutating func array<Element: BinaryCodable>(_: Element.Type = Element.self) throws(NoticeCodec.Failure) -> [Element] {
        let count = try count()
        if count == 0 { return [] }
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try Element(from: &self)) }
        return elements
    }
}
