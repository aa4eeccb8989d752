// An empty file: SwiftPM wants a C target to have a source; the header is the point.
