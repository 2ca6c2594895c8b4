/// Colours and line widths of the diagram. Every mark differs by shape or fill as well as by colour,
/// so the diagram reads in black and white.
enum Style {
    static let ink = RGB.grey(0.1)
    static let line = RGB.grey(0.35)
    static let faintLine = RGB.grey(0.72)
    static let faintText = RGB.grey(0.5)
    static let lesion = RGB(0.80, 0.10, 0.05)
    static let lesionFill = RGB(1.0, 0.91, 0.87)
    static let hatch = RGB(0.93, 0.55, 0.50)
    static let abnormal = RGB(0.62, 0.02, 0.02)
    static let normal = RGB(0.0, 0.45, 0.20)
    static let unclassified = RGB.grey(0.45)
    static let notTested = RGB.grey(0.6)

    static let nodeStroke = Stroke(RGB.grey(0.3), width: 0.7)
    static let unstudiedStroke = Stroke(RGB.grey(0.68), width: 0.6, dash: [2, 1.5])
    static let lesionStroke = Stroke(lesion, width: 2.0)
}

extension DiagramLayout {
    /// The diagram as primitives: background, caption, each leg (lines, boxes, marks, lesion tags),
    /// legend.
    package var drawing: Drawing {
        var items: [DrawingItem] = []
        items.append(
            DrawingItem(
                .text(caption, position: captionPosition, size: LesionDiagram.captionSize, bold: true, anchor: .start),
                fill: Style.ink))
        for (index, line) in subcaption.enumerated() {
            let position = Point(
                subcaptionPosition.x, subcaptionPosition.y + Double(index) * DiagramLayout.subcaptionStep)
            items.append(
                DrawingItem(
                    .text(line, position: position, size: Metrics.textSize, bold: false, anchor: .start),
                    fill: RGB.grey(0.3)))
        }
        for (index, leg) in legs.enumerated() {
            if index > 0 {
                let x = (legs[index - 1].frame.maxX + leg.frame.minX) / 2
                items.append(
                    DrawingItem(
                        .line(from: Point(x, leg.frame.minY), to: Point(x, leg.frame.maxY)),
                        stroke: Stroke(RGB.grey(0.8), width: 0.5)))
            }
            items += Self.primitives(leg)
        }
        for entry in legend {
            items += Self.sample(entry.sample, in: entry.sampleBox)
            items.append(
                DrawingItem(
                    .text(
                        entry.text, position: entry.textPosition, size: Metrics.textSize, bold: false, anchor: .start),
                    fill: Style.ink))
        }
        return Drawing(width: width, height: height, items: items)
    }

    static func primitives(_ leg: LegSchematic) -> [DrawingItem] {
        var items: [DrawingItem] = [
            DrawingItem(
                .text(leg.title, position: leg.titlePosition, size: Metrics.titleSize, bold: true, anchor: .start),
                fill: Style.ink)
        ]
        // Lines first, then the lesion's own on top of them.
        for emphasis in [PlacedEdge.Emphasis.faint, .normal, .lesion] {
            for edge in leg.edges where edge.emphasis == emphasis {
                let stroke: Stroke =
                    switch emphasis {
                    case .faint: Stroke(Style.faintLine, width: 0.6)
                    case .normal: Stroke(Style.line, width: 0.8)
                    case .lesion: Stroke(Style.lesion, width: 1.4)
                    }
                items.append(DrawingItem(.line(from: edge.from, to: edge.to), stroke: stroke))
            }
        }
        for root in leg.roots {
            items += box(
                root.box, lines: [DiagramLabels.root(root.root)], studied: true, lesion: root.lesion,
                title: root.lesion
                    ? DiagramLabels.side(leg.side) + " " + DiagramLabels.root(root.root) + " root: lesion" : nil)
        }
        for node in leg.nodes {
            items += box(
                node.box, lines: node.lines, studied: node.studied, lesion: node.lesion, band: node.band,
                title: node.lesion
                    ? DiagramLabels.side(leg.side) + " " + node.lines.joined(separator: " ") + ": lesion" : nil)
        }
        if let text = leg.paraspinalText {
            items.append(
                DrawingItem(
                    .text(text, position: leg.paraspinalPosition, size: Metrics.textSize, bold: false, anchor: .start),
                    fill: RGB.grey(0.3)))
        }
        for placed in leg.items {
            items += marker(
                placed.item.kind, placed.item.status, at: placed.marker, title: DiagramLabels.itemTitle(placed.item))
            if !placed.label.isEmpty {
                let (color, bold) = labelStyle(placed.item.status)
                items.append(
                    DrawingItem(
                        .text(
                            placed.label, position: placed.labelPosition, size: Metrics.textSize, bold: bold,
                            anchor: .start),
                        fill: color))
            }
        }
        for tag in leg.tags {
            items.append(DrawingItem(.rect(tag.box, cornerRadius: 2), fill: Style.lesion))
            items.append(
                DrawingItem(
                    .text(
                        tag.text, position: Point(tag.box.midX, tag.box.midY + 0.36 * Metrics.textSize),
                        size: Metrics.textSize, bold: true, anchor: .middle),
                    fill: RGB.white))
        }
        return items
    }

