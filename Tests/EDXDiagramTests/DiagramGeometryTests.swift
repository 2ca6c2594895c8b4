import EDXLocalization
import EDXModel
import Testing

@testable import EDXDiagram

/// The drawing fits its page region, its text is legible, and no two labels collide.
@Suite("Lesion diagram: geometry")
struct DiagramGeometryTests {
    static let fixtures: [DiagramFixtures.Analysed] =
        ["peroneal-fibular-head-left.xml", "l5-radiculopathy-right.csv"].compactMap(DiagramFixtures.example)
        + DiagramFixtures.expected.compactMap { DiagramFixtures.fixtureCase($0.file) }

    /// A label's box under the rough estimate of 0.55 × size per character, from its baseline start.
    static func estimated(_ text: String, at position: Point, size: Double) -> Rect {
        Rect(x: position.x, y: position.y - 0.72 * size, width: 0.55 * size * Double(text.count), height: 0.93 * size)
    }

    @Test("Every item lies inside the drawing, which is at most 500 x 360 pt")
    func bounds() {
        #expect(Self.fixtures.count >= 80)
        for fixture in Self.fixtures {
            let drawing = fixture.drawing
            #expect(
                drawing.width <= 500 && drawing.height <= 360, "\(fixture.name): \(drawing.width) x \(drawing.height)")
            let page = Rect(x: 0, y: 0, width: drawing.width, height: drawing.height)
            for item in drawing.items {
                let box = item.bounds
                #expect(
                    box.minX >= page.minX && box.minY >= page.minY && box.maxX <= page.maxX && box.maxY <= page.maxY,
                    "\(fixture.name): \(item.shape) outside \(drawing.width) x \(drawing.height)")
            }
        }
    }

    @Test("Text is at least 6.5 pt and printable ASCII")
    func text() {
        for fixture in Self.fixtures {
            for item in fixture.drawing.items {
                guard case .text(let string, _, let size, _, _) = item.shape else { continue }
                #expect(size >= Drawing.minimumTextSize, "\(fixture.name): \(string) at \(size) pt")
                #expect(
                    string.unicodeScalars.allSatisfy { (32...126).contains($0.value) }, "\(fixture.name): \(string)")
            }
        }
    }

    @Test("No two marks, labels or boxes overlap (labels estimated at 0.55 x size per character)")
    func noOverlaps() {
        for fixture in Self.fixtures {
            let layout = fixture.layout
            var boxes: [(String, Rect)] = []
            for leg in layout.legs {
                for item in leg.items {
                    var box = item.markerBox
                    if !item.label.isEmpty {
                        box = box.union(
                            Self.estimated(item.label, at: item.labelPosition, size: Metrics.textSize)
                        )
                        .union(item.labelBox)
                    }
                    boxes.append(("\(leg.side) \(item.label.isEmpty ? "\(item.item.kind)" : item.label)", box))
                }
                for node in leg.nodes { boxes.append(("\(leg.side) \(node.node)", node.box)) }
                for root in leg.roots { boxes.append(("\(leg.side) \(root.root)", root.box)) }
                for tag in leg.tags where !leg.nodes.contains(where: { $0.box.overlaps(tag.box) && $0.band > 0 }) {
                    boxes.append(("\(leg.side) tag", tag.box))
                }
            }
            for entry in layout.legend {
                boxes.append((entry.text, entry.sampleBox.union(entry.textBox)))
            }
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    #expect(
                        !boxes[i].1.overlaps(boxes[j].1, tolerance: 0.3),
                        "\(fixture.name): \(boxes[i].0) overlaps \(boxes[j].0)")
                }
            }
        }
    }

    @Test("The two legs of a bilateral diagram sit side by side, left first, within the width")
    func legsSideBySide() throws {
        let fixture = try #require(DiagramFixtures.firstCase(.normalStudy))
        let legs = fixture.layout.legs
        #expect(legs.count == 2)
        #expect(legs[0].side == .left && legs[1].side == .right)
        #expect(legs[0].frame.maxX < legs[1].frame.minX)
        #expect(legs[1].frame.maxX <= LesionDiagram.width)
    }

    @Test("A long second caption wraps within the width, at spaces")
    func wrap() {
        let text = String(repeating: "outside the legs (not drawn): 9 muscles or nerves studied; ", count: 4)
        let lines = DiagramLayout.wrap(text, width: 484)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { TextMetrics.width($0, size: Metrics.textSize) <= 484 })
        #expect(lines.joined(separator: " ") == text.split(separator: " ").joined(separator: " "))
    }

    @Test("The same study draws the same diagram")
    func deterministic() throws {
        let fixture = try #require(DiagramFixtures.example("peroneal-fibular-head-left.xml"))
        let again = try #require(DiagramFixtures.example("peroneal-fibular-head-left.xml"))
        #expect(fixture.drawing == again.drawing)
        #expect(fixture.svg == again.svg)
    }
}
