import EDXOutput
import Foundation

/// Combines the output folders of shards (`--shard K/N`) into one: index, reports,
/// `results.jsonl` and `summary.csv`, the same as one unsharded run would give.
///
/// The merge is built in a staging folder beside the target and renamed into place when complete:
/// a merge that fails leaves no half-written output, and a target that already holds anything is
/// refused.
package enum BatchMerge {
    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    /// Merges `shards` into `out`; returns notes for the user (parts missing from the set).
    @discardableResult
    package static func merge(_ shards: [String], into out: String) throws -> [String] {
        if let kind = FileKind.following(out) {
            guard kind == .folder else { throw OutputError(path: out, action: "merge into", reason: .notAFolder) }
            let content = try FileManager.default.contentsOfDirectory(atPath: out)
            guard content.isEmpty else {
                throw Problem(description: "\(out): already exists and is not empty; merge into a new folder")
            }
        }
        let parent = OutputFile.folder(of: out)
        try OutputFile.createFolder(parent)
        let staging =
            parent + "/" + OutputFile.temporaryPrefix + "merge-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        try OutputFile.createFolder(staging)
        do {
            let lock = try FolderLock(folder: staging)
            let notes = try build(shards, into: staging)
            withExtendedLifetime(lock) {}
            unlink(staging + "/" + FolderLock.fileName)
            if rename(staging, out) != 0 {
                throw OutputError(path: out, action: "merge into", reason: .system(errno))
            }
            return notes
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    static func build(_ shards: [String], into out: String) throws -> [String] {
        let target = try BatchIndex(path: out + "/index.sqlite")
        var parts: [Shard] = []
        for shard in shards {
            let path = shard + "/index.sqlite"
            guard FileKind.at(path) == .regular else {
                throw Problem(description: "\(shard): no index.sqlite (not a batch output folder)")
            }
            var settings = try BatchIndex(path: path).settings()
            if let part = settings.removeValue(forKey: "shard").flatMap(Shard.init) {
                if parts.contains(part) {
                    throw Problem(description: "\(shard): part \(part) is given twice")
                }
                if let first = parts.first, first.count != part.count {
                    throw Problem(description: "\(shard): part \(part) is not a part of \(first.count)")
                }
                parts.append(part)
            }
            try target.checkSettings(settings, ignoring: ["shard"])
            try target.merge(from: path)
            try copyReports(from: shard + "/reports", to: out + "/reports")
        }
        var notes: [String] = []
        if let count = parts.first?.count, parts.count < count {
            let missing = (1...count).filter { index in !parts.contains { $0.index == index } }
            notes.append(
                "parts \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) are missing: the merge holds "
                    + "\(parts.count) of \(count) parts")
        }
        try target.setSetting(
            "shard", parts.isEmpty ? "1/1" : parts.count == parts.first?.count ? "1/1" : "merged")
        try BatchOutputs.write(from: target, to: out)
        return notes
    }

    /// Copies report files that the target does not have yet (same name, same content: the names
    /// carry the study's content hash).
    static func copyReports(from source: String, to target: String) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: source) else { return }
        try OutputFile.createFolder(target)
        for name in names.sorted() where !name.hasPrefix(".") {
            let destination = target + "/" + name
            guard FileKind.at(destination) == nil, FileKind.at(source + "/" + name) == .regular else { continue }
            guard let data = FileManager.default.contents(atPath: source + "/" + name) else {
                throw Problem(description: "\(source)/\(name): cannot be read")
            }
            try OutputFile.write(bytes: [UInt8](data), to: destination)
        }
    }
}
