import Testing

@testable import EDXReportPDF
