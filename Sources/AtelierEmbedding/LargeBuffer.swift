// The products walk megabytes of weights and the first stage reads rows all over the 65 MB
// table: with 4 KB pages, translating addresses costs several per cent of the encoder's time.
// On Linux, transparent huge pages are often given only to memory that asks for them
// (madvise mode), so these buffers ask, on 2 MB boundaries, before they are first written.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-size buffer of trivial values, on 2 MB pages where the system allows it.
final class LargeBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    /// Room for `count` elements, zeroed; the owner writes them before it shares the buffer.
    init(count: Int) {
        let huge = 2 << 20
        let bytes = (max(count * MemoryLayout<Element>.stride, 1) + huge - 1) / huge * huge
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, huge, bytes) == 0, let memory else { fatalError("cannot allocate \(bytes) bytes") }
        #if os(Linux)
        _ = madvise(memory, bytes, MADV_HUGEPAGE)
        #endif
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        base = memory.bindMemory(to: Element.self, capacity: count)
        self.count = count
    }

    deinit { free(base) }
}
