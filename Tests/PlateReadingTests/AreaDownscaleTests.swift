import Foundation
import PlateReading
import Testing
import TestSupport

/// The detector's 2/3 downscale (1920x1080 -> 1280x720, AreaDownscale.cpp), seen through the
/// thumbnail call that uses it too.
@Suite(.serialized) struct AreaDownscaleTests {
    /// A smooth but busy 1920x1080 BGR frame (no two neighbouring bytes alike).
    static func frame(width: Int = 1920, height: Int = 1080) throws -> (CameraFrame, [UInt8]) {
        var bgr = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                bgr[i] = UInt8(truncatingIfNeeded: x &* 7 &+ y &* 3)
                bgr[i + 1] = UInt8(truncatingIfNeeded: (x ^ y) &* 5)
                bgr[i + 2] = UInt8(truncatingIfNeeded: x &* y &+ 11)
            }
        }
        let frame = try CameraFrame(packedBGR: bgr, width: width, height: height)
        return (frame, bgr)
    }

    @Test func twoThirdsIsTheAreaAverageRoundedToNearest() throws {
        let (frame, bgr) = try Self.frame()
        let rgb = frame.rgbPixels(width: 1280, height: 720)
        // Per axis, an output pixel covers 1.5 input pixels: weights 2:1 (even) or 1:2 (odd).
        func taps(_ out: Int) -> [(Int, Int)] {
            let base = out / 2 * 3
            return out % 2 == 0 ? [(base, 2), (base + 1, 1)] : [(base + 1, 1), (base + 2, 2)]
        }
        let rows = (0..<720).map(taps), columns = (0..<1280).map(taps)
        var wrong = 0
        for y in 0..<720 {
            for x in 0..<1280 {
                for channel in 0..<3 {
                    var sum = 0
                    for (sy, wy) in rows[y] {
                        for (sx, wx) in columns[x] { sum += wy * wx * Int(bgr[(sy * 1920 + sx) * 3 + channel]) }
                    }
                    let expected = (sum + 4) / 9
                    if Int(rgb[(y * 1280 + x) * 3 + (2 - channel)]) != expected { wrong += 1 }
                }
            }
        }
        #expect(wrong == 0, "\(wrong) of \(1280 * 720 * 3) bytes differ from the exact area average")
    }

    /// The fast path pays: OpenCV's general area resize to nearly the same size takes longer
    /// (measured: 2.3-3.5 ms against 9-11 ms on one core).
    @Test func twoThirdsIsFasterThanTheGeneralAreaResize() throws {
        let (frame, _) = try Self.frame()
        func median(_ width: Int, _ height: Int) -> Double {
            var times: [Double] = []
            for _ in 0..<7 {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = frame.rgbPixels(width: width, height: height)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start))
            }
            return times.sorted()[3]
        }
        _ = median(1280, 720)
        let fast = median(1280, 720), general = median(1279, 719)
        #expect(fast < 0.8 * general, "2/3: \(fast / 1e6) ms, general: \(general / 1e6) ms")
    }
}
