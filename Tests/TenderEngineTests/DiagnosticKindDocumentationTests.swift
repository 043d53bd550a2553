import Foundation
import Testing
import TenderModel

/// Scripts read `kind` from the reports' `errors` and `warnings`: every kind the code can give
/// is in docs/diagnostics.md and in both schemas' lists, and nothing else is.
@Suite("diagnostic kinds")
struct DiagnosticKindDocumentationTests {
    @Test func everyDiagnosticKindIsDocumented() throws {
        let kinds = Diagnostic.Kind.allCases.map(\.rawValue)
        let table = try String(contentsOf: TestPaths.repository.appendingPathComponent("docs/diagnostics.md"),
                               encoding: .utf8)
        let documented = table.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(documented.dropFirst() == kinds[...], "the table's rows, after its header")
        for schema in ["docs/screen-report.schema.json", "docs/rollup-report.schema.json"] {
            let data = try Data(contentsOf: TestPaths.repository.appendingPathComponent(schema))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let definitions = try #require(root["$defs"] as? [String: Any])
            let error = try #require(definitions["error"] as? [String: Any])
            let properties = try #require(error["properties"] as? [String: Any])
            let kind = try #require(properties["kind"] as? [String: Any])
            #expect(kind["enum"] as? [String] == kinds, "\(schema)")
        }
    }
}
