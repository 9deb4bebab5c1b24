import Foundation
import Testing
@testable import CurriculumDSL

/// The JSON Schema of the DSL: the committed copy is what `--print-schema` prints, valid curricula validate,
/// and the problems an editor can see (unknown keys, codes, types) are flagged.
@Suite struct SchemaTests {
    static let committed = Fixtures.repositoryRoot.appendingPathComponent("schema/curriculum.schema.json")

    static func validator() throws -> SchemaValidator { try SchemaValidator(schemaJSON: CurriculumSchema.json()) }

    static func problems(_ text: String) throws -> [String] {
        let root = try #require(YAMLReader().read(Array(text.utf8), file: "test.yaml").root)
        return try validator().validate(SchemaValidator.value(root))
    }

    static func yamlFiles(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { ["yaml", "yml"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }

    @Test func theCommittedSchemaIsThePrintedOne() throws {
        if ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] != nil {
            try Data(CurriculumSchema.json().utf8).write(to: Self.committed)
        }
        #expect(try String(contentsOf: Self.committed, encoding: .utf8) == CurriculumSchema.json())
    }

    @Test func theSchemaIsDraft07JSON() throws {
        let object = try JSONSerialization.jsonObject(with: Data(CurriculumSchema.json().utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(object?["additionalProperties"] as? Bool == false)
    }

    @Test("the shipped curricula, the DSL's construct examples and the fixed rule examples validate",
          arguments: ["curricula", "Tests/CurriculumDSLTests/Fixtures/constructs", "Tests/CurriculumLintTests/Fixtures/rules"])
    func validFilesValidate(directory: String) throws {
        let validator = try Self.validator()
        let files = Self.yamlFiles(under: Fixtures.repositoryRoot.appendingPathComponent(directory))
            .filter { !$0.path.contains("/rules/") || $0.lastPathComponent == "fixed.yaml" || $0.lastPathComponent == "context.yaml" }
            .filter { !$0.path.contains("lint.config-invalid") }
        #expect(!files.isEmpty)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            guard let root = YAMLReader().read(bytes, file: file.path).root else { continue }
            #expect(validator.validate(SchemaValidator.value(root)) == [], "\(file.path)")
        }
    }

    @Test("what an editor flags", arguments: [
        ("courses:\n  - {code: \"00034\", name: 社会学概论, credits: 6, formr-names: []}\n", "$.courses[0]: unknown key formr-names"),
        ("courses:\n  - {code: 00034, name: 社会学概论, credits: 6}\n", "$.courses[0].code: not string"),
        ("courses:\n  - {code: \"0034\", name: 社会学概论, credits: 6}\n", "$.courses[0].code: '0034' does not match ^[0-9]{5}$"),
        ("majors:\n  - {code: \"030101k\", name: 法学, level: 专升本}\n", "$.majors[0].code: '030101k' does not match ^[0-9]{6}[A-Z]{0,2}$"),
        ("majors:\n  - {code: \"030101K\", name: 法学, level: 本科段}\n", "$.majors[0].level: not one of [\"专科\", \"专升本\", \"本科\"]"),
        ("courses:\n  - {code: \"00034\", name: 社会学概论}\n", "$.courses[0]: missing credits"),
    ])
    func editorsFlag(text: String, problem: String) throws {
        #expect(try Self.problems(text).contains(problem))
    }

    @Test func aRequirementNodeHasExactlyOneShape() throws {
        let plan = "majors:\n  - code: \"030101K\"\n    name: 法学\n    level: 专升本\n    plans:\n      - id: P\n        version: \"2024\"\n        requirements:\n"
        #expect(try Self.problems(plan + "          - {id: x, one-of: [\"13000\"], all-of: [\"13000\"]}\n").contains("$.majors[0].plans[0].requirements[0]: matches none of anyOf"))
        #expect(try Self.problems(plan + "          - {id: x, choose: 2, of: [\"13000\", \"14970\"]}\n          - 13000 英语（专升本）\n") == [])
    }
}
