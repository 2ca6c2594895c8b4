package import EDXAnatomy
package import EDXModel

/// A node of the nerve tree, placed.
package struct PlacedNode: Hashable, Sendable {
    package var node: NerveNode
    package var box: Rect
    package var lines: [String]
    /// Whether a mark (other than a suggested test) hangs in its subtree.
    package var studied: Bool
    package var lesion: Bool
    /// The height of the `LESION` band at the top of the box (0 without one); the lines start below it.
    package var band: Double = 0
}

/// A root box of the roots row, placed.
package struct PlacedRoot: Hashable, Sendable {
    package var root: Root
    package var box: Rect
    package var lesion: Bool
}

/// A mark, placed: its marker and its label (an empty label for the paraspinal row, whose marks stand
/// over their roots).
package struct PlacedItem: Hashable, Sendable {
    package var item: DiagramItem
    package var marker: Point
    package var markerBox: Rect
    package var label: String
    /// The start of the label's baseline.
    package var labelPosition: Point
    package var labelBox: Rect
}

/// A nerve line.
package struct PlacedEdge: Hashable, Sendable {
    package enum Emphasis: Hashable, Sendable {
        case normal
        /// Into or within a branch where nothing was studied.
        case faint
        /// Within the territory of the lesion, distal to it.
        case lesion
    }

    package var from: Point
    package var to: Point
    package var emphasis: Emphasis
}

/// The `LESION` label of a lesion: a band at the top of a node's box, a tab over a root's box.
package struct PlacedTag: Hashable, Sendable {
    package var text: String
    package var box: Rect
}

/// One leg's schematic, laid out in drawing coordinates.
package struct LegSchematic: Hashable, Sendable {
    package var side: Side
    /// The area the schematic covers, title included.
    package var frame: Rect
    package var title: String
    package var titlePosition: Point
    package var nodes: [PlacedNode]
    package var roots: [PlacedRoot]
    package var items: [PlacedItem]
    package var edges: [PlacedEdge]
    package var tags: [PlacedTag]
    /// The label of the paraspinal row, when the row has marks, and the start of its baseline.
    package var paraspinalText: String?
    package var paraspinalPosition = Point(0, 0)

    /// Moves everything by (dx, dy).
    mutating func translate(_ dx: Double, _ dy: Double) {
        func move(_ p: Point) -> Point { Point(p.x + dx, p.y + dy) }
        func move(_ r: Rect) -> Rect { Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height) }
        frame = move(frame)
        titlePosition = move(titlePosition)
        paraspinalPosition = move(paraspinalPosition)
        nodes = nodes.map {
            var n = $0; n.box = move(n.box); return n
        }
        roots = roots.map {
            var r = $0; r.box = move(r.box); return r
        }
        items = items.map {
            var i = $0
            i.marker = move(i.marker)
            i.markerBox = move(i.markerBox)
            i.labelPosition = move(i.labelPosition)
            i.labelBox = move(i.labelBox)
            return i
        }
        edges = edges.map { PlacedEdge(from: move($0.from), to: move($0.to), emphasis: $0.emphasis) }
        tags = tags.map { PlacedTag(text: $0.text, box: move($0.box)) }
    }
}

/// Sizes of the schematic, points.
enum Metrics {
    static let textSize = 6.5
    static let titleSize = 7.5
    static let lineStep = 7.2
    static let boxPadding = 3.0
    static let stemInset = 5.0
    static let itemStep = 8.0
    static let markerRadius = 2.6
    static let labelOffset = 4.6
    static let siblingGap = 5.0
    static let rowGap = 8.0
    static let chainGap = 5.0
    static let railOffset = 6.0
    static let rootPitch = 19.0
    static let bandHeight = 8.5

    static func boxHeight(_ lines: Int) -> Double { 3.8 + lineStep * Double(lines) }

    static func boxWidth(_ lines: [String], bold: Bool = false) -> Double {
        (lines.map { TextMetrics.width($0, size: textSize, bold: bold) }.max() ?? 0) + 2 * boxPadding
    }
}

