/// The stage of a procedure a notice documents; decides which notice is authoritative
/// for which facts when a procedure is assembled.
public enum NoticePhase: String, Sendable, Hashable, CaseIterable {
    /// Prior information and pre-market notices: no call, no result.
    case planning
    /// The call for competition: deadlines, estimates, lots.
    case competition
    /// Award results, including voluntary ex-ante transparency (VEAT) notices.
    case result
    /// Modification of a concluded contract.
    case modification
    /// Contract completion.
    case completion
    /// A change notice whose phase is that of the notice it changes (BT-03 `change`).
    case change
    /// Neither the form type nor the notice type is one we know.
    case unknown

    /// Classifies by BT-03 form type first (the most stable code across SDK versions),
    /// then by BT-02 notice type; never by the root element, which misleads.
    public init(formType: String?, noticeType: String?) {
        switch formType {
        case "planning": self = .planning
        case "competition": self = .competition
        case "result", "dir-awa-pre": self = .result
        case "cont-modif": self = .modification
        case "completion": self = .completion
        case "change": self = .change
        default: self = NoticePhase(noticeType: noticeType)
        }
    }

    private init(noticeType: String?) {
        guard let type = noticeType else {
            self = .unknown
            return
        }
        switch type {
        case "pin-only", "pin-buyer", "pin-rtl", "pin-tran", "pmc":
            self = .planning
        case "pin-cfc-standard", "pin-cfc-social", "qu-sy", "cn-standard", "cn-social", "cn-desg", "subco":
            self = .competition
        case "veat", "can-standard", "can-social", "can-desg", "can-tran":
            self = .result
        case "can-modif":
            self = .modification
        case "compl":
            self = .completion
        case "corr":
            self = .change
        default:
            self = .unknown
        }
    }
}
