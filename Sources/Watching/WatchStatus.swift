import Foundation
import LiveInput

/// A moment's view of a running `watch`: what the status line and the metrics show.
public struct WatchStatus: Sendable {
    public struct Camera: Sendable, Equatable {
        public var name: String
        public var counts: LiveFrameQueue.CameraCounts
        /// Frames read per second over the last interval.
        public var framesPerSecond: Double

        public init(name: String, counts: LiveFrameQueue.CameraCounts, framesPerSecond: Double) {
            self.name = name
            self.counts = counts
            self.framesPerSecond = framesPerSecond
        }
    }

    public init() {}

    public var cameras: [Camera] = []
    /// Plates read (reads, not cars).
    public var platesRead = 0
    /// Of those, plates not read by the OCR because a track had them sure (``SurePlates``).
    public var platesCarried = 0
    /// Sightings decided, and of them pending first sightings and cases (this session).
    public var sightings = 0
    public var pending = 0
    public var cases = 0
    public var unlocated = 0
    /// Tracks open: cars in view, not decided yet.
    public var openTracks = 0
    /// Frames queued or being read.
    public var backlog = 0
    public var gps: LiveGPS.Health?
    /// Seconds since the newest GPS fix (frame clock), nil without one.
    public var gpsFixAge: TimeInterval?
    public var residentBytes = 0
    /// A failure that stopped the session.
    public var failure: String?

    public var framesCaptured: Int { cameras.reduce(0) { $0 + $1.counts.captured } }
    public var framesDropped: Int { cameras.reduce(0) { $0 + $1.counts.dropped } }
    public var framesRead: Int { cameras.reduce(0) { $0 + $1.counts.read } }

    /// The one-line status: `right 24.8 fps, left 25.0 fps | dropped 0.4 % | plates 812 |
    /// tracks 3 | pending 41 | cases 2 | GPS 0.4 s`.
    public var line: String {
        let perCamera = cameras.map { String(format: "%@ %.1f fps", $0.name, $0.framesPerSecond) }.joined(separator: ", ")
        let dropped = framesCaptured > 0 ? 100 * Double(framesDropped) / Double(framesCaptured) : 0
        var parts = [perCamera, String(format: "dropped %d (%.1f %%)", framesDropped, dropped), "plates \(platesRead)",
                     "tracks \(openTracks)", "pending \(pending)", "cases \(cases)", "unlocated \(unlocated)"]
        if let gps {
            var text = gpsFixAge.map { String(format: "GPS fix %.1f s", $0) } ?? "GPS no fix"
            if !gps.connected { text += " (disconnected\(gps.reconnects > 0 ? ", \(gps.reconnects) reconnects" : ""))" }
            else if gps.reconnects > 0 { text += " (\(gps.reconnects) reconnects)" }
            parts.append(text)
        }
        parts.append("\(residentBytes >> 20) MB")
        return parts.joined(separator: " | ")
    }
}

enum ResidentMemory {
    /// The process's current resident set (VmRSS), in bytes.
    static func bytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
    }
}