/// Lays one leg's schematic out from the nerve tree.
///
/// Rows go from the roots at the top to the foot at the bottom: the paraspinal row, the roots, the
/// lumbosacral trunk, the plexus parts, then one row per depth of the tree. Each node is a box; its
/// marks hang below it as beads on its nerve line (a stem near the box's left edge), labels to the
/// right. A node with one child continues its stem into the child; a node with several spreads them
/// on a bar. Nerves leaving a plexus part that never divide (the gluteal nerves, the lumbar branches)
/// are stacked in a column beside the nerves that do, which keeps the leg narrow. Subtrees are packed
/// side by side as close as their outlines allow.
struct LegLayout {
    let side: Side
    let items: [DiagramItem]
    let lesionSites: Set<DiagramSite>
    /// The sites of focal lesions: they carry the `LESION` band.
    let focalSites: Set<DiagramSite>
    /// The extent of a diffuse process drawn on this leg, if any.
    let extent: LesionExtent?
    let paraspinalRow: Bool
    /// Room over the roots for the tab of a root lesion (on either leg, so the rows line up).
    let rootTabRow: Bool

    /// Nodes drawn.
    private let drawn: Set<NerveNode>
    /// Nodes with a studied mark in their subtree.
    private let studied: Set<NerveNode>
    /// The top of the first nerves below the plexus parts.
    private var branchTop = 0.0
    private var rootsY = 0.0
    private var trunkY = 0.0
    private var plexusY = 0.0

    init(side: Side, items: [DiagramItem], lesions: [LesionMark], paraspinalRow: Bool, rootTabRow: Bool) {
        self.side = side
        self.items = items.filter { $0.side == side }
        let marks = lesions.filter { $0.side == side }
        let sites = Set(marks.flatMap(\.sites))
        lesionSites = sites
        focalSites = Set(marks.filter { $0.extent == .focal }.flatMap(\.sites))
        extent = marks.first { $0.extent != .focal }?.extent
        self.paraspinalRow = paraspinalRow
        self.rootTabRow = rootTabRow
        var hangs: [NerveNode: [ItemStatus]] = [:]
        for item in self.items {
            if case .node(let node) = item.attachment { hangs[node, default: []].append(item.status) }
        }
        var drawn = Set<NerveNode>()
        var studied = Set<NerveNode>()
        for node in NerveNode.allCases where node != SchematicTree.root {
            let below = SchematicTree.subtree(node)
            let marks = below.flatMap { hangs[$0] ?? [] }
            if marks.contains(where: { $0 != .notTested }) { studied.insert(node) }
            let used = !marks.isEmpty || below.contains { sites.contains(.node($0)) }
            if !SchematicTree.drawnOnlyWhenUsed.contains(node) || used { drawn.insert(node) }
        }
        for part in SchematicTree.plexusParts {
            if let fed = SchematicTree.feeds(part), studied.contains(fed) { studied.insert(part) }
        }
        self.drawn = drawn
        self.studied = studied
    }

    // MARK: Building blocks

    /// Placed pieces of a subtree, moved together while packing.
    private struct Block {
        var nodes: [PlacedNode] = []
        var items: [PlacedItem] = []
        var edges: [(edge: PlacedEdge, owner: NerveNode, entry: Bool)] = []
        /// Where the parent's line joins the block.
        var anchor = Point(0, 0)

        mutating func shift(_ dx: Double) {
            nodes = nodes.map {
                var n = $0; n.box.x += dx; return n
            }
            items = items.map {
                var i = $0
                i.marker.x += dx
                i.markerBox.x += dx
                i.labelPosition.x += dx
                i.labelBox.x += dx
                return i
            }
            edges = edges.map {
                var e = $0
                e.edge.from.x += dx
                e.edge.to.x += dx
                return e
            }
            anchor.x += dx
        }

        mutating func append(_ other: Block) {
            nodes += other.nodes
            items += other.items
            edges += other.edges
        }

        /// The outline used for packing: boxes, marks with their labels, and lines.
        var outline: [Rect] {
            nodes.map(\.box) + items.map { $0.markerBox.union($0.labelBox) }
                + edges.map {
                    let e = $0.edge
                    return Rect(
                        x: min(e.from.x, e.to.x) - 0.5, y: min(e.from.y, e.to.y) - 0.5,
                        width: abs(e.from.x - e.to.x) + 1,
                        height: abs(e.from.y - e.to.y) + 1)
                }
        }
    }

    private func children(_ node: NerveNode) -> [NerveNode] {
        SchematicTree.children(of: node).filter(drawn.contains)
    }

    private func marks(at node: NerveNode) -> [DiagramItem] {
        items.filter { $0.attachment == .node(node) }.sorted { $0.order < $1.order }
    }

