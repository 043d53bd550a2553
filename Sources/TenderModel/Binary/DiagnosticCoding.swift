// Warnings a reader attached to a notice.

extension Diagnostic: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.value(location)
        writer.value(kind)
        writer.string(message)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        let location: SourceLocation = try reader.value()
        let kind: Kind = try reader.value()
        self.init(kind, try reader.string(), at: location)
    }
}

extension SourceLocation: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(file)
        writer.optional(line)
        writer.optional(column)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(file: try reader.string(), line: try reader.optional(), column: try reader.optional())
    }
}

extension Diagnostic.Kind: BinaryCodable {
    /// Fixed codes, independent of the order the cases are declared in.
    func encode(to writer: inout BinaryWriter) {
        switch self {
        case .unreadable: writer.byte(0)
        case .malformedXML: writer.byte(1)
        case .unsupportedDocument: writer.byte(2)
        case .invalidNotice: writer.byte(3)
        case .limitExceeded: writer.byte(4)
        case .badValue: writer.byte(5)
        case .danglingReference: writer.byte(6)
        case .duplicate: writer.byte(7)
        case .noNotices: writer.byte(8)
        }
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        switch try reader.byte() {
        case 0: self = .unreadable
        case 1: self = .malformedXML
        case 2: self = .unsupportedDocument
        case 3: self = .invalidNotice
        case 4: self = .limitExceeded
        case 5: self = .badValue
        case 6: self = .danglingReference
        case 7: self = .duplicate
        case 8: self = .noNotices
        default: throw .invalidValue("diagnostic kind", offset: reader.offset &- 1)
        }
    }
}
