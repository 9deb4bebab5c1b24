import Testing
import Eligibility

/// Transcripts built to hurt: bounded work, nothing lost, nothing raw sent to the terminal.
@Suite struct HostileTranscriptTests {
    @Test(arguments: ["t.yaml", "t.json"])
    func aliasesRepeatingALargeScalarAreRefused(path: String) throws {
        // JSON has no aliases, but a `.json` file is read as YAML: the same budget holds.
        let text = "candidate: {name: &n \"" + String(repeating: "x", count: 100_000) + "\"}\nrecords: ["
            + Array(repeating: "{code: \"03708\", name: *n, score: 70, date: 2023-04-15}", count: 200).joined(separator: ", ") + "]\n"
        let contents = TranscriptFiles.read(bytes: Array(text.utf8), path: path)
        #expect(contents.transcripts.isEmpty)
        let issue = try #require(contents.issues.first)
        #expect(issue.severity == .error)
        #expect(issue.message.en == "aliases expand to more than 16777216 bytes; stopped reading this file")
    }
}
