import EDXDiagram
import EDXPDF

/// Paints a ``Drawing`` (EDXDiagram's vector primitives, top-left origin) onto a PDF page at an
/// origin and a scale: lines, polylines and polygons, rectangles, circles and Helvetica text, all
/// as vector graphics.
enum DrawingPainter {
    static func paint(_ drawing: Drawing, on page: inout PDFPage, origin: PDFPoint, scale: Double) {
        func point(_ p: Point) -> PDFPoint { PDFPoint(x: origin.x + p.x * scale, y: origin.y + p.y * scale) }
        func color(_ c: RGB) -> PDFColor { PDFColor(red: c.red, green: c.green, blue: c.blue) }
        func style(_ s: Stroke?) -> PDFStrokeStyle? {
            s.map { PDFStrokeStyle(width: $0.width * scale, color: color($0.color), dash: $0.dash.map { $0 * scale }) }
        }
        for item in drawing.items {
            let stroke = style(item.stroke)
            let fill = item.fill.map(color)
            switch item.shape {
            case .line(let from, let to):
                if let stroke { page.drawLine(from: point(from), to: point(to), style: stroke) }
            case .polyline(let points, let closed):
                if closed {
                    page.drawPolygon(points.map(point), stroke: stroke, fill: fill)
                } else if let stroke {
                    page.drawPolyline(points.map(point), style: stroke)
                }
            case .rect(let rect, _):
                // Corners are drawn square: the rounding is decoration.
                page.drawRect(
                    PDFRect(
                        x: origin.x + rect.x * scale, y: origin.y + rect.y * scale, width: rect.width * scale,
                        height: rect.height * scale), stroke: stroke, fill: fill)
            case .circle(let center, let radius):
                page.drawCircle(center: point(center), radius: radius * scale, stroke: stroke, fill: fill)
            case .text(let text, let position, let size, let bold, let anchor):
                let alignment: PDFTextAlignment =
                    switch anchor {
                    case .start: .left
                    case .middle: .center
                    case .end: .right
                    }
                page.drawText(
                    text, at: point(position), font: bold ? .helveticaBold : .helvetica, size: size * scale,
                    color: fill ?? .black, alignment: alignment)
            }
        }
    }
}
