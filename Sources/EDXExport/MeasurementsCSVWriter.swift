package import EDXModel
import StrictCSV

/// Writes studies as measurements-csv (docs/formats.md): one value per row, the rows of a
/// study contiguous, every value in its canonical unit.
package struct MeasurementsCSVWriter {
    package static let header =
        "study_id,study_date,patient_id,age_years,sex,height_cm,kind,nerve,side,recording,site,segment_to,parameter,value,unit\n"

    /// The rows of one study (without the header).
    package static func rows(_ study: Study) -> String {
        let p = study.patient
        let prefix = [
            study.id, study.date ?? "", p.id ?? "", p.ageYears.map(Spelling.number) ?? "",
            p.sex.map(Spelling.sex) ?? "",
            p.heightCm.map(Spelling.number) ?? "",
        ]
        var out = ""
        func row(
            _ kind: String, nerve: String = "", side: Side? = nil, recording: String = "", site: String = "",
            to: String = "", _ parameter: String, _ value: String, _ unit: String = ""
        ) {
            let cells =
                prefix + [
                    kind, nerve, side.map(Spelling.sideWord) ?? "", recording, site, to, parameter, value, unit,
                ]
            out += cells.map(Self.cell).joined(separator: ",") + "\n"
        }
        func number(
            _ kind: String, nerve: String, side: Side, recording: String, site: String, to: String = "",
            _ parameter: String, _ value: Double?, _ unit: String
        ) {
            if let value {
                row(
                    kind, nerve: nerve, side: side, recording: recording, site: site, to: to, parameter,
                    Spelling.number(value), unit)
            }
        }
        for temperature in study.temperatures {
            row(
                "temperature", side: temperature.side, site: temperature.site, "temperature",
                Spelling.number(temperature.celsius), "C")
        }
        if let days = study.symptomDurationDays {
            row("demographic", "symptom_duration", Spelling.number(days), "days")
        }
        if let weight = p.weightKg { row("demographic", "weight", Spelling.number(weight), "kg") }
        for motor in study.motor {
            let nerve = Spelling.nerve(motor.nerve, label: motor.nerveLabel)
            let recording = Spelling.recording(motor.recording, label: motor.recordingLabel)
            for site in motor.sites {
                let name = Spelling.site(site.site, label: site.siteLabel)
                if site.noResponse {
                    row(
                        "motor", nerve: nerve, side: motor.side, recording: recording, site: name, "no_response", "true"
                    )
                    continue
                }
                number(
                    "motor", nerve: nerve, side: motor.side, recording: recording, site: name, "latency",
                    site.latencyMs, "ms")
                number(
                    "motor", nerve: nerve, side: motor.side, recording: recording, site: name, "amplitude",
                    site.amplitudeMV, "mV")
                number(
                    "motor", nerve: nerve, side: motor.side, recording: recording, site: name, "duration",
                    site.durationMs, "ms")
                number(
                    "motor", nerve: nerve, side: motor.side, recording: recording, site: name, "area", site.areaMVms,
                    "mVms")
                number(
                    "motor", nerve: nerve, side: motor.side, recording: recording, site: name, "distance",
                    site.distanceCm, "cm")
            }
            for segment in motor.segments {
                let from = Spelling.site(segment.from, label: segment.fromLabel)
                let to = Spelling.site(segment.to, label: segment.toLabel)
                number(
                    "motor", nerve: nerve, side: motor.side, recording: recording, site: from, to: to, "distance",
                    segment.distanceCm, "cm")
                number(
                    "motor", nerve: nerve, side: motor.side, recording: recording, site: from, to: to, "velocity",
                    segment.velocityMS, "m/s")
            }
        }
        for sensory in study.sensory {
            let nerve = Spelling.nerve(sensory.nerve, label: sensory.nerveLabel)
            let recording = Spelling.recording(sensory.recording, label: sensory.recordingLabel)
            for site in sensory.sites {
                let name = Spelling.site(site.site, label: site.siteLabel)
                if site.noResponse {
                    row(
                        "sensory", nerve: nerve, side: sensory.side, recording: recording, site: name, "no_response",
                        "true")
                    continue
                }
                number(
                    "sensory", nerve: nerve, side: sensory.side, recording: recording, site: name, "latency",
                    site.onsetLatencyMs, "ms")
                number(
                    "sensory", nerve: nerve, side: sensory.side, recording: recording, site: name, "peak_latency",
                    site.peakLatencyMs, "ms")
                number(
                    "sensory", nerve: nerve, side: sensory.side, recording: recording, site: name, "amplitude",
                    site.amplitudeUV, "uV")
                number(
                    "sensory", nerve: nerve, side: sensory.side, recording: recording, site: name, "distance",
                    site.distanceCm, "cm")
                number(
                    "sensory", nerve: nerve, side: sensory.side, recording: recording, site: name, "velocity",
                    site.velocityMS, "m/s")
            }
        }
        for wave in study.fWaves {
            let nerve = Spelling.nerve(wave.nerve, label: wave.nerveLabel)
            let recording = Spelling.recording(wave.recording, label: wave.recordingLabel)
            if wave.noResponse {
                row("fwave", nerve: nerve, side: wave.side, recording: recording, "no_response", "true")
            }
            number(
                "fwave", nerve: nerve, side: wave.side, recording: recording, site: "", "min_latency",
                wave.minLatencyMs, "ms")
            number(
                "fwave", nerve: nerve, side: wave.side, recording: recording, site: "", "persistence",
                wave.persistencePercent, "%")
        }
        for reflex in study.hReflexes {
            let nerve = Spelling.nerve(reflex.nerve, label: reflex.nerveLabel)
            let recording = Spelling.recording(reflex.recording, label: reflex.recordingLabel)
            if reflex.noResponse {
                row("hreflex", nerve: nerve, side: reflex.side, recording: recording, "no_response", "true")
            }
            number(
                "hreflex", nerve: nerve, side: reflex.side, recording: recording, site: "", "latency", reflex.latencyMs,
                "ms")
            number(
                "hreflex", nerve: nerve, side: reflex.side, recording: recording, site: "", "amplitude",
                reflex.amplitudeMV, "mV")
        }
        for exam in study.needle {
            let muscle = Spelling.muscle(exam.muscle, label: exam.muscleLabel)
            let grades: [(String, String?)] = [
                ("insertional", exam.insertionalActivity.map(Spelling.activity)),
                ("fibrillations", exam.fibrillations?.rawValue),
                ("psw", exam.positiveSharpWaves?.rawValue), ("fasciculations", exam.fasciculations?.rawValue),
                ("muap_amplitude", exam.muapAmplitude.map(Spelling.activity)),
                ("muap_duration", exam.muapDuration.map(Spelling.activity)),
                ("polyphasia", exam.polyphasiaGrade?.rawValue ?? exam.polyphasia.map(Spelling.activity)),
                ("recruitment", exam.recruitment.map(Spelling.recruitment)),
            ]
            for (parameter, value) in grades {
                if let value { row("needle", nerve: muscle, side: exam.side, parameter, value) }
            }
        }
        return out
    }

    /// A file of several studies.
    package static func file(_ studies: [Study]) -> String { header + studies.map(rows).joined() }

    /// RFC 4180 quoting where needed; formula-like text is not neutralised here (this is data for
    /// edx, not a spreadsheet).
    static func cell(_ text: String) -> String { CSVField.quoted(text) }
}
