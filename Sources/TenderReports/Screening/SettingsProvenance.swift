import TenderScreening

/// Which settings a report was made with: the digest of the effective settings and the
/// file they were read from (nil: the built-in defaults, possibly with command-line options).
public struct SettingsProvenance: Sendable, Hashable {
    /// `sha256:` and 64 hexadecimal digits (``ScreeningSettings/digest``).
    public var digest: String
    public var file: String?

    public init(digest: String, file: String?) {
        self.digest = digest
        self.file = file
    }

    public init(_ settings: ScreeningSettings, file: String?) {
        self.init(digest: settings.digest, file: file)
    }

    /// The built-in defaults.
    public static var standard: SettingsProvenance {
        SettingsProvenance(.standard, file: nil)
    }

    /// `"settings": {"digest": "sha256:…", "file": "path or null"}`.
    func write(to json: inout JSONWriter) {
        json.key("settings")
        json.beginObject()
        json.field("digest", digest)
        json.field("file", file)
        json.endObject()
    }

    /// The digest cut to 16 hexadecimal digits, for the table (the JSON has it whole).
    var shortDigest: String {
        String(digest.prefix(7 + 16)) + "…"
    }

    /// `tenderscreen 0.1.0 · settings FILE · sha256:…` for a table footer: a long path loses
    /// its beginning (the file name stays), never the digest.
    func footerLine(generatorVersion: String, width: Int) -> String {
        let head = "tenderscreen \(generatorVersion) · settings ", tail = " · " + shortDigest
        let file = (self.file ?? "defaults").replacingNewlines()
        let room = max(8, width - head.count - tail.count)
        return ScreeningTable.fit(head + (file.count > room ? "…" + file.suffix(room - 1) : file) + tail, width)
    }
}
