import Foundation

/// Combines the output folders of shards (`--shard K/N`) into one: index, reports,
/// `results.jsonl` and `summary.csv`, the same as one unsharded run would give.
package enum BatchMerge {
    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    package static func merge(_ shards: [String], into out: String) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let target = try BatchIndex(path: out + "/index.sqlite")
        for shard in shards {
            let path = shard + "/index.sqlite"
            guard FileManager.default.fileExists(atPath: path) else {
                throw Problem(description: "\(shard): no index.sqlite (not a batch output folder)")
            }
            let settings = try BatchIndex(path: path).settings()
            try target.checkSettings(settings)
            try target.merge(from: path)
            try copyReports(from: shard + "/reports", to: out + "/reports")
        }
        try BatchOutputs.write(from: target, to: out)
    }

    /// Copies report files that the target does not have yet (same name, same content: the names
    /// carry the study's content hash).
    static func copyReports(from source: String, to target: String) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: source) else { return }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for name in names.sorted() where !name.hasPrefix(".") {
            let destination = target + "/" + name
            guard !FileManager.default.fileExists(atPath: destination) else { continue }
            let temporary = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
            try? FileManager.default.removeItem(atPath: temporary)
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: temporary)
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        }
    }
}
