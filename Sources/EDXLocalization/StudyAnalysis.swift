public import EDXFindings
public import EDXModel

/// The analysis of one study: who and what was studied, the findings, and the localization. This
/// is the JSON document of `edx analyze` (fields described in docs/localization.md section 9).
public struct StudyAnalysis: Encodable, Sendable, Hashable {
    /// Bumped on any incompatible change of the JSON shape.
    public static let currentSchemaVersion = "2.0"

    public var schemaVersion: String
    public var study: StudyHeader
    public var localization: Localization
    public var findings: StudyFindings

    /// Interprets and localizes `study`, with a lab profile's limits when `labLimits` is given.
    public static func analyze(
        _ study: Study, preference: LimitPreference = .lab, labLimits: LabProfileLimits? = nil
    ) -> StudyAnalysis {
        let findings = Interpreter(preference: preference, labLimits: labLimits).interpret(study)
        return StudyAnalysis(
            schemaVersion: currentSchemaVersion, study: StudyHeader(study),
            localization: Localizer().localize(findings),
            findings: findings)
    }
}

/// The study's identity and covariates, without measurements.
public struct StudyHeader: Codable, Sendable, Hashable {
    public var id: String
    public var date: String?
    /// The patient identifier: the stable `anon-` pseudonym when the study was de-identified.
    public var patientID: String?
    public var ageYears: Double?
    public var sex: Sex?
    public var heightCm: Double?
    public var indication: String?
    public var symptomDurationDays: Double?
    public var source: SourceLocation

    public init(_ study: Study) {
        id = study.id
        date = study.date
        patientID = study.patient.id
        ageYears = study.patient.ageYears
        sex = study.patient.sex
        heightCm = study.patient.heightCm
        indication = study.indication
        symptomDurationDays = study.symptomDurationDays
        source = study.source
    }
}
