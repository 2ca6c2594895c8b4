#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Number formatting shared by the findings and the reports: no locale, no trailing zeros.
public enum Format {
    /// `1.1`, `47`, `0.25` — at most `digits` decimals, trailing zeros dropped.
    public static func number(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A kebab-case key in words: `tibialis-anterior` becomes `tibialis anterior`; root names keep
    /// their capitals (`lumbar-paraspinal-l5` becomes `lumbar paraspinal L5`).
    public static func words(_ key: String) -> String {
        key.split(separator: "-").map { word in
            let isRoot = word.count == 2 && "lst".contains(word.first!) && word.last!.isNumber
            return isRoot ? word.uppercased() : String(word)
        }.joined(separator: " ")
    }

    /// A percentage rounded to whole numbers: `64 %`.
    public static func percent(_ value: Double) -> String { "\(Int(value.rounded())) %" }
}
