import CPlateVision

/// A decoded camera frame. Immutable; may be shared between threads.
public final class CameraFrame: @unchecked Sendable {
    let handle: OpaquePointer

    /// Frames larger than this are refused before decoding (the header is read first).
    public static let defaultPixelLimit = 64 * 1024 * 1024

    /// Loads a JPEG or PNG file.
    /// - Throws: ``PlateReadingError`` naming the file and what is wrong with it.
    public init(contentsOf path: String, pixelLimit: Int = CameraFrame.defaultPixelLimit) throws(PlateReadingError) {
        var status = CPlateVision_Status.ok
        guard let handle = CPlateVision_FrameLoad(path, Int64(pixelLimit), &status) else {
            throw PlateReadingError(status, path: path)
        }
        self.handle = handle
    }

    /// Decodes a JPEG or PNG image held in memory.
    public init(encoded bytes: [UInt8], pixelLimit: Int = CameraFrame.defaultPixelLimit) throws(PlateReadingError) {
        var status = CPlateVision_Status.ok
        let handle = bytes.withUnsafeBufferPointer {
            CPlateVision_FrameDecode($0.baseAddress, $0.count, Int64(pixelLimit), &status)
        }
        guard let handle else { throw PlateReadingError(status) }
        self.handle = handle
    }

    /// Takes ownership of a frame the shim made (see `CameraFrame+Pixels.swift`).
    init(owning handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { CPlateVision_FrameFree(handle) }

    public var width: Int { Int(CPlateVision_FrameWidth(handle)) }
    public var height: Int { Int(CPlateVision_FrameHeight(handle)) }
}
