import ArgumentParser
import CurriculumDSL

/// `curriculum schema`: the JSON Schema of the curriculum DSL, for editors (see docs/editor.md).
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the JSON Schema of curriculum files. 输出课程文件的 JSON Schema。")

    func run() {
        print(CurriculumSchema.json(), terminator: "")
    }
}
