/// (to be written)
enum EDXPDFPlaceholder {}
