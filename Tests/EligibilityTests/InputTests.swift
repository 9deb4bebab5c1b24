import Foundation
import Testing
import Eligibility

@Suite("GB 11643 ID numbers")
struct IDNumberTests {
    // Check characters computed by hand: Σ(digit × weight) mod 11 → 1 0 X 9 8 7 6 5 4 3 2.
    @Test(arguments: ["11010519491231002X", "440301199001011234", "140102198511200019", "320106197003073011", "510100200002290008"])
    func validNumbers(_ number: String) {
        #expect(IDNumber.isValid(number))
        #expect(IDNumber.checkCharacter(for: number.prefix(17)) == number.last)
    }

    @Test func lowercaseXIsAccepted() {
        #expect(IDNumber.isValid("11010519491231002x"))
    }

    @Test(arguments: [
        "110105194912310021",   // wrong check digit (X expected)
        "44030119900101123X",   // wrong check character (4 expected)
        "440301199001011235",   // off by one
        "11010519491231002",    // 17 characters
        "11010519491231002XX",  // 19 characters
        "1101051949123100X2",   // X inside the body
        "11010519491231002Y",   // not a check character
        "１１０１０５１９４９１２３１００２X", // full-width digits
        "",
    ])
    func invalidNumbers(_ number: String) {
        #expect(!IDNumber.isValid(number))
    }

    @Test func checkCharacterNeedsSeventeenDigits() {
        #expect(IDNumber.checkCharacter(for: "11010519491231002") == "X")
        #expect(IDNumber.checkCharacter(for: "1101051949123100") == nil)
        #expect(IDNumber.checkCharacter(for: "110105194912310021") == nil)
        #expect(IDNumber.checkCharacter(for: "1101051949123100A") == nil)
    }

    @Test func masking() {
        #expect(IDNumber.masked("11010519491231002X") == "1101**********002X")
        #expect(IDNumber.masked("123456789") == "1234*6789")
        #expect(IDNumber.masked("12345678") == "********")
        #expect(IDNumber.masked("") == "")
    }
}

@Suite("Scores")
struct ScoreTests {
    @Test func pointsPassAtTheMark() {
        #expect(Score.points(60).passes(at: 60))
        #expect(Score.points(100).passes(at: 60))
        #expect(!Score.points(59).passes(at: 60))
        #expect(!Score.points(0).passes(at: 60))
        #expect(!Score.points(69).passes(at: 70))
        #expect(Score.points(70).passes(at: 70))
    }

    @Test(arguments: Grade.allCases)
    func gradesPassUnlessFailed(_ grade: Grade) {
        for mark in [0, 60, 100] {
            #expect(Score.grade(grade).passes(at: mark) == (grade != .fail))
        }
        #expect(grade.isPass == (grade != .fail))
    }

    @Test func scoresEncodeAsNumberOrGradeText() throws {
        let data = try JSONEncoder().encode([Score.points(75), .grade(.good)])
        #expect(String(decoding: data, as: UTF8.self) == #"[75,"良好"]"#)
        #expect(try JSONDecoder().decode([Score].self, from: data) == [.points(75), .grade(.good)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Score].self, from: Data(#"["及格"]"#.utf8)) }
    }

    @Test func paperEvidenceNeedsReview() {
        #expect(Evidence.oldPlanCertificate.needsReview)
        #expect(Evidence.practiceCard.needsReview)
        #expect(!Evidence.electronic.needsReview)
        #expect(!Evidence.transfer(fromProvince: "山西").needsReview)
        #expect([Evidence.electronic, .oldPlanCertificate, .practiceCard, .transfer(fromProvince: "山西")].map(\.kind)
                == ["electronic", "old-plan-certificate", "practice-card", "transfer"])
    }
}

@Suite("Test support")
struct SupportTests {
    @Test func bundledCurriculaLoadWithoutErrors() {
        #expect(!Support.curricula.diagnostics.hasErrors, "\(Support.curricula.diagnostics.map(\.message.en))")
        #expect(Set(Support.curricula.graph.plans.keys).isSuperset(of: [
            "JS-2024-030101K", "JS-2021-030101K", "JS-2024-120402", "JS-2024-590206", "JS-2024-530605", "JS-2021-530605",
            "JS-2024-120203K", "JS-2024-120202", "SX-SEED-530605",
        ]))
    }

    @Test func jsonComparisonIgnoresKeyOrderButNotValues() throws {
        let a = try JSONValue.parse(Data(#"{"a": 1, "b": [1, {"c": "x"}]}"#.utf8))
        let b = try JSONValue.parse(Data(#"{"b": [1, {"c": "x"}], "a": 1}"#.utf8))
        let c = try JSONValue.parse(Data(#"{"b": [1, {"c": "y"}], "a": 1}"#.utf8))
        #expect(a == b)
        #expect(a.differences(from: c) == [#"$.b[1].c: actual "x" expected "y""#])
    }
}
