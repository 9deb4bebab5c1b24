// Name punctuation drift: one name written with full-width punctuation in one place and half-width in another
// (计算机应用基础（实践） vs 计算机应用基础(实践)), or one name mixing both kinds of bracket.
enum NameDriftCheck {
    static let course = LocalizedText(zh: "课程", en: "course")
    static let major = LocalizedText(zh: "专业", en: "major")
    static let institution = LocalizedText(zh: "院校", en: "institution")

    /// Full-width punctuation and the half-width character it drifts to.
    static let halfWidth: [Unicode.Scalar: Unicode.Scalar] = [
        "（": "(", "）": ")", "［": "[", "］": "]", "，": ",", "：": ":", "；": ";", "！": "!", "？": "?",
        "\u{3000}": " ", "－": "-", "／": "/",
    ]

    /// `name` with full-width punctuation replaced by half-width: names equal here differ only in punctuation.
    static func normalized(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { halfWidth[$0] ?? $0 }))
    }

    /// Whether `name` uses both a full-width and a half-width bracket.
    static func mixesBrackets(_ name: String) -> Bool {
        let scalars = Set(name.unicodeScalars)
        return (scalars.contains("（") || scalars.contains("）")) && (scalars.contains("(") || scalars.contains(")"))
    }

    static func run(_ context: inout LintContext) {
        catalog(&context)
        plans(&context)
        majorsAndInstitutions(&context)
    }

    /// Catalog names: mixed brackets, and two courses whose names differ only in punctuation.
    static func catalog(_ context: inout LintContext) {
        var first: [String: Course] = [:]
        func nameAt(_ course: Course) -> SourceLocation { context.index.location(of: "name", around: course.location) ?? course.location }
        for course in context.graph.courses.values.sorted(by: { $0.location < $1.location }) {
            if mixesBrackets(course.name) {
                context.report(DiagnosticMessages.nameMixedWidth(course.name, what: Self.course, at: nameAt(course)))
                continue
            }
            let key = normalized(course.name)
            if let earlier = first[key] {
                if earlier.name != course.name {
                    context.report(DiagnosticMessages.namePunctuationDrift(written: course.name, expected: earlier.name, what: Self.course,
                                                                           at: nameAt(course), expectedAt: nameAt(earlier)))
                }
            } else {
                first[key] = course
            }
        }
    }

    /// A name written after a code in a plan (`"00019 计算机应用基础(实践)"`) that differs from the catalog only in
    /// punctuation. The loader reports it as `graph.course-name-mismatch` ("the code may be wrong"); this finding
    /// replaces that one, since the code is right and only the punctuation drifted.
    static func plans(_ context: inout LintContext) {
        for plan in context.plans {
            var nodes: [Requirement] = []
            plan.requirements.forEachNode { nodes.append($0) }
            for node in nodes {
                guard case .course(let code, let written?) = node.shape, let course = context.course(code),
                      written != course.name, !course.formerNames.contains(written)
                else { continue }
                let key = normalized(written)
                guard key == normalized(course.name) || course.formerNames.contains(where: { normalized($0) == key }) else { continue }
                let at = nameLocation(written, after: node.location, context: context)
                let catalogAt = context.index.location(of: "name", around: course.location) ?? course.location
                context.report(DiagnosticMessages.namePunctuationDrift(written: written, expected: course.name, what: Self.course,
                                                                       at: at, expectedAt: catalogAt),
                               replacing: "graph.course-name-mismatch", at: node.location)
            }
        }
    }

    /// Majors and institutions: mixed brackets in a name; majors of one code whose names differ only in punctuation.
    static func majorsAndInstitutions(_ context: inout LintContext) {
        var byCode: [String: Major] = [:]
        func nameAt(_ major: Major) -> SourceLocation { context.index.location(of: "name", around: major.location) ?? major.location }
        for major in context.majors {
            if mixesBrackets(major.name) {
                context.report(DiagnosticMessages.nameMixedWidth(major.name, what: Self.major, at: nameAt(major)))
                continue
            }
            if let earlier = byCode[major.code] {
                if earlier.name != major.name, normalized(earlier.name) == normalized(major.name) {
                    context.report(DiagnosticMessages.namePunctuationDrift(written: major.name, expected: earlier.name, what: Self.major,
                                                                           at: nameAt(major), expectedAt: nameAt(earlier)))
                }
            } else {
                byCode[major.code] = major
            }
        }
        for institution in context.graph.institutions.values.sorted(by: { $0.location < $1.location }) where mixesBrackets(institution.name) {
            context.report(DiagnosticMessages.nameMixedWidth(institution.name, what: Self.institution, at: institution.location))
        }
    }

    /// Where `name` is written on the line of a course shorthand whose code is at `codeAt`.
    static func nameLocation(_ name: String, after codeAt: SourceLocation, context: LintContext) -> SourceLocation {
        guard let line = context.index.line(codeAt.line, in: codeAt.file) else { return codeAt }
        let scalars = Array(line.unicodeScalars)
        let target = Array(name.unicodeScalars)
        let start = max(0, codeAt.column - 1)
        guard !target.isEmpty, scalars.count >= target.count, start <= scalars.count - target.count else { return codeAt }
        for offset in start...(scalars.count - target.count) where Array(scalars[offset..<(offset + target.count)]) == target {
            return SourceLocation(file: codeAt.file, line: codeAt.line, column: offset + 1, endColumn: offset + 1 + target.count)
        }
        return codeAt
    }
}
