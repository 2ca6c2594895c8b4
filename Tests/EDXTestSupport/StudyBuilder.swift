public import EDXModel

/// Builds small studies in code, for rule tests at their thresholds.
public struct StudyBuilder {
    public var study: Study
    private let here = SourceLocation(file: "test", line: 1)

    public init(age: Double? = 50, height: Double? = 170, days: Double? = 60, footC: Double? = 32) {
        study = Study(id: "T-1", source: here)
        study.patient.ageYears = age
        study.patient.heightCm = height
        study.symptomDurationDays = days
        if let footC {
            for side in Side.allCases {
                study.temperatures.append(LimbTemperature(side: side, site: "foot", celsius: footC, source: here))
            }
        }
    }

    /// One stimulation site: (site, latency, amplitude, duration).
    public typealias Site = (StimulationSite, Double?, Double?, Double?)

    public mutating func motor(
        _ nerve: Nerve, _ recording: RecordingSite, _ side: Side, _ sites: [Site],
        velocities: [(StimulationSite, StimulationSite, Double)] = [], lab: [String: LabLimit] = [:],
        areas: [Double] = []
    ) {
        var motor = MotorStudy(
            nerve: nerve, nerveLabel: nerve.rawValue, side: side, recording: recording,
            recordingLabel: recording.rawValue, source: here)
        for (index, entry) in sites.enumerated() {
            var site = MotorSite(site: entry.0, siteLabel: entry.0.rawValue, source: here)
            site.latencyMs = entry.1
            site.amplitudeMV = entry.2
            site.durationMs = entry.3
            site.noResponse = entry.2 == 0
            if index < areas.count { site.areaMVms = areas[index] }
            if index == 0 { site.labLimits = lab }
            motor.sites.append(site)
        }
        for (from, to, velocity) in velocities {
            var segment = Segment(from: from, fromLabel: from.rawValue, to: to, toLabel: to.rawValue, source: here)
            segment.velocityMS = velocity
            motor.segments.append(segment)
        }
        study.motor.append(motor)
    }

    public mutating func sensory(
        _ nerve: Nerve, _ side: Side, amplitude: Double?, peak: Double? = nil, velocity: Double? = nil
    ) {
        var sensory = SensoryStudy(
            nerve: nerve, nerveLabel: nerve.rawValue, side: side, recording: nil, recordingLabel: "",
            method: .antidromic,
            source: here)
        var site = SensorySite(site: .calf, siteLabel: "calf", source: here)
        site.amplitudeUV = amplitude
        site.noResponse = amplitude == nil
        site.peakLatencyMs = peak
        site.velocityMS = velocity
        sensory.sites.append(site)
        study.sensory.append(sensory)
    }

    public mutating func fWave(_ side: Side, minLatency: Double) {
        var wave = FWaveStudy(
            nerve: .tibial, nerveLabel: "tibial", side: side, recording: .abductorHallucis, recordingLabel: "AH",
            source: here)
        wave.minLatencyMs = minLatency
        study.fWaves.append(wave)
    }

    public mutating func hReflex(_ side: Side, latency: Double) {
        var reflex = HReflexStudy(
            nerve: .tibial, nerveLabel: "tibial", side: side, recording: .soleus, recordingLabel: "soleus", source: here
        )
        reflex.latencyMs = latency
        study.hReflexes.append(reflex)
    }

    public mutating func needle(
        _ muscle: Muscle, _ side: Side = .left, fibs: SpontaneousGrade? = SpontaneousGrade.none,
        psw: SpontaneousGrade? = SpontaneousGrade.none, duration: Activity? = .normal, amplitude: Activity? = .normal,
        polyphasia: Activity? = .normal, recruitment: Recruitment? = .normal
    ) {
        var exam = NeedleExam(muscle: muscle, muscleLabel: muscle.rawValue, side: side, source: here)
        exam.fibrillations = fibs
        exam.positiveSharpWaves = psw
        exam.muapDuration = duration
        exam.muapAmplitude = amplitude
        exam.polyphasia = polyphasia
        exam.recruitment = recruitment
        study.needle.append(exam)
    }
}
