import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `edx serve`: the local web viewer, an HTTP server on FlyingFox.
///
/// It listens on the loopback address unless told otherwise, answers only requests that carry its
/// token, keeps uploads in memory and in a private folder removed by ``stop()``, and loads nothing
/// from the network.
package final class ViewerServer: Sendable {
    package let configuration: ViewerConfiguration
    let state = ViewerState()
    let folder: PrivateFolder
    private let server: HTTPServer
    private let running = Mutex<Task<Void, Never>?>(nil)
    private let failure = Shared<(any Error)?>(nil)
    private let boundPort = Shared<UInt16>(0)

    /// Makes the private folder and the server; nothing listens before ``start()``.
    package init(_ configuration: ViewerConfiguration) throws(ViewerError) {
        self.configuration = configuration
        let address = try Self.socketAddress(configuration.address, port: configuration.port)
        folder = try PrivateFolder(parent: configuration.temporaryParent)
        let router = Router(configuration: configuration, state: state, folder: folder, port: boundPort)
        server = HTTPServer(
            config: HTTPServer.Configuration(
                address: address, timeout: 600, pool: HTTPServer.defaultPool(), logger: .disabled),
            handler: router)
    }

    /// Starts listening; returns the port (the one the system chose for port 0).
    @discardableResult
    package func start() async throws(ViewerError) -> UInt16 {
        let server = self.server
        let failure = self.failure
        let task = Task {
            do { try await server.run() } catch { failure.value = error }
        }
        running.withLock { $0 = task }
        for _ in 0..<400 {
            if await server.isListening, let address = await server.listeningAddress {
                let port: UInt16
                switch address {
                case .ip4(_, port: let number), .ip6(_, port: let number): port = number
                case .unix: port = 0
                }
                boundPort.value = port
                return port
            }
            if let error = failure.value { throw describe(error) }
            try? await Task.sleep(for: .milliseconds(10))
        }
        if let error = failure.value { throw describe(error) }
        throw .cannotListen(
            address: configuration.address, port: configuration.port, reason: "the server did not start in time")
    }

    /// The port listened on (after ``start()``).
    package var port: UInt16 { boundPort.value }

    /// The link to open, with the token: `http://127.0.0.1:PORT/?token=…`.
    package var url: String {
        let host = configuration.address.contains(":") ? "[\(configuration.address)]" : configuration.address
        return "http://\(host):\(port)/?token=\(configuration.token)"
    }

    /// Opens a batch output folder (as the form of the start page does); returns its number.
    @discardableResult
    package func openBatch(_ path: String) async throws(ViewerError) -> Int {
        let opened = try BatchFolder.open(path, deidentifying: configuration.deidentifier != nil)
        return await state.open(folder: opened.folder, index: opened.index, deidentified: opened.deidentified)
    }

    /// Stops listening, lets open requests finish, and removes the private folder of uploads.
    package func stop() async {
        await server.stop(timeout: 2)
        let task = running.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
        folder.remove()
    }

    /// The socket address of `address` (IPv4 or IPv6; `localhost` is 127.0.0.1).
    static func socketAddress(_ address: String, port: UInt16) throws(ViewerError) -> any SocketAddress {
        do {
            if address == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
            if address.contains(":") { return try sockaddr_in6.inet6(ip6: address, port: port) }
            return try sockaddr_in.inet(ip4: address, port: port)
        } catch {
            throw .badAddress(address)
        }
    }

    private func describe(_ error: any Error) -> ViewerError {
        if case .failed(_, let number, let message) = error as? SocketError {
            if number == EADDRINUSE { return .portInUse(address: configuration.address, port: configuration.port) }
            return .cannotListen(address: configuration.address, port: configuration.port, reason: message)
        }
        return .cannotListen(address: configuration.address, port: configuration.port, reason: "\(error)")
    }
}
