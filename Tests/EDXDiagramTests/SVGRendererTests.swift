import EDXTestSupport
import Foundation
import Testing

@testable import EDXDiagram

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG is a well-formed, standalone, accessible SVG 1.1 document.
@Suite("SVG renderer")
struct SVGRendererTests {
    /// Element names and the first parse error of an XML document.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var texts: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(elementName)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    func parse(_ svg: String) -> (ok: Bool, collector: Collector) {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        return (parser.parse(), collector)
    }

    @Test("The SVG of every example and case parses as XML, with a title, a description and no script")
    func wellFormed() throws {
        let fixtures =
            ["peroneal-fibular-head-left.xml", "l5-radiculopathy-right.csv"].compactMap(DiagramFixtures.example)
            + DiagramFixtures.expected.prefix(90).compactMap { DiagramFixtures.fixtureCase($0.file) }
        for fixture in fixtures {
            let svg = fixture.svg
            let (ok, collector) = parse(svg)
            #expect(ok, "\(fixture.name) does not parse")
            #expect(collector.elements.first == "svg")
            #expect(collector.elements.prefix(3) == ["svg", "title", "desc"])
            #expect(!collector.elements.contains("script") && !collector.elements.contains("image"))
            #expect(!svg.contains("href") && !svg.contains("url(") && !svg.contains("<style"))
            #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\"") && svg.contains("version=\"1.1\""))
            #expect(svg.contains("role=\"img\"") && svg.contains("viewBox=\"0 0 "))
        }
    }

    @Test("xmllint finds the SVG well formed (when installed)")
    func xmllint() throws {
        guard Shell.run("command -v xmllint").status == 0 else { return }
        let fixture = try #require(DiagramFixtures.example("peroneal-fibular-head-left.xml"))
        let path = NSTemporaryDirectory() + "edx-diagram-\(getpid()).svg"
        try Data(fixture.svg.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Shell.run("xmllint --noout '\(path)' 2>&1").status == 0)
    }

    @Test("Text and titles are escaped; numbers have at most two decimals; colours are #rrggbb")
    func escaping() {
        let drawing = Drawing(
            width: 100, height: 50.125,
            items: [
                DrawingItem(
                    .text("a<b & \"c\" 'd'", position: Point(10, 20), size: 7, bold: true, anchor: .middle),
                    fill: RGB(1, 0.5, 0), title: "x > y"),
                DrawingItem(
                    .polyline([Point(1, 2), Point(3.333, 4)], closed: true),
                    stroke: Stroke(.black, width: 0.5, dash: [1, 2]), fill: nil),
            ])
        let svg = SVGRenderer.svg(drawing, title: "T & <t>", description: "D \"d\"")
        #expect(svg.contains(">a&lt;b &amp; &quot;c&quot; &apos;d&apos;</text>"))
        #expect(svg.contains("<title>x &gt; y</title>"))
        #expect(svg.contains("<title id=\"edx-diagram-title\">T &amp; &lt;t&gt;</title>"))
        #expect(svg.contains("height=\"50.13\"") || svg.contains("height=\"50.12\""))
        #expect(svg.contains("points=\"1,2 3.33,4\""))
        #expect(svg.contains("fill=\"#ff8000\""))
        #expect(svg.contains("stroke-dasharray=\"1 2\""))
        #expect(parse(svg).ok)
        #expect(SVGRenderer.number(-0.001) == "0")
        #expect(SVGRenderer.number(12.5) == "12.5")
        #expect(SVGRenderer.number(3.05) == "3.05")
    }
}
