/// A compact binary encoding of ``Notice``, for spilling parsed notices to a temporary file
/// and reading them back: hand-written, no Foundation, every read bounds-checked.
///
/// The encoding starts with ``formatVersion``; then every stored property of the notice in
/// declaration order (see the `BinaryCodable` conformances in this folder). It is a
/// private format of one run: never meant to outlive the process that wrote it.
///
/// ``ProcedureCodec`` shares this encoding of the values both contain, the version and
/// ``Failure``; its output starts with a tag no format version takes, so neither codec
/// mistakes the other's bytes for its own.
public enum NoticeCodec {
    /// Bumped whenever the layout of anything in this folder changes (procedures included);
    /// a mismatch fails decoding rather than misreading. Stays below ``ProcedureCodec/tag``.
    public static let formatVersion: UInt8 = 1

    /// Appends the encoding of `notice` to `bytes`.
    public static func encode(_ notice: Notice, into bytes: inout [UInt8]) {
        var writer = BinaryWriter(capacity: 4096)
        writer.byte(formatVersion)
        notice.encode(to: &writer)
        writer.append(to: &bytes)
    }

    /// Decodes one notice from exactly these bytes. Throws on truncated or corrupt input,
    /// on a different format version, or on bytes left over after the notice; never traps.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(NoticeCodec.Failure) -> Notice {
        var reader = BinaryReader(bytes)
        let version = try reader.byte()
        guard version == formatVersion else {
            if version == ProcedureCodec.tag {
                throw .invalidValue("leading byte: the encoding of a procedure, not of a notice", offset: 0)
            }
            throw .unsupportedVersion(found: version, expected: formatVersion)
        }
        let notice = try Notice(from: &reader)
        guard reader.isAtEnd else { throw .trailingBytes(offset: reader.offset) }
        return notice
    }

    /// Why bytes could not be decoded as a notice (or, by ``ProcedureCodec``, a procedure).
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The input ends inside the value that starts at `offset`.
        case truncated(offset: Int)
        /// The version byte is not this build's ``NoticeCodec/formatVersion``.
        case unsupportedVersion(found: UInt8, expected: UInt8)
        /// A value that no encoding produces (an unknown tag, an out-of-range number).
        case invalidValue(String, offset: Int)
        /// A whole notice (or procedure) was read but bytes remain.
        case trailingBytes(offset: Int)

        public var description: String {
            switch self {
            case .truncated(let offset):
                return "encoded data truncated at byte \(offset)"
            case .unsupportedVersion(let found, let expected):
                return "encoded data has format version \(found), this build reads version \(expected)"
            case .invalidValue(let what, let offset):
                return "encoded data corrupt at byte \(offset): invalid \(what)"
            case .trailingBytes(let offset):
                return "encoded data followed by unexpected bytes from byte \(offset)"
            }
        }
    }
}
