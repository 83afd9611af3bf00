import Glibc

/// How the process's heap treats the frame-sized buffers the reader allocates and frees.
///
/// Reading a frame allocates and frees some 25 MB of buffers (the decoded 1080p frame, grey
/// and working-size copies, thresholds, component labels, Tesseract's images). With glibc's
/// defaults the freed pages go back to the system at the end of a frame, and the next frame
/// takes page faults to get them again: measured on 300 frames of a 1920x1080 drive (`parkscan
/// read`, one thread), 2.5-3.1 s of system time in 10 s of user time in most runs, 0.2-0.4 s
/// with the buffers kept (the process 6 MB larger). ``keepFreedBuffers()`` keeps them; the
/// reader calls it once (``PlateReader``). `watch`, which must stay flat in memory for hours,
/// also returns what is free once a second (``releaseFreedMemory()``).
public enum HeapTrim {
    /// Buffers up to this size come from the heap and are reused; larger ones are mapped on
    /// their own and returned when freed (glibc's default threshold starts at 128 KB and
    /// moves). Frame buffers are at most 8 MB at 1080p. At 32 MB, the face search's ~31 MB
    /// integral-image buffer (rendering a case's evidence) came from a thread's arena and
    /// stayed resident after it was freed: neither `malloc_trim` nor the trim threshold gives
    /// back the top of a thread's arena below ``keptFreeMemory`` (`watch`: 218-223 MB before
    /// the first case, 252-260 MB after it, for the rest of the hour).
    public static let mappedBufferSize = 16 << 20
    /// Free memory at the top of a heap is given back only beyond this.
    public static let keptFreeMemory = 128 << 20

    /// Keeps freed frame buffers in the heap for the next frame (fixed mmap and trim
    /// thresholds, which glibc then no longer moves). Process-wide; true when both were set.
    @discardableResult
    public static func keepFreedBuffers() -> Bool {
        guard let mallopt else { return false }
        return mallopt(-3 /* M_MMAP_THRESHOLD */, Int32(mappedBufferSize)) == 1
            && mallopt(-1 /* M_TRIM_THRESHOLD */, Int32(keptFreeMemory)) == 1
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
