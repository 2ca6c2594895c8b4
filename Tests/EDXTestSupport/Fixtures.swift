public import EDXModel

/// Locates files of the repository from tests, through `#filePath` (Fixtures/ is outside every target).
public enum Fixtures {
    /// The repository root.
    public static func root(filePath: String = #filePath) -> String {
        var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
        while let last = parts.last, last != "Tests" { parts.removeLast() }
        parts.removeLast()
        return parts.joined(separator: "/")
    }

    /// A file under `Fixtures/`.
    public static func path(_ relative: String) -> String { root() + "/Fixtures/" + relative }

    /// A file of the shared format examples, beside the repository (`../shared/formats/examples`).
    public static func example(_ name: String) -> String { root() + "/../shared/formats/examples/" + name }

    /// A file of the bundled copies of the shared examples (`Fixtures/examples`), used when the
    /// shared folder is absent.
    public static func bundledExample(_ name: String) -> String { root() + "/Fixtures/examples/" + name }
}

extension Study {
    /// The study with every source location replaced, to compare the content of two exports.
    public func withoutSources() -> Study {
        var copy = self
        let none = SourceLocation(file: "", line: 0)
        copy.source = none
        for i in copy.temperatures.indices { copy.temperatures[i].source = none }
        for m in copy.motor.indices {
            copy.motor[m].source = none
            for s in copy.motor[m].sites.indices { copy.motor[m].sites[s].source = none }
            for s in copy.motor[m].segments.indices { copy.motor[m].segments[s].source = none }
        }
        for n in copy.sensory.indices {
            copy.sensory[n].source = none
            for s in copy.sensory[n].sites.indices { copy.sensory[n].sites[s].source = none }
        }
        for i in copy.fWaves.indices { copy.fWaves[i].source = none }
        for i in copy.hReflexes.indices { copy.hReflexes[i].source = none }
        for i in copy.needle.indices { copy.needle[i].source = none }
        return copy
    }
}
