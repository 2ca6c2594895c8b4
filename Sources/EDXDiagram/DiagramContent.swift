package import EDXAnatomy
package import EDXFindings
package import EDXLocalization
package import EDXModel
import EDXReference

/// What a mark on the schematic stands for.
package enum DiagramItemKind: Hashable, Sendable {
    /// A muscle sampled by needle EMG (or a generic name of a group of muscles).
    case muscle(Muscle)
    /// A sensory (or mixed) nerve action potential.
    case sensory(Nerve)
    /// A motor conduction study: the CMAP of its recording muscle.
    case motor(StudyKey)
    /// Motor conduction across the fibular head (stimulation below and above it).
    case fibularHeadConduction
    /// The H reflex.
    case hReflex
}

/// The result a mark shows.
package enum ItemStatus: Hashable, Sendable, CaseIterable {
    case abnormal
    case normal
    /// Studied, but nothing could be judged (no limit and no other side to compare with).
    case unclassified
    /// Not studied, and it matters for the leading diagnosis.
    case notTested
}

/// Where a mark hangs on the schematic.
package enum Attachment: Hashable, Sendable {
    /// On a branch of the nerve tree.
    case node(NerveNode)
    /// In the paraspinal row, over the roots that supply it (the dorsal rami).
    case paraspinal([Root])
}

/// One mark: a study or muscle of one leg, where it hangs and what it showed.
package struct DiagramItem: Hashable, Sendable {
    package var kind: DiagramItemKind
    package var side: Side
    package var status: ItemStatus
    package var attachment: Attachment
    /// Position along its branch, proximal first (``EDXAnatomy/Attachment/order``), then by kind.
    package var order: Int
}

/// A place of the schematic drawn as the lesion.
package enum DiagramSite: Hashable, Sendable {
    case root(Root)
    case node(NerveNode)
}

/// A lesion to draw: its sites on one leg.
package struct LesionMark: Hashable, Sendable {
    package var sites: [DiagramSite]
    package var side: Side
    /// How it is drawn: one focal lesion, or the parts a diffuse process reaches.
    package var extent: LesionExtent
}

/// The shape of a drawn lesion.
package enum LesionExtent: Hashable, Sendable {
    /// One site (or the parts of one plexus or one nerve).
    case focal
    /// The distal nerves of a length-dependent process.
    case lengthDependent
    /// Every nerve of the leg: a polyneuropathy that is not length-dependent.
    case diffuse
}

