import Glibc

/// Returns heap memory that `watch` has freed to the system (glibc's `malloc_trim`), once a
/// second from the status loop.
///
/// Every frame read allocates and frees some 15 MB of pixel buffers (the decoded 1080p frame,
/// grey and half-size copies, thresholds) on its reader thread. glibc raises its mmap threshold
/// after the first such buffer is freed, so later ones come from the threads' heap arenas and
/// the freed pages stay resident: measured on the benchmark, 276-280 MB resident without a
/// trim. Trimming once a second returns them; a reader faults them in again only once per
/// second, not per frame (a fixed mmap threshold costs that per frame: ~4 ms of system time).
public enum HeapTrim {
    /// Returns freed heap pages to the system; true when any were returned.
    @discardableResult
    public static func releaseFreedMemory() -> Bool {
        guard let trim else { return false }
        return trim(0) == 1
    }

    /// glibc's `malloc_trim` (not in Swift's Glibc module); nil on a C library without it.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
}
