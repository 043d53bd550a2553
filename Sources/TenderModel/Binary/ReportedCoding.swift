// Reported facts: known, withheld (with why and until when) or unknown.

extension Reported: BinaryCodable where Value: BinaryCodable {
    /// A tag byte (0 unknown, 1 known, 2 withheld), then the value or the withholding.
    func encode(to writer: inout BinaryWriter) {
        switch self {
        case .unknown:
            writer.byte(0)
        case .known(let value):
            writer.byte(1)
            writer.value(value)
        case .withheld(let withholding):
            writer.byte(2)
            writer.value(withholding)
        }
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        switch try reader.byte() {
        case 0: self = .unknown
        case 1: self = .known(try reader.value())
        case 2: self = .withheld(try reader.value())
        default: throw .invalidValue("Reported tag", offset: reader.offset &- 1)
        }
    }
}

extension Withholding: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(field)
        writer.optionalString(reasonCode)
        writer.optional(releaseDate)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(field: try reader.string(), reasonCode: try reader.optionalString(),
                  releaseDate: try reader.optional())
    }
}
