import CurriculumDSL
import Foundation

/// Text and JSON renderings for the `curriculum form check` and `curriculum application next` commands.
public enum ApplicationReport {
    /// `FILE: field: message`, one per error, then a summary line.
    public static func formText(file: String, errors: [FormError], language: Language) -> String {
        var lines = errors.map { "\(file): \($0.message.text(in: language))" }
        lines.append(errors.isEmpty
            ? (language == .zh ? "\(file)：《毕业生登记表》各项符合要求" : "\(file): the registration form is valid")
            : (language == .zh ? "\(file)：\(errors.count) 处错误" : "\(file): \(errors.count) error(s)"))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func formJSON(file: String, errors: [FormError], language: Language) -> String {
        struct Output: Encodable {
            let file: String
            let valid: Bool
            let errors: [Entry]
        }
        struct Entry: Encodable {
            let field: String
            let message: String
        }
        return encode(Output(file: file, valid: errors.isEmpty, errors: errors.map { Entry(field: $0.field, message: $0.message.text(in: language)) }))
    }

    public static func nextText(_ application: GraduationApplication, steps: [NextStep], language: Language) -> String {
        let zh = language == .zh
        var lines = [(zh ? "状态：" : "state: ") + application.state.label.text(in: language)]
        if let reason = application.rejectionReason, application.state == .rejected {
            lines.append((zh ? "不通过原因：" : "rejection reason: ") + reason)
        }
        lines.append(zh ? "现在可以：" : "open now:")
        for step in steps where step.isOpen {
            lines.append("  ✓ \(step.label.text(in: language)) [\(step.event.rawValue)] — " + step.actors.map { $0.label.text(in: language) }.joined(separator: zh ? "或" : " or "))
        }
        lines.append(zh ? "现在不可以：" : "not open now:")
        for step in steps {
            guard let refusal = step.refusal else { continue }
            lines.append("  ✗ \(step.label.text(in: language)) [\(step.event.rawValue)] — \(refusal.message.text(in: language))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func nextJSON(_ application: GraduationApplication, steps: [NextStep], language: Language) -> String {
        struct Output: Encodable {
            let state: String
            let steps: [Step]
        }
        struct Step: Encodable {
            let event: String
            let actors: [String]
            let open: Bool
            let code: String?
            let reason: String?
        }
        return encode(Output(state: application.state.rawValue, steps: steps.map {
            Step(event: $0.event.rawValue, actors: $0.actors.map(\.rawValue), open: $0.isOpen, code: $0.refusal?.code,
                 reason: $0.refusal?.message.text(in: language))
        }))
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Decodes an application file (JSON; dates ISO 8601).
    public static func decodeApplication(_ data: Data) throws -> GraduationApplication {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(GraduationApplication.self, from: data)
    }

    /// Encodes an application for storage (JSON; dates ISO 8601).
    public static func encodeApplication(_ application: GraduationApplication) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(application) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
