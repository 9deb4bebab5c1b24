// generate-curriculum OUTPUT_DIR [--institutions 30] [--majors 60] [--courses-per-plan 20] [--catalog 5000] [--seed 1]
//
// Writes a large, deterministic synthetic curriculum in the DSL (docs/DSL.md) that loads with zero
// diagnostics, for load-benchmark. The same options always give byte-identical files.

import Foundation

struct Options {
    var output = ""
    var institutions = 30
    var majors = 60
    var coursesPerPlan = 20
    var catalog = 5000
    var seed: UInt64 = 1

    static let usage = """
        usage: generate-curriculum OUTPUT_DIR [--institutions 30] [--majors 60] [--courses-per-plan 20] \
        [--catalog 5000] [--seed 1]

        Writes catalog/, provinces/ and institutions/ below OUTPUT_DIR (an empty or earlier-generated directory).
        """

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var positional: [String] = []
        var index = 0
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("generate-curriculum: \(message)\n\(usage)\n".utf8))
            exit(2)
        }
        while index < arguments.count {
            var argument = arguments[index]
            index += 1
            if argument == "-h" || argument == "--help" {
                print(usage)
                exit(0)
            }
            guard argument.hasPrefix("--") else {
                positional.append(argument)
                continue
            }
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                value = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            }
            guard let value, let number = Int(value), number > 0 || (argument == "--seed" && number == 0) else {
                fail("\(argument) needs a positive integer")
            }
            switch argument {
            case "--institutions": options.institutions = number
            case "--majors": options.majors = number
            case "--courses-per-plan": options.coursesPerPlan = number
            case "--catalog": options.catalog = number
            case "--seed": options.seed = UInt64(number)
            default: fail("unknown option \(argument)")
            }
        }
        guard positional.count == 1 else { fail("expected exactly one OUTPUT_DIR") }
        options.output = positional[0]
        if options.catalog < 200 || options.catalog > 89_800 { fail("--catalog must be in 200...89800") }
        if options.institutions > 99 { fail("--institutions must be at most 99") }
        if options.institutions * options.majors > 12 * 9_000 { fail("at most 108000 majors in one province") }
        if options.coursesPerPlan > 200 { fail("--courses-per-plan must be at most 200") }
        return options
    }
}

/// The subfolders this program writes. An earlier run's (recognised by the marker file) are replaced; a directory
/// with anything else in it, or without the marker, makes the program stop rather than delete someone's files.
let generatedFolders = ["catalog", "provinces", "institutions"]
/// Hidden, so the loader skips it.
let markerFile = ".generated-curriculum"

func prepare(_ directory: String) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else {
            FileHandle.standardError.write(Data("generate-curriculum: \(directory) is not a directory\n".utf8))
            exit(1)
        }
        let entries = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
        let foreign = entries.filter { !generatedFolders.contains($0) && $0 != markerFile }
        let earlierOutput = entries.contains(markerFile)
        guard foreign.isEmpty, entries.isEmpty || earlierOutput else {
            FileHandle.standardError.write(Data("""
                generate-curriculum: \(directory) is not empty and not an earlier output of this program \
                (\((foreign.isEmpty ? entries : foreign).sorted().prefix(3).joined(separator: ", "))); \
                give an empty or earlier-generated directory\n
                """.utf8))
            exit(1)
        }
        for folder in entries where generatedFolders.contains(folder) { try? manager.removeItem(atPath: directory + "/" + folder) }
    }
    for folder in generatedFolders {
        do {
            try manager.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
        } catch {
            FileHandle.standardError.write(Data("generate-curriculum: cannot create \(directory)/\(folder): \(error)\n".utf8))
            exit(1)
        }
    }
    guard manager.createFile(atPath: directory + "/" + markerFile, contents: Data("written by generate-curriculum\n".utf8)) else {
        FileHandle.standardError.write(Data("generate-curriculum: cannot write \(directory)/\(markerFile)\n".utf8))
        exit(1)
    }
}

var totalBytes = 0
var fileCount = 0

@MainActor
func write(_ text: String, to relative: String, in directory: String) {
    let data = Data(text.utf8)
    guard FileManager.default.createFile(atPath: directory + "/" + relative, contents: data) else {
        FileHandle.standardError.write(Data("generate-curriculum: cannot write \(directory)/\(relative)\n".utf8))
        exit(1)
    }
    totalBytes += data.count
    fileCount += 1
}

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let root = SplitMix64(seed: options.seed)
let province = "合成省"
prepare(options.output)

