/// The unit conversion of the readers, for values read elsewhere (the limits of a lab profile).
public enum UnitConversion {
    /// `value` in `unit` converted to `canonicalUnit`, one of the canonical units of docs/formats.md
    /// (`ms`, `mV`, `µV`, `m/s`, `cm`); nil when `unit` is no unit of that quantity, or
    /// `canonicalUnit` is none of these.
    ///
    /// `uV`, `µV` and `mV` all convert to either amplitude unit; `s` and `us` to `ms`. A unit is matched
    /// in its own case: `MV` is a megavolt, not a millivolt, and `UV` is no unit here either.
    public static func convert(_ value: Double, unit: String, to canonicalUnit: String) -> Double? {
        let quantity: Quantity
        switch canonicalUnit {
        case Quantity.time.canonicalUnit: quantity = .time
        case Quantity.motorAmplitude.canonicalUnit: quantity = .motorAmplitude
        case Quantity.sensoryAmplitude.canonicalUnit: quantity = .sensoryAmplitude
        case Quantity.velocity.canonicalUnit: quantity = .velocity
        case Quantity.distance.canonicalUnit: quantity = .distance
        default: return nil
        }
        return ValueParsing.convert(value, unit: unit, quantity: quantity)
    }
}
