import DriveInput
import Foundation
@testable import PlateReading
@testable import Scanning

/// Hand-made reads and observations.
enum ReadFixtures {
    static let start = Date(timeIntervalSince1970: 1_762_246_800)

    static func hypothesis(_ text: String, _ confidence: Double, splitDecided: Bool = true, country: String? = "D") -> PlateHypothesis {
        PlateHypothesis(text: text, normalized: text.filter { $0.isLetter || $0.isNumber }, country: country,
                        confidence: confidence, splitDecided: splitDecided)
    }

    static func read(_ text: String, _ confidence: Double, box: PixelBox, splitDecided: Bool = true, country: String? = "D",
                     alternatives: [PlateHypothesis] = []) -> PlateRead {
        PlateRead(best: hypothesis(text, confidence, splitDecided: splitDecided, country: country), alternatives: alternatives, box: box,
                  corners: [], detectionScore: 0.8, hasEUBand: true, symbols: [])
    }

    static func observation(_ text: String, _ confidence: Double, frame: Int, x: Int, y: Int = 400, width: Int = 120,
                            camera: String = "right", alternatives: [PlateHypothesis] = [],
                            splitDecided: Bool = true) -> PlateObservation {
        PlateObservation(
            frameIndex: frame, cameraFrameIndex: frame, camera: camera,
            time: start.addingTimeInterval(Double(frame) / 10), framePath: "frames/\(camera)/\(frame).jpg",
            read: read(text, confidence, box: PixelBox(x: x, y: y, width: width, height: width / 4),
                       splitDecided: splitDecided, alternatives: alternatives),
            position: GeoPoint(latitude: 49.4 + Double(frame) * 1e-6, longitude: 8.69))
    }
}
