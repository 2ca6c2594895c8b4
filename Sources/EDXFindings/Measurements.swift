import EDXModel
import EDXReference

/// How a study is named in ids and sentences, and which published table applies.
struct StudyName {
    var key: String
    var title: String
    var reference: ReferenceStudy?

    static func motor(_ motor: MotorStudy) -> StudyName {
        switch (motor.nerve, motor.recording) {
        case (.peroneal, .extensorDigitorumBrevis), (.peroneal, nil):
            return StudyName(key: "peroneal-motor-edb", title: "peroneal motor (EDB)", reference: .peronealEDB)
        case (.peroneal, .tibialisAnterior):
            return StudyName(
                key: "peroneal-motor-ta", title: "peroneal motor (tibialis anterior)", reference: .peronealTA)
        case (.tibial, .abductorHallucis), (.tibial, nil):
            return StudyName(key: "tibial-motor-ah", title: "tibial motor (abductor hallucis)", reference: .tibialAH)
        default:
            let nerve = motor.nerve?.rawValue ?? slug(motor.nerveLabel)
            let recording = motor.recording?.rawValue ?? slug(motor.recordingLabel)
            return StudyName(
                key: "\(nerve)-motor-\(recording)",
                title: "\(words(nerve)) motor (\(words(recording)))", reference: nil)
        }
    }

    static func sensory(_ sensory: SensoryStudy) -> StudyName {
        let reference: ReferenceStudy? =
            switch sensory.nerve {
            case .sural: .sural
            case .superficialPeroneal: .superficialPeroneal
            case .saphenous: .saphenous
            case .lateralFemoralCutaneous: .lateralFemoralCutaneous
            default: nil
            }
        let nerve = sensory.nerve?.rawValue ?? slug(sensory.nerveLabel)
        return StudyName(key: "\(nerve)-sensory", title: "\(words(nerve)) sensory", reference: reference)
    }

    static func fWave(_ wave: FWaveStudy) -> StudyName {
        let nerve = wave.nerve?.rawValue ?? slug(wave.nerveLabel)
        let reference: ReferenceStudy? =
            switch wave.nerve {
            case .tibial: .tibialFWave
            case .peroneal: .peronealFWave
            default: nil
            }
        return StudyName(key: "\(nerve)-f-wave", title: "\(words(nerve)) F wave", reference: reference)
    }

    static func hReflex(_ reflex: HReflexStudy) -> StudyName {
        StudyName(
            key: "h-reflex", title: "H reflex",
            reference: reflex.nerve == .tibial || reflex.nerve == nil ? .hReflex : nil)
    }

    static func slug(_ text: String) -> String {
        let lowered = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(lowered).split(separator: "-").joined(separator: "-")
    }

    static func words(_ key: String) -> String { Format.words(key) }
}

extension Measure {
    /// The side of the limit that is normal for this measure.
    var naturalBound: Bound {
        switch self {
        case .amplitude, .legVelocity, .acrossFibularHeadVelocity, .sensoryVelocity: .lower
        default: .upper
        }
    }

    var isLatency: Bool {
        switch self {
        case .distalLatency, .onsetLatency, .peakLatency: true
        default: false
        }
    }

    var isVelocity: Bool {
        switch self {
        case .legVelocity, .acrossFibularHeadVelocity, .sensoryVelocity: true
        default: false
        }
    }

    var isLateResponse: Bool { self == .fMinimumLatency || self == .hLatency }

    /// A readable name for sentences.
    var words: String {
        switch self {
        case .distalLatency: "distal latency"
        case .amplitude: "amplitude"
        case .duration: "duration"
        case .legVelocity: "velocity"
        case .acrossFibularHeadVelocity: "velocity across the fibular head"
        case .onsetLatency: "onset latency"
        case .peakLatency: "peak latency"
        case .sensoryVelocity: "velocity"
        case .fMinimumLatency: "minimal F latency"
        case .hLatency: "H latency"
        case .latencyDifference: "latency difference"
        case .amplitudeDrop: "amplitude asymmetry"
        case .velocityDifference: "velocity difference"
        }
    }
}

extension Context {
    // MARK: Collecting measurements

