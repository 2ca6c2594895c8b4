import EDXAnatomy
import EDXModel

/// A needle exam to write: the muscle or muscles sampled (two levels for a paraspinal range), and the
/// name the lab wrote with the canonical muscle the importer reads from it.
struct Sample {
    var muscles: [Muscle]
    var side: Side
    var label: String
    var canonical: Muscle?

    init(_ muscle: Muscle, side: Side) {
        muscles = [muscle]
        self.side = side
        label = Builder.words(muscle.rawValue)
        canonical = muscle
    }
}

extension Builder {
    /// The routine screen of the leg [P]: the L4-S1 myotomes through the peroneal, tibial, sciatic,
    /// superior gluteal and femoral nerves, and the L4-S1 paraspinals (S73, S74).
    static let screen: [Muscle] = [
        .tibialisAnterior, .extensorHallucisLongus, .peroneusLongus, .tibialisPosterior, .gastrocnemiusMedial,
        .bicepsFemorisShortHead, .gluteusMedius, .vastusLateralis, .paraspinalL4, .paraspinalL5, .paraspinalS1,
    ]

    /// The names a lab writes for a muscle of a group; the importer reads each (Lexicon) as the group,
    /// or as the long head for `Biceps Femoris`; a paraspinal range (`Lumbar Paraspinals L4-L5`) as
    /// each level in it. The export writers keep these names as written (EDXExport/Spelling.swift).
    static let genericNames: [Muscle: String] = [
        .paraspinalL4: "Lumbar Paraspinals L4-L5", .paraspinalL5: "Lumbar Paraspinals L4-L5",
        .gastrocnemiusMedial: "Gastrocnemius", .gastrocnemiusLateral: "Gastrocnemius",
        .vastusLateralis: "Quadriceps", .vastusMedialis: "Quadriceps", .rectusFemoris: "Quadriceps",
        .semitendinosus: "Hamstrings", .semimembranosus: "Hamstrings", .bicepsFemorisLongHead: "Biceps Femoris",
    ]

    /// The muscles a process outside the leg tree reaches, by segment.
    static let proximalSegments: [MuscleSegment] = [.thigh, .lumbarParaspinal, .arm, .thoracic]

    mutating func addNeedle() {
        var samples: [Sample] = []
        let needleLegs: [Side]
        if case .motorNeuronDisease = mechanism {
            needleLegs = legs.contains(side.opposite) ? [side, side.opposite] : [side]
        } else {
            needleLegs = [side]
        }
        for leg in needleLegs {
            samples += legMuscles(leg).map { Sample($0, side: leg) }
        }
        if case .motorNeuronDisease = mechanism { samples.append(Sample(.thoracicParaspinal, side: side)) }
        if has(.arms) {
            var arm: [Muscle] = [.firstDorsalInterosseous, .biceps]
            if !has(.sparse) { arm.append(random.pick([.deltoid, .triceps])) }
            samples += Muscle.allCases.filter(arm.contains).map { Sample($0, side: side) }
        }
        if has(.genericNames) { samples = Self.generic(samples) }
        for sample in samples { study.needle.append(exam(sample)) }
    }

    /// The leg muscles sampled on `leg`: the screen and the lesion's own muscles (up to four it reaches
    /// fully and one it reaches by a minor root), or those a diffuse process calls for; a sparse study
    /// keeps the four the lesion reaches most.
    mutating func legMuscles(_ leg: Side) -> [Muscle] {
        var extras: [Muscle] = []
        switch mechanism {
        case .roots, .nerve:
            let reached = Anatomy.specificMuscles.filter { !Self.screen.contains($0) && territory.muscle($0) > 0 }
            extras =
                choose(reached.filter { territory.muscle($0) >= 0.5 }, 4)
                + choose(reached.filter { territory.muscle($0) < 0.5 }, 1)
        case .lengthDependent, .motorAxonal, .demyelinating: extras = choose(Self.routine(.foot), 2)
        case .myopathy: extras = choose(Self.routine(.thigh), 3)
        case .motorNeuronDisease: extras = choose(Self.routine(.foot), 1) + choose(Self.routine(.thigh), 2)
        case .neuromuscularJunction: extras = choose(Self.routine(.thigh), 1)
        case .none: break
        }
        if has(.genericNames) && !has(.sparse) {
            for muscle in [Muscle.semitendinosus, .bicepsFemorisLongHead] {
                let draw = random.unit()
                if draw < 0.5 && !extras.contains(muscle) { extras.append(muscle) }
            }
        }
        var chosen = extras + Self.screen
        if has(.sparse) {
            let ranked = chosen.enumerated().sorted { a, b in
                let (x, y) = (expectedInvolvement(a.element, on: leg), expectedInvolvement(b.element, on: leg))
                return x != y ? x > y : a.offset < b.offset
            }
            chosen = ranked.prefix(4).map(\.element)
            if has(.genericNames) && !chosen.contains(where: { Self.genericNames[$0] != nil }) {
                chosen.append(.gastrocnemiusMedial)
            }
        }
        return Muscle.allCases.filter(chosen.contains)
    }

