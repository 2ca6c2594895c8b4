import EDXAnatomy
import EDXLocalization
import EDXModel

/// Every word the diagram prints, in one place: node names, muscle abbreviations, the caption of each
/// diagnosis, the legend. The clinical wording of the report lives in EDXReport; these are the
/// diagram's own short labels, chosen by typed switches, never read back.
///
/// All are printable ASCII (see ``Drawing``).
enum DiagramLabels {
    /// The text lines of a node's box.
    static func node(_ node: NerveNode) -> [String] {
        switch node {
        case .lumbosacralPlexus: ["Lumbosacral plexus"]
        case .lumbarPlexus: ["Lumbar plexus"]
        case .lumbosacralTrunk: ["LS trunk"]
        case .sacralPlexus: ["Sacral plexus"]
        case .femoral: ["Femoral"]
        case .saphenous: ["Saphenous"]
        case .obturator: ["Obturator"]
        case .lateralFemoralCutaneous: ["Lat. fem.", "cutaneous"]
        case .superiorGluteal: ["Superior", "gluteal"]
        case .inferiorGluteal: ["Inferior", "gluteal"]
        case .sciatic: ["Sciatic"]
        case .sciaticTibialDivision: ["Tibial div."]
        case .sciaticPeronealDivision: ["Peroneal div."]
        case .commonPeroneal: ["Common", "peroneal"]
        case .fibularHead: ["Fibular head"]
        case .deepPeroneal: ["Deep", "peroneal"]
        case .anteriorTarsal: ["Anterior", "tarsal"]
        case .superficialPeroneal: ["Superf.", "peroneal"]
        case .superficialPeronealCutaneous: ["Cutaneous"]
        case .tibial: ["Tibial"]
        case .tarsalTunnel: ["Tarsal tunnel"]
        case .medialPlantar: ["Medial", "plantar"]
        case .lateralPlantar: ["Lateral", "plantar"]
        case .sural: ["Sural"]
        case .pudendal: ["Pudendal"]
        }
    }

    static func root(_ root: Root) -> String { root.rawValue }

    /// The usual EMG abbreviation of a muscle.
    static func muscle(_ muscle: Muscle) -> String {
        switch muscle {
        case .tibialisAnterior: "TA"
        case .extensorHallucisLongus: "EHL"
        case .extensorDigitorumLongus: "EDL"
        case .extensorDigitorumBrevis: "EDB"
        case .peroneusLongus: "PL"
        case .peroneusBrevis: "PB"
        case .peroneusTertius: "PT"
        case .tibialisPosterior: "TP"
        case .flexorDigitorumLongus: "FDL"
        case .flexorHallucisLongus: "FHL"
        case .gastrocnemiusMedial: "MG"
        case .gastrocnemiusLateral: "LG"
        case .gastrocnemius: "Gastroc"
        case .soleus: "Soleus"
        case .popliteus: "Popl"
        case .abductorHallucis: "AH"
        case .flexorDigitorumBrevis: "FDB"
        case .abductorDigitiMinimiPedis: "ADMP"
        case .firstDorsalInterosseousPedis: "FDIP"
        case .bicepsFemorisShortHead: "BFSH"
        case .bicepsFemorisLongHead: "BFLH"
        case .bicepsFemoris: "BF"
        case .semitendinosus: "ST"
        case .semimembranosus: "SM"
        case .hamstrings: "Hams"
        case .gluteusMedius: "GMed"
        case .gluteusMinimus: "GMin"
        case .tensorFasciaeLatae: "TFL"
        case .gluteusMaximus: "GMax"
        case .vastusLateralis: "VL"
        case .vastusMedialis: "VM"
        case .rectusFemoris: "RF"
        case .quadriceps: "Quads"
        case .iliopsoas: "Iliops"
        case .sartorius: "Sart"
        case .pectineus: "Pect"
        case .adductorLongus: "AL"
        case .adductorMagnus: "AM"
        case .gracilis: "Grac"
        case .externalAnalSphincter: "EAS"
        case .paraspinalL2: "L2 PSP"
        case .paraspinalL3: "L3 PSP"
        case .paraspinalL4: "L4 PSP"
        case .paraspinalL5: "L5 PSP"
        case .paraspinalS1: "S1 PSP"
        case .paraspinalLumbar: "Lumbar PSP"
        case .paraspinalL2L3: "L2-L3 PSP"
        case .paraspinalL3L4: "L3-L4 PSP"
        case .paraspinalL4L5: "L4-L5 PSP"
        case .paraspinalL5S1: "L5-S1 PSP"
        case .thoracicParaspinal: "Thoracic PSP"
        case .cervicalParaspinal: "Cervical PSP"
        case .genioglossus: "Genioglossus"
        case .sternocleidomastoid: "SCM"
        case .diaphragm: "Diaphragm"
        case .abductorPollicisBrevis: "APB"
        case .firstDorsalInterosseous: "FDI"
        case .abductorDigitiMinimi: "ADM"
        case .deltoid: "Deltoid"
        case .biceps: "Biceps"
        case .triceps: "Triceps"
        case .extensorDigitorumCommunis: "EDC"
        case .flexorCarpiRadialis: "FCR"
        case .pronatorTeres: "Pron. teres"
        }
    }

