/// Bounds that keep hostile input from exhausting memory or time. Each has a command-line
/// flag (`--max-file-size`, `--max-depth`, `--max-text-size`); a file over one is refused with
/// a `limitExceeded` diagnostic naming the flag, and the rest of the batch goes on.
public struct ReaderLimits: Sendable, Hashable {
    /// The largest file read, in bytes: checked before reading and again while reading (a
    /// file may grow). Real eForms notices stay under a few megabytes.
    public var maximumFileBytes: Int
    /// The longest text node or attribute value, in bytes. Text the reader keeps (names,
    /// titles, codes) is buffered up to this size; other text streams through unbuffered.
    /// libxml2 stops at 10,000,000 without `XML_PARSE_HUGE`, which is never set.
    public var maximumTextBytes: Int
    /// The deepest element nesting accepted. libxml2's push parser does not enforce its
    /// own limit of 256, so the reader does; real notices stay under 30.
    public var maximumDepth: Int
    /// The most attributes (namespace declarations included) on one element. libxml2 2.9
    /// checks them for duplicates in quadratic time; notices use a dozen at most.
    public var maximumAttributes: Int
    /// The size of each chunk fed to the push parser.
    public var chunkBytes: Int

    public static let defaultFileBytes = 100_000_000
    public static let defaultTextBytes = 10_000_000
    public static let defaultDepth = 256
    /// The nesting limits accepted: `maximumDepth` is clamped to it, `--max-depth` checked against it.
    public static let depthRange = 8...4096

    /// Values are clamped to workable ranges (a chunk of 0 bytes would never end).
    public init(maximumFileBytes: Int = ReaderLimits.defaultFileBytes,
                maximumTextBytes: Int = ReaderLimits.defaultTextBytes,
                maximumDepth: Int = ReaderLimits.defaultDepth, maximumAttributes: Int = 256,
                chunkBytes: Int = 256 << 10) {
        self.maximumFileBytes = max(1, maximumFileBytes)
        self.maximumTextBytes = max(1, maximumTextBytes)
        self.maximumDepth = min(max(Self.depthRange.lowerBound, maximumDepth), Self.depthRange.upperBound)
        self.maximumAttributes = max(16, maximumAttributes)
        self.chunkBytes = min(max(4096, chunkBytes), 64 << 20)
    }

    public static let standard = ReaderLimits()
}
