import Foundation
import Testing
@testable import CurriculumDSL

/// Byte-level problems (encodings, BOM, CRLF, tabs) and the reader's limits. The bytes are written by the tests,
/// so that no editor or checkout can change them.
@Suite struct YAMLBytesTests {
    /// `courses:` with one course whose name is `name` (raw bytes) on line 3, column 11.
    static func course(nameBytes: [UInt8]) -> [UInt8] {
        Array("courses:\n  - code: \"00018\"\n    name: ".utf8) + nameBytes + Array("\n    credits: 2\n".utf8)
    }

    @Test func gb18030BytesAreAnEncodingErrorAtTheFirstBadByte() {
        let result = Fixture.load(bytes: Self.course(nameBytes: [0xB7, 0xA8, 0xD1, 0xA7]))  // 法学 in GB18030
        #expect(result.found == [Found("yaml.encoding", 3, 11)])
    }

    @Test func gb18030BytesAreNamedInTheMessage() throws {
        let diagnostic = try #require(Fixture.load(bytes: Self.course(nameBytes: [0xB7, 0xA8, 0xD1, 0xA7])).diagnostics.first)
        #expect(diagnostic.message.en.contains("0xB7"))
        #expect(diagnostic.message.en.contains("GB18030"))
    }

    @Test func badByteAfterCJKIsCountedInScalars() {
        // 计算 (two scalars, six bytes) then a lone continuation byte: column 11 + 2.
        let result = Fixture.load(bytes: Self.course(nameBytes: Array("计算".utf8) + [0x80]))
        #expect(result.found == [Found("yaml.encoding", 3, 13)])
    }

    @Test func encodingErrorStopsTheFile() {
        #expect(Fixture.load(bytes: Self.course(nameBytes: [0xB7, 0xA8])).graph.courses.isEmpty)
    }

    @Test(arguments: [[UInt8(0xFF), 0xFE], [0xFE, 0xFF]])
    func utf16ByteOrderMarkIsAnEncodingError(bom: [UInt8]) {
        let body = Array("courses: []\n".utf8).flatMap { bom[0] == 0xFF ? [$0, 0] : [0, $0] }
        #expect(Fixture.load(bytes: bom + body).found == [Found("yaml.encoding", 1, 1)])
    }

