import EDXAnatomy
import EDXFindings
import EDXModel
import EDXReference

/// What a finding is about, in the terms of the anatomical model.
enum Item: Hashable, Sendable {
    case muscle(Muscle, Side)
    case sensory(Nerve, Side)
    /// A low or absent distal CMAP of a standard motor study.
    case cmap(ReferenceStudy, Side)
    /// Conduction block, dispersion or focal slowing across the fibular head.
    case fibularHeadConduction(Side)
    /// A prolonged distal motor latency (or one much longer than the other side's).
    case distalConduction(ReferenceStudy, Side)
    case hReflex(Side)

    var side: Side {
        switch self {
        case .muscle(_, let s), .sensory(_, let s), .cmap(_, let s), .fibularHeadConduction(let s),
            .distalConduction(_, let s), .hReflex(let s):
            s
        }
    }

    /// A readable name for suggested tests.
    var testName: String {
        let side = self.side.rawValue
        switch self {
        case .muscle(let m, _):
            return "needle EMG of the \(side) \(Format.words(m.rawValue))"
        case .sensory(let n, _):
            return "\(side) \(Format.words(n.rawValue)) sensory response"
        case .cmap(let r, _):
            return "\(side) \(Format.words(r.rawValue)) conduction study"
        case .fibularHeadConduction:
            return "\(side) peroneal motor study with stimulation below and above the fibular head"
        case .distalConduction(let r, _):
            return "\(side) \(Format.words(r.rawValue)) distal latency, both sides"
        case .hReflex: return "H reflexes on both sides"
        }
    }
}

/// One observed finding, as the scoring sees it.
struct Observation: Sendable {
    var item: Item
    var abnormal: Bool
    /// How much this observation counts (0...1): a graded abnormality, or a normal muscle examined
    /// before denervation could show.
    var strength: Double
    /// The findings it rests on (ids), and a sentence.
    var findingIDs: [String]
    var statement: String
}

/// Turns interpreted findings into observations of the model's items.
enum Observations {
    static func from(_ findings: StudyFindings) -> [Observation] {
        var observations: [Observation] = []
        for muscle in findings.muscles {
            guard let m = muscle.muscle, m.isLowerLimb, Anatomy.muscles[m] != nil else { continue }
            let strength: Double
            if muscle.neurogenic {
                let grade = muscle.denervation?.value ?? 0
                if grade >= 2 || muscle.reinnervation {
                    strength = 1.0
                } else if muscle.activeDenervation {
                    strength = 0.85
                } else {
                    strength = 0.6  // reduced recruitment alone
                }
            } else {
                strength = muscle.acuity == .tooEarly ? 0.3 : 1.0
            }
            observations.append(
                Observation(
                    item: .muscle(m, muscle.side), abnormal: muscle.neurogenic, strength: strength,
                    findingIDs: [muscle.id], statement: muscle.summary))
        }
        for measurement in findings.measurements where measurement.measure == .amplitude {
            guard let nerve = measurement.nerve, measurement.classification != .unclassified else { continue }
            let axonLoss = findings.nerves.first {
                $0.kind == .axonLoss && $0.study == measurement.study && $0.side == measurement.side
            }
            let abnormal = axonLoss != nil
            let ids = [measurement.id] + (axonLoss.map { [$0.id] + $0.basis.filter { $0 != measurement.id } } ?? [])
            let statement = axonLoss?.summary ?? measurement.summary
            if let reference = measurement.referenceStudy, Anatomy.motorRecordings[reference] != nil {
                observations.append(
                    Observation(
                        item: .cmap(reference, measurement.side), abnormal: abnormal, strength: 1.0, findingIDs: ids,
                        statement: statement))
            } else if Anatomy.sensoryNerves[nerve] != nil, measurement.unit == "µV" {
                observations.append(
                    Observation(
                        item: .sensory(nerve, measurement.side), abnormal: abnormal, strength: 1.0, findingIDs: ids,
                        statement: statement))
            }
        }
        // Fibular head: block, dispersion or focal slowing across it; normal when both stimulation
        // sites were studied and none was found.
        for side in Side.allCases {
            let across = findings.nerves.filter {
                $0.side == side && $0.nerve == .peroneal
                    && ($0.kind == .focalSlowing
                        || (($0.kind == .conductionBlock || $0.kind == .temporalDispersion)
                            && $0.segment?.contains("fibular-head") == true
                            && $0.segment?.contains("below-fibular-head to above") == true))
            }
            if !across.isEmpty {
                observations.append(
                    Observation(
                        item: .fibularHeadConduction(side), abnormal: true, strength: 1.0, findingIDs: across.map(\.id),
                        statement: across.map(\.summary).joined(separator: "; ")))
            } else if let measured = findings.measurements.first(where: {
                $0.side == side && $0.measure == .acrossFibularHeadVelocity
            }) {
                observations.append(
                    Observation(
                        item: .fibularHeadConduction(side), abnormal: false, strength: 1.0, findingIDs: [measured.id],
                        statement:
                            "\(side == .left ? "Left" : "Right") peroneal nerve: no block or focal slowing across the fibular head"
                    ))
            }
        }
        for measurement in findings.measurements where measurement.measure == .distalLatency {
            guard let reference = measurement.referenceStudy, reference == .peronealEDB || reference == .tibialAH,
                measurement.classification != .unclassified
            else { continue }
            let comparison = findings.comparisons.first {
                $0.id == "compare.\(measurement.study).\(measurement.site).distal-latency" && $0.abnormal
                    && $0.worseSide == measurement.side
            }
            let abnormal = measurement.classification.isAbnormal || comparison != nil
            observations.append(
                Observation(
                    item: .distalConduction(reference, measurement.side), abnormal: abnormal, strength: 1.0,
                    findingIDs: [measurement.id] + (comparison.map { [$0.id] } ?? []),
                    statement: abnormal && !measurement.classification.isAbnormal
                        ? comparison?.summary ?? measurement.summary : measurement.summary))
        }
        for measurement in findings.measurements where measurement.measure == .hLatency {
            let asymmetric = findings.nerves.first {
                $0.id == "nerve.h-reflex.\(measurement.side.letter).asymmetry"
            }
            let abnormal = measurement.classification.isAbnormal || asymmetric != nil
            observations.append(
                Observation(
                    item: .hReflex(measurement.side), abnormal: abnormal, strength: 1.0,
                    findingIDs: [measurement.id] + (asymmetric.map { [$0.id] } ?? []),
                    statement: asymmetric?.summary ?? measurement.summary))
        }
        return observations
    }
}
