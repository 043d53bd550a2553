/// What is wrong with a settings file, and where: `settings.toml:12: indicators.single-bid.weight: …`.
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole.
    public var line: Int
    /// The dotted key path (`indicators.single-bid.weight`, `thresholds[3].citation`), when known.
    public var key: String?
    public var message: String

    public init(file: String, line: Int, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        (line > 0 ? "\(file):\(line): " : "\(file): ") + (key.map { $0 + ": " } ?? "") + message
    }
}
