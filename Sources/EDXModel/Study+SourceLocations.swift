extension Study {
    /// The study with every source location blanked: the content alone, to compare or hash two
    /// exports of the same study.
    public func withoutSourceLocations() -> Study {
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
