/// Writes values in ``NoticeCodec``'s encoding into a growable buffer of its own, handed
/// over in one copy by ``append(to:)``: appending to an `[UInt8]` byte by byte costs a
/// uniqueness and a capacity check per byte.
///
/// Unsigned integers (lengths, counts) are LEB128 varints; signed ones are zigzag-mapped
/// first so small negatives stay short. A string is its UTF-8 length then its bytes; an
/// optional string is its length + 1, or 0 for `nil`. An optional Bool is one byte: 0 `nil`,
/// 1 `false`, 2 `true`. Other optionals are a presence byte (0 or 1) then the value; an
/// array is its count then its elements.
struct BinaryWriter: ~Copyable {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 0
    /// The ids of the notices being written (the notice itself, or every notice of a
    /// procedure): organisations and records name them, written as a short reference
    /// instead of the id again. See ``noticeReference(_:)``.
    var noticeIds: [String] = [] {
        didSet { noticeIndex = noticeIds.count > Self.linearLookupLimit ? Self.index(noticeIds) : nil }
    }
    /// For a long list of notice ids (a procedure with many notices): position by id, so
    /// each reference is not a scan of the whole list.
    private var noticeIndex: [String: Int]?
    private static let linearLookupLimit = 16

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 1)
    }

    deinit {
        storage.deallocate()
    }

    /// Appends everything written so far to `bytes`.
    func append(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: storage, count: count))
    }

    @inline(__always)
    private mutating func reserve(_ byteCount: Int) {
        if capacity &- count < byteCount { grow(byteCount) }
    }

    @inline(never)
    private mutating func grow(_ byteCount: Int) {
        var newCapacity = capacity * 2
        while newCapacity - count < byteCount { newCapacity *= 2 }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 1)
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        reserve(1)
        storage.storeBytes(of: value, toByteOffset: count, as: UInt8.self)
        count &+= 1
    }

    @inline(__always)
    mutating func varint(_ value: UInt64) {
        reserve(10)
        var value = value
        var end = count
        while value >= 0x80 {
            storage.storeBytes(of: UInt8(truncatingIfNeeded: value) | 0x80, toByteOffset: end, as: UInt8.self)
            end &+= 1
            value >>= 7
        }
        storage.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: end, as: UInt8.self)
        count = end &+ 1
    }

    @inline(__always)
    mutating func count(_ value: Int) {
        varint(UInt64(value))
    }

    /// Zigzag: 0, -1, 1, -2… become 0, 1, 2, 3…
    @inline(__always)
    mutating func int(_ value: Int64) {
        varint(Self.zigzag(value))
    }

    /// 0, -1, 1, -2… as 0, 1, 2, 3…, so small negative numbers stay short varints.
    @inline(__always)
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    @inline(__always)
    mutating func int(_ value: Int) {
        int(Int64(value))
    }

    @inline(__always)
    mutating func bool(_ value: Bool) {
        byte(value ? 1 : 0)
    }

    @inline(__always)
    mutating func optionalBool(_ value: Bool?) {
        switch value {
        case nil: byte(0)
        case false?: byte(1)
        case true?: byte(2)
        }
    }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        let length = utf8.count
        count(length)
        bytes(of: utf8, length: length)
    }

    mutating func optionalString(_ value: String?) {
        guard let value else {
            byte(0)
            return
        }
        let utf8 = value.utf8
        let length = utf8.count
        count(length + 1)
        bytes(of: utf8, length: length)
    }

    @inline(__always)
    private mutating func bytes(of utf8: String.UTF8View, length: Int) {
        guard length > 0 else { return }
        reserve(length)
        let destination = storage + count
        let copied: Void? = utf8.withContiguousStorageIfAvailable { source in
            destination.copyMemory(from: source.baseAddress!, byteCount: length)
        }
        if copied == nil {  // not contiguous (a bridged string): byte by byte
            var offset = 0
            for byte in utf8 {
                destination.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
                offset += 1
            }
        }
        count &+= length
    }

    /// An optional string that is usually one of ``noticeIds``: 0 for `nil`, 1…n for
    /// `noticeIds[0…n-1]`, else its length + n + 1 and its bytes. For a notice (n = 1):
    /// 0 `nil`, 1 the notice id, else length + 2.
    mutating func noticeReference(_ value: String?) {
        guard let value else {
            byte(0)
            return
        }
        if let position = position(ofNotice: value) {
            count(position &+ 1)
            return
        }
        let utf8 = value.utf8
        let length = utf8.count
        count(length &+ noticeIds.count &+ 1)
        bytes(of: utf8, length: length)
    }

    /// A list of notice ids: its count, then each as a ``noticeReference(_:)``.
    mutating func noticeReferences(_ values: [String]) {
        count(values.count)
        for value in values { noticeReference(value) }
    }

    private func position(ofNotice id: String) -> Int? {
        if let noticeIndex { return noticeIndex[id] }
        return noticeIds.withUnsafeBufferPointer { ids in
            for position in ids.indices where ids[position] == id { return position }
            return nil
        }
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() where index[id] == nil { index[id] = position }
        return index
    }

    @inline(__always)
    mutating func value<Value: BinaryCodable>(_ value: Value) {
        value.encode(to: &self)
    }

    mutating func optional<Value: BinaryCodable>(_ value: Value?) {
        if let value {
            byte(1)
            value.encode(to: &self)
        } else {
            byte(0)
        }
    }

    mutating func array<Element: BinaryCodable>(_ elements: [Element]) {
        count(elements.count)
        // Through the buffer: iterating or subscripting the array copies (retains) each element.
        elements.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { buffer[index].encode(to: &self) }
        }
    }
}
