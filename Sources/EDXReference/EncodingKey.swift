/// A coding key made from any string: for the hand-written JSON of enums with associated values,
/// which are written as one object naming their case (`{"basis": "cmap-absent", "side": "left"}`)
/// rather than Swift's default `{"cmapAbsent": {"_0": ...}}`.
public struct EncodingKey: CodingKey, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
    public init(stringLiteral value: String) { self.stringValue = value }
}
