import TenderModel
import TenderScreening

extension JSONWriter {
    /// A finding as in the `screen` JSON contract.
    public mutating func finding(_ finding: Finding) {
        beginObject()
        field("indicator", finding.indicator)
        field("status", finding.status.code)
        field("lot", finding.lot)
        key("contribution")
        number(finding.contribution)
        field("message", finding.message)
        switch finding.status {
        case .insufficientData(let missing): field("missing", strings: missing)
        case .notApplicable(let reason): field("reason", reason)
        default: break
        }
        key("evidence")
        evidence(finding.evidence)
        key("threshold")
        if let threshold = finding.threshold { self.threshold(threshold) } else { null() }
        if finding.isFlagged, finding.severity != 1 {
            key("severity")
            number(finding.severity)
        }
        endObject()
    }

    public mutating func evidence(_ evidence: Evidence) {
        beginObject()
        for (name, value) in evidence {
            key(name)
            evidenceValue(value)
        }
        endObject()
    }

    public mutating func evidenceValue(_ value: EvidenceValue) {
        switch value {
        case .text(let text): string(text)
        case .integer(let integer): self.integer(integer)
        case .number(let number): self.number(number)
        case .bool(let flag): bool(flag)
        case .date(let date): string(date.description)
        case .amount(let amount): self.amount(amount)
        case .list(let values):
            beginArray()
            for value in values { evidenceValue(value) }
            endArray()
        case .withheld:
            beginObject()
            field("withheld", true)
            endObject()
        case .unknown: null()
        }
    }

    public mutating func threshold(_ threshold: Threshold) {
        beginObject()
        key("value")
        evidenceValue(threshold.value)
        field("comparison", threshold.comparison)
        key("source")
        beginObject()
        switch threshold.source {
        case .law(let table, let citation):
            field("kind", "law")
            field("table", table)
            field("citation", citation)
        case .setting(let key):
            field("kind", "setting")
            field("key", key)
        case .fence(let fence):
            field("kind", "fence")
            field("side", fence.side.rawValue)
            field("n", fence.count)
            key("q1")
            number(EvidenceRounding.ratio(fence.q1))
            key("q3")
            number(EvidenceRounding.ratio(fence.q3))
            key("iqr")
            number(EvidenceRounding.ratio(fence.iqr))
        }
        endObject()
        endObject()
    }
}

/// Rounding shared by every rendering of ratios and statistics.
public enum EvidenceRounding {
    public static func ratio(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
