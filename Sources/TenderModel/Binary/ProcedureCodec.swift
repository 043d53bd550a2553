/// A compact binary encoding of an assembled ``Procedure``, for spilling procedures between
/// two passes (fold population indicators, then screen) instead of assembling them twice.
///
/// The encoding starts with ``tag``, then ``NoticeCodec/formatVersion`` (one version for
/// every layout in this folder), then the procedure (see `ProcedureCoding.swift`): its id,
/// the ids of its notices (every later mention of one of them is a one-byte reference),
/// then every stored property in declaration order. Lots, results, buyers and warnings are
/// coded exactly as in a notice; cached organisation keys come back cached. Like
/// ``NoticeCodec``, a private format of one run.
public enum ProcedureCodec {
    /// The first byte of every procedure encoding. A notice encoding starts with its format
    /// version instead, which never reaches this value: neither decodes as the other.
    public static let tag: UInt8 = 0x50  // "P"

    /// Appends the encoding of `procedure` to `bytes`.
    public static func encode(_ procedure: Procedure, into bytes: inout [UInt8]) {
        var writer = BinaryWriter(capacity: 8192)
        writer.byte(tag)
        writer.byte(NoticeCodec.formatVersion)
        procedure.encode(to: &writer)
        writer.append(to: &bytes)
    }

    /// Decodes one procedure from exactly these bytes. Throws on truncated or corrupt input,
    /// on a notice encoding or anything else without ``tag``, on a different format version,
    /// or on bytes left over after the procedure; never traps.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(NoticeCodec.Failure) -> Procedure {
        var reader = BinaryReader(bytes)
        guard try reader.byte() == tag else {
            throw .invalidValue("leading byte: not the encoding of a procedure", offset: 0)
        }
        let version = try reader.byte()
        guard version == NoticeCodec.formatVersion else {
            throw .unsupportedVersion(found: version, expected: NoticeCodec.formatVersion)
        }
        let procedure = try Procedure(from: &reader)
        guard reader.isAtEnd else { throw .trailingBytes(offset: reader.offset) }
        return procedure
    }
}
