import Foundation

/// OCR with one thread per reader: Tesseract's LSTM runs its gates in OpenMP parallel
/// sections, and libgomp reads `OMP_THREAD_LIMIT` once, when it is loaded. The plate reader
/// sets the limit to 1 before it loads Tesseract (`TesseractLibrary.cpp`), but the video
/// library loads libgomp first (Debian's libavcodec links libswresample, whose libsoxr needs
/// it): without the limit set here, `watch` ran every reader with as many OpenMP threads as
/// cores (measured on 2 cores: 6 extra threads spinning in `GOMP_parallel_sections`, about
/// 5 frames read per second instead of 13).
public enum OpenMPThreadLimit {
    /// Sets `OMP_THREAD_LIMIT=1` unless the environment already has a value (the user's wins).
    /// Call before loading anything that links libgomp.
    public static func setDefaultBeforeLoading() {
        if let value = getenv("OMP_THREAD_LIMIT"), value.pointee != 0 { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
    }

    /// The limit libgomp works with, nil when libgomp is not loaded (nothing uses OpenMP).
    public static func inEffect() -> Int? {
        guard let handle = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD) else { return nil }
        defer { dlclose(handle) }
        guard let symbol = dlsym(handle, "omp_get_thread_limit") else { return nil }
        typealias ThreadLimit = @convention(c) () -> Int32
        return Int(unsafeBitCast(symbol, to: ThreadLimit.self)())
    }
}
