import Foundation
import Testing
@testable import Eligibility
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 rows pasted into a UTF-8 export are read per row, even when the GB18030 bytes happen to be valid UTF-8
/// (女 is C5 AE in GB18030, which UTF-8 reads as “Ů”): the decoding that gives only the characters a transcript holds
/// wins (issue 11, item 5).
struct MixedEncodingTests {
    /// The 100 most common surnames (公安部户籍统计), single and double.
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
        + ["欧阳", "司马", "诸葛", "上官"]

    static let header = "准考证号,姓名,身份证号,性别,课程代码,课程名称,成绩\n"

    static func gb18030(_ text: String) throws -> [UInt8] {
        guard let converter = iconv_open("GB18030", "UTF-8"), converter != iconv_t(bitPattern: -1) else { throw CocoaError(.featureUnsupported) }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 ? -1 : outBuffer.count - outLeft
            }
        }
        guard produced >= 0 else { throw CocoaError(.fileReadInapplicableStringEncoding) }
        return Array(output[..<produced])
    }

    @Test func femaleIsValidUTF8InGB18030() throws {
        #expect(try Self.gb18030("女") == [0xC5, 0xAE])
        #expect(String(validating: [UInt8]([0xC5, 0xAE]), as: UTF8.self) == "Ů", "the reason a per-row decision is needed")
    }

    /// Every common surname, with 男 and with 女, in a GB18030 row after a UTF-8 row: read with its name and gender.
    @Test(arguments: ["男", "女"])
    func gb18030RowInAUTF8File(gender: String) throws {
        var failures: [String] = []
        for (number, surname) in Self.surnames.enumerated() {
            let name = surname + "明"
            let admission = String(format: "0101%08d", number)
            let bytes = Array((Self.header + "019999999999,李四,11010519491231002X,男,03708,中国近现代史纲要,72\n").utf8)
                + (try Self.gb18030("\(admission),\(name),11010519491231002X,\(gender),03709,马克思主义基本原理概论,65\n"))
            let contents = TranscriptFiles.read(bytes: bytes, path: "mixed.csv")
            let row = contents.transcripts.first { $0.admissionNumber == admission }
            if row?.candidate?.name != name || row?.candidate?.gender?.rawValue != gender || row?.records.first?.name != "马克思主义基本原理概论" {
                failures.append("\(name) \(gender): \(row?.candidate?.name ?? "nil") \(row?.candidate?.gender?.rawValue ?? "nil")")
            }
            #expect(contents.issues.contains { $0.row == 3 && $0.message.en.hasPrefix("this row is GB18030") }, "\(name) \(gender)")
            #expect(!contents.issues.contains { $0.severity == .error }, "\(name) \(gender)")
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A UTF-8 file's own rows stay UTF-8, including names with the middle dot and Roman numerals in course names.
    @Test func utf8RowsStayUTF8() {
        let text = Self.header + "010100000001,阿依古丽·买买提,11010519491231002X,女,00015,英语（二）,61\n010100000002,张三,11010519491231002X,男,13000,英语Ⅱ,70\n"
        let contents = TranscriptFiles.read(bytes: Array(text.utf8), path: "utf8.csv")
        #expect(contents.transcripts.map { $0.candidate?.name } == ["阿依古丽·买买提", "张三"])
        #expect(contents.issues.isEmpty)
        #expect(CSVTranscriptReader.onlyExpected("阿依古丽·买买提"))
        #expect(!CSVTranscriptReader.onlyExpected("Ů"))
    }
}
