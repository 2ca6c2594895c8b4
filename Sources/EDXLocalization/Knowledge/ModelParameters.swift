public import EDXReference

/// A number of the localization model, with where it comes from.
///
/// Every probability, prior, weight and policy threshold of the model is one of these, listed once in
/// ``ParameterKey``. Most are engine proposals [P] built on the cited observations: the sources are
/// what the number was built on, not a published value of it. docs/localization.md shows the whole
/// table, generated from this one (a test keeps the two equal).
public struct ModelParameter: Sendable, Hashable {
    public var value: Double
    /// Keys into the bibliography (docs/bibliography.md); empty when the number rests on no source.
    public var sources: [String]
    public var evidence: Evidence
    /// Why the number has this value.
    public var rationale: String

    init(_ value: Double, _ sources: [String], _ rationale: String, evidence: Evidence = .proposal) {
        self.value = value
        self.sources = sources
        self.evidence = evidence
        self.rationale = rationale
    }
}

/// Every number of the localization model, by name. The value of a key is its ``parameter``, an
/// exhaustive switch, so no key can lack a value.
public enum ParameterKey: String, CaseIterable, Sendable {
    // MARK: Background: abnormal without any lesion
    case backgroundLimbMuscle = "background.limb-muscle"
    case backgroundSuperficialPeronealYounger = "background.superficial-peroneal-60-or-younger"
    case backgroundSuralOlder = "background.sural-over-60"
    case backgroundSuralYounger = "background.sural-60-or-younger"
    case backgroundOtherSensory = "background.other-sensory"
    case backgroundEDBOlder = "background.edb-cmap-over-60"
    case backgroundCMAP = "background.cmap"
    case backgroundConduction = "background.conduction"
    case backgroundMedianDistalLatency = "background.median-distal-latency"
    case backgroundHReflexOlder = "background.h-reflex-over-60"
    case backgroundHReflex = "background.h-reflex"
    case backgroundFootMuscleOlder = "background.foot-muscle-over-60"
    case backgroundMyopathic = "background.myopathic-muscle"
    case backgroundFWave = "background.f-wave"

    // MARK: Roots
    case rootLimbMuscle = "root.limb-muscle"
    case rootParaspinal = "root.paraspinal"
    case rootMinorShare = "root.minor-root-share"
    case rootL5SuperficialPeroneal = "root.l5-superficial-peroneal-snap"
    case rootCMAP = "root.cmap"
    case rootS1HReflex = "root.s1-h-reflex"
    case rootOtherHReflex = "root.other-h-reflex"
    case rootFWave = "root.f-wave"

    // MARK: Nerve-tree lesions: muscles
    case nerveMuscle = "nerve.muscle"
    case plexusMuscle = "plexus.muscle"
    case lumbosacralTrunkMuscle = "lumbosacral-trunk.muscle"
    case sciaticTibialDivisionMuscle = "sciatic.tibial-division-muscle"
    case sciaticPeronealDivisionMuscle = "sciatic.peroneal-division-muscle"
    case peronealDivisionLesionMuscle = "sciatic-peroneal-division.own-muscle"
    case peronealDivisionLesionTibialMuscle = "sciatic-peroneal-division.tibial-division-muscle"
    case fibularHeadDeepMuscle = "fibular-head.deep-peroneal-muscle"
    case fibularHeadSuperficialMuscle = "fibular-head.superficial-peroneal-muscle"

    // MARK: Nerve-tree lesions: CMAPs, conduction, H reflex
    case nerveCMAPCeiling = "nerve.cmap-ceiling"
    case fibularHeadCMAP = "fibular-head.cmap"
    case plexusCMAP = "plexus.cmap"
    case anteriorTarsalDistalLatency = "anterior-tarsal.edb-distal-latency"
    case tarsalTunnelDistalLatency = "tarsal-tunnel.ah-distal-latency"
    case nerveDistalLatency = "nerve.distal-latency"
    case fibularHeadConduction = "fibular-head.conduction"
    case sciaticHReflex = "sciatic.h-reflex"
    case sacralPlexusHReflex = "sacral-plexus.h-reflex"
    case tibialHReflex = "tibial.h-reflex"
    case nerveFWave = "nerve.f-wave"

