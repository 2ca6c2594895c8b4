extension Study {
    /// The study without name, birth date and identifiers: a stable pseudonym (the same for the same
    /// patient id in every run) replaces the patient id; age and sex are kept.
    public func deidentified() -> Study {
        var copy = self
        copy.patient.name = nil
        copy.patient.birthDate = nil
        copy.patient.id = patient.id.map(Self.pseudonym)
        copy.examiner = nil
        copy.referrer = nil
        if let id = patient.id, copy.id.contains(id) {
            copy.id = copy.id.replacingAll(id, with: Self.pseudonym(id))
        }
        return copy
    }

    /// `anon-` followed by 12 hex digits of a 64-bit FNV-1a hash of the identifier.
    public static func pseudonym(_ identifier: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in identifier.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return "anon-" + padded.prefix(12)
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let index = rest.firstRange(of: target) {
            result += rest[..<index.lowerBound] + replacement
            rest = rest[index.upperBound...]
        }
        return result + rest
    }
}
