import EDXModel
import EDXReference

/// No response from any stimulation site of a motor study: severe axon loss, or block proximal to
/// every site. The other motor rules have nothing to judge and are skipped.
struct AbsentMotorResponse: EntryRule {
    func apply(_ motor: MotorStudy, to context: inout Context) -> RuleOutcome {
        guard let distal = motor.sites.first else { return .settled }
        guard motor.sites.allSatisfy(\.noResponse) else { return .next }
        let key = StudyKey(motor)
        var values = NerveValues()
        values.amplitude = 0
        context.findings.nerves.append(
            NerveFinding(
                id: .nerve(key, motor.side, .axonLoss), kind: .axonLoss, side: motor.side, study: key,
                referenceStudy: key.reference, nerve: motor.nerve, fibres: .motor, location: nil,
                grade: .severity(.severe), values: values, possiblyTemperatureRelated: false,
                basis: [.measurement(key, motor.side, .site(SiteKey(distal)), .amplitude)],
                citation: Criteria.severitySevere.citation, caveats: context.motorAxonCaveats(),
                noResponseAtAnySite: true))
        return .settled
    }
}

/// Axon loss from a low or absent distal CMAP, or one much smaller than the other side's (evidence
/// evidence §3.3, evidence §7.2): graded by the amplitude as % of the other side, or of the lower limit.
struct MotorAxonLoss: EntryRule {
    func apply(_ motor: MotorStudy, to context: inout Context) -> RuleOutcome {
        guard let distal = motor.sites.first else { return .settled }
        let key = StudyKey(motor)
        context.addAxonLoss(
            key: key, side: motor.side, nerve: motor.nerve, fibres: .motor,
            amplitude: context.distalAmplitude(key, motor.side, SiteKey(distal)))
        return .next
    }
}

/// Axon loss from a low or absent SNAP, or one much smaller than the other side's. When it is found,
/// ``SensorySlowing`` has nothing more to add.
struct SensoryAxonLoss: EntryRule {
    func apply(_ sensory: SensoryStudy, to context: inout Context) -> RuleOutcome {
        guard let distal = sensory.sites.first else { return .settled }
        let key = StudyKey(sensory)
        let before = context.findings.nerves.count
        context.addAxonLoss(
            key: key, side: sensory.side, nerve: sensory.nerve, fibres: .sensory,
            amplitude: context.distalAmplitude(key, sensory.side, SiteKey(distal)))
        return context.findings.nerves.count > before ? .settled : .next
    }
}

extension Context {
    func motorAxonCaveats() -> [FindingNote] {
        withinMotorWallerianWindow.map { [.earlyForMotorAxonLoss(days: $0)] } ?? []
    }

    func sensoryAxonCaveats() -> [FindingNote] {
        guard let days = covariates.symptomDurationDays, days < Criteria.wallerianSensoryDays.value else { return [] }
        return [.earlyForSensoryAxonLoss(days: days)]
    }

    /// Axon loss from a low or absent distal response, or one much smaller than the other side's.
    mutating func addAxonLoss(
        key: StudyKey, side: Side, nerve: Nerve?, fibres: NerveFinding.Fibres, amplitude: MeasurementFinding?
    ) {
        guard let amplitude else { return }
        let comparison = findings.comparison(.comparison(amplitude.study, amplitude.site, .amplitude))
        let asymmetric = comparison.map { $0.abnormal && $0.worseSide == side } ?? false
        guard amplitude.classification == .low || amplitude.classification == .absent || asymmetric else { return }
        var values = NerveValues()
        values.amplitude = amplitude.value
        values.percentOfLowerLimit = amplitude.percentOfLimit
        // Percentage of the other side, when the other side is itself normal.
        if comparison != nil {
            let other = findings.measurements.first {
                $0.study == amplitude.study && $0.site == amplitude.site && $0.measure == .amplitude && $0.side != side
            }
            if other?.classification == .normal, let otherValue = other?.value, otherValue > 0 {
                values.percentOfContralateral = (amplitude.value ?? 0) / otherValue * 100
            }
        }
        let grade = Severity.ofAmplitude(
            percent: values.percentOfContralateral ?? amplitude.percentOfLimit,
            belowLowerLimit: amplitude.classification == .low, absent: amplitude.classification == .absent)
        var basis = [amplitude.id]
        if let comparison, comparison.abnormal { basis.append(comparison.id) }
        let caveats =
            (fibres == .motor ? motorAxonCaveats() : sensoryAxonCaveats())
            + amplitude.notes.filter(\.weakensSensoryLoss)
        findings.nerves.append(
            NerveFinding(
                id: .nerve(key, side, .axonLoss), kind: .axonLoss, side: side, study: key,
                referenceStudy: key.reference, nerve: nerve, fibres: fibres, location: nil, grade: .severity(grade),
                values: values, possiblyTemperatureRelated: false, basis: basis,
                citation: Criteria.severityMild.citation, caveats: caveats))
    }
}
