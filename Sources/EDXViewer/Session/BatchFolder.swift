import EDXBatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A batch output folder of `edx batch` as the viewer reads it: its index, and the report files
/// it names, never anything outside the folder.
enum BatchFolder {
    /// The largest report file the viewer reads into a page (a JSON report is a few hundred KiB).
    static let reportLimit = 32 << 20

    /// Checks `path` is a batch output folder (one holding `index.sqlite`) and opens its index.
    ///
    /// - Parameter deidentifying: the viewer de-identifies: a batch made without `--deidentify` is refused.
    static func open(_ path: String, deidentifying: Bool) throws(ViewerError) -> (
        folder: String, index: BatchIndex.Browser, deidentified: Bool
    ) {
        let given = (path.trimmingCharacters(in: .whitespacesAndNewlines) as NSString).expandingTildeInPath
        guard !given.isEmpty else { throw .batch("give the path of a batch output folder") }
        guard let folder = realPath(given), kind(folder) == S_IFDIR else {
            throw .batch("no folder at that path")
        }
        guard kind(folder + "/index.sqlite") == S_IFREG else {
            throw .batch("that folder holds no index.sqlite: it is not an output folder of edx batch")
        }
        let index: BatchIndex.Browser
        do {
            index = try BatchIndex.Browser(path: folder + "/index.sqlite")
        } catch {
            throw .batch("\(error)")
        }
        let deidentified = (try? index.settings()["deidentify"]) == "true"
        if deidentifying && !deidentified {
            throw .batch(
                "that batch was made without --deidentify, and this viewer de-identifies everything it shows: "
                    + "browse it with a viewer started without --deidentify, or run the batch again with --deidentify")
        }
        return (folder, index, deidentified)
    }

    /// The file at `relative` inside `folder` (already resolved), if it is a regular file under
    /// `reports/`: absolute paths, `.` and `..` components are refused, and so is a path whose
    /// symbolic links lead out of the folder.
    static func resolve(_ relative: String, in folder: String) -> String? {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0"), !relative.contains("\\")
        else { return nil }
        let components = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 2, components[0] == "reports",
            !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        else { return nil }
        guard let real = realPath(folder + "/" + relative), real.hasPrefix(folder + "/reports/"),
            kind(real) == S_IFREG
        else { return nil }
        return real
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file type bits (`S_IFREG`, `S_IFDIR` …) of `path`, following links.
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }
}
