import DriveInput
import Foundation
import Synchronization

/// The vehicle's recent track from a live GNSS feed, and the feed's health.
///
/// Fixes of the last ``window`` are kept (older ones are of no use to a live scan and would
/// only grow memory). A time between two fixes is interpolated (``GPSTrack``); a time after
/// the newest fix (the usual case live: a frame is newer than the last 1-2 Hz fix) is
/// extrapolated from that fix's speed and course, as long as the fix is at most
/// ``maximumFixAge`` old. Beyond that a frame is unlocated and its sightings are counted as such.
public final class LiveGPS: Sendable {
    /// What the status line and the metrics show about the feed.
    public struct Health: Sendable, Equatable {
        /// The stream is open (a file: it was opened and read).
        public var connected = false
        /// Connections made after the first (the feed dropped and came back).
        public var reconnects = 0
        /// Sentences with a bad checksum or malformed fields, skipped.
        public var badSentences = 0
        public var fixes = 0
        /// The newest fix's time (GPS clock).
        public var newestFix: Date?
        /// The last problem (connection refused, device gone), nil when fine.
        public var problem: String?

        public init(connected: Bool = false, reconnects: Int = 0, badSentences: Int = 0, fixes: Int = 0,
                    newestFix: Date? = nil, problem: String? = nil) {
            self.connected = connected
            self.reconnects = reconnects
            self.badSentences = badSentences
            self.fixes = fixes
            self.newestFix = newestFix
            self.problem = problem
        }
    }

    public let window: TimeInterval
    public let maximumFixAge: TimeInterval
    private let state = Mutex(State())

    private struct State {
        var fixes: [GPSFix] = []
        var track: GPSTrack?
        var health = Health()
    }

    public init(window: TimeInterval = 120, maximumFixAge: TimeInterval = GPSTrack.defaultMaximumFixAge) {
        self.window = window
        self.maximumFixAge = maximumFixAge
    }

    public var health: Health { state.withLock { $0.health } }

    /// Adds a fix (any order; older than the window is dropped).
    public func add(_ fix: GPSFix) {
        state.withLock { state in
            state.fixes.append(fix)
            let newest = max(state.health.newestFix ?? fix.time, fix.time)
            state.health.newestFix = newest
            // Fixes come in time order: only the front can have left the window.
            if let oldest = state.fixes.first, newest.timeIntervalSince(oldest.time) > window {
                state.fixes.removeAll { newest.timeIntervalSince($0.time) > window }
            }
            state.health.fixes += 1
            state.track = nil
        }
    }

    func update(_ change: (inout Health) -> Void) {
        state.withLock { change(&$0.health) }
    }

    /// Where the vehicle was at `time`, nil when no fix is near enough.
    public func position(at time: Date) -> TrackPosition? {
        state.withLock { state in
            if state.track == nil { state.track = GPSTrack(fixes: state.fixes, maximumFixAge: maximumFixAge) }
            let track = state.track!
            if let position = track.position(at: time) { return position }
            guard let newest = track.fixes.last, time > newest.time else { return nil }
            let age = time.timeIntervalSince(newest.time)
            guard age <= maximumFixAge else { return nil }
            let heading = newest.course ?? track.position(at: newest.time)?.heading
            guard let heading else {
                return TrackPosition(time: time, location: newest.location, heading: nil, fixAge: age)
            }
            let distance = (newest.speed ?? 0) * age
            let radians = heading * .pi / 180
            let location = newest.location.offset(northMetres: distance * cos(radians), eastMetres: distance * sin(radians))
            return TrackPosition(time: time, location: location, heading: heading, fixAge: age)
        }
    }
}
