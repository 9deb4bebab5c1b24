import Foundation
import Testing
@testable import Eligibility

/// The CSV layer under `curriculum check` and `batch`: blank rows, unterminated quotes, and the UTF-8 check.
@Suite("CSV reading")
struct TranscriptReadingTests {
    private func rows(_ text: String) -> [(line: Int, fields: [String])] {
        var parser = CSVParser(bytes: Array(text.utf8))
        var result: [(line: Int, fields: [String])] = []
        while true {
            do {
                guard let row = try parser.next() else { break }
                result.append((row.line, row.fields.map { String(decoding: $0, as: UTF8.self) }))
            } catch {
                result.append((-1, ["\(error)"]))
            }
        }
        return result
    }

    @Test func rowsOfEmptyCellsAreBlankLines() {
        let parsed = rows("a,b\r\n1,2\r\n,\r\n\r\n,,\r\n3,4\r\n,")
        #expect(parsed.map(\.line) == [1, 2, 6])
        #expect(parsed.last?.fields == ["3", "4"])
    }

    @Test func unterminatedQuoteResumesOnTheNextLine() {
        let parsed = rows("a,b\n1,\"x\n2,y\n3,z\n")
        // The quote opened on line 2 never closes: that row is lost, lines 3 and 4 are read.
        #expect(parsed.count == 4)
        #expect(parsed[1].line == -1)
        #expect(parsed[1].fields == ["unterminatedQuote(line: 2, field: 2, resumed: true)"])
        #expect(parsed[2].line == 3 && parsed[2].fields == ["2", "y"])
        #expect(parsed[3].line == 4 && parsed[3].fields == ["3", "z"])
    }

    @Test func unterminatedQuoteOnTheLastLine() {
        let parsed = rows("a,b\n1,\"x\n")
        #expect(parsed.count == 2)
        #expect(parsed[1].fields == ["unterminatedQuote(line: 2, field: 2, resumed: false)"])
    }

    @Test func aQuotedCellOverTheLimitIsUnterminated() {
        let body = (0..<(CSVParser.maximumQuotedLines + 50)).map { "\($0),v" }.joined(separator: "\n")
        let parsed = rows("a,b\n1,\"x\n" + body + "\n")
        #expect(parsed[1].fields == ["unterminatedQuote(line: 2, field: 2, resumed: true)"])
        #expect(parsed.count == 2 + CSVParser.maximumQuotedLines + 50, "every line after the quote's is read")
    }

    @Test func quotedCellsOverSeveralLinesStillWork() {
        let parsed = rows("a,b\n1,\"x\ny, \"\"z\"\"\"\n2,w\n")
        #expect(parsed.map(\.line) == [1, 2, 4])
        #expect(parsed[1].fields == ["1", "x\ny, \"z\""])
    }

