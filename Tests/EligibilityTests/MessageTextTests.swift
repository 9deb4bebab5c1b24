import Testing
import CurriculumDSL
@testable import Eligibility

/// `MessageText` must write exactly the bytes `String` interpolation writes: audits' texts are compared byte for byte
/// (golden files, JSON) and must not change with the faster writer.
@Suite("MessageText writes what String interpolation writes")
struct MessageTextTests {
    @Test(arguments: [0, 7, 9, 10, 60, 99, 100, 1_234, -1, -60, -1_000, Int.max, Int.min, 1_000_000_000_000_000_000])
    func numbers(_ value: Int) {
        let message: MessageText = "缺 \(value) 学分 (\(value))"
        #expect(message.text == "缺 \(value) 学分 (\(value))")
    }

    @Test func textsCodesAndScores() {
        let code = CourseCode(rawValue: "00015")
        let name = "英语(二)"
        for score in [Score.points(59), .points(100), .grade(.pass), .grade(.fail), .grade(.good)] {
            let message: MessageText = "\(code) \(name) 成绩 \(score)，改计 \(score)"
            #expect(message.text == "\(code) \(name) 成绩 \(score)，改计 \(score)")
        }
        let empty: MessageText = "\("")"
        #expect(empty.text == "")
        let literal: MessageText = "只有文字 only text"
        #expect(literal.text == "只有文字 only text")
        // A string that is not native UTF-8 storage (bridged or a substring's copy) is written byte by byte.
        let sliced = String("前缀课程名称后缀".dropFirst(2).dropLast(2))
        let message: MessageText = "[\(sliced)]"
        #expect(message.text == "[\(sliced)]")
    }
}
