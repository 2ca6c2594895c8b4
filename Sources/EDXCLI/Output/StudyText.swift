import EDXImport
import EDXModel

/// A plain-text rendering of an imported study, for `edx import --format text`.
enum StudyText {
    static func render(_ record: ImportRecord) -> String {
        var out = "== \(record.studyID ?? "(no id)") [\(record.status.rawValue)] \(record.source)\n"
        for diagnostic in record.diagnostics { out += "   ! \(diagnostic.severity.rawValue): \(diagnostic.message)\n" }
        guard let study = record.study else { return out + "\n" }
        let patient = study.patient
        var demographics: [String] = []
        if let age = patient.ageYears { demographics.append("age \(number(age)) y") }
        if let sex = patient.sex { demographics.append("sex \(sex.rawValue)") }
        if let height = patient.heightCm { demographics.append("height \(number(height)) cm") }
        if let weight = patient.weightKg { demographics.append("weight \(number(weight)) kg") }
        out += "   date \(study.date ?? "-"); \(demographics.joined(separator: ", "))\n"
        if let indication = study.indication { out += "   indication: \(indication)\n" }
        if let days = study.symptomDurationDays { out += "   symptom duration: \(number(days)) days\n" }
        for temperature in study.temperatures {
            out +=
                "   temperature \(temperature.side?.rawValue ?? "-") \(temperature.site): \(number(temperature.celsius)) °C\n"
        }
        for motor in study.motor {
            out +=
                "   motor \(motor.side.rawValue) \(motor.nerve?.rawValue ?? motor.nerveLabel) → \(motor.recording?.rawValue ?? motor.recordingLabel)\n"
            for site in motor.sites {
                let values =
                    site.noResponse
                    ? "no response"
                    : [
                        value("lat", site.latencyMs, "ms"), value("amp", site.amplitudeMV, "mV"),
                        value("dur", site.durationMs, "ms"), value("area", site.areaMVms, "mV·ms"),
                        value("dist", site.distanceCm, "cm"),
                    ].compactMap { $0 }.joined(separator: " ")
                out += "     \(site.site?.rawValue ?? site.siteLabel): \(values)\n"
            }
            for segment in motor.segments {
                let values = [value("dist", segment.distanceCm, "cm"), value("cv", segment.velocityMS, "m/s")]
                    .compactMap { $0 }.joined(separator: " ")
                out +=
                    "     \(segment.from?.rawValue ?? segment.fromLabel) → \(segment.to?.rawValue ?? segment.toLabel): \(values)\n"
            }
        }
        for sensory in study.sensory {
            out +=
                "   sensory \(sensory.side.rawValue) \(sensory.nerve?.rawValue ?? sensory.nerveLabel) → \(sensory.recording?.rawValue ?? sensory.recordingLabel)\n"
            for site in sensory.sites {
                let values =
                    site.noResponse
                    ? "no response"
                    : [
                        value("onset", site.onsetLatencyMs, "ms"), value("peak", site.peakLatencyMs, "ms"),
                        value("amp", site.amplitudeUV, "µV"), value("dist", site.distanceCm, "cm"),
                        value("cv", site.velocityMS, "m/s"),
                    ].compactMap { $0 }.joined(separator: " ")
                out += "     \(site.site?.rawValue ?? site.siteLabel): \(values)\n"
            }
        }
        for wave in study.fWaves {
            let values = wave.noResponse ? "no response" : (value("min", wave.minLatencyMs, "ms") ?? "-")
            out += "   F wave \(wave.side.rawValue) \(wave.nerve?.rawValue ?? wave.nerveLabel): \(values)\n"
        }
        for reflex in study.hReflexes {
            let values = reflex.noResponse ? "no response" : (value("lat", reflex.latencyMs, "ms") ?? "-")
            out += "   H reflex \(reflex.side.rawValue) \(reflex.nerve?.rawValue ?? reflex.nerveLabel): \(values)\n"
        }
        for exam in study.needle {
            let parts = [
                exam.insertionalActivity.map { "ins \($0.rawValue)" }, exam.fibrillations.map { "fib \($0.rawValue)" },
                exam.positiveSharpWaves.map { "psw \($0.rawValue)" }, exam.fasciculations.map { "fasc \($0.rawValue)" },
                exam.muapAmplitude.map { "amp \($0.rawValue)" }, exam.muapDuration.map { "dur \($0.rawValue)" },
                exam.polyphasia.map { "poly \($0.rawValue)" }, exam.recruitment.map { "recruit \($0.rawValue)" },
            ].compactMap { $0 }
            out +=
                "   needle \(exam.side.rawValue) \(exam.muscle?.rawValue ?? exam.muscleLabel): \(parts.joined(separator: ", "))\n"
        }
        return out + "\n"
    }

    private static func value(_ label: String, _ value: Double?, _ unit: String) -> String? {
        value.map { "\(label) \(number($0)) \(unit)" }
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
