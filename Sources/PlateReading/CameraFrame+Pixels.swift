import CPlateVision

extension CameraFrame {
    /// A frame from raw 8-bit BGR pixels (a video decoder's or a camera's), copied.
    ///
    /// - Parameters:
    ///   - pixels: `height` rows of `rowBytes` bytes, each starting with `width` BGR triples.
    /// - Throws: ``PlateReadingError`` (`.invalidArgument`) for a size that does not fit.
    public convenience init(bgrPixels pixels: UnsafeRawPointer, width: Int, height: Int, rowBytes: Int) throws(PlateReadingError) {
        var status = CPlateVision_Status.ok
        guard let handle = CPlateVision_FrameFromPixels(pixels.assumingMemoryBound(to: UInt8.self), Int32(width),
                                                        Int32(height), rowBytes, &status) else {
            throw PlateReadingError(status)
        }
        self.init(owning: handle)
    }

    /// Calls `body` with the shim's frame handle (for other CPlateVision calls, such as
    /// evidence images); the handle is valid only during the call.
    public func withFrameHandle<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(handle) }
    }
}
