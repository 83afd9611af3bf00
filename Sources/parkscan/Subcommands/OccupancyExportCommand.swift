import ArgumentParser
import Foundation
import OccupancyExport

/// `parkscan occupancy export --format F`: one export of the occupancy, to a file or stdout.
/// The work is in `OccupancyExport.OccupancyExporter`, shared with `parkscan serve`.
struct OccupancyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the occupancy as DATEX II v3 (table or status), GeoJSON or CSV.",
        discussion: """
            datex-table: ParkingTablePublication, the zones as on-street places with capacity and \
            location (no-parking zones left out). datex-status: ParkingStatusPublication, per zone \
            the latest pass: occupied and vacant spaces, occupancy %, status, last updated; it \
            references the table by id and version (the version changes with the zone map). \
            geojson: the zones with occupancy properties. csv: one row per zone and 15-minute \
            bucket. See docs/occupancy-export.md.
            """
    )

    @Option(help: "datex-table, datex-status, geojson or csv.")
    var format: String

    @Option(help: "The state at this time (ISO 8601 with offset, or local Berlin time like 2025-11-04T10:15); default: latest.")
    var at: String?

    @Option(help: "Only this zone (repeat, or separate ids by commas).")
    var zone: [String] = []

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @OptionGroup var source: OccupancyOptions

    func validate() throws {
        guard OccupancyExportFormat(rawValue: format) != nil else {
            throw ValidationError("unknown --format \"\(format)\" (one of "
                + OccupancyExportFormat.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
    }

    func run() throws {
        let format = OccupancyExportFormat(rawValue: format)!
        let map = try source.loadZones()
        let query: OccupancyQuery
        do { query = try OccupancyQuery.parse(at: at, zones: zone, map: map) } catch { throw CommandFailure(error.description) }
        let database = try source.openDatabase()
        let exporter = OccupancyExporter(store: OccupancyStore(reader: database.writer, map: map), publisher: source.publisher)
        let text: String
        do {
            text = try exporter.render(format, query: query, publicationTime: Date())
        } catch let error as OccupancyExportError {
            throw CommandFailure(error.description)
        }
        if let out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
