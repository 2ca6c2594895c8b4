import EDXAnatomy
import EDXFindings
import EDXLocalization
import EDXModel
import EDXReference

/// What a study examined, leg by leg, and therefore what its impression may claim: a radiculopathy is
/// assessed only where the leg was needled, a polyneuropathy only where both sural responses were
/// recorded, a plexus lesion told from a root only where sensory responses were (docs/reports.md,
/// "What the study could assess").
struct StudyScope {
    /// What was done on one leg.
    struct Leg {
        var side: Side
        var motor: [StudyKey] = []
        var sensory: [StudyKey] = []
        var muscles = 0
        var paraspinal = false
        var sural = false
    }

    /// A disorder the study could assess, or could not.
    enum Condition: Hashable {
        case radiculopathy(Side)
        case plexopathy(Side)
        case polyneuropathy
    }

    var legs: [Leg]
    var unexamined: [Side]

    /// Needle examination of at least this many muscles of a leg screens it for a radiculopathy.
    static let screenMuscles = Int(Criteria.radiculopathyScreenMuscles.value)

    init(_ findings: StudyFindings) {
        var legs: [Side: Leg] = [:]
        for measurement in findings.measurements {
            guard let nerve = measurement.nerve, nerve.isLowerLimb else { continue }
            var leg = legs[measurement.side] ?? Leg(side: measurement.side)
            switch measurement.study.kind {
            case .motor, .fWave, .hReflex:
                if !leg.motor.contains(measurement.study) { leg.motor.append(measurement.study) }
            case .sensory:
                if !leg.sensory.contains(measurement.study) { leg.sensory.append(measurement.study) }
                if nerve == .sural { leg.sural = true }
            }
            legs[measurement.side] = leg
        }
        for muscle in findings.muscles {
            guard let m = muscle.muscle, m.isLowerLimb else { continue }
            var leg = legs[muscle.side] ?? Leg(side: muscle.side)
            leg.muscles += 1
            if m.isParaspinal { leg.paraspinal = true }
            legs[muscle.side] = leg
        }
        self.legs = Side.allCases.compactMap { legs[$0] }
        unexamined = Side.allCases.filter { legs[$0] == nil }
    }

    /// The disorders the study could assess.
    var assessed: [Condition] {
        var conditions: [Condition] = []
        for leg in legs {
            if leg.muscles >= Self.screenMuscles { conditions.append(.radiculopathy(leg.side)) }
            if leg.muscles >= Self.screenMuscles && !leg.sensory.isEmpty { conditions.append(.plexopathy(leg.side)) }
        }
        if unexamined.isEmpty && legs.allSatisfy(\.sural) { conditions.append(.polyneuropathy) }
        return conditions
    }

    /// The limits of the study, in words, each with why.
    func limits() -> [String] {
        var lines: [String] = []
        for side in unexamined { lines.append("The \(side.rawValue) leg was not examined.") }
        for leg in legs {
            let name = "the \(leg.side.rawValue) leg"
            if leg.muscles == 0 {
                lines.append("No needle examination of \(name): a \(leg.side.rawValue) radiculopathy was not assessed.")
            } else if leg.muscles < Self.screenMuscles {
                lines.append(
                    "Only \(leg.muscles) muscle\(leg.muscles == 1 ? "" : "s") of \(name) were needled, fewer than the "
                        + "six of a radiculopathy screen (S73, S74): a \(leg.side.rawValue) radiculopathy is not "
                        + "excluded.")
            } else if !leg.paraspinal {
                lines.append(
                    "The \(leg.side.rawValue) lumbar paraspinal muscles were not examined: a root lesion rests on the "
                        + "limb muscles alone.")
            }
            if leg.motor.isEmpty && leg.sensory.isEmpty {
                lines.append(
                    "No nerve conduction studies of \(name): conduction block and axon loss were not measured there.")
            } else if leg.sensory.isEmpty {
                lines.append(
                    "No sensory conduction studies of \(name): a plexus or nerve lesion cannot be told from a root "
                        + "lesion there (S101, S102).")
            }
        }
        if !assessed.contains(.polyneuropathy) {
            lines.append(
                unexamined.isEmpty
                    ? "The sural responses were not recorded on both sides: a length-dependent polyneuropathy was not "
                        + "assessed."
                    : "One leg only was examined: a polyneuropathy, which needs symmetry to be shown, was not assessed."
            )
        }
        return lines
    }

