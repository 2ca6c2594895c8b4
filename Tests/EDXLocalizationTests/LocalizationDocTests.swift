import EDXAnatomy
import EDXFindings
import EDXModel
import EDXReference
import EDXTestSupport
import Testing

@testable import EDXLocalization

/// docs/localization.md shows the model's numbers: the tables of parameters are generated from
/// ``ParameterKey`` and the involvement tables from the model itself, and a test keeps them equal.
@Suite("docs/localization.md is current")
struct LocalizationDocTests {
    static let file = "docs/localization.md"

    /// The parameter groups shown in the document, by key prefix.
    static let groups: [(name: String, prefixes: [String])] = [
        ("background", ["background"]),
        ("root", ["root"]),
        (
            "nerve-tree",
            [
                "nerve", "plexus", "lumbar-plexus", "lumbosacral-trunk", "sacral-plexus", "sciatic",
                "sciatic-peroneal-division", "fibular-head", "anterior-tarsal", "tarsal-tunnel", "tibial",
            ]
        ),
        ("block", ["block"]),
        (
            "polyneuropathy",
            ["polyneuropathy", "demyelinating-polyneuropathy", "motor-axonal-neuropathy", "symmetric-process"]
        ),
        (
            "outside-model",
            ["motor-neuron-disease", "neuromuscular-junction", "myopathy", "unexplained", "reinnervation"]
        ),
        ("prior", ["prior"]),
        ("strength", ["strength"]),
        ("policy", ["policy", "probability"]),
        ("wording", ["wording"]),
    ]

    static func prefix(_ key: ParameterKey) -> String {
        String(key.rawValue.split(separator: ".").first ?? "")
    }

    @Test("Every parameter belongs to exactly one table of the document")
    func everyParameterShown() {
        for key in ParameterKey.allCases {
            let homes = Self.groups.filter { $0.prefixes.contains(Self.prefix(key)) }
            #expect(homes.count == 1, "\(key.rawValue)")
        }
    }

