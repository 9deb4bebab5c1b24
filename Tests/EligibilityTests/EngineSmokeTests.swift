import Foundation
import Testing
@testable import Eligibility

@Test func engineSmoke() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let result = CurriculumLoader().load(paths: [root.appendingPathComponent("curricula").path])
    let engine = AuditEngine(graph: result.graph)
    let codes = ["03708", "03709", "13000", "14660", "07816", "10999", "05722", "03450", "00261", "14655", "01680", "13709", "04863"]
    var records = codes.map { CourseRecord(code: CourseCode(rawValue: $0), score: .points(70)) }
    records.append(CourseRecord(code: "10197", score: .grade(.good)))
    let candidate = Candidate(name: "张三", idNumber: "11010519491231002X", gender: .female,
                              priorDiploma: PriorDiploma(level: .zhuanke, field: "行政管理", verified: true, registryName: "张三", registryIDNumber: "11010519491231002X", registryGender: .female))
    let audit = try engine.audit(AuditRequest(candidate: candidate, records: records, major: MajorKey(province: "江苏", code: "120402"), applicationDate: CivilDate("2025-06-01")!))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(audit), as: UTF8.self))
}
