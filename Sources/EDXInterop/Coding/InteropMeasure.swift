package import EDXReference

/// A LOINC code of a measure, with the source it was verified in.
package struct LOINCCode: Sendable, Hashable {
    package var code: String
    /// The long common name, as the source gives it.
    package var display: String
    /// A key of ``InteropSources``.
    package var source: String
    package var evidence: Evidence
}

/// What an Observation, a component of one, or an HL7 OBX of an edx report says: a measured value
/// (a CMAP amplitude), its context (the nerve, the side), a needle finding, or a part of the report.
///
/// Every measure has a code in edx's code system (`urn:edx:fhir:measure`, HL7 coding system `L`);
/// where LOINC has a code for exactly that measure, the LOINC code comes first. ``table`` is the one
/// place these codes live: docs/interop.md shows it, generated from it, and a test keeps it current.
package enum InteropMeasure: String, Sendable, Hashable, CaseIterable {
    // Motor conduction: one Observation per value of each row (a stimulation site).
    case motorLatency, cmapAmplitude, cmapDuration, cmapArea, motorVelocity, cmapAmplitudeChange
    // Sensory conduction.
    case sensoryOnsetLatency, sensoryPeakLatency, snapAmplitude, sensoryVelocity
    // Late responses.
    case fWaveLatency, fWavePersistence, hReflexLatency, hReflexAmplitude, lateResponseLatency
    case lateResponseSideDifference
    // Needle EMG: one Observation per muscle, its findings as components.
    case needleExamination
    // Components: where a value was measured, and how.
    case nerve, side, stimulationSite, recordingSite, segment, distance, segmentDistance, sensoryMethod
    case temperatureCorrectedValue, limbTemperature
    case muscle, roots, insertionalActivity, fibrillations, positiveSharpWaves, fasciculations
    case muapAmplitude, muapDuration, polyphasia, recruitment, interferencePattern, acuity, comment
    // Parts of the report in HL7 v2 (OBX-3); FHIR carries them in DiagnosticReport elements.
    case impression, findingsSummary, suggestedCode, reportDocument

    /// Where the code is used.
    package enum Role: String, Sendable, Hashable {
        /// `Observation.code` and the OBX-3 of a value.
        case observation
        /// `Observation.component.code`, and the OBX-3 of an OBX of the value's row or of the value.
        case component
        /// The OBX-3 of a report part in HL7 v2.
        case report
    }

    /// One row of the table.
    package struct Entry: Sendable, Hashable {
        package var measure: InteropMeasure
        /// The code in edx's code system.
        package var code: String
        package var display: String
        package var role: Role
        /// The unit of the value as the report writes it (`ms`, `mV`, `µV`); nil for text.
        package var unit: String?
        package var loinc: LOINCCode?
    }

    /// The measures, their codes, units and LOINC codes. Only codes whose component, system and
    /// method match the measure are used; the rest have edx codes alone.
    package static let table: [Entry] = [
        row(.motorLatency, "motor-latency", "CMAP onset latency from the stimulation site", .observation, "ms"),
        row(
            .cmapAmplitude, "cmap-amplitude", "CMAP amplitude", .observation, "mV",
            loinc: LOINCCode(
                code: "98713-1", display: "Compound muscle action potential amplitude Muscle", source: "I2",
                evidence: .transcribed)),
        row(.cmapDuration, "cmap-duration", "CMAP duration", .observation, "ms"),
        row(.cmapArea, "cmap-area", "CMAP area", .observation, "mV·ms"),
        row(
            .motorVelocity, "motor-conduction-velocity", "Motor conduction velocity of the segment", .observation, "m/s"
        ),
        row(
            .cmapAmplitudeChange, "cmap-amplitude-change", "CMAP amplitude change from the previous (more distal) site",
            .observation, "%"),
        row(.sensoryOnsetLatency, "sensory-onset-latency", "SNAP onset latency", .observation, "ms"),
        row(.sensoryPeakLatency, "sensory-peak-latency", "SNAP peak latency", .observation, "ms"),
        row(.snapAmplitude, "snap-amplitude", "SNAP amplitude", .observation, "µV"),
        row(.sensoryVelocity, "sensory-conduction-velocity", "Sensory conduction velocity", .observation, "m/s"),
        row(.fWaveLatency, "f-wave-minimum-latency", "F-wave minimum latency", .observation, "ms"),
        row(.fWavePersistence, "f-wave-persistence", "F-wave persistence (share of stimuli)", .observation, "%"),
        row(.hReflexLatency, "h-reflex-latency", "H-reflex latency", .observation, "ms"),
        row(.hReflexAmplitude, "h-reflex-amplitude", "H-reflex amplitude", .observation, "mV"),
        row(.lateResponseLatency, "late-response-latency", "Late response latency", .observation, "ms"),
        row(
            .lateResponseSideDifference, "late-response-side-difference",
            "Late response latency, left-right difference",
            .observation, "ms"),
        row(.needleExamination, "needle-examination", "Needle EMG examination of a muscle", .observation, nil),
        row(.nerve, "nerve", "Nerve", .component, nil),
        row(.side, "side", "Side of the body", .component, nil),
        row(.stimulationSite, "stimulation-site", "Stimulation site", .component, nil),
        row(.recordingSite, "recording-site", "Recording site", .component, nil),
        row(.segment, "segment", "Nerve segment", .component, nil),
        row(.distance, "distance", "Distance from the stimulation site to the recording site", .component, "cm"),
        row(.segmentDistance, "segment-distance", "Length of the nerve segment", .component, "cm"),
        row(.sensoryMethod, "sensory-method", "Antidromic or orthodromic recording", .component, nil),
        row(
            .temperatureCorrectedValue, "temperature-corrected-value",
            "Value corrected to the reference limb temperature", .component, nil),
        row(.limbTemperature, "limb-temperature", "Limb temperature at the measurement", .component, "°C"),
        row(.muscle, "muscle", "Muscle", .component, nil),
        row(.roots, "roots", "Root supply of the muscle", .component, nil),
        row(.insertionalActivity, "insertional-activity", "Insertional activity", .component, nil),
        row(.fibrillations, "fibrillation-potentials", "Fibrillation potentials", .component, nil),
        row(.positiveSharpWaves, "positive-sharp-waves", "Positive sharp waves", .component, nil),
        row(.fasciculations, "fasciculations", "Fasciculation potentials", .component, nil),
        row(.muapAmplitude, "muap-amplitude", "Motor unit potential amplitude", .component, nil),
        row(.muapDuration, "muap-duration", "Motor unit potential duration", .component, nil),
        row(.polyphasia, "muap-polyphasia", "Motor unit potential polyphasia", .component, nil),
        row(
            .recruitment, "recruitment", "Recruitment of motor units", .component, nil,
            loinc: LOINCCode(
                code: "98726-3", display: "Voluntary activity.recruitment of Muscle on EMG", source: "I2",
                evidence: .transcribed)),
        row(.interferencePattern, "interference-pattern", "Interference pattern", .component, nil),
        row(.acuity, "denervation-acuity", "Acuity of the neurogenic change", .component, nil),
        row(.comment, "comment", "The examiner's comment on the study, as exported", .component, nil),
        row(.impression, "impression", "Impression", .report, nil),
        row(.findingsSummary, "findings-summary", "Summary of findings", .report, nil),
        row(.suggestedCode, "suggested-icd-10-cm", "Suggested ICD-10-CM code (to be confirmed)", .report, nil),
        row(.reportDocument, "report-pdf", "The report as signed (PDF)", .report, nil),
    ]

    private static func row(
        _ measure: InteropMeasure, _ code: String, _ display: String, _ role: Role, _ unit: String?,
        loinc: LOINCCode? = nil
    ) -> Entry {
        Entry(measure: measure, code: code, display: display, role: role, unit: unit, loinc: loinc)
    }

    private static let entries = Dictionary(table.map { ($0.measure, $0) }, uniquingKeysWith: { first, _ in first })

    /// This measure's row of ``table``.
    package var entry: Entry {
        // Every case has a row (a test checks it); a missing one is a bug.
        guard let entry = Self.entries[self] else { preconditionFailure("\(self) has no row in InteropMeasure.table") }
        return entry
    }
}
