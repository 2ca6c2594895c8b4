/// Where a text position lies on the drawn text.
package enum PDFTextAlignment: Sendable, Hashable {
    /// The position is the start of the text.
    case left
    /// The position is the middle of the text.
    case center
    /// The position is the end of the text.
    case right
}

/// One page: its size, its coordinate origin, and what is drawn on it, in drawing order.
///
/// Every drawing call takes its own colours and line style and leaves the graphics state as it
/// found it (each is written between `q` and `Q`), so calls never affect each other.
/// ``saveState()`` and ``restoreState()`` group calls; a restore without a save is ignored, and
/// saves left open are closed when the page is written.
///
/// Coordinates are in points, in the page's ``PDFOrigin``: with the default ``PDFOrigin/topLeft``,
/// `(0, 0)` is the top-left corner and `y` grows downwards.
package struct PDFPage: Sendable, Hashable {
    /// The page size, written as the `/MediaBox`.
    package let size: PDFPageSize
    /// Where coordinates start and which way `y` grows.
    package let origin: PDFOrigin
    /// The content stream so far (PDF operators, ASCII).
    private(set) var content: [UInt8] = []
    /// The fonts the content stream uses.
    private(set) var fonts: Set<PDFStandardFont> = []
    /// Saves not yet restored.
    private(set) var openStates = 0

    package init(size: PDFPageSize = .a4, origin: PDFOrigin = .topLeft) {
        self.size = size
        self.origin = origin
    }

    /// The content stream as written: with the saves left open closed.
    var finishedContent: [UInt8] {
        content + Array(String(repeating: "Q\n", count: openStates).utf8)
    }

    // MARK: Graphics state

    /// Saves the graphics state (`q`).
    package mutating func saveState() {
        emit("q")
        openStates += 1
    }

    /// Restores the state of the matching ``saveState()`` (`Q`); ignored when none is open.
    package mutating func restoreState() {
        guard openStates > 0 else { return }
        emit("Q")
        openStates -= 1
    }

    /// Runs `body` between ``saveState()`` and ``restoreState()``.
    package mutating func withSavedState(_ body: (inout PDFPage) -> Void) {
        saveState()
        body(&self)
        restoreState()
    }

    // MARK: Text

    /// Draws one line of `text` with its baseline at `point`.
    ///
    /// Characters `font` cannot draw are drawn in Symbol within the same call, and characters no
    /// standard font can draw as `?` (``PDFTextEncoder``). Nothing is drawn for empty text.
    ///
    /// - Parameters:
    ///   - point: the baseline point that `alignment` refers to.
    ///   - size: the font size in points.
    ///   - alignment: whether `point` is the start, the middle or the end of the text, measured with
    ///     ``PDFTextMetrics``.
    package mutating func drawText(
        _ text: String, at point: PDFPoint, font: PDFStandardFont, size: Double, color: PDFColor = .black,
        alignment: PDFTextAlignment = .left
    ) {
        let runs = PDFTextEncoder.runs(text, font: font)
        guard !runs.isEmpty else { return }
        var x = point.x
        if alignment != .left {
            let units = runs.reduce(0) { total, run in run.codes.reduce(total) { $0 + run.font.glyphWidth($1) } }
            let width = Double(units) * size / 1000
            x -= alignment == .center ? width / 2 : width
        }
        emit("q")
        emit("\(color.operands) rg")
        emit("BT")
        for (index, run) in runs.enumerated() {
            fonts.insert(run.font)
            emit("/\(run.font.resourceName) \(PDFSyntax.number(size)) Tf")
            if index == 0 { emit("\(coordinates(PDFPoint(x: x, y: point.y))) Td") }
            content += PDFSyntax.literalString(run.codes)
            emit(" Tj")
        }
        emit("ET")
        emit("Q")
    }

    // MARK: Lines and shapes

    /// Draws a straight line from `start` to `end`.
    package mutating func drawLine(from start: PDFPoint, to end: PDFPoint, style: PDFStrokeStyle = PDFStrokeStyle()) {
        paint(path: "\(coordinates(start)) m \(coordinates(end)) l", stroke: style, fill: nil)
    }

    /// Draws a rectangle: its outline with `stroke`, its inside with `fill`, either or both.
    package mutating func drawRect(_ rect: PDFRect, stroke: PDFStrokeStyle? = PDFStrokeStyle(), fill: PDFColor? = nil) {
        let bottom = origin == .topLeft ? size.height - rect.y - rect.height : rect.y
        let operands = [rect.x, bottom, rect.width, rect.height].map(PDFSyntax.number).joined(separator: " ")
        paint(path: "\(operands) re", stroke: stroke, fill: fill)
    }

    /// Draws an open line through `points` in order (nothing for fewer than two points).
    package mutating func drawPolyline(_ points: [PDFPoint], style: PDFStrokeStyle = PDFStrokeStyle()) {
        guard points.count >= 2 else { return }
        paint(path: path(through: points), stroke: style, fill: nil)
    }

    /// Draws the closed shape through `points` (its last point joined to its first), outlined with
    /// `stroke` and filled with `fill` by the non-zero winding rule (nothing for fewer than two points).
    package mutating func drawPolygon(
        _ points: [PDFPoint], stroke: PDFStrokeStyle? = PDFStrokeStyle(), fill: PDFColor? = nil
    ) {
        guard points.count >= 2 else { return }
        paint(path: path(through: points) + " h", stroke: stroke, fill: fill)
    }

    /// Draws the ellipse that fills `rect`, as four cubic Bézier arcs (the usual approximation,
    /// control points at 0.5523 of each radius, off by less than 0.03 % of the radius).
    package mutating func drawEllipse(
        in rect: PDFRect, stroke: PDFStrokeStyle? = PDFStrokeStyle(), fill: PDFColor? = nil
    ) {
        let center = rect.center
        let rx = abs(rect.width) / 2
        let ry = abs(rect.height) / 2
        let k = 0.552_284_749_830_793_6  // 4/3 · (√2 − 1)
        // Walk in the page's own coordinates; `coordinates` turns each point the right way up.
        func p(_ dx: Double, _ dy: Double) -> String { coordinates(PDFPoint(x: center.x + dx, y: center.y + dy)) }
        let path = [
            "\(p(rx, 0)) m",
            "\(p(rx, k * ry)) \(p(k * rx, ry)) \(p(0, ry)) c",
            "\(p(-k * rx, ry)) \(p(-rx, k * ry)) \(p(-rx, 0)) c",
            "\(p(-rx, -k * ry)) \(p(-k * rx, -ry)) \(p(0, -ry)) c",
            "\(p(k * rx, -ry)) \(p(rx, -k * ry)) \(p(rx, 0)) c",
            "h",
        ].joined(separator: "\n")
        paint(path: path, stroke: stroke, fill: fill)
    }

    /// Draws the circle of `radius` points around `center`.
    package mutating func drawCircle(
        center: PDFPoint, radius: Double, stroke: PDFStrokeStyle? = PDFStrokeStyle(), fill: PDFColor? = nil
    ) {
        let rect = PDFRect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
        drawEllipse(in: rect, stroke: stroke, fill: fill)
    }

    // MARK: Writing operators

    /// `x y` of `point` in PDF's own coordinates (origin bottom-left, `y` up).
    private func coordinates(_ point: PDFPoint) -> String {
        let y = origin == .topLeft ? size.height - point.y : point.y
        return "\(PDFSyntax.number(point.x)) \(PDFSyntax.number(y))"
    }

    private func path(through points: [PDFPoint]) -> String {
        points.enumerated().map { index, point in "\(coordinates(point)) \(index == 0 ? "m" : "l")" }
            .joined(separator: "\n")
    }

    /// Writes `path` and paints it: stroked (`S`), filled (`f`) or both (`B`); nothing when neither.
    private mutating func paint(path: String, stroke: PDFStrokeStyle?, fill: PDFColor?) {
        guard stroke != nil || fill != nil else { return }
        emit("q")
        if let fill { emit("\(fill.operands) rg") }
        if let stroke { emit(stroke.operators) }
        emit(path)
        emit(stroke == nil ? "f" : fill == nil ? "S" : "B")
        emit("Q")
    }

    private mutating func emit(_ line: String) {
        content += Array(line.utf8)
        content.append(UInt8(ascii: "\n"))
    }
}
