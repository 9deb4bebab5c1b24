/// The version of the package's tools and libraries: `curriculum --version`, `curriculum-lint --version`, and the
/// tool version in JSON and SARIF reports all read it from here.
public enum CurriculumVersion {
    /// The version both tools print (`--version`) and the reports name.
    public static let string = "0.2.0"
}
