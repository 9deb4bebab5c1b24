import CurriculumDSL
import Foundation

/// Which events are open now, to whom, and why the others are not: what `curriculum application next` prints.
public struct NextStep: Sendable, Hashable, Codable {
    public var event: ApplicationEvent.Kind
    public var actors: [Actor]
    public var label: LocalizedText
    /// Nil when the step is open.
    public var refusal: Refusal?

    public var isOpen: Bool { refusal == nil }
}

extension GraduationApplication {
    /// Every event kind with, for each, whether it is open at `time` (to the first actor allowed to cause it) and
    /// if not, why. Payload checks (the form's fields, the photo file) are not part of this: only the state, the
    /// windows and the counts.
    public func nextSteps(at time: Date, policy: ApplicationPolicy) -> [NextStep] {
        ApplicationEvent.Kind.allCases.map { kind in
            let actors = kind.actors.sorted { $0.rawValue < $1.rawValue }
            let refusal = actors.first.flatMap { gate(kind, by: $0, at: time, policy: policy) }
            return NextStep(event: kind, actors: actors, label: kind.label, refusal: refusal)
        }
    }
}
