@_exported import CurriculumDSL