    @Test("The parameter tables are the model's", arguments: groups.map(\.name))
    func parameters(_ group: String) {
        let prefixes = Self.groups.first { $0.name == group }?.prefixes ?? []
        var rows = ParameterKey.allCases.filter { prefixes.contains(Self.prefix($0)) }.map { key in
            let p = key.parameter
            return [
                "`\(key.rawValue)`", Format.number(p.value, digits: 3), p.rationale,
                p.sources.isEmpty ? "-" : p.sources.joined(separator: ", "), p.evidence.tag,
            ]
        }
        if group == "background" {
            // Three background rates are published fractions, kept once in Criteria.
            for (name, threshold, what) in [
                ("paraspinalFibsInHealthy", Criteria.paraspinalFibsInHealthy, "paraspinal spontaneous activity"),
                (
                    "superficialPeronealAbsentOver60", Criteria.superficialPeronealAbsentOver60,
                    "superficial peroneal SNAP low or absent, over 60"
                ),
                ("saphenousAbsentInNormals", Criteria.saphenousAbsentInNormals, "saphenous SNAP low or absent"),
            ] {
                rows.append([
                    "`Criteria.\(name)` / 100", Format.number(threshold.value / 100, digits: 3), what,
                    threshold.citation.sources.joined(separator: ", "), threshold.citation.evidence.tag,
                ])
            }
        }
        let table = GeneratedDocs.table(["parameter", "value", "rationale", "sources", "evidence"], rows)
        if let failure = GeneratedDocs.check(table, in: Self.file, name: "parameters \(group)") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// Columns of the involvement tables: the lesions of the model, axonal mode.
    static let involvementTables: [(name: String, columns: [(String, Lesion)])] = [
        (
            "roots",
            [
                ("L3", .init(site: .root(.l3), side: .left)), ("L4", .init(site: .root(.l4), side: .left)),
                ("L5", .init(site: .root(.l5), side: .left)), ("S1", .init(site: .root(.s1), side: .left)),
                ("S2", .init(site: .root(.s2), side: .left)),
            ]
        ),
        (
            "plexus-and-sciatic",
            [
                ("whole plexus", .init(site: .node(.lumbosacralPlexus), side: .left)),
                ("lumbar plexus", .init(site: .node(.lumbarPlexus), side: .left)),
                ("LS trunk", .init(site: .node(.lumbosacralTrunk), side: .left)),
                ("sacral plexus", .init(site: .node(.sacralPlexus), side: .left)),
                ("sciatic", .init(site: .node(.sciatic), side: .left)),
                ("peroneal division", .init(site: .node(.sciaticPeronealDivision), side: .left)),
                ("tibial division", .init(site: .node(.sciaticTibialDivision), side: .left)),
            ]
        ),
        (
            "thigh-nerves",
            [
                ("femoral", .init(site: .node(.femoral), side: .left)),
                ("obturator", .init(site: .node(.obturator), side: .left)),
                ("saphenous", .init(site: .node(.saphenous), side: .left)),
                ("LFCN", .init(site: .node(.lateralFemoralCutaneous), side: .left)),
                ("sural", .init(site: .node(.sural), side: .left)),
            ]
        ),
        (
            "peroneal-and-tibial",
            [
                ("fibular head", .init(site: .node(.fibularHead), side: .left)),
                ("deep peroneal", .init(site: .node(.deepPeroneal), side: .left)),
                ("anterior tarsal", .init(site: .node(.anteriorTarsal), side: .left)),
                ("superficial peroneal", .init(site: .node(.superficialPeroneal), side: .left)),
                ("SP cutaneous", .init(site: .node(.superficialPeronealCutaneous), side: .left)),
                ("tibial", .init(site: .node(.tibial), side: .left)),
                ("tarsal tunnel", .init(site: .node(.tarsalTunnel), side: .left)),
                ("medial plantar", .init(site: .node(.medialPlantar), side: .left)),
                ("lateral plantar", .init(site: .node(.lateralPlantar), side: .left)),
            ]
        ),
        (
            "block",
            [
                ("FH block", .init(site: .node(.fibularHead), side: .left, mode: .block)),
                ("anterior tarsal block", .init(site: .node(.anteriorTarsal), side: .left, mode: .block)),
                ("tarsal tunnel block", .init(site: .node(.tarsalTunnel), side: .left, mode: .block)),
            ]
        ),
        (
            "diffuse",
            [
                ("length-dependent", .init(site: .diffuse(.lengthDependentPolyneuropathy), side: nil)),
                ("demyelinating", .init(site: .diffuse(.demyelinatingPolyneuropathy), side: nil)),
                ("motor axonal", .init(site: .diffuse(.motorAxonalNeuropathy), side: nil)),
                ("MND", .init(site: .diffuse(.motorNeuronDisease), side: nil)),
                ("junction", .init(site: .diffuse(.neuromuscularJunction), side: nil)),
                ("myopathy", .init(site: .diffuse(.myopathy), side: nil)),
            ]
        ),
    ]

    @Test("The involvement tables are the model evaluated", arguments: involvementTables.map(\.name))
    func involvement(_ name: String) {
        let columns = Self.involvementTables.first { $0.name == name }?.columns ?? []
        let model = Model(ageYears: nil)
        var rows: [[String]] = []
        for item in TestSuggestions.candidateItems(sides: [.left]) + Self.extraItems {
            let values = columns.map { model.involvement(item, by: $0.1) }
            guard values.contains(where: { $0 > 0 }) else { continue }
            rows.append([Self.name(item)] + values.map { $0 > 0 ? Format.number($0, digits: 2) : "-" })
        }
        let table = GeneratedDocs.table(["item (lesion's side)"] + columns.map(\.0), rows)
        if let failure = GeneratedDocs.check(table, in: Self.file, name: "involvement \(name)") {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// Items the model knows that suggested tests do not list.
    static let extraItems: [ModelItem] = [
        .muscle(.paraspinalLumbar, .left), .sensory(.deepPeroneal, .left), .sensory(.lateralFemoralCutaneous, .left),
        .cmap(.peronealTA, .left), .distalConduction(.peronealEDB, .left), .sensory(.medialPlantar, .left),
        .sensory(.lateralPlantar, .left), .sensory(.median, .left), .cmap(.lateralPlantarMotor, .left),
        .cmap(.femoralMotor, .left), .cmap(.medianMotor, .left), .distalConduction(.medianMotor, .left),
        .fWave(.peronealFWave, .left), .fWave(.tibialFWave, .left), .myopathic(.vastusLateralis, .left),
        .myopathic(.tibialisAnterior, .left),
    ]

    static func name(_ item: ModelItem) -> String {
        switch item {
        case .muscle(let m, _): Format.words(m.rawValue)
        case .myopathic(let m, _): "\(Format.words(m.rawValue)), myopathic units"
        case .reinnervation(let m, _): "\(Format.words(m.rawValue)), reinnervation"
        case .fWave(let r, _): "\(Format.words(r.rawValue)) F wave"
        case .sensory(let n, _): "\(Format.words(n.rawValue)) SNAP"
        case .cmap(let r, _): "\(Format.words(r.rawValue)) CMAP"
        case .fibularHeadConduction: "conduction across the fibular head"
        case .distalConduction(let r, _): "\(Format.words(r.rawValue)) distal latency"
        case .hReflex: "H reflex"
        }
    }
}
