/// A picture as a list of vector primitives, independent of the format it is written in (SVG here,
/// PDF by EDXReportPDF).
///
/// Coordinates are points (1/72 inch) with the origin at the top left corner and y growing
/// downwards, as in SVG. Items are painted in order: later items cover earlier ones. Each item has
/// a fill, a stroke, both or neither; text is painted with its fill colour only.
///
/// Text uses one sans-serif face (Helvetica, or a face with its metrics such as Arial) in two
/// weights, regular and bold, and only printable ASCII, so that the PDF standard fonts can show it;
/// no text is smaller than ``Drawing/minimumTextSize``.
package struct Drawing: Sendable, Hashable {
    /// Width of the picture, points.
    package var width: Double
    /// Height of the picture, points.
    package var height: Double
    /// The primitives, back to front.
    package var items: [DrawingItem]

    /// The smallest text size used, points.
    package static let minimumTextSize = 6.5

    package init(width: Double, height: Double, items: [DrawingItem] = []) {
        self.width = width
        self.height = height
        self.items = items
    }
}

/// A point, in points from the top left corner.
package struct Point: Sendable, Hashable {
    package var x: Double
    package var y: Double

    package init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle: its top left corner and its size, points.
package struct Rect: Sendable, Hashable {
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

    package var minX: Double { x }
    package var maxX: Double { x + width }
    package var minY: Double { y }
    package var maxY: Double { y + height }
    package var midX: Double { x + width / 2 }
    package var midY: Double { y + height / 2 }

    /// Whether the two rectangles share an area wider and taller than `tolerance`.
    package func overlaps(_ other: Rect, tolerance: Double = 0) -> Bool {
        min(maxX, other.maxX) - max(minX, other.minX) > tolerance
            && min(maxY, other.maxY) - max(minY, other.minY) > tolerance
    }

    /// The rectangle grown by `d` on every side (shrunk when `d` is negative).
    package func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    /// The smallest rectangle holding both.
    package func union(_ other: Rect) -> Rect {
        let left = min(minX, other.minX)
        let top = min(minY, other.minY)
        return Rect(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }
}

/// A colour as red, green and blue components from 0 to 1 (sRGB).
package struct RGB: Sendable, Hashable {
    package var red: Double
    package var green: Double
    package var blue: Double

    package init(_ red: Double, _ green: Double, _ blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A grey of the given lightness (0 black, 1 white).
    package static func grey(_ level: Double) -> RGB { RGB(level, level, level) }

    package static let black = RGB(0, 0, 0)
    package static let white = RGB(1, 1, 1)
}

/// How an outline is drawn: colour, width (points) and an optional dash pattern (lengths of dash
/// and gap, points, repeated; empty for a solid line). Lines end with butt caps and join mitred.
package struct Stroke: Sendable, Hashable {
    package var color: RGB
    package var width: Double
    package var dash: [Double]

    package init(_ color: RGB, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// Which point of a text line its position gives: the start, the middle or the end of the baseline.
package enum TextAnchor: String, Sendable, Hashable {
    case start, middle, end
}

/// One primitive of a ``Drawing``.
package struct DrawingItem: Sendable, Hashable {
    /// The geometry of a primitive.
    package enum Shape: Sendable, Hashable {
        /// A straight line segment (stroke only).
        case line(from: Point, to: Point)
        /// Connected segments through the points; closed back to the first point when `closed`, and then
        /// fillable (a polygon).
        case polyline([Point], closed: Bool)
        /// A rectangle, with corners rounded by `cornerRadius` points (0 for square corners).
        case rect(Rect, cornerRadius: Double)
        case circle(center: Point, radius: Double)
        /// One line of text; `position` is the anchor point on the baseline, `size` the font size in points.
        case text(String, position: Point, size: Double, bold: Bool, anchor: TextAnchor)
    }

    package var shape: Shape
    /// The outline; nil for none. Ignored for text.
    package var stroke: Stroke?
    /// The interior colour (for text, the colour of the glyphs); nil for none.
    package var fill: RGB?
    /// A short description for assistive technology (an SVG `<title>`, a PDF alternate text), or nil.
    package var title: String?

    package init(_ shape: Shape, stroke: Stroke? = nil, fill: RGB? = nil, title: String? = nil) {
        self.shape = shape
        self.stroke = stroke
        self.fill = fill
        self.title = title
    }

    /// The rectangle the item covers (for text, its estimated box from the font metrics, baseline to
    /// ascender plus the descender), ignoring the stroke width.
    package var bounds: Rect {
        switch shape {
        case .line(let a, let b):
            return Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y))
        case .polyline(let points, _):
            let xs = points.map(\.x)
            let ys = points.map(\.y)
            let left = xs.min() ?? 0
            let top = ys.min() ?? 0
            return Rect(x: left, y: top, width: (xs.max() ?? 0) - left, height: (ys.max() ?? 0) - top)
        case .rect(let rect, _):
            return rect
        case .circle(let center, let radius):
            return Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
        case .text(let string, let position, let size, let bold, let anchor):
            return TextMetrics.box(string, at: position, size: size, bold: bold, anchor: anchor)
        }
    }
}
