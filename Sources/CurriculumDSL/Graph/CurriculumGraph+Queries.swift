// The questions tools and audits ask of a curriculum.
extension CurriculumGraph {
    /// Majors examined by `institution`, ordered by province and code.
    public func majors(examinedBy institution: String) -> [Major] {
        (majorsByInstitution[institution] ?? []).compactMap { majors[$0] }
    }

    /// Majors whose current or former code is `code`, in every province.
    public func majors(code: String) -> [Major] {
        (majorsByCode[code] ?? []).compactMap { majors[$0] }
    }

    /// Plans that name `code` anywhere (requirements, substitutions, mapping targets, additional courses).
    public func plans(using code: CourseCode) -> [Plan] {
        (plansByCourse[code] ?? []).compactMap { plans[$0] }
    }

    /// The plans of a major, in file order.
    public func plans(of major: Major) -> [Plan] {
        major.planIDs.compactMap { plans[$0] }
    }

    /// Every code that stands for the same course as `code` through renames and equivalences, sorted,
    /// `code` included.
    public func equivalenceClosure(of code: CourseCode) -> [CourseCode] {
        equivalenceClasses[code] ?? [code]
    }

    /// The code a course has now, following renames (`code` itself when never renamed).
    public func currentCode(of code: CourseCode) -> CourseCode {
        var current = code
        var seen: Set<CourseCode> = [code]
        while let next = renamedTo[current], seen.insert(next).inserted { current = next }
        return current
    }

    /// Plans of `major` in force on `date`, newest first (by `effectiveFrom`, then version). During a
    /// transition window this holds the new plan and the old one. With `institution`, only plans that apply
    /// to it.
    public func plansInForce(for major: Major, on date: CivilDate, institution: String? = nil) -> [Plan] {
        plans(of: major)
            .filter { $0.isInForce(on: date) }
            .filter { plan in
                guard let institution, !plan.institutions.isEmpty else { return true }
                return plan.institutions.contains { $0.value == institution }
            }
            .sorted { lhs, rhs in
                let l = lhs.effectiveFrom ?? .distantPast
                let r = rhs.effectiveFrom ?? .distantPast
                return l != r ? l > r : (lhs.version, lhs.id) > (rhs.version, rhs.id)
            }
    }

    /// The plan a new audit uses on `date`: the newest plan in force.
    public func plan(inForceOn date: CivilDate, for major: Major, institution: String? = nil) -> Plan? {
        plansInForce(for: major, on: date, institution: institution).first
    }

    /// The province's pass mark, or the national 60.
    public func passMark(for province: String) -> Int {
        provinces[province]?.passMark ?? Province.defaultPassMark
    }
}
