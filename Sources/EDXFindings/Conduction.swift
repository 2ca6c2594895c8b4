import EDXModel
import EDXReference

extension Context {
    // MARK: Motor nerves

    mutating func addMotorPathophysiology(_ motor: MotorStudy) {
        let name = StudyName.motor(motor)
        guard let distal = motor.sites.first else { return }
        let distalSite = distal.site?.rawValue ?? StudyName.slug(distal.siteLabel)
        let amplitudeID = Self.measurementID(name.key, motor.side, distalSite, .amplitude)
        let amplitude = findings.measurements.first { $0.id == amplitudeID }
        let lowerLimit = amplitude?.limit.flatMap { $0.bound == .lower ? $0.value : nil }

        if motor.sites.allSatisfy(\.noResponse) {
            addNerve(
                .axonLoss, name: name, motor: motor, fibres: .motor, segment: nil, grade: "severe",
                values: ["amplitude": 0],
                summary: "\(motor.side.title) \(name.title): no response at any site (severe axon loss, or block "
                    + "proximal to every stimulation site)",
                basis: [amplitudeID], citation: Criteria.severitySevere.citation, caveats: motorAxonCaveats())
            return
        }
        addAxonLoss(name: name, side: motor.side, nerve: motor.nerve, fibres: .motor, amplitude: amplitude)
        addBlocks(motor, name: name, lowerLimit: lowerLimit)
        addFocalSlowing(motor, name: name)
        addDemyelinatingFeatures(motor, name: name, amplitude: amplitude)
    }

    func motorAxonCaveats() -> [String] {
        guard let days = covariates.symptomDurationDays, days < Criteria.wallerianMotorDays.value else { return [] }
        return [
            "Only \(Format.number(days)) days after onset: the distal CMAP may not yet show the axon loss (Wallerian "
                + "degeneration takes about \(Format.number(Criteria.wallerianMotorDays.value)) days, S47, S48)."
        ]
    }

    /// Axon loss from a low or absent distal response, or one much smaller than the other side's.
    mutating func addAxonLoss(
        name: StudyName, side: Side, nerve: Nerve?, fibres: NerveFinding.Fibres, amplitude: MeasurementFinding?
    ) {
        guard let amplitude else { return }
        let comparisonID = "compare.\(amplitude.study).\(amplitude.site).amplitude"
        let comparison = findings.comparisons.first { $0.id == comparisonID }
        let asymmetric = comparison.map { $0.abnormal && $0.worseSide == side } ?? false
        guard amplitude.classification == .low || amplitude.classification == .absent || asymmetric else { return }
        var values: [String: Double] = [:]
        if let value = amplitude.value { values["amplitude"] = value }
        if let percent = amplitude.percentOfLimit { values["percentOfLowerLimit"] = percent }
        // Percentage of the other side, when the other side is itself normal.
        var ofContralateral: Double?
        if comparison != nil {
            let other = findings.measurements.first {
                $0.study == amplitude.study && $0.site == amplitude.site && $0.measure == .amplitude && $0.side != side
            }
            if other?.classification == .normal, let otherValue = other?.value, otherValue > 0 {
                ofContralateral = (amplitude.value ?? 0) / otherValue * 100
                values["percentOfContralateral"] = ofContralateral
            }
        }
        let reference = ofContralateral ?? amplitude.percentOfLimit ?? 100
        let grade: String
        if amplitude.classification == .absent || reference < Criteria.severitySevere.value {
            grade = "severe"
        } else if reference < Criteria.severityMild.value || amplitude.classification == .low {
            grade = "moderate"
        } else {
            grade = "mild"
        }
        var basis = [amplitude.id]
        if let comparison, comparison.abnormal { basis.append(comparison.id) }
        var caveats = fibres == .motor ? motorAxonCaveats() : sensoryAxonCaveats()
        caveats += amplitude.notes.filter { $0.contains("weak evidence") || $0.contains("unobtainable") }
        let what = fibres == .motor ? "CMAP" : "SNAP"
        let measured =
            amplitude.classification == .absent
            ? "absent \(what)"
            : "\(what) \(Format.number(amplitude.value ?? 0)) \(amplitude.unit)"
                + (ofContralateral.map { ", \(Format.percent($0)) of the other side" } ?? "")
                + (amplitude.classification == .low ? ", below the lower limit" : "")
        findings.nerves.append(
            NerveFinding(
                id: "nerve.\(name.key).\(side.letter).axon-loss", kind: .axonLoss, side: side, study: name.key,
                referenceStudy: name.reference, nerve: nerve, fibres: fibres, segment: nil, grade: grade,
                values: values, possiblyTemperatureRelated: false,
                summary: "\(side.title) \(name.title): \(grade) axon loss (\(measured))", basis: basis,
                citation: Criteria.severityMild.citation, caveats: caveats))
    }

