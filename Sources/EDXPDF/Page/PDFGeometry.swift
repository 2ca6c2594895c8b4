/// A point on a page, in points (1/72 inch), in the page's own ``PDFOrigin``.
package struct PDFPoint: Sendable, Hashable {
    /// Distance from the left edge, in points.
    package var x: Double
    /// Distance from the top edge (``PDFOrigin/topLeft``) or the bottom edge
    /// (``PDFOrigin/bottomLeft``), in points.
    package var y: Double

    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A rectangle on a page, in points, in the page's own ``PDFOrigin``.
///
/// `x` and `y` are its corner nearest the origin: the top-left corner on a ``PDFOrigin/topLeft``
/// page, the bottom-left corner on a ``PDFOrigin/bottomLeft`` page. `width` and `height` grow away
/// from the origin (to the right, and down or up).
package struct PDFRect: Sendable, Hashable {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The centre of the rectangle.
    package var center: PDFPoint { PDFPoint(x: x + width / 2, y: y + height / 2) }
}

/// The size of a page, in points (1/72 inch).
package struct PDFPageSize: Sendable, Hashable {
    package var width: Double
    package var height: Double

    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO A4 portrait: 210 × 297 mm = 595.28 × 841.89 pt.
    package static let a4 = PDFPageSize(width: 595.28, height: 841.89)
    /// US Letter portrait: 8.5 × 11 in = 612 × 792 pt.
    package static let usLetter = PDFPageSize(width: 612, height: 792)

    /// The same size turned on its side (width and height swapped).
    package var landscape: PDFPageSize { PDFPageSize(width: max(width, height), height: min(width, height)) }
}

/// Where a page's coordinates start and which way `y` grows.
package enum PDFOrigin: Sendable, Hashable {
    /// `(0, 0)` is the top-left corner and `y` grows downwards, as a report is laid out. The writer
    /// turns every coordinate into PDF's own system (`y` up) when it writes the page; text is still
    /// upright, and a text position is its baseline.
    case topLeft
    /// PDF's own system: `(0, 0)` is the bottom-left corner and `y` grows upwards.
    case bottomLeft
}
