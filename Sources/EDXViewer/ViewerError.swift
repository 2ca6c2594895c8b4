/// Why `edx serve` could not start or go on.
package enum ViewerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The port is taken by another program.
    case portInUse(address: String, port: UInt16)
    /// The address could not be listened on (not an address of this machine, not permitted …).
    case cannotListen(address: String, port: UInt16, reason: String)
    /// The address is not an IPv4 or IPv6 address.
    case badAddress(String)
    /// The private folder of uploads could not be made or written.
    case temporaryFolder(String)
    /// A batch folder that cannot be browsed, and why.
    case batch(String)

    package var description: String {
        switch self {
        case .portInUse(let address, let port):
            "port \(port) on \(address) is in use by another program: choose another with --port N (or --port 0 "
                + "for any free port)"
        case .cannotListen(let address, let port, let reason):
            "cannot listen on \(address) port \(port): \(reason)"
        case .badAddress(let address):
            "--listen \(address): not an IPv4 or IPv6 address (e.g. 127.0.0.1, ::1, 0.0.0.0)"
        case .temporaryFolder(let reason):
            "cannot use the private folder for uploads: \(reason)"
        case .batch(let reason):
            reason
        }
    }
}
