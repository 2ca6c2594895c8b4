import EDXFindings
public import EDXLocalization
import EDXModel
import EDXReference

/// The words of the localization: diagnoses and their levels, the evidence cited, severity bases,
/// untested items, suggested tests and caveats.
public enum DiagnosisWording {
    /// Plain clinical wording of a diagnosis code.
    public static func words(_ code: DiagnosisCode) -> String {
        switch code {
        case .l3Radiculopathy: "L3 radiculopathy"
        case .l4Radiculopathy: "L4 radiculopathy"
        case .l5Radiculopathy: "L5 radiculopathy"
        case .s1Radiculopathy: "S1 radiculopathy"
        case .lumbosacralPlexopathy: "lumbosacral plexopathy"
        case .sciaticNeuropathy: "sciatic neuropathy"
        case .peronealNeuropathyFibularHead: "common peroneal (fibular) neuropathy at the fibular head"
        case .deepPeronealNeuropathy: "deep peroneal neuropathy"
        case .superficialPeronealNeuropathy: "superficial peroneal neuropathy"
        case .tibialNeuropathy: "tibial neuropathy"
        case .femoralNeuropathy: "femoral neuropathy"
        case .obturatorNeuropathy: "obturator neuropathy"
        case .saphenousNeuropathy: "saphenous neuropathy"
        case .lateralFemoralCutaneousNeuropathy: "lateral femoral cutaneous neuropathy (meralgia paresthetica)"
        case .suralNeuropathy: "sural neuropathy"
        case .outsideModel: "a disorder outside the lower-limb lesion model"
        case .polyneuropathy: "length-dependent polyneuropathy"
        case .normalStudy: "normal study"
        case .insufficientData: "insufficient data for localization"
        }
    }

    /// The level within a diagnosis, as it follows the diagnosis's name.
    public static func words(_ level: LesionLevel) -> String {
        switch level {
        case .lumbarPlexus: "of the lumbar plexus"
        case .lumbosacralTrunk: "at the lumbosacral trunk"
        case .sacralPlexus: "of the sacral plexus"
        case .sciaticPeronealDivision: "predominantly affecting the peroneal division"
        case .sciaticTibialDivision: "predominantly affecting the tibial division"
        case .aboveFibularHead: "above the fibular head"
        case .deepPeronealInLeg: "in the leg"
        case .anteriorTarsalTunnel: "at the ankle (anterior tarsal tunnel)"
        case .superficialPeronealInLeg: "in the leg"
        case .superficialPeronealSensoryBranch: "distal, sensory branch only"
        case .poplitealFossaOrLeg: "in the popliteal fossa or leg"
        case .tarsalTunnel: "at the ankle (tarsal tunnel)"
        case .medialPlantar: "of the medial plantar branch"
        case .lateralPlantar: "of the lateral plantar branch"
        case .commonPeronealSiteNotLocalized: "site not localized by the conduction studies"
        }
    }

    /// A diagnosis with its level: `common peroneal (fibular) neuropathy at the fibular head`,
    /// `tibial neuropathy at the ankle (tarsal tunnel)`, `common peroneal (fibular) neuropathy, site not
    /// localized by the conduction studies`.
    public static func name(_ code: DiagnosisCode, level: LesionLevel?) -> String {
        switch level {
        case .commonPeronealSiteNotLocalized?:
            "common peroneal (fibular) neuropathy, \(words(.commonPeronealSiteNotLocalized))"
        case let level?: words(code) + " " + words(level)
        case nil: words(code)
        }
    }

    /// A diagnosis with its side, level, pattern or form: `left common peroneal (fibular) neuropathy at
    /// the fibular head`, `acquired demyelinating polyneuropathy`, `pattern of motor neuron disease …`.
    public static func name(
        _ code: DiagnosisCode, side: Laterality, level: LesionLevel?, pattern: OutsidePattern?,
        form: PolyneuropathyForm?
    ) -> String {
        let words: String
        if let pattern {
            words = self.words(pattern)
        } else if code == .polyneuropathy, let form {
            words = self.words(form)
        } else {
            words = name(code, level: level)
        }
        return side == .bilateral || code == .polyneuropathy ? words : "\(side.rawValue) \(words)"
    }

