#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Number formatting shared by the findings and the reports: no locale, no trailing zeros.
public enum Format {
    /// `1.1`, `47`, `0.25` — at most `digits` decimals, trailing zeros dropped.
    ///
    /// A value smaller than the last decimal shown keeps two significant digits: `0.0041` is written
    /// `0.0041`, never `0`, which would read as no response. Below 10^-12 it is written in exponent form.
    public static func number(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var decimals = max(0, digits)
        let magnitude = abs(value)
        if magnitude > 0 && magnitude < pow(10, Double(-decimals)) {
            decimals = 1 - Int(floor(log10(magnitude)))
            if decimals > 12 { return "\(value)" }
        }
        let scaled = (value * pow(10, Double(decimals))).rounded()
        guard abs(scaled) < 1e15 else {
            var text = String(scaled / pow(10, Double(decimals)))
            if text.contains("e") { return text }
            while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        var figures = String(Int64(abs(scaled)))
        if figures.count <= decimals { figures = String(repeating: "0", count: decimals + 1 - figures.count) + figures }
        var text = figures
        if decimals > 0 {
            text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return scaled < 0 && text != "0" ? "-" + text : text
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
