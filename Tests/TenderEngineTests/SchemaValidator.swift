import Foundation

/// The subset of JSON Schema (2020-12) our report schema uses: type, enum, required,
/// properties, items, oneOf and local $ref. Returns the violations found, with their paths.
struct SchemaValidator {
    let root: JSONValue

    init(schemaFile: URL) throws {
        root = try JSONValue.parse(Array(Data(contentsOf: schemaFile)))
    }

    func validate(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "$", into: &problems)
        return problems
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into problems: inout [String]) {
        if let reference = schema["$ref"]?.string {
            guard let target = resolve(reference) else {
                problems.append("\(path): unresolved \(reference)")
                return
            }
            check(value, against: target, at: path, into: &problems)
            return
        }
        if case .array(let options)? = schema["oneOf"] {
            let matching = options.filter { option in
                var local: [String] = []
                check(value, against: option, at: path, into: &local)
                return local.isEmpty
            }
            if matching.count != 1 { problems.append("\(path): matches \(matching.count) of the oneOf schemas") }
        }
        if let types = schema["type"] {
            let allowed = types.string.map { [$0] } ?? types.array.compactMap(\.string)
            if !allowed.contains(where: { Self.type(value, is: $0) }) {
                problems.append("\(path): \(value) is not of type \(allowed)")
                return
            }
        }
        if case .array(let values)? = schema["enum"], !values.contains(value) {
            problems.append("\(path): \(value) not in \(values)")
        }
        if case .object(let object) = value {
            for key in schema["required"]?.array.compactMap(\.string) ?? [] where object[key] == nil {
                problems.append("\(path): missing required key \(key)")
            }
            if case .object(let properties)? = schema["properties"] {
                for (key, subschema) in properties {
                    if let member = object[key] { check(member, against: subschema, at: path + "." + key, into: &problems) }
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                check(element, against: items, at: "\(path)[\(index)]", into: &problems)
            }
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") { current = current?[String(part)] }
        return current
    }

    private static func type(_ value: JSONValue, is name: String) -> Bool {
        switch (value, name) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"),
             (.number, "number"):
            return true
        case (.number(let number), "integer"):
            return number == number.rounded()
        default:
            return false
        }
    }
}
