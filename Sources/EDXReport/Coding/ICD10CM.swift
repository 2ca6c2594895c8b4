public import EDXLocalization

/// A suggested ICD-10-CM code. edx suggests; the physician codes from the documentation.
public struct CodeSuggestion: Codable, Sendable, Hashable {
    public var code: String
    public var description: String
    /// `left`, `right`, `bilateral`, or `not-coded` when the category has no laterality.
    public var laterality: String
    /// When the code applies, or what would change it.
    public var note: String?
    /// Always true: the code is a suggestion for the physician to confirm.
    public var suggestion: Bool
}

/// Suggested ICD-10-CM codes for each diagnosis.
///
/// Source: ICD-10-CM Tabular List, chapter 6 (G54 nerve root and plexus disorders, G57 mononeuropathies
/// of lower limb with the laterality sixth character 1 right, 2 left, 3 bilateral; G62 polyneuropathy)
/// and chapter 13 (M54.1 radiculopathy, by region, without laterality); FY2026 code set, read as
/// transcribed by code-lookup pages (icdlist.com G57.23 with its history; diseasedb.com G57.3
/// "lesion of lateral popliteal nerve", inclusion term peroneal nerve palsy; mirahealth.care M54.17
/// for the L5-S1 level) [T]. The choice of category for each edx diagnosis is ours [P].
public enum ICD10CM {
    /// The suggestions for one diagnosis: empty for a normal study or insufficient data.
    public static func suggestions(
        for code: DiagnosisCode, side: Laterality, level: LesionLevel? = nil, pattern: OutsidePattern? = nil
    ) -> [CodeSuggestion] {
        switch code {
        case .sciaticNeuropathy:
            return [limb("G57.0", "Lesion of sciatic nerve", side)]
        case .femoralNeuropathy:
            return [limb("G57.2", "Lesion of femoral nerve", side)]
        case .lateralFemoralCutaneousNeuropathy:
            return [
                limb(
                    "G57.1", "Meralgia paresthetica", side, note: "Includes lateral cutaneous nerve of thigh syndrome.")
            ]
        case .obturatorNeuropathy, .saphenousNeuropathy, .suralNeuropathy:
            let nerve =
                code == .obturatorNeuropathy ? "obturator" : code == .saphenousNeuropathy ? "saphenous" : "sural"
            return [
                limb(
                    "G57.8", "Other specified mononeuropathies of lower limb", side,
                    note: "The \(nerve) nerve has no category of its own.")
            ]
        case .peronealNeuropathyFibularHead:
            return [limb("G57.3", "Lesion of lateral popliteal nerve", side, note: "Includes peroneal nerve palsy.")]
        case .deepPeronealNeuropathy, .superficialPeronealNeuropathy:
            return [
                limb(
                    "G57.8", "Other specified mononeuropathies of lower limb", side,
                    note: "A branch of the peroneal nerve below the fibular head; G57.3- if the lesion is "
                        + "documented as the common peroneal nerve.")
            ]
        case .tibialNeuropathy:
            // The level, when the localization names it, picks one of the two categories.
            let popliteal = limb(
                "G57.4", "Lesion of medial popliteal nerve", side, note: "Tibial nerve at or above the knee.")
            let tarsal = limb("G57.5", "Tarsal tunnel syndrome", side, note: "Tibial nerve at the ankle.")
            switch level {
            case .tarsalTunnel?: return [tarsal]
            case .medialPlantar?, .lateralPlantar?:
                return [limb("G57.6", "Lesion of plantar nerve", side, note: "A plantar branch of the tibial nerve.")]
            case .poplitealFossaOrLeg?: return [popliteal]
            default: return [popliteal, tarsal]
            }
        case .l3Radiculopathy, .l4Radiculopathy:
            return [radicular("M54.16", "Radiculopathy, lumbar region")]
        case .l5Radiculopathy:
            return [
                radicular("M54.16", "Radiculopathy, lumbar region", extra: "M54.17 if the L5-S1 level is documented.")
            ]
        case .s1Radiculopathy:
            return [radicular("M54.17", "Radiculopathy, lumbosacral region")]
        case .lumbosacralPlexopathy:
            return [
                CodeSuggestion(
                    code: "G54.1", description: "Lumbosacral plexus disorders", laterality: "not-coded",
                    note: "The category has no laterality: state the side in the report.", suggestion: true)
            ]
        case .polyneuropathy:
            return [
                CodeSuggestion(
                    code: "G62.9", description: "Polyneuropathy, unspecified", laterality: "not-coded",
                    note: "A more specific code (for example diabetic, E11.42) once the cause is known.",
                    suggestion: true)
            ]
        case .outsideModel:
            // Only a sacral root lesion is a diagnosis the study itself makes; the other patterns are
            // coded once the clinical diagnosis is confirmed (docs/reports.md).
            return pattern == .sacralRoots
                ? [radicular("M54.18", "Radiculopathy, sacral and sacrococcygeal region")] : []
        case .normalStudy, .insufficientData:
            return []
        }
    }

    /// A G57 category code with its laterality character: 1 right, 2 left, 3 bilateral.
    private static func limb(_ category: String, _ title: String, _ side: Laterality, note: String? = nil)
        -> CodeSuggestion
    {
        let (digit, words) =
            switch side {
            case .right: ("1", "right lower limb")
            case .left: ("2", "left lower limb")
            case .bilateral: ("3", "bilateral lower limbs")
            }
        return CodeSuggestion(
            code: category + digit, description: "\(title), \(words)", laterality: side.rawValue, note: note,
            suggestion: true)
    }

    private static func radicular(_ code: String, _ description: String, extra: String? = nil) -> CodeSuggestion {
        let note = [
            "No laterality in this category: state the side in the report.", "M51.1- if due to a disc disorder.",
            extra,
        ]
        return CodeSuggestion(
            code: code, description: description, laterality: "not-coded",
            note: note.compactMap { $0 }.joined(separator: " "), suggestion: true)
    }
}