    /// Whether a node carries the `LESION` band: a focal lesion's site (a diffuse process is shown by
    /// its hatched boxes and the legend).
    private func banded(_ node: NerveNode) -> Bool {
        focalSites.contains(.node(node))
    }

    private func height(_ node: NerveNode) -> Double {
        Metrics.boxHeight(DiagramLabels.node(node).count) + (banded(node) ? Metrics.bandHeight : 0)
    }

    private func nodeBox(_ node: NerveNode, x: Double, y: Double) -> PlacedNode {
        let lines = DiagramLabels.node(node)
        let lesion = lesionSites.contains(.node(node))
        let band = banded(node)
        let width = max(
            Metrics.boxWidth(lines, bold: lesion),
            band ? Metrics.boxWidth([DiagramLabels.lesionTag], bold: true) : 0)
        return PlacedNode(
            node: node, box: Rect(x: x, y: y, width: width, height: height(node)), lines: lines,
            studied: studied.contains(node), lesion: lesion, band: band ? Metrics.bandHeight : 0)
    }

    private func emphasis(_ owner: NerveNode, entry: Bool) -> PlacedEdge.Emphasis {
        let lesioned = lesionSites.contains { site in
            guard case .node(let lesion) = site else { return false }
            return owner.isWithin(lesion) && !(entry && owner == lesion)
        }
        if lesioned { return .lesion }
        return studied.contains(owner) ? .normal : .faint
    }

    private func edge(_ a: Point, _ b: Point, owner: NerveNode, entry: Bool = false) -> (PlacedEdge, NerveNode, Bool) {
        (PlacedEdge(from: a, to: b, emphasis: emphasis(owner, entry: entry)), owner, entry)
    }

    /// A mark placed as a bead on a stem at `x`, its centre at `y`.
    private func bead(_ item: DiagramItem, x: Double, y: Double) -> PlacedItem {
        let r = Metrics.markerRadius
        let label = DiagramLabels.item(item.kind)
        let position = Point(x + Metrics.labelOffset, y + 0.36 * Metrics.textSize)
        let bold = item.status == .abnormal
        return PlacedItem(
            item: item, marker: Point(x, y), markerBox: Rect(x: x - r, y: y - r, width: 2 * r, height: 2 * r),
            label: label, labelPosition: position,
            labelBox: TextMetrics.box(label, at: position, size: Metrics.textSize, bold: bold, anchor: .start))
    }

    /// The marks of a node hung on its stem below its box; returns the y of the last bead.
    private func hang(_ node: PlacedNode, into block: inout Block) -> Double {
        let x = node.box.minX + Metrics.stemInset
        var y = node.box.maxY
        for item in marks(at: node.node) {
            y += Metrics.itemStep
            block.items.append(bead(item, x: x, y: y - 2.5))
        }
        return marks(at: node.node).isEmpty ? node.box.maxY : y - 2.5
    }

    private func itemsHeight(_ node: NerveNode) -> Double {
        Double(marks(at: node).count) * Metrics.itemStep
    }

    // MARK: Packing

    /// Places `next` to the right of `placed`, as close as their outlines allow.
    private func pack(_ blocks: [Block]) -> [Block] {
        var placed: [Block] = []
        var outline: [Rect] = []
        for var block in blocks {
            if let last = placed.last {
                var shift = last.anchor.x + Metrics.stemInset * 2 - block.anchor.x
                for b in block.outline {
                    for a in outline where min(a.maxY, b.maxY) - max(a.minY, b.minY) > -Metrics.siblingGap / 2 {
                        shift = max(shift, a.maxX + Metrics.siblingGap - b.minX)
                    }
                }
                block.shift(shift)
            }
            outline += block.outline
            placed.append(block)
        }
        return placed
    }

    // MARK: The tree

