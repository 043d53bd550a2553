/// A change (corrigendum) notice's declaration of what it changes (eForms `efac:Changes`).
/// The notice itself repeats the full, corrected content.
public struct NoticeChange: Sendable, Hashable {
    /// BT-758: the changed notice, as `<notice id>-<version>` or an OJ S number.
    public var changedNotice: String?
    /// BT-140: why (`update-add`, `cor-buy`, `cancel`…).
    public var reasonCode: String?
    /// BT-762.
    public var reasonDescription: String?
    /// BT-141 descriptions, with the BT-13716 sections (lots, `PROCEDURE`…) each touches.
    public var items: [ChangeItem]

    public init(changedNotice: String? = nil, reasonCode: String? = nil,
                reasonDescription: String? = nil, items: [ChangeItem] = []) {
        self.changedNotice = changedNotice
        self.reasonCode = reasonCode
        self.reasonDescription = reasonDescription
        self.items = items
    }

    /// The notice ids BT-758 may name, most specific first: as written, then without a
    /// trailing `-<digits>` version. For looking up the changed notice among known ids.
    public var changedNoticeCandidates: [String] {
        guard let changed = changedNotice else { return [] }
        guard let dash = changed.lastIndex(of: "-"), changed.index(after: dash) < changed.endIndex,
              changed[changed.index(after: dash)...].allSatisfy(\.isASCIIDigit) else { return [changed] }
        return [changed, String(changed[..<dash])]
    }

}

public struct ChangeItem: Sendable, Hashable {
    public var description: String?
    public var sections: [String]

    public init(description: String? = nil, sections: [String] = []) {
        self.description = description
        self.sections = sections
    }
}

/// A contract modification notice's declaration (eForms `efac:ContractModification`).
public struct ContractModification: Sendable, Hashable {
    /// BT-1501(n): the notice the modified contract was published in.
    public var modifiedNotice: String?
    /// BT-1501(c): the modified contract's identifier in that notice.
    public var modifiedContract: String?
    /// BT-200: modification justification (`add-wss`, `unfore-cir`…).
    public var reasonCode: String?
    /// BT-201.
    public var reasonDescription: String?
    /// BT-202.
    public var description: String?

    public init(modifiedNotice: String? = nil, modifiedContract: String? = nil, reasonCode: String? = nil,
                reasonDescription: String? = nil, description: String? = nil) {
        self.modifiedNotice = modifiedNotice
        self.modifiedContract = modifiedContract
        self.reasonCode = reasonCode
        self.reasonDescription = reasonDescription
        self.description = description
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
