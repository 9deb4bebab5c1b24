/// The messages of every diagnostic, in Chinese and English, grouped by rule domain and sorted by rule id
/// within each group. Call sites pass facts; wording lives here.
enum DiagnosticMessages {
    // MARK: load

    static func noCurriculumFiles(directory: String) -> Diagnostic {
        Diagnostic(rule: "load.no-curriculum-files",
                   message: .init(zh: "目录 \(directory) 中没有 .yaml / .yml 课程文件", en: "no .yaml / .yml curriculum files in \(directory)"),
                   at: SourceLocation(file: directory, line: 1, column: 1))
    }

    static func notAFile(_ path: String) -> Diagnostic {
        Diagnostic(rule: "load.not-a-file",
                   message: .init(zh: "\(path) 是目录或特殊文件，不是课程文件", en: "\(path) is a directory or special file, not a curriculum file"),
                   at: SourceLocation(file: path, line: 1, column: 1),
                   remedy: .init(zh: "传入一个 .yaml 文件，或把目录作为课程树加载", en: "pass a .yaml file, or load the directory as a curriculum tree"))
    }

    static func notFound(_ path: String) -> Diagnostic {
        Diagnostic(rule: "load.not-found",
                   message: .init(zh: "找不到 \(path)", en: "\(path) does not exist"),
                   at: SourceLocation(file: path, line: 1, column: 1))
    }

    static func tooManyFiles(directory: String, limit: Int) -> Diagnostic {
        Diagnostic(rule: "load.too-many-files",
                   message: .init(zh: "\(directory) 中的课程文件超过 \(limit) 个，其余未加载", en: "more than \(limit) curriculum files under \(directory); the rest were not loaded"),
                   at: SourceLocation(file: directory, line: 1, column: 1))
    }

