// Plan versions: overlapping effective periods of one major's plans, and stopped majors still open.
enum VersionChecks {
    static func run(_ context: inout LintContext) {
        overlappingPeriods(&context)
        stoppedMajors(&context)
    }

    /// Two plans of one major for a common institution, both in force on some day, where neither supersedes the
    /// other (a transition window is declared by `supersedes`).
    static func overlappingPeriods(_ context: inout LintContext) {
        for major in context.majors {
            // An undated plan states no period to compare; an empty period is graph.invalid-period.
            let plans = context.graph.plans(of: major).filter { plan in
                guard let from = plan.effectiveFrom, let until = plan.effectiveUntil else {
                    return plan.effectiveFrom != nil || plan.effectiveUntil != nil
                }
                return from <= until
            }
            guard plans.count > 1 else { continue }
            // A `supersedes` naming no plan is graph.unknown-reference; the plans it was meant to relate are not
            // compared until it is fixed.
            if plans.contains(where: { plan in plan.supersedes.map { context.graph.plans[$0.value] == nil } ?? false }) { continue }
            for (i, a) in plans.enumerated() {
                for b in plans[(i + 1)...] {
                    guard a.supersedes?.value != b.id, b.supersedes?.value != a.id,
                          shareInstitution(a, b), let overlap = overlap(a, b)
                    else { continue }
                    let aFrom = a.effectiveFrom ?? .distantPast
                    let bFrom = b.effectiveFrom ?? .distantPast
                    let (later, earlier) = bFrom > aFrom || (bFrom == aFrom && a.location < b.location) ? (b, a) : (a, b)
                    let at = context.index.location(of: "effective-from", around: later.location) ?? later.location
                    let otherAt = context.index.location(of: "effective-until", around: earlier.location) ?? earlier.location
                    context.report(DiagnosticMessages.overlappingPeriods(plan: later.id, other: earlier.id, major: major.key,
                                                                         from: overlap.from, until: overlap.until,
                                                                         at: at, otherAt: otherAt))
                }
            }
        }
    }

    private static func shareInstitution(_ a: Plan, _ b: Plan) -> Bool {
        guard !a.institutions.isEmpty, !b.institutions.isEmpty else { return true }
        return !Set(a.institutions.map(\.value)).isDisjoint(with: b.institutions.map(\.value))
    }

    /// The common days of two periods (open ends unbounded), if any.
    private static func overlap(_ a: Plan, _ b: Plan) -> (from: CivilDate?, until: CivilDate?)? {
        let start = max(a.effectiveFrom ?? .distantPast, b.effectiveFrom ?? .distantPast)
        let from = start == .distantPast ? nil : start
        let until: CivilDate?
        switch (a.effectiveUntil, b.effectiveUntil) {
        case (let x?, let y?): until = min(x, y)
        case (let x?, nil), (nil, let x?): until = x
        case (nil, nil): until = nil
        }
        if let until, until < start { return nil }
        return (from, until)
    }

    /// A stopped major (停止新生报名) keeps plans only to graduate candidates already registered, so each of its
    /// plans ends (`effective-until`) and none starts on or after `stopped-since`. A major with `stopped-since`
    /// must also say `status: stopped`.
    static func stoppedMajors(_ context: inout LintContext) {
        for major in context.majors {
            switch major.status {
            case .stopped:
                var offending: [(id: String, reason: LocalizedText, at: SourceLocation)] = []
                for plan in context.graph.plans(of: major) {
                    if let since = major.stoppedSince, let from = plan.effectiveFrom, from >= since {
                        let at = context.index.location(of: "effective-from", around: plan.location) ?? plan.location
                        offending.append((plan.id, .init(zh: "在停考（\(since)）之后的 \(from) 才生效", en: "takes effect on \(from), after the major stopped (\(since))"), at))
                    } else if plan.effectiveUntil == nil {
                        offending.append((plan.id, .init(zh: "没有 effective-until，一直开放", en: "has no effective-until: it stays open"), plan.location))
                    }
                }
                guard !offending.isEmpty else { continue }
                let at = context.index.location(of: "status", around: major.location) ?? major.location
                context.report(DiagnosticMessages.stoppedMajorOpen(major.key, name: major.name, plans: offending, at: at))
            case .open:
                guard let since = major.stoppedSince else { continue }
                let at = context.index.location(of: "stopped-since", around: major.location) ?? major.location
                context.report(DiagnosticMessages.stoppedSinceButOpen(major.key, name: major.name, since: since, at: at))
            }
        }
    }
}
