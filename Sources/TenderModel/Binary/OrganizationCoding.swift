// Organisations, their cached keys, and buyers.

extension Organization: BinaryCodable {
    /// Every stored field, then the cached ``OrganizationKey`` when there is one: decoding
    /// it costs a string read, recomputing it ~0.5 µs of name folding per organisation.
    /// ``noticeId`` is nearly always the id of the notice being coded (or of one of the
    /// procedure's notices): then one byte, and the decoded organisations share that one
    /// string as the parsed ones did.
    func encode(to writer: inout BinaryWriter) {
        writer.string(localId)
        writer.optionalString(name)
        writer.optionalString(nationalId)
        writer.optionalString(country)
        writer.optionalString(town)
        writer.optionalString(nuts)
        writer.optionalString(size)
        writer.optionalBool(isNaturalPerson)
        writer.noticeReference(noticeId)
        OrganizationKey.encode(cachedKeyIfAny, to: &writer)
    }

    /// Sets the stored properties directly: in an initialiser their observers (which
    /// forget the cached key) do not run.
    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        localId = try reader.string()
        name = try reader.optionalString()
        nationalId = try reader.optionalString()
        country = try reader.optionalString()
        town = try reader.optionalString()
        nuts = try reader.optionalString()
        size = try reader.optionalString()
        isNaturalPerson = try reader.optionalBool()
        noticeId = try reader.noticeReference()
        cachedKeyIfAny = try OrganizationKey.decodeOptional(from: &reader)
    }
}

extension OrganizationKey {
    /// Exactly as computed, without recomputing: for decoding a key that was cached.
    init(value: String, source: Source) {
        self.value = value
        self.source = source
    }

    /// A tag byte (0 none, else the source) then the value.
    static func encode(_ key: OrganizationKey?, to writer: inout BinaryWriter) {
        guard let key else {
            writer.byte(0)
            return
        }
        switch key.source {
        case .nationalId: writer.byte(1)
        case .name: writer.byte(2)
        case .noticeLocalId: writer.byte(3)
        }
        writer.string(key.value)
    }

    static func decodeOptional(from reader: inout BinaryReader) throws(NoticeCodec.Failure) -> OrganizationKey? {
        let source: Source
        switch try reader.byte() {
        case 0: return nil
        case 1: source = .nationalId
        case 2: source = .name
        case 3: source = .noticeLocalId
        default: throw .invalidValue("organisation key source", offset: reader.offset &- 1)
        }
        return OrganizationKey(value: try reader.string(), source: source)
    }
}

extension Buyer: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.value(organization)
        writer.optionalString(legalType)
        writer.optionalString(activity)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(organization: try reader.value(), legalType: try reader.optionalString(),
                  activity: try reader.optionalString())
    }
}
