package import EDXModel

/// Writes one study as summary-csv (docs/formats.md): the header block, then the motor,
/// sensory, F-wave, H-reflex and EMG tables, every number in the unit its column names.
///
/// The format has no column for some values, which a round trip therefore loses: motor area, F-wave
/// persistence and H-reflex amplitude.
package enum SummaryCSVWriter {
    package static func file(_ study: Study) -> String {
        var rows: [[String]] = []
        let p = study.patient
        var identity = [["Study ID", study.id]]
        if let name = p.name { identity.append(["Patient", name]) }
        if let id = p.id { identity.append(["ID", id]) }
        if let date = study.date { identity.append(["Test Date", date]) }
        if let birth = p.birthDate { identity.append(["DOB", birth]) }
        if let age = p.ageYears { identity.append(["Age", Spelling.number(age)]) }
        if let sex = p.sex {
            identity.append(["Sex", sex == .female ? "Female" : sex == .male ? "Male" : sex.rawValue])
        }
        if let height = p.heightCm { identity.append(["Height", "\(Spelling.number(height)) cm"]) }
        if let weight = p.weightKg { identity.append(["Weight", "\(Spelling.number(weight)) kg"]) }
        for temperature in study.temperatures {
            let side = temperature.side.map { Spelling.side($0) + " " } ?? ""
            identity.append([
                "Temp", "\(side)\(Spelling.words(temperature.site)) \(Spelling.number(temperature.celsius)) C",
            ])
        }
        if let indication = study.indication { identity.append(["Indication", indication]) }
        if let days = study.symptomDurationDays {
            identity.append(["Symptom Duration", "\(Spelling.number(days)) days"])
        }
        if let examiner = study.examiner { identity.append(["Examiner", examiner]) }
        if let referrer = study.referrer { identity.append(["Referrer", referrer]) }
        rows += identity

        if !study.motor.isEmpty {
            rows += [[], ["Motor Summary Table"]]
            rows.append([
                "Site", "NR", "Onset (ms)", "Norm Onset (ms)", "O-P Amp (mV)", "Norm O-P Amp", "Neg Dur (ms)", "Site1",
                "Site2",
                "Delta-0 (ms)", "Dist (cm)", "Vel (m/s)", "Norm Vel (m/s)",
            ])
            for motor in study.motor {
                rows.append([
                    "\(Spelling.sideWord(motor.side)) \(Spelling.nerve(motor.nerve, label: motor.nerveLabel)) Motor "
                        + "(\(Spelling.recording(motor.recording, label: motor.recordingLabel)))"
                ])
                for (index, site) in motor.sites.enumerated() {
                    var row = [
                        Spelling.site(site.site, label: site.siteLabel), site.noResponse ? "NR" : "",
                        number(site.latencyMs), site.labLimits["latency"]?.text ?? "", number(site.amplitudeMV),
                        site.labLimits["amplitude"]?.text ?? "", number(site.durationMs), "", "", "", "", "", "",
                    ]
                    // The distal row carries the stimulation-to-recording distance; each later row the
                    // segment that ends at it.
                    if index == 0 {
                        row[10] = number(site.distanceCm)
                    } else if index - 1 < motor.segments.count {
                        let segment = motor.segments[index - 1]
                        row[7] = Spelling.site(segment.from, label: segment.fromLabel)
                        row[8] = Spelling.site(segment.to, label: segment.toLabel)
                        row[9] = number(segment.latencyDifferenceMs)
                        row[10] = number(segment.distanceCm)
                        row[11] = number(segment.velocityMS)
                        row[12] = segment.labLimits["velocity"]?.text ?? ""
                    }
                    rows.append(row)
                }
            }
        }
        for method in [SensoryMethod.antidromic, .orthodromic] {
            let studies = study.sensory.filter { ($0.method ?? .antidromic) == method }
            guard !studies.isEmpty else { continue }
            let kind = method == .antidromic ? "Anti Sensory" : "Ortho Sensory"
            rows += [[], ["\(kind) Summary Table"]]
            rows.append([
                "Site", "NR", "Onset (ms)", "Peak (ms)", "Norm Peak (ms)", "P-T Amp (µV)", "Norm P-T Amp", "Site1",
                "Site2",
                "Delta-P (ms)", "Dist (cm)", "Vel (m/s)", "Norm Vel (m/s)",
            ])
            for sensory in studies {
                let recording = Spelling.recording(sensory.recording, label: sensory.recordingLabel)
                rows.append([
                    "\(Spelling.sideWord(sensory.side)) \(Spelling.nerve(sensory.nerve, label: sensory.nerveLabel)) \(kind) "
                        + "(\(recording))"
                ])
                for site in sensory.sites {
                    let name = Spelling.site(site.site, label: site.siteLabel)
                    rows.append([
                        name, site.noResponse ? "NR" : "", number(site.onsetLatencyMs), number(site.peakLatencyMs),
                        site.labLimits["peakLatency"]?.text ?? "", number(site.amplitudeUV),
                        site.labLimits["amplitude"]?.text ?? "", name, recording, "", number(site.distanceCm),
                        number(site.velocityMS), site.labLimits["velocity"]?.text ?? "",
                    ])
                }
            }
        }
        if !study.fWaves.isEmpty {
            rows += [
                [], ["F Wave Studies"],
                ["Nerve", "NR", "F-Lat (ms)", "Lat Norm (ms)", "L-R F-Lat (ms)", "L-R Lat Norm"],
            ]
            for wave in study.fWaves {
                rows.append([
                    "\(Spelling.sideWord(wave.side)) \(Spelling.nerve(wave.nerve, label: wave.nerveLabel)) "
                        + "(\(Spelling.recording(wave.recording, label: wave.recordingLabel)))",
                    wave.noResponse ? "NR" : "", number(wave.minLatencyMs), wave.labLimits["minLatency"]?.text ?? "",
                    number(wave.sideDifferenceMs), wave.labLimits["sideDifference"]?.text ?? "",
                ])
            }
        }
        if !study.hReflexes.isEmpty {
            rows += [
                [], ["H Reflex Studies"],
                ["Nerve", "NR", "H-Lat (ms)", "Lat Norm (ms)", "L-R H-Lat (ms)", "L-R Lat Norm"],
            ]
            for reflex in study.hReflexes {
                rows.append([
                    "\(Spelling.sideWord(reflex.side)) \(Spelling.nerve(reflex.nerve, label: reflex.nerveLabel)) "
                        + "(\(Spelling.recording(reflex.recording, label: reflex.recordingLabel)))",
                    reflex.noResponse ? "NR" : "", number(reflex.latencyMs), reflex.labLimits["latency"]?.text ?? "",
                    number(reflex.sideDifferenceMs), reflex.labLimits["sideDifference"]?.text ?? "",
                ])
            }
        }
        if !study.needle.isEmpty {
            rows += [
                [], ["EMG"],
                [
                    "Side", "Muscle", "Nerve", "Root", "Ins Act", "Fibs", "Psw", "Fasc", "Amp", "Dur", "Poly", "Recrt",
                    "Int Pat", "Comment",
                ],
            ]
            for exam in study.needle {
                rows.append([
                    Spelling.sideWord(exam.side), Spelling.muscle(exam.muscle, label: exam.muscleLabel), "", "",
                    activity(exam.insertionalActivity), exam.fibrillations?.rawValue ?? "",
                    exam.positiveSharpWaves?.rawValue ?? "", exam.fasciculations?.rawValue ?? "",
                    activity(exam.muapAmplitude), activity(exam.muapDuration),
                    exam.polyphasiaGrade?.rawValue ?? activity(exam.polyphasia),
                    exam.recruitment.map(Spelling.recruitment) ?? "", exam.interferencePattern ?? "",
                    exam.comment ?? "",
                ])
            }
        }
        return rows.map { $0.map(MeasurementsCSVWriter.cell).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double?) -> String { value.map(Spelling.number) ?? "" }

    static func activity(_ value: Activity?) -> String {
        switch value {
        case .normal?: "Nml"
        case .increased?: "Incr"
        case .decreased?: "Decr"
        case nil: ""
        }
    }
}
