import Foundation
import Scanning

/// `parkscan bench scan --sightings FILE`: one JSON line per decided sighting (its reads, the
/// fused plate, zone and outcome), for matching against a generated drive's truth. It holds
/// every plate read, compliant ones too: generated drives only.
final class SightingAuditFile {
    private let handle: FileHandle
    private let timeFormat: ISO8601DateFormatter = {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format
    }()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CommandFailure("\(path): cannot write")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    func write(track: PlateTrack, sighting: Sighting, outcome: SightingOutcome) {
        let plate = sighting.plate
        let reads: [[String: Any]] = track.observations.map { observation in
            let read = observation.read
            return [
                "frame": observation.framePath,
                "box": [read.box.x, read.box.y, read.box.width, read.box.height],
                "text": read.best.text, "confidence": read.best.confidence, "splitDecided": read.best.splitDecided,
                "alternatives": read.alternatives.map { [$0.text, $0.confidence] as [Any] },
                "symbols": String(read.symbols.compactMap { $0.best?.character }),
                "country": read.best.country ?? "", "band": read.hasEUBand, "detection": read.detectionScore,
            ]
        }
        var line: [String: Any] = [
            "camera": sighting.camera, "firstFrame": sighting.firstFrameIndex, "lastFrame": sighting.lastFrameIndex,
            "time": timeFormat.string(from: sighting.time), "outcome": outcome.rawValue,
            "text": plate.text, "confidence": plate.confidence, "agreement": plate.agreement,
            "splitDecided": plate.splitDecided, "readCount": plate.readCount,
            "alternatives": plate.alternatives.map { [$0.text, $0.confidence] as [Any] }, "reads": reads,
        ]
        if let zone = sighting.zone { line["zone"] = zone }
        if let voted = plate.voted {
            line["voted"] = ["text": voted.text, "score": voted.score, "runnerUpScore": voted.runnerUpScore,
                             "runnerUp": voted.runnerUp ?? "", "splitDecided": voted.splitDecided, "voters": voted.voters]
        }
        if let position = sighting.position { line["position"] = [position.latitude, position.longitude] }
        guard let data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) else { return }
        handle.write(data + Data("\n".utf8))
    }
}
