/// A model type with a hand-written binary encoding (see ``NoticeCodec``).
///
/// `init(from:)` reads exactly what `encode(to:)` wrote, in the same order, and must throw
/// (never trap) on anything else.
protocol BinaryCodable {
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure)
}

extension String: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.string(self) }
    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) { self = try reader.string() }
}

extension Int: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.int(self) }
    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) { self = try reader.int() }
}

extension Bool: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.bool(self) }
    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) { self = try reader.bool() }
}
