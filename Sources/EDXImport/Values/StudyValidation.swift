import EDXModel

/// Checks every imported study, whatever its format, for entries given twice: a stimulation site,
/// segment, nerve study, late response or needle muscle. An identical copy is dropped with a
/// warning; copies that disagree make the study untrustworthy, and it is rejected (which of the two
/// values is right cannot be known).
enum StudyValidation {
    static func check(_ imported: ImportedStudy) -> ImportedStudy {
        guard imported.status == .imported, var study = imported.study else { return imported }
        var checker = Checker(studyID: study.id)
        study.motor = checker.unique(
            study.motor, .motorStudy,
            key: {
                "\($0.nerve?.rawValue ?? $0.nerveLabel)|\($0.side.rawValue)|\($0.recording?.rawValue ?? $0.recordingLabel)"
            },
            name: { "\($0.nerveLabel) (\($0.side.rawValue))" }
        )
        for index in study.motor.indices {
            study.motor[index].sites = checker.unique(
                study.motor[index].sites, .stimulationSite, key: { $0.site?.rawValue ?? $0.siteLabel.lowercased() },
                name: \.siteLabel)
            study.motor[index].segments = checker.unique(
                study.motor[index].segments, .segment,
                key: {
                    "\($0.from?.rawValue ?? $0.fromLabel.lowercased())>\($0.to?.rawValue ?? $0.toLabel.lowercased())"
                },
                name: { "\($0.fromLabel) to \($0.toLabel)" })
        }
        study.sensory = checker.unique(
            study.sensory, .sensoryStudy,
            key: {
                "\($0.nerve?.rawValue ?? $0.nerveLabel)|\($0.side.rawValue)|\($0.recording?.rawValue ?? $0.recordingLabel)"
            },
            name: { "\($0.nerveLabel) (\($0.side.rawValue))" }
        )
        for index in study.sensory.indices {
            study.sensory[index].sites = checker.unique(
                study.sensory[index].sites, .stimulationSite, key: { $0.site?.rawValue ?? $0.siteLabel.lowercased() },
                name: \.siteLabel)
        }
        study.fWaves = checker.unique(
            study.fWaves, .fWaveStudy, key: { "\($0.nerve?.rawValue ?? $0.nerveLabel)|\($0.side.rawValue)" },
            name: { "\($0.nerveLabel) (\($0.side.rawValue))" })
        study.hReflexes = checker.unique(
            study.hReflexes, .hReflexStudy, key: { "\($0.nerve?.rawValue ?? $0.nerveLabel)|\($0.side.rawValue)" },
            name: { "\($0.nerveLabel) (\($0.side.rawValue))" })
        study.needle = checker.unique(
            study.needle, .needleMuscle,
            key: { "\($0.muscle?.rawValue ?? $0.muscleLabel.lowercased())|\($0.side.rawValue)" },
            name: { "\($0.muscleLabel) (\($0.side.rawValue))" }
        )

        var checked = imported
        checked.diagnostics += checker.diagnostics
        if checker.conflict {
            checked.status = .rejected
            checked.study = nil
        } else {
            checked.study = study
        }
        return checked
    }

    struct Checker {
        let studyID: String
        var diagnostics: [Diagnostic] = []
        var conflict = false

        /// `items` without repeated keys; reports each repeat.
        mutating func unique<Item>(
            _ items: [Item], _ entry: ImportProblem.Entry, key: (Item) -> String, name: (Item) -> String
        ) -> [Item] where Item: Equatable & SourceLocated {
            var seen: [String: Item] = [:]
            var kept: [Item] = []
            for item in items {
                let itemKey = key(item)
                guard let first = seen[itemKey] else {
                    seen[itemKey] = item
                    kept.append(item)
                    continue
                }
                let firstLine = first.source.line
                if first.withoutSourceLocations() == item.withoutSourceLocations() {
                    diagnostics.append(
                        Diagnostic(
                            .duplicate(entry, firstLine: firstLine), at: item.source, field: name(item),
                            studyID: studyID))
                } else {
                    conflict = true
                    diagnostics.append(
                        Diagnostic(
                            .conflictingCopies(entry, firstLine: firstLine), at: item.source, field: name(item),
                            studyID: studyID))
                }
            }
            return kept
        }
    }
}
