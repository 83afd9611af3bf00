import CPlateVision
import Foundation

/// A small RGB copy of an evidence image, decoded and scaled by the CPlateVision shim (OpenCV).
public struct Thumbnail: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Packed RGB rows, `width * height * 3` bytes.
    public let rgb: [UInt8]

    /// Evidence images are at most a camera frame; anything larger is refused unread.
    static let pixelLimit: Int64 = 64_000_000

    /// The image at `path` scaled to fit `maxWidth` x `maxHeight` pixels, keeping its aspect
    /// (`pixelAspect` > 1 makes pixels taller than wide, as terminal cells are).
    public init(path: String, maxWidth: Int, maxHeight: Int, pixelAspect: Double = 1) throws(ReviewError) {
        var status = CPlateVision_Status()
        guard let frame = CPlateVision_FrameLoad(path, Self.pixelLimit, &status) else {
            throw ReviewError(.evidence, "\(path): cannot decode: \(Self.message(status))")
        }
        defer { CPlateVision_FrameFree(frame) }
        let sourceWidth = Double(CPlateVision_FrameWidth(frame))
        let sourceHeight = Double(CPlateVision_FrameHeight(frame)) / pixelAspect
        let scale = min(Double(maxWidth) / sourceWidth, Double(maxHeight) / sourceHeight)
        let width = max(1, min(maxWidth, Int((sourceWidth * scale).rounded())))
        let height = max(1, min(maxHeight, Int((sourceHeight * scale).rounded())))
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let result = pixels.withUnsafeMutableBufferPointer { buffer in
            CPlateVision_FrameThumbnailRGB(frame, Int32(width), Int32(height), buffer.baseAddress, &status)
        }
        guard result == 0 else { throw ReviewError(.evidence, "\(path): cannot scale: \(Self.message(status))") }
        self.width = width
        self.height = height
        self.rgb = pixels
    }

    /// The pixel at (`x`, `y`).
    public func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let index = (y * width + x) * 3
        return (rgb[index], rgb[index + 1], rgb[index + 2])
    }

    private static func message(_ status: CPlateVision_Status) -> String {
        withUnsafeBytes(of: status.message) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
