import Application
import Eligibility
import Foundation
import PropertyBased
import Testing

/// Random event sequences (any event, any actor, any day of the window and just outside it) against the invariants.
struct ApplicationPropertyTests {
    static let contents = [Fixtures.electronic, Fixtures.paper, ApplicationContent()]

    static func randomEvent(using rng: inout some RandomNumberGenerator) -> (ApplicationEvent, Actor, Int) {
        let content = contents.randomElement(using: &rng) ?? Fixtures.electronic
        let verdict = [Audit.Verdict.eligible, .eligiblePendingReview, .notEligible].randomElement(using: &rng) ?? .eligible
        var form = Fixtures.form
        if Bool.random(using: &rng) { form.ethnicity = "汉" }
        let events: [ApplicationEvent] = [
            .edit(content: content), .submit(audits: Fixtures.audits(content, verdict)), .submit(audits: Fixtures.audits(Fixtures.electronic, verdict)),
            .uploadPhoto(file: Bool.random(using: &rng) ? Fixtures.photo : UploadedFile(name: "a.bmp", bytes: 10)),
            .verifyPhoto, .rejectPhoto(reason: "模糊"), .passSystemReview, .approve, .reject(reason: "原因"), .reopen,
            .pay(payment: Payment()), .fillForm(form: form), .handIn(copies: Int.random(in: 1...2, using: &rng), originalsChecked: Bool.random(using: &rng)),
        ]
        let event = events.randomElement(using: &rng) ?? .reopen
        // Mostly the actor the event belongs to, sometimes any.
        let actor = Int.random(in: 0..<5, using: &rng) == 0 ? (Actor.allCases.randomElement(using: &rng) ?? .candidate)
                                                          : (event.kind.actors.sorted { $0.rawValue < $1.rawValue }.randomElement(using: &rng) ?? .candidate)
        return (event, actor, Int.random(in: 18...30, using: &rng))
    }

    struct Run: Sendable, CustomStringConvertible {
        var steps: [(ApplicationEvent, Actor, Int)]
        var description: String { steps.map { "\($0.0.kind.rawValue)/\($0.1.rawValue)@\($0.2)" }.joined(separator: " ") }
    }

    static let runs = Generator<Run, Shrink.None<Run>> { rng in
        // Days in order (an event dated before the history's last one is refused: TransitionTests.history).
        let steps = (0..<Int.random(in: 1...60, using: &rng)).map { _ in randomEvent(using: &rng) }
        let days = steps.map(\.2).sorted()
        return Run(steps: zip(steps, days).map { ($0.0.0, $0.0.1, $0.1) })
    }

    @Test("never more resubmissions than allowed, never a change after approval, never payment before approval")
    func invariants() async {
        await propertyCheck(count: 400, input: Self.runs) { run in
            var application = GraduationApplication(candidate: Fixtures.candidate, province: "山西", term: "2021下半年",
                                                    content: Fixtures.electronic)
            let policy = Fixtures.windowed
            var approvedContent: ApplicationContent?
            var submissions = 0
            var accepted = 0
            for (event, actor, day) in run.steps {
                let time = Fixtures.nov(day)
                guard case .success(let next) = application.applying(event, by: actor, at: time, policy: policy) else { continue }
                accepted += 1
                if event.kind == .submit { submissions += 1 }
                if event.kind == .pay { #expect(application.state == .approved && application.photo.isVerified) }
                application = next
                if application.isApproved, approvedContent == nil { approvedContent = application.content }
                if let approvedContent { #expect(application.content == approvedContent) }
                #expect(application.resubmissionsUsed <= policy.resubmissionsAfterRejection)
                #expect(submissions <= 1 + policy.resubmissionsAfterRejection)
                #expect(application.payment == nil || application.isApproved)
                if application.state == .handedIn { #expect(application.registrationForm != nil) }
            }
            #expect(application.history.count == accepted)
            #expect(zip(application.history, application.history.dropFirst()).allSatisfy { $0.at <= $1.at })
        }
    }
}

/// The random sequences reach every state, so the invariants above are checked in each.
struct ApplicationGeneratorCoverageTests {
    @Test func everyStateIsReached() {
        var rng = Xoshiro(seed: (13, 17, 19, 23))
        var reached: Set<ApplicationState> = []
        for _ in 0..<400 {
            var application = GraduationApplication(candidate: Fixtures.candidate, province: "山西", term: "2021下半年",
                                                    content: Fixtures.electronic)
            for _ in 0..<60 {
                let (event, actor, day) = ApplicationPropertyTests.randomEvent(using: &rng)
                let time = max(Fixtures.nov(day), application.history.last?.at ?? .distantPast)
                if case .success(let next) = application.applying(event, by: actor, at: time, policy: Fixtures.windowed) {
                    application = next
                    reached.insert(next.state)
                }
            }
        }
        #expect(reached == Set(ApplicationState.allCases))
    }
}
