extension TextReporter {
    /// Every diagnostic of a lint run (at most `findingsShownPerRuleAndFile` per rule and file), then the summary line (with the number suppressed inline, if any).
    public func render(_ result: LintResult) -> String {
        var out = renderCapped(result.diagnostics)
        out += summary(result.diagnostics)
        let suppressed = result.suppressed.count
        if suppressed > 0 {
            out += language == .zh ? "（另有 \(suppressed) 个已抑制）" : " (\(suppressed) suppressed)"
        }
        return out + "\n"
    }
}
