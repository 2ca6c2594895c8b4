import Testing

@testable import EDXPDF
