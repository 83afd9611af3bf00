import Foundation
import GRDB

/// One scanned drive (or one live `watch` session): where a resumed scan goes on, and its
/// counters, all committed with the sightings they count.
///
/// A resumed scan reads again from `nextFrame` (the first frame of the pass it was in, so the
/// tracker starts exactly as it did); the sightings that closed before `decidedThrough` were
/// decided by the earlier run and are only noted again, not decided twice.
public struct ScanRunRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "scanRun"

    public var id: String
    public var drivePath: String
    public var vehicle: String
    public var frameCount: Int
    public var nextFrame: Int = 0
    public var passCount: Int = 0
    public var framesRead: Int = 0
    public var unreadableFrames: Int = 0
    public var sightings: Int = 0
    public var compliant: Int = 0
    public var pending: Int = 0
    public var cases: Int = 0
    public var unread: Int = 0
    public var unlocated: Int = 0
    public var notEnforced: Int = 0
    public var completedAt: Date?
    /// Sightings closed before this frame (scan order) are decided and committed (`v4-live`).
    public var decidedThrough: Int = 0

    /// A new run: `frameCount` is the drive's (0 for a live session, which counts as it goes).
    public init(id: String, drivePath: String, vehicle: String, frameCount: Int) {
        self.id = id
        self.drivePath = drivePath
        self.vehicle = vehicle
        self.frameCount = frameCount
    }
}

/// Occupancy of one zone in one pass or time bucket (`zoneOccupancy`).
public struct ZoneOccupancyRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "zoneOccupancy"
    public static let pass = "pass"
    public static let bucket = "bucket"

    public var scanRun: String
    public var zone: String
    /// ``pass`` or ``bucket``.
    public var granularity: String
    public var periodStart: Date
    public var periodEnd: Date
    /// The pass number (1-based) for pass rows; nil for buckets.
    public var pass: Int?
    public var capacity: Int
    public var vehicles: Int
    public var resident: Int = 0
    public var paid: Int = 0
    public var exempt: Int = 0
    public var suspected: Int = 0
    public var unread: Int = 0
    public var unchecked: Int = 0
    public var dwellSeconds: Double = 0
    public var dwellCount: Int = 0

    /// Occupied share of the capacity, in percent (0 when the capacity is unknown).
    public var occupancyPercent: Double {
        capacity > 0 ? 100 * Double(vehicles) / Double(capacity) : 0
    }

    /// Mean dwell of the cars seen in two passes, nil when none was.
    public var meanDwell: TimeInterval? {
        dwellCount > 0 ? dwellSeconds / Double(dwellCount) : nil
    }

    public enum Columns {
        public static let scanRun = Column(CodingKeys.scanRun)
        public static let granularity = Column(CodingKeys.granularity)
        public static let periodStart = Column(CodingKeys.periodStart)
        public static let zone = Column(CodingKeys.zone)
    }
}
