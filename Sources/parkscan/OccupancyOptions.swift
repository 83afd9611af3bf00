import ArgumentParser
import Enforcement
import Foundation
import GRDB
import OccupancyExport

/// Where the occupancy comes from and how DATEX II names it: shared by `parkscan occupancy
/// export` and `parkscan serve`.
struct OccupancyOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The database `parkscan scan` writes.")
    var database = ParkScanDatabase.defaultPath

    @Option(help: "The zone map folder (*.geojson): the zones published, with their capacity.")
    var zones = "Zones/demo-town"

    @Option(help: "The publisher's national identifier in DATEX II (e.g. the town's Mobilithek id).")
    var publisherId = DatexPublisher.standard.nationalIdentifier

    @Option(help: "The DATEX II parking table id the status references.")
    var tableId = DatexPublisher.standard.tableID

    var publisher: DatexPublisher {
        DatexPublisher(nationalIdentifier: publisherId, tableID: tableId)
    }

    func validate() throws {
        for (name, value) in [("--publisher-id", publisherId), ("--table-id", tableId)] {
            guard !value.isEmpty, value.count <= 100, value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                throw ValidationError("\(name) must be 1-100 printable ASCII characters without spaces")
            }
        }
    }

    /// The zone map; its problems, one per line.
    func loadZones() throws -> ZoneMap {
        do {
            return try ZoneMap.load(folder: URL(fileURLWithPath: zones))
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The existing database (never created here: an export of a database that does not exist
    /// is a typo in --db, not an empty town).
    func openDatabase() throws -> ParkScanDatabase {
        guard FileManager.default.fileExists(atPath: database) else {
            throw CommandFailure("\(database): no such database (give --db, or run `parkscan scan` first)")
        }
        return try ParkScanDatabase(path: database)
    }
}