/// Everything the diagram shows, derived from the study, its findings and its leading diagnosis,
/// before any geometry.
package struct DiagramContent: Hashable, Sendable {
    /// The legs drawn, left first.
    package var sides: [Side]
    package var lesions: [LesionMark]
    /// The marks of the drawn legs.
    package var items: [DiagramItem]
    /// The leading diagnosis, nil when the analysis has none.
    package var leading: Diagnosis?
    /// The diagnoses the leading one coexists with, as listed in the differential.
    package var coexisting: [Diagnosis]
    /// Muscles and nerves studied outside the legs (arms, trunk, cranial muscles): not drawn, counted.
    package var outsideLegs: OutsideCount

    /// How many muscles and nerves were studied outside the legs, and how many of them were abnormal.
    package struct OutsideCount: Hashable, Sendable {
        package var studied = 0
        package var abnormal = 0
    }

    package init(study: Study, analysis: StudyAnalysis) {
        let findings = analysis.findings
        let diagnoses = analysis.localization.diagnoses
        leading = diagnoses.first
        coexisting = (leading?.coexisting ?? []).compactMap { code in diagnoses.dropFirst().first { $0.code == code } }

        var studied = Self.studiedItems(study, findings)
        let examined = Set(studied.map(\.side))
        let shown = [leading].compactMap { $0 } + coexisting
        let sides = Self.sides(for: shown, examined: examined)
        self.sides = sides
        let drawn = Set(sides)
        for diagnosis in [leading].compactMap({ $0 }) + coexisting {
            for untested in diagnosis.notTested {
                guard case .item(let item) = untested, let mark = Self.untestedItem(item), drawn.contains(mark.side),
                    !studied.contains(where: { $0.kind == mark.kind && $0.side == mark.side })
                else { continue }
                studied.append(mark)
            }
        }
        items = studied.filter { drawn.contains($0.side) }.sorted { ($0.side, $0.order) < ($1.side, $1.order) }
        lesions = shown.flatMap { Self.lesions(of: $0, sides: sides) }

        var outside = OutsideCount()
        for muscle in findings.muscles where muscle.muscle.map({ !Self.isDrawn($0) }) ?? false {
            outside.studied += 1
            if muscle.neurogenic || muscle.myopathicFeatures { outside.abnormal += 1 }
        }
        for nerve in Set(findings.measurements.compactMap(\.nerve)) where !nerve.isLowerLimb {
            outside.studied += 1
            if findings.nerves.contains(where: { $0.nerve == nerve && $0.kind.isAbnormal }) { outside.abnormal += 1 }
        }
        outsideLegs = outside
    }

    // MARK: Which legs

    /// The leg of a one-sided diagnosis; both examined legs for a bilateral one (a polyneuropathy, a
    /// normal study, a pattern outside the model); both legs when none was examined.
    static func sides(for diagnoses: [Diagnosis], examined: Set<Side>) -> [Side] {
        var sides = Set<Side>()
        for diagnosis in diagnoses {
            if let side = diagnosis.side.side {
                sides.insert(side)
            } else {
                sides.formUnion(examined.isEmpty ? Set(Side.allCases) : examined)
            }
        }
        if sides.isEmpty { sides = examined.isEmpty ? Set(Side.allCases) : examined }
        return sides.sorted()
    }

    // MARK: The lesion

    /// The sites a diagnosis names, from its code, side and level.
    static func lesions(of diagnosis: Diagnosis, sides: [Side]) -> [LesionMark] {
        if diagnosis.code == .polyneuropathy {
            let extent: LesionExtent =
                switch diagnosis.form {
                case .lengthDependent?, .lengthDependentSensory?, nil: .lengthDependent
                case .demyelinating?, .motorAxonal?: .diffuse
                }
            let sites = extent == .lengthDependent ? SchematicTree.distalNodes : SchematicTree.peripheralNodes
            return sides.map { LesionMark(sites: sites.map(DiagramSite.node), side: $0, extent: extent) }
        }
        guard let side = diagnosis.side.side, sides.contains(side) else { return [] }
        let sites = Self.sites(diagnosis.code, level: diagnosis.level)
        return sites.isEmpty ? [] : [LesionMark(sites: sites, side: side, extent: .focal)]
    }

    /// The sites of a focal diagnosis: a root, a plexus part, a nerve or the segment of a nerve.
    static func sites(_ code: DiagnosisCode, level: LesionLevel?) -> [DiagramSite] {
        switch code {
        case .l3Radiculopathy: return [.root(.l3)]
        case .l4Radiculopathy: return [.root(.l4)]
        case .l5Radiculopathy: return [.root(.l5)]
        case .s1Radiculopathy: return [.root(.s1)]
        case .lumbosacralPlexopathy:
            switch level {
            case .lumbarPlexus?: return [.node(.lumbarPlexus)]
            case .lumbosacralTrunk?: return [.node(.lumbosacralTrunk)]
            case .sacralPlexus?: return [.node(.sacralPlexus)]
            default: return SchematicTree.plexusParts.map(DiagramSite.node)
            }
        case .sciaticNeuropathy:
            switch level {
            case .sciaticPeronealDivision?: return [.node(.sciaticPeronealDivision)]
            case .sciaticTibialDivision?: return [.node(.sciaticTibialDivision)]
            default: return [.node(.sciatic)]
            }
        case .peronealNeuropathyFibularHead:
            switch level {
            case .aboveFibularHead?: return [.node(.commonPeroneal)]
            case .commonPeronealSiteNotLocalized?: return [.node(.commonPeroneal), .node(.fibularHead)]
            default: return [.node(.fibularHead)]
            }
        case .deepPeronealNeuropathy:
            return [.node(level == .anteriorTarsalTunnel ? .anteriorTarsal : .deepPeroneal)]
        case .superficialPeronealNeuropathy:
            return [
                .node(level == .superficialPeronealSensoryBranch ? .superficialPeronealCutaneous : .superficialPeroneal)
            ]
        case .tibialNeuropathy:
            switch level {
            case .tarsalTunnel?: return [.node(.tarsalTunnel)]
            case .medialPlantar?: return [.node(.medialPlantar)]
            case .lateralPlantar?: return [.node(.lateralPlantar)]
            default: return [.node(.tibial)]
            }
        case .femoralNeuropathy: return [.node(.femoral)]
        case .obturatorNeuropathy: return [.node(.obturator)]
        case .saphenousNeuropathy: return [.node(.saphenous)]
        case .lateralFemoralCutaneousNeuropathy: return [.node(.lateralFemoralCutaneous)]
        case .suralNeuropathy: return [.node(.sural)]
        case .polyneuropathy, .outsideModel, .normalStudy, .insufficientData: return []
        }
    }

    // MARK: The marks

    /// Whether a muscle has a place on the schematic.
    static func isDrawn(_ muscle: Muscle) -> Bool { attachment(of: muscle) != nil }

    /// Where a muscle hangs: its branch, the branch its group shares, or its roots for a paraspinal.
    static func attachment(of muscle: Muscle) -> Attachment? {
        if let anatomy = Anatomy.muscles[muscle] {
            if let node = anatomy.node { return .node(node) }
            let main = anatomy.roots.filter { $0.value == .main }.map(\.key).sorted()
            return muscle.isParaspinal && !main.isEmpty ? .paraspinal(main) : nil
        }
        guard let members = Anatomy.groups[muscle] else { return nil }
        return SchematicTree.commonAncestor(members.compactMap { Anatomy.muscles[$0]?.node }).map(Attachment.node)
    }

    /// The muscle a motor study records from.
    static func recordingMuscle(_ key: StudyKey) -> Muscle? {
        if let reference = key.reference, let muscle = Anatomy.motorRecordings[reference] { return muscle }
        return key.recording.flatMap(DiagramLabels.muscle(recordedAt:))
    }

    /// The rank of an item along its branch: by the anatomy's order, muscles before conduction studies
    /// before sensory responses.
    static func order(_ kind: DiagramItemKind) -> Int {
        func rank(_ muscle: Muscle?) -> Int {
            guard let muscle else { return 0 }
            let index = Muscle.allCases.firstIndex(of: muscle) ?? 0
            return (Anatomy.muscles[muscle]?.order ?? 0) * 1000 + index
        }
        switch kind {
        case .muscle(let muscle): return rank(muscle)
        case .motor(let key): return 100_000 + rank(recordingMuscle(key))
        case .fibularHeadConduction: return 200_000
        case .hReflex: return 300_000
        case .sensory(let nerve): return 400_000 + (Anatomy.sensoryNerves[nerve]?.order ?? 0)
        }
    }

    static func attachment(of kind: DiagramItemKind, recording: RecordingSite? = nil) -> Attachment? {
        switch kind {
        case .muscle(let muscle): return attachment(of: muscle)
        case .sensory(let nerve): return Anatomy.sensoryNerves[nerve]?.node.map(Attachment.node)
        case .motor(let key): return recordingMuscle(key).flatMap { Anatomy.muscles[$0]?.node }.map(Attachment.node)
        case .fibularHeadConduction: return .node(.fibularHead)
        case .hReflex:
            let muscle = recording.flatMap(DiagramLabels.muscle(recordedAt:)) ?? DiagramLabels.hReflexRecording
            return Anatomy.muscles[muscle]?.node.map(Attachment.node)
        }
    }

    static func item(_ kind: DiagramItemKind, _ side: Side, _ status: ItemStatus, recording: RecordingSite? = nil)
        -> DiagramItem?
    {
        attachment(of: kind, recording: recording).map {
            DiagramItem(kind: kind, side: side, status: status, attachment: $0, order: order(kind))
        }
    }

    /// Every lower-limb study and muscle of the study, with its result from the findings.
    static func studiedItems(_ study: Study, _ findings: StudyFindings) -> [DiagramItem] {
        var items: [DiagramItem] = []
        func add(_ item: DiagramItem?) {
            guard let item else { return }
            if let index = items.firstIndex(where: { $0.kind == item.kind && $0.side == item.side }) {
                items[index].status = merged(items[index].status, item.status)
            } else {
                items.append(item)
            }
        }
        for exam in study.needle {
            guard let muscle = exam.muscle else { continue }
            let finding = findings.muscles.first { $0.muscle == muscle && $0.side == exam.side }
            let status: ItemStatus =
                finding.map { $0.neurogenic || $0.myopathicFeatures ? .abnormal : .normal } ?? .unclassified
            add(item(.muscle(muscle), exam.side, status))
        }
        for sensory in study.sensory {
            guard let nerve = sensory.nerve, nerve.isLowerLimb else { continue }
            add(item(.sensory(nerve), sensory.side, status(of: StudyKey(sensory), sensory.side, findings)))
        }
        for motor in study.motor {
            guard motor.nerve?.isLowerLimb ?? false else { continue }
            let key = StudyKey(motor)
            add(item(.motor(key), motor.side, status(of: key, motor.side, findings)))
            if key.nerve == .peroneal,
                motor.sites.contains(where: { $0.site == .aboveFibularHead })
                    && motor.sites.contains(where: { $0.site == .belowFibularHead })
            {
                add(item(.fibularHeadConduction, motor.side, fibularHeadStatus(motor.side, findings)))
            }
        }
        for reflex in study.hReflexes where reflex.nerve?.isLowerLimb ?? true {
            add(
                item(
                    .hReflex, reflex.side, status(of: StudyKey(reflex), reflex.side, findings),
                    recording: reflex.recording))
        }
        return items
    }

    /// Two results of the same mark (a muscle sampled twice, two techniques): the worse wins.
    static func merged(_ a: ItemStatus, _ b: ItemStatus) -> ItemStatus {
        let rank: [ItemStatus] = [.abnormal, .normal, .unclassified, .notTested]
        return rank.first { $0 == a || $0 == b } ?? a
    }

    /// A conduction study of one side: abnormal with an abnormal finding of its own (slowing that
    /// cooling explains does not count; what happens across the fibular head is its own mark),
    /// normal when a value was judged, else unclassified.
    static func status(of key: StudyKey, _ side: Side, _ findings: StudyFindings) -> ItemStatus {
        let abnormal = findings.nerves.contains { finding in
            finding.study == key && finding.side == side && finding.kind.isAbnormal
                && !finding.possiblyTemperatureRelated && !acrossFibularHead(finding)
        }
        if abnormal { return .abnormal }
        let measured = findings.measurements.filter { $0.study == key && $0.side == side }
        if measured.contains(where: {
            $0.classification.isAbnormal && !$0.possiblyTemperatureRelated && $0.measure != .acrossFibularHeadVelocity
        }) {
            return .abnormal
        }
        let compared = findings.comparisons.contains { $0.study == key }
        return measured.contains { $0.classification != .unclassified } || compared ? .normal : .unclassified
    }

    /// Whether a nerve finding is about the segment across the fibular head.
    static func acrossFibularHead(_ finding: NerveFinding) -> Bool {
        switch finding.location {
        case .acrossFibularHead?: true
        case .segment(let segment)?: segment.joins(.belowFibularHead, .aboveFibularHead)
        default: finding.kind == .focalSlowing
        }
    }

    /// Conduction across the fibular head: abnormal with a block, dispersion or focal slowing there.
    static func fibularHeadStatus(_ side: Side, _ findings: StudyFindings) -> ItemStatus {
        let abnormal = findings.nerves.contains { finding in
            finding.side == side && finding.nerve == .peroneal && acrossFibularHead(finding)
                && [.conductionBlock, .temporalDispersion, .focalSlowing].contains(finding.kind)
        }
        return abnormal ? .abnormal : .normal
    }

    /// A test the leading diagnosis lacks, as a mark.
    static func untestedItem(_ item: ModelItem) -> DiagramItem? {
        switch item {
        case .muscle(let muscle, let side): self.item(.muscle(muscle), side, .notTested)
        case .sensory(let nerve, let side): self.item(.sensory(nerve), side, .notTested)
        case .fibularHeadConduction(let side): self.item(.fibularHeadConduction, side, .notTested)
        case .hReflex(let side): self.item(.hReflex, side, .notTested)
        case .cmap, .myopathic, .reinnervation, .distalConduction, .fWave: nil
        }
    }
}