    /// A subtree that divides, its top at `y`: each node's children start below its marks, siblings
    /// side by side on a bar.
    private func spread(_ node: NerveNode, y: Double) -> Block {
        let kids = children(node)
        var block = Block()
        var placed = nodeBox(node, x: 0, y: y)
        if kids.isEmpty {
            block.nodes.append(placed)
            let last = hang(placed, into: &block)
            let stemX = placed.box.minX + Metrics.stemInset
            if last > placed.box.maxY {
                block.edges.append(edge(Point(stemX, placed.box.maxY), Point(stemX, last), owner: node))
            }
            block.anchor = Point(stemX, y)
            return block
        }
        let beadsEnd = placed.box.maxY + itemsHeight(node)
        let childTop = kids.count == 1 ? beadsEnd + Metrics.rowGap - 2 : beadsEnd + Metrics.rowGap + 2
        let packed = pack(kids.map { spread($0, y: childTop) })
        let anchors = packed.map(\.anchor)
        for child in packed { block.append(child) }
        if anchors.count == 1 {
            placed.box.x = anchors[0].x - Metrics.stemInset
        } else {
            placed.box.x = (anchors[0].x + anchors[anchors.count - 1].x) / 2 - placed.box.width / 2
        }
        block.nodes.append(placed)
        _ = hang(placed, into: &block)
        let stemX = placed.box.minX + Metrics.stemInset
        if anchors.count == 1 {
            block.edges.append(edge(Point(stemX, placed.box.maxY), Point(stemX, childTop), owner: kids[0], entry: true))
        } else {
            let barY = childTop - Metrics.rowGap / 2
            block.edges.append(edge(Point(stemX, placed.box.maxY), Point(stemX, barY), owner: node))
            let left = min(stemX, anchors[0].x)
            let right = max(stemX, anchors[anchors.count - 1].x)
            block.edges.append(edge(Point(left, barY), Point(right, barY), owner: node))
            for (kid, anchor) in zip(kids, anchors) {
                block.edges.append(edge(Point(anchor.x, barY), anchor, owner: kid, entry: true))
            }
        }
        block.anchor = Point(stemX, y)
        return block
    }

    /// Nerves that never divide, stacked in one column hanging from a rail at x = 0.
    private func stack(_ chains: [NerveNode], top: Double) -> Block {
        var block = Block()
        let x = Metrics.railOffset
        var y = top
        var lastTick = top
        var railOwner = chains[0]
        for chain in chains {
            var node: NerveNode? = chain
            var first = true
            while let here = node {
                let placed = nodeBox(here, x: x, y: y)
                block.nodes.append(placed)
                if first {
                    block.edges.append(
                        edge(Point(0, placed.box.midY), Point(x, placed.box.midY), owner: here, entry: true))
                    lastTick = placed.box.midY
                    railOwner = studied.contains(here) ? here : railOwner
                    first = false
                }
                let last = hang(placed, into: &block)
                let stemX = x + Metrics.stemInset
                let next = children(here).first
                if let next {
                    let childTop = max(last, placed.box.maxY) + Metrics.itemStep / 2 + 2
                    block.edges.append(
                        edge(Point(stemX, placed.box.maxY), Point(stemX, childTop), owner: next, entry: true))
                    y = childTop
                } else {
                    if last > placed.box.maxY {
                        block.edges.append(edge(Point(stemX, placed.box.maxY), Point(stemX, last), owner: here))
                    }
                    y = max(last + 3, placed.box.maxY)
                }
                node = next
            }
            y += Metrics.chainGap
        }
        block.edges.insert(edge(Point(0, top), Point(0, lastTick), owner: railOwner, entry: true), at: 0)
        block.anchor = Point(0, top)
        return block
    }

    /// A plexus part with its branches: the nerves that divide side by side, then the column of those
    /// that do not, which fits in the free space above the divided nerves' terminal branches.
    private func part(_ part: NerveNode) -> Block {
        let kids = children(part)
        let chains = kids.filter { SchematicTree.isChain($0, drawn: drawn) }
        let spreads = kids.filter { !SchematicTree.isChain($0, drawn: drawn) }
        let top = branchTop
        var blocks = spreads.map { spread($0, y: top) }
        var owners = spreads
        if let first = chains.first {
            blocks.append(stack(chains, top: top))
            owners.append(chains.first(where: studied.contains) ?? first)
        }
        let packed = pack(blocks)
        var block = Block()
        for child in packed { block.append(child) }
        let anchors = packed.map(\.anchor)
        var placed = nodeBox(part, x: 0, y: plexusY)
        guard let first = anchors.first, let last = anchors.last else {
            block.nodes.append(placed)
            block.anchor = Point(placed.box.midX, plexusY)
            return block
        }
        placed.box.x =
            anchors.count == 1 ? first.x - Metrics.stemInset : (first.x + last.x) / 2 - placed.box.width / 2
        block.nodes.append(placed)
        let stemX = placed.box.minX + Metrics.stemInset
        if anchors.count == 1 {
            block.edges.append(edge(Point(stemX, placed.box.maxY), first, owner: owners[0], entry: true))
        } else {
            let barY = top - Metrics.rowGap / 2
            block.edges.append(edge(Point(stemX, placed.box.maxY), Point(stemX, barY), owner: part))
            block.edges.append(edge(Point(min(stemX, first.x), barY), Point(max(stemX, last.x), barY), owner: part))
            for (owner, anchor) in zip(owners, anchors) {
                block.edges.append(edge(Point(anchor.x, barY), anchor, owner: owner, entry: true))
            }
        }
        block.anchor = Point(stemX, plexusY)
        return block
    }

