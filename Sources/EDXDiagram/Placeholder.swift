/// (to be written)
enum EDXDiagramPlaceholder {}
