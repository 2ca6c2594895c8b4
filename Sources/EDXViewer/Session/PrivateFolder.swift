import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder only this user can enter (mode 0700), for the uploaded files of one viewer run; removed
/// with everything in it by ``remove()``.
final class PrivateFolder: Sendable {
    let path: String

    /// Makes a new folder with a random name under `parent`.
    init(parent: String) throws(ViewerError) {
        let base = parent.hasSuffix("/") ? String(parent.dropLast()) : parent
        var template = Array((base + "/edx-serve-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .temporaryFolder(String(cString: strerror(errno)))
        }
        path = String(cString: made)
        chmod(path, 0o700)
    }

    /// Writes `data` to a new file of the folder (mode 0600); returns its path.
    func write(_ data: Data, name: String) throws(ViewerError) -> String {
        let target = path + "/" + name
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .temporaryFolder(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: data)
        } catch {
            unlink(target)
            throw .temporaryFolder("\(error)")
        }
        return target
    }

    /// Removes the folder and what it holds.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
