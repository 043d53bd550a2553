/// A fact a notice may give, withhold or leave out: *missing is not zero*.
///
/// `withheld` means the publisher declared the field confidential (eForms
/// `efac:FieldsPrivacy`); whatever dummy value sits beside the declaration is discarded.
public enum Reported<Value: Sendable & Hashable>: Sendable, Hashable {
    case known(Value)
    case withheld(Withholding)
    case unknown

    /// The value when it is known.
    public var value: Value? {
        if case .known(let value) = self { return value }
        return nil
    }

    public var isWithheld: Bool {
        if case .withheld = self { return true }
        return false
    }

    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    public func map<T>(_ transform: (Value) -> T) -> Reported<T> {
        switch self {
        case .known(let value): return .known(transform(value))
        case .withheld(let withholding): return .withheld(withholding)
        case .unknown: return .unknown
        }
    }

    /// `self` unless it is unknown, in which case `other`.
    public func or(_ other: Reported<Value>) -> Reported<Value> {
        isUnknown ? other : self
    }
}

extension Reported {
    /// Wraps an optional: `nil` becomes `.unknown`.
    public init(_ value: Value?) {
        self = value.map(Reported.known) ?? .unknown
    }
}

/// Why and until when a field is withheld (eForms BT-195/BT-196/BT-197/BT-198).
public struct Withholding: Sendable, Hashable {
    /// The non-publication identifier (`win-ten-val`, `rec-sub-cou`, `not-val`…).
    public var field: String
    /// The non-publication justification code (BT-197), e.g. `oth-int`.
    public var reasonCode: String?
    /// The date the withheld value may be published (BT-198).
    public var releaseDate: CalendarDate?

    public init(field: String, reasonCode: String? = nil, releaseDate: CalendarDate? = nil) {
        self.field = field
        self.reasonCode = reasonCode
        self.releaseDate = releaseDate
    }
}
