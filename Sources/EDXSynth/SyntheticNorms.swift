import EDXAnatomy
import EDXModel
import EDXReference

/// A conduction study the generator can record, with the published table its normal values come from.
struct MotorPlan {
    var nerve: Nerve
    var recording: RecordingSite
    var reference: ReferenceStudy
    /// The muscle the CMAP is recorded from: `Anatomy.motorRecordings` for the leg studies.
    var muscle: Muscle?
    /// Stimulation sites, distal first.
    var sites: [StimulationSite]
    /// The distal distance to the recording electrode, then the length of each segment, cm.
    var distances: [Double]
    /// The measure whose limit applies to each segment's velocity.
    var segmentMeasures: [Measure]
    /// Each site's amplitude as a share of the distal one in a normal nerve (physiological drop).
    var siteAmplitudes: [Double]
    var isArm: Bool

    /// Peroneal to EDB: ankle, below and above the fibular head.
    static func peronealEDB(height: Double) -> MotorPlan {
        MotorPlan(
            nerve: .peroneal, recording: .extensorDigitorumBrevis, reference: .peronealEDB,
            muscle: Anatomy.motorRecordings[.peronealEDB], sites: [.ankle, .belowFibularHead, .aboveFibularHead],
            distances: [8, (height * 0.18).rounded(), 10], segmentMeasures: [.legVelocity, .acrossFibularHeadVelocity],
            siteAmplitudes: [1, 0.95, 0.93], isArm: false)
    }

    /// Tibial to abductor hallucis: ankle and popliteal fossa.
    static func tibialAH(height: Double) -> MotorPlan {
        MotorPlan(
            nerve: .tibial, recording: .abductorHallucis, reference: .tibialAH,
            muscle: Anatomy.motorRecordings[.tibialAH], sites: [.ankle, .poplitealFossa],
            distances: [8, (height * 0.235).rounded()], segmentMeasures: [.legVelocity], siteAmplitudes: [1, 0.85],
            isArm: false)
    }

    /// Tibial (lateral plantar branch) to abductor digiti minimi pedis, from the ankle.
    static let lateralPlantarMotor = MotorPlan(
        nerve: .tibial, recording: .abductorDigitiMinimiPedis, reference: .lateralPlantarMotor,
        muscle: Anatomy.motorRecordings[.lateralPlantarMotor], sites: [.ankle], distances: [8], segmentMeasures: [],
        siteAmplitudes: [1], isArm: false)

    /// Femoral to vastus medialis, below the inguinal ligament.
    static let femoral = MotorPlan(
        nerve: .femoral, recording: .vastusMedialis, reference: .femoralMotor,
        muscle: Anatomy.motorRecordings[.femoralMotor], sites: [.inguinal], distances: [30], segmentMeasures: [],
        siteAmplitudes: [1], isArm: false)

    /// Median to abductor pollicis brevis: wrist and elbow.
    static func median(height: Double) -> MotorPlan {
        MotorPlan(
            nerve: .median, recording: .abductorPollicisBrevis, reference: .medianMotor,
            muscle: .abductorPollicisBrevis,
            sites: [.wrist, .elbow], distances: [8, (height * 0.135).rounded()], segmentMeasures: [.legVelocity],
            siteAmplitudes: [1, 0.95], isArm: true)
    }

    /// Ulnar to abductor digiti minimi: wrist, below and above the elbow.
    static func ulnar(height: Double) -> MotorPlan {
        MotorPlan(
            nerve: .ulnar, recording: .abductorDigitiMinimi, reference: .ulnarMotor, muscle: .abductorDigitiMinimi,
            sites: [.wrist, .belowElbow, .aboveElbow], distances: [8, (height * 0.12).rounded(), 10],
            segmentMeasures: [.legVelocity, .legVelocity], siteAmplitudes: [1, 0.95, 0.93], isArm: true)
    }
}

struct SensoryPlan {
    var nerve: Nerve
    var recording: RecordingSite
    var site: StimulationSite
    var distance: Double
    var reference: ReferenceStudy
    var isArm: Bool

