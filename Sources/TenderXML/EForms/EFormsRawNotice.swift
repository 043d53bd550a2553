import TenderModel

/// What the SAX walk collects from one eForms notice, before notice-local references
/// (`ORG-`, `TPA-`, `TEN-`, `CON-` ids) are resolved into a ``Notice``.
struct EFormsRawNotice {
    var noticeId: String?
    /// Where BT-701 / BT-04 were (line 0: absent), to point at them when they are empty.
    var noticeIdPosition = (line: 0, column: 0)
    var procedureId: String?
    var procedureIdPosition = (line: 0, column: 0)
    var sdkVersion: String?
    var version: String?
    var noticeType: String?
    var formType: String?
    var subtype: String?
    var legalBasis: String?
    var dispatchDate: CalendarDate?
    var dispatchTime: TimeOfDay?
    var language: String?
    var publicationId: String?
    var gazetteId: String?
    var publicationDate: CalendarDate?
    var previousNotices: [String] = []

    var change: RawChange?
    var modifications: [RawModification] = []

    var procedure = ProcedureFacts()
    var procedureTitle: [LocalizedText] = []
    var justification = RawJustification()
    var justificationTexts: [LocalizedText] = []
    var procedureWithheld: [Withholding] = []

    var organizations: [RawOrganization] = []
    var buyers: [RawBuyer] = []
    var lots: [RawLot] = []
    var lotsGroups: [(id: String, members: [String])] = []

    var hasResult = false
    var result = NoticeResult()
    var resultWithheld: [Withholding] = []
    var lotResults: [RawLotResult] = []
    var tenders: [RawTender] = []
    var contracts: [RawContract] = []
    var parties: [RawParty] = []

    var warnings: [Diagnostic] = []
}

/// A text in one language (`@languageID`); the notice-language one is kept.
struct LocalizedText {
    var language: String?
    var text: String
}

extension Array where Element == LocalizedText {
    /// The text in `language`, else the first one written.
    func resolved(in language: String?) -> String? {
        if let language, let match = first(where: { $0.language == language }) { return match.text }
        return first?.text
    }
}

/// One `cac:ProcessJustification`: its meaning depends on the code's `@listName`.
struct RawJustification {
    var listName: String?
    var code: String?
    var texts: [LocalizedText] = []
}

struct RawChange {
    var change = NoticeChange()
    var descriptions: [[LocalizedText]] = []
    var reasonDescriptions: [LocalizedText] = []
}

struct RawModification {
    var modification = ContractModification()
    var descriptions: [LocalizedText] = []
    var reasonDescriptions: [LocalizedText] = []
}

struct RawOrganization {
    var organization = Organization(localId: "")
    var names: [LocalizedText] = []
}

struct RawBuyer {
    var reference: String?
    var legalType: String?
    var activity: String?
}

struct RawLot {
    var lot = Lot(id: "", kind: .lot)
    var titles: [LocalizedText] = []
}

struct RawLotResult {
    var result = LotResult()
    var tenderRefs: [String] = []
    var contractRefs: [String] = []
    var withheld: [Withholding] = []
    var statisticsWithheld: [[Withholding]] = []
}

struct RawTender {
    var tender = Tender(id: "")
    var partyRef: String?
    var withheld: [Withholding] = []
}

struct RawContract {
    var contract = Contract(id: "")
    var titles: [LocalizedText] = []
}

struct RawParty {
    var id = ""
    var names: [LocalizedText] = []
    var members: [(reference: String, isLeader: Bool?)] = []
}
