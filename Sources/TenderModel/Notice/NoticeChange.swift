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

    /// The notice id part of ``changedNotice`` (eForms appends `-<version>` to the UUID).
    public var changedNoticeId: String? {
        guard let changed = changedNotice else { return nil }
        return NoticeChange.stripVersionSuffix(changed)
    }

    /// Whether this change corrects the notice `id` (in any version, or in `version`):
    /// eForms writes the changed notice as `<id>-<version>`, some publishers as `<id>`.
    public func changes(noticeId id: String, version: String? = nil) -> Bool {
        guard let changed = changedNotice else { return false }
        if changed == id { return true }
        guard changed.count > id.count + 1, changed.hasPrefix(id) else { return false }
        let suffix = changed.dropFirst(id.count)
        guard suffix.first == "-", suffix.dropFirst().allSatisfy(\.isASCIIDigit) else { return false }
        return version.map { suffix.dropFirst() == $0 } ?? true
    }

    /// `c4c415ee-…-57568cf69462-01` → `c4c415ee-…-57568cf69462`; other forms unchanged.
    public static func stripVersionSuffix(_ reference: String) -> String {
        let parts = reference.split(separator: "-", omittingEmptySubsequences: false)
        // A UUID has 5 dash-separated groups; a sixth, all digits, is the version.
        if parts.count == 6, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isASCIIDigit) {
            return parts.dropLast().joined(separator: "-")
        }
        return reference
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
