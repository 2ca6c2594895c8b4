/// Deterministic, name-based UUIDs for the resources of a bundle: the same report gives the same ids
/// on every run, so a final bundle names the same resources as the preliminary one it replaces.
///
/// The 128 bits are the 128-bit FNV-1a hash (Fowler, Noll, Vo; offset basis and prime of the published
/// 128-bit parameters) of the UTF-8 name, formatted as an RFC 9562 version 8 UUID (the version for
/// custom, vendor-specific layouts) with the RFC variant bits. FNV is not a cryptographic hash: the ids
/// are unique names, not secrets. A version 5 UUID would need SHA-1, which this module does not link.
enum NameUUID {
    static let offsetBasis: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
    static let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013b

    /// FNV-1a over the bytes of `text`.
    static func fnv1a128(_ text: String) -> UInt128 {
        var hash = offsetBasis
        for byte in text.utf8 {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// `xxxxxxxx-xxxx-8xxx-yxxx-xxxxxxxxxxxx` (lower case) from the parts of a name, joined by U+001F
    /// so that `a` + `bc` and `ab` + `c` differ.
    static func uuid(_ parts: String...) -> String {
        var bits = fnv1a128(parts.joined(separator: "\u{1F}"))
        bits = (bits & ~(UInt128(0xF) << 76)) | (UInt128(0x8) << 76)  // version 8
        bits = (bits & ~(UInt128(0x3) << 62)) | (UInt128(0x2) << 62)  // variant 10
        let hex = String(bits, radix: 16)
        let digits = Array(String(repeating: "0", count: 32 - hex.count) + hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }
        return groups.joined(separator: "-")
    }
}
