/// (to be written)
enum EDXReportPDFPlaceholder {}
