import EDXTestSupport
import Testing
import XMLStreaming

@Suite("libxml2 streaming wrapper")
struct XMLStreamReaderTests {
    @Test func eventsCarryExactLinesAndColumns() throws {
        var reader = try XMLStreamReader(path: Fixtures.path("import/xml/aliases.xml"))
        var starts: [(String, Int, Int?)] = []
        while let event = try reader.next() {
            if case .startElement(let name, _, _) = event {
                starts.append((name, reader.position.line, reader.position.column))
            }
        }
        #expect(starts.first.map { $0.0 } == "EDXStudy")
        let sites = starts.filter { $0.0 == "Site" }
        #expect(sites.first?.1 == 6 && sites.first?.2 == 7)
        // Two <Latency> elements on the same line get their own columns.
        let latencies = starts.filter { $0.0 == "Latency" && $0.1 == 11 }
        #expect(latencies.count == 1)
    }

    @Test func missingFileIsUnreadable() {
        do {
            _ = try XMLStreamReader(path: "/nonexistent/file.xml")
            Issue.record("a missing file must not open")
        } catch {
            #expect(error.kind == .unreadable)
        }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        var reader = try XMLStreamReader(path: Fixtures.path("import/broken/external-entity.xml"))
        var texts: [String] = []
        var references: [String] = []
        while let event = try reader.next() {
            if case .text(let text) = event { texts.append(text) }
            if case .entityReference(let name) = event { references.append(name) }
        }
        #expect(references == ["xxe"])
        #expect(!texts.joined().contains("root:"))
    }
}
