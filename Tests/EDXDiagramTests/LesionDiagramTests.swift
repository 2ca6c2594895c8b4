import EDXAnatomy
import EDXFindings
import EDXLocalization
import EDXModel
import EDXTestSupport
import Testing

@testable import EDXDiagram

/// The lesion is drawn where the leading diagnosis puts it, on its side, and every mark shows what the
/// study found.
@Suite("Lesion diagram: site, side and marks")
struct LesionDiagramTests {
    /// The sites drawn as lesion on each leg.
    func lesionSites(_ layout: DiagramLayout) -> [Side: Set<DiagramSite>] {
        var sites: [Side: Set<DiagramSite>] = [:]
        for leg in layout.legs {
            sites[leg.side] = Set(leg.nodes.filter(\.lesion).map { .node($0.node) })
                .union(leg.roots.filter(\.lesion).map { .root($0.root) })
        }
        return sites
    }

    /// Whether the drawing outlines `box` with the lesion's thick stroke.
    func outlined(_ box: Rect, in drawing: Drawing) -> Bool {
        drawing.items.contains { item in
            guard case .rect(let rect, _) = item.shape, let stroke = item.stroke else { return false }
            return rect == box && stroke == Style.lesionStroke
        }
    }

    /// Every needle finding of a drawn leg is marked with its result; marks of muscles the study did not
    /// sample are never abnormal.
    func checkMarks(_ fixture: DiagramFixtures.Analysed, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let layout = fixture.layout
        let placed = layout.legs.flatMap(\.items)
        for finding in fixture.analysis.findings.muscles {
            guard let muscle = finding.muscle, layout.content.sides.contains(finding.side),
                DiagramContent.isDrawn(muscle)
            else { continue }
            let mark = placed.first { $0.item.kind == .muscle(muscle) && $0.item.side == finding.side }
            let expected: ItemStatus = finding.neurogenic || finding.myopathicFeatures ? .abnormal : .normal
            #expect(
                mark?.item.status == expected, "\(fixture.name): \(muscle) \(finding.side)",
                sourceLocation: sourceLocation)
        }
        let sampled = Set(
            fixture.study.needle.compactMap { exam in exam.muscle.map { [$0.rawValue, exam.side.rawValue] } })
        for mark in placed {
            guard case .muscle(let muscle) = mark.item.kind else { continue }
            if !sampled.contains([muscle.rawValue, mark.item.side.rawValue]) {
                #expect(
                    mark.item.status == .notTested, "\(fixture.name): \(muscle) was not sampled",
                    sourceLocation: sourceLocation)
            }
        }
    }

    @Test("Peroneal example: the left fibular head is the lesion, outlined and labelled; only the left leg")
    func peronealExample() throws {
        let fixture = try #require(DiagramFixtures.example("peroneal-fibular-head-left.xml"))
        let layout = fixture.layout
        #expect(layout.legs.map(\.side) == [.left])
        #expect(lesionSites(layout) == [.left: [.node(.fibularHead)]])
        let head = try #require(layout.legs[0].nodes.first { $0.node == .fibularHead })
        #expect(head.band > 0)
        #expect(outlined(head.box, in: layout.drawing))
        #expect(layout.legs[0].tags.map(\.text) == ["LESION"])
        #expect(layout.legs[0].tags.allSatisfy { head.box.overlaps($0.box) })
        #expect(layout.caption == "Left peroneal neuropathy at the fibular head")
        // The block across the fibular head is marked there, abnormal; TA and EHL abnormal, TP normal.
        let marks = layout.legs[0].items.map(\.item)
        #expect(
            marks.contains {
                $0.kind == .fibularHeadConduction && $0.status == .abnormal && $0.attachment == .node(.fibularHead)
            })
        #expect(marks.contains { $0.kind == .muscle(.tibialisAnterior) && $0.status == .abnormal })
        #expect(marks.contains { $0.kind == .muscle(.tibialisPosterior) && $0.status == .normal })
        // EDL was not sampled: shown as a test that would help, never as abnormal.
        #expect(marks.first { $0.kind == .muscle(.extensorDigitorumLongus) }?.status == .notTested)
        // The lines distal to the lesion are drawn in the lesion's colour, those above it are not.
        let emphasized = layout.legs[0].edges.filter { $0.emphasis == .lesion }
        #expect(!emphasized.isEmpty)
        #expect(emphasized.allSatisfy { min($0.from.y, $0.to.y) >= head.box.minY })
        checkMarks(fixture)
    }

    @Test("L5 example: the right L5 root is the lesion, with a tab over it; only the right leg")
    func l5Example() throws {
        let fixture = try #require(DiagramFixtures.example("l5-radiculopathy-right.csv"))
        let layout = fixture.layout
        #expect(layout.legs.map(\.side) == [.right])
        #expect(lesionSites(layout) == [.right: [.root(.l5)]])
        let root = try #require(layout.legs[0].roots.first { $0.root == .l5 })
        #expect(outlined(root.box, in: layout.drawing))
        let tab = try #require(layout.legs[0].tags.first)
        #expect(tab.box.maxY <= root.box.minY && tab.box.minX < root.box.midX && tab.box.maxX > root.box.midX)
        // The L5 paraspinal mark stands over the L5 root, abnormal.
        let paraspinal = try #require(
            layout.legs[0].items.first { $0.item.kind == .muscle(.paraspinalL5) })
        #expect(paraspinal.item.status == .abnormal)
        #expect(abs(paraspinal.marker.x - root.box.midX) < 0.01)
        checkMarks(fixture)
    }

    @Test("A sciatic case: the sciatic nerve (or the division the level names) on the expected side")
    func sciatic() throws {
        let row = try #require(DiagramFixtures.expected.first { $0.code == "sciatic-neuropathy" })
        let fixture = try #require(DiagramFixtures.fixtureCase(row.file))
        let side = try #require(Side(rawValue: row.side))
        let leading = try #require(fixture.analysis.localization.diagnoses.first)
        let layout = fixture.layout
        #expect(layout.legs.map(\.side) == [side])
        let expected: NerveNode =
            switch leading.level {
            case .sciaticPeronealDivision?: .sciaticPeronealDivision
            case .sciaticTibialDivision?: .sciaticTibialDivision
            default: .sciatic
            }
        #expect(lesionSites(layout) == [side: [.node(expected)]])
        checkMarks(fixture)
    }

    @Test(
        "Plexopathy cases: the plexus part the level names, or every part, on the expected side",
        arguments: DiagramFixtures.expected.filter { $0.code == "lumbosacral-plexopathy" }.map(\.file))
    func plexopathy(file: String) throws {
        let fixture = try #require(DiagramFixtures.fixtureCase(file))
        let side = try #require(Side(rawValue: DiagramFixtures.expected.first { $0.file == file }?.side ?? ""))
        let leading = try #require(fixture.analysis.localization.diagnoses.first)
        try #require(leading.code == .lumbosacralPlexopathy)
        let expected: Set<DiagramSite> =
            switch leading.level {
            case .lumbarPlexus?: [.node(.lumbarPlexus)]
            case .lumbosacralTrunk?: [.node(.lumbosacralTrunk)]
            case .sacralPlexus?: [.node(.sacralPlexus)]
            default: [.node(.lumbarPlexus), .node(.lumbosacralTrunk), .node(.sacralPlexus)]
            }
        let layout = fixture.layout
        #expect(layout.legs.map(\.side) == [side])
        #expect(lesionSites(layout) == [side: expected])
        for leg in layout.legs {
            for node in leg.nodes where node.lesion { #expect(outlined(node.box, in: layout.drawing)) }
        }
        checkMarks(fixture)
    }

    @Test("A normal study: both legs, no lesion, the caption says so")
    func normal() throws {
        let fixture = try #require(DiagramFixtures.firstCase(.normalStudy))
        let layout = fixture.layout
        #expect(layout.legs.map(\.side) == [.left, .right])
        #expect(lesionSites(layout).values.allSatisfy { $0.isEmpty })
        #expect(layout.legs.allSatisfy { $0.tags.isEmpty })
        #expect(layout.caption.hasPrefix("No lesion localized"))
        #expect(!layout.legend.contains { if case .lesionBox = $0.sample { true } else { false } })
        checkMarks(fixture)
    }

    @Test("A length-dependent polyneuropathy: both legs, the terminal branches hatched, without a LESION band")
    func polyneuropathy() throws {
        let fixture = try #require(DiagramFixtures.fixtureCase("52-polyneuropathy-sensorimotor-moderate.xml"))
        let leading = try #require(fixture.analysis.localization.diagnoses.first)
        try #require(leading.code == .polyneuropathy && leading.form == .lengthDependent)
        let layout = fixture.layout
        #expect(layout.legs.map(\.side) == [.left, .right])
        let distal: Set<DiagramSite> = [
            .node(.sural), .node(.anteriorTarsal), .node(.superficialPeronealCutaneous), .node(.medialPlantar),
            .node(.lateralPlantar),
        ]
        #expect(lesionSites(layout) == [.left: distal, .right: distal])
        #expect(layout.legs.allSatisfy { $0.tags.isEmpty })
        #expect(layout.legend.contains { $0.sample == .lesionBox(.lengthDependent) })
        checkMarks(fixture)
    }

    @Test("The distal nerves come from the tree: the leaves of the nerve holding the deepest branch")
    func distalNodes() {
        #expect(
            Set(SchematicTree.distalNodes) == [
                .sural, .anteriorTarsal, .superficialPeronealCutaneous, .medialPlantar, .lateralPlantar,
            ])
        #expect(SchematicTree.feeds(.lumbosacralTrunk) == .sacralPlexus)
        #expect(SchematicTree.feeds(.sacralPlexus) == nil)
    }

    @Test("Outside the model: no site, the pattern named in the caption")
    func outsideModel() throws {
        let fixture = try #require(DiagramFixtures.fixtureCase("74-outside-motor-neuron-disease.xml"))
        let layout = fixture.layout
        #expect(lesionSites(layout).values.allSatisfy { $0.isEmpty })
        #expect(layout.caption.contains("motor neuron disease"))
        #expect(layout.content.outsideLegs.studied > 0)
    }

    @Test(
        "Every case: the leading diagnosis's leg is drawn, its sites are on it, every needle result is marked")
    func everyCase() throws {
        for row in DiagramFixtures.expected {
            let fixture = try #require(DiagramFixtures.fixtureCase(row.file))
            let layout = fixture.layout
            let leading = fixture.analysis.localization.diagnoses.first
            if let side = leading?.side.side {
                // One leg, unless a coexisting diagnosis is of both (a polyneuropathy).
                let both = layout.content.coexisting.contains { $0.side == .bilateral }
                #expect(layout.legs.map(\.side) == (both ? [.left, .right] : [side]), "\(row.file)")
                let expected = Set(DiagramContent.sites(leading!.code, level: leading!.level))
                #expect(lesionSites(layout)[side]?.isSuperset(of: expected) == true, "\(row.file)")
            }
            checkMarks(fixture)
        }
    }
}
