import Testing

@testable import EDXDiagram
