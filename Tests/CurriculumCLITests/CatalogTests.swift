import Foundation
import Testing

/// `curriculum majors`, `graph` and `whatif`.
///
/// Expected files checked by hand against curricula/:
/// - majors-en: 山西 first (sorted by province name), then 江苏; every Shanxi major but 530605 prints "no plan data for
///   this major (暂无考试计划数据)"; 530605 shows "(formerly 630701)" and SX-SEED-530605 in force; stopped majors carry
///   "[stopped enrolling]"; 江苏 030101K and 530605 have both plans in force on 2025-04-30 (the 2021 plans run until
///   2026-06-30) with 74/66 and 70/70 credits; 120402 71, 120202 71, 120203K 70, 590206 77 credits.
/// - majors-shanxi-zhuanke-zh: only 山西 专科 majors (7), 暂无考试计划数据 for all but 530605.
/// - graph-530605-jiangsu-dot: JS-2024-530605 (the newest plan), root all-of with the 16 codes of the plan in order and
///   their catalog credits (2,4,7,2,2,6,5,5,5,5,3,4,4,5,5,6).
/// - graph-030101K-2021-mermaid: JS-2021-030101K, foreign-language one-of with 00015/27016/27017/27018 (14 each) and
///   the 不考外语者 substitution note.
/// - whatif-530605-lisi-zh: 江苏 530605 eligible (0/0) first, then 山西 530605 (6 courses 27 credits, see
///   CheckTests.formerMajorCode), then the others by missing credits (each under its plan in force that leaves the
///   fewest courses: e.g. 江苏 590206 9 courses under JS-2021-590206); 34 majors without plan data.
/// - whatif-030101K-zhaoliu-bachelor-en: only 江苏 本科 majors; 030101K eligible first.
@Suite("majors, graph and whatif")
struct CatalogTests {
    @Test func majorsEnglish() throws {
        let output = try CLI.run(["majors", "--date", "2025-04-30", "--lang", "en"])
        CLI.expect(output, matches: "majors-en")
        #expect(output.exitCode == 0)
        #expect(output.out.contains("  590206 行政管理（专科） (formerly 690206) — 山西大学\n      no plan data for this major (暂无考试计划数据)\n"))
    }

    @Test func majorsOfShanxiWithoutPlanData() throws {
        let output = try CLI.run(["majors", "--province", "山西", "--level", "专科", "--date", "2025-04-30", "--lang", "zh"])
        CLI.expect(output, matches: "majors-shanxi-zhuanke-zh")
        #expect(output.exitCode == 0)
        #expect(output.out.contains("  580401 法律事务（专科）（原代码 680503） — 山西大学\n      暂无考试计划数据（no plan data for this major）\n"))
        #expect(!output.out.contains("江苏"))
    }