    static let sural = SensoryPlan(
        nerve: .sural, recording: .lateralMalleolus, site: .calf, distance: 14, reference: .sural, isArm: false)
    static let superficialPeroneal = SensoryPlan(
        nerve: .superficialPeroneal, recording: .dorsumOfFoot, site: .lateralLeg, distance: 14,
        reference: .superficialPeroneal, isArm: false)
    static let saphenous = SensoryPlan(
        nerve: .saphenous, recording: .medialAnkle, site: .medialLeg, distance: 14, reference: .saphenous, isArm: false)
    /// Spevak-Prevec: about 25 cm.
    static let lateralFemoralCutaneous = SensoryPlan(
        nerve: .lateralFemoralCutaneous, recording: .anteriorThigh, site: .inguinal, distance: 25,
        reference: .lateralFemoralCutaneous, isArm: false)
    static let medialPlantar = SensoryPlan(
        nerve: .medialPlantar, recording: .medialSole, site: .medialMalleolus, distance: 14,
        reference: .medialPlantarMixed, isArm: false)
    static let lateralPlantar = SensoryPlan(
        nerve: .lateralPlantar, recording: .lateralSole, site: .medialMalleolus, distance: 14,
        reference: .lateralPlantarMixed, isArm: false)
    static let median = SensoryPlan(
        nerve: .median, recording: .indexFinger, site: .wrist, distance: 14, reference: .medianSensory, isArm: true)
    static let ulnar = SensoryPlan(
        nerve: .ulnar, recording: .littleFinger, site: .wrist, distance: 14, reference: .ulnarSensory, isArm: true)
    static let radial = SensoryPlan(
        nerve: .radial, recording: .thumbBase, site: .forearm, distance: 10, reference: .radialSensory, isArm: true)
}

/// The normal values of one patient: each drawn once, inside the published limit of the patient's
/// age and height band (`ReferenceValues`), so that both sides share it and differ by noise only.
/// Where no limit is published, a typical adult value is used and marked [P].
struct Norms {
    let ageYears: Double
    let heightCm: Double
    private var drawn: [String: Double] = [:]

    init(ageYears: Double, heightCm: Double) {
        self.ageYears = ageYears
        self.heightCm = heightCm
    }

    /// Where in the normal range a value is drawn, as a multiple of its limit [P]: amplitudes well
    /// above the LLN (their distributions are skewed), velocities above the LLN, latencies and
    /// durations below the ULN, with room for 5 % noise.
    static func factor(_ measure: Measure, sensory: Bool) -> ClosedRange<Double> {
        switch measure {
        case .amplitude: sensory ? 2.0...3.5 : 1.8...2.8
        case .legVelocity, .acrossFibularHeadVelocity, .sensoryVelocity: 1.15...1.3
        case .distalLatency, .onsetLatency, .peakLatency: 0.68...0.82
        case .duration: 0.7...0.8
        case .fMinimumLatency: 0.8...0.88
        case .hLatency: 0.84...0.9
        default: 1...1
        }
    }

    /// The published limit for this patient, if there is one.
    func limit(_ study: ReferenceStudy, _ measure: Measure) -> Double? {
        ReferenceValues.limit(study, measure, ageYears: ageYears, heightCm: heightCm)?.value
    }

    /// The patient's normal value of `measure`: inside its published limit (or `limit`, where the
    /// generator derives one), else drawn from `typical` [P] when no limit is published.
    mutating func normal(
        _ study: ReferenceStudy, _ measure: Measure, sensory: Bool = false, limit derived: Double? = nil,
        typical: ClosedRange<Double>, _ random: inout SplitMix64
    ) -> Double {
        let key = "\(study.rawValue)|\(measure.rawValue)"
        if let value = drawn[key] { return value }
        let value =
            if let bound = derived ?? limit(study, measure) {
                bound * random.uniform(Self.factor(measure, sensory: sensory))
            } else {
                random.uniform(typical)
            }
        drawn[key] = value
        return value
    }
}
