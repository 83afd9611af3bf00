import Foundation
import PlateReading
import TestSupport
import Testing
@testable import Scanning

/// Evidence JPEGs, encoded by the shim with libjpeg-turbo (JPEGEncoding.cpp), decode again at
/// their size with the frame's pixels.
@Suite struct EvidenceImageTests {
    typealias F = ReadFixtures

    static let width = 640, height = 360

    /// A smooth BGR frame: JPEG keeps it close.
    static func frame() throws -> (CameraFrame, [UInt8]) {
        var bgr = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                bgr[i] = UInt8(x * 255 / width)
                bgr[i + 1] = UInt8(y * 255 / height)
                bgr[i + 2] = UInt8((x + y) * 255 / (width + height))
            }
        }
        let frame = try CameraFrame(packedBGR: bgr, width: width, height: height)
        return (frame, bgr)
    }

    /// An observation of a live frame (no file) with its plate at `box` (as high as a quarter of its width).
    static func observation(of frame: CameraFrame, box: PixelBox) -> PlateObservation {
        var observation = F.observation("M-XY 4321", 0.9, frame: 0, x: box.x, y: box.y, width: box.width)
        observation.image = .pixels(frame)
        return observation
    }

    @Test func overviewAndPlateCropDecodeAtTheirSizes() throws {
        let (frame, bgr) = try Self.frame()
        let box = PixelBox(x: 200, y: 150, width: 120, height: 30)
        let images = try EvidenceRenderer(faceCascade: nil, jpegQuality: 90).images(of: Self.observation(of: frame, box: box))
        for jpeg in [images.overview, images.plateCrop] { #expect(jpeg.prefix(3) == Data([0xFF, 0xD8, 0xFF])) }
        let overview = try CameraFrame(encoded: Array(images.overview))
        #expect(overview.width == Self.width && overview.height == Self.height)
        // The crop is the box with a margin of a quarter plate height (at least 4 pixels).
        let crop = try CameraFrame(encoded: Array(images.plateCrop))
        let margin = max(4, box.height / 4)
        #expect(crop.width == box.width + 2 * margin && crop.height == box.height + 2 * margin)
        // Its pixels are the frame's, within JPEG's loss at quality 90.
        let decoded = crop.rgbPixels()
        var difference = 0
        for y in 0..<crop.height {
            for x in 0..<crop.width {
                let source = ((box.y - margin + y) * Self.width + box.x - margin + x) * 3
                let target = (y * crop.width + x) * 3
                for channel in 0..<3 { difference += abs(Int(decoded[target + channel]) - Int(bgr[source + 2 - channel])) }
            }
        }
        let mean = Double(difference) / Double(crop.width * crop.height * 3)
        #expect(mean < 2, "mean difference \(mean) per sample")
    }

    @Test func qualityIsPassedToTheEncoder() throws {
        let (frame, _) = try Self.frame()
        let observation = Self.observation(of: frame, box: PixelBox(x: 10, y: 10, width: 100, height: 25))
        let low = try EvidenceRenderer(faceCascade: nil, jpegQuality: 30).images(of: observation).overview
        let high = try EvidenceRenderer(faceCascade: nil, jpegQuality: 95).images(of: observation).overview
        #expect(low.count * 2 < high.count, "\(low.count) bytes at quality 30, \(high.count) at 95")
    }
}
