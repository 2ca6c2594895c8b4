/// (to be written)
enum EDXInteropPlaceholder {}
