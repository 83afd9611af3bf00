import CPlateVision
import PlateReading

extension CameraFrame {
    /// The frame's pixels, packed RGB rows (through the thumbnail call at full size: a copy).
    public func rgbPixels() -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        var status = CPlateVision_Status()
        _ = withFrameHandle { handle in
            rgb.withUnsafeMutableBufferPointer { CPlateVision_FrameThumbnailRGB(handle, Int32(width), Int32(height), $0.baseAddress, &status) }
        }
        return rgb
    }

    /// The RGB triple at `x`, `y` of `pixels` (``rgbPixels()``).
    public func rgb(x: Int, y: Int, in pixels: [UInt8]) -> [UInt8] {
        Array(pixels[(y * width + x) * 3..<(y * width + x) * 3 + 3])
    }
}
