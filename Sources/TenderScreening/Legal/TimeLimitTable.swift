/// The stage of a procedure a time limit governs.
public enum DeadlineStage: String, Sendable, Hashable {
    /// Receipt of tenders (BT-131), counted from the contract notice in single-stage procedures.
    case tenders
    /// Receipt of requests to participate (BT-1311), in two-stage procedures.
    case requests
}

/// The case a minimum applies in. Reductions are alternatives, not cumulative: the minimum
/// that applies is the lowest among the cases whose conditions hold.
public enum TimeLimitCase: String, Sendable, Hashable, CaseIterable {
    case standard
    /// Tenders may be submitted electronically (BT-17 `required`/`allowed`).
    case electronicSubmission = "electronic-submission"
    /// A prior information notice was published (BT-125 refers to it).
    case priorInformationNotice = "prior-information-notice"
    /// Duly substantiated urgency (BT-106 `true`).
    case urgency
}

/// One legal minimum time limit, with its citation.
public struct TimeLimitRule: Sendable, Hashable {
    public var jurisdiction: String
    /// BT-01 legal basis code (`32014L0024`…), or a jurisdiction's own code.
    public var legalBasis: String
    /// BT-105 codes the rule covers; empty: any procedure type.
    public var procedureTypes: [String]
    public var stage: DeadlineStage
    public var condition: TimeLimitCase
    /// Minimum calendar days from the dispatch of the notice (BT-05) to the deadline.
    public var days: Int
    public var citation: String

    public init(jurisdiction: String = "EU", legalBasis: String, procedureTypes: [String], stage: DeadlineStage,
                condition: TimeLimitCase, days: Int, citation: String) {
        self.jurisdiction = jurisdiction
        self.legalBasis = legalBasis
        self.procedureTypes = procedureTypes
        self.stage = stage
        self.condition = condition
        self.days = days
        self.citation = citation
    }

    func covers(legalBasis: String, procedureType: String?, stage: DeadlineStage) -> Bool {
        guard self.legalBasis == legalBasis, self.stage == stage else { return false }
        guard !procedureTypes.isEmpty else { return true }
        return procedureType.map(procedureTypes.contains) ?? false
    }
}

/// Legal minimum time limits. Rows added later replace earlier rows for the same legal
/// basis, procedure type, stage and case, so a jurisdiction can override the EU table or add
/// its own legal bases (docs/legal/eu-time-limits.md gives the sources).
public struct TimeLimitTable: Sendable, Hashable {
    public private(set) var rules: [TimeLimitRule]

    public init(rules: [TimeLimitRule]) {
        self.rules = rules
    }

    public mutating func add(_ rule: TimeLimitRule) {
        rules.removeAll {
            $0.legalBasis == rule.legalBasis && $0.stage == rule.stage && $0.condition == rule.condition
                && Set($0.procedureTypes) == Set(rule.procedureTypes)
        }
        rules.append(rule)
    }

    /// The lowest minimum among the rules for this situation whose case is in `cases`
    /// (the standard case always holds).
    public func minimum(legalBasis: String, procedureType: String?, stage: DeadlineStage,
                        cases: Set<TimeLimitCase>) -> TimeLimitRule? {
        rules.filter {
            $0.covers(legalBasis: legalBasis, procedureType: procedureType, stage: stage)
                && ($0.condition == .standard || cases.contains($0.condition))
        }.min { $0.days < $1.days || ($0.days == $1.days && $0.citation < $1.citation) }
    }

    /// Whether any rule covers this legal basis at all.
    public func knows(legalBasis: String) -> Bool {
        rules.contains { $0.legalBasis == legalBasis }
    }

    public static let eu = TimeLimitTable(rules: euRules)

    private static let classic = "Directive 2014/24/EU"
    private static let utilities = "Directive 2014/25/EU"
    private static let twoStage = ["restricted", "neg-w-call"]

