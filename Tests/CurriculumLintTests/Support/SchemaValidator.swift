import Foundation
@testable import CurriculumDSL

/// A small JSON Schema (draft-07) validator for the keywords `CurriculumSchema` uses, over YAML read the way
/// the YAML language server reads it (YAML 1.2 core schema: `2024` is an integer, `00015` too, `true` a boolean,
/// `2024-07-01` a string). Enough to show that editors accept valid curricula and flag what the loader flags.
struct SchemaValidator {
    indirect enum Value: Equatable {
        case null, bool(Bool), int(Int), string(String), array([Value]), object([(String, Value)])

        static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): true
            case let (.bool(a), .bool(b)): a == b
            case let (.int(a), .int(b)): a == b
            case let (.string(a), .string(b)): a == b
            case let (.array(a), .array(b)): a == b
            case let (.object(a), .object(b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
            default: false
            }
        }
    }

    let root: [String: Any]

    init(schemaJSON: String) throws {
        root = try JSONSerialization.jsonObject(with: Data(schemaJSON.utf8)) as? [String: Any] ?? [:]
    }

    /// The YAML 1.2 core reading of a node.
    static func value(_ node: YAMLNode) -> Value {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.text) }
            if scalar.isNull { return .null }
            if scalar.text == "true" || scalar.text == "false" { return .bool(scalar.text == "true") }
            let digits = scalar.text.drop { $0 == "-" || $0 == "+" }
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let number = Int(scalar.text) { return .int(number) }
            return .string(scalar.text)
        case .sequence(let items, _, _): return .array(items.map(value))
        case .mapping(let entries, _, _): return .object(entries.map { ($0.key.text, value($0.value)) })
        }
    }

    /// Problems found, as "path: what" lines (empty when valid).
    func validate(_ value: Value) -> [String] {
        check(value, against: root, path: "$")
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/definitions/"),
              let definitions = root["definitions"] as? [String: Any],
              let target = definitions[String(ref.dropFirst("#/definitions/".count))] as? [String: Any]
        else { return schema }
        return resolve(target)
    }

    private func check(_ value: Value, against raw: [String: Any], path: String) -> [String] {
        let schema = resolve(raw)
        var problems: [String] = []
        if let type = schema["type"] as? String, !Self.has(value, type: type) { return ["\(path): not \(type)"] }
        if let allowed = schema["enum"] as? [String] {
            guard case .string(let text) = value, allowed.contains(text) else { return ["\(path): not one of \(allowed)"] }
        }
        if let constant = schema["const"] as? String, value != .string(constant) { problems.append("\(path): not \(constant)") }
        if let pattern = schema["pattern"] as? String, case .string(let text) = value,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let minimum = schema["minimum"] as? Int, case .int(let number) = value, number < minimum { problems.append("\(path): below \(minimum)") }
        if let all = schema["allOf"] as? [[String: Any]] {
            for sub in all { problems += check(value, against: sub, path: path) }
        }
        if let any = schema["anyOf"] as? [[String: Any]], !any.contains(where: { check(value, against: $0, path: path).isEmpty }) {
            problems.append("\(path): matches none of anyOf")
        }
        if let one = schema["oneOf"] as? [[String: Any]], one.count(where: { check(value, against: $0, path: path).isEmpty }) != 1 {
            problems.append("\(path): does not match exactly one of oneOf")
        }
        if case .array(let items) = value, let itemSchema = schema["items"] as? [String: Any] {
            for (index, item) in items.enumerated() { problems += check(item, against: itemSchema, path: "\(path)[\(index)]") }
        }
        if case .object(let members) = value {
            let keys = members.map(\.0)
            for key in schema["required"] as? [String] ?? [] where !keys.contains(key) { problems.append("\(path): missing \(key)") }
            if let minimum = schema["minProperties"] as? Int, members.count < minimum { problems.append("\(path): too few properties") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in members {
                if let sub = properties[key] as? [String: Any] {
                    problems += check(member, against: sub, path: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unknown key \(key)")
                }
            }
            for (key, dependency) in schema["dependencies"] as? [String: Any] ?? [:] where keys.contains(key) {
                if let needed = dependency as? [String] {
                    for other in needed where !keys.contains(other) { problems.append("\(path): \(key) needs \(other)") }
                } else if let sub = dependency as? [String: Any] {
                    problems += check(value, against: sub, path: path)
                }
            }
        }
        return problems
    }

    private static func has(_ value: Value, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("integer", .int), ("boolean", .bool), ("null", .null): true
        default: false
        }
    }
}