    /// A pattern outside the lower-limb lesion model, with the features that make it.
    public static func words(_ pattern: OutsidePattern) -> String {
        switch pattern {
        case .motorNeuronDisease:
            "pattern of motor neuron disease (active and chronic denervation across regions with normal sensory "
                + "responses), outside the lower-limb lesion model"
        case .myopathy:
            "myopathic pattern (short, small, polyphasic motor units recruited early), outside the lower-limb "
                + "lesion model"
        case .neuromuscularJunction:
            "pattern of a presynaptic neuromuscular junction disorder (low motor responses, normal sensory "
                + "responses, no denervation), outside the lower-limb lesion model"
        case .sacralRoots: "S2-S4 root (conus or cauda equina) lesion"
        case .unexplained: "pattern of abnormal findings that no lower-limb lesion explains"
        }
    }

    /// The form of a polyneuropathy.
    public static func words(_ form: PolyneuropathyForm) -> String {
        switch form {
        case .lengthDependent: "length-dependent sensorimotor polyneuropathy"
        case .lengthDependentSensory: "length-dependent sensory polyneuropathy"
        case .demyelinating: "acquired demyelinating polyneuropathy"
        case .motorAxonal: "motor axonal neuropathy"
        }
    }

    /// A prognosis, with its sources.
    public static func text(_ note: PrognosisNote) -> (String, [String]) {
        switch note {
        case .blockRecoversInWeeks:
            (
                "The weakness is mostly conduction block, which recovers as the myelin repairs, usually within weeks "
                    + "once the compression ends.", ["S92", "S126"]
            )
        case .mixedRecovery:
            (
                "The part of the weakness due to conduction block should recover within weeks; the part due to axon "
                    + "loss recovers over months, by reinnervation.", ["S92", "S126"]
            )
        case .incompleteAxonLoss:
            (
                "The lesion is incomplete (motor responses or voluntary units remain), so recovery by collateral "
                    + "sprouting over months is expected.", ["S47", "S65", "S125"]
            )
        case .completeLesion:
            (
                "The lesion is electrically complete: recovery depends on regrowth from the lesion, about 1 mm a day, "
                    + "and the outlook is guarded.", ["S65", "S151"]
            )
        case .reinnervationUnderway:
            ("Large, long-duration motor units show that reinnervation is under way.", ["S62"])
        case .femoralFavourable:
            (
                "A femoral motor response at least half that of the other side predicts recovery within a year.",
                ["S153"]
            )
        case .femoralGuarded:
            (
                "A femoral motor response below half that of the other side predicts a slower, often incomplete "
                    + "recovery.", ["S153"]
            )
        }
    }

    /// A follow-up advice, with its sources.
    public static func text(_ advice: FollowUpAdvice) -> (String, [String]) {
        switch advice {
        case .repeatStudyForReinnervation:
            (
                "A repeat study at about three months would show whether reinnervation has begun; earlier if surgery "
                    + "is being considered.", ["S151"]
            )
        case .imagingOfPlexusOrSciatic:
            ("Imaging of the lesion's course (MRI of the lumbosacral plexus and sciatic nerve) is advised.", ["S152"])
        case .warmAndRepeat:
            (
                "The study is limited by a cool limb: slowed values were corrected to the reference temperature, and "
                    + "the studies should be repeated after warming the limb.", ["S147"]
            )
        case .smallFibreNotTested:
            (
                "Normal nerve conduction studies test the large fibres only and do not exclude a small-fibre "
                    + "neuropathy.", ["S150"]
            )
        case .studyForPattern(let pattern):
            switch pattern {
            case .motorNeuronDisease:
                (
                    "Needle examination of an arm (for example first dorsal interosseous and biceps) and of the thoracic "
                        + "paraspinal muscles would show whether the denervation spans the regions motor neuron disease "
                        + "involves.", ["S143", "S144"]
                )
            case .myopathy:
                (
                    "Needle examination of more proximal muscles and a serum creatine kinase would characterize the "
                        + "myopathy.", ["S154"]
                )
            case .neuromuscularJunction:
                (
                    "Repetitive nerve stimulation with brief exercise (a post-exercise increment of 60 % or more) would "
                        + "confirm a presynaptic junction disorder.", ["S145"]
                )
            case .sacralRoots:
                (
                    "Imaging of the conus and cauda equina is advised; anal sphincter EMG and sacral reflexes "
                        + "characterize the lesion.", ["S146"]
                )
            case .unexplained:
                (
                    "The findings fit no lesion of the model: review the study, and extend it to the other limbs if a "
                        + "widespread process is suspected.", []
                )
            }
        }
    }

