/// Everything said about an indicator, defined once in code: `tenderscreen indicators`,
/// `tenderscreen explain`, the reports and docs/indicators.md all read it from here.
public struct IndicatorMetadata: Sendable, Hashable {
    /// Kebab-case id used in reports and settings (`single-bid`).
    public var id: String
    /// Short title (`Single bid`).
    public var name: String
    public var phase: Phase
    /// What the indicator detects, one or two sentences.
    public var detects: String
    /// Why it is a red flag.
    public var rationale: String
    /// How it is computed, step by step.
    public var method: String
    /// The evidence keys a finding carries, with their meaning.
    public var evidence: [Field]
    /// Settings with their defaults.
    public var settings: [Setting]
    /// What the indicator deliberately does not judge.
    public var exclusions: [String]
    /// Where the indicator comes from.
    public var references: [Reference]
    /// A worked example (the test suite evaluates it).
    public var example: String

    public init(id: String, name: String, phase: Phase, detects: String, rationale: String, method: String,
                evidence: [Field], settings: [Setting], exclusions: [String], references: [Reference],
                example: String) {
        self.id = id
        self.name = name
        self.phase = phase
        self.detects = detects
        self.rationale = rationale
        self.method = method
        self.evidence = evidence
        self.settings = settings
        self.exclusions = exclusions
        self.references = references
        self.example = example
    }

    /// The stage of procurement where the red flag arises.
    public enum Phase: String, Sendable, Hashable, CaseIterable {
        case planning
        case tender
        case award
        case contract
    }

    public struct Field: Sendable, Hashable {
        public var key: String
        public var meaning: String

        public init(_ key: String, _ meaning: String) {
            self.key = key
            self.meaning = meaning
        }
    }

    public struct Setting: Sendable, Hashable {
        public var key: String
        public var defaultValue: SettingValue
        public var meaning: String
        /// The values a settings file may give a numeric setting; nil: inferred (see
        /// ``allowedRange``).
        public var range: ClosedRange<Double>?

        public init(_ key: String, default defaultValue: SettingValue, _ meaning: String,
                    range: ClosedRange<Double>? = nil) {
            self.key = key
            self.defaultValue = defaultValue
            self.meaning = meaning
            self.range = range
        }
    }

    public struct Reference: Sendable, Hashable {
        /// `OCP R018`, `Cardinal R018`, `CRI singleb`, `ProZorro RISK-2-15`…
        public var code: String
        public var source: String

        public init(_ code: String, _ source: String) {
            self.code = code
            self.source = source
        }
    }
}