    mutating func addMotorMeasurements(_ motor: MotorStudy) {
        let name = StudyName.motor(motor)
        guard let distal = motor.sites.first else { return }
        let site = distal.site?.rawValue ?? StudyName.slug(distal.siteLabel)
        let values: [(Measure, Double?, String, String)] = [
            (.distalLatency, distal.latencyMs, "ms", "latency"), (.amplitude, distal.amplitudeMV, "mV", "amplitude"),
            (.duration, distal.durationMs, "ms", "duration"),
        ]
        for (measure, value, unit, labKey) in values {
            if measure != .amplitude && distal.noResponse { continue }
            classify(
                name: name, nerve: motor.nerve, side: motor.side, site: site, measure: measure,
                value: distal.noResponse ? nil : value, noResponse: distal.noResponse && measure == .amplitude,
                unit: unit, lab: distal.labLimits[labKey], source: distal.source)
        }
        for segment in motor.segments {
            guard let velocity = segment.velocityMS else { continue }
            let ends = Set([segment.from, segment.to].compactMap { $0 })
            let measure: Measure
            var reference = name.reference
            switch name.reference {
            case .peronealEDB where ends == [.belowFibularHead, .ankle]: measure = .legVelocity
            case .peronealEDB where ends == [.aboveFibularHead, .belowFibularHead]: measure = .acrossFibularHeadVelocity
            case .peronealTA where ends == [.aboveFibularHead, .belowFibularHead]: measure = .acrossFibularHeadVelocity
            case .tibialAH where ends == [.poplitealFossa, .ankle]: measure = .legVelocity
            default:
                measure = .legVelocity
                reference = nil
            }
            var segmentName = name
            segmentName.reference = reference
            classify(
                name: segmentName, nerve: motor.nerve, side: motor.side, site: Self.segmentName(segment),
                measure: measure, value: velocity, noResponse: false, unit: "m/s", lab: segment.labLimits["velocity"],
                source: segment.source)
        }
    }

    mutating func addSensoryMeasurements(_ sensory: SensoryStudy) {
        let name = StudyName.sensory(sensory)
        guard let distal = sensory.sites.first else { return }
        let site = distal.site?.rawValue ?? StudyName.slug(distal.siteLabel)
        let values: [(Measure, Double?, String, String)] = [
            (.onsetLatency, distal.onsetLatencyMs, "ms", "onsetLatency"),
            (.peakLatency, distal.peakLatencyMs, "ms", "peakLatency"),
            (.amplitude, distal.amplitudeUV, "µV", "amplitude"),
            (.sensoryVelocity, distal.velocityMS, "m/s", "velocity"),
        ]
        for (measure, value, unit, labKey) in values {
            if measure != .amplitude && distal.noResponse { continue }
            classify(
                name: name, nerve: sensory.nerve, side: sensory.side, site: site, measure: measure,
                value: distal.noResponse ? nil : value, noResponse: distal.noResponse && measure == .amplitude,
                unit: unit, lab: distal.labLimits[labKey], source: distal.source,
                abnormalNotes: measure == .amplitude ? sensoryCaveats(sensory.nerve) : [])
        }
    }

    /// Caveats on a low or absent response of this nerve, by the patient's age.
    func sensoryCaveats(_ nerve: Nerve?) -> [String] {
        switch nerve {
        case .superficialPeroneal, .sural:
            if let age = covariates.ageYears, age > Criteria.sensoryAgeCaveat.value {
                return [
                    "Over age \(Format.number(Criteria.sensoryAgeCaveat.value)) a small or absent response is weak "
                        + "evidence (superficial peroneal absent in \(Format.number(Criteria.superficialPeronealAbsentOver60.value)) % "
                        + "of healthy people over 60, S16)."
                ]
            }
            return []
        case .saphenous:
            return [
                "Saphenous responses are unobtainable bilaterally in \(Format.number(Criteria.saphenousAbsentInNormals.value)) % "
                    + "of normal subjects (S6): only a unilateral loss with a normal other side is meaningful."
            ]
        default:
            return []
        }
    }

    mutating func addFWave(_ wave: FWaveStudy) {
        let name = StudyName.fWave(wave)
        var notes: [String] = []
        if wave.nerve == .peroneal {
            notes.append(
                "Peroneal F waves are often sparse or absent in normal subjects; absence alone is not abnormal [U].")
        }
        classify(
            name: name, nerve: wave.nerve, side: wave.side, site: "f-wave", measure: .fMinimumLatency,
            value: wave.noResponse ? nil : wave.minLatencyMs,
            noResponse: wave.noResponse && wave.nerve != .peroneal, unit: "ms", lab: wave.labLimits["minLatency"],
            source: wave.source, extraNotes: notes)
    }

    mutating func addHReflex(_ reflex: HReflexStudy) {
        let name = StudyName.hReflex(reflex)
        classify(
            name: name, nerve: reflex.nerve, side: reflex.side, site: "h-reflex", measure: .hLatency,
            value: reflex.noResponse ? nil : reflex.latencyMs, noResponse: reflex.noResponse, unit: "ms",
            lab: reflex.labLimits["latency"], source: reflex.source)
    }

    static func segmentName(_ segment: Segment) -> String {
        let from = segment.from?.rawValue ?? StudyName.slug(segment.fromLabel)
        let to = segment.to?.rawValue ?? StudyName.slug(segment.toLabel)
        return "\(from)-to-\(to)"
    }

