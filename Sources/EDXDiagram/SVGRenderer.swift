/// Writes a ``Drawing`` as a standalone SVG 1.1 document.
///
/// The document names itself for assistive technology (`role="img"`, a `<title>` and a `<desc>`
/// that `aria-labelledby` points to), has a white background so it reads on a dark page, uses no
/// external reference, style sheet or script, and is byte-for-byte the same for the same drawing:
/// numbers are written with at most two decimals, colours as `#rrggbb`.
package enum SVGRenderer {
    /// The SVG text of `drawing`, titled `title` and described by `description`.
    package static func svg(_ drawing: Drawing, title: String, description: String) -> String {
        let w = number(drawing.width)
        let h = number(drawing.height)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" "
        out += "viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-labelledby=\"edx-diagram-title edx-diagram-desc\">\n"
        out += "<title id=\"edx-diagram-title\">\(escape(title))</title>\n"
        out += "<desc id=\"edx-diagram-desc\">\(escape(description))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        out += "<g font-family=\"Helvetica, Arial, sans-serif\">\n"
        for item in drawing.items {
            out += element(item) + "\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// One item as an SVG element, wrapped in a group with a `<title>` when it has one.
    static func element(_ item: DrawingItem) -> String {
        let paint = attributes(item)
        let body: String
        switch item.shape {
        case .line(let a, let b):
            body =
                "<line x1=\"\(number(a.x))\" y1=\"\(number(a.y))\" x2=\"\(number(b.x))\" y2=\"\(number(b.y))\"\(paint)/>"
        case .polyline(let points, let closed):
            let list = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
            body = "<\(closed ? "polygon" : "polyline") points=\"\(list)\"\(paint)/>"
        case .rect(let rect, let radius):
            let corner = radius > 0 ? " rx=\"\(number(radius))\"" : ""
            body =
                "<rect x=\"\(number(rect.x))\" y=\"\(number(rect.y))\" width=\"\(number(rect.width))\" "
                + "height=\"\(number(rect.height))\"\(corner)\(paint)/>"
        case .circle(let center, let radius):
            body = "<circle cx=\"\(number(center.x))\" cy=\"\(number(center.y))\" r=\"\(number(radius))\"\(paint)/>"
        case .text(let string, let position, let size, let bold, let anchor):
            let weight = bold ? " font-weight=\"bold\"" : ""
            let anchoring = anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\""
            let fill = " fill=\"\(color(item.fill ?? .black))\""
            body =
                "<text x=\"\(number(position.x))\" y=\"\(number(position.y))\" font-size=\"\(number(size))\""
                + "\(weight)\(anchoring)\(fill)>\(escape(string))</text>"
        }
        guard let title = item.title else { return body }
        return "<g><title>\(escape(title))</title>\(body)</g>"
    }

    /// `fill` and `stroke` attributes of a shape (`fill="none"` when it has none).
    static func attributes(_ item: DrawingItem) -> String {
        var text = " fill=\"\(item.fill.map(color) ?? "none")\""
        if let stroke = item.stroke {
            text += " stroke=\"\(color(stroke.color))\" stroke-width=\"\(number(stroke.width))\""
            if !stroke.dash.isEmpty {
                text += " stroke-dasharray=\"\(stroke.dash.map(number).joined(separator: " "))\""
            }
        }
        return text
    }

    /// `#rrggbb`.
    static func color(_ rgb: RGB) -> String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for component in [rgb.red, rgb.green, rgb.blue] {
            let value = Int((min(max(component, 0), 1) * 255).rounded())
            text.append(digits[value / 16])
            text.append(digits[value % 16])
        }
        return text
    }

    /// A number with at most two decimals and no trailing zeros: `12`, `12.5`, `12.25`.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100
        let fraction = abs(hundredths) % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
        return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Text with the five XML special characters escaped and control characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
