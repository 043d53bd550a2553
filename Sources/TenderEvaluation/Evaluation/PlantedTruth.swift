/// What a generated corpus holds, as evaluation needs it: from the truth file of
/// `tenderscreen generate --truth`.
public struct PlantedTruth: Sendable, Hashable {
    /// Procedures in the corpus (the truth's `procedures`).
    public var procedures: Int
    /// The seed as written, to show.
    public var seed: String?
    /// Scheme names, in the order of the truth's `schemes` counts (which list every kind, zeros
    /// included), then any other scheme named in `planted`, sorted.
    public var schemes: [String]
    /// Planted procedure id → its schemes (usually one; never none).
    public var planted: [String: [String]]
    /// Camouflaged procedure ids (legitimate look-alikes), none of them planted.
    public var camouflaged: Set<String>

    public init(procedures: Int, seed: String? = nil, schemes: [String] = [], planted: [String: [String]],
                camouflaged: Set<String>) {
        self.procedures = procedures
        self.seed = seed
        let planted = planted.filter { !$0.value.isEmpty }
        let named = Set(planted.values.joined())
        self.schemes = schemes + named.subtracting(schemes).sorted()
        self.planted = planted
        // A procedure both planted and camouflaged is planted: it must be found.
        self.camouflaged = camouflaged.filter { planted[$0] == nil }
    }

    /// Procedures carrying `scheme`.
    public func count(of scheme: String) -> Int {
        planted.values.count { $0.contains(scheme) }
    }

    /// Procedures of the corpus neither planted nor camouflaged.
    public var background: Int {
        max(0, procedures - planted.count - camouflaged.count)
    }
}
