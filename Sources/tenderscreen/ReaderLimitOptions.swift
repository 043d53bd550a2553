import ArgumentParser
import TenderXML

/// `--max-file-size`, `--max-depth`, `--max-text-size`: the reader's bounds against hostile
/// input (``ReaderLimits``), shared by `screen` and `extract`. A file over a bound is an
/// error of its own (`limitExceeded`, naming the flag); the rest of the batch is read.
struct ReaderLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-file-size"), help: ArgumentHelp(
        "Refuse files larger than this (bytes, or with kB, MB, GB, KiB, MiB, GiB; default 100MB).",
        valueName: "size"))
    var maximumFileSize: ByteSize?

    @Option(name: .customLong("max-depth"), help: ArgumentHelp(
        "Refuse files whose elements nest deeper than this (\(ReaderLimits.depthRange.lowerBound) to "
            + "\(ReaderLimits.depthRange.upperBound); default \(ReaderLimits.defaultDepth)).", valueName: "levels"))
    var maximumDepth: Int?

    @Option(name: .customLong("max-text-size"), help: ArgumentHelp(
        "Refuse files with a text node or attribute value longer than this (default 10MB).", valueName: "size"))
    var maximumTextSize: ByteSize?

    func validate() throws {
        if let maximumDepth, !ReaderLimits.depthRange.contains(maximumDepth) {
            throw ValidationError("--max-depth must be between \(ReaderLimits.depthRange.lowerBound) and "
                + "\(ReaderLimits.depthRange.upperBound)")
        }
    }

    var limits: ReaderLimits {
        ReaderLimits(maximumFileBytes: maximumFileSize?.bytes ?? ReaderLimits.defaultFileBytes,
                     maximumTextBytes: maximumTextSize?.bytes ?? ReaderLimits.defaultTextBytes,
                     maximumDepth: maximumDepth ?? ReaderLimits.defaultDepth)
    }
}

/// A size on the command line: `1048576`, `500kB`, `100MB`, `2GiB` (decimal and binary units).
struct ByteSize: ExpressibleByArgument {
    var bytes: Int

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: " ")
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingCharacters(in: " ").lowercased()
        let scales: [String: Int] = ["": 1, "b": 1, "k": 1_000, "kb": 1_000, "m": 1_000_000, "mb": 1_000_000,
                                     "g": 1_000_000_000, "gb": 1_000_000_000, "kib": 1 << 10, "mib": 1 << 20,
                                     "gib": 1 << 30]
        guard let count = Int(digits), count > 0, let scale = scales[unit] else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        self.bytes = bytes
    }
}

private extension StringProtocol {
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
