import Foundation
import TenderEngine
import TenderModel
import TenderReports

/// Paths of the repository and of the external corpus (`../shared/corpus`, optional).
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Fixtures")
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var corpusExists: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("eforms").path)
    }

    static func fixture(_ relative: String) -> String {
        fixtures.appendingPathComponent(relative).path
    }
}

/// A decoded JSON value, for comparing extract output with expectations.
indirect enum JSONValue: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var array: [JSONValue] {
        if case .array(let value) = self { return value }
        return []
    }

    /// Follows `/a/b/LOT-0001/c`: object keys, array elements by `"id"`, else by index.
    func at(path: String) -> JSONValue? {
        var current: JSONValue? = self
        for segment in path.split(separator: "/").map(String.init) {
            switch current {
            case .object(let object)?:
                current = object[segment]
            case .array(let elements)?:
                if let match = elements.first(where: { $0["id"]?.string == segment }) {
                    current = match
                } else if let index = Int(segment), elements.indices.contains(index) {
                    current = elements[index]
                } else {
                    return nil
                }
            default:
                return nil
            }
        }
        return current
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let value): return "\"\(value)\""
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.keys.sorted().map { "\"\($0)\": \(object[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}

extension ExtractJob.Output {
    /// The JSON Lines the `extract` command prints.
    var jsonLines: [UInt8] {
        var json = JSONWriter()
        for procedure in procedures {
            ProcedureJSON.write(procedure, to: &json)
            json.raw("\n")
        }
        return json.bytes
    }

    /// Each procedure's JSON object, by id.
    func jsonById() throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for procedure in procedures {
            var json = JSONWriter()
            ProcedureJSON.write(procedure, to: &json)
            result[procedure.id] = try JSONValue.parse(json.bytes)
        }
        return result
    }
}
