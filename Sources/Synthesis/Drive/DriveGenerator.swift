import Enforcement
import Foundation

/// Makes a whole synthetic recorded drive with exact truth: parked cars in the zones of a
/// zone map, their rights, a scan vehicle driving the streets in several passes, its GPS log
/// and camera frames, and `truth.json` (cars, occupancy, expected cases, plates per frame).
///
/// The same seed and options give the same drive, byte for byte. The folder follows
/// `Sources/DriveInput/README-drive-format.md`; `rights/` holds the rights as CSV.
///
/// Not thread-safe (the renderer's font caches glyphs): one generator per thread.
public final class DriveGenerator {
    /// The GPS log's file name in the drive folder.
    public static let gpsFile = "gps.nmea"
    /// The scan vehicle's name in `drive.json`.
    public static let vehicle = "SV-SYNTH"

    public let seed: UInt64
    public let options: DriveOptions
    private let plan: DrivePlan

    /// Plans the drive (cheap: nothing is drawn yet). Throws for nonsensical options.
    public init(seed: UInt64, options: DriveOptions, zones: ZoneMap, streets: StreetMap = .demoTown) throws {
        try options.validate()
        self.seed = seed
        self.options = options
        let scenario = ParkingScenarioPlanner.plan(seed: seed, options: options, zones: zones, streets: streets)
        let rights = RightsPlanner.plan(scenario, seed: seed)
        let frames = FramePlanner.plan(scenario, options: options)
        let gps = GPSLogWriter.nmea(scenario, options: options, seed: seed)
        plan = DrivePlan(scenario: scenario, rights: rights, frames: frames,
                         cases: ExpectedCaseFinder.cases(scenario, rights: rights, sightings: frames.sightings),
                         gpsLog: gps.text, corruptGPSLines: gps.corruptLines)
    }

    /// Loads the zone map from `zonesFolder` (every `*.geojson`), then plans as above.
    public convenience init(seed: UInt64, options: DriveOptions, zonesFolder: String,
                            streets: StreetMap = .demoTown) throws {
        let zones: ZoneMap
        do {
            zones = try ZoneMap.load(folder: URL(fileURLWithPath: zonesFolder))
        } catch {
            throw SynthesisError(path: zonesFolder, message: error.description)
        }
        try self.init(seed: seed, options: options, zones: zones, streets: streets)
    }

    /// The drive's truth (what `truth.json` holds), without writing anything.
    public var truth: DriveTruth { DriveTruthBuilder.truth(plan, seed: seed, options: options) }

    /// The rights issued (what `rights/*.csv` hold).
    public var rights: DriveRights { plan.rights }

    /// Number of frames the cameras write.
    public var frameCount: Int { plan.frames.frames.count }

    /// Writes the drive into `folder` (created if missing; files of an earlier drive there are
    /// overwritten, other files left alone) and returns its truth. `progress` hears of each
    /// frame drawn (frames done, frames in all).
    @discardableResult
    public func write(to folder: String, progress: ((Int, Int) -> Void)? = nil) throws -> DriveTruth {
        let truth = self.truth
        try DriveFolderWriter(folder: folder).write(plan: plan, truth: truth, options: options, seed: seed, progress: progress)
        return truth
    }
}