    static func measurementID(_ key: String, _ side: Side, _ site: String, _ measure: Measure) -> String {
        "\(key).\(side.letter).\(site).\(measure.rawValue)"
    }

    // MARK: Classification

    /// Classifies one value against the lab's or the published limit and records the finding.
    mutating func classify(
        name: StudyName, nerve: Nerve?, side: Side, site: String, measure: Measure, value: Double?,
        noResponse: Bool, unit: String, lab: LabLimit?, source: SourceLocation, extraNotes: [String] = [],
        abnormalNotes: [String] = []
    ) {
        guard value != nil || noResponse else { return }
        let published = name.reference.flatMap {
            ReferenceValues.limit($0, measure, ageYears: covariates.ageYears, heightCm: covariates.heightCm)
        }.map { reference in
            AppliedLimit(
                origin: .published, bound: reference.bound, value: reference.value, unit: reference.unit,
                band: reference.band, label: reference.citation.description, citation: reference.citation,
                assumptions: reference.assumptions)
        }
        let labLimit = lab.flatMap { Self.applied(lab: $0, measure: measure, unit: unit) }
        let (used, alternative): (AppliedLimit?, AppliedLimit?) =
            switch preference {
            case .lab: labLimit != nil ? (labLimit, published) : (published, nil)
            case .published: published != nil ? (published, labLimit) : (labLimit, nil)
            }
        var notes = extraNotes
        if let used { notes += used.assumptions }
        let classification: Classification
        var percent: Double?
        if noResponse {
            classification = .absent
            percent = used != nil ? 0 : nil
        } else if let value, let used {
            let inside = used.bound == .lower ? value >= used.value : value <= used.value
            classification = inside ? .normal : (used.bound == .lower ? .low : .high)
            percent = used.value != 0 ? value / used.value * 100 : nil
        } else {
            classification = .unclassified
            if name.reference == nil {
                notes.append("No published reference value for this study: reported without classification.")
            } else {
                notes.append("No published limit for this measure: reported without classification.")
            }
        }
        if classification.isAbnormal { notes += abnormalNotes }
        let temperatureRelated = possiblyTemperatureRelated(
            side: side, measure: measure, value: value, classification: classification, limit: used)
        if temperatureRelated {
            notes.append(
                "Cool limb: warming to \(Format.number(Criteria.normalLegSkinTemperature.value)) C could explain this "
                    + "(about \(Format.number(Criteria.latencyPerDegree.value)) ms or "
                    + "\(Format.number(Criteria.velocityPerDegree.value)) m/s per C, S31, S34).")
        }
        let id = Self.measurementID(name.key, side, site, measure)
        let finding = MeasurementFinding(
            id: id, side: side, study: name.key, referenceStudy: name.reference, nerve: nerve, site: site,
            measure: measure, value: noResponse ? nil : value, unit: unit, classification: classification,
            limit: used, alternativeLimit: alternative, percentOfLimit: percent,
            possiblyTemperatureRelated: temperatureRelated, notes: notes,
            summary: Self.summary(
                title: name.title, side: side, site: site, measure: measure, value: noResponse ? nil : value,
                unit: unit, classification: classification, limit: used, percent: percent,
                temperatureRelated: temperatureRelated),
            source: source)
        findings.measurements.append(finding)
    }

    /// The lab's limit as an applied limit, on the side that is natural for the measure.
    static func applied(lab: LabLimit, measure: Measure, unit: String) -> AppliedLimit? {
        let bound: Bound
        let value: Double
        switch (measure.naturalBound, lab.lower, lab.upper) {
        case (.lower, let lower?, _):
            (bound, value) = (.lower, lower)
        case (.upper, _, let upper?):
            (bound, value) = (.upper, upper)
        case (_, let lower?, nil):
            (bound, value) = (.lower, lower)
        case (_, nil, let upper?):
            (bound, value) = (.upper, upper)
        default:
            return nil
        }
        return AppliedLimit(
            origin: .lab, bound: bound, value: value, unit: unit, band: nil, label: "lab limit \(lab.text)",
            citation: nil, assumptions: [])
    }

    /// Whether warming a cool limb could explain an abnormal latency or velocity (§2).
    func possiblyTemperatureRelated(
        side: Side, measure: Measure, value: Double?, classification: Classification, limit: AppliedLimit?
    ) -> Bool {
        guard classification == .low || classification == .high, isCool(side),
            let celsius = covariates.temperature(side), let value, let limit
        else { return false }
        let degrees = Criteria.normalLegSkinTemperature.value - celsius
        if measure.isLatency {
            return value - limit.value <= degrees * Criteria.latencyPerDegree.value
        }
        if measure.isVelocity {
            return limit.value - value <= degrees * Criteria.velocityPerDegree.value
        }
        // No correction factor is published for late responses: any prolongation in a cool limb may be thermal.
        return measure.isLateResponse
    }

