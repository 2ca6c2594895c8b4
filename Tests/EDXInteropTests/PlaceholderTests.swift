import Testing

@testable import EDXInterop