    // MARK: Nerve-tree lesions: sensory responses
    case nerveSensory = "nerve.sensory"
    case fibularHeadSuperficialPeroneal = "fibular-head.superficial-peroneal-snap"
    case fibularHeadSural = "fibular-head.sural-snap"
    case fibularHeadDeepPeroneal = "fibular-head.deep-peroneal-snap"
    case sciaticSensory = "sciatic.sural-and-superficial-peroneal-snap"
    case peronealDivisionSuperficialPeroneal = "sciatic-peroneal-division.superficial-peroneal-snap"
    case peronealDivisionSural = "sciatic-peroneal-division.sural-snap"
    case lumbosacralTrunkSuperficialPeroneal = "lumbosacral-trunk.superficial-peroneal-snap"
    case lumbosacralTrunkSural = "lumbosacral-trunk.sural-snap"
    case sacralPlexusSensory = "sacral-plexus.sural-and-superficial-peroneal-snap"
    case lumbarPlexusSensory = "lumbar-plexus.saphenous-and-lfcn-snap"
    case tibialSural = "tibial.sural-snap"

    // MARK: Block mode at entrapment sites
    case blockConduction = "block.conduction"
    case blockMuscleRecruitment = "block.muscle-recruitment"

    // MARK: Length-dependent polyneuropathy
    case polySural = "polyneuropathy.sural-snap"
    case polySuperficialPeroneal = "polyneuropathy.superficial-peroneal-snap"
    case polyDeepPeroneal = "polyneuropathy.deep-peroneal-snap"
    case polySaphenous = "polyneuropathy.saphenous-snap"
    case polyOtherSensory = "polyneuropathy.other-snap"
    case polyEDBCMAP = "polyneuropathy.edb-cmap"
    case polyAHCMAP = "polyneuropathy.ah-cmap"
    case polyOtherCMAP = "polyneuropathy.other-cmap"
    case polyFootMuscle = "polyneuropathy.foot-muscle"
    case polyLegMuscle = "polyneuropathy.leg-muscle"
    case polyProximalMuscle = "polyneuropathy.proximal-muscle"
    case polyFibularHeadConduction = "polyneuropathy.fibular-head-conduction"
    case polyDistalLatency = "polyneuropathy.distal-latency"
    case polyHReflex = "polyneuropathy.h-reflex"
    case polyFWave = "polyneuropathy.f-wave"
    case polyUpperSensory = "polyneuropathy.arm-snap"
    case polyUpperCMAP = "polyneuropathy.arm-cmap"
    case polyHandMuscle = "polyneuropathy.hand-muscle"

    // MARK: Motor-predominant or demyelinating polyneuropathy
    case demyelinatingSensory = "demyelinating-polyneuropathy.snap"
    case demyelinatingCMAP = "demyelinating-polyneuropathy.cmap"
    case demyelinatingDistalMuscle = "demyelinating-polyneuropathy.distal-muscle"
    case demyelinatingProximalMuscle = "demyelinating-polyneuropathy.proximal-muscle"
    case demyelinatingFibularHeadConduction = "demyelinating-polyneuropathy.fibular-head-conduction"
    case demyelinatingDistalLatency = "demyelinating-polyneuropathy.distal-latency"
    case demyelinatingFWave = "demyelinating-polyneuropathy.f-wave"
    case demyelinatingHReflex = "demyelinating-polyneuropathy.h-reflex"
    case motorAxonalSensory = "motor-axonal-neuropathy.snap"
    case motorAxonalCMAP = "motor-axonal-neuropathy.cmap"
    case motorAxonalDistalMuscle = "motor-axonal-neuropathy.distal-muscle"
    case motorAxonalProximalMuscle = "motor-axonal-neuropathy.proximal-muscle"
    case motorAxonalDistalLatency = "motor-axonal-neuropathy.distal-latency"
    case motorAxonalFWave = "motor-axonal-neuropathy.f-wave"
    case motorAxonalHReflex = "motor-axonal-neuropathy.h-reflex"

