// Lots, groups of lots and parts.

extension Lot: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.value(kind)
        writer.optionalString(title)
        writer.optionalString(nature)
        writer.optionalString(mainCpv)
        writer.array(additionalCpvs)
        writer.optional(estimatedValue)
        writer.optional(frameworkMaximum)
        writer.optional(submissionDeadline)
        writer.optional(requestsDeadline)
        writer.optional(opening)
        writer.optionalString(electronicSubmission)
        writer.optionalBool(electronicAuction)
        writer.optionalString(frameworkAgreement)
        writer.optionalString(dynamicPurchasingSystem)
        writer.array(previousNotices)
        writer.array(memberLots)
        writer.optionalString(performanceNuts)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        id = try reader.string()
        kind = try reader.value()
        title = try reader.optionalString()
        nature = try reader.optionalString()
        mainCpv = try reader.optionalString()
        additionalCpvs = try reader.array()
        estimatedValue = try reader.optional()
        frameworkMaximum = try reader.optional()
        submissionDeadline = try reader.optional()
        requestsDeadline = try reader.optional()
        opening = try reader.optional()
        electronicSubmission = try reader.optionalString()
        electronicAuction = try reader.optionalBool()
        frameworkAgreement = try reader.optionalString()
        dynamicPurchasingSystem = try reader.optionalString()
        previousNotices = try reader.array()
        memberLots = try reader.array()
        performanceNuts = try reader.optionalString()
    }
}

extension LotKind: BinaryCodable {
    /// Fixed codes, independent of the order the cases are declared in.
    func encode(to writer: inout BinaryWriter) {
        switch self {
        case .lot: writer.byte(0)
        case .group: writer.byte(1)
        case .part: writer.byte(2)
        }
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        switch try reader.byte() {
        case 0: self = .lot
        case 1: self = .group
        case 2: self = .part
        default: throw .invalidValue("lot kind", offset: reader.offset &- 1)
        }
    }
}
