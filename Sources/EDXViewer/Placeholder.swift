/// (to be written)
enum EDXViewerPlaceholder {}
