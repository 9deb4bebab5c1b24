import Foundation
import Testing
import Eligibility

/// Shared fixtures and helpers of the Eligibility tests.
enum Support {
    /// The repository root, derived from this file's path (Tests/EligibilityTests/Support.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled curricula (`curricula/`), loaded once.
    static let curricula: LoadResult = CurriculumLoader().load(paths: [repositoryRoot.appendingPathComponent("curricula").path])

    /// An engine over the bundled curricula, built once.
    static let engine = AuditEngine(graph: curricula.graph)

    /// The date every golden audit is made on: inside the Jiangsu 2024-07..2026-06 transition window.
    static let date = CivilDate("2025-04-30")!

    /// A valid GB 11643 number (check character X).
    static let validID = "11010519491231002X"

    /// A verified 专科 diploma whose registry data match `candidate()`.
    static func diploma(field: String = "行政管理", verified: Bool = true, name: String = "张三",
                        id: String = validID, gender: Gender = .female) -> PriorDiploma {
        PriorDiploma(level: .zhuanke, field: field, verified: verified, registryName: name,
                     registryIDNumber: id, registryGender: gender)
    }

    static func candidate(diploma: PriorDiploma? = diploma(), certificates: [Certificate] = [],
                          id: String = validID) -> Candidate {
        Candidate(name: "张三", idNumber: id, gender: .female, priorDiploma: diploma, certificates: certificates)
    }

    /// Electronic passing records (score 75) for `codes`.
    static func passed(_ codes: [String], score: Int = 75) -> [CourseRecord] {
        codes.map { CourseRecord(code: CourseCode(rawValue: $0), score: .points(score)) }
    }

    static func request(_ records: [CourseRecord], province: String = "江苏", major: String, plan: String? = nil,
                        candidate: Candidate = candidate(), choices: [String: String] = [:]) -> AuditRequest {
        AuditRequest(candidate: candidate, records: records, major: MajorKey(province: province, code: major),
                     planID: plan, applicationDate: date, choices: choices)
    }

    /// A property's number of cases, scaled by the environment variable `PROPERTY_SCALE` (default 1) for long runs.
    static func cases(_ count: Int) -> Int {
        count * (ProcessInfo.processInfo.environment["PROPERTY_SCALE"].flatMap(Int.init) ?? 1)
    }

    // MARK: small curricula written inline

    /// An engine over `header`, the course catalog `courses` (YAML, `courses:` and its entries) and one major, 江苏
    /// 120203K 会计学 (专升本) at 测试大学, whose only plan `P` is the YAML `plan` (its keys after `id`, `version` and
    /// `sources`, indented as plan keys).
    static func singlePlanEngine(courses: String, plan: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> AuditEngine {
        AuditEngine(graph: graph(header + courses + """

            majors:
              - code: "120203K"
                name: 会计学
                level: 专升本
                institutions: [测试大学]
                plans:
                  - id: P
                    version: "1"
                    sources: [{ref: SRC}]
            \(plan)
            """, sourceLocation: sourceLocation))
    }

    /// The header every inline test curriculum starts with (province, source, institution).
    static let header = """
        province: 江苏
        provinces:
          - name: 江苏
        sources:
          - id: SRC
            document: 测试来源
        institutions:
          - name: 测试大学

        """

    /// Loads YAML text and requires it to load without any diagnostic, so fixtures stay valid.
    static func graph(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CurriculumGraph {
        let result = CurriculumLoader().load(text: yaml, path: "t.yaml")
        #expect(result.diagnostics.isEmpty, "fixture has diagnostics: \(result.diagnostics.map { "\($0.rule.rawValue) \($0.message.en)" })\n\(yaml)",
                sourceLocation: sourceLocation)
        return result.graph
    }

    // MARK: JSON

    static func encode(_ audit: Audit) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(audit)
    }

    static func json(_ audit: Audit) throws -> String {
        String(decoding: try encode(audit), as: UTF8.self)
    }
}

/// Parsed JSON, for comparing documents independently of formatting and key order.
/// (Numbers and booleans are both compared as numbers; an Audit has no booleans.)
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func parse(_ data: Data) throws -> JSONValue {
        convert(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    private static func convert(_ value: Any) -> JSONValue {
        switch value {
        case let text as String: .string(text)
        case let number as NSNumber: .number(number.doubleValue)
        case let array as [Any]: .array(array.map(convert))
        case let object as [String: Any]: .object(object.mapValues(convert))
        default: .null
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[\(values.map(\.description).joined(separator: ", "))]"
        case .object(let members): "{\(members.keys.sorted().map { "\($0): \(members[$0]!)" }.joined(separator: ", "))}"
        }
    }

    /// The paths where `self` and `other` differ (at most `limit`).
    func differences(from other: JSONValue, path: String = "$", limit: Int = 20) -> [String] {
        var result: [String] = []
        collect(other, path: path, into: &result, limit: limit)
        return result
    }

    private func collect(_ other: JSONValue, path: String, into result: inout [String], limit: Int) {
        guard result.count < limit, self != other else { return }
        switch (self, other) {
        case (.object(let a), .object(let b)):
            for key in Set(a.keys).union(b.keys).sorted() {
                switch (a[key], b[key]) {
                case (let x?, let y?): x.collect(y, path: "\(path).\(key)", into: &result, limit: limit)
                case (let x?, nil): result.append("\(path).\(key): only actual: \(x)")
                case (nil, let y?): result.append("\(path).\(key): only expected: \(y)")
                default: break
                }
            }
        case (.array(let a), .array(let b)) where a.count == b.count:
            for index in a.indices { a[index].collect(b[index], path: "\(path)[\(index)]", into: &result, limit: limit) }
        default:
            result.append("\(path): actual \(self) expected \(other)")
        }
    }
}