    func sensoryAxonCaveats() -> [String] {
        guard let days = covariates.symptomDurationDays, days < Criteria.wallerianSensoryDays.value else { return [] }
        return [
            "Only \(Format.number(days)) days after onset: sensory potentials persist a few days longer than CMAPs, so "
                + "a normal SNAP does not yet exclude a postganglionic lesion (S47, S48)."
        ]
    }

    /// Conduction block, temporal dispersion, accessory deep peroneal nerve and the tibial
    /// physiological drop, between consecutive stimulation sites.
    private mutating func addBlocks(_ motor: MotorStudy, name: StudyName, lowerLimit: Double?) {
        let sites = motor.sites
        guard sites.count >= 2 else { return }
        for index in 0..<(sites.count - 1) {
            let distal = sites[index]
            let proximal = sites[index + 1]
            guard let distalAmplitude = distal.amplitudeMV, distalAmplitude > 0, !distal.noResponse else { continue }
            let proximalAmplitude = proximal.noResponse ? 0 : (proximal.amplitudeMV ?? -1)
            guard proximalAmplitude >= 0 else { continue }
            let segment = "\(Self.siteName(distal)) to \(Self.siteName(proximal))"
            let segmentKey = "\(Self.siteName(distal))-to-\(Self.siteName(proximal))"
            let amplitudeDrop = Self.percentChange(proximalAmplitude, from: distalAmplitude)
            var values = [
                "distalAmplitude": distalAmplitude, "proximalAmplitude": proximalAmplitude,
                "amplitudeDropPercent": amplitudeDrop,
            ]
            var drop = amplitudeDrop
            if let distalArea = distal.areaMVms, let proximalArea = proximal.areaMVms, distalArea > 0 {
                let areaDrop = Self.percentChange(proximalArea, from: distalArea)
                values["areaDropPercent"] = areaDrop
                drop = areaDrop
            }
            var durationIncrease: Double?
            if let distalDuration = distal.durationMs, let proximalDuration = proximal.durationMs, distalDuration > 0 {
                durationIncrease = -Self.percentChange(proximalDuration, from: distalDuration)
                values["durationIncreasePercent"] = durationIncrease
            }
            let idBase = "nerve.\(name.key).\(motor.side.letter).\(segmentKey)"
            let title = "\(motor.side.title) \(name.title), \(segment)"

            // Accessory deep peroneal nerve: EDB CMAP larger from the knee than from the ankle (S8).
            if name.reference == .peronealEDB, index == 0,
                proximalAmplitude > distalAmplitude * (1 + Criteria.accessoryPeronealExcess.value / 100)
            {
                addNerve(
                    .accessoryDeepPeroneal, id: idBase + ".accessory-deep-peroneal", name: name, motor: motor,
                    fibres: .motor, segment: segment, grade: nil, values: values,
                    summary:
                        "\(title): proximal CMAP \(Format.number(proximalAmplitude)) mV larger than the ankle CMAP "
                        + "\(Format.number(distalAmplitude)) mV, the pattern of an accessory deep peroneal nerve (a normal "
                        + "variant in about 25 %), not block",
                    basis: [], citation: Criteria.accessoryPeronealExcess.citation,
                    caveats: [
                        "Confirm by stimulating behind the lateral malleolus; the ankle CMAP then underestimates "
                            + "the EDB response."
                    ])
                continue
            }
            guard drop > 0 else { continue }
            if motor.nerve == .tibial {
                addTibialDrop(
                    motor, name: name, index: index, drop: drop, values: values, idBase: idBase, title: title,
                    segment: segment)
                continue
            }
            let acrossFibularHead =
                Set([distal.site, proximal.site].compactMap { $0 }) == [.belowFibularHead, .aboveFibularHead]
                && motor.nerve == .peroneal
            let threshold = acrossFibularHead ? Criteria.fibularHeadDropNormal : Criteria.probableBlock
            let exceeds = acrossFibularHead ? drop > threshold.value : drop >= threshold.value
            guard exceeds else { continue }
            var caveats: [String] = []
            if let lowerLimit, distalAmplitude < lowerLimit * Criteria.blockMinimumDistalAmplitude.value / 100 {
                caveats.append(
                    "Distal CMAP below \(Format.number(Criteria.blockMinimumDistalAmplitude.value)) % of the lower "
                        + "limit: block cannot be judged reliably (S39).")
            }
            if !motorAxonCaveats().isEmpty {
                caveats.append(
                    "Within \(Format.number(Criteria.wallerianMotorDays.value)) days of onset a proximal drop may be "
                        + "early axon loss rather than block; repeat after day 10.")
            }
            let dispersed = (durationIncrease ?? 0) > Criteria.dispersionDurationIncrease.value
            let kind: NerveFinding.Kind = dispersed ? .temporalDispersion : .conductionBlock
            let grade = drop >= Criteria.definiteBlock.value ? "definite" : "probable"
            let durationText = durationIncrease.map { ", duration \($0 >= 0 ? "+" : "")\(Format.percent($0))" } ?? ""
            let what = dispersed ? "temporal dispersion (possible block)" : "\(grade) conduction block"
            addNerve(
                kind, id: idBase + "." + kind.rawValue, name: name, motor: motor, fibres: .motor, segment: segment,
                grade: dispersed ? nil : grade, values: values,
                summary: "\(title): \(what), \(values["areaDropPercent"] != nil ? "area" : "amplitude") drop "
                    + "\(Format.percent(drop))\(durationText)",
                basis: siteIDs(name: name, motor: motor),
                citation: dispersed ? Criteria.dispersionDurationIncrease.citation : threshold.citation,
                caveats: caveats)
        }
    }

