import EDXAnatomy

/// The nerve tree of EDXAnatomy as the schematic draws it: which nodes, in which order, which are
/// plexus parts, which are the distal nerves.
///
/// Nothing here says which muscle hangs where or which node is whose parent: that is read from
/// ``NerveNode/parent``, ``Anatomy/plexusRoots`` and ``Anatomy/muscles``. The only fixed choice is
/// the left-to-right order of siblings; a node missing from it is drawn after its listed siblings.
enum SchematicTree {
    /// Siblings from left to right: lumbar branches lateral to medial, then the gluteal nerves, then the
    /// sciatic nerve with its peroneal division before its tibial one.
    static let siblingOrder: [NerveNode] = [
        .lumbarPlexus, .lumbosacralTrunk, .sacralPlexus, .lateralFemoralCutaneous, .femoral, .saphenous, .obturator,
        .superiorGluteal, .inferiorGluteal, .pudendal, .sciatic, .sciaticPeronealDivision, .commonPeroneal,
        .fibularHead, .deepPeroneal, .anteriorTarsal, .superficialPeroneal, .superficialPeronealCutaneous,
        .sciaticTibialDivision, .tibial, .sural, .tarsalTunnel, .medialPlantar, .lateralPlantar,
    ]

    /// Nodes drawn only when a mark hangs in their subtree or a lesion is there (the pudendal nerve, for
    /// the anal sphincter): outside the leg's own nerves.
    static let drawnOnlyWhenUsed: Set<NerveNode> = [.pudendal]

    /// The node the tree grows from (the whole lumbosacral plexus), drawn as its parts.
    static var root: NerveNode? { NerveNode.allCases.first { $0.parent == nil } }

    /// The children of a node, in drawing order.
    static func children(of node: NerveNode) -> [NerveNode] {
        NerveNode.allCases.filter { $0.parent == node }.sorted { rank($0) < rank($1) }
    }

    static func rank(_ node: NerveNode) -> Int {
        siblingOrder.firstIndex(of: node) ?? (siblingOrder.count + (NerveNode.allCases.firstIndex(of: node) ?? 0))
    }

    /// The parts of the plexus: the children of the tree's root.
    static var plexusParts: [NerveNode] { root.map(children(of:)) ?? [] }

    /// The depth of a node below the tree's root (the plexus parts are 1).
    static func depth(_ node: NerveNode) -> Int {
        var depth = 0
        var current = node.parent
        while let here = current {
            depth += 1
            current = here.parent
        }
        return depth
    }

    /// Every node of the subtree of `node`, itself first.
    static func subtree(_ node: NerveNode) -> [NerveNode] {
        [node] + children(of: node).flatMap(subtree)
    }

    /// The terminal branches of the longest nerve: the leaves of the plexus branch that holds the
    /// deepest leaf of the tree. A length-dependent process reaches them first.
    static var distalNodes: [NerveNode] {
        let leaves = NerveNode.allCases.filter { children(of: $0).isEmpty }
        guard let deepest = leaves.max(by: { depth($0) < depth($1) }) else { return [] }
        var branch = deepest
        while let parent = branch.parent, !plexusParts.contains(parent), parent != root {
            branch = parent
        }
        return subtree(branch).filter { children(of: $0).isEmpty }
    }

    /// Every nerve below the plexus that belongs to the leg.
    static var peripheralNodes: [NerveNode] {
        NerveNode.allCases.filter {
            $0 != root && !plexusParts.contains($0) && !drawnOnlyWhenUsed.contains($0)
        }
    }

    /// The lowest node that `nodes` all lie within.
    static func commonAncestor(_ nodes: [NerveNode]) -> NerveNode? {
        guard var candidate = nodes.first else { return nil }
        while !nodes.allSatisfy({ $0.isWithin(candidate) }) {
            guard let parent = candidate.parent else { return nil }
            candidate = parent
        }
        return candidate
    }

    /// A plexus part that only carries some roots of another part into it (the lumbosacral trunk into
    /// the sacral plexus): it has no branches of its own, and its roots are a subset of the other's.
    static func feeds(_ part: NerveNode) -> NerveNode? {
        guard children(of: part).isEmpty, let roots = Anatomy.plexusRoots[part] else { return nil }
        return plexusParts.first { other in
            other != part && !children(of: other).isEmpty && Set(roots).isSubset(of: Anatomy.plexusRoots[other] ?? [])
        }
    }

    /// Whether the subtree of `node` never divides (each node has at most one child): drawn as a column.
    static func isChain(_ node: NerveNode, drawn: Set<NerveNode>) -> Bool {
        let kids = children(of: node).filter(drawn.contains)
        return kids.count <= 1 && kids.allSatisfy { isChain($0, drawn: drawn) }
    }
}