    /// What a piece of evidence says.
    public static func statement(_ statement: EvidenceStatement, _ statements: FindingStatements) -> String {
        switch statement {
        case .findings(let ids):
            return ids.compactMap(statements.statement).joined(separator: "; ")
        case .noBlockAcrossFibularHead(let side):
            return "\(Names.title(side)) peroneal nerve: no block or focal slowing across the fibular head"
        }
    }

    /// A number a severity grade rests on.
    public static func text(_ basis: SeverityBasis) -> String {
        func name(_ study: StudyKey, _ side: Side) -> String { "\(side.rawValue) \(Names.title(study))" }
        switch basis {
        case .cmapAbsent(let study, let side):
            return "\(name(study, side)) CMAP absent"
        case .cmapOfOtherSide(let study, let side, let amplitude, let percent):
            return "\(name(study, side)) CMAP \(Format.number(amplitude)) mV, \(Int(percent.rounded())) % of the "
                + "other side"
        case .cmapClassified(let study, let side, let amplitude, let classification):
            return "\(name(study, side)) CMAP \(Format.number(amplitude)) mV (\(classification.rawValue))"
        case .worstMuscle(let muscle, let label, let denervation, let recruitment):
            return "worst muscle \(muscle.map { Format.words($0.rawValue) } ?? label): fibrillations "
                + "\(denervation?.rawValue ?? "0"), recruitment \(recruitment?.rawValue ?? "not recorded")"
        case .blockAcrossFibularHead(let drop, let recording):
            return "block across the fibular head \(Int(drop.rounded())) % (recording "
                + "\(recording == .peronealTA ? "tibialis anterior" : "EDB"))"
        case .noVoluntaryUnits:
            return "no voluntary motor units in the affected muscles"
        case .noMotorAxonLossMeasured:
            return "no motor axon loss measured"
        }
    }

    /// An item of the model as a test to do: `needle EMG of the left gluteus medius`.
    public static func test(_ item: ModelItem) -> String {
        let side = item.side.rawValue
        switch item {
        case .muscle(let m, _), .myopathic(let m, _), .reinnervation(let m, _):
            return "needle EMG of the \(side) \(Format.words(m.rawValue))"
        case .sensory(let n, _):
            return "\(side) \(Format.words(n.rawValue)) sensory response"
        case .cmap(let r, _):
            return "\(side) \(Format.words(r.rawValue)) conduction study"
        case .fibularHeadConduction:
            return "\(side) peroneal motor study with stimulation below and above the fibular head"
        case .distalConduction(let r, _):
            return "\(side) \(Format.words(r.rawValue)) distal latency, both sides"
        case .fWave(let r, _):
            return "\(side) \(Format.words(r.rawValue)) study"
        case .hReflex:
            return "H reflexes on both sides"
        }
    }

    /// A test that was not done.
    public static func text(_ item: UntestedItem) -> String {
        switch item {
        case .item(let item): test(item)
        case .standardScreen:
            "a standard screen: peroneal and tibial motor, sural and superficial peroneal sensory on both sides, "
                + "needle EMG of at least six muscles including a paraspinal (S73, S74)"
        }
    }

    /// The published basis of a classic discriminating test.
    public static func text(_ discriminator: Discriminator) -> String {
        switch discriminator {
        case .shortHeadOfBicepsFemoris:
            "Short head of biceps femoris: the only peroneal-division muscle above the fibular head (Katirji & "
                + "Wilbourn 1994, S97; S8)"
        case .tibialL5Muscle:
            "Tibial-innervated L5 muscle: abnormal in L5 radiculopathy, normal in peroneal neuropathy (Tsao 2007, "
                + "S55; S83)"
        case .superiorGlutealMuscle:
            "Superior gluteal L5 muscle: places the lesion proximal to the sciatic nerve (S55, S84, S102)"
        case .paraspinal:
            "Paraspinals are supplied by the dorsal rami: abnormal in root lesions, normal in plexus and nerve "
                + "lesions (S72, S101)"
        case .postganglionicSensoryResponse:
            "Sensory responses are spared by root lesions (proximal to the ganglion) and lost in plexus and nerve "
                + "lesions (S55, S77, S101)"
        case .saphenous:
            "Saphenous response separates femoral or lumbar plexus lesions from an L3-L4 root lesion (S102)"
        case .adductorLongus:
            "Adductor longus (obturator) places a quadriceps weakness outside the femoral nerve (S102)"
        case .fibularHeadStimulation:
            "Stimulating below and above the fibular head shows block or focal slowing there (S8, S45)"
        case .hReflex:
            "The H reflex tests the S1 pathway (S28, S76)"
        }
    }

