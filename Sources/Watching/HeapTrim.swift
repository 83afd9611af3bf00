import Glibc

/// Keeps `watch`'s heap from holding on to the pixel buffers its readers free.
///
/// Every frame read allocates and frees some 25 MB of buffers on its reader thread (the
/// decoded 1080p frame, grey and half-size copies, thresholds, component labels). glibc
/// raises its mmap threshold after the first such buffer is freed, so later ones come from
/// the threads' heap arenas and the freed pages stay resident. Measured on the benchmark
/// (`scripts/bench-watch.sh`, loaded machine): 276-280 MB resident as it was, 256-272 MB
/// trimming once a second, 195-245 MB (2 min) and 250-270 MB (3 min) with buffers of 4 MB and
/// more mapped (and unmapped when freed) beside the trim; the cost is the page faults of those
/// buffers (a few ms of system time per frame).
public enum HeapTrim {
    /// Buffers from this size on are mapped on their own and returned when freed.
    public static let mappedBufferSize = 4 << 20

    /// Makes buffers of ``mappedBufferSize`` and more go back to the system when freed (a
    /// fixed mmap threshold, which glibc then no longer raises). Process-wide; true when set.
    @discardableResult
    public static func returnLargeBuffersWhenFreed() -> Bool {
        guard let mallopt else { return false }
        return mallopt(-3 /* M_MMAP_THRESHOLD */, Int32(mappedBufferSize)) == 1
    }

    /// Returns freed heap pages to the system; true when any were returned.
    @discardableResult
    public static func releaseFreedMemory() -> Bool {
        guard let trim else { return false }
        return trim(0) == 1
    }

    // glibc's malloc_trim and mallopt (not in Swift's Glibc module); nil on another C library.
    private static let trim: (@convention(c) (Int) -> Int32)? = function("malloc_trim")
    private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = function("mallopt")

    private static func function<T>(_ name: String) -> T? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: T.self)
    }
}
