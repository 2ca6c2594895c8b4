import EDXModel

/// How a canonical value is written back: names in words the lexicon reads, numbers in the shortest
/// form that reads back to the same `Double`.
enum Spelling {
    /// `5.2`, `47`, `0.25`: Swift's shortest round-trip form, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// `extensor-digitorum-brevis` → `Extensor digitorum brevis`.
    static func words(_ raw: String) -> String {
        let text = raw.split(separator: "-").joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    static func side(_ side: Side) -> String { side == .left ? "L" : "R" }

    static func sideWord(_ side: Side) -> String { side == .left ? "Left" : "Right" }

    static func sex(_ sex: Sex) -> String {
        switch sex {
        case .female: "F"
        case .male: "M"
        case .other: "O"
        case .unknown: "U"
        }
    }

    static func activity(_ activity: Activity) -> String {
        switch activity {
        case .normal: "Normal"
        case .increased: "Increased"
        case .decreased: "Decreased"
        }
    }

    static func recruitment(_ recruitment: Recruitment) -> String {
        switch recruitment {
        case .normal: "Normal"
        case .mildlyReduced: "Mildly reduced"
        case .reduced: "Reduced"
        case .discrete: "Discrete"
        case .none: "None"
        case .early: "Early"
        }
    }

    static func nerve(_ nerve: Nerve?, label: String) -> String { nerve.map { words($0.rawValue) } ?? label }
    static func recording(_ site: RecordingSite?, label: String) -> String { site.map { words($0.rawValue) } ?? label }
    static func site(_ site: StimulationSite?, label: String) -> String { site.map { words($0.rawValue) } ?? label }
    /// The muscle as the export named it when that name reads back as the same muscle (generic names
    /// and paraspinal ranges have no spelled-out canonical form that the importer reads), else its
    /// canonical name in words.
    static func muscle(_ muscle: Muscle?, label: String) -> String {
        guard let muscle else { return label }
        return Lexicon.muscle(label) == muscle ? label : words(muscle.rawValue)
    }
}
