import EDXModel
import EDXReference

/// Conduction block, temporal dispersion, an accessory deep peroneal nerve and the tibial
/// physiological drop, between consecutive stimulation sites of a motor study (evidence §3.1, evidence §3.2).
///
/// Across the fibular head a drop beyond the 97th percentile (25 %) is block; elsewhere a drop of
/// 30 % (probable) or 50 % (definite). A proximal duration increase over 30 % makes it dispersion.
/// The tibial nerve is judged by ``TibialProximalDrop``.
struct BlockAndDispersion: EntryRule {
    func apply(_ motor: MotorStudy, to context: inout Context) -> RuleOutcome {
        let key = StudyKey(motor)
        let sites = motor.sites
        guard let first = sites.first, sites.count >= 2 else { return .next }
        let lowerLimit = context.distalAmplitude(key, motor.side, SiteKey(first))?.limit
            .flatMap { $0.bound == .lower ? $0.value : nil }
        for index in 0..<(sites.count - 1) {
            let distal = sites[index]
            let proximal = sites[index + 1]
            guard let distalAmplitude = distal.amplitudeMV, distalAmplitude > 0, !distal.noResponse else { continue }
            let proximalAmplitude = proximal.noResponse ? 0 : (proximal.amplitudeMV ?? -1)
            guard proximalAmplitude >= 0 else { continue }
            let segment = SegmentKey(from: SiteKey(distal), to: SiteKey(proximal))
            var values = NerveValues()
            values.distalAmplitude = distalAmplitude
            values.proximalAmplitude = proximalAmplitude
            values.amplitudeDropPercent = Context.percentChange(proximalAmplitude, from: distalAmplitude)
            var drop = Context.percentChange(proximalAmplitude, from: distalAmplitude)
            if let distalArea = distal.areaMVms, let proximalArea = proximal.areaMVms, distalArea > 0 {
                drop = Context.percentChange(proximalArea, from: distalArea)
                values.areaDropPercent = drop
            }
            if let distalDuration = distal.durationMs, let proximalDuration = proximal.durationMs, distalDuration > 0 {
                values.durationIncreasePercent = -Context.percentChange(proximalDuration, from: distalDuration)
            }
            let finding = Finding(key: key, motor: motor, segment: segment, values: values)

            // Accessory deep peroneal nerve: EDB CMAP larger from the knee than from the ankle (S8).
            if key.reference == .peronealEDB, index == 0,
                proximalAmplitude > distalAmplitude * (1 + Criteria.accessoryPeronealExcess.value / 100)
            {
                context.findings.nerves.append(
                    finding.make(
                        .accessoryDeepPeroneal, grade: nil, basis: [],
                        citation: Criteria.accessoryPeronealExcess.citation,
                        caveats: [.confirmAccessoryDeepPeroneal]))
                continue
            }
            guard drop > 0 else { continue }
            if motor.nerve == .tibial {
                TibialProximalDrop().judge(motor, index: index, drop: drop, finding: finding, &context)
                continue
            }
            let acrossFibularHead = segment.joins(.belowFibularHead, .aboveFibularHead) && motor.nerve == .peroneal
            let threshold = acrossFibularHead ? Criteria.fibularHeadDropNormal : Criteria.probableBlock
            let exceeds = acrossFibularHead ? drop > threshold.value : drop >= threshold.value
            guard exceeds else { continue }
            var caveats: [FindingNote] = []
            if let lowerLimit, distalAmplitude < lowerLimit * Criteria.blockMinimumDistalAmplitude.value / 100 {
                caveats.append(.distalResponseTooSmallForBlock)
            }
            if context.withinMotorWallerianWindow != nil { caveats.append(.earlyDropMayBeAxonLoss) }
            let dispersed = (values.durationIncreasePercent ?? 0) > Criteria.dispersionDurationIncrease.value
            let certainty: BlockCertainty = drop >= Criteria.definiteBlock.value ? .definite : .probable
            context.findings.nerves.append(
                finding.make(
                    dispersed ? .temporalDispersion : .conductionBlock,
                    grade: dispersed ? nil : .block(certainty), basis: context.measurementIDs(key, motor.side),
                    citation: dispersed ? Criteria.dispersionDurationIncrease.citation : threshold.citation,
                    caveats: caveats))
        }
        return .next
    }

    /// The parts of a segment finding shared by every kind.
    struct Finding {
        var key: StudyKey
        var motor: MotorStudy
        var segment: SegmentKey
        var values: NerveValues

        func make(
            _ kind: NerveFinding.Kind, grade: NerveGrade?, values: NerveValues? = nil, basis: [FindingID],
            citation: Citation?, caveats: [FindingNote]
        ) -> NerveFinding {
            NerveFinding(
                id: .nerve(key, motor.side, .segment(segment, kind)), kind: kind, side: motor.side, study: key,
                referenceStudy: key.reference, nerve: motor.nerve, fibres: .motor, location: .segment(segment),
                grade: grade, values: values ?? self.values, possiblyTemperatureRelated: false, basis: basis,
                citation: citation, caveats: caveats)
        }
    }
}

/// A smaller tibial CMAP from the knee than from the ankle: within the physiological drop of up to
/// 50 % it is normal (S8); beyond it, possible block only when the other side drops less, because
/// EFNS/PNS criteria exclude the tibial nerve (S39).
struct TibialProximalDrop {
    func judge(
        _ motor: MotorStudy, index: Int, drop: Double, finding: BlockAndDispersion.Finding, _ context: inout Context
    ) {
        let limit = Criteria.tibialPhysiologicalDrop.value
        let citation = Criteria.tibialPhysiologicalDrop.citation
        if drop <= limit {
            guard drop > Criteria.tibialDropReportingFloor.value else { return }
            context.findings.nerves.append(
                finding.make(.physiologicalProximalDrop, grade: nil, basis: [], citation: citation, caveats: []))
            return
        }
        // Beyond the physiological range: only the other side can make it meaningful.
        let other = context.study.motor.first {
            $0.nerve == .tibial && $0.side != motor.side && $0.recording == motor.recording
        }
        var values = finding.values
        if let other, other.sites.count > index + 1, let d = other.sites[index].amplitudeMV, d > 0,
            let p = other.sites[index + 1].amplitudeMV
        {
            values.contralateralDropPercent = Context.percentChange(p, from: d)
        }
        if let otherDrop = values.contralateralDropPercent, otherDrop <= limit {
            context.findings.nerves.append(
                finding.make(
                    .possibleConductionBlock, grade: .block(.possible), values: values,
                    basis: context.measurementIDs(finding.key, motor.side), citation: citation,
                    caveats: [.tibialBlockNeedsAsymmetry]))
        } else {
            context.findings.nerves.append(
                finding.make(
                    .physiologicalProximalDrop, grade: nil, values: values, basis: [], citation: citation,
                    caveats: [.submaximalPoplitealStimulation]))
        }
    }
}

extension Context {
    /// The ids of every measurement of one study on one side.
    func measurementIDs(_ key: StudyKey, _ side: Side) -> [FindingID] {
        findings.measurements.filter { $0.study == key && $0.side == side }.map(\.id)
    }
}
