import Foundation
import Testing

/// Regression tests for bugs of the `curriculum` executable found by the end-to-end tests (--show-ids, audits
/// without candidate data, one bad cell rejecting a file, directories, --admission, row and column of short rows
/// and open quotes, rejected rows still counted, silently dropped diploma cells, batch without 准考证号, symlinked
/// curricula, the institution message). Each test states the documented behaviour.
@Suite("CLI regressions")
struct CLIRegressionTests {
    private let jiangsu530605 = ["--major", "530605", "--province", "江苏", "--date", "2025-04-30"]

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curriculum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test
    func showIDs() throws {
        let check = try CLI.run(["check", Example.liSiGB18030] + jiangsu530605 + ["--lang", "en", "--show-ids"])
        #expect(check.exitCode == 0)
        #expect(check.out.hasPrefix("Candidate: 李四 (ID 320102199803150314, admission no. 030122100123)\n"))
        let batch = try CLI.run(["batch", Example.batch] + jiangsu530605 + ["--show-ids"])
        #expect(batch.out.contains("\n2,030122100201,周九,320102199001031014,eligible,"))
    }

    @Test
    func noCandidateDataFor专科() throws {
        let check = try CLI.run(["check", Example.coursesOnly] + jiangsu530605 + ["--lang", "en"])
        #expect(check.exitCode == 0)
        #expect(check.out.contains("Verdict: ✓ eligible"))
        #expect(check.err.contains("note: the transcript has no candidate data"))

        let batch = try CLI.run(["batch", Example.batch] + jiangsu530605)
        #expect(batch.out.contains("\n245,030122100217,,,eligible,0,0,,,all-requirements-met,,JS-2024-530605\n"))

        let bachelor = try CLI.run(["check", Example.coursesOnly, "--major", "030101K", "--province", "江苏", "--date", "2025-04-30", "--format", "json"])
        let audit = try #require(CLI.parseJSON(bachelor.out) as? [String: Any])
        let reasons = (audit["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(reasons == ["prior-diploma-missing", "missing-courses"])
    }

    @Test
    func undecodableCellIsReportedWithItsPlace() throws {
        let file = Example.liSiGB18030Broken
        let output = try CLI.run(["check", file] + jiangsu530605 + ["--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("\(file):8:6: error: this cell is not valid GB18030; the row was skipped — check the cell (it may be damaged), or save the file as CSV UTF-8 (column 课程名称)"))
        #expect(output.err.contains("\(file):12:7: note: '缺考': no result"))
        #expect(output.out.contains("✗ 13125 高等数学（经管类）  0/6"))
        #expect(output.out.contains("✗ 00058 市场营销学  0/5"))

        // UTF-8: 政治学原理 on row 6 loses its last byte.
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var bytes = try Example.bytes(Example.zhangSan)
        let name = Array("政治学原理".utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: name) })
        bytes.remove(at: start + name.count - 1)
        let utf8 = directory.appendingPathComponent("120402-张三-bad-byte.csv")
        try Data(bytes).write(to: utf8)
        let other = try CLI.run(["check", utf8.path, "--candidate", Example.zhangSanCandidate, "--major", "120402", "--province", "江苏", "--date", "2025-04-30"])
        #expect(other.exitCode == 2)
        #expect(other.err.contains("\(utf8.path):6:6: error:"))
        #expect(other.out.contains("✗ 14660 政治学原理  0/6"))
    }

    @Test
    func batchOnADirectory() throws {
        let output = try CLI.run(["batch", "Examples"] + jiangsu530605)
        #expect(output.exitCode == 2)
        #expect(output.err.contains("this is a directory, not a transcript file"))
    }

    @Test
    func admissionIgnoresOtherCandidatesRows() throws {
        let output = try CLI.run(["check", Example.batch, "--admission", "030122100206"] + jiangsu530605 + ["--lang", "en"])
        #expect(output.exitCode == 3)
        #expect(!output.err.contains(":159:"))
        #expect(!output.err.contains(":114:"))
    }

    @Test
    func rowProblemsHaveAColumn() throws {
        let output = try CLI.run(["check", Example.sunBaBroken, "--major", "120402", "--plan", "JS-2024-120402"] + jiangsu + ["--lang", "en"])
        let file = Example.sunBaBroken
        #expect(output.err.contains("\(file):5:7: error:"))
        #expect(output.err.contains("成绩"))
        #expect(output.err.contains("\(file):8:6: error: unterminated quote"))
    }

    @Test
    func errorRowIsStillCounted() throws {
        let output = try CLI.run(["check", Example.sunBaBroken, "--major", "120402", "--plan", "JS-2024-120402"] + jiangsu + ["--lang", "en"])
        #expect(output.out.contains("✗ 07816 公共行政学  0/4"))
        #expect(output.out.contains("Totals: credits 8/71"))
    }

    @Test
    func priorDiplomaCellsAreValidated() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("prior.csv")
        try Data("""
            准考证号,姓名,身份证号,性别,前置学历层次,前置学历专业,前置学历毕业日期,学信网验证,学信网姓名,学信网身份证号,学信网性别,课程代码,课程名称,成绩,合格时间
            010123456789,张三,11010519491231002X,女,专科,行政管理,2022-06-31,待核实,张三,11010519491231002X,F?,03708,中国近现代史纲要,72,2023-04-15

            """.utf8).write(to: file)
        let output = try CLI.run(["check", file.path, "--major", "120402"] + jiangsu + ["--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("\(file.path):2:7: error:"))
        #expect(output.err.contains("\(file.path):2:8: error:"))
        #expect(output.err.contains("\(file.path):2:11: error:"))
    }

    @Test
    func curriculaThroughASymlink() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("curricula")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: CLI.repository.appendingPathComponent("curricula"))
        let bundled = try CLI.run(["majors", "--date", "2025-04-30", "--lang", "en"])
        let linked = try CLI.run(["majors", "--curricula", link.path, "--date", "2025-04-30", "--lang", "en"])
        #expect(linked.exitCode == 0)
        #expect(linked.out == bundled.out)
    }

    @Test
    func wrongInstitutionNamesTheRightOne() throws {
        let output = try CLI.run(["check", Example.zhangSan, "--major", "120402", "--institution", "苏州大学"] + jiangsu + ["--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("南京师范大学"))
        #expect(!output.err.contains("did you mean 120202"))
    }

    @Test
    func batchNeedsAdmissionNumbers() throws {
        let output = try CLI.run(["batch", Example.coursesOnly] + jiangsu530605 + ["--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("准考证号"))
    }
}