    /// `a lumbosacral radiculopathy of the left leg, ...`: what a normal study may say it found no
    /// evidence of.
    func normalClaims() -> [String] {
        var claims: [String] = []
        let conditions = assessed
        let radicular = legs.filter { conditions.contains(.radiculopathy($0.side)) }.map(\.side)
        let plexus = legs.filter { conditions.contains(.plexopathy($0.side)) }.map(\.side)
        claims.append("a mononeuropathy of the nerves tested")
        if !radicular.isEmpty { claims.append("a lumbosacral radiculopathy " + Self.legs(radicular)) }
        if !plexus.isEmpty { claims.append("a lumbosacral plexopathy " + Self.legs(plexus)) }
        if conditions.contains(.polyneuropathy) { claims.append("a large-fibre polyneuropathy") }
        return claims
    }

    static func legs(_ sides: [Side]) -> String {
        sides.count == 2 ? "of either leg" : "of the \(sides[0].rawValue) leg"
    }
}

extension Muscle {
    /// A muscle of the legs or the lumbosacral paraspinals.
    var isLowerLimb: Bool { region == .lumbosacral }
}

/// The nerves and muscle groups tested and normal, one line each: what AANEM-style summaries call
/// the pertinent normals.
enum PertinentNormals {
    static func lines(_ findings: StudyFindings, statements: FindingStatements) -> [String] {
        var lines: [String] = []
        // Nerves: a study is normal on a side when it has a judged value and nothing abnormal.
        var studies: [StudyKey] = []
        var normalSides: [StudyKey: [Side]] = [:]
        for measurement in findings.measurements {
            let key = measurement.study
            if !studies.contains(key) { studies.append(key) }
            let abnormal =
                findings.measurements.contains {
                    $0.study == key && $0.side == measurement.side && $0.classification.isAbnormal
                }
                || findings.nerves.contains { $0.study == key && $0.side == measurement.side }
                || findings.comparisons.contains {
                    $0.study == key && $0.abnormal && $0.worseSide == measurement.side
                }
            let judged = findings.measurements.contains {
                $0.study == key && $0.side == measurement.side && $0.classification == .normal
            }
            if !abnormal && judged && !(normalSides[key] ?? []).contains(measurement.side) {
                normalSides[key, default: []].append(measurement.side)
            }
        }
        for key in studies {
            guard let sides = normalSides[key], !sides.isEmpty else { continue }
            let where_ = sides.count == 2 ? "left and right" : sides[0].rawValue
            lines.append("\(Names.title(key).capitalizedFirst), \(where_): normal.")
        }
        // Muscles: grouped by side and by the nerve that supplies them.
        for side in Side.allCases {
            var groups: [String: [String]] = [:]
            var order: [String] = []
            for muscle in findings.muscles where muscle.side == side && !muscle.neurogenic && !muscle.myopathicFeatures
            {
                let territory =
                    muscle.muscle.flatMap { Anatomy.muscles[$0]?.node }.map(Self.territory)
                    ?? (muscle.muscle?.isParaspinal == true ? "lumbar paraspinal muscles" : "other muscles")
                if groups[territory] == nil { order.append(territory) }
                groups[territory, default: []].append(Format.words(muscle.muscle?.rawValue ?? Slug.make(muscle.label)))
            }
            for territory in order {
                let muscles = groups[territory] ?? []
                lines.append(
                    "Needle examination, \(side.rawValue) \(territory): \(muscles.joined(separator: ", ")): normal.")
            }
        }
        return lines
    }

    /// `superior gluteal nerve`, `peroneal division of the sciatic nerve`.
    static func territory(_ node: NerveNode) -> String {
        switch node {
        case .sciaticPeronealDivision: "peroneal division of the sciatic nerve"
        case .sciaticTibialDivision: "tibial division of the sciatic nerve"
        case .lumbosacralPlexus, .lumbarPlexus, .sacralPlexus, .lumbosacralTrunk: Format.words(node.rawValue)
        default: "\(Format.words(node.rawValue)) nerve"
        }
    }
}