    static func unreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(rule: "load.unreadable",
                   message: .init(zh: "无法读取 \(path)：\(reason)", en: "cannot read \(path): \(reason)"),
                   at: SourceLocation(file: path, line: 1, column: 1))
    }

    // MARK: yaml

    static func aliasLimit(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.alias-limit",
                   message: .init(zh: "别名展开超过 \(limit) 个节点，停止读取此文件", en: "aliases expand to more than \(limit) nodes; stopped reading this file"),
                   at: location,
                   remedy: .init(zh: "减少别名的嵌套使用", en: "use fewer nested aliases"))
    }

    static func aliasByteLimit(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.alias-limit",
                   message: .init(zh: "别名展开超过 \(limit) 字节，停止读取此文件", en: "aliases expand to more than \(limit) bytes; stopped reading this file"),
                   at: location,
                   remedy: .init(zh: "不要用别名重复大段文本", en: "do not repeat large values through aliases"))
    }

    static func byteOrderMark(file: String) -> Diagnostic {
        Diagnostic(rule: "yaml.bom",
                   message: .init(zh: "文件以 UTF-8 字节顺序标记（BOM）开头", en: "file starts with a UTF-8 byte-order mark"),
                   at: SourceLocation(file: file, line: 1, column: 1),
                   remedy: .init(zh: "另存为“UTF-8（无 BOM）”", en: "save as \"UTF-8 without BOM\""))
    }

    static func complexKey(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.complex-key",
                   message: .init(zh: "映射的键必须是字符串，这里是列表或映射", en: "a mapping key must be a string, not a list or mapping"),
                   at: location,
                   remedy: .init(zh: "把键写成普通字符串（去掉 ? 和 [ ] / { }）", en: "write the key as a plain string (without ? and [ ] / { })"))
    }

    /// A character YAML does not allow anywhere (C0/C1 controls other than tab and line ends, DEL, U+FFFE/U+FFFF).
    static func controlCharacter(_ scalar: UInt32, at location: SourceLocation) -> Diagnostic {
        let hex = String(scalar, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return Diagnostic(rule: "yaml.syntax",
                          message: .init(zh: "YAML 语法错误：文件中有不允许的控制字符 \(code)", en: "YAML syntax error: control character \(code) is not allowed in YAML"),
                          at: location,
                          remedy: .init(zh: "删除该字符（多数编辑器不显示它，常见于从网页或 Word 复制的文字）",
                                        en: "delete the character (most editors do not show it; it often comes with text copied from web pages or Word)"))
    }

    static func crlf(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.crlf",
                   message: .init(zh: "文件使用 Windows 换行符（CRLF）", en: "file uses Windows line ends (CRLF)"),
                   at: location,
                   remedy: .init(zh: "保存为 LF 换行", en: "save with LF line ends"))
    }

    static func duplicateKey(_ key: String, at location: SourceLocation, firstAt first: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.duplicate-key",
                   message: .init(zh: "键“\(key)”在同一映射中重复出现", en: "key '\(key)' appears twice in one mapping"),
                   at: location,
                   notes: [.init(.init(zh: "第一次出现在这里", en: "first used here"), at: first)],
                   remedy: .init(zh: "删除其中一个，或合并两处的值", en: "remove one of them or merge their values"))
    }

    static func emptyFile(file: String) -> Diagnostic {
        Diagnostic(rule: "yaml.empty-file",
                   message: .init(zh: "文件为空", en: "file is empty"),
                   at: SourceLocation(file: file, line: 1, column: 1),
                   remedy: .init(zh: "写上内容（如 courses:、majors:），或删除此文件",
                                 en: "write its content (such as courses: or majors:), or delete the file"))
    }

    /// A file whose top-level mapping is empty (`{}`): it declares nothing, like an empty file.
    static func emptyMapping(at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.empty-file",
                   message: .init(zh: "文件只有一个空映射，没有声明任何内容", en: "file holds only an empty mapping; it declares nothing"),
                   at: location,
                   remedy: .init(zh: "至少写一个顶层键（如 courses:、majors:），或删除此文件",
                                 en: "write at least one top-level key (such as courses: or majors:), or delete the file"))
    }

    static func fileTooLarge(file: String, size: Int, limit: Int) -> Diagnostic {
        Diagnostic(rule: "yaml.file-too-large",
                   message: .init(zh: "文件有 \(size) 字节，超过上限 \(limit) 字节", en: "file has \(size) bytes, over the limit of \(limit)"),
                   at: SourceLocation(file: file, line: 1, column: 1),
                   remedy: .init(zh: "把数据拆分到多个文件", en: "split the data into several files"))
    }

    static func invalidMerge(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.invalid-merge",
                   message: .init(zh: "合并键 << 的值必须是映射或映射列表", en: "the value of merge key << must be a mapping or a list of mappings"),
                   at: location,
                   remedy: .init(zh: "合并一个带锚点的映射，例如 <<: *defaults", en: "merge an anchored mapping, e.g. <<: *defaults"))
    }

    static func invalidUTF8(_ location: SourceLocation, byte: UInt8, looksLikeGB18030: Bool) -> Diagnostic {
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        let hint = looksLikeGB18030
            ? LocalizedText(zh: "（看起来是 GB18030/GBK 编码）", en: " (it looks like GB18030/GBK)")
            : LocalizedText(zh: "", en: "")
        return Diagnostic(rule: "yaml.encoding",
                          message: .init(zh: "不是有效的 UTF-8：字节 \(hex) 无法解码\(hint.zh)", en: "not valid UTF-8: byte \(hex) cannot be decoded\(hint.en)"),
                          at: location,
                          remedy: .init(zh: "用编辑器另存为 UTF-8，或执行 iconv -f GB18030 -t UTF-8", en: "re-save as UTF-8 in your editor, or run iconv -f GB18030 -t UTF-8"))
    }

    static func multipleDocuments(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.multiple-documents",
                   message: .init(zh: "文件中有第二个 YAML 文档；每个文件只能有一个", en: "a second YAML document in the file; one per file"),
                   at: location,
                   remedy: .init(zh: "把 --- 之后的内容移到另一个文件", en: "move what follows --- to another file"))
    }

    static func numberLikeString(_ text: String, readAs: LocalizedText, field: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.number-like-string",
                   message: .init(zh: "\(field) 的值 \(text) 未加引号；本工具按字符串“\(text)”读取，但其他 YAML 工具会读成\(readAs.zh)",
                                  en: "\(field) \(text) is unquoted; read here as the string \"\(text)\", but other YAML tools read it as \(readAs.en)"),
                   at: location,
                   remedy: .init(zh: "写成 \"\(text)\"", en: "write \"\(text)\""),
                   fixIts: [.init(location: location, replacement: "\"\(text)\"")])
    }

    static func syntax(problem: String, context: String?, at location: SourceLocation, notes: [Diagnostic.Note]) -> Diagnostic {
        let english = context.map { "\($0): \(problem)" } ?? problem
        return Diagnostic(rule: "yaml.syntax",
                          message: .init(zh: "YAML 语法错误：\(chineseProblem(problem))", en: "YAML syntax error: \(english)"),
                          at: location, notes: notes,
                          remedy: syntaxRemedy(problem))
    }

    /// `key:` indented deeper than the `key: value` line above (libyaml: "mapping values are not allowed").
    static func overIndentedKey(key: String, above: String, at location: SourceLocation, aboveAt: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.syntax",
                   message: .init(zh: "YAML 语法错误：键“\(key)”比上一行的键“\(above)”缩进得更深，被读成了“\(above)”的值的延续",
                                  en: "YAML syntax error: key '\(key)' is indented deeper than '\(above)' on the line above, so it reads as more of that value"),
                   at: location,
                   notes: [.init(.init(zh: "上一行的键在这里", en: "the key above is here"), at: aboveAt)],
                   remedy: .init(zh: "让“\(key)”与“\(above)”左对齐（第 \(aboveAt.column) 列）",
                                 en: "align '\(key)' with '\(above)' (column \(aboveAt.column))"))
    }

    /// `key：value` with a full-width colon, which YAML does not take for the end of a key.
    static func fullWidthColon(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.syntax",
                   message: .init(zh: "YAML 语法错误：键后是全角冒号“：”，YAML 只认半角冒号“:”",
                                  en: "YAML syntax error: the key ends with a full-width colon '：'; YAML needs the ASCII colon ':'"),
                   at: location,
                   remedy: .init(zh: "把“：”改成半角冒号加空格“: ”", en: "replace '：' with ': ' (ASCII colon and a space)"),
                   fixIts: [.init(location: location, replacement: ": ")])
    }

    static func tabIndent(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.tab-indent",
                   message: .init(zh: "用制表符缩进；YAML 只允许空格缩进", en: "indented with a tab; YAML indents with spaces only"),
                   at: location,
                   remedy: .init(zh: "把制表符换成空格", en: "replace the tab with spaces"))
    }

    static func tooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.too-deep",
                   message: .init(zh: "嵌套超过 \(limit) 层，停止读取此文件", en: "nesting deeper than \(limit) levels; stopped reading this file"),
                   at: location,
                   remedy: .init(zh: "检查括号是否成对；课程文件不需要这么深的嵌套", en: "check that brackets are balanced; curriculum files never nest this deep"))
    }

    static func undefinedAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(rule: "yaml.undefined-alias",
                   message: .init(zh: "别名 *\(name) 没有对应的锚点 &\(name)", en: "alias *\(name) has no anchor &\(name)"),
                   at: location,
                   remedy: .init(zh: "在别名之前用 &\(name) 定义锚点（同一文件内），或直接写出值", en: "define &\(name) before the alias in the same file, or write the value out"))
    }

    static func utf16(file: String) -> Diagnostic {
        Diagnostic(rule: "yaml.encoding",
                   message: .init(zh: "文件是 UTF-16 编码；课程文件须为 UTF-8", en: "file is UTF-16; curriculum files are UTF-8"),
                   at: SourceLocation(file: file, line: 1, column: 1),
                   remedy: .init(zh: "另存为 UTF-8", en: "re-save as UTF-8"))
    }

    private static let chineseProblems: [(String, String)] = [
        ("could not find expected ':'", "找不到应有的冒号“:”（键后缺少冒号或引号未闭合）"),
        ("did not find expected key", "此处应为一个键（检查缩进是否对齐）"),
        ("did not find expected '-' indicator", "此处应为列表项“-”（检查缩进是否对齐）"),
        ("mapping values are not allowed in this context", "此处不允许出现“键: 值”（冒号后的值含冒号时请加引号，或检查缩进）"),
        ("found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
        ("found character that cannot start any token", "出现了不能开始任何记号的字符（如制表符、@ 或 `）"),
        ("control characters are not allowed", "文件中有不允许的控制字符"),
        ("did not find expected node content", "此处缺少值"),
        ("found undefined tag handle", "使用了未定义的标签"),
        ("did not find expected ',' or ']'", "列表 [ ] 中缺少“,”或“]”"),
        ("did not find expected ',' or '}'", "映射 { } 中缺少“,”或“}”"),
        ("found unknown escape character", "双引号字符串中有未知的转义字符（反斜杠请写成 \\\\）"),
        ("block sequence entries are not allowed in this context", "此处不允许列表项“-”（检查缩进）"),
    ]

    private static func chineseProblem(_ problem: String) -> String {
        chineseProblems.first { problem.hasPrefix($0.0) }?.1 ?? problem
    }

    private static func syntaxRemedy(_ problem: String) -> LocalizedText? {
        if problem.hasPrefix("mapping values are not allowed") {
            return .init(zh: "给含冒号的值加引号，例如 note: \"见：附件4\"", en: "quote values that contain a colon, e.g. note: \"see: annex 4\"")
        }
        if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-'") {
            return .init(zh: "让同一层的键左对齐到同一列", en: "align the keys of one level to the same column")
        }
        return nil
    }
}
