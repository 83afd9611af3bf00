import Foundation
import Testing
import PlateReading

@Suite struct HeapTrimTests {
    /// What a reader thread leaves behind: heap blocks freed below a block still in use, which
    /// free() alone never returns (the top of the heap is pinned). The trim returns them.
    @Test func freedFramesBuffersGoBackToTheSystem() {
        let size = 64 << 10
        let blocks = (0..<512).map { _ -> UnsafeMutableRawPointer in
            let block = malloc(size)!
            memset(block, 1, size)
            return block
        }
        let pin = malloc(size)!
        memset(pin, 1, size)
        defer { free(pin) }
        for block in blocks { free(block) }
        #expect(HeapTrim.releaseFreedMemory(), "32 MB freed below a live block: malloc_trim returns pages")
    }

    @Test func freedFrameBuffersAreKeptForTheNextFrame() {
        #expect(HeapTrim.keepFreedBuffers(), "glibc's mallopt took the fixed mmap and trim thresholds")
    }
}
