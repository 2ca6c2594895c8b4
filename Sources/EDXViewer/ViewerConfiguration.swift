package import EDXFindings
package import EDXModel
package import EDXPrivacy
import Foundation

/// How `edx serve` runs: where it listens, its token, and how studies are read and shown.
package struct ViewerConfiguration: Sendable {
    /// The default port of `edx serve`.
    package static let defaultPort: UInt16 = 8765
    /// The largest upload accepted in one request (64 MiB): larger ones get 413.
    package static let defaultUploadLimit = 64 << 20

    /// The address to listen on: loopback unless the user asked for another with `--listen`.
    package var address: String
    /// The port; 0 lets the system choose a free one.
    package var port: UInt16
    /// The secret every request must carry (32 hex digits).
    package var token: String
    /// De-identifies every study, study id, file name and diagnostic shown or downloaded.
    package var deidentifier: Deidentifier?
    /// How names of nerves, sites and muscles are read (a lab profile's aliases after the built-in ones).
    package var names: NameResolver
    /// A lab profile's limits, used where the export carries none.
    package var labLimits: LabProfileLimits?
    package var preference: LimitPreference
    /// The largest request body accepted (bytes).
    package var uploadLimit: Int
    /// `edx <version>`, written into the reports.
    package var generator: String
    /// Where the private folder of uploads is made (the system's temporary folder by default).
    package var temporaryParent: String

    package init(
        address: String = "127.0.0.1", port: UInt16 = Self.defaultPort, token: String = ViewerToken.random(),
        deidentifier: Deidentifier? = nil, names: NameResolver = .builtIn, labLimits: LabProfileLimits? = nil,
        preference: LimitPreference = .lab, uploadLimit: Int = Self.defaultUploadLimit, generator: String = "edx",
        temporaryParent: String = NSTemporaryDirectory()
    ) {
        self.address = address
        self.port = port
        self.token = token
        self.deidentifier = deidentifier
        self.names = names
        self.labLimits = labLimits
        self.preference = preference
        self.uploadLimit = uploadLimit
        self.generator = generator
        self.temporaryParent = temporaryParent
    }

    /// True for the addresses that only this machine reaches.
    package static func isLoopback(_ address: String) -> Bool {
        address == "127.0.0.1" || address == "::1" || address == "localhost" || address.hasPrefix("127.")
    }
}

/// The token of a viewer: 128 bits from the system's secure generator, as 32 hex digits.
package enum ViewerToken {
    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// Compares in time independent of where the two differ.
    static func matches(_ given: String, _ token: String) -> Bool {
        let a = Array(given.utf8)
        let b = Array(token.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