    /// A caveat for the whole study.
    public static func text(_ caveat: LocalizationCaveat, _ statements: FindingStatements) -> String {
        func listed(_ ids: [FindingID]) -> String {
            ids.compactMap(statements.statement).map(\.lowercasedFirst).joined(separator: "; ")
        }
        switch caveat {
        case .technical(let note): return FindingStatements.statement(note)
        case .noNeedleExamination: return "No needle examination: root lesions cannot be assessed."
        case .noConductionStudies:
            return "No nerve conduction studies: sensory responses, which separate root from plexus and nerve "
                + "lesions, are unknown."
        case .legNotExamined(let side):
            return "The \(side.rawValue) leg was not examined: lesions there are not assessed."
        case .unusedAbnormalFindings(let ids):
            return "Abnormal findings under names edx does not recognise could not be used in the conclusion: "
                + "\(listed(ids)). Add the names to a lab profile (--lab) to use them."
        case .polyneuropathyNotShown(let gaps):
            return "A polyneuropathy cannot be established from this study: "
                + gaps.map(words).joined(separator: "; ") + "."
        case .plexopathyNotShown(let side):
            return "A \(side.rawValue) lumbosacral plexopathy cannot be told from a root lesion here: the sensory "
                + "responses of the plexus territory were not recorded, and abnormal sensory responses are what "
                + "separate plexus from root (S101, S102)."
        case .healthyVariant(let variant, let ids):
            return "\(listed(ids).capitalizedFirst): \(words(variant))"
        case .denervationBeforeOnset(let days, let ids):
            return "Fibrillation potentials \(Format.number(days)) days after the stated onset, earlier than they "
                + "appear in these muscles (\(listed(ids))): the lesion is older than stated, or the onset date is "
                + "inaccurate."
        }
    }

    /// What a study lacks to show a polyneuropathy.
    static func words(_ gap: PolyneuropathyGap) -> String {
        switch gap {
        case .singleNerve: "the abnormal findings lie in one nerve's territory"
        case .noSensoryInvolvement: "no sensory response is abnormal"
        case .suralNotRecorded: "the sural response, the first to fall, was not recorded"
        case .noDistalGradient: "proximal muscles are abnormal while the distal ones are normal"
        case .otherLegNotExamined: "only one leg was examined, so symmetry cannot be shown"
        case .asymmetric: "only one of the two sides examined is abnormal"
        case .fewerThanTwoMotorNerves: "fewer than two motor nerves show the conduction changes of a motor neuropathy"
        }
    }

    /// Why a finding healthy people show is not taken as abnormal.
    static func words(_ variant: HealthyVariant) -> String {
        switch variant {
        case .paraspinalActivity:
            "paraspinal spontaneous activity occurs in \(Format.number(Criteria.paraspinalFibsInHealthy.value)) % of "
                + "asymptomatic adults, more with age (S59, S60); not taken as abnormal on its own."
        case .footMuscleFibrillationsOlder:
            "fibrillations in intrinsic foot muscles occur in healthy older people [U]; not taken as abnormal on "
                + "their own."
        case .sensoryResponseOlder:
            "over \(Format.number(Criteria.sensoryAgeCaveat.value)) a small or absent sural or superficial peroneal "
                + "response is common in healthy people (superficial peroneal in "
                + "\(Format.number(Criteria.superficialPeronealAbsentOver60.value)) %, S16, S18); not taken as "
                + "abnormal on its own."
        case .bilaterallyAbsentSaphenous:
            "saphenous responses are unobtainable on both sides in "
                + "\(Format.number(Criteria.saphenousAbsentInNormals.value)) % of normal subjects (S6)."
        case .smallEDBOlder:
            "the extensor digitorum brevis is often atrophic in older people (S7); a small EDB response alone is "
                + "not taken as abnormal."
        }
    }
}
