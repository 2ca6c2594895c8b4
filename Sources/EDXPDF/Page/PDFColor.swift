/// An RGB colour, each component from 0 (none) to 1 (full); values outside are clamped when written.
package struct PDFColor: Sendable, Hashable {
    package var red: Double
    package var green: Double
    package var blue: Double

    package init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from `0xRRGGBB`, as written in style sheets.
    package init(hex: UInt32) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255)
    }

    /// A grey from 0 (black) to 1 (white).
    package static func gray(_ level: Double) -> PDFColor { PDFColor(red: level, green: level, blue: level) }

    package static let black = PDFColor(red: 0, green: 0, blue: 0)
    package static let white = PDFColor(red: 1, green: 1, blue: 1)

    /// The three components as PDF operands, clamped to 0…1.
    var operands: String {
        [red, green, blue].map { PDFSyntax.number(min(max($0, 0), 1)) }.joined(separator: " ")
    }
}

/// How a line or an outline is stroked.
package struct PDFStrokeStyle: Sendable, Hashable {
    /// How the ends of an open line look.
    package enum LineCap: Int, Sendable, Hashable {
        case butt = 0
        case round = 1
        case square = 2
    }

    /// How two segments meet.
    package enum LineJoin: Int, Sendable, Hashable {
        case miter = 0
        case round = 1
        case bevel = 2
    }

    /// Line width in points (0 is the thinnest line the device can draw).
    package var width: Double
    package var color: PDFColor
    /// Dash pattern in points: lengths of dash, gap, dash, gap…; empty for a solid line.
    package var dash: [Double]
    /// Where in the dash pattern the line starts, in points.
    package var dashPhase: Double
    package var lineCap: LineCap
    package var lineJoin: LineJoin

    package init(
        width: Double = 1, color: PDFColor = .black, dash: [Double] = [], dashPhase: Double = 0,
        lineCap: LineCap = .butt, lineJoin: LineJoin = .miter
    ) {
        self.width = width
        self.color = color
        self.dash = dash
        self.dashPhase = dashPhase
        self.lineCap = lineCap
        self.lineJoin = lineJoin
    }

    /// The operators that set this style (stroke colour, width, dash, cap and join).
    var operators: String {
        var text = "\(color.operands) RG \(PDFSyntax.number(max(width, 0))) w"
        if dash.contains(where: { $0 > 0 }) {  // all zeros is not a pattern: draw solid
            let lengths = dash.map { PDFSyntax.number(max($0, 0)) }.joined(separator: " ")
            text += " [\(lengths)] \(PDFSyntax.number(dashPhase)) d"
        }
        if lineCap != .butt { text += " \(lineCap.rawValue) J" }
        if lineJoin != .miter { text += " \(lineJoin.rawValue) j" }
        return text
    }
}
