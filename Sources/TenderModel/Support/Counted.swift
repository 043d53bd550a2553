extension Int {
    /// The number with its noun, singular only for one: `1 day`, `0 days`, `12 days`
    /// (`plural` for nouns that do not just take an s).
    public func counted(_ singular: String, plural: String? = nil) -> String {
        "\(self) " + (self == 1 ? singular : plural ?? singular + "s")
    }
}
