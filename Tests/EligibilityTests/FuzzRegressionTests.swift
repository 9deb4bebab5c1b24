import CurriculumDSL
import Eligibility
import Foundation
import Testing

/// Every input kept in Tests/Fuzz (crashes and hostile inputs found by `swift run fuzz`, see docs/fuzzing.md) is read
/// again: each is broken, so each is reported, and nothing printed carries a raw control byte or a full ID number.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func inputs(_ kind: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(kind).path)) ?? []).sorted()
    }

    static func bytes(_ kind: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(kind).appendingPathComponent(name)))
    }

    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    @Test func theCorpusIsThere() {
        #expect(Self.inputs("yaml").count >= 6)
        #expect(Self.inputs("transcripts").count >= 5)
    }

    @Test(arguments: inputs("yaml"))
    func curriculumInput(name: String) throws {
        let bytes = try Self.bytes("yaml", name)
        let result = Linter().lint(files: [(name, bytes)])
        #expect(!result.diagnostics.isEmpty)
        let text = TextReporter(language: .en, sources: [name: bytes]).render(result)
        #expect(!Self.hasRawControl(text))
    }

    @Test(arguments: inputs("transcripts"))
    func transcriptInput(name: String) throws {
        let contents = TranscriptFiles.read(bytes: try Self.bytes("transcripts", name), path: name)
        #expect(contents.issues.contains { $0.severity == .error })
        for issue in contents.issues {
            let text = issue.render(.zh) + issue.render(.en)
            #expect(!Self.hasRawControl(text))
            #expect(!text.contains("11010519491231002X"))
        }
    }
}
