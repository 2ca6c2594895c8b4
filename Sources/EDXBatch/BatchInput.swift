import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a batch: files as given, folders searched recursively for `.xml` and `.csv`
/// files (hidden files and folders skipped), in a stable order so that every run, shard and resume
/// sees the same sequence.
package enum BatchInput {
    package struct Missing: Error, CustomStringConvertible {
        package var path: String
        package var description: String { "\(path): no such file or directory" }
    }

    /// The files to read, sorted by path within each folder, folders in the order given.
    package static func files(_ inputs: [String]) throws -> [String] {
        var files: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw Missing(path: input)
            }
            guard isDirectory.boolValue else {
                files.append(input)
                continue
            }
            var found: [String] = []
            let enumerator = FileManager.default.enumerator(atPath: input)
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator?.skipDescendants()
                    continue
                }
                let lowered = name.lowercased()
                guard lowered.hasSuffix(".xml") || lowered.hasSuffix(".csv") else { continue }
                let path = (input as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                    found.append(path)
                }
            }
            files += found.sorted()
        }
        return files
    }

    /// The size of a file in bytes (0 when it cannot be read).
    package static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

extension BatchInput {
    /// Newlines in a file, counted in 1 MiB reads (for the progress position within a file).
    static func lineCount(_ path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        var count = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                    offset = UnsafeRawPointer(found) - base + 1
                    count += 1
                }
            }
        }
        return max(1, count)
    }
}