// Catalog: sources, courses, renames and equivalences.
var catalogRandom = root.derived(1)
let catalog = Catalog(count: options.catalog, random: &catalogRandom)

var sources = YAMLText(comment: "计划引用的文件（合成数据）")
sources.line(0, "sources:")
for (id, document, confidence) in [
    ("GEN", "合成省高等教育自学考试开考专业考试计划（合成数据）", "high"),
    ("GEN-CATALOG", "合成省自学考试开考专业目录（合成数据）", "medium"),
    ("GEN-HANDBOOK", "合成省自学考试报考简章（合成数据）", "low"),
] {
    sources.field(1, "- id", id)
    sources.field(2, "document", document)
    sources.field(2, "url", "https://example.invalid/synthetic/\(id.lowercased())")
    sources.field(2, "confidence", confidence)
    sources.field(2, "note", "由 generate-curriculum 生成，仅用于性能测试")
}
write(sources.text, to: "catalog/sources.yaml", in: options.output)
write(catalog.text(), to: "catalog/courses.yaml", in: options.output)
var renameRandom = root.derived(2)
write(catalog.renamesText(random: &renameRandom), to: "catalog/renames.yaml", in: options.output)

// The province: settings, examining institutions, a province-wide mapping and exemptions.
let institutionNames = (0..<options.institutions).map(Names.institution)
var provinceFile = YAMLText(comment: "\(province)：省级设置、主考院校、全省通用的课程对应与免考（合成数据）")
provinceFile.field(0, "province", province)
provinceFile.blank()
provinceFile.line(0, "provinces:")
provinceFile.field(1, "- name", province)
provinceFile.field(2, "pass-mark", 60)
provinceFile.field(2, "max-institutions-per-application", 2)
provinceFile.line(2, "stopped-major-rule:")
provinceFile.field(3, "source", "GEN-HANDBOOK")
provinceFile.field(3, "note", "可选考相同、相近且不低于原学分的课程")
provinceFile.blank()
provinceFile.line(0, "institutions:")
for (index, name) in institutionNames.enumerated() {
    provinceFile.field(1, "- name", name)
    provinceFile.code(2, "code", pad(10_000 + index * 7, 5))
}
provinceFile.blank()
provinceFile.line(0, "mappings:")
provinceFile.field(1, "- id", "gen-zhuanke-politics")
provinceFile.field(2, "title", "专科思想政治课程新旧对应")
provinceFile.field(2, "level", "专科")
provinceFile.line(2, "rules:")
provinceFile.line(3, "- old:")
provinceFile.line(5, "- [\"99001\", \"99031\"]")
provinceFile.line(5, "- \"99002\"")
provinceFile.line(4, "need: 1")
provinceFile.code(4, "new", catalog.courses[catalog.associatePolitics[0]].code)
provinceFile.blank()
provinceFile.line(0, "exemptions:")
var exemptionRandom = root.derived(3)
for index in 0..<10 {
    let exempted = (0..<2).map { _ in catalog.courses[catalog.plainTheory[exemptionRandom.below(catalog.plainTheory.count)]].code }
    provinceFile.field(1, "- id", "cert-\(index + 1)")
    provinceFile.field(2, "certificate", ["全国计算机等级考试一级", "全国英语等级考试三级", "会计专业技术资格（初级）", "普通话水平测试二级甲等"][index % 4])
    provinceFile.codeList(2, "exempts", exempted)
    provinceFile.line(2, "obtained-before: 2026-07-01")
    provinceFile.field(2, "source", "GEN-HANDBOOK")
}
write(provinceFile.text, to: "provinces/province.yaml", in: options.output)

// One file per institution, each with its majors and their plans.
let writer = MajorWriter(catalog: catalog, province: province, coursesPerPlan: options.coursesPerPlan)
for (index, name) in institutionNames.enumerated() {
    let text = writer.text(institution: name, institutionIndex: index, majors: options.majors,
                           firstIndex: index * options.majors, seed: root.derived(UInt64(1_000 + index)))
    write(text, to: "institutions/institution-\(pad(index + 1, 2)).yaml", in: options.output)
}

let majorCount = options.institutions * options.majors
print("wrote \(fileCount) files, \(totalBytes) bytes (\(String(format: "%.2f", Double(totalBytes) / 1_000_000)) MB) to \(options.output)")
print("  \(catalog.courses.count) courses, 1 province, \(options.institutions) institutions, \(majorCount) majors and plans")
