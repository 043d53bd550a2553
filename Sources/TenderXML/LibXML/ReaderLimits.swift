/// Bounds that keep hostile input from exhausting memory or time.
public struct ReaderLimits: Sendable, Hashable {
    /// The most bytes kept for one captured text field (names, titles, codes).
    /// libxml2's SAX2 interface delivers text nodes of any size; we never buffer more.
    public var maximumFieldBytes: Int
    /// The deepest element nesting accepted. libxml2's push parser does not enforce its
    /// own limit of 256, so the reader does; real notices stay under 30.
    public var maximumDepth: Int
    /// The size of each chunk fed to the push parser.
    public var chunkBytes: Int

    public init(maximumFieldBytes: Int = 1 << 20, maximumDepth: Int = 256, chunkBytes: Int = 256 << 10) {
        self.maximumFieldBytes = maximumFieldBytes
        self.maximumDepth = maximumDepth
        self.chunkBytes = chunkBytes
    }

    public static let standard = ReaderLimits()
}
