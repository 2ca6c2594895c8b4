/// The values an EDX machine can record at all. A value outside is an export or typing error (a
/// 900 ms latency, an amplitude of -3 mV), never a finding: it is skipped with a warning rather than
/// interpreted. These are engineering bounds chosen wide, not clinical limits [P]; docs/formats.md
/// lists them.
enum Plausibility {
    struct Range {
        var lower: Double
        /// Whether `lower` itself is possible (an amplitude of 0 is; a latency of 0 is not).
        var lowerIncluded: Bool
        var upper: Double

        func contains(_ value: Double) -> Bool {
            (lowerIncluded ? value >= lower : value > lower) && value <= upper
        }
    }

    /// True when `value` is possible for `quantity` whatever the field: the fast path of every number.
    static func plainlyPossible(_ value: Double, _ quantity: Quantity) -> Bool {
        switch quantity {
        case .time: value > 0 && value <= 50
        default: range(quantity, field: "").contains(value)
        }
    }

    /// The possible range of a value of `quantity` in the field named `field`.
    static func range(_ quantity: Quantity, field: String) -> Range {
        let name = field.lowercased()
        let difference =
            quantity == .time && (name.contains("diff") || name.contains("delta") || name.contains("l-r"))
        switch quantity {
        case .time:
            // Latencies and durations are positive; F waves of tall patients stay under 100 ms.
            return difference
                ? Range(lower: -50, lowerIncluded: true, upper: 50) : Range(lower: 0, lowerIncluded: false, upper: 200)
        case .motorAmplitude: return Range(lower: 0, lowerIncluded: true, upper: 100)
        case .sensoryAmplitude: return Range(lower: 0, lowerIncluded: true, upper: 1000)
        case .distance: return Range(lower: 0, lowerIncluded: false, upper: 200)
        case .velocity: return Range(lower: 0, lowerIncluded: false, upper: 150)
        case .temperature: return Range(lower: 10, lowerIncluded: true, upper: 45)
        case .height: return Range(lower: 30, lowerIncluded: true, upper: 250)
        case .weight: return Range(lower: 1, lowerIncluded: true, upper: 400)
        case .area: return Range(lower: 0, lowerIncluded: true, upper: 1000)
        case .percent: return Range(lower: 0, lowerIncluded: true, upper: 100)
        case .age: return Range(lower: 0, lowerIncluded: true, upper: 120)
        case .symptomDuration: return Range(lower: 0, lowerIncluded: true, upper: 36_525)
        }
    }

    /// `900`, `-3`, `0.25`: no exponent, no trailing zeros.
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
