// Dates, times, numbers and amounts.

extension CalendarDate: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.int(Int64(daysSinceEpoch))
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(daysSinceEpoch: try reader.int32())
    }
}

extension TimeOfDay: BinaryCodable {
    /// Seconds since midnight, then the offset as a zigzag varint + 1, or 0 for none.
    func encode(to writer: inout BinaryWriter) {
        writer.varint(UInt64(UInt32(bitPattern: secondsSinceMidnight)))
        if let offsetMinutes {
            writer.varint(BinaryWriter.zigzag(Int64(offsetMinutes)) + 1)
        } else {
            writer.byte(0)
        }
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        let start = reader.offset
        let seconds = try reader.varint()
        guard seconds <= 86_400 else { throw .invalidValue("time of day", offset: start) }
        let offsetStart = reader.offset
        let offsetPlusOne = try reader.varint()
        var offset: Int16?
        if offsetPlusOne != 0 {
            let minutes = BinaryReader.unzigzag(offsetPlusOne &- 1)
            guard (-14 * 60...14 * 60).contains(minutes) else {
                throw .invalidValue("time zone offset", offset: offsetStart)
            }
            offset = Int16(minutes)
        }
        secondsSinceMidnight = Int32(seconds)
        offsetMinutes = offset
    }
}

extension DateTime: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.value(date)
        writer.optional(time)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(date: try reader.value(), time: try reader.optional())
    }
}

extension DecimalNumber: BinaryCodable {
    /// The significand (zigzag varint) and the scale exactly as held: `1.0` and `1.00` are
    /// equal but are written differently, and a round trip keeps which one it was.
    func encode(to writer: inout BinaryWriter) {
        writer.int(significand)
        writer.byte(scale)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        let significand = try reader.int64()
        let scale = try reader.byte()
        guard Int(scale) <= DecimalNumber.maximumScale else {
            throw .invalidValue("decimal scale", offset: reader.offset &- 1)
        }
        self.init(significand: significand, scale: scale)
    }
}

extension Amount: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.value(value)
        writer.optionalString(currency)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(value: try reader.value(), currency: try reader.optionalString())
    }
}
