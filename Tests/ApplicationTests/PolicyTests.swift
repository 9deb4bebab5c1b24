import Application
import Eligibility
import Testing

/// The `graduation-application` block of a province file.
struct PolicyTests {
    @Test("Shanxi's values, each from the seed")
    func shanxi() {
        #expect(Fixtures.curricula.diagnostics.filter { $0.severity == .error }.isEmpty)
        let policy = Fixtures.shanxi
        #expect(policy.source?.value == "SX-SEED")
        #expect(policy.maxInstitutions == 2)                    // 最多可选择两所主考院校
        #expect(policy.resubmissionsAfterRejection == 1)        // 重新申请仅限 1 次机会
        #expect(policy.evidenceScanFormats == ["zip", "rar"])  // 扫描件压缩包(zip或rar文件)
        #expect(policy.evidenceOriginalsRequired)               // 将上传的材料原件与《毕业生登记表》…一并交回
        #expect(policy.photo == PhotoRule(formats: ["png", "jpg", "jpeg"], maxMegabytes: 2))
        #expect(policy.registrationForm == RegistrationFormRule(copies: 2, selfAppraisalMinCharacters: 400, minResumeRows: 1))
        #expect(policy.windows.isEmpty)                         // blurred in the seed
        #expect(policy.fee == nil)                              // blurred in the seed
        #expect(Fixtures.curricula.graph.provinces["山西"]?.maxInstitutionsPerApplication == 2)
    }

    static func load(_ block: String) -> LoadResult {
        CurriculumLoader().load(text: """
            provinces:
              - name: 测试
                graduation-application:
            \(block)
            """, path: "p.yaml")
    }

    @Test("values decode, with positions for mistakes")
    func decoding() {
        let result = Self.load("""
                  resubmissions-after-rejection: 2
                  max-institutions-per-application: 3
                  fee: 40
                  windows:
                    - {term: 2021下半年, opens: 2021-11-20, closes: 2021-11-30, hand-in-until: 2021-12-10}
                  photo: {formats: [PNG], max-megabytes: 1}
                  registration-form: {copies: 3, self-appraisal-min-characters: 500, min-resume-rows: 2}
            """)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let policy = result.graph.provinces["测试"]?.applicationPolicy
        #expect(policy?.resubmissionsAfterRejection == 2)
        #expect(policy?.maxInstitutions == 3)
        #expect(policy?.fee == 40)
        #expect(policy?.windows.map(\.term) == ["2021下半年"])
        #expect(policy?.windows.first?.handInUntil == CivilDate("2021-12-10"))
        #expect(policy?.photo == PhotoRule(formats: ["png"], maxMegabytes: 1))
        #expect(policy?.registrationForm == RegistrationFormRule(copies: 3, selfAppraisalMinCharacters: 500, minResumeRows: 2))
        #expect(result.graph.provinces["测试"]?.maxInstitutionsPerApplication == 3)
    }

    @Test("a window that closes before it opens, an unknown key and a wrong type are reported where written")
    func mistakes() {
        let result = Self.load("""
                  resubmisions-after-rejection: 1
                  evidence-originals: yes
                  windows:
                    - {term: T, opens: 2021-11-30, closes: 2021-11-20}
            """)
        let found = result.diagnostics.filter { $0.severity == .error }.map { "\($0.rule.rawValue)@\($0.location?.line ?? 0)" }
        #expect(found == ["schema.unknown-key@4", "schema.invalid-value@5", "schema.invalid-value@7"])
    }

    @Test("the block's source must be a known source id")
    func unknownSource() {
        let result = Self.load("""
                  source: NO-SUCH-SOURCE
            """)
        let found = result.diagnostics.filter { $0.severity == .error }
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 4)
        #expect(found.first?.message.en.contains("NO-SUCH-SOURCE") == true)
    }

    @Test("without a block the defaults apply, with the province's own max-institutions key")
    func defaults() {
        let result = CurriculumLoader().load(text: "provinces:\n  - {name: 测试, max-institutions-per-application: 1}\n", path: "p.yaml")
        let policy = result.graph.provinces["测试"]?.applicationPolicy
        #expect(policy == ApplicationPolicy(maxInstitutions: 1))
    }
}
