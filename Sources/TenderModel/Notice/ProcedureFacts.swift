/// Procedure-level facts as one notice states them.
public struct ProcedureFacts: Sendable, Hashable {
    /// BT-22: the buyer's internal reference.
    public var internalReference: String?
    /// BT-21, in the notice language.
    public var title: String?
    /// BT-105 (`open`, `restricted`, `neg-w-call`, `neg-wo-call`, `comp-dial`, `innovation`, `oth-single`…).
    public var procedureType: Reported<String> = .unknown
    /// BT-106.
    public var accelerated: Reported<Bool> = .unknown
    /// BT-1351.
    public var acceleratedJustification: String?
    /// BT-136: why no call for competition was published (`technical`, `urgency`…).
    public var directAwardJustification: Reported<String> = .unknown
    /// BT-135.
    public var directAwardText: Reported<String> = .unknown
    /// BT-23: `works`, `supplies` or `services`.
    public var nature: String?
    /// BT-262.
    public var mainCpv: String?
    /// BT-263.
    public var additionalCpvs: [String] = []
    /// BT-27 at procedure level.
    public var estimatedValue: Amount?
    /// BT-271 at procedure level.
    public var frameworkMaximum: Amount?
    /// BT-5071 / BT-5141: the first place of performance.
    public var performanceNuts: String?
    public var performanceCountry: String?

    public init() {}
}
