/// An organisation (buyer, tenderer) as one notice describes it.
public struct Organization: Sendable, Hashable {
    /// OPT-200: `ORG-0001`, unique inside one notice only.
    public var localId: String { didSet { cachedKey.key = nil } }
    /// BT-500, in the notice language.
    public var name: String? { didSet { cachedKey.key = nil } }
    /// BT-501: national registration number as written.
    public var nationalId: String? { didSet { cachedKey.key = nil } }
    /// BT-514: ISO 3166-1 alpha-3 in eForms.
    public var country: String? { didSet { cachedKey.key = nil } }
    /// BT-513.
    public var town: String? { didSet { cachedKey.key = nil } }
    /// BT-507.
    public var nuts: String?
    /// BT-165: `micro`, `small`, `medium`, `large`.
    public var size: String?
    /// Natural person indicator (OPP-...).
    public var isNaturalPerson: Bool?
    /// The notice that describes the organisation: scopes ``localId``.
    public var noticeId: String? { didSet { cachedKey.key = nil } }
    /// The key once ``cacheKey()`` has computed it; any change to its inputs forgets it.
    private var cachedKey = KeyCache()

    public init(localId: String) {
        self.localId = localId
    }

    /// The key that identifies this organisation across notices; see ``OrganizationKey``.
    public var key: OrganizationKey {
        cachedKey.key ?? computedKey
    }

    /// Computes the key once and keeps it: screening asks for keys many times per
    /// procedure, and normalising names is not free. Readers call it in their workers.
    public mutating func cacheKey() {
        cachedKey.key = computedKey
    }

    /// The cached key, or `nil` when none is cached; never computes one. For the binary
    /// codec, which stores a cached key so a decoded organisation need not compute it again.
    var cachedKeyIfAny: OrganizationKey? {
        get { cachedKey.key }
        set { cachedKey.key = newValue }
    }

    private var computedKey: OrganizationKey {
        OrganizationKey(nationalId: nationalId, name: name, country: country, town: town,
                        localId: noticeId.map { $0 + "/" + localId } ?? localId)
    }
}

/// Holds a derived value without taking part in equality or hashing: two organisations
/// are equal whether or not their key has been cached.
private struct KeyCache: Sendable, Hashable {
    var key: OrganizationKey?

    static func == (lhs: KeyCache, rhs: KeyCache) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
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