    private mutating func addTibialDrop(
        _ motor: MotorStudy, name: StudyName, index: Int, drop: Double, values: [String: Double], idBase: String,
        title: String, segment: String
    ) {
        let limit = Criteria.tibialPhysiologicalDrop.value
        if drop <= limit {
            guard drop > 20 else { return }
            addNerve(
                .physiologicalProximalDrop, id: idBase + ".physiological-drop", name: name, motor: motor,
                fibres: .motor,
                segment: segment, grade: nil, values: values,
                summary: "\(title): amplitude \(Format.percent(drop)) smaller from the knee, within the normal tibial "
                    + "drop of up to \(Format.percent(limit)); not conduction block",
                basis: [], citation: Criteria.tibialPhysiologicalDrop.citation, caveats: [])
            return
        }
        // Beyond the physiological range: only the other side can make it meaningful.
        let other = study.motor.first {
            $0.nerve == .tibial && $0.side != motor.side && $0.recording == motor.recording
        }
        var otherDrop: Double?
        if let other, other.sites.count > index + 1, let d = other.sites[index].amplitudeMV, d > 0,
            let p = other.sites[index + 1].amplitudeMV
        {
            otherDrop = Self.percentChange(p, from: d)
        }
        var allValues = values
        if let otherDrop { allValues["contralateralDropPercent"] = otherDrop }
        if let otherDrop, otherDrop <= limit {
            addNerve(
                .possibleConductionBlock, id: idBase + ".possible-conduction-block", name: name, motor: motor,
                fibres: .motor, segment: segment, grade: "possible", values: allValues,
                summary: "\(title): amplitude \(Format.percent(drop)) smaller from the knee against "
                    + "\(Format.percent(otherDrop)) on the other side: possible conduction block",
                basis: siteIDs(name: name, motor: motor), citation: Criteria.tibialPhysiologicalDrop.citation,
                caveats: [
                    "Tibial block is not called on amplitude alone (proximal drops up to 50 % are normal, and "
                        + "EFNS/PNS criteria exclude the tibial nerve); the asymmetry is what supports it."
                ])
        } else {
            addNerve(
                .physiologicalProximalDrop, id: idBase + ".physiological-drop", name: name, motor: motor,
                fibres: .motor,
                segment: segment, grade: nil, values: allValues,
                summary: "\(title): amplitude \(Format.percent(drop)) smaller from the knee; not called block on "
                    + "amplitude alone (\(otherDrop == nil ? "no other side to compare" : "the other side drops as much"))",
                basis: [], citation: Criteria.tibialPhysiologicalDrop.citation,
                caveats: ["Submaximal popliteal stimulation is the usual cause of a large tibial drop."])
        }
    }