    /// The muscle a recording site of a motor study is (nil for a skin site).
    static func muscle(recordedAt site: RecordingSite) -> Muscle? {
        switch site {
        case .extensorDigitorumBrevis: .extensorDigitorumBrevis
        case .tibialisAnterior: .tibialisAnterior
        case .peroneusLongus: .peroneusLongus
        case .peroneusBrevis: .peroneusBrevis
        case .abductorHallucis: .abductorHallucis
        case .abductorDigitiMinimiPedis: .abductorDigitiMinimiPedis
        case .soleus: .soleus
        case .gastrocnemius: .gastrocnemius
        case .vastusMedialis: .vastusMedialis
        case .rectusFemoris: .rectusFemoris
        case .vastusLateralis: .vastusLateralis
        case .abductorPollicisBrevis: .abductorPollicisBrevis
        case .abductorDigitiMinimi: .abductorDigitiMinimi
        case .firstDorsalInterosseous: .firstDorsalInterosseous
        case .lateralMalleolus, .dorsumOfFoot, .firstWebSpace, .medialAnkle, .anteriorThigh, .medialSole, .lateralSole,
            .extensorIndicis, .indexFinger, .littleFinger, .thumbBase:
            nil
        }
    }

    /// The recording muscle of an H reflex whose export does not name one: the soleus, by convention.
    static let hReflexRecording = Muscle.soleus

    /// The label of a mark beside its marker.
    static func item(_ kind: DiagramItemKind) -> String {
        switch kind {
        case .muscle(let muscle): Self.muscle(muscle)
        case .sensory(let nerve): nerve == .medialPlantar || nerve == .lateralPlantar ? "NAP" : "SNAP"
        case .motor: "CMAP"
        case .fibularHeadConduction: "Across"
        case .hReflex: "H reflex"
        }
    }

    /// What a mark is and what it showed, for its accessible title.
    static func itemTitle(_ item: DiagramItem) -> String { "\(itemName(item)): \(status(item.status))" }

    /// What a mark is: `Left TA (needle EMG)`.
    static func itemName(_ item: DiagramItem) -> String {
        let what: String =
            switch item.kind {
            case .muscle(let muscle): Self.muscle(muscle) + " (needle EMG)"
            case .sensory(let nerve): sensoryNerve(nerve) + " " + DiagramLabels.item(item.kind)
            case .motor(let key): (DiagramContent.recordingMuscle(key).map { Self.muscle($0) } ?? "motor") + " CMAP"
            case .fibularHeadConduction: "motor conduction across the fibular head"
            case .hReflex: "H reflex"
            }
        return "\(side(item.side)) \(what)"
    }