    static func summary(
        title: String, side: Side, site: String, measure: Measure, value: Double?, unit: String,
        classification: Classification, limit: AppliedLimit?, percent: Double?, temperatureRelated: Bool
    ) -> String {
        let place =
            site.hasPrefix(measure == .fMinimumLatency ? "f-wave" : "h-reflex") ? "" : ", \(StudyName.words(site))"
        let head = "\(side.title) \(title)\(place): \(measure.words)"
        let limitText = limit.map { " (\($0.origin == .lab ? "lab" : "published") \($0.text))" } ?? ""
        switch classification {
        case .absent:
            return "\(head): no response\(limitText)"
        case .unclassified:
            return "\(head) \(value.map { Format.number($0) } ?? "-") \(unit): no reference value, not classified"
        case .normal:
            return "\(head) \(Format.number(value ?? 0)) \(unit): normal\(limitText)"
        case .low, .high:
            let low = classification == .low
            let word =
                measure == .amplitude
                ? (low ? "low" : "high") : measure.isVelocity ? (low ? "slow" : "fast") : (low ? "low" : "prolonged")
            let percentText =
                percent.map { ", \(Format.percent($0)) of the \(limit?.bound == .lower ? "lower" : "upper") limit" }
                ?? ""
            let thermal = temperatureRelated ? "; possibly temperature-related" : ""
            return "\(head) \(Format.number(value ?? 0)) \(unit): \(word)\(percentText)\(limitText)\(thermal)"
        }
    }

    // MARK: Side-to-side

    mutating func addComparisons() {
        let measures: [Measure] = [.amplitude, .distalLatency, .legVelocity, .peakLatency, .hLatency, .fMinimumLatency]
        var seen = Set<String>()
        for finding in findings.measurements where measures.contains(finding.measure) {
            let pairKey = "\(finding.study).\(finding.site).\(finding.measure.rawValue)"
            guard finding.side == .left, !seen.contains(pairKey),
                let right = findings.measurements.first(where: {
                    $0.side == .right && $0.study == finding.study && $0.site == finding.site
                        && $0.measure == finding.measure
                })
            else { continue }
            seen.insert(pairKey)
            compare(left: finding, right: right)
        }
    }

    private mutating func compare(left: MeasurementFinding, right: MeasurementFinding) {
        let measure: Measure
        switch left.measure {
        case .amplitude: measure = .amplitudeDrop
        case .legVelocity: measure = .velocityDifference
        default: measure = .latencyDifference
        }
        // Sural side-to-side latency limits are published for peak latency only.
        if left.referenceStudy == .sural && left.measure != .peakLatency && measure == .latencyDifference { return }
        guard let reference = left.referenceStudy,
            let limit = ReferenceValues.limit(
                reference, measure, ageYears: covariates.ageYears, heightCm: covariates.heightCm)
        else { return }
        let leftValue = left.value ?? 0
        let rightValue = right.value ?? 0
        if measure != .amplitudeDrop && (left.value == nil || right.value == nil) { return }
        let difference: Double
        let worse: Side
        switch measure {
        case .amplitudeDrop:
            let larger = max(leftValue, rightValue)
            guard larger > 0 else { return }
            difference = Self.percentChange(min(leftValue, rightValue), from: larger)
            worse = leftValue < rightValue ? .left : .right
        case .velocityDifference:
            difference = (abs(leftValue - rightValue) * 100).rounded() / 100
            worse = leftValue < rightValue ? .left : .right
        default:
            difference = (abs(leftValue - rightValue) * 100).rounded() / 100
            worse = leftValue > rightValue ? .left : .right
        }
        let applied = AppliedLimit(
            origin: .published, bound: .upper, value: limit.value, unit: limit.unit, band: limit.band,
            label: limit.citation.description, citation: limit.citation, assumptions: limit.assumptions)
        let abnormal = difference > limit.value
        let title = StudyName.words(left.study)
        let valueText =
            measure == .amplitudeDrop
            ? "\(worse.rawValue) \(Format.percent(difference)) smaller"
            : difference == 0
                ? "no difference"
                : "difference \(Format.number(difference)) \(limit.unit), \(worse.rawValue) worse"
        let summary =
            "\(title) \(left.measure.words), left \(left.value.map { Format.number($0) } ?? "absent") vs right "
            + "\(right.value.map { Format.number($0) } ?? "absent") \(left.unit): \(valueText) "
            + "(\(abnormal ? "abnormal" : "within") side-to-side limit \(applied.text))"
        findings.comparisons.append(
            SideComparison(
                id: "compare.\(left.study).\(left.site).\(left.measure.rawValue)", study: left.study, measure: measure,
                left: leftValue, right: rightValue, difference: difference, unit: limit.unit, limit: applied,
                abnormal: abnormal, worseSide: worse, summary: summary))
    }
}