    // MARK: Outside the lesion model
    case mndLimbMuscle = "motor-neuron-disease.limb-muscle"
    case mndParaspinal = "motor-neuron-disease.paraspinal"
    case mndBulbar = "motor-neuron-disease.bulbar-muscle"
    case mndCMAP = "motor-neuron-disease.cmap"
    case nmjCMAP = "neuromuscular-junction.cmap"
    case nmjHReflex = "neuromuscular-junction.h-reflex"
    case nmjMyopathic = "neuromuscular-junction.myopathic-muscle"
    case myopathyProximal = "myopathy.proximal-myopathic-muscle"
    case myopathyDistal = "myopathy.distal-myopathic-muscle"
    case myopathyNeurogenic = "myopathy.fibrillating-muscle"
    case myopathyCMAP = "myopathy.cmap"
    case unexplainedItem = "unexplained.item"
    case symmetryCoupling = "symmetric-process.coupling"
    case reinnervationOfLesion = "reinnervation.focal-or-length-dependent"
    case mndReinnervation = "reinnervation.motor-neuron-disease"
    case acquiredPolyReinnervation = "reinnervation.acquired-polyneuropathy"
    case nmjOrMyopathyReinnervation = "reinnervation.junction-or-myopathy"

    // MARK: Combining
    case probabilityFloor = "probability.floor"
    case probabilityCeiling = "probability.ceiling"

    // MARK: Priors
    case priorNormal = "prior.normal-study"
    case priorBlock = "prior.block"
    case priorL5 = "prior.l5-radiculopathy"
    case priorS1 = "prior.s1-radiculopathy"
    case priorL4 = "prior.l4-radiculopathy"
    case priorL3 = "prior.l3-radiculopathy"
    case priorSacralRoots = "prior.sacral-roots"
    case priorFibularHead = "prior.fibular-head"
    case priorSciatic = "prior.sciatic"
    case priorSciaticPeronealDivision = "prior.sciatic-peroneal-division"
    case priorSciaticTibialDivision = "prior.sciatic-tibial-division"
    case priorPlexus = "prior.plexus-part"
    case priorPeronealBranch = "prior.deep-or-superficial-peroneal"
    case priorDistalBranch = "prior.distal-branch"
    case priorTibialOrFemoral = "prior.tibial-or-femoral"
    case priorSmallNerve = "prior.obturator-saphenous-lfcn-sural"
    case priorPolyneuropathy = "prior.polyneuropathy"
    case priorDemyelinatingPolyneuropathy = "prior.demyelinating-polyneuropathy"
    case priorMotorAxonalNeuropathy = "prior.motor-axonal-neuropathy"
    case priorMotorNeuronDisease = "prior.motor-neuron-disease"
    case priorNeuromuscularJunction = "prior.neuromuscular-junction"
    case priorMyopathy = "prior.myopathy"
    case priorUnexplained = "prior.unexplained"
    case priorOther = "prior.other"
    case pairFactor = "prior.coexisting-pair-factor"

    // MARK: Observation strength
    case strengthMildDenervation = "strength.fibrillations-1-plus"
    case strengthReducedRecruitmentOnly = "strength.reduced-recruitment-only"
    case strengthNormalTooEarly = "strength.normal-before-fibrillation-onset"

    // MARK: Scoring and reporting policy
    case needleTemperature = "policy.needle-temperature"
    case minimumObservations = "policy.minimum-observations"
    case reportedProbability = "policy.smallest-reported-probability"
    case focalOnPolyneuropathyFirst = "policy.focal-on-polyneuropathy-first"
    case levelShare = "policy.level-share"
    case evidenceWeight = "policy.evidence-weight"
    case separatingWeight = "policy.separating-weight"
    case wordingDefinite = "wording.electrodiagnostic-evidence-of"
    case wordingHighlySuggestive = "wording.highly-suggestive"
    case wordingMostLikely = "wording.most-likely"
    case wordingMayRepresent = "wording.may-represent"
    case wordingCannotBeExcluded = "wording.cannot-be-excluded"
    case wordingTestExpectedAbnormal = "wording.test-expected-abnormal"
    case wordingTestExpectedNormal = "wording.test-expected-normal"
    case unexplainedAbnormal = "policy.unexplained-abnormality"
    case involvedForGrading = "policy.involvement-for-grading"
    case involvedForNotTested = "policy.involvement-for-not-tested"
    case suggestedTestRunnerUp = "policy.suggested-test-runner-up"
    case suggestedTestGain = "policy.suggested-test-gain"
    case suggestedTestChance = "policy.suggested-test-chance"
    case suggestedTestFloor = "policy.suggested-test-floor"

    /// The value.
    public var value: Double { parameter.value }

