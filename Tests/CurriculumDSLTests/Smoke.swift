import Foundation
import Testing
@testable import CurriculumDSL
@Test func smoke() {
    let r = CurriculumLoader().load(paths: [#filePath.replacingOccurrences(of: "Tests/CurriculumDSLTests/Smoke.swift", with: "curricula")])
    print(r.files.count, r.graph.courses.count, r.graph.majors.count, r.graph.plans.count, r.graph.institutions.count, r.graph.provinces.count, r.graph.mappings.count, r.graph.exemptions.count)
    for p in r.graph.plans.values.sorted(by: {$0.id < $1.id}) { print(p.id, p.requirements.courseCodes.count, p.totalCredits?.value ?? -1, p.passMark, p.substitutions.count, p.mappings.count) }
}
