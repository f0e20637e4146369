"""The build product: IR → rendered, formatted sources → the output folder, atomically."""
