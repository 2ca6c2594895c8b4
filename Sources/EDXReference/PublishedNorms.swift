/// Published adult reference limits for the lower-limb studies (docs/evidence.md §1). Each row carries its source, table and evidence tag.
/// Percentile limits (3rd/97th) are preferred to mean ± 2 SD where the source gives both, because
/// amplitude distributions are skewed (evidence §1.0, S3, S4).
enum PublishedNorms {
    /// The technique behind each study's published values.
    static func technique(_ study: ReferenceStudy) -> Technique {
        switch study {
        case .peronealEDB:
            Technique(
                "Buschbacher 1999: recording EDB, ankle stimulation 8 cm from the active electrode, stimulation "
                    + "below and above the fibular head; subjects with an accessory deep peroneal nerve excluded",
                oldestAge: 79)
        case .peronealTA:
            Technique(
                "Buschbacher's Manual 2015: recording tibialis anterior, stimulation just below the fibular head "
                    + "and about 10 cm proximal at the lateral popliteal fossa; foot >= 31 C",
                minimumTemperatureC: 31, oldestAge: 79)
        case .tibialAH:
            Technique(
                "Buschbacher 1999: recording abductor hallucis, ankle stimulation 8 cm from the active electrode, "
                    + "popliteal fossa stimulation", oldestAge: 79)
        case .sural:
            Technique(
                "Buschbacher 2003: antidromic, 14 cm, bar electrode behind the lateral malleolus; temperature "
                    + "measured on the dorsum of the foot")
        case .superficialPeroneal:
            Technique(
                "Buschbacher's Manual 2015 (Izzo technique for latency, Jabre technique for amplitude): "
                    + "antidromic, 14 cm, recording at the ankle; >= 28 C",
                minimumTemperatureC: 28)
        case .saphenous:
            Technique("Buschbacher 2003: antidromic, 14 cm, recording at the medial ankle")
        case .lateralFemoralCutaneous:
            Technique("Spevak-Prevec technique (Buschbacher's Manual 2015)")
        case .tibialFWave:
            Technique(
                "Buschbacher's Manual 2015: tibial F waves recorded at abductor hallucis, shortest of 10 stimuli, "
                    + "upper reference value by height and age", oldestAge: 79)
        case .peronealFWave:
            Technique(
                "Buschbacher's Manual 2015: peroneal F waves recorded at EDB, shortest of 10 stimuli, upper "
                    + "reference value by height and age; absent peroneal F waves occur in normal subjects",
                oldestAge: 79)
        case .hReflex:
            Technique(
                "Buschbacher's Manual 2015: soleus recording, tibial stimulation at the popliteal fossa; ankle >= 31 C",
                minimumTemperatureC: 31, oldestAge: 79)
        case .femoralMotor:
            Technique(
                "Buschbacher's Manual 2015 (n = 100): recording vastus medialis, stimulation below the inguinal "
                    + "ligament; temperature and ages not reported")
        case .lateralPlantarMotor:
            Technique(
                "Buschbacher: tibial motor to flexor digiti minimi brevis (n = 205), ankle stimulation 8 cm; dorsum "
                    + "of the foot >= 31 C", minimumTemperatureC: 31, oldestAge: 79)
        case .medialPlantarMixed:
            Technique(
                "Buschbacher's Manual 2015 (n = 41): orthodromic, stimulation at the first-second metatarsal "
                    + "interspace, bar over the tibial nerve above the flexor retinaculum, 14 cm; 26-32 C. Amplitude "
                    + "limits by age from Sharma 2022 (ages 18-86)", minimumTemperatureC: 26, oldestAge: 86)
        case .lateralPlantarMixed:
            Technique(
                "Buschbacher's Manual 2015 (n = 41): orthodromic, stimulation at the fourth-fifth metatarsal "
                    + "interspace, 14 cm; 26-32 C", minimumTemperatureC: 26)
        case .deepPeronealSensory:
            Technique("Buschbacher's Manual 2015 (n = 40): 12 cm, dorsum of the foot >= 29 C", minimumTemperatureC: 29)
        case .medianMotor:
            Technique(
                "Buschbacher 1999 (n = 249): recording abductor pollicis brevis, wrist stimulation 8 cm; skin >= 32 C",
                minimumTemperatureC: 32, oldestAge: 79)
        case .ulnarMotor:
            Technique(
                "Buschbacher 1999 (n = 248): recording abductor digiti minimi, wrist stimulation 8 cm; skin >= 32 C",
                minimumTemperatureC: 32, oldestAge: 79)
        case .medianSensory:
            Technique(
                "Buschbacher 1999 (n = 250): antidromic to digit 2, 14 cm, ring electrodes; skin >= 32 C",
                minimumTemperatureC: 32, oldestAge: 79)
        case .ulnarSensory:
            Technique(
                "Buschbacher 1999 (n = 258): antidromic to digit 5, 14 cm, ring electrodes; skin >= 32 C",
                minimumTemperatureC: 32, oldestAge: 79)
        case .radialSensory:
            Technique(
                "Evanoff & Buschbacher 2006 (n = 212): superficial radial, 10 cm, bar over the extensor pollicis "
                    + "longus tendon; skin >= 32 C", minimumTemperatureC: 32)
        }
    }

