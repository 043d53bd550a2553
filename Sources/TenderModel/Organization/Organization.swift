/// An organisation (buyer, tenderer) as one notice describes it.
public struct Organization: Sendable, Hashable {
    /// OPT-200: `ORG-0001`, unique inside one notice only.
    public var localId: String
    /// BT-500, in the notice language.
    public var name: String?
    /// BT-501: national registration number as written.
    public var nationalId: String?
    /// BT-514: ISO 3166-1 alpha-3 in eForms.
    public var country: String?
    /// BT-513.
    public var town: String?
    /// BT-507.
    public var nuts: String?
    /// BT-165: `micro`, `small`, `medium`, `large`.
    public var size: String?
    /// Natural person indicator (OPP-...).
    public var isNaturalPerson: Bool?
    /// The notice that describes the organisation: scopes ``localId``.
    public var noticeId: String?

    public init(localId: String) {
        self.localId = localId
    }

    /// The key that identifies this organisation across notices; see ``OrganizationKey``.
    public var key: OrganizationKey {
        OrganizationKey(nationalId: nationalId, name: name, country: country, town: town,
                        localId: noticeId.map { $0 + "/" + localId } ?? localId)
    }
}

/// A buyer of a procedure.
public struct Buyer: Sendable, Hashable {
    public var organization: Organization
    /// BT-11: `cga`, `ra`, `la`, `body-pl`, `pub-undert`…
    public var legalType: String?
    /// BT-10 / BT-610: main activity (`gen-pub`, `health`, `water`…).
    public var activity: String?

    public init(organization: Organization, legalType: String? = nil, activity: String? = nil) {
        self.organization = organization
        self.legalType = legalType
        self.activity = activity
    }
}
