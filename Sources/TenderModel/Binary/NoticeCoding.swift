// The notice itself, its source, change and modification declarations, procedure facts.

extension Notice: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.value(source)
        writer.string(id)
        writer.noticeIds = [id]
        writer.optionalString(version)
        writer.string(procedureId)
        writer.optionalString(publicationId)
        writer.optionalString(gazetteId)
        writer.optionalString(noticeType)
        writer.optionalString(formType)
        writer.optionalString(subtype)
        writer.optionalString(legalBasis)
        writer.optional(dispatchDate)
        writer.optional(dispatchTime)
        writer.optional(publicationDate)
        writer.optionalString(language)
        writer.array(previousNotices)
        writer.optional(change)
        writer.array(modifications)
        writer.value(procedure)
        writer.array(buyers)
        writer.array(lots)
        writer.optional(result)
        writer.array(warnings)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        source = try reader.value()
        id = try reader.string()
        reader.noticeIds = [id]
        version = try reader.optionalString()
        procedureId = try reader.string()
        publicationId = try reader.optionalString()
        gazetteId = try reader.optionalString()
        noticeType = try reader.optionalString()
        formType = try reader.optionalString()
        subtype = try reader.optionalString()
        legalBasis = try reader.optionalString()
        dispatchDate = try reader.optional()
        dispatchTime = try reader.optional()
        publicationDate = try reader.optional()
        language = try reader.optionalString()
        previousNotices = try reader.array()
        change = try reader.optional()
        modifications = try reader.array()
        procedure = try reader.value()
        buyers = try reader.array()
        lots = try reader.array()
        result = try reader.optional()
        warnings = try reader.array()
    }
}

extension NoticeSource: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(file)
        writer.value(format)
        writer.optionalString(formatVersion)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(file: try reader.string(), format: try reader.value(), formatVersion: try reader.optionalString())
    }
}

extension NoticeFormat: BinaryCodable {
    /// Fixed codes, independent of the order the cases are declared in.
    func encode(to writer: inout BinaryWriter) {
        switch self {
        case .eForms: writer.byte(0)
        }
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        switch try reader.byte() {
        case 0: self = .eForms
        default: throw .invalidValue("notice format", offset: reader.offset &- 1)
        }
    }
}

extension NoticeChange: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(changedNotice)
        writer.optionalString(reasonCode)
        writer.optionalString(reasonDescription)
        writer.array(items)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(changedNotice: try reader.optionalString(), reasonCode: try reader.optionalString(),
                  reasonDescription: try reader.optionalString(), items: try reader.array())
    }
}

extension ChangeItem: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(description)
        writer.array(sections)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(description: try reader.optionalString(), sections: try reader.array())
    }
}

extension ContractModification: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(modifiedNotice)
        writer.optionalString(modifiedContract)
        writer.optionalString(reasonCode)
        writer.optionalString(reasonDescription)
        writer.optionalString(description)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(modifiedNotice: try reader.optionalString(), modifiedContract: try reader.optionalString(),
                  reasonCode: try reader.optionalString(), reasonDescription: try reader.optionalString(),
                  description: try reader.optionalString())
    }
}

extension ProcedureFacts: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(internalReference)
        writer.optionalString(title)
        writer.value(procedureType)
        writer.value(accelerated)
        writer.optionalString(acceleratedJustification)
        writer.value(directAwardJustification)
        writer.value(directAwardText)
        writer.optionalString(nature)
        writer.optionalString(mainCpv)
        writer.array(additionalCpvs)
        writer.optional(estimatedValue)
        writer.optional(frameworkMaximum)
        writer.optionalString(performanceNuts)
        writer.optionalString(performanceCountry)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        internalReference = try reader.optionalString()
        title = try reader.optionalString()
        procedureType = try reader.value()
        accelerated = try reader.value()
        acceleratedJustification = try reader.optionalString()
        directAwardJustification = try reader.value()
        directAwardText = try reader.value()
        nature = try reader.optionalString()
        mainCpv = try reader.optionalString()
        additionalCpvs = try reader.array()
        estimatedValue = try reader.optional()
        frameworkMaximum = try reader.optional()
        performanceNuts = try reader.optionalString()
        performanceCountry = try reader.optionalString()
    }
}
