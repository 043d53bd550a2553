/// A public procurement procedure assembled from all of its notices (joined by BT-04).
public struct Procedure: Sendable, Hashable {
    /// BT-04.
    public var id: String
    /// Every notice of the procedure in timeline order.
    public var notices: [NoticeRecord] = []
    public var title: String?
    public var internalReference: String?
    public var procedureType: Reported<String> = .unknown
    public var accelerated: Reported<Bool> = .unknown
    public var acceleratedJustification: String?
    public var directAwardJustification: Reported<String> = .unknown
    public var directAwardText: Reported<String> = .unknown
    public var nature: String?
    public var mainCpv: String?
    public var additionalCpvs: [String] = []
    public var legalBasis: String?
    /// BT-27, from the call for competition when there is one.
    public var estimatedValue: Amount?
    public var frameworkMaximum: Amount?
    /// BT-161 of the latest result notice.
    public var noticeValue: Reported<Amount> = .unknown
    public var buyers: [Buyer] = []
    /// Lots then groups of lots, each sorted by id.
    public var lots: [ProcedureLot] = []
    public var modifications: [ModificationRecord] = []
    /// What the reader and the assembler noticed and could live with.
    public var warnings: [Diagnostic] = []

    public init(id: String) {
        self.id = id
    }

    /// The notice that opened the competition (the first call for competition), if any.
    public var callForCompetition: NoticeRecord? {
        notices.first { $0.phase == .competition }
    }
}

/// One notice as part of a procedure's timeline.
public struct NoticeRecord: Sendable, Hashable {
    public var id: String
    public var version: String?
    public var publicationId: String?
    public var noticeType: String?
    public var formType: String?
    public var subtype: String?
    /// The phase this notice documents; for a change notice, the phase of what it changes.
    public var phase: NoticePhase
    public var legalBasis: String?
    public var dispatchDate: CalendarDate?
    public var publicationDate: CalendarDate?
    public var language: String?
    public var source: NoticeSource
    public var previousNotices: [String]
    public var change: NoticeChange?
    /// The notice that replaces this one (a change notice that corrects it), if any.
    public var supersededBy: String?

    public init(notice: Notice, phase: NoticePhase) {
        id = notice.id
        version = notice.version
        publicationId = notice.publicationId
        noticeType = notice.noticeType
        formType = notice.formType
        subtype = notice.subtype
        self.phase = phase
        legalBasis = notice.legalBasis
        dispatchDate = notice.dispatchDate
        publicationDate = notice.publicationDate
        language = notice.language
        source = notice.source
        previousNotices = notice.previousNotices
        change = notice.change
    }
}

/// A lot (or group of lots) of a procedure: its call facts, deadline history and result.
public struct ProcedureLot: Sendable, Hashable {
    public var id: String
    public var kind: LotKind
    /// The lot as the latest call for competition describes it (else the latest result notice).
    public var call: Lot?
    public var callNotice: String?
    /// Every notice of the competition phase that stated this lot's deadlines, in order.
    public var deadlineHistory: [DeadlineRecord] = []
    /// The result from the latest result notice that reports on this lot.
    public var result: LotResult?
    public var resultNotice: String?

    public init(id: String, kind: LotKind) {
        self.id = id
        self.kind = kind
    }

    public var tendersReceived: TendersReceived? { result?.tendersReceived }

    /// The earliest winner decision date (BT-1451) of the lot's contracts.
    public var awardDate: CalendarDate? { result?.contracts.compactMap(\.awardDate).min() }

    /// The earliest contract conclusion date (BT-145) of the lot's contracts.
    public var conclusionDate: CalendarDate? { result?.contracts.compactMap(\.conclusionDate).min() }
}

/// The deadlines one notice stated for a lot.
public struct DeadlineRecord: Sendable, Hashable {
    public var notice: String
    public var dispatchDate: CalendarDate?
    public var submissionDeadline: DateTime?
    public var requestsDeadline: DateTime?
    /// How the deadline moved against the previous record (submission, else requests).
    public var change: DeadlineChange?

    public init(notice: String, dispatchDate: CalendarDate?, submissionDeadline: DateTime?,
                requestsDeadline: DateTime?, change: DeadlineChange? = nil) {
        self.notice = notice
        self.dispatchDate = dispatchDate
        self.submissionDeadline = submissionDeadline
        self.requestsDeadline = requestsDeadline
        self.change = change
    }

    /// The deadline that governs the lot: tenders, else requests to participate.
    public var governingDeadline: DateTime? { submissionDeadline ?? requestsDeadline }
}

public enum DeadlineChange: String, Sendable, Hashable {
    case earlier
    case later
}

/// A contract modification published for the procedure.
public struct ModificationRecord: Sendable, Hashable {
    public var notice: String
    public var dispatchDate: CalendarDate?
    public var modification: ContractModification

    public init(notice: String, dispatchDate: CalendarDate?, modification: ContractModification) {
        self.notice = notice
        self.dispatchDate = dispatchDate
        self.modification = modification
    }
}
