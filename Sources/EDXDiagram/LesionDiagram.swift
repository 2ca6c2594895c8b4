package import EDXLocalization
package import EDXModel

/// The lesion diagram: the lower-limb nerve tree of the leg (or legs) that matter, drawn from the
/// anatomy data, with the leading diagnosis's lesion highlighted and each studied muscle and
/// response marked abnormal, normal or untested (docs/diagram.md).
package enum LesionDiagram {
    /// The width of every diagram, points; the height follows the content (about 360 for a study
    /// of the usual extent).
    package static let width = 500.0
    static let margin = 8.0
    static let captionSize = 9.0
    static let panelGap = 14.0

    /// The diagram of a study and its analysis.
    package static func draw(study: Study, analysis: StudyAnalysis) -> Drawing {
        layout(study: study, analysis: analysis).drawing
    }

    /// The diagram's content and geometry, before it becomes primitives.
    package static func layout(study: Study, analysis: StudyAnalysis) -> DiagramLayout {
        DiagramLayout(DiagramContent(study: study, analysis: analysis))
    }

    /// The accessible title and description of a study's diagram, for the SVG or the PDF.
    package static func accessibleText(study: Study, analysis: StudyAnalysis) -> (title: String, description: String) {
        let content = DiagramContent(study: study, analysis: analysis)
        return ("Lesion diagram: " + DiagramLabels.caption(content.leading), DiagramLabels.description(content))
    }
}

/// One entry of the legend: a sample and its words.
package struct LegendEntry: Hashable, Sendable {
    package enum Sample: Hashable, Sendable {
        case marker(DiagramItemKind?, ItemStatus)
        case lesionBox(LesionExtent)
        case unstudiedBox
    }

    package var sample: Sample
    package var text: String
    /// The sample's box; the text starts at its right.
    package var sampleBox: Rect
    package var textPosition: Point
    package var textBox: Rect
}