    /// A labelled box: plain, dashed and grey when nothing was studied below it, or the lesion (pale
    /// fill, hatching, thick outline, bold label).
    static func box(_ rect: Rect, lines: [String], studied: Bool, lesion: Bool, band: Double = 0, title: String?)
        -> [DrawingItem]
    {
        var items: [DrawingItem] = []
        if lesion {
            items.append(DrawingItem(.rect(rect, cornerRadius: 2), fill: Style.lesionFill, title: title))
            items += hatch(rect)
            items.append(DrawingItem(.rect(rect, cornerRadius: 2), stroke: Style.lesionStroke))
        } else {
            items.append(
                DrawingItem(
                    .rect(rect, cornerRadius: 2), stroke: studied ? Style.nodeStroke : Style.unstudiedStroke,
                    fill: RGB.white))
        }
        for (index, line) in lines.enumerated() {
            let baseline = rect.minY + band + 7.18 + Metrics.lineStep * Double(index)
            items.append(
                DrawingItem(
                    .text(
                        line, position: Point(rect.midX, baseline), size: Metrics.textSize, bold: lesion,
                        anchor: .middle),
                    fill: studied || lesion ? Style.ink : Style.faintText))
        }
        return items
    }

    /// Diagonal lines across a box, inside it.
    static func hatch(_ rect: Rect, spacing: Double = 3.2) -> [DrawingItem] {
        var items: [DrawingItem] = []
        let inner = rect.insetBy(1)
        var c = inner.minX - inner.height + spacing / 2
        while c < inner.maxX {
            // The line x = c + (maxY - y), clipped to the box.
            var start = Point(c, inner.maxY)
            var end = Point(c + inner.height, inner.minY)
            if start.x < inner.minX { start = Point(inner.minX, inner.maxY - (inner.minX - c)) }
            if end.x > inner.maxX { end = Point(inner.maxX, inner.maxY - (inner.maxX - c)) }
            if end.x - start.x > 0.3 {
                items.append(DrawingItem(.line(from: start, to: end), stroke: Stroke(Style.hatch, width: 0.5)))
            }
            c += spacing
        }
        return items
    }

    static func labelStyle(_ status: ItemStatus) -> (RGB, Bool) {
        switch status {
        case .abnormal: (Style.abnormal, true)
        case .normal: (Style.ink, false)
        case .unclassified: (Style.unclassified, false)
        case .notTested: (Style.notTested, false)
        }
    }

    /// A mark: a circle for a muscle, a triangle for a sensory response, a square for a motor
    /// conduction study; filled dark red when abnormal, open green when normal, open grey when it could
    /// not be judged, dashed grey when not tested.
    static func marker(_ kind: DiagramItemKind?, _ status: ItemStatus, at p: Point, title: String?) -> [DrawingItem] {
        let r = Metrics.markerRadius
        let (stroke, fill): (Stroke, RGB?) =
            switch status {
            case .abnormal: (Stroke(Style.abnormal, width: 0.8), Style.abnormal)
            case .normal: (Stroke(Style.normal, width: 1.0), RGB.white)
            case .unclassified: (Stroke(Style.unclassified, width: 0.8), RGB.white)
            case .notTested: (Stroke(Style.notTested, width: 0.8, dash: [1.2, 0.9]), RGB.white)
            }
        let shape: DrawingItem.Shape =
            switch kind {
            case .sensory?:
                .polyline(
                    [Point(p.x, p.y - r - 0.6), Point(p.x + r + 0.4, p.y + r), Point(p.x - r - 0.4, p.y + r)],
                    closed: true)
            case .motor?, .fibularHeadConduction?, .hReflex?:
                .rect(
                    Rect(x: p.x - r + 0.3, y: p.y - r + 0.3, width: 2 * r - 0.6, height: 2 * r - 0.6), cornerRadius: 0)
            case .muscle?, nil:
                .circle(center: p, radius: r)
            }
        return [DrawingItem(shape, stroke: stroke, fill: fill, title: title)]
    }

    /// The sample of a legend entry.
    static func sample(_ sample: LegendEntry.Sample, in box: Rect) -> [DrawingItem] {
        switch sample {
        case .marker(let kind, let status):
            let shapeOnly = kind != nil
            var items = marker(kind, status, at: Point(box.midX, box.midY), title: nil)
            if shapeOnly {
                items = items.map { DrawingItem($0.shape, stroke: Stroke(Style.ink, width: 0.8), fill: RGB.white) }
            }
            return items
        case .lesionBox(let extent):
            var items = Self.box(box, lines: [], studied: true, lesion: true, title: nil)
            if extent == .focal {
                items.append(
                    DrawingItem(
                        .rect(Rect(x: box.minX, y: box.minY, width: box.width, height: 3), cornerRadius: 0),
                        fill: Style.lesion))
            }
            return items
        case .unstudiedBox:
            return [DrawingItem(.rect(box, cornerRadius: 2), stroke: Style.unstudiedStroke, fill: RGB.white)]
        }
    }
}
