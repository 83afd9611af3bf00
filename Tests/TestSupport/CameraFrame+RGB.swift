import CPlateVision
import PlateReading

extension CameraFrame {
    /// A frame from `bgr`: `height` packed rows of `width` BGR triples, copied.
    public convenience init(packedBGR bgr: [UInt8], width: Int, height: Int) throws(PlateReadingError) {
        precondition(bgr.count == width * height * 3, "\(bgr.count) bytes are not \(width)x\(height) BGR pixels")
        try self.init(bgrPixels: bgr, width: width, height: height, rowBytes: width * 3)
    }

    /// The frame's pixels, packed RGB rows, scaled to `width` x `height` (default: its own
    /// size, a copy) by the thumbnail call; empty when the call fails.
    public func rgbPixels(width: Int? = nil, height: Int? = nil) -> [UInt8] {
        let (width, height) = (width ?? self.width, height ?? self.height)
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        var status = CPlateVision_Status()
        let result = withFrameHandle { handle in
            rgb.withUnsafeMutableBufferPointer { CPlateVision_FrameThumbnailRGB(handle, Int32(width), Int32(height), $0.baseAddress, &status) }
        }
        return result == 0 ? rgb : []
    }

    /// The RGB triple at `x`, `y` of `pixels` (``rgbPixels()``).
    public func rgb(x: Int, y: Int, in pixels: [UInt8]) -> [UInt8] {
        Array(pixels[(y * width + x) * 3..<(y * width + x) * 3 + 3])
    }
}
