/// A part of a study that remembers where it was read.
public protocol SourceLocated {
    var source: SourceLocation { get set }
    /// The part with every source location blanked: its content alone, to compare or hash two
    /// exports of the same data.
    func withoutSourceLocations() -> Self
}

extension SourceLocated {
    public func withoutSourceLocations() -> Self {
        var copy = self
        copy.source = SourceLocation(file: "", line: 0)
        return copy
    }
}

extension LimbTemperature: SourceLocated {}
extension MotorSite: SourceLocated {}
extension Segment: SourceLocated {}
extension SensorySite: SourceLocated {}
extension FWaveStudy: SourceLocated {}
extension HReflexStudy: SourceLocated {}
extension NeedleExam: SourceLocated {}

extension MotorStudy: SourceLocated {
    public func withoutSourceLocations() -> MotorStudy {
        var copy = self
        copy.source = SourceLocation(file: "", line: 0)
        copy.sites = sites.map { $0.withoutSourceLocations() }
        copy.segments = segments.map { $0.withoutSourceLocations() }
        return copy
    }
}

extension SensoryStudy: SourceLocated {
    public func withoutSourceLocations() -> SensoryStudy {
        var copy = self
        copy.source = SourceLocation(file: "", line: 0)
        copy.sites = sites.map { $0.withoutSourceLocations() }
        return copy
    }
}

extension Study: SourceLocated {
    public func withoutSourceLocations() -> Study {
        var copy = self
        copy.source = SourceLocation(file: "", line: 0)
        copy.temperatures = temperatures.map { $0.withoutSourceLocations() }
        copy.motor = motor.map { $0.withoutSourceLocations() }
        copy.sensory = sensory.map { $0.withoutSourceLocations() }
        copy.fWaves = fWaves.map { $0.withoutSourceLocations() }
        copy.hReflexes = hReflexes.map { $0.withoutSourceLocations() }
        copy.needle = needle.map { $0.withoutSourceLocations() }
        return copy
    }
}