    /// Focal slowing across the fibular head: slower than the leg segment by more than 10 m/s, or below
    /// its lower limit while the leg segment is normal (§3.2).
    private mutating func addFocalSlowing(_ motor: MotorStudy, name: StudyName) {
        guard motor.nerve == .peroneal else { return }
        let across = findings.measurements.first {
            $0.study == name.key && $0.side == motor.side && $0.measure == .acrossFibularHeadVelocity
        }
        let leg = findings.measurements.first {
            $0.study == "peroneal-motor-edb" && $0.side == motor.side && $0.measure == .legVelocity
        }
        guard let across, let acrossValue = across.value else { return }
        var values = ["acrossFibularHeadVelocity": acrossValue]
        if let legValue = leg?.value { values["legVelocity"] = legValue }
        let title = "\(motor.side.title) \(name.title)"
        if let leg, let legValue = leg.value, legValue - acrossValue > Criteria.fibularHeadSlowing.value {
            values["slowingMS"] = legValue - acrossValue
            addNerve(
                .focalSlowing, id: "nerve.\(name.key).\(motor.side.letter).focal-slowing", name: name, motor: motor,
                fibres: .motor, segment: "across the fibular head", grade: nil, values: values,
                summary: "\(title): focal slowing across the fibular head (\(Format.number(acrossValue)) m/s against "
                    + "\(Format.number(legValue)) m/s in the leg, \(Format.number(legValue - acrossValue)) m/s slower)",
                basis: [across.id, leg.id], citation: Criteria.fibularHeadSlowing.citation,
                caveats: ["Both segments are on the same limb, so cooling does not explain the difference."])
        } else if across.classification == .low, leg.map({ $0.classification == .normal }) ?? false {
            addNerve(
                .focalSlowing, id: "nerve.\(name.key).\(motor.side.letter).focal-slowing", name: name, motor: motor,
                fibres: .motor, segment: "across the fibular head", grade: nil, values: values,
                summary: "\(title): focal slowing across the fibular head (\(Format.number(acrossValue)) m/s; limit "
                    + "\(across.limit?.text ?? "not available"); leg segment normal)",
                basis: [across.id] + (leg.map { [$0.id] } ?? []), citation: across.limit?.citation,
                caveats: across.possiblyTemperatureRelated ? ["Cool limb: possibly temperature-related."] : [])
        }
    }