    // Short-hands for the common citations.
    private static let peronealEDB = "Buschbacher 1999, peroneal motor to EDB, n = 242"
    private static let peronealTA = "Buschbacher's Manual 2015, peroneal motor to tibialis anterior, n = 244"
    private static let tibialAH = "Buschbacher 1999, tibial motor to abductor hallucis, n = 250"
    private static let sural = "Buschbacher 2003, sural, n = 230"

    private static let young: Range<Double> = 19..<40
    private static let older: Range<Double> = 40..<80
    private static let short: Range<Double> = 0..<170
    private static let tall: Range<Double> = 170..<300

    static let entries: [NormEntry] = peroneal + tibial + sensory + lateResponses + otherLeg + upperLimb

    // MARK: Peroneal motor (evidence §1.1, evidence §1.2)

    private static let peroneal: [NormEntry] = [
        // evidence §1.1 — Buschbacher 1999 (S5 abstract, S6 transcribed tables).
        NormEntry(
            study: .peronealEDB, measure: .distalLatency, bound: .upper, value: 6.5, unit: "ms",
            citation: Citation(
                ["S6", "S5"], "\(peronealEDB): onset latency 97th percentile (mean 4.8 ms)", .transcribed)
        ),
        NormEntry(
            study: .peronealEDB, measure: .amplitude, bound: .lower, value: 2.6, unit: "mV", age: young,
            citation: Citation(["S6", "S5"], "\(peronealEDB): CMAP amplitude 3rd percentile, age 19-39", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .amplitude, bound: .lower, value: 1.1, unit: "mV", age: older,
            citation: Citation(["S6", "S5"], "\(peronealEDB): CMAP amplitude 3rd percentile, age 40-79", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .amplitude, bound: .lower, value: 1.3, unit: "mV",
            citation: Citation(["S6"], "\(peronealEDB): CMAP amplitude 3rd percentile, all ages", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .duration, bound: .upper, value: 7.7, unit: "ms",
            citation: Citation("S6", "\(peronealEDB): CMAP duration 97th percentile", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .legVelocity, bound: .lower, value: 43, unit: "m/s", age: young,
            height: short,
            citation: Citation("S6", "\(peronealEDB): ankle to below fibular head CV 3rd percentile", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .legVelocity, bound: .lower, value: 39, unit: "m/s", age: older,
            height: short,
            citation: Citation("S6", "\(peronealEDB): ankle to below fibular head CV 3rd percentile", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .legVelocity, bound: .lower, value: 37, unit: "m/s", age: young,
            height: tall,
            citation: Citation("S6", "\(peronealEDB): ankle to below fibular head CV 3rd percentile", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .legVelocity, bound: .lower, value: 36, unit: "m/s", age: older,
            height: tall,
            citation: Citation("S6", "\(peronealEDB): ankle to below fibular head CV 3rd percentile", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .legVelocity, bound: .lower, value: 38, unit: "m/s",
            citation: Citation("S6", "\(peronealEDB): ankle to below fibular head CV 3rd percentile, all", .transcribed)
        ),
        NormEntry(
            study: .peronealEDB, measure: .acrossFibularHeadVelocity, bound: .lower, value: 42, unit: "m/s",
            citation: Citation("S6", "\(peronealEDB): across fibular head CV 3rd percentile (mean 57)", .transcribed)),
        NormEntry(
            study: .peronealEDB, measure: .latencyDifference, bound: .upper, value: 1.6, unit: "ms",
            citation: Citation(
                "S6", "\(peronealEDB): side-to-side distal latency difference 97th percentile", .transcribed)
        ),
        NormEntry(
            study: .peronealEDB, measure: .amplitudeDrop, bound: .upper, value: 61, unit: "%",
            citation: Citation("S5", "\(peronealEDB): side-to-side amplitude difference 97th percentile", .verified)),
        NormEntry(
            study: .peronealEDB, measure: .velocityDifference, bound: .upper, value: 8, unit: "m/s",
            citation: Citation("S6", "\(peronealEDB): side-to-side leg CV difference 97th percentile", .transcribed)),

        // evidence §1.2 — Buschbacher's Manual 2015, recording tibialis anterior (S6).
        NormEntry(
            study: .peronealTA, measure: .distalLatency, bound: .upper, value: 4.1, unit: "ms", height: 0..<160,
            citation: Citation("S6", "\(peronealTA): onset latency ULN, height < 160 cm", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .distalLatency, bound: .upper, value: 4.7, unit: "ms", height: 160..<181,
            citation: Citation("S6", "\(peronealTA): onset latency ULN, height 160-180 cm", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .distalLatency, bound: .upper, value: 5.4, unit: "ms", height: 181..<300,
            citation: Citation("S6", "\(peronealTA): onset latency ULN, height > 180 cm", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .distalLatency, bound: .upper, value: 4.9, unit: "ms",
            citation: Citation("S6", "\(peronealTA): onset latency ULN, all heights", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .amplitude, bound: .lower, value: 2.1, unit: "mV", age: 19..<30,
            citation: Citation("S6", "\(peronealTA): amplitude LLN, age 19-29", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .amplitude, bound: .lower, value: 1.5, unit: "mV", age: 30..<80,
            citation: Citation("S6", "\(peronealTA): amplitude LLN, age 30-79", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .amplitude, bound: .lower, value: 1.7, unit: "mV",
            citation: Citation("S6", "\(peronealTA): amplitude LLN, all ages", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .duration, bound: .upper, value: 15.0, unit: "ms",
            citation: Citation("S6", "\(peronealTA): negative-phase duration ULN", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .acrossFibularHeadVelocity, bound: .lower, value: 43, unit: "m/s",
            citation: Citation("S6", "\(peronealTA): across fibular head CV LLN (mean 62)", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .latencyDifference, bound: .upper, value: 1.2, unit: "ms",
            citation: Citation("S6", "\(peronealTA): side-to-side latency difference", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .amplitudeDrop, bound: .upper, value: 50, unit: "%",
            citation: Citation("S6", "\(peronealTA): side-to-side amplitude drop", .transcribed)),
        NormEntry(
            study: .peronealTA, measure: .velocityDifference, bound: .upper, value: 23, unit: "m/s",
            citation: Citation("S6", "\(peronealTA): side-to-side CV difference", .transcribed)),
    ]

    // MARK: Tibial motor (evidence §1.3)

    private static let tibial: [NormEntry] = [
        NormEntry(
            study: .tibialAH, measure: .distalLatency, bound: .upper, value: 6.1, unit: "ms",
            citation: Citation(["S6", "S10"], "\(tibialAH): onset latency 97th percentile (mean 4.5)", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .amplitude, bound: .lower, value: 5.8, unit: "mV", age: 19..<30,
            citation: Citation("S6", "\(tibialAH): amplitude 3rd percentile, age 19-29", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .amplitude, bound: .lower, value: 5.3, unit: "mV", age: 30..<60,
            citation: Citation("S6", "\(tibialAH): amplitude 3rd percentile, age 30-59", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .amplitude, bound: .lower, value: 1.1, unit: "mV", age: 60..<80,
            citation: Citation("S6", "\(tibialAH): amplitude 3rd percentile, age 60-79", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .amplitude, bound: .lower, value: 4.4, unit: "mV",
            citation: Citation("S6", "\(tibialAH): amplitude 3rd percentile, all ages", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .duration, bound: .upper, value: 8.7, unit: "ms",
            citation: Citation("S6", "\(tibialAH): CMAP duration 97th percentile", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .legVelocity, bound: .lower, value: 44, unit: "m/s", age: 19..<50,
            height: 0..<160, citation: Citation("S6", "\(tibialAH): CV 3rd percentile by height and age", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .legVelocity, bound: .lower, value: 40, unit: "m/s", age: 50..<80,
            height: 0..<160, citation: Citation("S6", "\(tibialAH): CV 3rd percentile by height and age", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .legVelocity, bound: .lower, value: 42, unit: "m/s", age: 19..<50,
            height: 160..<170,
            citation: Citation("S6", "\(tibialAH): CV 3rd percentile by height and age", .transcribed)
        ),
        NormEntry(
            study: .tibialAH, measure: .legVelocity, bound: .lower, value: 37, unit: "m/s", age: 50..<80,
            height: 160..<170,
            citation: Citation("S6", "\(tibialAH): CV 3rd percentile by height and age", .transcribed)
        ),
        NormEntry(
            study: .tibialAH, measure: .legVelocity, bound: .lower, value: 37, unit: "m/s", age: 19..<50,
            height: 170..<300,
            citation: Citation("S6", "\(tibialAH): CV 3rd percentile by height and age", .transcribed)
        ),
        NormEntry(
            study: .tibialAH, measure: .legVelocity, bound: .lower, value: 34, unit: "m/s", age: 50..<80,
            height: 170..<300,
            citation: Citation("S6", "\(tibialAH): CV 3rd percentile by height and age", .transcribed)
        ),
        NormEntry(
            study: .tibialAH, measure: .legVelocity, bound: .lower, value: 39, unit: "m/s",
            citation: Citation("S6", "\(tibialAH): CV 3rd percentile, all subjects (mean 47)", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .latencyDifference, bound: .upper, value: 1.4, unit: "ms",
            citation: Citation(
                "S6", "\(tibialAH): side-to-side distal latency difference 97th percentile", .transcribed)),
        NormEntry(
            study: .tibialAH, measure: .amplitudeDrop, bound: .upper, value: 50, unit: "%",
            citation: Citation("S6", "\(tibialAH): side-to-side amplitude drop 97th percentile", .transcribed)),
    ]

    // MARK: Sensory (evidence §1.4-1.6)

    private static let sensory: [NormEntry] = [
        NormEntry(
            study: .sural, measure: .onsetLatency, bound: .upper, value: 3.6, unit: "ms",
            citation: Citation("S6", "\(sural): onset latency 97th percentile", .transcribed)),
        NormEntry(
            study: .sural, measure: .peakLatency, bound: .upper, value: 4.5, unit: "ms",
            citation: Citation("S6", "\(sural): peak latency 97th percentile", .transcribed)),
        NormEntry(
            study: .sural, measure: .amplitude, bound: .lower, value: 4, unit: "µV",
            citation: Citation("S6", "\(sural): amplitude 3rd percentile (onset-peak and peak-peak)", .transcribed)),
        // Buschbacher 2003 publishes no velocity. The velocity limit is the onset-latency limit read at
        // the standard distance, so that the two never disagree (14 cm / 3.6 ms); the 43 m/s of
        // Zamoum 2022 (S3, ages 20-60, another technique) contradicted it.
        NormEntry(
            study: .sural, measure: .sensoryVelocity, bound: .lower, value: 38.9, unit: "m/s",
            citation: Citation(
                "S6", "derived from the \(sural) onset ULN: 14 cm / 3.6 ms = 38.9 m/s (no velocity published)",
                .proposal)),
        NormEntry(
            study: .sural, measure: .latencyDifference, bound: .upper, value: 0.5, unit: "ms",
            citation: Citation("S6", "\(sural): side-to-side peak latency difference", .transcribed)),
        NormEntry(
            study: .sural, measure: .amplitudeDrop, bound: .upper, value: 67, unit: "%",
            citation: Citation("S6", "\(sural): side-to-side amplitude drop (peak-peak; 72 % onset-peak)", .transcribed)
        ),
        // The Manual publishes no percentile for superficial peroneal amplitude: the lowest normal
        // value of its range (4-40 µV) is the only limit available, so it is used and labelled as such.
        NormEntry(
            study: .superficialPeroneal, measure: .onsetLatency, bound: .upper, value: 3.4, unit: "ms",
            citation: Citation(
                "S6", "Buschbacher's Manual 2015, superficial peroneal (Izzo, n = 80): onset ULN", .transcribed)
        ),
        NormEntry(
            study: .superficialPeroneal, measure: .peakLatency, bound: .upper, value: 4.2, unit: "ms",
            citation: Citation(
                "S6", "Buschbacher's Manual 2015, superficial peroneal (Izzo, n = 80): peak ULN", .transcribed)
        ),
        NormEntry(
            study: .superficialPeroneal, measure: .amplitude, bound: .lower, value: 4, unit: "µV",
            citation: Citation(
                "S6",
                "Buschbacher's Manual 2015, superficial peroneal (Jabre): lowest value of the normal range 4-40 µV, "
                    + "not a percentile", .transcribed)),
        NormEntry(
            study: .superficialPeroneal, measure: .amplitudeDrop, bound: .upper, value: 50, unit: "%",
            citation: Citation(
                "S79",
                "affected/unaffected ratio < 0.5 separated foraminal L5 lesions (91 % sensitive); "
                    + "no normative side-to-side limit was found", .proposal)),
        NormEntry(
            study: .saphenous, measure: .onsetLatency, bound: .upper, value: 3.8, unit: "ms",
            citation: Citation("S6", "Buschbacher 2003, saphenous: onset ULN", .transcribed)),
        NormEntry(
            study: .saphenous, measure: .peakLatency, bound: .upper, value: 4.4, unit: "ms",
            citation: Citation("S6", "Buschbacher 2003, saphenous: peak ULN", .transcribed)),
        NormEntry(
            study: .saphenous, measure: .amplitude, bound: .lower, value: 2, unit: "µV",
            citation: Citation("S6", "Buschbacher 2003, saphenous: amplitude LLN", .transcribed)),
        NormEntry(
            study: .saphenous, measure: .amplitudeDrop, bound: .upper, value: 65, unit: "%",
            citation: Citation("S6", "Buschbacher 2003, saphenous: side-to-side amplitude drop", .transcribed)),
        NormEntry(
            study: .saphenous, measure: .sensoryVelocity, bound: .lower, value: 36.8, unit: "m/s",
            citation: Citation(
                "S6", "derived from the Buschbacher 2003 saphenous onset ULN: 14 cm / 3.8 ms (no velocity published)",
                .proposal)),
        NormEntry(
            study: .lateralFemoralCutaneous, measure: .onsetLatency, bound: .upper, value: 5.5, unit: "ms",
            citation: Citation("S6", "Spevak-Prevec, lateral femoral cutaneous (about 25 cm): onset ULN", .transcribed)),
        NormEntry(
            study: .lateralFemoralCutaneous, measure: .peakLatency, bound: .upper, value: 6.0, unit: "ms",
            citation: Citation("S6", "Spevak-Prevec, lateral femoral cutaneous (about 25 cm): peak ULN", .transcribed)),
        NormEntry(
            study: .lateralFemoralCutaneous, measure: .sensoryVelocity, bound: .lower, value: 51.3, unit: "m/s",
            citation: Citation("S6", "Spevak-Prevec, lateral femoral cutaneous: CV LLN", .transcribed)),
        NormEntry(
            study: .lateralFemoralCutaneous, measure: .velocityDifference, bound: .upper, value: 6, unit: "m/s",
            citation: Citation(
                "S6", "Spevak-Prevec, lateral femoral cutaneous: side-to-side CV never > 6 m/s", .transcribed)),
    ]

    // MARK: Late responses (evidence §1.7, evidence §1.8)

    private static let hReflex = "Buschbacher's Manual 2015, H reflex, n = 251: onset latency ULN"
    private static let tibialF = "Buschbacher's Manual 2015, tibial F wave (AH): minimal latency upper reference value"
    private static let peronealF =
        "Buschbacher's Manual 2015, peroneal F wave (EDB): minimal latency upper reference value"

    private static let lateResponses: [NormEntry] = [
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 47.6, unit: "ms", age: young,
            height: 0..<160,
            citation: Citation("S141", "\(tibialF), age 19-39, height < 160", .transcribed)),
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 53.2, unit: "ms", age: young,
            height: 160..<170,
            citation: Citation("S141", "\(tibialF), age 19-39, height 160-169", .transcribed)),
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 60.0, unit: "ms", age: young,
            height: 170..<180,
            citation: Citation("S141", "\(tibialF), age 19-39, height 170-179", .transcribed)),
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 61.9, unit: "ms", age: young,
            height: 180..<300,
            citation: Citation("S141", "\(tibialF), age 19-39, height >= 180", .transcribed)),
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 56.0, unit: "ms", age: older,
            height: 0..<160,
            citation: Citation("S141", "\(tibialF), age 40-79, height < 160", .transcribed)),
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 57.5, unit: "ms", age: older,
            height: 160..<170,
            citation: Citation("S141", "\(tibialF), age 40-79, height 160-169", .transcribed)),
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 61.1, unit: "ms", age: older,
            height: 170..<180,
            citation: Citation("S141", "\(tibialF), age 40-79, height 170-179", .transcribed)),
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 68.5, unit: "ms", age: older,
            height: 180..<300,
            citation: Citation("S141", "\(tibialF), age 40-79, height >= 180", .transcribed)),
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 61.4, unit: "ms",
            citation: Citation("S141", "\(tibialF), all subjects", .transcribed)),
        NormEntry(
            study: .peronealFWave, measure: .fMinimumLatency, bound: .upper, value: 48.6, unit: "ms", age: young,
            height: 0..<160,
            citation: Citation("S141", "\(peronealF), age 19-39, height < 160", .transcribed)),
        NormEntry(
            study: .peronealFWave, measure: .fMinimumLatency, bound: .upper, value: 54.5, unit: "ms", age: young,
            height: 160..<170,
            citation: Citation("S141", "\(peronealF), age 19-39, height 160-169", .transcribed)),
        NormEntry(
            study: .peronealFWave, measure: .fMinimumLatency, bound: .upper, value: 59.7, unit: "ms", age: young,
            height: 170..<300,
            citation: Citation("S141", "\(peronealF), age 19-39, height >= 170", .transcribed)),
        NormEntry(
            study: .peronealFWave, measure: .fMinimumLatency, bound: .upper, value: 55.0, unit: "ms", age: older,
            height: 0..<160,
            citation: Citation("S141", "\(peronealF), age 40-79, height < 160", .transcribed)),
        NormEntry(
            study: .peronealFWave, measure: .fMinimumLatency, bound: .upper, value: 58.8, unit: "ms", age: older,
            height: 160..<170,
            citation: Citation("S141", "\(peronealF), age 40-79, height 160-169", .transcribed)),
        NormEntry(
            study: .peronealFWave, measure: .fMinimumLatency, bound: .upper, value: 63.6, unit: "ms", age: older,
            height: 170..<300,
            citation: Citation("S141", "\(peronealF), age 40-79, height >= 170", .transcribed)),
        NormEntry(
            study: .peronealFWave, measure: .fMinimumLatency, bound: .upper, value: 61.2, unit: "ms",
            citation: Citation("S141", "\(peronealF), all subjects", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 29.8, unit: "ms", age: 19..<40, height: 0..<160,
            citation: Citation("S6", "\(hReflex), age 19-39, height < 160", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 32.3, unit: "ms", age: 19..<40,
            height: 160..<170,
            citation: Citation("S6", "\(hReflex), age 19-39, height 160-169", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 33.7, unit: "ms", age: 19..<40,
            height: 170..<180,
            citation: Citation("S6", "\(hReflex), age 19-39, height 170-179", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 35.9, unit: "ms", age: 19..<40,
            height: 180..<300,
            citation: Citation("S6", "\(hReflex), age 19-39, height >= 180", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 29.7, unit: "ms", age: 40..<50, height: 0..<160,
            citation: Citation("S6", "\(hReflex), age 40-49, height < 160", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 32.8, unit: "ms", age: 40..<50,
            height: 160..<170,
            citation: Citation("S6", "\(hReflex), age 40-49, height 160-169", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 33.5, unit: "ms", age: 40..<50,
            height: 170..<180,
            citation: Citation("S6", "\(hReflex), age 40-49, height 170-179", .transcribed)),
        // The transcription gives 33.5 ms (mean 32.7) for this cell, which is implausibly tight and
        // most likely a typo; the all-subjects ULN is used instead and the substitution is stated.
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 35.0, unit: "ms", age: 40..<50,
            height: 180..<300,
            citation: Citation(
                "S6",
                "\(hReflex), all subjects (the age 40-49, height >= 180 cell reads 33.5, likely a transcription "
                    + "error)", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 33.6, unit: "ms", age: 50..<80, height: 0..<160,
            citation: Citation("S6", "\(hReflex), age 50-79, height < 160", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 35.6, unit: "ms", age: 50..<80,
            height: 160..<170,
            citation: Citation("S6", "\(hReflex), age 50-79, height 160-169", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 35.6, unit: "ms", age: 50..<80,
            height: 170..<180,
            citation: Citation("S6", "\(hReflex), age 50-79, height 170-179", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 36.4, unit: "ms", age: 50..<80,
            height: 180..<300,
            citation: Citation("S6", "\(hReflex), age 50-79, height >= 180", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .hLatency, bound: .upper, value: 35.0, unit: "ms",
            citation: Citation("S6", "\(hReflex), all subjects (mean 30.3, SD 2.4)", .transcribed)),
        NormEntry(
            study: .hReflex, measure: .latencyDifference, bound: .upper, value: 2.0, unit: "ms",
            citation: Citation(
                ["S6", "S24", "S25"], "Manual side-to-side ULN 2.0 ms (1.8 ms in the elderly; 1.5 ms classic cut-off)",
                .transcribed)),
        NormEntry(
            study: .hReflex, measure: .amplitudeDrop, bound: .upper, value: 60, unit: "%",
            citation: Citation("S26", "smaller/larger side amplitude ratio < 0.4 is probably abnormal", .verified)),
    ]

    // MARK: Other lower-limb studies (evidence §1.3, §1.6; docs/clinical-model.md §2.9)

    private static let plantar = "Buschbacher's Manual 2015, plantar mixed nerve potentials, n = 41"

    private static let otherLeg: [NormEntry] = [
        NormEntry(
            study: .femoralMotor, measure: .distalLatency, bound: .upper, value: 7.4, unit: "ms",
            citation: Citation(
                "S6",
                "Buschbacher's Manual 2015, femoral motor to vastus medialis, n = 100: onset ULN (stimulation "
                    + "below the inguinal ligament; mean 6.0)", .transcribed)),
        // No amplitude limit is published for the femoral CMAP; a side-to-side drop beyond half is judged
        // abnormal, as for the other motor studies whose side-to-side limit is 50 % (TA, AH), and an axon
        // loss estimate of 50 % separated good from poor recovery (S153).
        NormEntry(
            study: .femoralMotor, measure: .amplitudeDrop, bound: .upper, value: 50, unit: "%",
            citation: Citation(
                ["S153", "S6"], "engine limit: no femoral side-to-side limit is published; 50 % as for TA and AH",
                .proposal)),
        NormEntry(
            study: .lateralPlantarMotor, measure: .distalLatency, bound: .upper, value: 8.3, unit: "ms",
            citation: Citation(
                ["S10", "S6"], "Buschbacher, tibial motor to FDMB, n = 205: onset ULN (mean 6.4)", .verified)),
        NormEntry(
            study: .lateralPlantarMotor, measure: .amplitude, bound: .lower, value: 2.8, unit: "mV", age: 19..<30,
            citation: Citation(
                ["S10", "S6"], "Buschbacher, tibial motor to FDMB: amplitude LLN, age 19-29", .transcribed)),
        NormEntry(
            study: .lateralPlantarMotor, measure: .amplitude, bound: .lower, value: 1.7, unit: "mV", age: 30..<60,
            citation: Citation(
                ["S10", "S6"], "Buschbacher, tibial motor to FDMB: amplitude LLN, age 30-59", .transcribed)),
        NormEntry(
            study: .lateralPlantarMotor, measure: .amplitude, bound: .lower, value: 1.0, unit: "mV", age: 60..<80,
            citation: Citation(
                ["S10", "S6"], "Buschbacher, tibial motor to FDMB: amplitude LLN, age 60-79", .transcribed)),
        NormEntry(
            study: .lateralPlantarMotor, measure: .amplitude, bound: .lower, value: 1.4, unit: "mV",
            citation: Citation(
                ["S10", "S6"], "Buschbacher, tibial motor to FDMB: amplitude LLN, all ages", .transcribed)),
        NormEntry(
            study: .lateralPlantarMotor, measure: .latencyDifference, bound: .upper, value: 1.5, unit: "ms",
            citation: Citation(
                "S10", "Buschbacher, tibial motor to FDMB: side-to-side latency, 97th percentile", .verified)),
        NormEntry(
            study: .lateralPlantarMotor, measure: .amplitudeDrop, bound: .upper, value: 58, unit: "%",
            citation: Citation("S10", "Buschbacher, tibial motor to FDMB: side-to-side amplitude drop", .verified)),
        NormEntry(
            study: .medialPlantarMixed, measure: .peakLatency, bound: .upper, value: 3.7, unit: "ms",
            citation: Citation("S6", "\(plantar): medial plantar peak latency ULN (mean 3.16)", .transcribed)),
        NormEntry(
            study: .lateralPlantarMixed, measure: .peakLatency, bound: .upper, value: 3.7, unit: "ms",
            citation: Citation("S6", "\(plantar): lateral plantar peak latency ULN (mean 3.15)", .transcribed)),
        NormEntry(
            study: .medialPlantarMixed, measure: .amplitude, bound: .lower, value: 8.7, unit: "µV", age: 18..<31,
            citation: Citation("S142", "Sharma 2022, medial plantar SNAP: LLN age 18-30", .verified)),
        NormEntry(
            study: .medialPlantarMixed, measure: .amplitude, bound: .lower, value: 7.5, unit: "µV", age: 31..<41,
            citation: Citation("S142", "Sharma 2022, medial plantar SNAP: LLN age 31-40", .verified)),
        NormEntry(
            study: .medialPlantarMixed, measure: .amplitude, bound: .lower, value: 3.7, unit: "µV", age: 41..<51,
            citation: Citation("S142", "Sharma 2022, medial plantar SNAP: LLN age 41-50", .verified)),
        NormEntry(
            study: .medialPlantarMixed, measure: .amplitude, bound: .lower, value: 2.9, unit: "µV", age: 51..<61,
            citation: Citation("S142", "Sharma 2022, medial plantar SNAP: LLN age 51-60", .verified)),
        NormEntry(
            study: .medialPlantarMixed, measure: .amplitude, bound: .lower, value: 2.0, unit: "µV", age: 61..<71,
            citation: Citation("S142", "Sharma 2022, medial plantar SNAP: LLN age 61-70", .verified)),
        NormEntry(
            study: .medialPlantarMixed, measure: .amplitude, bound: .lower, value: 1.4, unit: "µV", age: 71..<90,
            citation: Citation("S142", "Sharma 2022, medial plantar SNAP: LLN age 70 and over", .verified)),
        // The deep peroneal sensory study publishes only mean, SD and range: the range ends are the
        // only limits available, as for the superficial peroneal amplitude.
        NormEntry(
            study: .deepPeronealSensory, measure: .onsetLatency, bound: .upper, value: 3.6, unit: "ms",
            citation: Citation(
                "S6",
                "Buschbacher's Manual 2015, deep peroneal sensory, n = 40: highest value of the range 2.1-3.6, "
                    + "not a percentile", .transcribed)),
        NormEntry(
            study: .deepPeronealSensory, measure: .peakLatency, bound: .upper, value: 4.2, unit: "ms",
            citation: Citation(
                "S6",
                "Buschbacher's Manual 2015, deep peroneal sensory: highest value of the range 2.7-4.2, not a "
                    + "percentile", .transcribed)),
        NormEntry(
            study: .deepPeronealSensory, measure: .amplitude, bound: .lower, value: 1.6, unit: "µV",
            citation: Citation(
                "S6",
                "Buschbacher's Manual 2015, deep peroneal sensory: lowest value of the range 1.6-6.6 µV, not a "
                    + "percentile", .transcribed)),
    ]

    // MARK: Upper limb (for widespread processes)

    private static let upperLimb: [NormEntry] = [
        NormEntry(
            study: .medianMotor, measure: .distalLatency, bound: .upper, value: 4.5, unit: "ms",
            citation: Citation(
                "S136", "Buschbacher 1999, median motor to APB: onset latency 97th percentile", .transcribed)),
        NormEntry(
            study: .medianMotor, measure: .amplitude, bound: .lower, value: 5.9, unit: "mV", age: young,
            citation: Citation(
                "S136", "Buschbacher 1999, median motor to APB: amplitude 3rd percentile, age 19-39", .transcribed)),
        NormEntry(
            study: .medianMotor, measure: .amplitude, bound: .lower, value: 4.2, unit: "mV", age: 40..<60,
            citation: Citation(
                "S136", "Buschbacher 1999, median motor to APB: amplitude 3rd percentile, age 40-59", .transcribed)),
        NormEntry(
            study: .medianMotor, measure: .amplitude, bound: .lower, value: 3.8, unit: "mV", age: 60..<80,
            citation: Citation(
                "S136", "Buschbacher 1999, median motor to APB: amplitude 3rd percentile, age 60-79", .transcribed)),
        NormEntry(
            study: .medianMotor, measure: .amplitude, bound: .lower, value: 4.1, unit: "mV",
            citation: Citation(
                "S136", "Buschbacher 1999, median motor to APB: amplitude 3rd percentile, all ages", .transcribed)),
        NormEntry(
            study: .medianMotor, measure: .legVelocity, bound: .lower, value: 49, unit: "m/s",
            citation: Citation("S136", "Buschbacher 1999, median motor: forearm CV 3rd percentile", .transcribed)),
        NormEntry(
            study: .medianMotor, measure: .amplitudeDrop, bound: .upper, value: 54, unit: "%",
            citation: Citation(
                "S136", "Buschbacher 1999, median motor: side-to-side amplitude, 97th percentile", .transcribed)),
        NormEntry(
            study: .ulnarMotor, measure: .distalLatency, bound: .upper, value: 3.7, unit: "ms",
            citation: Citation(
                "S137", "Buschbacher 1999, ulnar motor to ADM: onset latency 97th percentile", .transcribed)),
        NormEntry(
            study: .ulnarMotor, measure: .amplitude, bound: .lower, value: 7.9, unit: "mV",
            citation: Citation(
                "S137", "Buschbacher 1999, ulnar motor to ADM: amplitude 3rd percentile (no age effect)", .transcribed)),
        NormEntry(
            study: .ulnarMotor, measure: .legVelocity, bound: .lower, value: 52, unit: "m/s",
            citation: Citation("S137", "Buschbacher 1999, ulnar motor: forearm CV 3rd percentile", .transcribed)),
        NormEntry(
            study: .ulnarMotor, measure: .amplitudeDrop, bound: .upper, value: 25, unit: "%",
            citation: Citation(
                "S137", "Buschbacher 1999, ulnar motor: side-to-side amplitude, 97th percentile", .transcribed)),
        NormEntry(
            study: .medianSensory, measure: .onsetLatency, bound: .upper, value: 3.3, unit: "ms",
            citation: Citation(
                "S138", "Buschbacher 1999, median sensory to digit 2, 14 cm: onset 97th percentile", .transcribed)),
        NormEntry(
            study: .medianSensory, measure: .peakLatency, bound: .upper, value: 4.0, unit: "ms",
            citation: Citation(
                "S138", "Buschbacher 1999, median sensory to digit 2, 14 cm: peak 97th percentile", .transcribed)),
        NormEntry(
            study: .medianSensory, measure: .amplitude, bound: .lower, value: 11, unit: "µV",
            citation: Citation(
                "S138", "Buschbacher 1999, median sensory to digit 2: amplitude 3rd percentile", .transcribed)),
        NormEntry(
            study: .ulnarSensory, measure: .onsetLatency, bound: .upper, value: 3.1, unit: "ms",
            citation: Citation(
                "S139", "Buschbacher 1999, ulnar sensory to digit 5, 14 cm: onset 97th percentile", .transcribed)),
        NormEntry(
            study: .ulnarSensory, measure: .peakLatency, bound: .upper, value: 4.0, unit: "ms",
            citation: Citation(
                "S139", "Buschbacher 1999, ulnar sensory to digit 5, 14 cm: peak 97th percentile", .transcribed)),
        NormEntry(
            study: .ulnarSensory, measure: .amplitude, bound: .lower, value: 10, unit: "µV",
            citation: Citation(
                "S139", "Buschbacher 1999, ulnar sensory to digit 5: amplitude 3rd percentile", .transcribed)),
        NormEntry(
            study: .radialSensory, measure: .peakLatency, bound: .upper, value: 2.8, unit: "ms",
            citation: Citation("S140", "Evanoff & Buschbacher 2006, radial sensory, 10 cm: peak ULN", .transcribed)),
        NormEntry(
            study: .radialSensory, measure: .amplitude, bound: .lower, value: 7, unit: "µV",
            citation: Citation(
                "S140", "Evanoff & Buschbacher 2006, radial sensory: onset-peak amplitude LLN", .transcribed)),
    ]
}
