import Foundation
import Testing
@testable import CurriculumDSL

/// Value types and helpers: dates, codes, "did you mean", implicit typing of other YAML tools.
@Suite struct ValueTests {
    @Test(arguments: ["2024-07-01", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func validDateParses(text: String) {
        #expect(CivilDate(text)?.description == text)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2100-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
                      "0000-01-01", "2024-7-01", "2024/07/01", " 2024-07-01", "2024-07-01 ", "２０２４-07-01", "20240701", ""])
    func invalidDateIsRejected(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test func datesOrderByDay() throws {
        let earlier = try #require(CivilDate("2024-06-30"))
        let later = try #require(CivilDate("2024-07-01"))
        #expect(earlier < later)
        #expect(CivilDate.distantPast < earlier)
    }

    @Test func dateDescriptionPadsItsFields() {
        #expect(CivilDate(year: 5, month: 1, day: 2)?.description == "0005-01-02")
    }

    @Test(arguments: [("00015", true), ("13000", true), ("0015", false), ("000150", false), ("0001a", false),
                      ("", false), ("0001５", false), (" 0015", false), ("-0015", false)])
    func courseCodeValidity(text: String, valid: Bool) {
        #expect(CourseCode.isValid(text) == valid)
    }

    @Test(arguments: [("030101K", true), ("120409T", true), ("030612TK", true), ("580401", true),
                      ("030101k", false), ("03010", false), ("030101KTX", false), ("0301011", false),
                      ("03010K1", false), ("030101-K", false), ("", false), ("０３０１０１", false)])
    func majorCodeValidity(text: String, valid: Bool) {
        #expect(MajorKey.isValidCode(text) == valid)
    }

    @Test(arguments: [("credit", "credits", 1), ("ab", "ba", 1), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3),
                      ("03079", "03709", 1), ("苏洲大学", "苏州大学", 1), ("same", "same", 0), ("abcd", "badc", 2)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == distance)
    }

    @Test func closestPicksTheNearestCandidate() {
        #expect(Suggestion.closest(to: "credit", among: ["code", "name", "credits", "kind"]) == "credits")
    }

    @Test func closestIgnoresFarCandidates() {
        #expect(Suggestion.closest(to: "xyz", among: ["credits", "name"]) == nil)
        #expect(Suggestion.closest(to: "ab", among: ["xy"]) == nil)
    }

    @Test func closestNeverSuggestsTheWordItself() {
        #expect(Suggestion.closest(to: "name", among: ["name"]) == nil)
    }

    @Test func closestBreaksTiesByOrder() {
        #expect(Suggestion.closest(to: "专科本", among: ["本科", "专升本", "专科"]) == "专升本")
    }

    @Test func leadingZeroCodeReadsAsDecimalOrOctal() {
        #expect(ImplicitTyping.otherToolsReading("00015")?.en == "the number 15 (YAML 1.2) or the octal number 13 (YAML 1.1)")
    }

    @Test func leadingZeroWithNonOctalDigitsReadsAsDecimal() {
        #expect(ImplicitTyping.otherToolsReading("089")?.en == "the number 89")
    }

    @Test(arguments: ["15", "2024", "1.5", "-3", "+3", "1e3", "0"])
    func numbersReadAsNumbers(text: String) {
        #expect(ImplicitTyping.otherToolsReading(text)?.en == "the number \(text)")
    }

    @Test(arguments: ["true", "False", "yes", "No", "on", "OFF", "y", "N"])
    func booleansReadAsBooleans(text: String) {
        #expect(ImplicitTyping.otherToolsReading(text)?.en == "a boolean")
    }

    @Test(arguments: ["~", "null", "Null", "NULL"])
    func nullsReadAsNull(text: String) {
        #expect(ImplicitTyping.otherToolsReading(text)?.en == "null")
    }

    @Test(arguments: ["030101K", "法学", "JS-2024-030101K", "", "seed-2021", "1.2.3", "e5"])
    func stringsStayStrings(text: String) {
        #expect(ImplicitTyping.otherToolsReading(text) == nil)
    }

    @Test(arguments: ["0x1F", "1_000"])
    func hexAndUnderscoredIntegersReadAsNumbers(text: String) {
        #expect(ImplicitTyping.otherToolsReading(text) != nil)
    }

    @Test(arguments: [
        ("0x1F", "the hexadecimal number 31"), ("1_000", "the number 1000"), ("0o17", "the octal number 15"),
        ("+12", "the number +12"), (".5", "the number .5"), ("1e3", "the number 1e3"), ("-2.5E-3", "the number -2.5E-3"),
        (".inf", "infinity"), ("-.Inf", "negative infinity"), (".NaN", "NaN (not a number)"),
        ("1:20", "the sexagesimal number 80"), ("-1:30:00", "the sexagesimal number -5400"), ("190:20:30.15", "the sexagesimal number 190:20:30.15"),
        ("0b101", "the binary number 5"), ("017", "the number 17 (YAML 1.2) or the octal number 15 (YAML 1.1)"),
        ("1.", "the number 1."), ("1_0.5", "the number 1_0.5"), ("Off", "a boolean"), ("TRUE", "a boolean"),
    ])
    func yaml11AndCoreSchemaNumbersAreNamed(text: String, reading: String) {
        #expect(ImplicitTyping.otherToolsReading(text)?.en == reading)
    }

    @Test(arguments: ["0x", "0xG1", "1:60", "1:2:", "0:20", ".", "+", "-", "1.2.3", "1e", "1e+", "0o", "0o8", "inf",
                      ".infinity", "+.nan", "nul", "yess", "1 000", "12a", "٣", "１２", "0b", "0b2", "_1"])
    func lookalikesStayStrings(text: String) {
        #expect(ImplicitTyping.otherToolsReading(text) == nil, "\(text)")
    }
}
