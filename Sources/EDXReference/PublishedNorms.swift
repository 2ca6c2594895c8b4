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
                    + "below and above the fibular head; subjects with an accessory deep peroneal nerve excluded")
        case .peronealTA:
            Technique(
                "Buschbacher's Manual 2015: recording tibialis anterior, stimulation just below the fibular head "
                    + "and about 10 cm proximal at the lateral popliteal fossa; foot >= 31 C",
                minimumTemperatureC: 31)
        case .tibialAH:
            Technique(
                "Buschbacher 1999: recording abductor hallucis, ankle stimulation 8 cm from the active electrode, "
                    + "popliteal fossa stimulation")
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
            Technique("Tibial F waves recorded at abductor hallucis; 10-32 stimuli; not height-adjusted")
        case .peronealFWave:
            Technique("Peroneal F waves recorded at EDB; no published limit in the knowledge base")
        case .hReflex:
            Technique(
                "Buschbacher's Manual 2015: soleus recording, tibial stimulation at the popliteal fossa; ankle >= 31 C",
                minimumTemperatureC: 31)
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

    static let entries: [NormEntry] = peroneal + tibial + sensory + lateResponses

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
        NormEntry(
            study: .sural, measure: .sensoryVelocity, bound: .lower, value: 43, unit: "m/s",
            citation: Citation(
                "S3", "Zamoum 2022, sural CV LLN, ages 20-60 (different population and technique)", .verified)
        ),
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
            study: .lateralFemoralCutaneous, measure: .sensoryVelocity, bound: .lower, value: 51.3, unit: "m/s",
            citation: Citation("S6", "Spevak-Prevec, lateral femoral cutaneous: CV LLN", .transcribed)),
        NormEntry(
            study: .lateralFemoralCutaneous, measure: .velocityDifference, bound: .upper, value: 6, unit: "m/s",
            citation: Citation(
                "S6", "Spevak-Prevec, lateral femoral cutaneous: side-to-side CV never > 6 m/s", .transcribed)),
    ]

    // MARK: Late responses (evidence §1.7, evidence §1.8)

    private static let hReflex = "Buschbacher's Manual 2015, H reflex, n = 251: onset latency ULN"

    private static let lateResponses: [NormEntry] = [
        NormEntry(
            study: .tibialFWave, measure: .fMinimumLatency, bound: .upper, value: 56, unit: "ms",
            citation: Citation(
                ["S23", "S20"],
                "textbook lower-limb minimal F latency <= 55-56 ms (tibial mean 47.0, SD 4.1); "
                    + "no height nomogram available", .verified)),
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
}
