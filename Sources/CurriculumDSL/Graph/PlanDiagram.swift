/// A plan's requirement tree as a picture: Graphviz DOT or Mermaid flowchart text.
public enum PlanDiagram {
    /// The diagram languages: Graphviz DOT and Mermaid.
    public enum Format: String, Sendable, CaseIterable {
        /// Graphviz DOT.
        case dot
        /// Mermaid (a flowchart).
        case mermaid
    }

    /// The diagram with its labels in `language` (Chinese by default; no English tags inside Chinese labels).
    public static func render(_ plan: Plan, graph: CurriculumGraph, format: Format, language: Language = .zh) -> String {
        var lines: [String] = []
        var counter = 0
        let breakToken = format == .dot ? "\\n" : "<br/>"
        func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        func label(_ node: Requirement) -> String {
            var parts: [String]
            // An option of a choice is named by its `when`; its id only when it has neither title nor `when`.
            let name = node.title ?? (node.when == nil ? node.id : nil)
            switch node.shape {
            case .course(let code, _):
                let course = graph.courses[code]
                parts = ["\(code) \(course?.name ?? "")", t("\(course?.credits ?? 0) 学分", "\(course?.credits ?? 0) credits")]
            case .allOf: parts = [t("全部", "all of")]
            case .choose(1, _): parts = [t("任选1门", "one of")]
            case .choose(let count, _): parts = [t("任选\(count)门", "choose \(count)")]
            case .alternatives: parts = [t("按考生情况", "by the candidate's case")]
            case .pool(let courses, let minCredits, let minCourses, let maxCredits):
                parts = [t("课程池（\(courses.count) 门）", "pool (\(courses.count) courses)")]
                if let minCredits { parts.append(t("≥\(minCredits) 学分", "≥\(minCredits) credits")) }
                if let minCourses { parts.append(t("≥\(minCourses) 门", "≥\(minCourses) courses")) }
                if let maxCredits { parts.append(t("≤\(maxCredits) 计入", "≤\(maxCredits) counted")) }
            }
            if case .course = node.shape {} else if let name { parts.insert(name, at: 0) }
            if let when = node.when { parts.insert(when, at: 0) }
            return parts.map(escape).joined(separator: breakToken)
        }
        func escape(_ text: String) -> String {
            String(text.map { $0 == "\"" ? "'" : $0 })
        }
        func visit(_ node: Requirement, parent: String?, edgeLabel: String?) {
            counter += 1
            let name = "n\(counter)"
            let text = label(node)
            switch format {
            case .dot:
                let shape = if case .course = node.shape { "box" } else { "ellipse" }
                lines.append("  \(name) [label=\"\(text)\", shape=\(shape)];")
                if let parent { lines.append("  \(parent) -> \(name)\(edgeLabel.map { " [label=\"\(escape($0))\"]" } ?? "");") }
            case .mermaid:
                if case .course = node.shape {
                    lines.append("  \(name)[\"\(text)\"]")
                } else {
                    lines.append("  \(name)([\"\(text)\"])")
                }
                if let parent { lines.append("  \(parent) --> \(name)") }
            }
            for child in node.children { visit(child, parent: name, edgeLabel: nil) }
            if case .pool(let courses, _, _, _) = node.shape {
                for code in courses {
                    counter += 1
                    let child = "n\(counter)"
                    let course = graph.courses[code.value]
                    let courseText = escape("\(code.value) \(course?.name ?? "") (\(course?.credits ?? 0))")
                    switch format {
                    case .dot:
                        lines.append("  \(child) [label=\"\(courseText)\", shape=box, style=dashed];")
                        lines.append("  \(name) -> \(child) [style=dashed];")
                    case .mermaid:
                        lines.append("  \(child)[\"\(courseText)\"]")
                        lines.append("  \(name) -.-> \(child)")
                    }
                }
            }
        }
        var root = plan.requirements
        root.title = "\(plan.id) \(graph.majors[plan.major]?.name ?? "")"
        visit(root, parent: nil, edgeLabel: nil)
        for substitution in plan.substitutions {
            counter += 1
            let name = "n\(counter)"
            let text = escape("\(substitution.title ?? substitution.id) → \(substitution.replaces.value)")
            switch format {
            case .dot: lines.append("  \(name) [label=\"\(text)\", shape=note];")
            case .mermaid: lines.append("  \(name)>\"\(text)\"]")
            }
        }
        switch format {
        case .dot:
            return "digraph \"\(escape(plan.id))\" {\n  rankdir=LR;\n  node [fontname=\"Noto Sans CJK SC\"];\n" + lines.joined(separator: "\n") + "\n}\n"
        case .mermaid:
            return "flowchart LR\n" + lines.joined(separator: "\n") + "\n"
        }
    }
}

