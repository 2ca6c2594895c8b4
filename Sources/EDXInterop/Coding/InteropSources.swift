package import EDXReference

/// Where a code or a rule of the FHIR and HL7 writers was read: one row per source, cited by key
/// (`I1`, `I2` …) from ``InteropMeasure`` and ``InteropCodes``; docs/interop.md shows this table,
/// generated from it.
package struct InteropSource: Sendable, Hashable {
    package var key: String
    /// The source, and the copy it was read in.
    package var reference: String
}

package enum InteropSources {
    /// Every source, in key order.
    package static let all: [InteropSource] = [
        InteropSource(
            key: "I1",
            reference: "HL7 FHIR Document Type Value Set (`http://hl7.org/fhir/ValueSet/c80-doc-typecodes`, all LOINC "
                + "document codes): its expansion in package hl7.fhir.r2.core 1.0.2, as tabulated in a public FHIR "
                + "package comparison, and hl7.org/fhir/DSTU2/valueset-doc-typecodes.html"),
        InteropSource(
            key: "I2",
            reference: "LOINC term pages of the healthassure.in code browser (a third-party mirror of the LOINC table; "
                + "pages updated 2026-05): code, long common name, component, system, method, class NEURO, status "
                + "ACTIVE. loinc.org itself was not among the stored sources"),
        InteropSource(
            key: "I3",
            reference: "HL7 Terminology (THO), CodeSystem v2-0074 Diagnostic Service Section ID, as listed with its "
                + "display by the InteropEHRate Cross Border Data Exchange IG (ValueSet BioSignalCategories-IEHR, "
                + "linking terminology.hl7.org 5.3.0)"),
        InteropSource(
            key: "I4",
            reference: "HL7 Terminology (THO), CodeSystem v3-ObservationInterpretation (terminology.hl7.org 7.3.0), as "
                + "included by the SIL FHIR profile IG ValueSet observation-interpretation"),
        InteropSource(
            key: "I5",
            reference: "hl7apy 1.3.5, `hl7apy/v2_5_1/tables.py`: the HL7 v2.5.1 tables as the validator of "
                + "scripts/validate_interop.py holds them (codes only, no descriptions)"),
        InteropSource(
            key: "I6",
            reference: "HL7 FHIR pages of the v2 tables (hl7.org/fhir DSTU1 to R4, `v2/NNNN`): codes with their "
                + "descriptions and the versions that added or removed them"),
        InteropSource(
            key: "I7",
            reference: "HL7 v2 encoding rules as documented by the hl7v2 Elixir library 3.10.1 (hexdocs.pm, "
                + "HL7v2.Escape, HL7v2.Type.ED and the encoding-rules reference), and the HL7 v2+ specification "
                + "ED logical model (build.fhir.org/ig/HL7/v2ig, StructureDefinition-ED)"),
        InteropSource(
            key: "I8",
            reference: "The Unified Code for Units of Measure (UCUM), code system `http://unitsofmeasure.org`, as "
                + "named by HL7 Terminology (NamingSystem v3-ucum) and the FHIR ucum-common value set"),
        InteropSource(
            key: "I9",
            reference: "fhir.resources 6.4.0 (FHIR 4.0.1): the R4 models that scripts/validate_interop.py validates "
                + "against, with the codes of required bindings (DiagnosticReport.status, Observation.status, "
                + "Patient.gender, Bundle.type)"),
        InteropSource(
            key: "I10",
            reference: "Public HL7 v2 messages in open-source test suites (DG1 and OBR-31 fields coded "
                + "`code^text^I10C`); the stored HL7 v2.5.1 table 0396 (I5) has no code for ICD-10-CM"),
        InteropSource(
            key: "I11",
            reference: "edx: the code system of this module, defined in docs/interop.md (no external source)"),
    ]
}

/// A code of another code system, with the source it was read in.
package struct SourcedCode: Sendable, Hashable {
    /// The code system: a FHIR URI, or `HL7 table NNNN`.
    package var system: String
    package var code: String
    package var display: String
    /// A key of ``InteropSources``.
    package var source: String
    package var evidence: Evidence

    package init(_ system: String, _ code: String, _ display: String, source: String, _ evidence: Evidence) {
        self.system = system
        self.code = code
        self.display = display
        self.source = source
        self.evidence = evidence
    }
}
