extension Study {
    /// The study without name, birth date and identifiers: stable pseudonyms (the same for the same
    /// identifier in every run, so that de-identified outputs can still be linked) replace the patient
    /// id and the study id; examiner and referrer are removed; age, sex, height and the study date are
    /// kept. Free text (indication, comments) is kept as exported and is not scrubbed.
    public func deidentified() -> Study {
        var copy = self
        copy.patient.name = nil
        copy.patient.birthDate = nil
        copy.patient.id = patient.id.map(Self.pseudonym)
        copy.examiner = nil
        copy.referrer = nil
        copy.id = Self.studyPseudonym(id)
        return copy
    }

    /// `study-` followed by 12 hex digits of the FNV-1a hash of the study id (distinct from the
    /// patient pseudonym of the same text).
    public static func studyPseudonym(_ identifier: String) -> String {
        "study-" + pseudonym("study:" + identifier).dropFirst("anon-".count)
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