/// The diagram laid out: the caption, one schematic per leg, the legend.
package struct DiagramLayout: Hashable, Sendable {
    package var content: DiagramContent
    package var width: Double
    package var height: Double
    package var caption: String
    package var captionPosition: Point
    /// The second caption, wrapped to the width: one line each.
    package var subcaption: [String]
    /// The start of the first subcaption line's baseline; the next lines follow 8.5 points apart.
    package var subcaptionPosition: Point
    package var legs: [LegSchematic]
    package var legend: [LegendEntry]

    init(_ content: DiagramContent) {
        self.content = content
        let margin = LesionDiagram.margin
        caption = DiagramLabels.caption(content.leading)
        subcaption = Self.wrap(DiagramLabels.subcaption(content), width: LesionDiagram.width - 2 * margin)
        captionPosition = Point(margin, margin + LesionDiagram.captionSize * 0.75)
        subcaptionPosition = Point(margin, captionPosition.y + 10)
        let top = captionPosition.y + 8 + Double(subcaption.count) * Self.subcaptionStep
        let paraspinals = content.items.contains { if case .paraspinal = $0.attachment { true } else { false } }
        let rootLesion = content.lesions.contains { mark in
            mark.extent == .focal && mark.sites.contains { if case .root = $0 { true } else { false } }
        }
        var legs = content.sides.map { side in
            var layout = LegLayout(
                side: side, items: content.items, lesions: content.lesions, paraspinalRow: paraspinals,
                rootTabRow: rootLesion)
            return layout.layout()
        }
        // Legs side by side; one leg leaves room for the legend at its right.
        var x = margin
        for index in legs.indices {
            legs[index].translate(x, top)
            x = legs[index].frame.maxX + LesionDiagram.panelGap
        }
        let legsRight = x - LesionDiagram.panelGap
        let legsBottom = legs.map(\.frame.maxY).max() ?? top
        var width = max(LesionDiagram.width, legsRight + margin)
        let entries = Self.legendEntries(content, legs: legs)
        let besideWidth = width - margin - (legsRight + LesionDiagram.panelGap)
        let legend: [LegendEntry]
        if legs.count == 1, besideWidth >= 110 {
            legend = Self.flow(entries, x: legsRight + LesionDiagram.panelGap, y: top + 14, width: 0)
        } else {
            legend = Self.flow(entries, x: margin, y: legsBottom + 12, width: width - 2 * margin)
        }
        // Center two legs, or a wide leg, under the caption.
        let used = legsRight - margin
        if legs.count == 2, used < width - 2 * margin {
            let dx = (width - 2 * margin - used) / 2
            for index in legs.indices { legs[index].translate(dx, 0) }
        }
        let captionWidth = TextMetrics.width(caption, size: LesionDiagram.captionSize, bold: true)
        width = max(width, captionWidth + 2 * margin)
        self.width = width
        self.legs = legs
        self.legend = legend
        let bottom = max(legsBottom, legend.map { $0.sampleBox.union($0.textBox).maxY }.max() ?? 0)
        height = (bottom + margin).rounded(.up)
    }

    static let subcaptionStep = 8.5

    /// `text` in lines no wider than `width` at the label size, broken at spaces.
    static func wrap(_ text: String, width: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty, TextMetrics.width(candidate, size: Metrics.textSize) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: Legend

    /// The legend's samples and words: the three results, the three kinds of mark, the lesion and an
    /// unstudied branch, each only when the diagram shows one.
    static func legendEntries(_ content: DiagramContent, legs: [LegSchematic]) -> [(LegendEntry.Sample, String)] {
        var samples: [LegendEntry.Sample] = [.marker(nil, .abnormal), .marker(nil, .normal)]
        let statuses = Set(content.items.map(\.status))
        if statuses.contains(.unclassified) { samples.append(.marker(nil, .unclassified)) }
        if statuses.contains(.notTested) { samples.append(.marker(nil, .notTested)) }
        samples += [
            .marker(.muscle(.tibialisAnterior), .normal), .marker(.sensory(.sural), .normal),
            .marker(.fibularHeadConduction, .normal),
        ]
        for extent in [LesionExtent.focal, .lengthDependent, .diffuse]
        where content.lesions.contains(where: {
            $0.extent == extent
        }) {
            samples.append(.lesionBox(extent))
        }
        if legs.contains(where: { $0.nodes.contains { !$0.studied && !$0.lesion } }) { samples.append(.unstudiedBox) }
        return samples.map { ($0, text($0)) }
    }

    static func text(_ sample: LegendEntry.Sample) -> String {
        switch sample {
        case .marker(nil, let status):
            switch status {
            case .abnormal: DiagramLabels.legendAbnormal
            case .normal: DiagramLabels.legendNormal
            case .unclassified: DiagramLabels.legendUnclassified
            case .notTested: DiagramLabels.legendNotTested
            }
        case .marker(.muscle?, _): DiagramLabels.legendMuscle
        case .marker(.sensory?, _): DiagramLabels.legendSensory
        case .marker(_, _): DiagramLabels.legendMotor
        case .lesionBox(let extent):
            switch extent {
            case .focal: DiagramLabels.legendLesion
            case .lengthDependent: DiagramLabels.legendLengthDependent
            case .diffuse: DiagramLabels.legendDiffuse
            }
        case .unstudiedBox: DiagramLabels.legendNotStudied
        }
    }

    /// Entries left to right from (x, y), wrapping at `width` (one per row when `width` is 0).
    static func flow(_ entries: [(LegendEntry.Sample, String)], x: Double, y: Double, width: Double) -> [LegendEntry] {
        let size = Metrics.textSize
        let sampleWidth: Double = 12
        var placed: [LegendEntry] = []
        var cursor = Point(x, y)
        for (sample, text) in entries {
            let textWidth = TextMetrics.width(text, size: size)
            let entryWidth = sampleWidth + 3 + textWidth
            if cursor.x > x, cursor.x + entryWidth > x + width {
                cursor = Point(x, cursor.y + 11)
            }
            let sampleBox = Rect(x: cursor.x, y: cursor.y - 4, width: sampleWidth, height: 8)
            let position = Point(cursor.x + sampleWidth + 3, cursor.y + 0.36 * size)
            placed.append(
                LegendEntry(
                    sample: sample, text: text, sampleBox: sampleBox, textPosition: position,
                    textBox: TextMetrics.box(text, at: position, size: size, bold: false, anchor: .start)))
            cursor.x += entryWidth + 10
        }
        return placed
    }
}
