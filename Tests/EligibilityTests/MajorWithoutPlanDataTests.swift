import Foundation
import Testing
import Eligibility

/// "No plan data" says when the major stopped enrolling (停止新生报名) or was renamed.
@Suite("Majors without plan data")
struct MajorWithoutPlanDataTests {
    static let graph = Support.graph(Support.header + """
        majors:
          - {code: "680503", name: 法律事务, level: 专科, institutions: [测试大学], status: stopped, stopped-since: 2024-01-01}
          - {code: "580401", name: 法律事务, level: 专科, institutions: [测试大学], former-codes: ["680504"]}
          - {code: "590206", name: 行政管理, level: 专科, institutions: [测试大学], former-codes: ["680503"]}
          - {code: "120402", name: 行政管理, level: 专升本, institutions: [测试大学]}
        """)

    func message(_ code: String) -> LocalizedText? {
        let request = AuditRequest(candidate: Support.candidate(), records: [], major: MajorKey(province: "江苏", code: code), applicationDate: Support.date)
        do {
            _ = try AuditEngine(graph: Self.graph).audit(request)
        } catch {
            if case .noPlanData = error { return error.message }
        }
        return nil
    }

    @Test func plainMajorKeepsThePlainMessage() {
        #expect(message("120402") == LocalizedText(zh: "专业 120402 行政管理（江苏）暂无考试计划数据，无法审核",
                                                   en: "no plan data for major 120402 行政管理 (江苏); it cannot be audited"))
    }

    @Test func stoppedAndRenamedMajorSaysBoth() throws {
        let text = try #require(message("680503"))
        #expect(text.en == "no plan data for major 680503 法律事务 (江苏); it cannot be audited; the major has been renamed to 590206 行政管理: "
                + "audit under the new code; the major has stopped enrolling new candidates (停止新生报名) since 2024-01-01 but still graduates "
                + "those registered: its plan must be added to the curricula (from the provincial exam office) before they can be audited")
        #expect(text.zh == "专业 680503 法律事务（江苏）暂无考试计划数据，无法审核；该专业已更名为 590206 行政管理，请按新专业代码审核；"
                + "该专业已停止新生报名（自 2024-01-01 起），仍为已报考的考生办理毕业：须先在课程数据中补充其考试计划（向省自考办索取），才能审核")
    }

    @Test func formerCodesAreNamed() {
        #expect(message("580401")?.en == "no plan data for major 580401 法律事务 (江苏; formerly 680504); it cannot be audited")
        #expect(message("580401")?.zh == "专业 580401 法律事务（江苏，原代码 680504）暂无考试计划数据，无法审核")
    }
}
