import TenderModel

/// eForms procedure-type codes (BT-105) by what they mean for competition.
public enum ProcedureKind {
    /// Procedures with a call for competition, where several tenders are expected.
    public static let competitive: [String] = ["open", "restricted", "neg-w-call", "comp-dial", "innovation"]
    /// Procedures awarded without prior publication.
    public static let withoutCall: Set<String> = ["neg-wo-call"]
    /// Procedures with a separate stage for requests to participate (BT-1311).
    public static let twoStage: Set<String> = ["restricted", "neg-w-call", "comp-dial", "innovation"]
}

extension Procedure {
    /// Lots and groups of lots that can carry a result (prior-information parts excluded).
    /// Lazy: every indicator walks it, and building an array each time showed in profiles.
    public var awardUnits: LazyFilterSequence<[ProcedureLot]> {
        lots.lazy.filter { $0.kind != .part }
    }

    /// The first notice of the competition phase (the contract notice), if any.
    var contractNotice: NoticeRecord? {
        notices.first { $0.phase == .competition }
    }

    /// A voluntary ex-ante transparency notice announces a contract awarded without a call.
    var veatNotice: NoticeRecord? {
        notices.first { $0.noticeType == "veat" }
    }

    /// Procedure-type evidence: the code, `withheld` or `unknown`.
    var procedureTypeEvidence: EvidenceValue {
        EvidenceValue(procedureType) { .text($0) }
    }
}

extension Procedure {
    /// A tender's own price, when it can be used as one: known, not a placeholder (at most one
    /// currency unit), and not the notice's total value repeated in a notice of several lots
    /// (some publishers copy BT-161 into every tender; seen in a real TED notice, 516080-2024).
    public func price(of tender: Tender) -> Amount? {
        guard let amount = tender.amount.value, !amount.isPlaceholder else { return nil }
        if let total = noticeValue.value, total == amount, hasSeveralAwardedUnits {
            return nil
        }
        return amount
    }

    /// More than one lot or group with a result (asked for every price: no array built).
    private var hasSeveralAwardedUnits: Bool {
        var count = 0
        for lot in lots where lot.kind != .part && lot.result != nil {
            count += 1
            if count > 1 { return true }
        }
        return false
    }

    /// Why `price(of:)` is nil, for evidence.
    public func priceProblem(of tender: Tender) -> String? {
        switch tender.amount {
        case .withheld: return "withheld"
        case .unknown: return "not published"
        case .known(let amount):
            if amount.isPlaceholder { return "placeholder" }
            if price(of: tender) == nil { return "repeats the notice's total value" }
            return nil
        }
    }
}

extension NoticeRecord {
    /// Social and other specific services (`cn-social`, `can-social`, `pin-cfc-social`…): the
    /// light regime, with its own threshold and no EU minimum periods. (Foundation's
    /// substring search, used before, showed in profiles.)
    var isLightRegime: Bool {
        noticeType?.hasSuffix("social") == true
    }
}

extension Reported where Value == String {
    /// A short name of a missing fact, for `insufficient-data`.
    func missing(_ fact: String) -> String? {
        switch self {
        case .known: return nil
        case .withheld: return fact + " (withheld)"
        case .unknown: return fact
        }
    }
}

extension EvidenceValue {
    /// A rounded ratio (4 decimals) so evidence prints the same everywhere.
    static func ratio(_ value: Double) -> EvidenceValue {
        .number((value * 10_000).rounded() / 10_000)
    }
}