    @Test func majorsOfOneInstitution() throws {
        let output = try CLI.run(["majors", "--institution", "苏州大学", "--date", "2025-04-30", "--lang", "en"])
        #expect(output.exitCode == 0)
        #expect(output.out == """

            江苏
              030101K 法学（专升本） — 苏州大学
                  JS-2024-030101K（2024，2024-07-01 – 2025-04-30, 74 credits） ← in force on 2025-04-30
                  JS-2025-030101K（2025，2025-05-01 – …, 77 credits）
                  JS-2021-030101K（2021，… – 2026-06-30, 66 credits） ← in force on 2025-04-30
              050301 新闻学（专升本） — 南京师范大学、苏州大学
                  JS-2024-050301（2024，2024-07-01 – 2025-04-30, 71 credits） ← in force on 2025-04-30
                  JS-2025-050301（2025，2025-05-01 – …, 74 credits）
                  JS-2021-050301（2021，… – 2026-06-30, 59 credits） ← in force on 2025-04-30
              120206 人力资源管理（专升本） — 河海大学、苏州大学
                  JS-2024-120206（2024，2024-07-01 – 2025-04-30, 70 credits） ← in force on 2025-04-30
                  JS-2025-120206（2025，2025-05-01 – …, 73 credits）
                  JS-2021-120206（2021，… – 2026-06-30, 73 credits） ← in force on 2025-04-30

            """)
    }

    @Test func majorsPlanInForceDependsOnTheDate() throws {
        let output = try CLI.run(["majors", "--institution", "苏州大学", "--date", "2026-07-01", "--lang", "en"])
        #expect(output.out.contains("JS-2025-030101K（2025，2025-05-01 – …, 77 credits） ← in force on 2026-07-01"))
        #expect(output.out.contains("JS-2024-030101K（2024，2024-07-01 – 2025-04-30, 74 credits）\n"))
        #expect(output.out.contains("JS-2021-030101K（2021，… – 2026-06-30, 66 credits）\n"))
    }

    @Test func majorsUnknownInstitution() throws {
        let output = try CLI.run(["majors", "--institution", "南京财经大", "--date", "2025-04-30", "--lang", "en"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("no institution 南京财经大; did you mean 南京财经大学?"))
    }

    @Test func graphDot() throws {
        let output = try CLI.run(["graph", "--major", "530605", "--province", "江苏", "--plan", "JS-2024-530605", "--format", "dot", "--lang", "zh"])
        CLI.expect(output, matches: "graph-530605-jiangsu-dot")
        #expect(output.exitCode == 0)
        #expect(output.out.hasPrefix("digraph \"JS-2024-530605\" {\n"))
        #expect(output.out.hasSuffix("}\n"))
    }

    @Test func graphMermaid() throws {
        let output = try CLI.run(["graph", "--major", "030101K", "--province", "江苏", "--plan", "JS-2021-030101K", "--format", "mermaid", "--lang", "zh"])
        CLI.expect(output, matches: "graph-030101K-2021-mermaid")
        #expect(output.exitCode == 0)
        #expect(output.out.hasPrefix("flowchart LR\n"))
    }

    @Test func graphDefaultsToMermaid() throws {
        // Without --plan: the plan in force today (the 2025 revision).
        let output = try CLI.run(["graph", "--major", "530605", "--province", "江苏", "--lang", "zh"])
        #expect(output.out.hasPrefix("flowchart LR\n  n1([\"JS-2025-530605 市场营销<br/>全部\"])\n"), "Chinese labels without English tags")
        let english = try CLI.run(["graph", "--major", "530605", "--province", "江苏", "--lang", "en"])
        #expect(english.out.hasPrefix("flowchart LR\n  n1([\"JS-2025-530605 市场营销<br/>all of\"])\n  n2[\"15040 习近平新时代中国特色社会主义思想概论<br/>3 credits\"]\n"))
    }

    @Test func graphOfAMajorWithoutPlanData() throws {
        let output = try CLI.run(["graph", "--major", "590206", "--province", "山西"])
        #expect(output.exitCode == 2)
        #expect(output.err.contains("no plan data for major 590206"))
        #expect(output.out.isEmpty)
    }

    @Test func graphUnknownPlan() throws {
        let output = try CLI.run(["graph", "--major", "030101K", "--province", "江苏", "--plan", "JS-2019-030101K"])
        #expect(output.exitCode == 2)
        #expect(output.err == "error: major 030101K has no plan JS-2019-030101K; its plans: JS-2024-030101K, JS-2025-030101K, JS-2021-030101K\n")
    }

    @Test func whatIfRanksMajors() throws {
        let output = try CLI.run(["whatif", Example.liSiGB18030, "--date", "2025-04-30", "--lang", "zh"])
        CLI.expect(output, matches: "whatif-530605-lisi-zh")
        #expect(output.exitCode == 0)
        let first = output.out.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(first.contains("江苏 530605 市场营销（专科）") && first.contains("符合毕业条件"))
    }

    @Test func whatIfBachelorMajorsOfJiangsu() throws {
        let output = try CLI.run(["whatif", Example.zhaoLiuYAML, "--province", "江苏", "--level", "本科", "--date", "2025-04-30", "--lang", "en"])
        CLI.expect(output, matches: "whatif-030101K-zhaoliu-bachelor-en")
        #expect(output.exitCode == 0)
        #expect(!output.out.contains("专科）"))
    }

    @Test func whatIfLimit() throws {
        let output = try CLI.run(["whatif", Example.liSiGB18030, "--date", "2025-04-30", "--lang", "en", "--limit", "2"])
        #expect(output.out.split(separator: "\n").count == 4, "header, two rows and the no-plan-data note:\n\(output.out)")
    }
}