    private static let euRules: [TimeLimitRule] = [
        // Directive 2014/24/EU (public sector)
        .init(legalBasis: "32014L0024", procedureTypes: ["open"], stage: .tenders, condition: .standard, days: 35,
              citation: "\(classic) art. 27(1)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["open"], stage: .tenders, condition: .electronicSubmission,
              days: 30, citation: "\(classic) art. 27(4)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["open"], stage: .tenders, condition: .priorInformationNotice,
              days: 15, citation: "\(classic) art. 27(2)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["open"], stage: .tenders, condition: .urgency, days: 15,
              citation: "\(classic) art. 27(3)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["restricted"], stage: .requests, condition: .standard,
              days: 30, citation: "\(classic) art. 28(1)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["restricted"], stage: .requests, condition: .urgency,
              days: 15, citation: "\(classic) art. 28(6)(a)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["neg-w-call"], stage: .requests, condition: .standard,
              days: 30, citation: "\(classic) art. 29(1)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["neg-w-call"], stage: .requests, condition: .urgency,
              days: 15, citation: "\(classic) art. 29(1) with art. 28(6)(a)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["comp-dial"], stage: .requests, condition: .standard,
              days: 30, citation: "\(classic) art. 30(1)"),
        .init(legalBasis: "32014L0024", procedureTypes: ["innovation"], stage: .requests, condition: .standard,
              days: 30, citation: "\(classic) art. 31(1)"),
        // Directive 2014/25/EU (utilities); 45(3)-(4) and 49 are marked unverified in the sources.
        .init(legalBasis: "32014L0025", procedureTypes: ["open"], stage: .tenders, condition: .standard, days: 35,
              citation: "\(utilities) art. 45(1)"),
        .init(legalBasis: "32014L0025", procedureTypes: ["open"], stage: .tenders, condition: .electronicSubmission,
              days: 30, citation: "\(utilities) art. 45(4) (unverified)"),
        .init(legalBasis: "32014L0025", procedureTypes: ["open"], stage: .tenders, condition: .priorInformationNotice,
              days: 15, citation: "\(utilities) art. 45(2)"),
        .init(legalBasis: "32014L0025", procedureTypes: ["open"], stage: .tenders, condition: .urgency, days: 15,
              citation: "\(utilities) art. 45(3) (unverified)"),
        .init(legalBasis: "32014L0025", procedureTypes: ["restricted"], stage: .requests, condition: .standard,
              days: 15, citation: "\(utilities) art. 46(1): 30 days as a general rule, in no case less than 15"),
        .init(legalBasis: "32014L0025", procedureTypes: ["neg-w-call"], stage: .requests, condition: .standard,
              days: 15, citation: "\(utilities) art. 47(1): 30 days as a general rule, in no case less than 15"),
        .init(legalBasis: "32014L0025", procedureTypes: ["comp-dial"], stage: .requests, condition: .standard,
              days: 15, citation: "\(utilities) art. 48(1): 30 days as a general rule, in no case less than 15"),
        .init(legalBasis: "32014L0025", procedureTypes: ["innovation"], stage: .requests, condition: .standard,
              days: 15, citation: "\(utilities) art. 49(1) (unverified)"),
        // Directive 2014/23/EU (concessions): BT-105 is often absent, so any procedure type.
        .init(legalBasis: "32014L0023", procedureTypes: [], stage: .requests, condition: .standard, days: 30,
              citation: "Directive 2014/23/EU art. 39(3)"),
        .init(legalBasis: "32014L0023", procedureTypes: [], stage: .tenders, condition: .standard, days: 30,
              citation: "Directive 2014/23/EU art. 39(3)"),
        .init(legalBasis: "32014L0023", procedureTypes: [], stage: .tenders, condition: .electronicSubmission,
              days: 25, citation: "Directive 2014/23/EU art. 39(3) and (5)"),
        // Directive 2009/81/EC (defence): 37 days, 7 fewer for a notice sent electronically (every eForms
        // notice is); paragraph numbers unverified in the sources.
        .init(legalBasis: "32009L0081", procedureTypes: twoStage + ["comp-dial"], stage: .requests,
              condition: .standard, days: 30,
              citation: "Directive 2009/81/EC art. 33: 37 days, 30 for notices sent electronically (unverified)"),
        .init(legalBasis: "32009L0081", procedureTypes: twoStage, stage: .requests, condition: .urgency, days: 10,
              citation: "Directive 2009/81/EC art. 33: urgency 15 days, 10 for notices sent electronically (unverified)"),
    ]
}