    /// The number with its sources and rationale.
    public var parameter: ModelParameter {
        switch self {
        case .backgroundLimbMuscle:
            ModelParameter(0.03, [], "limb muscles rarely show neurogenic changes in healthy people")
        case .backgroundSuperficialPeronealYounger:
            ModelParameter(0.03, ["S16"], "abnormal or absent in 1.6 % of healthy people up to 60; floor of 3 %")
        case .backgroundSuralOlder:
            ModelParameter(0.15, ["S18"], "small or absent in asymptomatic older people; no rate published")
        case .backgroundSuralYounger:
            ModelParameter(0.03, ["S6"], "3rd-percentile limit")
        case .backgroundOtherSensory:
            ModelParameter(0.05, [], "deep peroneal and lateral femoral cutaneous responses, less standardized")
        case .backgroundEDBOlder:
            ModelParameter(0.08, ["S7"], "EDB is often atrophic in older people")
        case .backgroundCMAP:
            ModelParameter(0.03, ["S5", "S6"], "3rd-percentile limits")
        case .backgroundConduction:
            ModelParameter(0.03, ["S5", "S6"], "97th-percentile limits")
        case .backgroundMedianDistalLatency:
            ModelParameter(
                0.08, ["S157"],
                "median neuropathy at the wrist is common: 4.9 % of a general population on "
                    + "nerve conduction, more among people referred for EMG")
        case .backgroundHReflexOlder:
            ModelParameter(0.10, ["S24"], "H reflexes are harder to obtain in older people")
        case .backgroundHReflex:
            ModelParameter(0.05, [], "side difference and latency limits at about the 95th percentile")
        case .backgroundFootMuscleOlder:
            ModelParameter(
                0.10, [],
                "fibrillations in intrinsic foot muscles of healthy older people (a convention; no rate "
                    + "retrieved)", evidence: .convention)
        case .backgroundMyopathic:
            ModelParameter(0.02, ["S154"], "small, short, early-recruited units are rare in healthy muscle")
        case .backgroundFWave:
            ModelParameter(
                0.05, ["S141"], "upper reference values of the F-wave tables; F waves vary from trial to trial")

        case .rootLimbMuscle:
            ModelParameter(
                0.70, ["S72", "S73"],
                "limb muscles are spared in partial root lesions: a main-root muscle is abnormal "
                    + "about 70 % of the time")
        case .rootParaspinal:
            ModelParameter(0.75, ["S68"], "paraspinal EMG about 75-83 % sensitive")
        case .rootMinorShare:
            ModelParameter(
                0.35, ["S86"],
                "segmental innervation varies in about 28-30 % of legs, so a minor root counts for "
                    + "about a third of a main one")
        case .rootL5SuperficialPeroneal:
            ModelParameter(0.10, ["S79"], "a foraminal L5 lesion can reach the ganglion and reduce the SP response")
        case .rootCMAP:
            ModelParameter(0.20, ["S81", "S82"], "CMAPs fall only with marked axon loss in radiculopathy")
        case .rootS1HReflex:
            ModelParameter(0.75, ["S28", "S76"], "the H reflex tests the S1 pathway")
        case .rootOtherHReflex:
            ModelParameter(0.03, ["S28"], "the H reflex is normal in L5 radiculopathy")
        case .rootFWave:
            ModelParameter(
                0.15, ["S76"],
                "F waves are insensitive to a single root lesion (not recommended for radiculopathy); "
                    + "times the recording muscle's share of the root")

        case .nerveMuscle:
            ModelParameter(0.85, [], "a muscle within the territory of an axonal nerve lesion")
        case .plexusMuscle:
            ModelParameter(0.75, ["S103"], "plexopathies are often patchy")
        case .lumbosacralTrunkMuscle:
            ModelParameter(
                0.75, ["S55"],
                "L4-L5 fibres on their way to the sacral plexus; times the larger of the muscle's L4 "
                    + "and L5 shares")
        case .sciaticTibialDivisionMuscle:
            ModelParameter(0.60, ["S94", "S95"], "the peroneal division is hit more often and more severely")
        case .sciaticPeronealDivisionMuscle:
            ModelParameter(0.85, ["S94", "S95"], "the peroneal division is hit more often and more severely")
        case .peronealDivisionLesionMuscle:
            ModelParameter(0.85, ["S97"], "peroneal-predominant sciatic lesion")
        case .peronealDivisionLesionTibialMuscle:
            ModelParameter(0.10, ["S97"], "some tibial-division fibres are usually caught too")
        case .fibularHeadDeepMuscle:
            ModelParameter(0.85, ["S90"], "deep fascicles suffer more than superficial ones")
        case .fibularHeadSuperficialMuscle:
            ModelParameter(0.70, ["S90"], "superficial fascicles are spared more often")

        case .nerveCMAPCeiling:
            ModelParameter(0.65, ["S47"], "a distal CMAP falls only with substantial axon loss")
        case .fibularHeadCMAP:
            ModelParameter(0.55, ["S45"], "about half of fibular-head lesions are mainly block, which spares it")
        case .plexusCMAP:
            ModelParameter(0.40, ["S103"], "plexopathies are patchy")
        case .anteriorTarsalDistalLatency:
            ModelParameter(0.60, ["S91"], "entrapment at the ankle slows the distal segment")
        case .tarsalTunnelDistalLatency:
            ModelParameter(0.70, ["S119"], "tarsal tunnel entrapment slows the distal segment")
        case .nerveDistalLatency:
            ModelParameter(0.10, [], "a proximal axonal lesion prolongs the distal latency only slightly")
        case .fibularHeadConduction:
            ModelParameter(
                0.70, ["S45", "S46"], "block in 50-70 % of compressive fibular-head lesions, focal slowing in some")
        case .sciaticHReflex:
            ModelParameter(0.5, ["S98"], "the H reflex may be abnormal in sciatic lesions")
        case .sacralPlexusHReflex:
            ModelParameter(0.5, ["S102"], "the H reflex may be abnormal in sacral plexus lesions")
        case .tibialHReflex:
            ModelParameter(0.4, [], "the H reflex arc runs through the tibial nerve above the soleus branches")
        case .nerveFWave:
            ModelParameter(0.35, [], "an axonal lesion above the recording muscle prolongs or loses F waves in some")

        case .nerveSensory:
            ModelParameter(0.75, [], "a sensory response within the territory of an axonal nerve lesion")
        case .fibularHeadSuperficialPeroneal:
            ModelParameter(0.60, ["S87"], "the SP response may be spared even when the lesion is severe")
        case .fibularHeadSural:
            ModelParameter(0.20, ["S88"], "the sural nerve has a peroneal contribution")
        case .fibularHeadDeepPeroneal:
            ModelParameter(0.60, ["S6"], "the deep peroneal sensory branch lies within the lesion's territory")
        case .sciaticSensory:
            ModelParameter(0.75, ["S98"], "sural and SP responses are low in sciatic neuropathy")
        case .peronealDivisionSuperficialPeroneal:
            ModelParameter(0.75, ["S97"], "the SP response is lost with the peroneal division")
        case .peronealDivisionSural:
            ModelParameter(0.45, ["S97"], "sural abnormal in most but not all")
        case .lumbosacralTrunkSuperficialPeroneal:
            ModelParameter(0.70, ["S55"], "mimics L5 but with SP loss")
        case .lumbosacralTrunkSural:
            ModelParameter(0.25, ["S55"], "few S1 fibres run in the lumbosacral trunk")
        case .sacralPlexusSensory:
            ModelParameter(0.70, ["S101", "S102"], "abnormal sensory responses separate plexus from root")
        case .lumbarPlexusSensory:
            ModelParameter(0.65, ["S101", "S102"], "upper-plexus sensory responses")
        case .tibialSural:
            ModelParameter(0.40, ["S120"], "the sural nerve is formed partly from the tibial nerve")

        case .blockConduction:
            ModelParameter(0.95, ["S45"], "the block or focal slowing itself")
        case .blockMuscleRecruitment:
            ModelParameter(0.30, ["S92"], "recruitment reduced by the block, no denervation")

        case .polySural:
            ModelParameter(0.90, ["S52", "S53", "S54"], "the sural response is lost earliest")
        case .polySuperficialPeroneal:
            ModelParameter(0.70, ["S55"], "the SP response is relatively spared early")
        case .polyDeepPeroneal:
            ModelParameter(0.60, [], "a distal sensory branch")
        case .polySaphenous:
            ModelParameter(0.30, [], "a more proximal sensory nerve")
        case .polyOtherSensory:
            ModelParameter(0.10, [], "proximal sensory nerves (lateral femoral cutaneous)")
        case .polyEDBCMAP:
            ModelParameter(0.55, ["S53"], "distal motor responses fall with the sensory ones")
        case .polyAHCMAP:
            ModelParameter(0.50, ["S54"], "the tibial nerve is the most sensitive motor nerve")
        case .polyOtherCMAP:
            ModelParameter(0.25, [], "more proximal recordings (tibialis anterior)")
        case .polyFootMuscle:
            ModelParameter(0.60, [], "length-dependent: the foot first")
        case .polyLegMuscle:
            ModelParameter(0.35, [], "length-dependent: the leg later")
        case .polyProximalMuscle:
            ModelParameter(0.02, [], "thigh, hip and paraspinal muscles are spared")
        case .polyFibularHeadConduction:
            ModelParameter(0.03, [], "no focal change across the fibular head")
        case .polyDistalLatency:
            ModelParameter(0.30, [], "distal latencies lengthen with axon loss")
        case .polyHReflex:
            ModelParameter(0.65, ["S54"], "H reflexes and F waves are early casualties")
        case .polyFWave:
            ModelParameter(0.6, ["S54"], "a prolonged tibial F wave was the most sensitive single parameter (72 %)")
        case .polyUpperSensory:
            ModelParameter(0.3, ["S52"], "the hands are reached once the legs are affected to about the knee")
        case .polyUpperCMAP:
            ModelParameter(0.15, [], "arm motor responses fall late in a length-dependent neuropathy")
        case .polyHandMuscle:
            ModelParameter(0.2, [], "hand muscles are denervated late in a length-dependent neuropathy")
        case .demyelinatingSensory:
            ModelParameter(
                0.35, ["S39"],
                "sensory responses are relatively spared (sural sparing in demyelinating and motor "
                    + "axonal neuropathies)")
        case .demyelinatingCMAP:
            ModelParameter(0.6, ["S39"], "low distal CMAPs in several nerves")
        case .demyelinatingDistalMuscle:
            ModelParameter(0.5, [], "distal denervation in motor axonal forms")
        case .demyelinatingProximalMuscle:
            ModelParameter(0.35, [], "proximal weakness distinguishes acquired demyelinating neuropathy")
        case .demyelinatingFibularHeadConduction:
            ModelParameter(0.2, ["S39"], "conduction block away from entrapment sites, the fibular head included")
        case .demyelinatingDistalLatency:
            ModelParameter(0.7, ["S38", "S39"], "prolonged distal latencies, often in the demyelinating range")
        case .demyelinatingFWave:
            ModelParameter(0.85, ["S39"], "prolonged or absent F waves are early and frequent")
        case .demyelinatingHReflex:
            ModelParameter(0.8, [], "reflexes are lost early")
        case .motorAxonalSensory:
            ModelParameter(0.1, ["S155"], "sensory responses are normal in acute motor axonal neuropathy")
        case .motorAxonalCMAP:
            ModelParameter(0.8, ["S155"], "distal CMAPs below 80 % of the lower limit in at least two nerves")
        case .motorAxonalDistalMuscle:
            ModelParameter(
                0.7, [],
                "weak muscles show reduced recruitment from the onset (axonal conduction failure) and "
                    + "fibrillations from the second week")
        case .motorAxonalProximalMuscle:
            ModelParameter(0.6, [], "the weakness is generalised: proximal muscles recruit poorly too")
        case .motorAxonalDistalLatency:
            ModelParameter(0.1, ["S155"], "no demyelinating features: distal latencies stay normal")
        case .motorAxonalFWave:
            ModelParameter(0.3, ["S156"], "F-wave latencies are normal; persistence may fall with the CMAP")
        case .motorAxonalHReflex:
            ModelParameter(0.7, [], "reflexes are lost with the weakness")
        case .mndLimbMuscle:
            ModelParameter(
                0.65, ["S143", "S144"], "active and chronic denervation in limb muscles of several roots and nerves")
        case .mndParaspinal:
            ModelParameter(0.5, ["S143", "S144"], "thoracic and lumbar paraspinals are often denervated")
        case .mndBulbar:
            ModelParameter(0.45, ["S144"], "bulbar muscles are denervated in about half when studied")
        case .mndCMAP:
            ModelParameter(0.35, ["S143"], "CMAPs fall with the loss of motor neurons; sensory responses stay normal")
        case .nmjCMAP:
            ModelParameter(0.85, ["S145"], "low CMAPs at rest in most nerves in Lambert-Eaton syndrome")
        case .nmjHReflex:
            ModelParameter(0.4, [], "reflexes are reduced at rest in Lambert-Eaton syndrome")
        case .nmjMyopathic:
            ModelParameter(0.3, ["S145"], "unstable, small motor units can look myopathic")
        case .myopathyProximal:
            ModelParameter(0.75, ["S154"], "short, small, polyphasic units with early recruitment, proximal first")
        case .myopathyDistal:
            ModelParameter(0.5, ["S154"], "distal muscles less often")
        case .myopathyNeurogenic:
            ModelParameter(
                0.3, ["S154"],
                "fibrillation potentials in inflammatory and necrotising myopathies, often enough to "
                    + "count as explained by a myopathy")
        case .myopathyCMAP:
            ModelParameter(0.15, [], "CMAPs fall only in severe myopathy")
        case .reinnervationOfLesion:
            ModelParameter(
                0.5, ["S62"],
                "a neurogenic muscle of a focal lesion or length-dependent neuropathy shows reinnervation "
                    + "as often as not: the onset is unknown to the model")
        case .mndReinnervation:
            ModelParameter(
                0.85, ["S143"], "chronic neurogenic change (large, long units) beside active denervation is the rule")
        case .acquiredPolyReinnervation:
            ModelParameter(
                0.35, [], "acute motor axonal and demyelinating neuropathies are studied before reinnervation")
        case .nmjOrMyopathyReinnervation:
            ModelParameter(0.2, [], "neurogenic muscles are rare and not reinnervated in these disorders")
        case .symmetryCoupling:
            ModelParameter(
                0.8, ["S52"],
                "a symmetric process affects a homologous pair together in this share of pairs, independently in "
                    + "the rest")
        case .unexplainedItem:
            ModelParameter(
                0.3, [], "a catch-all that wins only when no lesion of the model explains the abnormal findings")

        case .probabilityFloor:
            ModelParameter(0.01, [], "no item is ever certain to be normal")
        case .probabilityCeiling:
            ModelParameter(0.99, [], "no item is ever certain to be abnormal")

        case .priorNormal:
            ModelParameter(0.20, [], "prior weight of a normal study")
        case .priorBlock:
            ModelParameter(0.05, ["S45"], "pure block at an entrapment site")
        case .priorL5:
            ModelParameter(0.10, [], "rough referral frequency in a lab seeing leg weakness and foot drop")
        case .priorS1:
            ModelParameter(0.07, [], "rough referral frequency")
        case .priorL4:
            ModelParameter(0.04, [], "rough referral frequency")
        case .priorL3:
            ModelParameter(0.02, [], "high lumbar roots are less often affected than L4-S1")
        case .priorSacralRoots:
            ModelParameter(0.004, ["S146"], "an S2-S4 root or conus lesion is rare in this referral")
        case .priorFibularHead:
            ModelParameter(0.10, [], "the commonest mononeuropathy of the leg")
        case .priorSciatic:
            ModelParameter(0.03, [], "rough referral frequency")
        case .priorSciaticPeronealDivision:
            ModelParameter(0.03, ["S95"], "peroneal-predominant sciatic lesions are common among sciatic lesions")
        case .priorSciaticTibialDivision:
            ModelParameter(0.01, ["S95"], "tibial-predominant sciatic lesions are rare")
        case .priorPlexus:
            ModelParameter(0.015, [], "each part of the plexus")
        case .priorPeronealBranch:
            ModelParameter(0.02, [], "deep or superficial peroneal nerve in the leg")
        case .priorDistalBranch:
            ModelParameter(0.015, [], "anterior or tarsal tunnel, cutaneous superficial peroneal branch")
        case .priorTibialOrFemoral:
            ModelParameter(0.02, [], "rough referral frequency")
        case .priorSmallNerve:
            ModelParameter(0.01, [], "obturator, saphenous, lateral femoral cutaneous and sural neuropathies")
        case .priorDemyelinatingPolyneuropathy:
            ModelParameter(0.02, [], "acquired demyelinating neuropathies are less common than length-dependent ones")
        case .priorMotorAxonalNeuropathy:
            ModelParameter(0.01, ["S156"], "motor axonal forms are rarer than demyelinating ones outside Asia")
        case .priorMotorNeuronDisease:
            ModelParameter(0.004, [], "a rare cause of leg weakness, outside the lesion model")
        case .priorNeuromuscularJunction:
            ModelParameter(0.002, [], "rare")
        case .priorMyopathy:
            ModelParameter(0.004, [], "proximal weakness is referred less often in this setting")
        case .priorUnexplained:
            ModelParameter(0.0002, [], "kept small: named lesions and patterns come first")
        case .priorPolyneuropathy:
            ModelParameter(0.12, [], "common in the referred population")
        case .priorOther:
            ModelParameter(0.01, [], "any other site")
        case .pairFactor:
            ModelParameter(
                2.0, [],
                "two coexisting lesions: the product of their priors times this, so that a pair is "
                    + "proposed only when the data demand it")

        case .strengthMildDenervation:
            ModelParameter(0.85, [], "fibrillations of 1+ without reinnervation count a little less than 2+")
        case .strengthReducedRecruitmentOnly:
            ModelParameter(0.6, [], "reduced recruitment alone is a softer sign")
        case .strengthNormalTooEarly:
            ModelParameter(0.3, ["S62", "S63"], "a normal muscle examined before fibrillations could appear")

        case .needleTemperature:
            ModelParameter(
                2.0, [],
                "needle log-likelihoods are divided by this: neighbouring muscles on one branch are not "
                    + "independent witnesses")
        case .minimumObservations:
            ModelParameter(3, [], "fewer lower-limb observations than this: no localization")
        case .reportedProbability:
            ModelParameter(0.01, [], "diagnoses below this probability are not listed")
        case .focalOnPolyneuropathyFirst:
            ModelParameter(
                0.5, [], "a focal lesion of the best pair on a polyneuropathy is named first from this probability")
        case .levelShare:
            ModelParameter(
                0.7, [], "the level within a diagnosis is named when hypotheses at that level hold this share of it")
        case .evidenceWeight:
            ModelParameter(0.2, [], "log-odds an observation must move to be cited for or against")
        case .separatingWeight:
            ModelParameter(
                0.69, [],
                "log-odds (a factor of 2) a finding must move to be said to separate two diagnoses: its "
                    + "expected state differs between them")
        case .wordingDefinite:
            ModelParameter(
                0.95, ["S159", "S160"],
                "\"there is electrodiagnostic evidence of\": stated without hedging, the only band coded (S160)")
        case .wordingHighlySuggestive:
            ModelParameter(0.8, ["S159"], "\"highly suggestive of\": very high likelihood")
        case .wordingMostLikely:
            ModelParameter(0.6, ["S159"], "\"most likely\": high likelihood, the most reproducibly read phrase")
        case .wordingMayRepresent:
            ModelParameter(0.35, ["S159"], "\"may represent\": intermediate likelihood")
        case .wordingCannotBeExcluded:
            ModelParameter(
                0.1, ["S159"],
                "an alternative at least this probable is named as not excluded; below it, only in the "
                    + "decision-support section")
        case .wordingTestExpectedAbnormal:
            ModelParameter(
                0.5, [],
                "a suggested test is said to be \"expected abnormal\" under a diagnosis at least this likely "
                    + "to find it abnormal")
        case .wordingTestExpectedNormal:
            ModelParameter(0.3, [], "and \"expected normal\" under one less likely than this")
        case .unexplainedAbnormal:
            ModelParameter(
                0.2, [], "an abnormality a diagnosis gives less than this probability is cited against it")
        case .involvedForGrading:
            ModelParameter(0.4, [], "items a lesion involves at least this much grade its severity and acuity")
        case .involvedForNotTested:
            ModelParameter(0.6, [], "untested items a lesion involves at least this much are listed as not tested")
        case .suggestedTestRunnerUp:
            ModelParameter(0.05, [], "tests are suggested only when the runner-up has at least this probability")
        case .suggestedTestFloor:
            ModelParameter(
                0.0001, [],
                "hypotheses below this posterior are left out when weighing a test's outcomes: one "
                    + "more finding cannot bring them back")
        case .suggestedTestChance:
            ModelParameter(
                0.15, [],
                "the outcome that would change the conclusion must be at least this likely: a test almost "
                    + "sure to confirm the leading diagnosis is not suggested")
        case .suggestedTestGain:
            ModelParameter(
                0.05, [],
                "a suggested test must move the leading diagnosis's probability by at least this much, "
                    + "on average over its outcomes")
        }
    }
}
