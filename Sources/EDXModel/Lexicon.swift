/// Maps the free-text names written by EMG machines and technologists onto the canonical vocabulary.
///
/// Comparison ignores case, spaces, dots, hyphens, underscores and parentheses. The aliases are the
/// vocabulary of the export formats (docs/formats.md, "Vocabulary"), plus common variants seen on
/// machines.
public enum Lexicon {
    /// The comparison key of a name.
    public static func key(_ text: String) -> String {
        // Fast path for ASCII names (nearly all of them): one pass over the bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "("),
                    UInt8(ascii: ")"), UInt8(ascii: "\t"), UInt8(ascii: "'"):
                    continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.lowercased() {
            switch character {
            case " ", ".", "-", "_", "(", ")", "\t", "'": continue
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: Sides

    /// `L`, `R`, `Left`, `Right`, `Lt`, `Rt` in any case; with `spanish`, also `D` (derecho) and
    /// `I` (izquierdo), `Der`, `Izq`.
    public static func side(_ text: String, spanish: Bool = true) -> Side? {
        switch key(text) {
        case "l", "left", "lt", "lft": return .left
        case "r", "right", "rt", "rgt": return .right
        case "d", "der", "derecho", "derecha": return spanish ? .right : nil
        case "i", "izq", "izquierdo", "izquierda": return spanish ? .left : nil
        default: return nil
        }
    }

    // MARK: Nerves

    private static let nerves: [String: Nerve] = table([
        (
            .peroneal,
            [
                "Peroneal", "Fibular", "Common Peroneal", "Common Fibular", "CPN", "Peroneo", "Peron",
                "Peroneal Nerve", "Deep Peroneal Motor", "Peroneal Motor", "Fibular Motor",
            ]
        ),
        (
            .tibial,
            ["Tibial", "Post Tibial", "Posterior Tibial", "Tibial Nerve", "Tibial (Mrkrs)", "Tib", "Tibial Motor"]
        ),
        (.sural, ["Sural", "Sural Nerve", "Sural Sensory"]),
        (
            .superficialPeroneal,
            [
                "Superficial Peroneal", "Superficial Fibular", "Sup Peroneal", "Sup Fib", "SPN",
                "Superficial Peroneal Sensory", "SP", "Sup Peron", "Superficial Fibular Sensory",
            ]
        ),
        (.deepPeroneal, ["Deep Peroneal", "Deep Fibular", "DPN", "Deep Peroneal Sensory"]),
        (.saphenous, ["Saphenous", "Saphenous Nerve", "Saph"]),
        (.lateralFemoralCutaneous, ["Lateral Femoral Cutaneous", "Lat Fem Cut", "LFCN", "LFC", "Lat Fem Cutaneous"]),
        (.femoral, ["Femoral", "Femoral Nerve", "Femoral Motor", "Femoral Motor (Quad)", "Femoral (Quad)"]),
        (
            .medialPlantar,
            [
                "Medial Plantar", "Med Plantar", "Medial Plantar Nerve", "Medial Plantar (Mixed)",
                "Medial Plantar Mixed", "Medial Plantar Sensory", "Tibial (Medial Plantar Branch)",
                "Tibial Medial Plantar", "Med Plantar Mixed",
            ]
        ),
        (
            .lateralPlantar,
            [
                "Lateral Plantar", "Lat Plantar", "Lateral Plantar Nerve", "Lateral Plantar (Mixed)",
                "Lateral Plantar Mixed", "Lateral Plantar Sensory", "Tibial (Lateral Plantar Branch)",
                "Tibial Lateral Plantar", "Lat Plantar Mixed",
            ]
        ),
        (.sciatic, ["Sciatic", "Sciatic Nerve"]),
        (.median, ["Median", "Median Nerve"]),
        (.ulnar, ["Ulnar", "Ulnar Nerve"]),
        (.radial, ["Radial", "Radial Nerve", "Superficial Radial"]),
    ])

    public static func nerve(_ text: String) -> Nerve? { nerves[key(text)] }

    // MARK: Recording sites

    private static let recordingSites: [String: RecordingSite] = table([
        (
            .extensorDigitorumBrevis,
            [
                "EDB", "Ext Dig Brev", "ExtDigBrev", "Extensor Dig Brevis",
                "Extensor Digitorum Brevis",
            ]
        ),
        (
            .tibialisAnterior,
            [
                "TA", "Tib Ant", "AntTibialis", "Ant Tib", "Tibialis Ant", "Tibialis Anterior",
                "Anterior Tibialis",
            ]
        ),
        (.peroneusLongus, ["PL", "Peroneus Longus", "Peron Long", "Fibularis Longus"]),
        (.peroneusBrevis, ["PB", "Peroneus Brevis", "Peroneus Brev", "Fibularis Brevis"]),
        (.abductorHallucis, ["AH", "Abd Hall", "Abd Hallucis", "AbdHallucis", "Abd Hall Brev", "Abductor Hallucis"]),
        (
            .abductorDigitiMinimiPedis,
            [
                "ADM pedis", "ADQP", "Abd Dig Min (foot)", "FDMB", "ADMP",
                "Abductor Digiti Minimi Pedis", "Flexor Digiti Minimi Brevis",
            ]
        ),
        (.soleus, ["Soleus"]),
        (.gastrocnemius, ["Gastroc", "Gastroc-Soleus", "Gastrocnemius", "Gastrocsoleus", "Gastroc Soleus"]),
        (.vastusMedialis, ["Vastus Medialis", "VM", "Vast Med"]),
        (.rectusFemoris, ["Rectus Femoris", "RF", "Rect Fem", "Quadriceps", "Quad"]),
        (.vastusLateralis, ["Vastus Lateralis", "VL", "Vast Lat"]),
        (.lateralMalleolus, ["Lat Mall", "Lateral Malleolus", "Lat Malleolus"]),
        (.dorsumOfFoot, ["Dorsum Foot", "Lat Ankle", "Dorsum of foot", "Dorsum", "Dorsal Foot"]),
        (.firstWebSpace, ["First Web Space", "1st Web Space", "Web Space", "1st Web"]),
        (.medialAnkle, ["Medial Ankle", "Med Ankle", "Medial Malleolus", "Med Mall"]),
        (.anteriorThigh, ["Anterior Thigh", "Ant Thigh", "Thigh", "Lateral Thigh", "Lat Thigh"]),
        (.medialSole, ["Medial Sole", "Med Sole", "Sole"]),
        (.lateralSole, ["Lateral Sole", "Lat Sole"]),
        (.abductorPollicisBrevis, ["APB", "Abd Poll Brev", "Abductor Pollicis Brevis"]),
        (.abductorDigitiMinimi, ["ADM", "Abd Dig Min", "Abductor Digiti Minimi", "ADQ"]),
        (.firstDorsalInterosseous, ["FDI", "First Dorsal Interosseous", "1st Dorsal Interosseous"]),
        (.extensorIndicis, ["EIP", "Ext Indicis", "Extensor Indicis"]),
        (.indexFinger, ["Index", "Digit 2", "D2", "Dig II", "Index Finger"]),
        (.littleFinger, ["Little Finger", "Digit 5", "D5", "Dig V", "Little"]),
        (.thumbBase, ["Thumb", "Thumb Base", "Snuffbox"]),
    ])

    /// The recording site; `Ankle` means the lateral malleolus for the sural nerve and the dorsum of
    /// the foot for the superficial peroneal nerve.
    public static func recordingSite(_ text: String, nerve: Nerve?) -> RecordingSite? {
        let k = key(text)
        if k == "ankle" {
            switch nerve {
            case .sural: return .lateralMalleolus
            case .superficialPeroneal: return .dorsumOfFoot
            case .saphenous: return .medialAnkle
            default: return nil
            }
        }
        return recordingSites[k]
    }

    // MARK: Stimulation sites

    private static let stimulationSites: [String: StimulationSite] = table([
        (.ankle, ["Ankle", "Ank", "Tobillo"]),
        (
            .belowFibularHead,
            [
                "Below Fibular Head", "B Fib", "BFH", "Fib Head", "Below Fib Head", "Fibular Neck",
                "Fib Neck", "Below knee", "Cabeza de perone", "Below Fibula Head", "Bel Fib Head",
            ]
        ),
        (
            .aboveFibularHead,
            [
                "Above Fibular Head", "AFH", "Above Fib Head", "Lat Popliteal", "Above Fibula Head",
                "Abv Fib Head",
            ]
        ),
        (.poplitealFossa, ["Popliteal Fossa"]),
        (.calf, ["Calf", "Mid Calf", "Posterior Calf"]),
        (.lateralLeg, ["Lat Leg", "Lateral Leg", "Lateral Lower Leg"]),
        (.medialLeg, ["Medial Leg", "Med Leg"]),
        (.inguinal, ["Inguinal", "Groin", "Thigh", "Inguinal Ligament"]),
        (.glutealFold, ["Gluteal Fold", "Sciatic Notch", "Buttock"]),
        (.medialMalleolus, ["Medial Malleolus", "Med Mall"]),
        (.wrist, ["Wrist", "Wr"]),
        (.palm, ["Palm"]),
        (.forearm, ["Forearm"]),
        (.belowElbow, ["Below Elbow", "B Elbow", "BE"]),
        (.aboveElbow, ["Above Elbow", "A Elbow", "AE"]),
        (.elbow, ["Elbow", "Antecubital Fossa"]),
        (.axilla, ["Axilla"]),
        (.erbsPoint, ["Erb's Point", "Erbs Point", "Erb"]),
        (.spiralGroove, ["Spiral Groove"]),
    ])

    /// The stimulation site. Names that depend on the nerve: `Poplt`, `Pop Fossa`, `Popliteal` and
    /// `Knee` are above the fibular head for the peroneal nerve and the popliteal fossa for the tibial
    /// nerve; `Lower Leg` is the lateral leg for the superficial peroneal nerve and the calf otherwise.
    public static func stimulationSite(_ text: String, nerve: Nerve?) -> StimulationSite? {
        let k = key(text)
        switch k {
        case "poplt", "popfossa", "popliteal", "knee", "popl", "poplitealfossa":
            return nerve == .peroneal ? .aboveFibularHead : .poplitealFossa
        case "lowerleg":
            return nerve == .superficialPeroneal ? .lateralLeg : .calf
        default:
            return stimulationSites[k]
        }
    }

    // MARK: Muscles

    private static let muscles: [String: Muscle] = {
        var entries: [(Muscle, [String])] = [
            (
                .tibialisAnterior,
                [
                    "Tibialis Anterior", "TA", "Tib Ant", "AntTibialis", "Anterior Tibialis", "Ant Tib",
                    "Tibialis Ant",
                ]
            ),
            (.extensorHallucisLongus, ["Extensor Hallucis Longus", "EHL", "Ext Hall Long", "ExtHallLong"]),
            (.extensorDigitorumLongus, ["Extensor Digitorum Longus", "EDL", "Ext Dig Long"]),
            (.extensorDigitorumBrevis, ["Extensor Digitorum Brevis", "EDB", "Ext Dig Brev", "ExtDigBrev"]),
            (
                .peroneusLongus,
                [
                    "Peroneus Longus", "PL", "Peroneus Long", "PeroneusLong", "Peron Long",
                    "Fibularis Longus",
                ]
            ),
            (.peroneusBrevis, ["Peroneus Brevis", "PB", "Peroneus Brev", "Fibularis Brevis"]),
            (
                .tibialisPosterior,
                [
                    "Tibialis Posterior", "TP", "Tib Post", "TibPost", "Tibialis Post",
                    "Posterior Tibialis",
                ]
            ),
            (.flexorDigitorumLongus, ["Flexor Digitorum Longus", "FDL", "Flex Dig Long", "FlexDigLong"]),
            (
                .gastrocnemiusMedial,
                [
                    "Gastrocnemius Medial Head", "MG", "Med Gastroc", "Gastroc (Med)", "Gastroc Med",
                    "MedGastroc", "Medial Gastrocnemius", "Gastrocnemius Medial",
                    "Gastrocnemius (Medial)", "Medial Head Gastrocnemius", "Gastroc MH",
                ]
            ),
            (
                .gastrocnemiusLateral,
                [
                    "Gastrocnemius Lateral Head", "LG", "Lat Gastroc", "Gastroc (Lat)",
                    "Lateral Gastrocnemius", "Gastroc Lat", "LatGastroc", "Gastrocnemius Lateral",
                ]
            ),
            (.soleus, ["Soleus"]),
            (.abductorHallucis, ["Abductor Hallucis", "AH", "Abd Hall", "AbdHallucis"]),
            (
                .abductorDigitiMinimiPedis,
                [
                    "Abductor Digiti Minimi Pedis", "ADMP", "ADQP", "Abd Dig Min Pedis",
                    "ADM (foot)", "ADM Pedis", "Abductor Digiti Quinti Pedis", "ADQ Pedis", "Abd Dig Quinti Pedis",
                    "ADQ (foot)", "Abductor Digiti Minimi (foot)",
                ]
            ),
            (
                .bicepsFemorisShortHead,
                [
                    "Biceps Femoris Short Head", "BFSH", "Biceps Fem SH", "BicepsFemS",
                    "Biceps Femoris (SH)", "Short Head Biceps Femoris", "Biceps Femoris SH",
                    "BF Short Head", "BFS",
                ]
            ),
            (
                .bicepsFemorisLongHead,
                [
                    "Biceps Femoris Long Head", "BFLH", "Biceps Fem LH", "BicepsFemL",
                    "Biceps Femoris (LH)", "Biceps Femoris", "Long Head Biceps Femoris", "BF Long Head", "BFL",
                ]
            ),
            (.semitendinosus, ["Semitendinosus", "Semitend", "ST"]),
            (.semimembranosus, ["Semimembranosus", "Semimemb", "SM"]),
            (.gluteusMedius, ["Gluteus Medius", "GMed", "Glut Med", "GluteusMed", "Gluteus Med"]),
            (.gluteusMinimus, ["Gluteus Minimus", "GMin", "Glut Min"]),
            (.tensorFasciaeLatae, ["Tensor Fasciae Latae", "TFL", "Tensor Fascia Lata", "Tensor Fascia Latae"]),
            (.gluteusMaximus, ["Gluteus Maximus", "GMax", "Glut Max", "GluteusMax"]),
            (.vastusLateralis, ["Vastus Lateralis", "VL", "Vast Lat", "VastusLat"]),
            (.vastusMedialis, ["Vastus Medialis", "VM", "Vast Med", "VastusMed"]),
            (.rectusFemoris, ["Rectus Femoris", "RF", "Rect Fem"]),
            (.iliopsoas, ["Iliopsoas", "Iliacus", "Psoas"]),
            (.quadriceps, ["Quadriceps", "Quads", "Quad", "Quadriceps Femoris"]),
            (
                .hamstrings,
                ["Hamstrings", "Hamstring", "Medial Hamstrings", "Medial Hamstring", "Hamstring Muscles"]
            ),
            (.gastrocnemius, ["Gastrocnemius", "Gastroc", "Gastrocs", "Gastrocnemius Muscle"]),
            // "Biceps Femoris" alone is the long head (the export formats' vocabulary); these names are not.
            (.bicepsFemoris, ["BF", "Lateral Hamstring", "Lateral Hamstrings", "Biceps Femoris (head not stated)"]),
            (.adductorMagnus, ["Adductor Magnus", "Add Mag", "Adductor Mag"]),
            (.sartorius, ["Sartorius"]),
            (.pectineus, ["Pectineus"]),
            (.gracilis, ["Gracilis"]),
            (.flexorHallucisLongus, ["Flexor Hallucis Longus", "FHL", "Flex Hall Long"]),
            (.flexorDigitorumBrevis, ["Flexor Digitorum Brevis", "FDB", "Flex Dig Brev"]),
            (
                .firstDorsalInterosseousPedis,
                ["First Dorsal Interosseous Pedis", "FDI Pedis", "1st Dorsal Interosseous Pedis", "FDI (foot)"]
            ),
            (.peroneusTertius, ["Peroneus Tertius", "Fibularis Tertius"]),
            (.popliteus, ["Popliteus"]),
            (
                .externalAnalSphincter,
                ["External Anal Sphincter", "EAS", "Anal Sphincter", "Ext Anal Sphincter", "Sphincter Ani Externus"]
            ),
            (
                .thoracicParaspinal,
                ["Thoracic Paraspinals", "Thoracic Paraspinal", "T Paraspinals", "Thoracic Parasp"]
            ),
            (.genioglossus, ["Genioglossus", "Tongue", "Lingual"]),
            (.sternocleidomastoid, ["Sternocleidomastoid", "SCM", "Sternomastoid"]),
            (.diaphragm, ["Diaphragm", "Hemidiaphragm"]),
            (.adductorLongus, ["Adductor Longus", "AL", "Add Long", "Adductor Long"]),
            (
                .paraspinalLumbar,
                [
                    "LS Paraspinals", "Low Lumbar Paraspinals", "Lumbar Paraspinals",
                    "Lumbosacral Paraspinals", "LS Parasp", "Lumbar Parasp", "Paraspinals",
                    "Lumbosacral Paraspinals (mid and lower)", "Lumbar Paraspinals (mid and lower)",
                    "Mid and Lower Lumbar Paraspinals", "Lumbar Multifidus", "Multifidus",
                ]
            ),
            (.abductorPollicisBrevis, ["Abductor Pollicis Brevis", "APB"]),
            (.firstDorsalInterosseous, ["First Dorsal Interosseous", "FDI", "1st Dorsal Interosseous"]),
            (.abductorDigitiMinimi, ["Abductor Digiti Minimi", "ADM", "ADQ"]),
            (.deltoid, ["Deltoid", "Mid Deltoid"]),
            (.biceps, ["Biceps", "Biceps Brachii"]),
            (.triceps, ["Triceps", "Triceps Brachii"]),
            (.extensorDigitorumCommunis, ["Extensor Digitorum Communis", "EDC", "Ext Dig Comm"]),
            (.flexorCarpiRadialis, ["Flexor Carpi Radialis", "FCR"]),
            (.pronatorTeres, ["Pronator Teres", "PT"]),
            (.cervicalParaspinal, ["Cervical Paraspinals", "C Paraspinals", "Cervical Parasp"]),
        ]
        let levels: [(Muscle, String)] = [
            (.paraspinalL2, "L2"), (.paraspinalL3, "L3"), (.paraspinalL4, "L4"), (.paraspinalL5, "L5"),
            (.paraspinalS1, "S1"),
        ]
        for (muscle, level) in levels {
            entries.append(
                (
                    muscle,
                    [
                        "\(level) Parasp", "\(level) Paraspinal", "\(level) Paraspinals", "Paraspinal \(level)",
                        "Paraspinals \(level)", "\(level) PSP", "PSP \(level)", "Lumbar Paraspinals (\(level))",
                        "Lumbar Paraspinals \(level)", "Lumbar Paraspinal \(level)", "Parasp \(level)",
                        "\(level) Multifidus", "Multifidus \(level)",
                    ]
                ))
        }
        return table(entries)
    }()

    /// The muscle of a name: an alias, or a paraspinal named by its level or range of levels
    /// (`Lumbar Paraspinals L4-L5`, `L5-S1`, `Paraspinal L4/5`, `Thoracic Paraspinals T6`).
    public static func muscle(_ text: String) -> Muscle? { muscles[key(text)] ?? paraspinal(text) }

    /// A paraspinal named by level: a single lumbosacral level, two adjacent levels, a wider lumbar
    /// range (level not stated), or a thoracic level.
    static func paraspinal(_ text: String) -> Muscle? {
        let lowered = text.lowercased()
        let levels = lowered.matches(
            of: #/\b([lts])\s?([0-9]{1,2})\b(?:\s*(?:-|/|to|and)\s*(?:([lts])\s?)?([0-9]{1,2})\b)?/#)
        guard let match = levels.first else { return nil }
        let named =
            lowered.contains("parasp") || lowered.contains("multifid") || lowered.contains("psp")
            || lowered.trimmingWhitespace().count <= 7  // "L5-S1" alone
        guard named, levels.count == 1 else { return nil }
        let region = match.output.1
        guard let first = Int(match.output.2) else { return nil }
        if region == "t" { return .thoracicParaspinal }
        func level(_ region: Substring, _ number: Int) -> Int? {
            switch (region, number) {
            case ("l", 1...5): number
            case ("s", 1...2): 5 + number
            default: nil
            }
        }
        guard let from = level(region, first) else { return nil }
        var to = from
        if let second = match.output.4.flatMap({ Int($0) }) {
            guard let end = level(match.output.3 ?? region, second) else { return nil }
            to = end
        }
        let single: [Int: Muscle] = [
            2: .paraspinalL2, 3: .paraspinalL3, 4: .paraspinalL4, 5: .paraspinalL5, 6: .paraspinalS1,
        ]
        let pairs: [Int: Muscle] = [2: .paraspinalL2L3, 3: .paraspinalL3L4, 4: .paraspinalL4L5, 5: .paraspinalL5S1]
        switch to - from {
        case 0: return single[from]
        case 1: return pairs[from]
        case 2...: return from >= 2 ? .paraspinalLumbar : nil
        default: return nil
        }
    }

    // MARK: Grades

    /// `0`, `+/-`, `±`, `Rare`, `1+` … `4+`, and `Nml`/`Normal`/`N`/`None` for zero.
    public static func spontaneousGrade(_ text: String) -> SpontaneousGrade? {
        let trimmed = text.trimmingWhitespace()
        switch trimmed.lowercased() {
        case "0", "nml", "normal", "n", "none", "absent", "no", "0+": return SpontaneousGrade.none
        case "+/-", "±", "rare", "+-", "equivocal", "few": return .equivocal
        case "1+", "1", "+", "+1": return .one
        case "2+", "2", "++", "+2": return .two
        case "3+", "3", "+++", "+3": return .three
        case "4+", "4", "++++", "+4": return .four
        default: return nil
        }
    }

    /// `Nml`, `Normal`, `N`, `Incr`, `Increased`, `Inc`, `↑`, `Decr`, `Decreased`, `Dec`, `↓`.
    public static func activity(_ text: String) -> Activity? {
        switch text.trimmingWhitespace().lowercased() {
        case "nml", "normal", "n", "0", "norm": .normal
        case "incr", "increased", "inc", "↑", "+", "high": .increased
        case "decr", "decreased", "dec", "↓", "-", "low", "reduced": .decreased
        default: nil
        }
    }

    /// Polyphasia as a change and, when it was given as a count (`0`, `1+` …), as a grade.
    public static func polyphasia(_ text: String) -> (Activity, SpontaneousGrade?)? {
        if let grade = spontaneousGrade(text),
            text.trimmingWhitespace().first?.isNumber == true
                || text.contains("+")
        {
            return (grade == SpontaneousGrade.none ? .normal : .increased, grade)
        }
        guard let change = activity(text), change != .decreased else { return nil }
        return (change, nil)
    }

    /// Recruitment spellings of vocabulary.md.
    public static func recruitment(_ text: String) -> Recruitment? {
        switch key(text) {
        case "nml", "normal", "full", "n": .normal
        case "mildreduced", "mildlyreduced", "mildlydecreased", "milddecr", "sldecr", "slightlyreduced": .mildlyReduced
        case "reduced", "decr", "decreased", "modreduced", "moderatelyreduced", "dec": .reduced
        case "severelyreduced", "discrete", "singleunit", "sevreduced", "markedlyreduced", "single": .discrete
        case "none", "nounits", "absent", "0", "nil": Recruitment.none
        case "early", "increasedearly", "increased", "incr": .early
        default: nil
        }
    }

    private static func table<Value>(_ entries: [(Value, [String])]) -> [String: Value] {
        var result: [String: Value] = [:]
        for (value, aliases) in entries {
            for alias in aliases where result[key(alias)] == nil {
                result[key(alias)] = value
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing white space (including non-breaking spaces).
    public func trimmingWhitespace() -> String {
        // Fast path: most values start and end with a printable ASCII byte and need no trimming.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
