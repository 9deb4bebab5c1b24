import Foundation
import Testing

/// `curriculum form check` and `curriculum application next` end to end, against `Expected/`.
struct ApplicationCLITests {
    @Test("form check: a valid form exits 0")
    func validForm() throws {
        let output = try CLI.run(["form", "check", "Examples/毕业生登记表-张三.yaml", "--date", "2021-11-30", "--lang", "zh"])
        CLI.expect(output, matches: "form-check-valid-zh")
    }

    @Test("form check: every error names its field, exit 1 (text and JSON)")
    func brokenForm() throws {
        CLI.expect(try CLI.run(["form", "check", "Examples/毕业生登记表-broken.yaml", "--date", "2021-11-30", "--lang", "zh"]),
                   matches: "form-check-broken-zh")
        CLI.expect(try CLI.run(["form", "check", "Examples/毕业生登记表-broken.yaml", "--date", "2021-11-30", "--lang", "en",
                                "--format", "json"]), matches: "form-check-broken-json", stdout: .json)
    }

    @Test("form check: an unreadable file or a bad --date is exit 2")
    func usage() throws {
        #expect(try CLI.run(["form", "check", "Examples/no-such-form.yaml"]).exitCode == 2)
        #expect(try CLI.run(["form", "check", "Examples/毕业生登记表-张三.yaml", "--date", "2021/11/30"]).exitCode == 2)
        #expect(try CLI.run(["form", "check", "Examples/030101K-钱七.json"]).exitCode == 2)
    }

    @Test("application next: a rejected application may apply again, and nothing else")
    func next() throws {
        CLI.expect(try CLI.run(["application", "next", "Examples/application-张三-rejected.json", "--at", "2021-11-30", "--lang", "zh"]),
                   matches: "application-next-rejected-zh")
        CLI.expect(try CLI.run(["application", "next", "Examples/application-张三-rejected.json", "--at", "2021-11-30", "--format", "json"]),
                   matches: "application-next-rejected-json", stdout: .json)
        #expect(try CLI.run(["application", "next", "Examples/毕业生登记表-张三.yaml"]).exitCode == 2)
    }
}
