/// The JSON Schema (draft-07) of the curriculum DSL, for editors with the YAML language server: completion,
/// hover help (English and Chinese) and validation of every key. `curriculum-lint --print-schema` prints it;
/// the repository keeps a copy in `schema/curriculum.schema.json`.
///
/// The schema is stricter than nothing and looser than the loader: it checks keys, types, enums and code
/// patterns; references between files, arithmetic and the lint rules need `curriculum-lint`.
public enum CurriculumSchema {
    /// The JSON Schema dialect of the schema (draft-07, what editors' YAML language servers read).
    public static let draft = "http://json-schema.org/draft-07/schema#"

    /// The schema as pretty-printed JSON with a final newline.
    public static func json() -> String { document().pretty() }

    static func document() -> JSONValue {
        .object([
            .init("$schema", .string(draft)),
            .init("title", "Curriculum DSL file (curriculum-lint)"),
            .init("description", text("A curriculum file: provinces, sources, the course catalog, institutions, majors and their plans. See docs/DSL.md.",
                                      "课程文件：省份、来源、课程目录、主考院校、专业及其考试计划。见 docs/DSL.md。")),
            .init("type", "object"),
            .init("minProperties", 1),
            .init("additionalProperties", false),
            .init("properties", .object(fileProperties)),
            .init("definitions", .object(definitions)),
        ])
    }

    // MARK: building blocks

    static func text(_ en: String, _ zh: String) -> JSONValue { .string("\(en)\n\(zh)") }

    static func ref(_ name: String) -> JSONValue { .object([.init("$ref", .string("#/definitions/\(name)"))]) }

    static func described(_ schema: JSONValue, _ en: String, _ zh: String) -> JSONValue {
        guard case .object(var members) = schema else { return schema }
        if members.count == 1, members[0].key == "$ref" {
            return .object([.init("description", text(en, zh)), .init("allOf", .array([schema]))])
        }
        members.insert(.init("description", text(en, zh)), at: 0)
        return .object(members)
    }

    static func string(pattern: String? = nil, enumeration: [String]? = nil) -> JSONValue {
        var members: [JSONValue.Member] = [.init("type", "string")]
        if let pattern { members.append(.init("pattern", .string(pattern))) }
        if let enumeration { members.append(.init("enum", .array(enumeration.map { .string($0) }))) }
        return .object(members)
    }

    static func integer(minimum: Int) -> JSONValue {
        .object([.init("type", "integer"), .init("minimum", .int(minimum))])
    }

    static let boolean: JSONValue = .object([.init("type", "boolean")])

    static func array(_ items: JSONValue) -> JSONValue {
        .object([.init("type", "array"), .init("items", items)])
    }

    /// A list, or a single item standing for a one-item list (as the loader accepts).
    static func list(_ item: JSONValue) -> JSONValue {
        .object([.init("anyOf", .array([item, array(item)]))])
    }

    static func object(_ en: String, _ zh: String, required: [String] = [], _ properties: [JSONValue.Member],
                       extra: [JSONValue.Member] = []) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("description", text(en, zh)),
            .init("type", "object"),
        ]
        if !required.isEmpty { members.append(.init("required", .array(required.map { .string($0) }))) }
        members.append(.init("additionalProperties", false))
        members.append(.init("properties", .object(properties)))
        return .object(members + extra)
    }

    static func property(_ key: String, _ schema: JSONValue, _ en: String, _ zh: String) -> JSONValue.Member {
        .init(key, described(schema, en, zh))
    }

    static let note = property("note", string(), "A remark for maintainers (not used by audits).", "备注（审核不使用）。")
}