    /// Routinely sampled muscles of a segment, outside the screen.
    static func routine(_ segment: MuscleSegment) -> [Muscle] {
        Anatomy.specificMuscles.filter {
            Anatomy.routinelySampled.contains($0) && Anatomy.segment(of: $0) == segment && !screen.contains($0)
        }
    }

    /// `count` of `items` at random, in their order.
    mutating func choose(_ items: [Muscle], _ count: Int) -> [Muscle] {
        var pool = items
        var chosen: [Muscle] = []
        while chosen.count < count && !pool.isEmpty {
            chosen.append(pool.remove(at: random.index(pool.count)))
        }
        return items.filter(chosen.contains)
    }

    /// The samples with generic names where a lab writes them: the first muscle of a name on a side
    /// takes the name, the other muscles of that name on that side join its exam (the lab sampled one
    /// of them, or both levels of a range), which keeps the worst findings.
    static func generic(_ samples: [Sample]) -> [Sample] {
        var result: [Sample] = []
        var named: [String: Int] = [:]
        for sample in samples {
            guard let muscle = sample.muscles.first, let name = genericNames[muscle] else {
                result.append(sample)
                continue
            }
            let key = "\(name)|\(sample.side.rawValue)"
            if let index = named[key] {
                result[index].muscles += sample.muscles
                continue
            }
            named[key] = result.count
            var renamed = sample
            renamed.label = name
            renamed.canonical = Lexicon.muscle(name)
            result.append(renamed)
        }
        return result
    }

    /// How much of the process reaches `muscle` on `side`, before any random draw.
    func expectedInvolvement(_ muscle: Muscle, on side: Side) -> Double {
        let segment = Anatomy.segment(of: muscle)
        switch mechanism {
        case .none, .neuromuscularJunction: return 0
        case .roots, .nerve: return side == self.side ? territory.muscle(muscle) : 0
        case .lengthDependent: return Self.lengthWeight(segment) * axonLoss
        case .demyelinating: return 0.2 * Self.lengthWeight(segment) * axonLoss
        case .motorAxonal:
            let weight: Double =
                switch segment {
                case .foot: 1
                case .leg: 0.8
                case .thigh: 0.4
                case .hand: 0.6
                case .arm: 0.3
                default: 0
                }
            return weight * max(axonLoss, 0.6)
        case .motorNeuronDisease: return segment == .sphincter || segment == .bulbar ? 0 : 1
        case .myopathy: return Self.proximalSegments.contains(segment) ? 1 : 0.5
        }
    }

    // MARK: Needle EMG

    mutating func exam(_ sample: Sample) -> NeedleExam {
        var exam = NeedleExam(
            muscle: sample.canonical, muscleLabel: sample.label, side: sample.side, source: study.source)
        let segment = sample.muscles.first.map(Anatomy.segment(of:)) ?? .leg
        if case .myopathy = mechanism {
            let affected = Self.proximalSegments.contains(segment) || random.unit() < 0.5
            exam.insertionalActivity = affected && inflammatory ? .increased : .normal
            exam.fibrillations = affected && inflammatory ? .one : SpontaneousGrade.none
            exam.positiveSharpWaves = exam.fibrillations
            exam.fasciculations = SpontaneousGrade.none
            exam.muapAmplitude = affected ? .decreased : .normal
            exam.muapDuration = affected ? .decreased : .normal
            exam.polyphasia = affected ? .increased : .normal
            exam.recruitment = affected ? .early : .normal
            return exam
        }
        var share = sample.muscles.map { expectedInvolvement($0, on: sample.side) }.max() ?? 0
        let motorNeuronDisease: Bool
        if case .motorNeuronDisease = mechanism { motorNeuronDisease = true } else { motorNeuronDisease = false }
        if motorNeuronDisease && share > 0 {
            // Lumbar paraspinals show it in about half (docs/localization.md §3.5) [P].
            let spared = segment == .lumbarParaspinal && random.unit() < 0.5
            share = spared ? 0 : random.uniform(0.35...1) * max(axonLoss, 0.6)
        } else {
            share *= mechanism.isFocal ? axonLoss : 1
        }
        exam.insertionalActivity = share > 0.2 && !chronic ? .increased : .normal
        let grade: SpontaneousGrade = share > 0.75 ? .three : share > 0.45 ? .two : share > 0.15 ? .one : .none
        // Chronic lesions: fewer fibrillations, large long motor units; motor neuron disease keeps both.
        let fibrillations =
            chronic && !motorNeuronDisease && grade != .none ? (random.unit() < 0.5 ? .none : .one) : grade
        exam.fibrillations = fibrillations
        exam.positiveSharpWaves = fibrillations
        exam.fasciculations =
            motorNeuronDisease && share > 0.15 ? (random.unit() < 0.5 ? .one : .two) : SpontaneousGrade.none
        let reinnervated = chronic && share > 0.15
        exam.muapAmplitude = reinnervated ? .increased : .normal
        exam.muapDuration = reinnervated ? .increased : .normal
        exam.polyphasia = reinnervated ? .increased : .normal
        exam.recruitment = share > 0.75 ? .discrete : share > 0.15 ? .reduced : .normal
        return exam
    }
}
