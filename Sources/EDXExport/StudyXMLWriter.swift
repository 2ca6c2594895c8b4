package import EDXModel
import Foundation

/// Writes studies as EDX Study XML (docs/formats.md): an `<EDXArchive>` of `<EDXStudy>`
/// elements, every value with its canonical unit, so that importing the file gives the same numbers.
package enum StudyXMLWriter {
    package static func archive(_ studies: [Study]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDXArchive xmlns=\"urn:edx:study:1\">\n"
        for study in studies { out += element(study) }
        return out + "</EDXArchive>\n"
    }

    package static func document(_ study: Study) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + element(study).replacingFirst(
                "<EDXStudy>", with: "<EDXStudy xmlns=\"urn:edx:study:1\" schemaVersion=\"1.0\">")
    }

    /// One `<EDXStudy>` element.
    package static func element(_ study: Study) -> String {
        var x = XMLText()
        x.open("EDXStudy")
        let patient = study.patient
        x.open("Patient")
        x.leaf("ID", patient.id)
        x.leaf("Name", patient.name)
        x.leaf("BirthDate", patient.birthDate)
        x.leaf("Age", patient.ageYears, unit: "years")
        x.leaf("Sex", patient.sex.map(Spelling.sex))
        x.leaf("Height", patient.heightCm, unit: "cm")
        x.leaf("Weight", patient.weightKg, unit: "kg")
        x.close("Patient")
        x.open("Study")
        x.leaf("ID", study.id)
        x.leaf("Date", study.date)
        x.leaf("Examiner", study.examiner)
        x.leaf("Referrer", study.referrer)
        x.leaf("Indication", study.indication)
        x.leaf("SymptomDuration", study.symptomDurationDays, unit: "days")
        for temperature in study.temperatures {
            var attributes: [(String, String)] = []
            if let side = temperature.side { attributes.append(("side", Spelling.side(side))) }
            attributes += [("site", temperature.site), ("unit", "C")]
            x.leaf("Temperature", Spelling.number(temperature.celsius), attributes)
        }
        x.close("Study")
        x.open("NerveConduction")
        for motor in study.motor {
            x.open(
                "Motor",
                [
                    ("nerve", Spelling.nerve(motor.nerve, label: motor.nerveLabel)),
                    ("side", Spelling.side(motor.side)),
                    ("recording", Spelling.recording(motor.recording, label: motor.recordingLabel)),
                ])
            for site in motor.sites {
                let name = ("name", Spelling.site(site.site, label: site.siteLabel))
                if site.noResponse {
                    x.empty("Site", [name, ("noResponse", "true")])
                    continue
                }
                x.open("Site", [name])
                x.leaf("Latency", site.latencyMs, unit: "ms")
                x.leaf("Amplitude", site.amplitudeMV, unit: "mV")
                x.leaf("Duration", site.durationMs, unit: "ms")
                x.leaf("Area", site.areaMVms, unit: "mVms")
                x.leaf("Distance", site.distanceCm, unit: "cm")
                x.close("Site")
            }
            for segment in motor.segments {
                x.open(
                    "Segment",
                    [
                        ("from", Spelling.site(segment.from, label: segment.fromLabel)),
                        ("to", Spelling.site(segment.to, label: segment.toLabel)),
                    ])
                x.leaf("Distance", segment.distanceCm, unit: "cm")
                x.leaf("Velocity", segment.velocityMS, unit: "m/s")
                x.close("Segment")
            }
            x.close("Motor")
        }
        for sensory in study.sensory {
            var attributes = [
                ("nerve", Spelling.nerve(sensory.nerve, label: sensory.nerveLabel)),
                ("side", Spelling.side(sensory.side)),
                ("recording", Spelling.recording(sensory.recording, label: sensory.recordingLabel)),
            ]
            if let method = sensory.method { attributes.append(("method", method.rawValue)) }
            x.open("Sensory", attributes)
            for site in sensory.sites {
                let name = ("name", Spelling.site(site.site, label: site.siteLabel))
                if site.noResponse {
                    x.empty("Site", [name, ("noResponse", "true")])
                    continue
                }
                x.open("Site", [name])
                x.leaf("OnsetLatency", site.onsetLatencyMs, unit: "ms")
                x.leaf("PeakLatency", site.peakLatencyMs, unit: "ms")
                x.leaf("Amplitude", site.amplitudeUV, unit: "uV")
                x.leaf("Distance", site.distanceCm, unit: "cm")
                x.leaf("Velocity", site.velocityMS, unit: "m/s")
                x.close("Site")
            }
            x.close("Sensory")
        }
        for wave in study.fWaves {
            x.open(
                "FWave",
                [
                    ("nerve", Spelling.nerve(wave.nerve, label: wave.nerveLabel)), ("side", Spelling.side(wave.side)),
                    ("recording", Spelling.recording(wave.recording, label: wave.recordingLabel)),
                    ("noResponse", wave.noResponse ? "true" : "false"),
                ])
            if !wave.noResponse {
                x.leaf("MinLatency", wave.minLatencyMs, unit: "ms")
                x.leaf("Persistence", wave.persistencePercent, unit: "%")
            }
            x.close("FWave")
        }
        for reflex in study.hReflexes {
            x.open(
                "HReflex",
                [
                    ("nerve", Spelling.nerve(reflex.nerve, label: reflex.nerveLabel)),
                    ("side", Spelling.side(reflex.side)),
                    ("recording", Spelling.recording(reflex.recording, label: reflex.recordingLabel)),
                    ("noResponse", reflex.noResponse ? "true" : "false"),
                ])
            if !reflex.noResponse {
                x.leaf("Latency", reflex.latencyMs, unit: "ms")
                x.leaf("Amplitude", reflex.amplitudeMV, unit: "mV")
            }
            x.close("HReflex")
        }
        x.close("NerveConduction")
        if !study.needle.isEmpty {
            x.open("NeedleEMG")
            for exam in study.needle {
                x.open(
                    "Muscle",
                    [
                        ("name", Spelling.muscle(exam.muscle, label: exam.muscleLabel)),
                        ("side", Spelling.side(exam.side)),
                    ])
                x.leaf("InsertionalActivity", exam.insertionalActivity.map(Spelling.activity))
                x.leaf("Fibrillations", exam.fibrillations?.rawValue)
                x.leaf("PositiveSharpWaves", exam.positiveSharpWaves?.rawValue)
                x.leaf("Fasciculations", exam.fasciculations?.rawValue)
                var muap: [(String, String)] = []
                if let amplitude = exam.muapAmplitude { muap.append(("amplitude", Spelling.activity(amplitude))) }
                if let duration = exam.muapDuration { muap.append(("duration", Spelling.activity(duration))) }
                if let polyphasia = exam.polyphasia { muap.append(("polyphasia", Spelling.activity(polyphasia))) }
                if !muap.isEmpty { x.empty("MUAP", muap) }
                x.leaf("Recruitment", exam.recruitment.map(Spelling.recruitment))
                x.leaf("Comment", exam.comment)
                x.close("Muscle")
            }
            x.close("NeedleEMG")
        }
        x.leaf("Impression", study.impression)
        x.close("EDXStudy")
        return x.text
    }
}

/// Indented XML with escaped text and attributes.
struct XMLText {
    private(set) var text = ""
    private var depth = 0

    private var indent: String { String(repeating: "  ", count: depth) }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += indent + "<\(name)\(Self.attributes(attributes))>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += indent + "</\(name)>\n"
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        text += indent + "<\(name)\(Self.attributes(attributes))/>\n"
    }

    mutating func leaf(_ name: String, _ value: String?, _ attributes: [(String, String)] = []) {
        guard let value else { return }
        text += indent + "<\(name)\(Self.attributes(attributes))>\(Self.escape(value))</\(name)>\n"
    }

    mutating func leaf(_ name: String, _ value: Double?, unit: String) {
        guard let value else { return }
        leaf(name, Spelling.number(value), [("unit", unit)])
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