    @Test func utf8ByteOrderMarkIsAWarningAndTheFileLoads() {
        let result = Fixture.load(bytes: [0xEF, 0xBB, 0xBF] + Self.course(nameBytes: Array("计算机应用基础".utf8)))
        #expect(result.found == [Found("yaml.bom", 1, 1)])
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.graph.courses["00018"]?.credits == 2)
    }

    @Test func crlfIsOneWarningAtTheFirstLineEnd() {
        let text = "courses:\r\n  - code: \"00018\"\r\n    name: 计算机应用基础\r\n    credits: 2\r\n"
        let result = Fixture.load(bytes: Array(text.utf8))
        #expect(result.found == [Found("yaml.crlf", 1, 9)])
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func crlfFileStillLoads() {
        let text = "courses:\r\n  - code: \"00018\"\r\n    name: 计算机应用基础\r\n    credits: 2\r\n"
        #expect(Fixture.load(bytes: Array(text.utf8)).graph.courses["00018"]?.name == "计算机应用基础")
    }

    @Test func tabIndentIsReportedAtTheTabAndReplacesTheSyntaxError() {
        let text = "courses:\n  - code: \"00018\"\n\tname: 计算机应用基础\n    credits: 2\n"
        #expect(Fixture.load(bytes: Array(text.utf8)).found == [Found("yaml.tab-indent", 3, 1)])
    }

    @Test func tabAfterSpacesIsReportedAtItsColumn() {
        let text = "courses:\n  - code: \"00018\"\n  \tname: 计算机应用基础\n    credits: 2\n"
        #expect(Fixture.load(bytes: Array(text.utf8)).found == [Found("yaml.tab-indent", 3, 3)])
    }

    @Test
    func tabOnAnOtherwiseBlankLineIsATabIndent() {
        let text = "courses:\n\t\n  - {code: \"00018\", name: 计算机应用基础, credits: 2}\n"
        #expect(Fixture.load(bytes: Array(text.utf8)).found == [Found("yaml.tab-indent", 2, 1)])
    }

    @Test
    func tabIndentingACommentIsATabIndent() {
        let text = "courses:\n\t# a comment\n  - {code: \"00018\", name: 计算机应用基础, credits: 2}\n"
        #expect(Fixture.load(bytes: Array(text.utf8)).found == [Found("yaml.tab-indent", 2, 1)])
    }

    @Test
    func controlCharacterIsReportedWhereItIs() {
        let result = Fixture.load(bytes: Self.course(nameBytes: Array("a".utf8) + [0x07] + Array("b".utf8)))
        #expect(result.found == [Found("yaml.syntax", 3, 12)])
    }

    @Test func tabInsideABlockScalarIsContent() {
        let text = "courses:\n  - code: \"00018\"\n    name: 计算机应用基础\n    credits: 2\n    note: |\n      first\n      \tsecond\n"
        let result = Fixture.load(bytes: Array(text.utf8))
        #expect(result.diagnostics.isEmpty)
        #expect(result.graph.courses["00018"]?.note == "first\n\tsecond\n")
    }

    @Test func tabInAFlowListIsSpace() {
        let text = "courses: [\n\t{code: \"00018\", name: 计算机应用基础, credits: 2}]\n"
        #expect(Fixture.load(bytes: Array(text.utf8)).diagnostics.isEmpty)
    }

    @Test(arguments: [[UInt8(0x7F)], [0xC2, 0x80], [0xC2, 0x9F], [0xEF, 0xBF, 0xBE], [0x00], [0x1B]])
    func otherControlCharactersAreReportedWhereTheyAre(bytes: [UInt8]) throws {
        let result = Fixture.load(bytes: Self.course(nameBytes: Array("计算".utf8) + bytes))
        #expect(result.found == [Found("yaml.syntax", 3, 13)])
        #expect(try #require(result.diagnostics.first).message.en.hasPrefix("YAML syntax error: control character U+"))
    }

    @Test func nextLineCharacterIsAllowed() {
        // U+0085 (NEL) is printable for YAML; libyaml reads it as a line break inside the plain scalar.
        #expect(Fixture.load(bytes: Self.course(nameBytes: Array("计算".utf8) + [0xC2, 0x85])).diagnostics.isEmpty)
    }

    @Test func encodingErrorAfterASecondDocumentIsStillFound() {
        let bytes = Array("courses: []\n---\nx: ".utf8) + [0xB7, 0xA8] + Array("\n".utf8)
        #expect(Fixture.load(bytes: bytes).found == [Found("yaml.encoding", 3, 4)])
    }

    @Test func crlfAfterALoneCarriageReturnIsFoundAtItsLine() {
        let text = "courses:\r  - {code: \"00018\", name: 甲, credits: 2}\r\n"
        #expect(Fixture.load(bytes: Array(text.utf8)).diagnostics("yaml.crlf").map(\.found) == [Found("yaml.crlf", 2, 41)])
    }

    /// Nine levels of nine aliases each: 9^9 nodes if expanded.
    static let billionLaughs: String = {
        var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        return text
    }()

    @Test func billionLaughsHitsTheAliasLimit() {
        // Sizes 10, 91, 820, 7381, 66430: the first alias on line 6 (`f`) passes 100,000 nodes.
        #expect(CurriculumLoader().load(text: Self.billionLaughs).found == [Found("yaml.alias-limit", 6, 8)])
    }

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsStopsQuickly() {
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = CurriculumLoader().load(text: Self.billionLaughs) }
        #expect(elapsed < .seconds(2))
    }

    @Test func aliasLimitIsConfigurable() {
        let result = CurriculumLoader(limits: LoadLimits(maxAliasNodes: 50)).load(text: Self.billionLaughs)
        // `b` (line 2) adds 10 nodes per alias of `a`: the sixth alias (column 28) makes 60 > 50.
        #expect(result.found == [Found("yaml.alias-limit", 2, 28)])
    }

    @Test func hundredNestedListsAreTooDeep() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        // Levels 1...64 open; the 65th `[` (column 65) is refused.
        #expect(CurriculumLoader().load(text: text).found == [Found("yaml.too-deep", 1, 65)])
    }

    @Test func sixtyFourNestedListsAreNotTooDeep() {
        let text = "courses: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "\n"
        #expect(CurriculumLoader().load(text: text).diagnostics("yaml.too-deep").isEmpty)
    }

    @Test func fileOverTheSizeLimitIsNotRead() {
        let result = CurriculumLoader(limits: LoadLimits(maxFileBytes: 10)).load(text: "courses: []\n", path: "big.yaml")
        #expect(result.found == [Found("yaml.file-too-large", 1, 1)])
        #expect(result.diagnostics.first?.location?.file == "big.yaml")
    }

    @Test func fileOnDiskOverTheSizeLimitIsNotRead() {
        let result = Fixture.load("constructs/sources.yaml", limits: LoadLimits(maxFileBytes: 10))
        #expect(result.found == [Found("yaml.file-too-large", 1, 1)])
        #expect(result.graph.sources.isEmpty)
    }
}