    static func sensoryNerve(_ nerve: Nerve) -> String {
        switch nerve {
        case .sural: "sural"
        case .superficialPeroneal: "superficial peroneal"
        case .deepPeroneal: "deep peroneal"
        case .saphenous: "saphenous"
        case .lateralFemoralCutaneous: "lateral femoral cutaneous"
        case .medialPlantar: "medial plantar"
        case .lateralPlantar: "lateral plantar"
        case .peroneal: "peroneal"
        case .tibial: "tibial"
        case .femoral: "femoral"
        case .sciatic: "sciatic"
        case .median: "median"
        case .ulnar: "ulnar"
        case .radial: "radial"
        }
    }

    static func status(_ status: ItemStatus) -> String {
        switch status {
        case .abnormal: "abnormal"
        case .normal: "normal"
        case .unclassified: "no limit to judge by"
        case .notTested: "not tested"
        }
    }

    static func side(_ side: Side) -> String { side == .left ? "Left" : "Right" }

    static func legTitle(_ side: Side) -> String { side == .left ? "LEFT LEG" : "RIGHT LEG" }

    static let paraspinalRow = "Paraspinals"
    static let lesionTag = "LESION"

    // MARK: Caption

    /// The first caption line: the leading diagnosis, or what the diagram shows instead of a site.
    static func caption(_ diagnosis: Diagnosis?) -> String {
        guard let diagnosis else { return "No lesion localized" }
        switch diagnosis.code {
        case .normalStudy: return "No lesion localized: normal study"
        case .insufficientData: return "No lesion localized: insufficient data"
        case .outsideModel:
            return "Outside the lesion model: " + pattern(diagnosis.pattern ?? .unexplained) + " (no single site)"
        default: return sidePrefix(diagnosis.side) + name(diagnosis)
        }
    }

    static func sidePrefix(_ laterality: Laterality) -> String {
        switch laterality {
        case .left: "Left "
        case .right: "Right "
        case .bilateral: "Bilateral "
        }
    }

    /// A short name of a diagnosis with its level.
    static func name(_ diagnosis: Diagnosis) -> String {
        switch diagnosis.code {
        case .l3Radiculopathy: return "L3 radiculopathy"
        case .l4Radiculopathy: return "L4 radiculopathy"
        case .l5Radiculopathy: return "L5 radiculopathy"
        case .s1Radiculopathy: return "S1 radiculopathy"
        case .lumbosacralPlexopathy:
            switch diagnosis.level {
            case .lumbarPlexus?: return "lumbosacral plexopathy (lumbar plexus)"
            case .lumbosacralTrunk?: return "lumbosacral plexopathy (lumbosacral trunk)"
            case .sacralPlexus?: return "lumbosacral plexopathy (sacral plexus)"
            default: return "lumbosacral plexopathy"
            }
        case .sciaticNeuropathy:
            switch diagnosis.level {
            case .sciaticPeronealDivision?: return "sciatic neuropathy (peroneal division)"
            case .sciaticTibialDivision?: return "sciatic neuropathy (tibial division)"
            default: return "sciatic neuropathy"
            }
        case .peronealNeuropathyFibularHead:
            switch diagnosis.level {
            case .aboveFibularHead?: return "common peroneal neuropathy above the fibular head"
            case .commonPeronealSiteNotLocalized?: return "common peroneal neuropathy (site not localized)"
            default: return "peroneal neuropathy at the fibular head"
            }
        case .deepPeronealNeuropathy:
            return diagnosis.level == .anteriorTarsalTunnel
                ? "deep peroneal neuropathy at the anterior tarsal tunnel" : "deep peroneal neuropathy"
        case .superficialPeronealNeuropathy:
            return diagnosis.level == .superficialPeronealSensoryBranch
                ? "superficial peroneal neuropathy (sensory branch)" : "superficial peroneal neuropathy"
        case .tibialNeuropathy:
            switch diagnosis.level {
            case .tarsalTunnel?: return "tibial neuropathy at the tarsal tunnel"
            case .medialPlantar?: return "tibial neuropathy (medial plantar nerve)"
            case .lateralPlantar?: return "tibial neuropathy (lateral plantar nerve)"
            case .poplitealFossaOrLeg?: return "tibial neuropathy (popliteal fossa or leg)"
            default: return "tibial neuropathy"
            }
        case .femoralNeuropathy: return "femoral neuropathy"
        case .obturatorNeuropathy: return "obturator neuropathy"
        case .saphenousNeuropathy: return "saphenous neuropathy"
        case .lateralFemoralCutaneousNeuropathy: return "lateral femoral cutaneous neuropathy"
        case .suralNeuropathy: return "sural neuropathy"
        case .polyneuropathy:
            switch diagnosis.form {
            case .lengthDependentSensory?: return "length-dependent sensory polyneuropathy"
            case .demyelinating?: return "demyelinating polyneuropathy"
            case .motorAxonal?: return "motor axonal polyneuropathy"
            case .lengthDependent?, nil: return "length-dependent sensorimotor polyneuropathy"
            }
        case .outsideModel: return "pattern outside the lesion model"
        case .normalStudy: return "normal study"
        case .insufficientData: return "insufficient data"
        }
    }

