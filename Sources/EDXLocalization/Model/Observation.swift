import EDXAnatomy
import EDXFindings
import EDXModel
import EDXReference

/// One observed finding, as the scoring sees it.
struct Observation: Sendable {
    var item: ModelItem
    var abnormal: Bool
    /// How much this observation counts (0...1): a graded abnormality, or a normal muscle examined
    /// before denervation could show.
    var strength: Double
    /// The findings it rests on, the first being the one cited.
    var findingIDs: [FindingID]
    /// What the report says for it.
    var statement: EvidenceStatement
    /// For a muscle: fibrillation potentials or positive sharp waves (active denervation).
    var denervated = false
}

/// Turns interpreted findings into observations of the model's items.
enum Observations {
    /// The motor studies whose distal CMAP is an item of the model.
    static let cmapStudies: Set<ReferenceStudy> = [
        .peronealEDB, .peronealTA, .tibialAH, .lateralPlantarMotor, .femoralMotor, .medianMotor, .ulnarMotor,
    ]

    static func from(_ findings: StudyFindings) -> [Observation] {
        var observations: [Observation] = []
        for muscle in findings.muscles {
            guard let m = muscle.muscle else { continue }
            let strength: Double
            if muscle.neurogenic {
                let grade = muscle.denervation?.value ?? 0
                if grade >= 2 || muscle.reinnervation {
                    strength = 1.0
                } else if muscle.activeDenervation {
                    strength = ParameterKey.strengthMildDenervation.value
                } else {
                    strength = ParameterKey.strengthReducedRecruitmentOnly.value
                }
            } else {
                strength = muscle.acuity == .tooEarly ? ParameterKey.strengthNormalTooEarly.value : 1.0
            }
            observations.append(
                Observation(
                    item: .muscle(m, muscle.side), abnormal: muscle.neurogenic, strength: strength,
                    findingIDs: [muscle.id], statement: .findings([muscle.id]),
                    denervated: muscle.activeDenervation))
            // A neurogenic muscle also tells whether it is reinnervated (how chronic the process is).
            if muscle.neurogenic {
                observations.append(
                    Observation(
                        item: .reinnervation(m, muscle.side), abnormal: muscle.reinnervation, strength: 1.0,
                        findingIDs: [muscle.id], statement: .findings([muscle.id])))
            }
            // Myopathic units are a second, independent reading of the same muscle.
            observations.append(
                Observation(
                    item: .myopathic(m, muscle.side), abnormal: muscle.myopathicFeatures, strength: 1.0,
                    findingIDs: [muscle.id], statement: .findings([muscle.id])))
        }
        for measurement in findings.measurements where measurement.measure == .amplitude {
            // A value without a limit counts when the other side was measured: the side-to-side
            // comparison judges it (the femoral CMAP has no published lower limit, S6, S153).
            let compared = findings.comparisons.contains {
                $0.id == .comparison(measurement.study, measurement.site, .amplitude)
            }
            guard let nerve = measurement.nerve, measurement.classification != .unclassified || compared else {
                continue
            }
            let axonLoss = findings.nerves.first {
                $0.kind == .axonLoss && $0.study == measurement.study && $0.side == measurement.side
            }
            let ids = [measurement.id] + (axonLoss.map { [$0.id] + $0.basis.filter { $0 != measurement.id } } ?? [])
            let statement = EvidenceStatement.findings([axonLoss?.id ?? measurement.id])
            if let reference = measurement.referenceStudy, Self.cmapStudies.contains(reference) {
                observations.append(
                    Observation(
                        item: .cmap(reference, measurement.side), abnormal: axonLoss != nil, strength: 1.0,
                        findingIDs: ids, statement: statement))
            } else if Anatomy.sensoryNerves[nerve] != nil || !nerve.isLowerLimb, measurement.study.kind == .sensory {
                // A sensory response slowed beyond its limit (not by cooling) marks an involved nerve too:
                // focal slowing is how an entrapped cutaneous nerve often shows (S6).
                let slowed = sensorySlowing(measurement.study, measurement.side, findings)
                observations.append(
                    Observation(
                        item: .sensory(nerve, measurement.side), abnormal: axonLoss != nil || slowed != nil,
                        strength: 1.0, findingIDs: ids + (slowed.map { [$0.id] } ?? []),
                        statement: axonLoss == nil && slowed != nil ? .findings([slowed!.id]) : statement))
            }
        }
        // A sensory response whose amplitude has no limit to be judged by is still observed through its
        // latency or velocity.
        var sensorySeen = Set(
            observations.compactMap { observation -> ModelItem? in
                if case .sensory = observation.item { return observation.item }
                return nil
            })
        for measurement in findings.measurements where measurement.study.kind == .sensory {
            guard let nerve = measurement.nerve, Anatomy.sensoryNerves[nerve] != nil || !nerve.isLowerLimb,
                measurement.classification != .unclassified,
                sensorySeen.insert(.sensory(nerve, measurement.side)).inserted
            else { continue }
            let slowed = sensorySlowing(measurement.study, measurement.side, findings)
            let ids = slowed.map { [$0.id] } ?? [measurement.id]
            observations.append(
                Observation(
                    item: .sensory(nerve, measurement.side), abnormal: slowed != nil, strength: 1.0, findingIDs: ids,
                    statement: .findings(ids)))
        }
        // Fibular head: block, dispersion or focal slowing across it; normal when both stimulation
        // sites were studied and none was found.
        for side in Side.allCases {
            let across = findings.nerves.filter {
                $0.side == side && $0.nerve == .peroneal
                    && ($0.kind == .focalSlowing
                        || (($0.kind == .conductionBlock || $0.kind == .temporalDispersion)
                            && $0.location?.segment == .acrossFibularHead))
            }
            if !across.isEmpty {
                observations.append(
                    Observation(
                        item: .fibularHeadConduction(side), abnormal: true, strength: 1.0,
                        findingIDs: across.map(\.id), statement: .findings(across.map(\.id))))
            } else if let measured = findings.measurements.first(where: {
                $0.side == side && $0.measure == .acrossFibularHeadVelocity
            }) {
                observations.append(
                    Observation(
                        item: .fibularHeadConduction(side), abnormal: false, strength: 1.0,
                        findingIDs: [measured.id], statement: .noBlockAcrossFibularHead(side)))
            }
        }
        for measurement in findings.measurements where measurement.measure == .distalLatency {
            guard let reference = measurement.referenceStudy,
                [.peronealEDB, .tibialAH, .lateralPlantarMotor, .medianMotor, .ulnarMotor].contains(reference),
                measurement.classification != .unclassified
            else { continue }
            let comparison = findings.comparisons.first {
                $0.id == .comparison(measurement.study, measurement.site, .distalLatency) && $0.abnormal
                    && $0.worseSide == measurement.side
            }
            let abnormal = measurement.classification.isAbnormal || comparison != nil
            let stated = abnormal && !measurement.classification.isAbnormal ? comparison?.id : nil
            observations.append(
                Observation(
                    item: .distalConduction(reference, measurement.side), abnormal: abnormal, strength: 1.0,
                    findingIDs: [measurement.id] + (comparison.map { [$0.id] } ?? []),
                    statement: .findings([stated ?? measurement.id])))
        }
        for measurement in findings.measurements where measurement.measure == .fMinimumLatency {
            guard let reference = measurement.referenceStudy, measurement.classification != .unclassified else {
                continue
            }
            observations.append(
                Observation(
                    item: .fWave(reference, measurement.side), abnormal: measurement.classification.isAbnormal,
                    strength: 1.0, findingIDs: [measurement.id], statement: .findings([measurement.id])))
        }
        for measurement in findings.measurements where measurement.measure == .hLatency {
            let asymmetric = findings.nerves.first {
                $0.id == .nerve(measurement.study, measurement.side, .asymmetry)
            }
            observations.append(
                Observation(
                    item: .hReflex(measurement.side),
                    abnormal: measurement.classification.isAbnormal || asymmetric != nil, strength: 1.0,
                    findingIDs: [measurement.id] + (asymmetric.map { [$0.id] } ?? []),
                    statement: .findings([asymmetric?.id ?? measurement.id])))
        }
        return observations
    }