    /// Demyelinating-range slowing (EFNS/PNS 2010, AAN 1991), or milder slowing in the axon-loss range,
    /// and a prolonged distal CMAP.
    private mutating func addDemyelinatingFeatures(_ motor: MotorStudy, name: StudyName, amplitude: MeasurementFinding?)
    {
        let cmapPercent = amplitude?.percentOfLimit
        for finding in findings.measurements
        where finding.study == name.key && finding.side == motor.side && finding.classification.isAbnormal {
            guard let value = finding.value, let limit = finding.limit else { continue }
            let percent = value / limit.value * 100
            var kind: NerveFinding.Kind?
            var citation: Citation?
            if finding.measure.isVelocity {
                if finding.measure == .acrossFibularHeadVelocity
                    && findings.nerves.contains(where: { $0.kind == .focalSlowing && $0.basis.contains(finding.id) })
                {
                    continue
                }
                if percent < Criteria.demyelinatingVelocity.value {
                    (kind, citation) = (.demyelinatingSlowing, Criteria.demyelinatingVelocity.citation)
                } else if let cmapPercent, cmapPercent >= 80,
                    percent < Criteria.demyelinatingVelocityPreservedCMAP.value
                {
                    (kind, citation) = (.demyelinatingSlowing, Criteria.demyelinatingVelocityPreservedCMAP.citation)
                } else {
                    (kind, citation) = (.slowing, limit.citation)
                }
            } else if finding.measure == .distalLatency {
                if percent > Criteria.demyelinatingLatency.value {
                    (kind, citation) = (.demyelinatingSlowing, Criteria.demyelinatingLatency.citation)
                } else {
                    (kind, citation) = (.slowing, limit.citation)
                }
            }
            guard let kind else { continue }
            let range = kind == .demyelinatingSlowing ? "demyelinating-range slowing" : "slowing (axon-loss range)"
            addNerve(
                kind, id: "nerve.\(name.key).\(motor.side.letter).\(finding.site).\(kind.rawValue)", name: name,
                motor: motor, fibres: .motor, segment: StudyName.words(finding.site), grade: nil,
                values: ["value": value, "percentOfLimit": percent],
                possiblyTemperatureRelated: finding.possiblyTemperatureRelated,
                summary: "\(motor.side.title) \(name.title), \(StudyName.words(finding.site)): \(range), "
                    + "\(finding.measure.words) \(Format.number(value)) \(finding.unit) = \(Format.percent(percent)) of the "
                    + "limit" + (finding.possiblyTemperatureRelated ? "; possibly temperature-related" : ""),
                basis: [finding.id], citation: citation, caveats: [])
        }
        // Prolonged distal CMAP duration (EFNS/PNS 2010).
        let durationLimit: Threshold? =
            switch motor.nerve {
            case .peroneal: Criteria.prolongedDurationPeroneal
            case .tibial: Criteria.prolongedDurationTibial
            default: nil
            }
        if let durationLimit, let duration = motor.sites.first?.durationMs, duration >= durationLimit.value,
            name.reference != .peronealTA
        {
            addNerve(
                .temporalDispersion, id: "nerve.\(name.key).\(motor.side.letter).distal-duration", name: name,
                motor: motor, fibres: .motor, segment: "distal", grade: nil, values: ["duration": duration],
                summary:
                    "\(motor.side.title) \(name.title): prolonged distal CMAP duration \(Format.number(duration)) ms "
                    + "(>= \(Format.number(durationLimit.value)) ms)",
                basis: [Self.measurementID(name.key, motor.side, Self.siteName(motor.sites[0]), .duration)],
                citation: durationLimit.citation, caveats: [])
        }
    }

    /// The drop from `reference` to `value`, % of `reference`, rounded to 0.01 % so that values exactly at
    /// a threshold compare as equal rather than by binary rounding error.
    static func percentChange(_ value: Double, from reference: Double) -> Double {
        ((1 - value / reference) * 10_000).rounded() / 100
    }

    static func siteName(_ site: MotorSite) -> String { site.site?.rawValue ?? StudyName.slug(site.siteLabel) }

    private func siteIDs(name: StudyName, motor: MotorStudy) -> [String] {
        findings.measurements.filter { $0.study == name.key && $0.side == motor.side }.map(\.id)
    }

    private mutating func addNerve(
        _ kind: NerveFinding.Kind, id: String? = nil, name: StudyName, motor: MotorStudy, fibres: NerveFinding.Fibres,
        segment: String?, grade: String?, values: [String: Double], possiblyTemperatureRelated: Bool = false,
        summary: String, basis: [String], citation: Citation?, caveats: [String]
    ) {
        findings.nerves.append(
            NerveFinding(
                id: id ?? "nerve.\(name.key).\(motor.side.letter).\(kind.rawValue)", kind: kind, side: motor.side,
                study: name.key, referenceStudy: name.reference, nerve: motor.nerve, fibres: fibres, segment: segment,
                grade: grade, values: values, possiblyTemperatureRelated: possiblyTemperatureRelated, summary: summary,
                basis: basis, citation: citation, caveats: caveats))
    }