    /// `CSVTranscriptReader.utf8` must accept and reject exactly what `String(validating:as:)` does.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var samples: [[UInt8]] = [[], Array("03706".utf8), Array("思想道德修养与法律基础".utf8), [0xEF, 0xBF, 0xBD], [0xC0, 0x80],
                                  [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x80], [0xFF], [0x41, 0x00, 0x42],
                                  Array(Array("政治学原理".utf8).dropLast()), [0xC3, 0xA9, 0xE9]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 9) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = UInt8(truncatingIfNeeded: state >> 33)
                bytes.append(state & 1 == 0 ? pick : [0xE4, 0xB8, 0xAD, 0x30, 0xC2, 0xA9, 0xF0, 0x9F, 0x98, 0x80][Int(pick) % 10])
            }
            samples.append(bytes)
        }
        for bytes in samples {
            #expect(CSVTranscriptReader.utf8(bytes) == String(validating: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test func trimmingAgreesWithTheSlowPath() {
        for text in ["", " ", "\u{3000}", "李四", " 李四", "李四 ", "\u{3000}李四\u{3000}", "\u{FEFF}03706", "60\r", "\t合格\t", "a", "中\u{3000}文"] {
            let scalars = text.unicodeScalars
            let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\r" || $0 == "\n" || $0 == "\u{FEFF}" }
            let expected = scalars.firstIndex(where: { !isSpace($0) }).flatMap { first in
                scalars.lastIndex(where: { !isSpace($0) }).map { String(scalars[first...$0]) }
            } ?? ""
            #expect(text.trimmingSpaces() == expected, "\(text.debugDescription)")
        }
    }

    /// Byte samples for the checks below: real cells, broken sequences, and random mixes of ASCII and multi-byte pieces.
    private static let byteSamples: [[UInt8]] = {
        var samples: [[UInt8]] = [[], Array("03706".utf8), Array("思想道德修养与法律基础".utf8), [0xEF, 0xBF, 0xBD], [0xC0, 0x80],
                                  [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
                                  [0xF0, 0x8F, 0xBF, 0xBF], [0xE0, 0x9F, 0xBF], [0xE4, 0xB8], [0x80], [0xFF], [0xF5, 0x80, 0x80, 0x80],
                                  [0x41, 0x00, 0x42], Array(Array("政治学原理".utf8).dropLast()), [0xC3, 0xA9, 0xE9],
                                  Array("0123456789abcdef中文0123456789".utf8), Array("\u{3000}李四\u{FEFF} ".utf8)]
        let pieces: [[UInt8]] = [[0x30], [0x20], [0x0A], [0xE4, 0xB8, 0xAD], [0xC2, 0xB7], [0xC3, 0xA9], [0xE3, 0x80, 0x80],
                                 [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80], [0xF0, 0xA0, 0x80, 0x80], [0xCE, 0xA9], [0xE2, 0x80, 0x9C]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 23) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 33)
                if pick % 7 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: pick >> 3))
                } else {
                    bytes += pieces[pick % pieces.count]
                }
            }
            samples.append(bytes)
        }
        return samples
    }()

    /// `batch` checks a row's bytes once (`TextDecoding.checkRow`) instead of each cell: it must accept and reject
    /// exactly what `String(validating:as:)` does, and find unexpected characters exactly where `onlyExpected` does.
    @Test func rowCheckAgreesWithTheStandardLibraryAndTheStringCheck() {
        for bytes in Self.byteSamples {
            let check = bytes.withUnsafeBufferPointer { TextDecoding.checkRow($0) }
            let text = String(validating: bytes, as: UTF8.self)
            #expect((check != .invalid) == (text != nil), "\(bytes)")
            if let text { #expect((check == .expected) == CSVTranscriptReader.onlyExpected(text), "\(bytes)") }
        }
    }

    /// For valid UTF-8, trimming and the check for unexpected characters on bytes agree with their `String` versions.
    @Test func byteTrimmingAndExpectedCharactersAgreeWithTheStringVersions() {
        for bytes in Self.byteSamples {
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            bytes.withUnsafeBufferPointer { buffer in
                let trimmed = CSVRowDecoder.trimmingSpaces(buffer)
                #expect(String(decoding: trimmed, as: UTF8.self) == text.trimmingSpaces(), "\(bytes)")
                #expect(CSVTranscriptReader.onlyExpected(utf8: trimmed) == CSVTranscriptReader.onlyExpected(text.trimmingSpaces()), "\(bytes)")
            }
        }
    }

    /// A file is read in 1 MiB pieces: rows, quoted cells over several lines, doubled quotes and CR or CRLF line ends
    /// that straddle two pieces read as they do from memory (one piece).
    @Test func rowsAcrossReadBuffersReadAsFromMemory() throws {
        var text = "a,b,c\n"
        var index = 0
        while text.utf8.count < 3 << 20 {
            switch index % 5 {
            case 0: text += "\(index),\"x\ny \"\"\(index)\"\" 中文\",z\r\n"
            case 1: text += "\(index),思想道德修养与法律基础,\"\"\r"
            case 2: text += "\(index),\"\(String(repeating: "长", count: index % 97))\",\n\n,,\n"
            case 3: text += "\(index),a\"b,\"c\rd\"\n"
            default: text += "\(index),\(String(repeating: "x", count: index % 301)),end\n"
            }
            index += 1
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-buffers-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var streamed = try CSVParser(path: url.path)
        defer { streamed.close() }
        var inMemory = CSVParser(bytes: Array(text.utf8))
        var count = 0
        while true {
            let fromFile = try streamed.next()
            let fromMemory = try inMemory.next()
            #expect(fromFile?.line == fromMemory?.line)
            #expect(fromFile?.fields == fromMemory?.fields, "row \(count)")
            guard fromFile != nil, fromMemory != nil, fromFile?.fields == fromMemory?.fields else { break }
            count += 1
        }
        #expect(count == index + 1, "the header and every row")
    }
}
