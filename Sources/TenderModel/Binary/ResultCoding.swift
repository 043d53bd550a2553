// The result section: lot results, statistics, tenders, tendering parties, contracts.

extension NoticeResult: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.value(totalValue)
        writer.value(frameworkMaximum)
        writer.value(frameworkApproximate)
        writer.array(lotResults)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        totalValue = try reader.value()
        frameworkMaximum = try reader.value()
        frameworkApproximate = try reader.value()
        lotResults = try reader.array()
    }
}

extension LotResult: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.optionalString(id)
        writer.optionalString(lotId)
        writer.value(resultCode)
        writer.value(nonAwardReason)
        writer.array(statistics)
        writer.value(lowestTender)
        writer.value(highestTender)
        writer.value(frameworkMaximum)
        writer.value(frameworkReestimated)
        writer.array(tenders)
        writer.array(contracts)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        id = try reader.optionalString()
        lotId = try reader.optionalString()
        resultCode = try reader.value()
        nonAwardReason = try reader.value()
        statistics = try reader.array()
        lowestTender = try reader.value()
        highestTender = try reader.value()
        frameworkMaximum = try reader.value()
        frameworkReestimated = try reader.value()
        tenders = try reader.array()
        contracts = try reader.array()
    }
}

extension SubmissionStatistic: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(code)
        writer.value(count)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(code: try reader.string(), count: try reader.value())
    }
}

extension Tender: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.optionalString(reference)
        writer.optionalString(lotId)
        writer.value(amount)
        writer.value(rank)
        writer.optionalBool(isRanked)
        writer.optionalBool(isVariant)
        writer.bool(isWinner)
        writer.optional(party)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        id = try reader.string()
        reference = try reader.optionalString()
        lotId = try reader.optionalString()
        amount = try reader.value()
        rank = try reader.value()
        isRanked = try reader.optionalBool()
        isVariant = try reader.optionalBool()
        isWinner = try reader.bool()
        party = try reader.optional()
    }
}

extension TenderingParty: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.optionalString(name)
        writer.array(tenderers)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(id: try reader.string(), name: try reader.optionalString(), tenderers: try reader.array())
    }
}

extension Tenderer: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.value(organization)
        writer.optionalBool(isLeader)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        self.init(organization: try reader.value(), isLeader: try reader.optionalBool())
    }
}

extension Contract: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.optionalString(reference)
        writer.optionalString(title)
        writer.optional(awardDate)
        writer.optional(conclusionDate)
        writer.array(tenderIds)
        writer.optionalBool(isFramework)
    }

    init(from reader: inout BinaryReader) throws(NoticeCodec.Failure) {
        id = try reader.string()
        reference = try reader.optionalString()
        title = try reader.optionalString()
        awardDate = try reader.optional()
        conclusionDate = try reader.optional()
        tenderIds = try reader.array()
        isFramework = try reader.optionalBool()
    }
}
