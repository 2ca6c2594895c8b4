#if canImport(Glibc)
    import Glibc
#endif

struct ListingError: Error {}

/// Relative paths of the regular files below `root`, sorted.
func listFiles(_ root: String) throws -> [String] {
    var result: [String] = []
    func walk(_ relative: String) throws {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { throw ListingError() }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            if Int32(entry.pointee.d_type) == Int32(DT_DIR) { try walk(child) } else { result.append(child) }
        }
    }
    try walk("")
    return result.sorted()
}
