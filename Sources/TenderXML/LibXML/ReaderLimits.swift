/// Bounds that keep hostile input from exhausting memory or time.
public struct ReaderLimits: Sendable, Hashable {
    /// The most bytes kept for one captured text field (names, titles, codes).
    /// libxml2's SAX2 interface delivers text nodes of any size; we never buffer more.
    public var maximumFieldBytes: Int
    /// The deepest element nesting accepted. libxml2's push parser does not enforce its
    /// own limit of 256, so the reader does; real notices stay under 30.
    public var maximumDepth: Int
    /// The most attributes (namespace declarations included) on one element. libxml2 2.9
    /// checks them for duplicates in quadratic time; notices use a dozen at most.
    public var maximumAttributes: Int
    /// The size of each chunk fed to the push parser.
    public var chunkBytes: Int

    /// Values are clamped to workable ranges (a chunk of 0 bytes would never end).
    public init(maximumFieldBytes: Int = 1 << 20, maximumDepth: Int = 256, maximumAttributes: Int = 256,
                chunkBytes: Int = 256 << 10) {
        self.maximumFieldBytes = max(1, maximumFieldBytes)
        self.maximumDepth = min(max(8, maximumDepth), 4096)
        self.maximumAttributes = max(16, maximumAttributes)
        self.chunkBytes = min(max(4096, chunkBytes), 64 << 20)
    }

    public static let standard = ReaderLimits()
}
