/// A node of a plan's requirement tree. Every node has a stable `id` (a course node's defaults to its code)
/// by which audits, explanations and office decisions address it.
public struct Requirement: Sendable, Hashable, Codable {
    /// The node's stable id (a course node's defaults to its code).
    public var id: String
    /// The title shown to people.
    public var title: String?
    /// A note shown with the node.
    public var note: String?
    /// For an alternative: the candidate's situation as the plan words it (考外语者 / 不考外语者).
    public var when: String?
    /// Courses used here may also be used by other nodes.
    public var shared: Bool
    /// A course, all-of, one-of, choose N, pool or alternatives.
    public var shape: Shape
    /// Applies only under this condition (an alternative option not open to the candidate; a node not required).
    public var onlyIf: RuleCondition? = nil
    /// Only results passed in this window count for this node and every node below it.
    public var window: PassWindow? = nil
    /// Where the node is written: its `id`, else its course code (a course node), else the start of its mapping.
    public var location: SourceLocation
    /// For a course node written `{id: ..., course: ...}`: where the code is written (nil when `location` is the code).
    public var codeLocation: SourceLocation?

    /// A node from its parts.
    public init(id: String, title: String? = nil, note: String? = nil, when: String? = nil, shared: Bool = false,
                shape: Shape, location: SourceLocation, codeLocation: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.note = note
        self.when = when
        self.shared = shared
        self.shape = shape
        self.location = location
        self.codeLocation = codeLocation
    }

    /// Not `indirect`: the recursive cases hold arrays, which are references already, so no case needs a box of
    /// its own (one allocation less per node).
    public enum Shape: Sendable, Hashable, Codable {
        /// Pass this course. `writtenName` is the name written next to the code, if any (checked against the catalog).
        case course(CourseCode, writtenName: String?)
        /// Every child.
        case allOf([Requirement])
        /// `count` of the children (one-of is `count == 1`).
        case choose(count: Int, of: [Requirement])
        /// Courses from the pool reaching the minimums; credits above `maxCredits` do not count toward the total.
        case pool(courses: [Located<CourseCode>], minCredits: Int?, minCourses: Int?, maxCredits: Int?)
        /// One of the children, chosen by the candidate's situation (each child has `when`).
        case alternatives([Requirement])
    }

    /// Direct children (empty for leaves).
    public var children: [Requirement] {
        switch shape {
        case .allOf(let nodes), .choose(_, let nodes), .alternatives(let nodes): nodes
        case .course, .pool: []
        }
    }

    /// This node and every node below it, depth first.
    public func forEachNode(_ body: (Requirement) -> Void) {
        body(self)
        for child in children { child.forEachNode(body) }
    }

    /// Every course code named in this subtree, in order of appearance (duplicates kept).
    public var courseCodes: [CourseCode] {
        var codes: [CourseCode] = []
        forEachNode { node in
            switch node.shape {
            case .course(let code, _): codes.append(code)
            case .pool(let courses, _, _, _): codes.append(contentsOf: courses.map(\.value))
            default: break
            }
        }
        return codes
    }
}
