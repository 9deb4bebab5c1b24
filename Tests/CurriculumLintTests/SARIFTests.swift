import Foundation
import Testing
@testable import CurriculumDSL

/// The SARIF output carries what the SARIF 2.1.0 schema requires and what GitHub code scanning reads.
@Suite struct SARIFTests {
    static func document() throws -> [String: Any] {
        let text = try ReporterTests.render(.sarif)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func run() throws -> [String: Any] {
        let runs = try #require(try document()["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        return runs[0]
    }

    @Test func topLevelHasVersionSchemaAndRuns() throws {
        let document = try Self.document()
        #expect(document["version"] as? String == "2.1.0")
        #expect(document["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    }

    @Test func theDriverNamesItselfAndEveryRule() throws {
        let tool = try #require(try Self.run()["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "curriculum-lint")
        // No made-up home page: the project publishes none, so no informationUri and no helpUri.
        #expect(driver["informationUri"] == nil)
        #expect(!(try ReporterTests.render(.sarif)).contains("https://github.com/"))
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleCatalog.all.map(\.id.rawValue).sorted())
        for rule in rules {
            let id = rule["id"] as? String ?? "?"
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String, "\(id) shortDescription")
            #expect((rule["fullDescription"] as? [String: Any])?["text"] is String, "\(id) fullDescription")
            let help = rule["help"] as? [String: Any]
            #expect(help?["text"] is String && help?["markdown"] is String, "\(id) help")
            #expect(rule["helpUri"] == nil, "\(id) helpUri")
            #expect((help?["text"] as? String)?.hasSuffix("docs/lint-rules.md#" + LintTool.anchor(of: RuleID(rawValue: id))) == true, "\(id) help names its section")
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note"].contains(level ?? ""), "\(id) level")
        }
    }

    @Test func everyResultHasTheRequiredFields() throws {
        let run = try Self.run()
        let rules = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])["rules"] as? [[String: Any]]
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules?[index]["id"] as? String == ruleID)
            #expect((result["message"] as? [String: Any])?["text"] is String)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            #expect(artifact["uri"] as? String == "curricula/%E6%B1%9F%E8%8B%8F/sample.yaml")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let region = try #require(physical["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["startColumn"] as? Int ?? 0) >= 1)
        }
    }

    @Test func notesBecomeRelatedLocations() throws {
        let results = try #require(try Self.run()["results"] as? [[String: Any]])
        let drift = try #require(results.first { $0["ruleId"] as? String == "lint.name-punctuation-drift" })
        let related = try #require(drift["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["id"] as? Int == 1)
        #expect((related.first?["message"] as? [String: Any])?["text"] as? String == "the other spelling is here")
    }

    @Test func columnsAreUnicodeCodePoints() throws {
        #expect(try Self.run()["columnKind"] as? String == "unicodeCodePoints")
    }
}
