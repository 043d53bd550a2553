/// One published notice as read from one file, in a format-neutral shape.
///
/// Identifiers inside a notice (`ORG-0001`, `TEN-0001`…) are unique only within it, so a
/// reader resolves them before building a `Notice`: tenders carry their tenderers, buyers
/// their organisations. Joining notices into procedures is ``ProcedureAssembler``'s job.
public struct Notice: Sendable, Hashable {
    /// Where the notice came from.
    public var source: NoticeSource
    /// BT-701: the technical notice identifier (a UUID in eForms).
    public var id: String
    /// BT-757: the version of this notice (`01`, `02`…).
    public var version: String?
    /// BT-04: the procedure identifier shared by every notice of one procedure.
    public var procedureId: String
    /// OPP-010: the OJ S publication number (`00191536-2024`), in published notices only.
    public var publicationId: String?
    /// OPP-011: the OJ S issue (`65/2024`).
    public var gazetteId: String?
    /// BT-02: the notice type (`cn-standard`, `can-standard`, `veat`…).
    public var noticeType: String?
    /// BT-03: the form type (`planning`, `competition`, `result`, `dir-awa-pre`, `cont-modif`, `change`, `completion`).
    public var formType: String?
    /// OPP-070: the notice subtype (`16`, `29`, `E4`…).
    public var subtype: String?
    /// BT-01: the legal basis (`32014L0024`…).
    public var legalBasis: String?
    /// BT-05: the dispatch date, the start of every legal deadline.
    public var dispatchDate: CalendarDate?
    public var dispatchTime: TimeOfDay?
    /// OPP-012: the publication date, in published notices only.
    public var publicationDate: CalendarDate?
    /// BT-702: the official language of the notice; its texts are the ones kept.
    public var language: String?
    /// OPP-090 / BT-125: notices this one refers back to.
    public var previousNotices: [String]
    /// BT-758 and siblings: present when this notice changes (corrects) an earlier one.
    public var change: NoticeChange?
    /// BT-1501 and siblings: one per modified contract, in contract modification notices.
    public var modifications: [ContractModification]
    /// Procedure-level facts.
    public var procedure: ProcedureFacts
    /// The buyers, several in joint procurement.
    public var buyers: [Buyer]
    /// Lots, groups of lots and (in prior information notices) parts, in document order.
    public var lots: [Lot]
    /// The result section (`efac:NoticeResult`), when the notice has one.
    public var result: NoticeResult?
    /// Things the reader noticed but could live with (unparsable dates, dangling references…).
    public var warnings: [Diagnostic]

    public init(source: NoticeSource, id: String, procedureId: String) {
        self.source = source
        self.id = id
        self.procedureId = procedureId
        previousNotices = []
        modifications = []
        procedure = ProcedureFacts()
        buyers = []
        lots = []
        warnings = []
    }

    /// The stage of the procedure this notice documents.
    public var phase: NoticePhase {
        NoticePhase(formType: formType, noticeType: noticeType)
    }
}

/// Where a notice was read from.
public struct NoticeSource: Sendable, Hashable {
    /// The path of the file as given on the command line or found in a folder.
    public var file: String
    public var format: NoticeFormat
    /// The eForms SDK version (`eforms-sdk-1.10`), from `cbc:CustomizationID`.
    public var formatVersion: String?

    public init(file: String, format: NoticeFormat, formatVersion: String? = nil) {
        self.file = file
        self.format = format
        self.formatVersion = formatVersion
    }
}

public enum NoticeFormat: String, Sendable, Hashable {
    case eForms
}