    // MARK: The whole leg

    mutating func layout() -> LegSchematic {
        let titleHeight = 12.0
        let paraspinalY = titleHeight + 6
        rootsY = titleHeight + (paraspinalRow ? 14 : 2) + (rootTabRow ? Metrics.bandHeight + 1 : 0)
        let parts = SchematicTree.plexusParts.filter { drawn.contains($0) && SchematicTree.feeds($0) == nil }
        let trunks = SchematicTree.plexusParts.filter { drawn.contains($0) && SchematicTree.feeds($0) != nil }
        trunkY = rootsY + Metrics.boxHeight(1) + 7
        plexusY = trunkY + (trunks.map(height).max() ?? Metrics.boxHeight(1)) + 6
        branchTop = plexusY + (parts.map(height).max() ?? Metrics.boxHeight(1)) + Metrics.rowGap + 3

        var blocks = pack(parts.map(part))
        var whole = Block()
        for block in blocks { whole.append(block) }
        blocks = []

        // Roots, spread over the plexus parts they join.
        let partBoxes = Dictionary(
            whole.nodes.filter { parts.contains($0.node) }.map { ($0.node, $0.box) }, uniquingKeysWith: { a, _ in a })
        let rootList = Root.allCases.filter { root in
            parts.contains { Anatomy.plexusRoots[$0]?.contains(root) ?? false }
        }
        let leftmost = parts.first.flatMap { partBoxes[$0] }?.minX ?? 0
        let rightmost = parts.last.flatMap { partBoxes[$0] }?.maxX ?? 0
        let rootWidth = Metrics.boxWidth(["L5"]) + 2
        let span = max(rightmost - leftmost - rootWidth, Metrics.rootPitch * Double(max(rootList.count - 1, 1)))
        let pitch = span / Double(max(rootList.count - 1, 1))
        let start = (leftmost + rightmost) / 2 - span / 2
        var roots: [PlacedRoot] = []
        var rootX: [Root: Double] = [:]
        for (index, root) in rootList.enumerated() {
            let x = start + pitch * Double(index)
            rootX[root] = x
            roots.append(
                PlacedRoot(
                    root: root,
                    box: Rect(x: x - rootWidth / 2, y: rootsY, width: rootWidth, height: Metrics.boxHeight(1)),
                    lesion: lesionSites.contains(.root(root))))
        }
        var edges = whole.edges.map(\.edge)
        func rootEdgeEmphasis(_ root: Root) -> PlacedEdge.Emphasis {
            lesionSites.contains(.root(root)) ? .lesion : .normal
        }
        // Parts that only carry roots into another (the lumbosacral trunk), between the roots and the parts.
        var nodes = whole.nodes
        var routed: [NerveNode: Set<Root>] = [:]
        for trunk in trunks {
            guard let fed = SchematicTree.feeds(trunk), let fedBox = partBoxes[fed] else { continue }
            let trunkRoots = Anatomy.plexusRoots[trunk] ?? []
            let xs = trunkRoots.compactMap { rootX[$0] }
            let center = xs.isEmpty ? fedBox.minX : xs.reduce(0, +) / Double(xs.count)
            var placed = nodeBox(trunk, x: 0, y: trunkY)
            placed.box.x = center - placed.box.width / 2
            nodes.append(placed)
            routed[fed, default: []].formUnion(trunkRoots)
            for root in trunkRoots {
                guard let x = rootX[root] else { continue }
                edges.append(
                    PlacedEdge(
                        from: Point(x, rootsY + Metrics.boxHeight(1)),
                        to: Point(clamp(x, placed.box), placed.box.minY), emphasis: rootEdgeEmphasis(root)))
            }
            let toX = clamp(placed.box.midX, fedBox)
            edges.append(
                PlacedEdge(
                    from: Point(placed.box.midX, placed.box.maxY), to: Point(toX, fedBox.minY),
                    emphasis: emphasis(trunk, entry: false)))
        }
        for part in parts {
            guard let box = partBoxes[part] else { continue }
            for root in Anatomy.plexusRoots[part] ?? [] where !(routed[part]?.contains(root) ?? false) {
                guard let x = rootX[root] else { continue }
                edges.append(
                    PlacedEdge(
                        from: Point(x, rootsY + Metrics.boxHeight(1)), to: Point(clamp(x, box), box.minY),
                        emphasis: rootEdgeEmphasis(root)))
            }
        }

        // Paraspinal marks, over their roots.
        var items = whole.items
        var paraspinalX: [Double] = []
        for item in self.items {
            guard case .paraspinal(let levels) = item.attachment else { continue }
            let xs = levels.compactMap { rootX[$0] }
            guard !xs.isEmpty else { continue }
            var x = xs.reduce(0, +) / Double(xs.count)
            while paraspinalX.contains(where: { abs($0 - x) < 2 * Metrics.markerRadius + 2 }) {
                x += 2 * Metrics.markerRadius + 2
            }
            paraspinalX.append(x)
            let r = Metrics.markerRadius
            items.append(
                PlacedItem(
                    item: item, marker: Point(x, paraspinalY),
                    markerBox: Rect(x: x - r, y: paraspinalY - r, width: 2 * r, height: 2 * r), label: "",
                    labelPosition: Point(x, paraspinalY), labelBox: Rect(x: x, y: paraspinalY, width: 0, height: 0)))
        }

        var schematic = LegSchematic(
            side: side, frame: Rect(x: 0, y: 0, width: 0, height: 0), title: DiagramLabels.legTitle(side),
            titlePosition: Point(0, 0), nodes: nodes, roots: roots, items: items, edges: edges, tags: [],
            paraspinalText: nil)
        if !paraspinalX.isEmpty, let last = roots.last {
            schematic.paraspinalText = DiagramLabels.paraspinalRow
            schematic.paraspinalPosition = Point(
                max(last.box.maxX, (paraspinalX.max() ?? 0) + Metrics.markerRadius) + 5, paraspinalY + 2.3)
        }
        schematic.tags = tags(for: schematic)

        // Frame: everything, the title at its top left.
        var bounds = schematic.nodes.map(\.box) + schematic.roots.map(\.box) + schematic.tags.map(\.box)
        bounds += schematic.items.map { $0.markerBox.union($0.labelBox) }
        if let text = schematic.paraspinalText {
            bounds.append(
                TextMetrics.box(
                    text, at: schematic.paraspinalPosition, size: Metrics.textSize, bold: false, anchor: .start))
        }
        let content = bounds.dropFirst().reduce(bounds.first ?? Rect(x: 0, y: 0, width: 0, height: 0)) { $0.union($1) }
        let titleBox = TextMetrics.box(
            schematic.title, at: Point(content.minX, 8), size: Metrics.titleSize, bold: true, anchor: .start)
        schematic.titlePosition = Point(content.minX, 8)
        schematic.frame = content.union(titleBox).union(Rect(x: content.minX, y: 0, width: 0, height: 0))
        schematic.translate(-schematic.frame.minX, -schematic.frame.minY)
        return schematic
    }

    private func clamp(_ x: Double, _ box: Rect) -> Double {
        min(max(x, box.minX + 3), box.maxX - 3)
    }

    // MARK: Lesion tags

    /// The `LESION` band of each banded node and the tab over each lesion root.
    private func tags(for schematic: LegSchematic) -> [PlacedTag] {
        let text = DiagramLabels.lesionTag
        var tags: [PlacedTag] = []
        for node in schematic.nodes where node.band > 0 {
            let box = node.box
            tags.append(
                PlacedTag(
                    text: text, box: Rect(x: box.minX + 1, y: box.minY + 1, width: box.width - 2, height: node.band - 1)
                ))
        }
        for root in schematic.roots where focalSites.contains(.root(root.root)) {
            let width = Metrics.boxWidth([text], bold: true) - 2
            tags.append(
                PlacedTag(
                    text: text,
                    box: Rect(
                        x: root.box.midX - width / 2, y: root.box.minY - Metrics.bandHeight - 0.5, width: width,
                        height: Metrics.bandHeight)))
        }
        return tags
    }
}
