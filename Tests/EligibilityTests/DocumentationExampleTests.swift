import CurriculumDSL
import Eligibility
import Foundation
import Testing

/// The code of the DocC articles (`Eligibility.docc/GettingStarted.md`, `CurriculumDSL.docc/GettingStarted.md`),
/// compiled and run as written, with the relative paths made absolute (issue 11, item 12).
struct DocumentationExampleTests {
    let root = Support.repositoryRoot.path + "/"

    /// Eligibility's getting started: load, build an engine, read a transcript, audit it. 赵六's 2021-plan courses map
    /// onto the 2024 plan on 2025-04-30 (the README's main command): eligible.
    @Test func eligibilityGettingStarted() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // — Load the curricula
        let loaded = CurriculumLoader().load(paths: [root + "curricula"])
        for diagnostic in loaded.diagnostics {
            print(diagnostic.location?.description ?? "-", diagnostic.rule, diagnostic.message.zh)
        }
        guard !loaded.hasErrors else { Issue.record("the bundled curricula have errors"); return }
        // — Build an engine
        let engine = AuditEngine(graph: loaded.graph)
        // — Read a transcript and audit it
        let contents = TranscriptFiles.read(path: root + "Examples/030101K-赵六.yaml")
        for issue in contents.issues {
            print(issue.render(.zh))
        }
        guard let transcript = contents.transcripts.first, let date = CivilDate("2025-04-30") else {
            Issue.record("no transcript"); return
        }
        let request = AuditRequest(transcript: transcript, major: MajorKey(province: "江苏", code: "030101K"), date: date)
        do {
            let audit = try engine.audit(request)
            print(audit.verdict.label.zh)                       // 符合毕业条件
            print(AuditTextRenderer(language: .zh).render(audit, candidate: transcript.candidate))
        } catch {
            print(error.message.zh)                             // typed throws: an AuditError
        }

        #expect(contents.issues.isEmpty)
        #expect(printed.first == "符合毕业条件")
        #expect(printed.count == 2 + loaded.diagnostics.count)
    }

    /// CurriculumDSL's getting started: load, read diagnostics, query the graph. 030101K is listed in 江苏 and 山西;
    /// on 2025-04-30 Jiangsu's 2021 plan is still in force beside the 2024 plan (the transition window).
    @Test func curriculumDSLGettingStarted() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        let result = CurriculumLoader().load(paths: [root + "curricula"])
        for diagnostic in result.diagnostics {
            print(diagnostic.location?.description ?? "-", diagnostic.severity, diagnostic.rule, diagnostic.message.zh)
            if let remedy = diagnostic.remedy { print("  ", remedy.zh) }
        }
        guard !result.hasErrors else { Issue.record("the bundled curricula have errors"); return }
        let graph = result.graph

        let law = graph.majors(code: "030101K")                          // every province's 030101K
        if let jiangsu = law.first(where: { $0.province == "江苏" }), let date = CivilDate("2025-04-30") {
            let plans = graph.plansInForce(for: jiangsu, on: date)        // more than one in a transition window
            print(plans.map(\.id))
        }
        let english = graph.plans(using: "00015")                         // plans that name 英语(二)
        let same = graph.equivalenceClosure(of: "99031")                  // renamed and equivalent codes

        #expect(Set(law.map(\.province)) == ["江苏", "山西"])
        #expect(printed.last == #"["JS-2024-030101K", "JS-2021-030101K"]"#)
        #expect(!english.isEmpty)
        #expect(same.contains("99031"))
    }
}
