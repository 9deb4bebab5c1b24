// Catalog checks: a thesis with credits, a major without an examining institution, an institution without a major.
enum CatalogChecks {
    static func run(_ context: inout LintContext) {
        thesisCredits(&context)
        majorsWithoutInstitution(&context)
        institutionsWithoutMajor(&context)
    }

    /// A thesis (毕业论文/设计) is graded and has 0 credits.
    static func thesisCredits(_ context: inout LintContext) {
        for course in context.graph.courses.values.sorted(by: { $0.code < $1.code }) where course.kind == .thesis && course.credits > 0 {
            let at = context.index.location(of: "credits", around: course.location) ?? course.location
            context.report(DiagnosticMessages.thesisWithCredits(course.code, credits: course.credits, at: at))
        }
    }

    /// A major without institutions. Institutions of its province that examine no major are named in notes:
    /// the two are usually one mistake, reported once here.
    static func majorsWithoutInstitution(_ context: inout LintContext) {
        let orphans = orphanInstitutions(context)
        for major in context.majors where major.institutions.isEmpty {
            let at = context.index.location(of: "institutions", around: major.location) ?? major.location
            // An `institutions` value the loader could not read (an undefined alias, a mapping) is reported there.
            guard !context.loaderReported(onLineOf: at) else { continue }
            var diagnostic = DiagnosticMessages.majorWithoutInstitution(major.key, name: major.name, at: at)
            diagnostic.notes = orphans.filter { $0.province.value == major.province }.map { institution in
                .init(.init(zh: "本省的主考院校“\(institution.name)”没有主考任何专业", en: "institution \(institution.name) of this province examines no major"),
                      at: institution.location)
            }
            context.report(diagnostic)
        }
    }

    /// An institution no major lists. When a major of its province lists none, that major is the root cause
    /// (reported there) and this finding is only a consequence: not shown, though it still uses up a suppression.
    static func institutionsWithoutMajor(_ context: inout LintContext) {
        guard !context.graph.inputIncomplete else { return }   // the majors of an unreadable file are missing
        let provincesLacking = Set(context.graph.majors.values.filter(\.institutions.isEmpty).map(\.province))
        for institution in orphanInstitutions(context) {
            let diagnostic = DiagnosticMessages.institutionWithoutMajor(institution.name, at: institution.location)
            if provincesLacking.contains(institution.province.value) {
                context.reportConsequence(diagnostic)
            } else {
                context.report(diagnostic)
            }
        }
    }

    /// Institutions no major lists. Names written under a major the loader could not decode count as listed, and
    /// so does the closest institution to an unknown name a major lists (a typo the loader reports with "did you
    /// mean"): those are the root causes.
    static func orphanInstitutions(_ context: LintContext) -> [Institution] {
        let names = Array(context.graph.institutions.keys)
        var listed: Set<String> = []
        for major in context.graph.majors.values {
            for institution in major.institutions {
                listed.insert(institution.value)
                if context.graph.institutions[institution.value] == nil, let close = Suggestion.closest(to: institution.value, among: names) {
                    listed.insert(close)
                }
            }
        }
        guard context.graph.institutions.keys.contains(where: { !listed.contains($0) }) else { return [] }
        for name in context.index.institutionNamesListedByMajors where !listed.contains(name) {
            listed.insert(name)
            if context.graph.institutions[name] == nil, let close = Suggestion.closest(to: name, among: names) { listed.insert(close) }
        }
        return context.graph.institutions.values.filter { !listed.contains($0.name) }.sorted { $0.location < $1.location }
    }
}