    // MARK: Sensory nerves

    mutating func addSensoryPathophysiology(_ sensory: SensoryStudy) {
        let name = StudyName.sensory(sensory)
        guard let distal = sensory.sites.first else { return }
        let site = distal.site?.rawValue ?? StudyName.slug(distal.siteLabel)
        let amplitude = findings.measurements.first {
            $0.id == Self.measurementID(name.key, sensory.side, site, .amplitude)
        }
        let before = findings.nerves.count
        addAxonLoss(name: name, side: sensory.side, nerve: sensory.nerve, fibres: .sensory, amplitude: amplitude)
        if findings.nerves.count > before { return }
        // Slowing with a normal amplitude.
        for finding in findings.measurements
        where finding.study == name.key && finding.side == sensory.side && finding.classification.isAbnormal
            && finding.measure != .amplitude
        {
            findings.nerves.append(
                NerveFinding(
                    id: "nerve.\(name.key).\(sensory.side.letter).\(finding.measure.rawValue).slowing", kind: .slowing,
                    side: sensory.side, study: name.key, referenceStudy: name.reference, nerve: sensory.nerve,
                    fibres: .sensory, segment: nil, grade: nil, values: ["value": finding.value ?? 0],
                    possiblyTemperatureRelated: finding.possiblyTemperatureRelated,
                    summary: "\(sensory.side.title) \(name.title): slowing with a normal amplitude "
                        + "(\(finding.measure.words) \(Format.number(finding.value ?? 0)) \(finding.unit))"
                        + (finding.possiblyTemperatureRelated ? "; possibly temperature-related" : ""),
                    basis: [finding.id], citation: finding.limit?.citation, caveats: []))
        }
    }

    // MARK: Late responses

    mutating func addLateResponsePathophysiology() {
        for finding in findings.measurements where finding.measure.isLateResponse && finding.classification.isAbnormal {
            var kind = NerveFinding.Kind.slowing
            var citation = finding.limit?.citation
            var text = finding.classification == .absent ? "absent" : "prolonged"
            if finding.measure == .fMinimumLatency, let value = finding.value, let limit = finding.limit,
                value / limit.value * 100 > Criteria.demyelinatingFLatency.value
            {
                kind = .demyelinatingSlowing
                citation = Criteria.demyelinatingFLatency.citation
                text = "prolonged into the demyelinating range"
            }
            let what = finding.measure == .hLatency ? "H reflex" : "F waves"
            findings.nerves.append(
                NerveFinding(
                    id: "nerve.\(finding.study).\(finding.side.letter).\(kind.rawValue)", kind: kind,
                    side: finding.side,
                    study: finding.study, referenceStudy: finding.referenceStudy, nerve: finding.nerve, fibres: .motor,
                    segment: "proximal", grade: nil, values: finding.value.map { ["latency": $0] } ?? [:],
                    possiblyTemperatureRelated: finding.possiblyTemperatureRelated,
                    summary: "\(finding.side.title) \(StudyName.words(finding.study)): \(what) \(text)"
                        + (finding.value.map { " (\(Format.number($0)) ms)" } ?? ""),
                    basis: [finding.id], citation: citation, caveats: []))
        }
        for comparison in findings.comparisons where comparison.abnormal && comparison.study == "h-reflex" {
            findings.nerves.append(
                NerveFinding(
                    id: "nerve.h-reflex.\(comparison.worseSide.letter).asymmetry", kind: .slowing,
                    side: comparison.worseSide, study: "h-reflex", referenceStudy: .hReflex, nerve: .tibial,
                    fibres: .motor, segment: "proximal", grade: nil, values: ["difference": comparison.difference],
                    possiblyTemperatureRelated: false,
                    summary: "H reflex \(comparison.worseSide.rawValue) later than the other side by "
                        + "\(Format.number(comparison.difference)) ms (limit \(comparison.limit.text))",
                    basis: [comparison.id], citation: comparison.limit.citation, caveats: []))
        }
    }
}
