public import EDXModel
public import EDXReference

/// The ids that ``MeasurementFinding``s carry, built from the study's own entries, so that a report
/// can join a table cell to the finding about it without re-deriving the naming rules.
public enum FindingID {
    /// `peroneal-motor-edb`, `tibial-motor-ah`, or `<nerve>-motor-<recording>` for other studies.
    public static func key(_ motor: MotorStudy) -> String { StudyName.motor(motor).key }
    /// `sural-sensory`, `superficial-peroneal-sensory` …
    public static func key(_ sensory: SensoryStudy) -> String { StudyName.sensory(sensory).key }
    /// `tibial-f-wave`, `peroneal-f-wave` …
    public static func key(_ wave: FWaveStudy) -> String { StudyName.fWave(wave).key }
    /// `h-reflex`.
    public static func key(_ reflex: HReflexStudy) -> String { StudyName.hReflex(reflex).key }

    /// The site part of an id: the canonical site, or the exported label as a slug.
    public static func site(_ site: StimulationSite?, label: String) -> String {
        site?.rawValue ?? StudyName.slug(label)
    }

    /// The site part of a segment's velocity id: `below-fibular-head-to-ankle`.
    public static func segment(_ segment: Segment) -> String { Context.segmentName(segment) }

    /// `<key>.<L|R>.<site>.<measure>`.
    public static func measurement(key: String, side: Side, site: String, measure: Measure) -> String {
        Context.measurementID(key, side, site, measure)
    }
}