    /// The slowing of a sensory study on one side that cooling does not explain.
    static func sensorySlowing(_ study: StudyKey, _ side: Side, _ findings: StudyFindings) -> NerveFinding? {
        findings.nerves.first {
            ($0.kind == .slowing || $0.kind == .demyelinatingSlowing) && $0.study == study && $0.side == side
                && !$0.possiblyTemperatureRelated
        }
    }

    /// The items a study tried to measure, whatever the result: a fibular-head study whose every site
    /// gave no response was done, and is not "not tested" (it simply could not show a block).
    static func attempted(_ findings: StudyFindings, observations: [Observation]? = nil) -> Set<ModelItem> {
        var items = Set((observations ?? from(findings)).map(\.item))
        for measurement in findings.measurements {
            let side = measurement.side
            if measurement.nerve == .peroneal, case .site(let site) = measurement.site,
                site.site == .belowFibularHead || site.site == .aboveFibularHead
            {
                items.insert(.fibularHeadConduction(side))
            }
            if let reference = measurement.referenceStudy {
                switch measurement.measure {
                case .amplitude where cmapStudies.contains(reference): items.insert(.cmap(reference, side))
                case .distalLatency: items.insert(.distalConduction(reference, side))
                case .fMinimumLatency: items.insert(.fWave(reference, side))
                default: break
                }
            }
            if measurement.measure == .hLatency { items.insert(.hReflex(side)) }
            if measurement.study.kind == .sensory, let nerve = measurement.nerve { items.insert(.sensory(nerve, side)) }
        }
        for muscle in findings.muscles {
            if let m = muscle.muscle { items.insert(.muscle(m, muscle.side)) }
        }
        return items
    }
}
