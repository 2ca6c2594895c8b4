import Testing

@testable import EDXViewer
