// The assembled procedure: its timeline of notices, lots with deadline history and result,
// modifications. Notice ids are written once, up front; every record, lot and organisation
// that names one of them writes a one-byte reference (``BinaryWriter/noticeReference(_:)``)
// and decodes to that one shared string.

extension Procedure: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        let noticeIds = notices.map(\.id)
        writer.array(noticeIds)
        writer.noticeIds = noticeIds
        writer.array(notices)
        writer.optionalString(title)
        writer.optionalString(internalReference)
        writer.value(procedureType)
        writer.value(accelerated)
        writer.optionalString(acceleratedJustification)
        writer.value(directAwardJustification)
        writer.value(directAwardText)
        writer.optionalString(nature)
        writer.optionalString(mainCpv)
        writer.array(additionalCpvs)
        writer.optionalString(legalBasis)
        writer.optional(estimatedValue)
        writer.optional(frameworkMaximum)
        writer.value(noticeValue)
        writer.array(buyers)
        writer.array(lots)
        writer.array(modifications)
        writer.array(warnings)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        id = try reader.string()
        reader.noticeIds = try reader.array()
        notices = try reader.array()
        title = try reader.optionalString()
        internalReference = try reader.optionalString()
        procedureType = try reader.value()
        accelerated = try reader.value()
        acceleratedJustification = try reader.optionalString()
        directAwardJustification = try reader.value()
        directAwardText = try reader.value()
        nature = try reader.optionalString()
        mainCpv = try reader.optionalString()
        additionalCpvs = try reader.array()
        legalBasis = try reader.optionalString()
        estimatedValue = try reader.optional()
        frameworkMaximum = try reader.optional()
        noticeValue = try reader.value()
        buyers = try reader.array()
        lots = try reader.array()
        modifications = try reader.array()
        warnings = try reader.array()
    }
}

extension NoticeRecord: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.noticeReference(id)
        writer.optionalString(version)
        writer.optionalString(publicationId)
        writer.optionalString(noticeType)
        writer.optionalString(formType)
        writer.optionalString(subtype)
        writer.value(phase)
        writer.optionalString(legalBasis)
        writer.optional(dispatchDate)
        writer.optional(publicationDate)
        writer.optionalString(language)
        writer.value(source)
        writer.noticeReferences(previousNotices)
        writer.optional(change)
        writer.noticeReference(supersededBy)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        id = try reader.requiredNoticeReference()
        version = try reader.optionalString()
        publicationId = try reader.optionalString()
        noticeType = try reader.optionalString()
        formType = try reader.optionalString()
        subtype = try reader.optionalString()
        phase = try reader.value()
        legalBasis = try reader.optionalString()
        dispatchDate = try reader.optional()
        publicationDate = try reader.optional()
        language = try reader.optionalString()
        source = try reader.value()
        previousNotices = try reader.noticeReferences()
        change = try reader.optional()
        supersededBy = try reader.noticeReference()
    }
}

extension NoticePhase: BinaryCodable {
    /// Fixed codes, independent of the order the cases are declared in.
    func encode(to writer: inout BinaryWriter) {
        switch self {
        case .planning: writer.byte(0)
        case .competition: writer.byte(1)
        case .result: writer.byte(2)
        case .modification: writer.byte(3)
        case .completion: writer.byte(4)
        case .change: writer.byte(5)
        case .unknown: writer.byte(6)
        }
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        switch try reader.byte() {
        case 0: self = .planning
        case 1: self = .competition
        case 2: self = .result
        case 3: self = .modification
        case 4: self = .completion
        case 5: self = .change
        case 6: self = .unknown
        default: throw .invalidValue("notice phase", offset: reader.offset &- 1)
        }
    }
}

extension ProcedureLot: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.value(kind)
        writer.optional(call)
        writer.noticeReference(callNotice)
        writer.array(deadlineHistory)
        writer.optional(result)
        writer.noticeReference(resultNotice)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        id = try reader.string()
        kind = try reader.value()
        call = try reader.optional()
        callNotice = try reader.noticeReference()
        deadlineHistory = try reader.array()
        result = try reader.optional()
        resultNotice = try reader.noticeReference()
    }
}

extension DeadlineRecord: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.noticeReference(notice)
        writer.optional(dispatchDate)
        writer.optional(submissionDeadline)
        writer.optional(requestsDeadline)
        DeadlineChange.encode(change, to: &writer)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        notice = try reader.requiredNoticeReference()
        dispatchDate = try reader.optional()
        submissionDeadline = try reader.optional()
        requestsDeadline = try reader.optional()
        change = try DeadlineChange.decodeOptional(from: &reader)
    }
}

extension DeadlineChange {
    /// One byte: 0 none, 1 earlier, 2 later.
    static func encode(_ change: DeadlineChange?, to writer: inout BinaryWriter) {
        switch change {
        case nil: writer.byte(0)
        case .earlier?: writer.byte(1)
        case .later?: writer.byte(2)
        }
    }

    static func decodeOptional(from reader: inout BinaryReader) throws(NoticeCodec.Failure) -> DeadlineChange? {
        switch try reader.byte() {
        case 0: return nil
        case 1: return .earlier
        case 2: return .later
        default: throw .invalidValue("deadline change", offset: reader.offset &- 1)
        }
    }
}

extension ModificationRecord: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.noticeReference(notice)
        writer.optional(dispatchDate)
        writer.value(modification)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        notice = try reader.requiredNoticeReference()
        dispatchDate = try reader.optional()
        modification = try reader.value()
    }
}