    /// A pattern outside the lesion model, in words.
    static func pattern(_ pattern: OutsidePattern) -> String {
        switch pattern {
        case .motorNeuronDisease: "motor neuron disease pattern"
        case .myopathy: "myopathic pattern"
        case .neuromuscularJunction: "neuromuscular junction pattern"
        case .sacralRoots: "sacral root (S2-S4) pattern"
        case .unexplained: "abnormal findings without a lesion pattern"
        }
    }

    /// The second caption line: what else, and what was left out. No model probability: the
    /// diagram sits in the signed part of the report, where the impression carries none either
    /// (the probabilities are in the decision-support section after the signature).
    static func subcaption(_ content: DiagramContent) -> String {
        var parts: [String] = []
        let others = content.coexisting.map { sidePrefix($0.side).lowercased() + name($0) }
        if !others.isEmpty { parts.append("with " + others.joined(separator: " and ")) }
        let outside = content.outsideLegs
        if outside.studied > 0 {
            parts.append(
                "outside the legs (not drawn): \(outside.studied) muscles or nerves studied, \(outside.abnormal) abnormal"
            )
        }
        if content.items.isEmpty { parts.append("nothing studied in the legs") }
        guard let first = parts.first else { return "" }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + parts.dropFirst()).joined(separator: "; ")
    }

    // MARK: Legend

    static let legendAbnormal = "abnormal"
    static let legendNormal = "normal"
    static let legendUnclassified = "not judged (no limit)"
    static let legendNotTested = "not tested, would help"
    static let legendMuscle = "needle EMG"
    static let legendSensory = "sensory response"
    static let legendMotor = "motor conduction"
    static let legendLesion = "lesion (site of the diagnosis)"
    static let legendLengthDependent = "polyneuropathy: distal nerves"
    static let legendDiffuse = "polyneuropathy: all nerves"
    static let legendNotStudied = "branch not studied"

    /// The accessible description of a whole diagram.
    static func description(_ content: DiagramContent) -> String {
        var text = "Schematic of the lower-limb nerve tree"
        text += content.sides.count == 2 ? " of both legs. " : " of the \(side(content.sides[0]).lowercased()) leg. "
        text += caption(content.leading) + "."
        let abnormal = content.items.filter { $0.status == .abnormal }
        if !abnormal.isEmpty {
            text += " Abnormal: " + abnormal.map(itemName).joined(separator: ", ") + "."
        }
        return text
    }
}
