import TenderScreening

/// Renders indicator metadata for people: `tenderscreen explain` and docs/indicators.md.
public enum IndicatorDocumentation {
    /// The plain-text explanation printed by `tenderscreen explain <id>`.
    public static func text(_ metadata: IndicatorMetadata, settings: ScreeningSettings = .standard) -> String {
        var lines: [String] = []
        lines.append("\(metadata.id) — \(metadata.name) (\(metadata.phase.rawValue) phase)")
        lines.append("")
        section("What it detects", metadata.detects, into: &lines)
        section("Why it is a red flag", metadata.rationale, into: &lines)
        section("Method", metadata.method, into: &lines)
        lines.append("Evidence")
        for field in metadata.evidence { lines += wrap("\(field.key): \(field.meaning)", indent: "    ", first: "  ") }
        lines.append("")
        lines.append("Settings (current value, default)")
        for setting in metadata.settings {
            let current = settings.value(setting.key, of: metadata)
            let note = current == setting.defaultValue ? "" : " (default \(setting.defaultValue))"
            lines += wrap("\(setting.key) = \(current)\(note): \(setting.meaning)", indent: "    ", first: "  ")
        }
        lines.append("")
        lines.append("Not judged")
        for exclusion in metadata.exclusions { lines += wrap("- " + exclusion, indent: "    ", first: "  ") }
        lines.append("")
        lines.append("References")
        for reference in metadata.references { lines += wrap("\(reference.code): \(reference.source)", indent: "    ", first: "  ") }
        lines.append("")
        section("Worked example", metadata.example, into: &lines)
        return lines.joined(separator: "\n")
    }

    /// One line per indicator: `tenderscreen indicators`.
    public static func list(_ catalogue: [IndicatorMetadata], settings: ScreeningSettings = .standard) -> String {
        let idWidth = catalogue.map(\.id.count).max() ?? 10
        var lines = [pad("ID", idWidth) + "  PHASE     WEIGHT  NAME"]
        for metadata in catalogue {
            let enabled = settings.disabled.contains(metadata.id) ? " (off)" : ""
            let weight = String(settings.weight(of: metadata))
            lines.append(pad(metadata.id, idWidth) + "  " + pad(metadata.phase.rawValue, 8) + "  "
                         + pad(weight, 6) + "  " + metadata.name + enabled)
        }
        lines.append("")
        lines.append("`tenderscreen explain <id>` prints an indicator's method, rationale, evidence, settings and references.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// docs/indicators.md, generated from the metadata (a test keeps the file in step).
    public static func markdown(_ catalogue: [IndicatorMetadata]) -> String {
        var out = "# Indicators\n\n"
        out += "Generated from the indicators' metadata (`swift run tenderscreen explain --all --markdown`); "
        out += "do not edit by hand.\n\n"
        out += "Every evaluation returns `flagged`, `clear`, `insufficient-data` (with the missing facts) or "
        out += "`not-applicable` (with the reason), per lot where the fact is per lot, with its evidence and the "
        out += "threshold applied and its source. Scoring is described in [scoring.md](scoring.md).\n\n"
        out += "| id | name | phase | weight |\n|---|---|---|---:|\n"
        for metadata in catalogue {
            out += "| [`\(metadata.id)`](#\(metadata.id)) | \(metadata.name) | \(metadata.phase.rawValue) | "
                + "\(ScreeningSettings.standard.weight(of: metadata)) |\n"
        }
        for metadata in catalogue {
            out += "\n## \(metadata.id)\n\n**\(metadata.name)** — \(metadata.phase.rawValue) phase.\n\n"
            out += "**Detects.** \(metadata.detects)\n\n"
            out += "**Why it is a red flag.** \(metadata.rationale)\n\n"
            out += "**Method.** \(metadata.method)\n\n"
            out += "**Evidence.**\n\n"
            for field in metadata.evidence { out += "- `\(field.key)`: \(field.meaning)\n" }
            out += "\n**Settings.**\n\n| key | default | meaning |\n|---|---|---|\n"
            for setting in metadata.settings {
                out += "| `\(setting.key)` | `\(setting.defaultValue)` | \(setting.meaning) |\n"
            }
            out += "\n**Not judged.**\n\n"
            for exclusion in metadata.exclusions { out += "- \(exclusion)\n" }
            out += "\n**References.**\n\n"
            for reference in metadata.references { out += "- \(reference.code): \(reference.source)\n" }
            out += "\n**Worked example.** \(metadata.example)\n"
        }
        return out
    }

    private static func section(_ title: String, _ text: String, into lines: inout [String]) {
        lines.append(title)
        lines += wrap(text, indent: "  ", first: "  ")
        lines.append("")
    }

    /// Word-wraps at 100 columns.
    static func wrap(_ text: String, indent: String, first: String) -> [String] {
        var lines: [String] = []
        var line = first
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > 100, line.trimmingCharacters(in: " ") != "" {
                lines.append(line)
                line = indent
            }
            line += (line.hasSuffix(" ") || line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
