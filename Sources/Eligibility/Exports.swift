// The audit API speaks in the DSL's types (CourseCode, MajorKey, CivilDate, Plan), so importing Eligibility brings them.
@_exported import CurriculumDSL
