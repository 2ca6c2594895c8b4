import EDXReference

/// Every code of another code system that the FHIR and HL7 writers put in a report, once, with its
/// source (``InteropSources``). docs/interop.md shows this table, generated from it, and a test keeps
/// it current. The measures and their LOINC codes are in ``InteropMeasure``.
package enum InteropCodes {
    package static let loinc = "http://loinc.org"
    package static let ucum = "http://unitsofmeasure.org"
    package static let icd10cm = "http://hl7.org/fhir/sid/icd-10-cm"
    package static let v20074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
    package static let interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
    /// edx's own code system of measures and report sections (docs/interop.md, "The edx code system").
    package static let edx = "urn:edx:fhir:measure"

    // MARK: The report

    /// The study: DiagnosticReport.code and OBR-4.
    package static let emgStudy = SourcedCode(loinc, "18749-2", "Electromyogram study", source: "I1", .transcribed)
    /// The diagnostic service: DiagnosticReport.category.
    package static let electroneuro = SourcedCode(
        v20074, "EN", "Electroneuro (EEG, EMG,EP,PSG)", source: "I3", .transcribed)
    /// The same section in HL7 v2: OBR-24.
    package static let electroneuroV2 = SourcedCode(
        "HL7 table 0074", "EN", "Electroneuro (EEG, EMG,EP,PSG)", source: "I5", .transcribed)

    // MARK: Status

    package static let fhirPreliminary = SourcedCode(
        "FHIR diagnostic-report-status", "preliminary", "Preliminary", source: "I9", .transcribed)
    package static let fhirFinal = SourcedCode(
        "FHIR diagnostic-report-status", "final", "Final", source: "I9", .transcribed)
    package static let v2Preliminary = SourcedCode(
        "HL7 table 0085 (OBX-11); 0123 (OBR-25)", "P", "Preliminary", source: "I5", .transcribed)
    package static let v2Final = SourcedCode(
        "HL7 table 0085 (OBX-11); 0123 (OBR-25)", "F", "Final", source: "I5", .transcribed)

    // MARK: Interpretation of a value against its limit (FHIR; the same letters in OBX-8, table 0078)

    package static let low = SourcedCode(interpretation, "L", "Low", source: "I4", .transcribed)
    package static let high = SourcedCode(interpretation, "H", "High", source: "I4", .convention)
    package static let abnormal = SourcedCode(interpretation, "A", "Abnormal", source: "I4", .convention)
    package static let normal = SourcedCode(interpretation, "N", "Normal", source: "I4", .convention)
    package static let abnormalFlags = SourcedCode(
        "HL7 table 0078", "L H A N", "Low, High, Abnormal, Normal (OBX-8)", source: "I5", .transcribed)

    // MARK: The HL7 v2 message header

    package static let resultMessage = SourcedCode(
        "HL7 tables 0076, 0003, 0354", "ORU^R01^ORU_R01", "Unsolicited observation result", source: "I5", .transcribed)
    package static let production = SourcedCode("HL7 table 0103", "P", "Production", source: "I5", .transcribed)
    package static let version251 = SourcedCode("HL7 table 0104", "2.5.1", "Release 2.5.1", source: "I5", .transcribed)
    /// MSH-18: the message is UTF-8 (report text has µ, °, ≥).
    package static let utf8 = SourcedCode(
        "HL7 table 0211", "UNICODE UTF-8", "UCS Transformation Format, 8-bit form", source: "I5", .transcribed)

    // MARK: HL7 v2 value types and data

    package static let formattedText = SourcedCode("HL7 table 0125", "FT", "Formatted text", source: "I5", .transcribed)
    package static let numeric = SourcedCode("HL7 table 0125", "NM", "Numeric", source: "I5", .transcribed)
    package static let stringData = SourcedCode("HL7 table 0125", "ST", "String data", source: "I5", .transcribed)
    /// CE, not CWE: table 0125 of v2.5.1 has no CWE value type for OBX-2 (added in v2.6).
    package static let codedEntry = SourcedCode("HL7 table 0125", "CE", "Coded entry", source: "I5", .transcribed)
    package static let encapsulated = SourcedCode(
        "HL7 table 0125", "ED", "Encapsulated data", source: "I5", .transcribed)
    /// ED-2: `Application` was the v2.3.1 spelling, removed after it; v2.5.1 has `AP`.
    package static let applicationData = SourcedCode(
        "HL7 table 0191", "AP", "Other application data, typically uninterpreted binary data", source: "I6",
        .transcribed)
    /// ED-3: table 0291 of v2.5.1 lists no PDF subtype (I5); `PDF`, the MIME subtype, is what receivers of
    /// encapsulated reports read.
    package static let pdfSubtype = SourcedCode(
        "HL7 table 0291", "PDF", "Portable Document Format", source: "I7", .convention)
    package static let base64 = SourcedCode("HL7 table 0299", "Base64", "Base64 encoding", source: "I5", .transcribed)

    // MARK: HL7 v2 coding systems (table 0396)

    package static let loincV2 = SourcedCode("HL7 table 0396", "LN", "LOINC", source: "I5", .transcribed)
    package static let localV2 = SourcedCode(
        "HL7 table 0396", "L", "Local general code (edx's measures)", source: "I6", .transcribed)
    /// Not in table 0396 of v2.5.1 (added later): the name receivers of v2.5.1 units read.
    package static let ucumV2 = SourcedCode(
        "HL7 table 0396", "UCUM", "Unified Code for Units of Measure", source: "I8", .convention)
    /// Not in table 0396 of v2.5.1, whose `I10` is the WHO ICD-10, not the US clinical modification.
    package static let icd10cmV2 = SourcedCode(
        "HL7 table 0396", "I10C", "ICD-10-CM", source: "I10", .convention)

    // MARK: The patient

    package static let female = SourcedCode("HL7 table 0001", "F", "Female", source: "I6", .transcribed)
    package static let male = SourcedCode("HL7 table 0001", "M", "Male", source: "I6", .transcribed)
    package static let otherSex = SourcedCode("HL7 table 0001", "O", "Other", source: "I6", .transcribed)
    package static let unknownSex = SourcedCode("HL7 table 0001", "U", "Unknown", source: "I6", .transcribed)
    /// XPN-7 of a de-identified patient, whose name is its code.
    package static let pseudonym = SourcedCode("HL7 table 0200", "S", "Pseudonym", source: "I6", .transcribed)

    /// Every code above, in the order docs/interop.md lists them.
    package static let all: [SourcedCode] = [
        emgStudy, electroneuro, electroneuroV2, fhirPreliminary, fhirFinal, v2Preliminary, v2Final, low, high,
        abnormal, normal, abnormalFlags, resultMessage, production, version251, utf8, formattedText, numeric,
        stringData, codedEntry, encapsulated,
        applicationData, pdfSubtype, base64, loincV2, localV2, ucumV2, icd10cmV2, female, male, otherSex,
        unknownSex, pseudonym,
    ]
}
