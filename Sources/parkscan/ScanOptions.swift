import ArgumentParser
import Enforcement
import Foundation
import Scanning

/// The options `parkscan scan` and `parkscan watch` share: where the database, zones and
/// evidence are, reader threads, and how passes and occupancy buckets are cut.
struct ScanOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The database file (created when missing).")
    var database = ParkScanDatabase.defaultPath

    @Option(help: "The zone map folder (*.geojson).")
    var zones = "Zones/demo-town"

    @Option(help: "Where case evidence files go.")
    var evidence = "evidence"

    @Option(help: "Reader threads.")
    var workers = 2

    @Option(help: "Minutes without frames that end a pass (the next frame starts a new one).")
    var passGapMinutes = 3.0

    @Option(help: "Occupancy time bucket in minutes.")
    var bucketMinutes = 15.0

    @OptionGroup var reader: ReaderOptions

    @Flag(help: "Read every plate in every frame, also plates a track is already sure of (slower; for comparisons).")
    var readEveryPlate = false

    func validate() throws {
        guard (1...16).contains(workers) else { throw ValidationError("--workers must be 1...16, not \(workers)") }
        guard passGapMinutes > 0, bucketMinutes > 0 else {
            throw ValidationError("--pass-gap-minutes and --bucket-minutes must be positive")
        }
    }

    /// The zone map; an invalid map stops the command before any work.
    func zoneMap() throws -> ZoneMap {
        do { return try ZoneMap.load(folder: URL(fileURLWithPath: zones)) } catch { throw CommandFailure(error.description) }
    }

    /// Scan settings from these options.
    var settings: ScanSettings {
        var settings = ScanSettings()
        settings.reader = reader.configuration
        settings.workers = workers
        settings.passGap = passGapMinutes * 60
        settings.bucket = bucketMinutes * 60
        settings.surePlates.enabled = !readEveryPlate
        return settings
    }
}
